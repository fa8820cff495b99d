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

// Guards: a host that forgets the Content-Security-Policy header still serves both pages under
// the production policy, from their <meta http-equiv> element (which trunk must keep).
test('without the CSP header, both pages are under the same policy from their meta element', async () => {
  const bare = await startServer({ root: DIST, basePath: '/some/sub/path/' });
  try {
    for (const page of ['', 'embed.html?v=2&embed=1&show=status&fid=td-x']) {
      const tab = await newPage(browser, { url: bare.url + page });
      await tab.waitForSelector('.td-card', { timeout: 20_000 }).catch((err) => {
        throw new Error(`${page || 'index.html'} did not draw; console errors: ${JSON.stringify(tab.consoleErrors)}`, { cause: err });
      });
      assert.deepEqual(tab.consoleErrors, [], `${page || 'index.html'}: console errors`);
      const meta = await tab.evaluate(
        () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      assert.equal(meta, CSP, `${page || 'index.html'}: the meta element's policy`);
      // An injected inline script is refused, as under the header.
      const ran = await tab.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true;';
        document.head.append(s);
        return window.__inlineRan === true;
      });
      assert.equal(ran, false, `${page || 'index.html'}: an inline script ran`);
      await tab.close();
    }
  } finally {
    await bare.close();
  }
});

// Release builds compile a panic to a WebAssembly trap (panic = immediate-abort, see
// scripts/build.sh), which reaches the page as an uncaught RuntimeError: static/crash.js then
// replaces the frozen widget with a notice in the page's language. Other errors leave it alone.
test('a WebAssembly trap shows a reload notice in the page language; other errors do not', async () => {
  // Thrown from a task, as a trap in an event handler or a timer would be (uncaught).
  const uncaught = (page, trap) =>
    page.evaluate((trap) => setTimeout(() => {
      throw trap ? new WebAssembly.RuntimeError('unreachable') : new Error('an ordinary script error');
    }), trap);
  for (const [query, notice] of [['', 'Đã xảy ra lỗi, vui lòng tải lại trang.'], ['?l=en', 'Something went wrong; please reload the page.']]) {
    const page = await newPage(browser, { url: server.url + query });
    await page.waitForSelector('.td-card', { timeout: 20_000 });
    await uncaught(page, false);
    await page.waitForTimeout(100);
    assert.ok(await page.locator('.td-card').count() > 0, 'an ordinary error left the widget');
    await uncaught(page, true);
    await page.waitForFunction((text) => document.body.textContent === text, notice, { timeout: 5000 });
    assert.equal(await page.locator('main').count(), 0);
    await page.close();
  }
});
