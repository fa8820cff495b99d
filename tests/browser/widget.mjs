// Shared set-up of the browser tests: serve the release build (dist/) under the production
// CSP from a sub-path, with a test manifest that adds fixtures to the real snapshots, and open
// the widget in headless Chromium.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, CSP } from './server.mjs';
import { launchBrowser, newPage } from './browser.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = `${ROOT}dist/`;
const FIXTURES = `${ROOT}tests/fixtures/`;

/** Files the test server serves instead of (or besides) those of dist/. */
export const TEST_OVERRIDES = {
  // The test manifest names files by their plain names, as the editors' data/ folder does
  // (the build publishes them under hashed names: publish.test.mjs).
  'data/manifest.json': `${FIXTURES}manifest.test.json`,
  'data/snapshots/quang-ninh-2021-q1.json': `${ROOT}data/snapshots/quang-ninh-2021-q1.json`,
  'data/snapshots/illustrative-2021-q1-1738.json': `${ROOT}data/snapshots/illustrative-2021-q1-1738.json`,
  'data/snapshots/test-records-small.json': `${FIXTURES}records-small.json`,
  'data/snapshots/test-sums-only.json': `${FIXTURES}sums-only.json`,
  'data/snapshots/test-growth-only.json': `${FIXTURES}growth-only.json`,
  'data/snapshots/broken-bad-date.json': `${FIXTURES}broken/bad-date.json`,
};

export function readJson(pathFromRoot) {
  return JSON.parse(readFileSync(`${ROOT}${pathFromRoot}`, 'utf8'));
}

/**
 * Starts the server and the browser. `csp: false` serves without the CSP header, and its pages
 * bypass the policy of the pages' own `<meta http-equiv="Content-Security-Policy">` (so that a
 * test can inject a script, as a11y.test.mjs injects axe-core).
 */
export async function startWidget({ csp = true, basePath = '/news/2021/widget/', overrides = TEST_OVERRIDES } = {}) {
  assert.ok(existsSync(`${DIST}index.html`), 'dist/index.html missing: run scripts/build.sh first');
  const server = await startServer({
    root: DIST,
    basePath,
    headers: csp ? { 'Content-Security-Policy': CSP } : {},
    overrides,
  });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    csp,
    url: (query = '') => `${server.url}${query}`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the widget and waits until the data is drawn (or an error is shown). */
export async function openWidget(w, query = '', { viewport, contextOptions = {}, waitFor = '.td-card, .td-error' } = {}) {
  const bypass = w.csp === false ? { bypassCSP: true } : {};
  const page = await newPage(w.browser, { url: w.url(query), viewport, ...bypass, ...contextOptions });
  await page.waitForSelector(waitFor, { timeout: 20_000 }).catch((err) => {
    throw new Error(`widget did not draw; console errors: ${JSON.stringify(page.consoleErrors)}`, { cause: err });
  });
  // A full-build page shows its baked view until the WASM has drawn the live one
  // (static/start.js, `html.td-swap`): wait for the live view.
  await page.waitForFunction(() => !document.documentElement.classList.contains('td-swap'), null, { timeout: 20_000 });
  return page;
}

/** The query string of the page once it settles (the widget writes it after a short delay). */
export async function settledQuery(page) {
  await page.waitForTimeout(250);
  return page.evaluate(() => location.search);
}

/**
 * Visible text of the first element matching `selector`, whitespace collapsed. The element is
 * scrolled into view first, as a reader would: cards out of view are not rendered
 * (`content-visibility: auto`), and `innerText` is what rendering shows.
 */
export async function textOf(page, selector) {
  return visibleText(page.locator(selector).first());
}

/** Visible text of a locator's element once scrolled into view, whitespace collapsed. */
export async function visibleText(locator) {
  await scrollIntoView(locator);
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Scrolls the locator's (first) element into view and waits until it is rendered. */
export async function scrollIntoView(locator) {
  await locator.first().scrollIntoViewIfNeeded();
  // `content-visibility: auto` renders a card at the next frame after it comes into view.
  await locator.first().evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * The texts of column `n` (from 1) of the task table, once its rows are painted: below the
 * fold they follow a change by a frame, and the body is `aria-busy` until then (src/ui/paint/effects.rs).
 */
export async function taskColumn(page, n) {
  await page.waitForSelector('.td-task-table tbody:not([aria-busy])', { state: 'attached' });
  return page.locator(`.td-task-table tbody td:nth-child(${n})`).allTextContents();
}

/**
 * Task statuses derived independently of the Rust code (a test oracle):
 * completed on or before due → on time; after → late; open and as_of after due → overdue;
 * otherwise within deadline.
 */
export function statusOf(record, asOf) {
  if (record.completed) return record.completed <= record.due ? 'ot' : 'lt';
  return asOf > record.due ? 'od' : 'wd';
}

/** "1.738" for Vietnamese readers. */
export function viNumber(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
