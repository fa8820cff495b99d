// Smoke test: the release build in dist/ loads under the production CSP, from a sub-path,
// mounts <main>, has a title, and logs no console errors (CSP violations are console errors).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, CSP } from './server.mjs';
import { launchBrowser, newPage } from './browser.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let server;
let browser;

before(async () => {
  assert.ok(existsSync(`${DIST}/index.html`), 'dist/index.html missing: run scripts/build.sh first');
  server = await startServer({
    root: DIST,
    basePath: '/some/sub/path/',
    headers: { 'Content-Security-Policy': CSP },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('widget mounts under the production CSP with no console errors', async () => {
  const page = await newPage(browser, { url: server.url });
  await page
    .waitForFunction(() => document.querySelector('main') !== null, null, { timeout: 20_000 })
    .catch((err) => {
      throw new Error(`<main> never appeared; console errors: ${JSON.stringify(page.consoleErrors)}`, { cause: err });
    });
  assert.notEqual((await page.title()).trim(), '', 'page title is empty');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
