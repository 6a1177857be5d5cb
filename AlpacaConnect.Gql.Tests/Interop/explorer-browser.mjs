// Opens the explorer (Banana Cake Pop) in headless Chromium on a running server, runs a query and a
// subscription through its UI, saves screenshots and reports the traffic it saw.
// Usage: node explorer-browser.mjs <server-base-url> <screenshot-folder>
// Prints one line "RESULT <json>"; exits 1 when a step fails.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: explorer-browser.mjs <server-base-url> <screenshot-folder>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { requests: [], sockets: [], frames: { sent: [], received: [] } };
try {
  // The bundle's service worker reloads the page once it has cached itself; a test wants one page load.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('request', (request) => result.requests.push(request.url()));
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.postData()?.includes('ExplorerProbe')) {
      result.queryResponse = { status: response.status(), body: await response.text() };
    }
  });
  page.on('websocket', (socket) => {
    result.sockets.push(socket.url());
    socket.on('framesent', (frame) => result.frames.sent.push(String(frame.payload)));
    socket.on('framereceived', (frame) => result.frames.received.push(String(frame.payload)));
  });

  // A browser navigating to the GraphQL endpoint lands on the explorer.
  await page.goto(new URL('/graphql', base).toString());
  result.landedOn = page.url();
  await page.getByText('Create Document').click();
  await page.getByText('Schema available').waitFor();

  const editor = page.locator('.monaco-editor').first();
  // The code lens above the operation runs it (the toolbar button needs the editor's selection state).
  const run = page.getByText('Run ▷');
  const until = async (what, condition) => {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(100);
    }
  };
  const pageText = () => page.evaluate(() => document.body.innerText.replace(/\u00a0/g, ' '));

  // Runs only once the operation builder has parsed the new text; clicking earlier runs the previous one.
  const write = async (text, operationName) => {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    await until(`the builder to show ${operationName}`, async () => (await pageText()).includes(`${operationName}: `));
  };

  await write('query ExplorerProbe { __typename }', 'ExplorerProbe');
  await run.click();
  await until('the query result', async () => (await pageText()).includes('"Query"'));
  await page.screenshot({ path: join(shots, 'explorer-query.png') });

  await write('subscription ExplorerTicks { ticks(count: 3) }', 'ExplorerTicks');
  await run.click();
  await until('the subscription to complete', async () => result.frames.received.some((f) => f.includes('"complete"')));
  await until('the last tick in the result pane', async () => (await pageText()).includes('"ticks": 3'));
  await page.screenshot({ path: join(shots, 'explorer-subscription.png') });
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.error(error);
  console.error(JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
