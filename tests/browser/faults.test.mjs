// Faults on the way to the data: every one ends in the figures or in a message the reader
// understands, in their language, and a file that did not arrive can be fetched again without
// reloading the page (issue #18). The program files' own faults (a missing WASM or glue) are
// in bake.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { CSP, staticHandler } from './server.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { DIST, TEST_OVERRIDES } from './widget.mjs';

/** A view the bake does not draw (a status filter): the WASM loads the data itself. */
const LIVE_VIEW = '?v=2&st=od';
const SNAPSHOT = '**/data/snapshots/quang-ninh-2021-q1.json';
const MANIFEST = '**/data/manifest.json';

let server;
let browser;
let base;

/** The test server, with one path answering a damaged gzip body, as a broken host would. */
before(async () => {
  const { handle } = staticHandler({
    root: DIST,
    basePath: '/w/',
    headers: { 'Content-Security-Policy': CSP },
    overrides: TEST_OVERRIDES,
  });
  server = createServer((req, res) => {
    if (req.url.startsWith('/w/data/snapshots/quang-ninh-2021-q1.json') && req.url.includes('damaged')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      return res.end(Buffer.from('this is not gzip at all, but says it is'));
    }
    handle(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/w/`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections?.();
  await new Promise((resolve) => server?.close(resolve));
});

/** Console errors other than the failed requests each test provokes on purpose. */
function unexpectedErrors(page) {
  return page.consoleErrors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));
}

/** Presses "try again" and checks the figures come, in the same page (no reload). */
async function retryShowsFigures(page, name = 'Thử lại') {
  await page.getByRole('button', { name }).click();
  await page.locator('#td-status .td-row-button').first().waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('.td-error').count(), 0, 'the message is gone');
  assert.equal(await page.evaluate(() => window.__notReloaded), true, 'the page was not reloaded');
}

// Guards: a manifest that fails once (HTTP 500) reads as a passing fault, in Vietnamese, not
// as a broken file for the editors; "try again" then shows the figures without a reload.
test('a manifest that fails once, then answers, is fetched again by "try again"', async () => {
  const page = await newPage(browser);
  let answers = 0;
  await page.route(MANIFEST, (route) => (answers++ === 0 ? route.fulfill({ status: 500, body: 'busy' }) : route.continue()));
  await page.goto(`${base}${LIVE_VIEW}`);
  await page.evaluate(() => (window.__notReloaded = true));
  const error = page.locator('.td-error[role=alert]');
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.locator('h2').innerText(), /^Chưa tải được số liệu$/);
  assert.match(await error.innerText(), /kết nối mạng bị gián đoạn hoặc máy chủ đang bận/);
  assert.doesNotMatch(await error.innerText(), /ban biên tập/, 'a passing fault is not the editors\' to fix');
  await error.locator('summary').click();
  assert.match(await error.locator('details').innerText(), /data\/manifest\.json: máy chủ đang bận hoặc gặp lỗi \(HTTP 500\)/);
  await retryShowsFigures(page);
  assert.equal(answers, 2);
  assert.deepEqual(unexpectedErrors(page), []);
  await page.close();
});

// Guards: a snapshot that never answers ends in a message after 15 s, not "loading" for ever;
// in English for an English link.
test('a snapshot that never answers ends in a message with a retry', async () => {
  const page = await newPage(browser);
  let hold = true;
  await page.route(SNAPSHOT, (route) => (hold ? undefined : route.continue()));
  await page.goto(`${base}${LIVE_VIEW}&l=en`);
  await page.evaluate(() => (window.__notReloaded = true));
  assert.match(await page.locator('.td-loading[role=status]').innerText({ timeout: 20_000 }), /Loading data/);
  const error = page.locator('.td-error[role=alert]');
  await error.waitFor({ timeout: 25_000 });
  assert.match(await error.locator('h2').innerText(), /^The figures have not arrived$/);
  assert.match(await error.locator('details').textContent(), /quang-ninh-2021-q1\.json: no answer after 15 seconds/);
  hold = false;
  await retryShowsFigures(page, 'Try again');
  assert.deepEqual(unexpectedErrors(page), []);
  await page.close();
});

// Guards: a damaged gzip body (the host says gzip, the bytes are not) reads as a fault of the
// transfer, with a retry.
test('a damaged gzip answer is a fault of the transfer, not of the figures', async () => {
  const page = await newPage(browser);
  let damaged = true;
  await page.route(SNAPSHOT, (route) => {
    const url = new URL(route.request().url());
    if (damaged) url.searchParams.set('damaged', '1');
    return route.continue({ url: url.href });
  });
  await page.goto(`${base}${LIVE_VIEW}`);
  await page.evaluate(() => (window.__notReloaded = true));
  const error = page.locator('.td-error[role=alert]');
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.locator('h2').innerText(), /^Chưa tải được số liệu$/);
  assert.match(await error.locator('details').textContent(), /kết nối bị gián đoạn hoặc dữ liệu nhận được bị hỏng/);
  damaged = false;
  await retryShowsFigures(page);
  await page.close();
});

// Guards: a missing file (404) is the editors' to fix, and says which; it can still be
// fetched again (a deployment in progress).
test('a missing snapshot names its file for the editors', async () => {
  const page = await newPage(browser);
  await page.route(SNAPSHOT, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${base}${LIVE_VIEW}`);
  const error = page.locator('.td-error[role=alert]');
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.locator('h2').innerText(), /^Không tải được dữ liệu$/);
  assert.match(await error.innerText(), /báo cho ban biên tập/);
  assert.match(await error.innerText(), /data\/snapshots\/quang-ninh-2021-q1\.json: could not be fetched: HTTP 404/);
  assert.equal(await error.getByRole('button', { name: 'Thử lại' }).count(), 1);
  await page.close();
});

// Guards: bytes that are not UTF-8 are refused with the line, as snapshot-tool refuses them,
// never shown as "��" among official figures.
test('a snapshot that is not UTF-8 is refused with its line, as the tool refuses it', async () => {
  const page = await newPage(browser);
  await page.route(SNAPSHOT, async (route) => {
    const original = await (await route.fetch()).text();
    const body = Buffer.from(original.replace('Quảng Ninh', 'Qu\u0000ng Ninh'), 'utf8');
    // The NUL stands in for a byte no UTF-8 text has.
    body[body.indexOf(0)] = 0xff;
    await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
  });
  await page.goto(`${base}${LIVE_VIEW}`);
  const error = page.locator('.td-error[role=alert]');
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.innerText(), /the file is not UTF-8 text: .* at line \d+/);
  assert.equal(await page.locator('.td-card').count(), 0, 'no figures from a damaged file');
  assert.equal(await error.getByRole('button').count(), 0, 'a broken file is not fetched again');
  await page.close();
});

