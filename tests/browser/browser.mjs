// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (playwright's own browser download does not work here, so no `npx playwright install`).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launch headless Chromium. Close it with `await browser.close()`. */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * Open a new page (in its own context) and navigate to `url` if given.
 * Console errors (including CSP violations, which Chromium logs as console errors) and
 * uncaught page errors are collected in `page.consoleErrors` (array of strings);
 * tests assert it is empty. `page.consoleMessages` holds every console message.
 */
export async function newPage(browser, { url, viewport = { width: 1280, height: 800 }, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.consoleMessages = [];
  page.on('console', (msg) => {
    const text = `${msg.type()}: ${msg.text()}`;
    page.consoleMessages.push(text);
    if (msg.type() === 'error') {
      const loc = msg.location();
      page.consoleErrors.push(loc?.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
    }
  });
  page.on('pageerror', (err) => page.consoleErrors.push(`pageerror: ${err.stack ?? err.message ?? err}`));
  page.on('requestfailed', (req) => {
    // Aborted navigations when the test closes the page are not errors.
    const failure = req.failure()?.errorText ?? 'failed';
    if (failure !== 'net::ERR_ABORTED') page.consoleErrors.push(`requestfailed: ${req.url()} ${failure}`);
  });
  // Closing the page also closes its private context.
  page.once('close', () => context.close().catch(() => {}));
  if (url) await page.goto(url, { waitUntil: 'load' });
  return page;
}
