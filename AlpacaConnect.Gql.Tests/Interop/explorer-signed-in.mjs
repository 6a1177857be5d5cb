// The explorer signed in as the server's dev user (Development): runs `me` and the alpacaConnectionChanged
// subscription through Banana Cake Pop's UI, then links an Alpaca account for that same user (connectAlpaca
// with the explorer's own header, the sandbox consent page, the dev return page, completeAlpacaConnection)
// and waits for the subscription in the explorer to show it. Saves screenshots; tokens are never printed.
// Usage: node explorer-signed-in.mjs <server-base-url> <screenshot-folder> <returnTo>
// Prints one line "RESULT <json>"; exits 1 when a step fails.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newContext, openExplorer, redact } from './explorer-page.mjs';

const [base, shots, returnTo] = process.argv.slice(2);
if (!base || !shots || !returnTo) {
  console.error('usage: explorer-signed-in.mjs <server-base-url> <screenshot-folder> <returnTo>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await launchChromium();
const result = { init: [], frames: { sent: [], received: [] } };
let authorization;
try {
  const context = await newContext(browser);
  context.on('response', async (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.postData()?.includes('ExplorerViewer')) {
      authorization = request.headers().authorization;
      result.viewer = { status: response.status(), bearer: /^Bearer \S+$/.test(authorization ?? ''), body: await response.text() };
    }
  });
  context.on('page', (page) => page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      const message = JSON.parse(frame.payload);
      if (message.type === 'connection_init') {
        // What the explorer authenticates its socket with, without the secret itself.
        const payload = message.payload ?? {};
        result.init.push({ keys: Object.keys(payload), bearer: /^Bearer \S+$/.test(payload.authorization ?? '') });
      }
      result.frames.sent.push(redact(frame.payload));
    });
    socket.on('framereceived', (frame) => result.frames.received.push(redact(frame.payload)));
  }));

  const { page, pageText, until, write, run } = await openExplorer(context, base);

  await write('query ExplorerViewer { me { id name } }', 'ExplorerViewer');
  await run();
  await until('the viewer in the result pane', async () => result.viewer && (await pageText()).includes('"name"'));
  await page.screenshot({ path: join(shots, 'explorer-signed-in-query.png') });

  await write('subscription ExplorerConnection { alpacaConnectionChanged { status environment accountNumber } }', 'ExplorerConnection');
  await run();
  await until('the subscription to start', async () => result.frames.sent.some((f) => f.includes('ExplorerConnection')));
  await until('the server to accept it', async () => result.frames.received.some((f) => f.includes('connection_ack')));

  // The same user links an account, as an app would: the explorer's own header, the consent page in the browser.
  const graphql = async (query, variables) => {
    const response = await fetch(new URL('/graphql', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`GraphQL errors: ${redact(JSON.stringify(body.errors))}`);
    return body.data;
  };
  const started = await graphql(
    'mutation($input: ConnectAlpacaInput!) { connectAlpaca(input: $input) { authorizationUrl errors { ... on Error { code } } } }',
    { input: { environment: 'PAPER', returnTo } });
  const consent = await context.newPage();
  await consent.goto(started.connectAlpaca.authorizationUrl);
  await consent.screenshot({ path: join(shots, 'explorer-signed-in-consent.png') });
  await Promise.all([consent.waitForURL((url) => url.toString().startsWith(returnTo)), consent.click('#approve')]);
  // The developer copies the code with the page's button, as the walkthrough says, and pastes it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(returnTo).origin });
  const shown = (await consent.textContent('#code')).trim();
  await consent.click('#copy');
  await consent.waitForFunction(() => document.getElementById('copy').textContent !== 'Copy');
  const completionCode = await consent.evaluate(() => navigator.clipboard.readText());
  result.copy = { button: await consent.textContent('#copy'), sameAsShown: completionCode === shown, length: completionCode.length };
  const completed = await graphql(
    'mutation($input: CompleteAlpacaConnectionInput!) { completeAlpacaConnection(input: $input) { connection { status } errors { ... on Error { code } } } }',
    { input: { completionCode } });
  result.completed = completed.completeAlpacaConnection;

  await page.bringToFront();
  await until('the event in the explorer', async () => (await pageText()).includes('"CONNECTED"'));
  await page.screenshot({ path: join(shots, 'explorer-signed-in-subscription.png') });
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.error(redact(error?.stack ?? error));
  console.error(JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
