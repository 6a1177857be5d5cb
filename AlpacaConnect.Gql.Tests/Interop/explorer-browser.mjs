// Opens the explorer (Banana Cake Pop) in headless Chromium on a running server, runs a query and a
// subscription through its UI, saves screenshots and reports the traffic it saw.
// Usage: node explorer-browser.mjs <server-base-url> <screenshot-folder>
// Prints one line "RESULT <json>"; exits 1 when a step fails.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newContext, openExplorer, redact } from './explorer-page.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: explorer-browser.mjs <server-base-url> <screenshot-folder>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await launchChromium();
const result = { requests: [], sockets: [], frames: { sent: [], received: [] } };
try {
  const context = await newContext(browser);
  context.on('request', (request) => result.requests.push(request.url()));
  context.on('response', async (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.postData()?.includes('ExplorerProbe')) {
      result.queryResponse = { status: response.status(), body: await response.text() };
    }
  });
  context.on('page', (page) => page.on('websocket', (socket) => {
    result.sockets.push(socket.url());
    socket.on('framesent', (frame) => result.frames.sent.push(redact(frame.payload)));
    socket.on('framereceived', (frame) => result.frames.received.push(redact(frame.payload)));
  }));

  // A browser navigating to the GraphQL endpoint lands on the explorer.
  const { page, landedOn, pageText, until, write, run } = await openExplorer(context, base);
  result.landedOn = landedOn;

  await write('query ExplorerProbe { __typename }', 'ExplorerProbe');
  await run();
  await until('the query result', async () => (await pageText()).includes('"Query"'));
  await page.screenshot({ path: join(shots, 'explorer-query.png') });

  await write('subscription ExplorerTicks { ticks(count: 3) }', 'ExplorerTicks');
  await run();
  await until('the subscription to complete', async () => result.frames.received.some((f) => f.includes('"complete"')));
  await until('the last tick in the result pane', async () => (await pageText()).includes('"ticks": 3'));
  await page.screenshot({ path: join(shots, 'explorer-subscription.png') });
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.error(redact(error?.stack ?? error));
  console.error(JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
