// Shared by the explorer scripts: Debian's Chromium (never a downloaded browser) with Banana Cake Pop open on
// a running server, and the few UI moves the scripts make in it.
import { chromium } from 'playwright-core';

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Navigates to the GraphQL endpoint as a browser does, lands on the explorer and creates a document.
// Returns the page and helpers: write(text, operationName) and run().
export async function openExplorer(context, base) {
  const page = await context.newPage();
  await page.goto(new URL('/graphql', base).toString());
  const landedOn = page.url();
  await page.getByText('Create Document').click();
  await page.getByText('Schema available').waitFor();

  const editor = page.locator('.monaco-editor').first();
  const pageText = () => page.evaluate(() => document.body.innerText.replace(/\u00a0/g, ' '));
  const until = async (what, condition) => {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(100);
    }
  };
  // Runs only once the operation builder has parsed the new text; clicking earlier runs the previous one.
  const write = async (text, operationName) => {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    await until(`the builder to show ${operationName}`, async () => (await pageText()).includes(`${operationName}: `));
  };
  // The code lens above the operation runs it (the toolbar button needs the editor's selection state).
  const run = () => page.getByText('Run ▷').click();
  return { page, landedOn, pageText, until, write, run };
}

// A context whose service worker cannot interfere: the bundle's worker reloads the page once it has cached
// itself, and a test wants one page load.
export function newContext(browser) {
  return browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
}

// Bearer tokens never reach the script's output, which ends up in test logs.
export function redact(text) {
  return String(text)
    .replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer <redacted>')
    .replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '<jwt redacted>');
}