// Guards: the WASM is fetched with the integrity of its preload: the preload is used (no
// console warning that its integrity was ignored), and a file changed after the build is
// refused with the start-up message, never run.
test('the WASM has a working integrity check', async () => {
  const page = await newPage(browser);
  const wasmRequests = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasmRequests.push(r.url()));
  await page.goto(`${base}${LIVE_VIEW}`);
  await page.locator('#td-status .td-row-button').first().waitFor({ timeout: 20_000 });
  assert.deepEqual(page.consoleMessages.filter((m) => /integrity|preload/i.test(m)), []);
  assert.equal(wasmRequests.length, 1, `the preload is the loader's fetch: ${wasmRequests}`);
  await page.close();

  const tampered = await newPage(browser);
  await tampered.route('**/*.wasm', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body[body.length - 1] ^= 0xff; // one bit pattern changed in the last byte
    await route.fulfill({ status: 200, contentType: 'application/wasm', body });
  });
  await tampered.goto(`${base}${LIVE_VIEW}`);
  const failed = tampered.locator('.td-failed[role=alert]');
  await failed.waitFor({ timeout: 20_000 });
  assert.match(await failed.innerText(), /Không tải được chương trình/);
  assert.equal(await tampered.evaluate(() => window.wasmBindings), undefined, 'the changed WASM never ran');
  await tampered.close();
});
