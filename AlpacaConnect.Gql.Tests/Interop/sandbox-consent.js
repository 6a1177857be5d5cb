// Drives the sandbox's OAuth consent page in Debian's headless Chromium (never a downloaded browser):
// renders it, screenshots it, clicks Approve and prints the URL the browser lands on.
// Usage: node sandbox-consent.js <authorizeUrl> <redirectUri> <screenshotDir>
'use strict';
const path = require('node:path');
const { chromium } = require('playwright-core');

async function main() {
  const [authorizeUrl, redirectUri, screenshotDir] = process.argv.slice(2);
  if (!authorizeUrl || !redirectUri || !screenshotDir) {
    throw new Error('usage: sandbox-consent.js <authorizeUrl> <redirectUri> <screenshotDir>');
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
    await page.goto(authorizeUrl);
    const app = await page.textContent('#app-name');
    const environment = await page.textContent('#env');
    await page.screenshot({ path: path.join(screenshotDir, 'sandbox-consent.png'), fullPage: true });
    await Promise.all([
      page.waitForURL((url) => url.toString().startsWith(redirectUri)),
      page.click('#approve'),
    ]);
    await page.waitForLoadState('load');
    await page.screenshot({ path: path.join(screenshotDir, 'sandbox-callback.png'), fullPage: true });
    console.log(`APP ${app}`);
    console.log(`ENV ${environment}`);
    console.log(`LANDED ${page.url()}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
