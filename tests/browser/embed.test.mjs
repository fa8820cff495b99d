// Embedding: the widget in a news portal's iframes (auto-height through embed.js, a fixed
// height without it), the compact embed view, the embed snippet of the full view, and
// embed.js ignoring resize messages that do not come from the widget's own frame.
//
// The portal is tests/portal/article.html with the widget address replaced by the test
// server's, served by a second server: another origin (another port), as a real portal is.
// The widget itself is served under the production CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWidget, openWidget, textOf, readJson, ROOT, DIST, TEST_OVERRIDES } from './widget.mjs';
import { startServer } from './server.mjs';
import { newPage } from './browser.mjs';

const ARTICLE = readFileSync(`${ROOT}tests/portal/article.html`, 'utf8');
/** The widget address written in the article (that of scripts/serve.sh). */
const ARTICLE_WIDGET_BASE = 'http://127.0.0.1:8080/';
const ILL = 'illustrative-2021-q1-1738';

let w;
let portal;
let portalDir;
before(async () => {
  w = await startWidget();
  portalDir = mkdtempSync(join(tmpdir(), 'td-portal-'));
  portal = await startServer({ root: portalDir });
});
after(async () => {
  await w?.close();
  await portal?.close();
  if (portalDir) rmSync(portalDir, { recursive: true, force: true });
});

/** A minimal portal page around `body` (no favicon request). */
function portalPage(body) {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Bài viết</title></head><body>${body}</body></html>`;
}

/**
 * Opens `html` from the portal server (no CSP: a portal's own policy is not ours). Every
 * resize message the portal window receives is recorded in `window.__messages`.
 */
async function openPortal(html, { name = 'article.html', viewport = { width: 1280, height: 900 } } = {}) {
  writeFileSync(join(portalDir, name), html);
  const page = await newPage(w.browser, { viewport });
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__messages = [];
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'task-dashboard:resize') {
        window.__messages.push({ origin: e.origin, fromSelf: e.source === window, data: e.data });
      }
    });
  });
  await page.goto(`${portal.url}${name}`, { waitUntil: 'load' });
  return page;
}

/** The article with the test server's widget address; `withScript: false` drops embed.js. */
function article({ withScript = true } = {}) {
  let html = ARTICLE.replaceAll(ARTICLE_WIDGET_BASE, w.url());
  if (!withScript) html = html.replace(/<script src="[^"]*embed\.js"[^>]*><\/script>/, '');
  assert.notEqual(html, ARTICLE, 'the article should name the widget at http://127.0.0.1:8080/');
  return html;
}

/** The widget's Frame inside iframe[data-task-dashboard=fid], once it has drawn. */
async function widgetFrame(page, fid) {
  const handle = await page.locator(`iframe[data-task-dashboard="${fid}"]`).elementHandle();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('.td-card, .td-error', { timeout: 20_000 });
  return frame;
}

/** Heights of an iframe (in the portal) and of its document (inside). */
async function measure(page, frame, fid) {
  const iframe = await page.locator(`iframe[data-task-dashboard="${fid}"]`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { height: r.height, width: r.width, scrolling: el.getAttribute('scrolling') };
  });
  const inner = await frame.evaluate(() => {
    const de = document.documentElement;
    return {
      root: document.querySelector('.td-root').getBoundingClientRect().height,
      scrollHeight: de.scrollHeight,
      clientHeight: de.clientHeight,
      scrollWidth: de.scrollWidth,
      clientWidth: de.clientWidth,
    };
  });
  return { iframe, inner };
}

/** Waits until embed.js has fitted the iframe to its content (and it stayed so for 300 ms). */
async function waitFitted(page, frame, fid, { timeout = 20_000 } = {}) {
  const fitted = (m) => m.iframe.scrolling === 'no' && Math.abs(m.iframe.height - m.inner.root) <= 2;
  const deadline = Date.now() + timeout;
  let m;
  while (Date.now() < deadline) {
    m = await measure(page, frame, fid);
    if (fitted(m)) {
      await page.waitForTimeout(300);
      const again = await measure(page, frame, fid);
      if (fitted(again) && Math.abs(again.iframe.height - m.iframe.height) < 1) return again;
    }
    await page.waitForTimeout(100);
  }
  assert.fail(`iframe ${fid} was not fitted to its content: ${JSON.stringify(m)}`);
}

function assertNoInnerScroll(m, fid) {
  assert.ok(Math.abs(m.iframe.height - m.inner.root) <= 2, `${fid}: iframe ${m.iframe.height}px vs .td-root ${m.inner.root}px`);
  assert.ok(Math.abs(m.iframe.height - m.inner.scrollHeight) <= 2, `${fid}: iframe ${m.iframe.height}px vs scrollHeight ${m.inner.scrollHeight}px`);
  assert.ok(m.inner.scrollHeight <= m.inner.clientHeight + 1, `${fid}: inner vertical scrollbar ${JSON.stringify(m.inner)}`);
  assert.ok(m.inner.scrollWidth <= m.inner.clientWidth, `${fid}: inner horizontal overflow ${JSON.stringify(m.inner)}`);
}

// Guards: a reader of the article sees both widgets whole, with no cropped content, gap or inner scrollbar.
test('portal article: embed.js fits each iframe to its widget, at two column widths', async () => {
  const page = await openPortal(article());
  const f1 = await widgetFrame(page, 'w1');
  const f2 = await widgetFrame(page, 'w2');
  // The parts asked for are the ones shown.
  assert.equal(await textOf(f1, '[data-figure=total]'), '1.738');
  assert.equal(await f1.locator('#td-units').count(), 0);
  assert.equal(await f2.locator('.td-headline').count(), 0);
  assert.ok(await f2.locator('#td-units').isVisible());

  const m1 = await waitFitted(page, f1, 'w1');
  const m2 = await waitFitted(page, f2, 'w2');
  assertNoInnerScroll(m1, 'w1');
  assertNoInnerScroll(m2, 'w2');
  // The premise: two column widths, and so two different heights, neither the 640 px default.
  assert.ok(Math.abs(m1.iframe.width - 760) <= 1, `w1 width ${m1.iframe.width}`);
  assert.ok(Math.abs(m2.iframe.width - 360) <= 1, `w2 width ${m2.iframe.width}`);
  assert.ok(Math.abs(m1.iframe.height - m2.iframe.height) > 50, `heights ${m1.iframe.height} and ${m2.iframe.height}`);
  assert.ok(m1.iframe.height !== 640 && m2.iframe.height !== 640);

  // The messages follow the documented format, with each frame's id.
  const messages = await page.evaluate(() => window.__messages);
  for (const fid of ['w1', 'w2']) {
    const mine = messages.filter((m) => m.data.frameId === fid);
    assert.ok(mine.length > 0, `no message from ${fid}`);
    assert.ok(mine.every((m) => m.data.version === 1 && m.origin === new URL(w.url()).origin), JSON.stringify(mine));
  }

  // Opening the data table inside a frame grows the frame with it.
  await f1.locator('#td-status details.td-table-toggle > summary').click();
  await f1.waitForFunction((h) => document.querySelector('.td-root').getBoundingClientRect().height > h + 40, m1.inner.root);
  const grown = await waitFitted(page, f1, 'w1');
  assertNoInnerScroll(grown, 'w1 with its table open');
  assert.ok(grown.iframe.height > m1.iframe.height + 40);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a portal that forgot embed.js still shows the widget at the snippet's fixed height.
test('without embed.js the iframes keep their fixed 640 px height and stay usable', async () => {
  const page = await openPortal(article({ withScript: false }));
  const f1 = await widgetFrame(page, 'w1');
  const f2 = await widgetFrame(page, 'w2');
  // The widgets do post their heights; nobody applies them.
  await page.waitForFunction(() => new Set(window.__messages.map((m) => m.data.frameId)).size === 2);
  await page.waitForTimeout(300);
  for (const [fid, frame] of [['w1', f1], ['w2', f2]]) {
    const m = await measure(page, frame, fid);
    assert.equal(m.iframe.height, 640, `${fid}: ${JSON.stringify(m)}`);
    assert.equal(m.iframe.scrolling, null);
    assert.ok(await frame.locator('.td-card').first().isVisible());
  }
  // The taller widget can be scrolled to its end inside its frame.
  const m2 = await measure(page, f2, 'w2');
  assert.ok(m2.inner.scrollHeight > 640, `w2 content ${m2.inner.scrollHeight}px`);
  await f2.locator('a.td-full-link').scrollIntoViewIfNeeded();
  assert.ok(await f2.locator('a.td-full-link').isVisible());
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the compact view carries its source and a way out to the full view, without the editing tools.
test('embed mode: source line and full-view link, no filters, copy-link or embed buttons', async () => {
  const query = `?s=${ILL}&st=od&k=loc&l=en&theme=dark&embed=1&show=status,units&fid=w9`;
  const page = await openWidget(w, query);
  assert.ok(await page.locator('.td-root.is-embed').isVisible());
  assert.ok(await page.locator('#td-status').isVisible());
  assert.ok(await page.locator('#td-units').isVisible());
  assert.equal(await page.locator('.td-headline').count(), 0, 'headline was not asked for');
  assert.equal(await page.locator('.td-tasks').count(), 0, 'the table was not asked for');
  // Illustrative data says so, even in a small frame.
  assert.ok(await page.locator('[data-notice=illustrative]').isVisible());
  assert.match(await textOf(page, '[data-source]'), /^Source: task-dashboard generator \(illustrative\)/);
  for (const absent of ['.td-filters', '[data-action=copy-link]', '[data-action=embed]', '.td-tabs', '.td-snapshot-picker']) {
    assert.equal(await page.locator(absent).count(), 0, `${absent} should not be in an embed`);
  }
  // Interactive bars are plain data points in an embed.
  assert.equal(await page.locator('button.td-row-button, button.td-seg').count(), 0);
  // The first ten localities, and how many there are; the full view has the button for more.
  const localities = readJson(`data/snapshots/${ILL}.json`).units.filter((u) => u.kind === 'locality').length;
  assert.equal(await page.locator('#td-units .td-row').count(), 10);
  assert.equal(await textOf(page, '#td-units .td-more'), `Showing 10 of ${localities} units.`);
  assert.equal(await page.locator('#td-units .td-more button').count(), 0);

  const link = page.locator('a.td-full-link');
  assert.ok(await link.isVisible());
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  const href = new URL(await link.getAttribute('href'));
  assert.equal(`${href.origin}${href.pathname}`, w.url());
  for (const key of ['embed', 'fid', 'show']) assert.equal(href.searchParams.get(key), null, `${key} in ${href}`);
  assert.deepEqual(
    Object.fromEntries(href.searchParams),
    { v: '2', s: ILL, l: 'en', st: 'od', k: 'loc', theme: 'dark' },
  );
  // The link opens the full view of the same selection.
  await page.goto(href.toString());
  await page.waitForSelector('.td-filters');
  assert.equal(await page.locator('.td-root.is-embed').count(), 0);
  assert.equal(await page.locator('.td-chip-od').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('select[name=k]').inputValue(), 'loc');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

/** The WASM file a page of dist/ loads (index.html: the full build; embed.html: the reader build). */
function wasmOf(htmlFile) {
  const name = readFileSync(`${DIST}${htmlFile}`, 'utf8').match(/widget-[0-9a-f]+_bg\.wasm/)?.[0];
  assert.ok(name, `no WASM named in ${htmlFile}`);
  return name;
}

/** The WASM files the page loaded. */
function loadedWasm(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname.split('/').pop())
    .filter((n) => n.endsWith('.wasm')));
}

// Guards: portal readers get the small reader build, and it draws the real figures with their
// source and the way out, as the full build's embed does.
test('the reader build (embed.html) draws an embed of the default snapshot', async () => {
  assert.notEqual(wasmOf('embed.html'), wasmOf('index.html'), 'two builds');
  // `us=` is a parameter the baked pages leave to the WASM (bake.test.mjs): the view is drawn live.
  const page = await openWidget(w, 'embed.html?v=2&l=en&embed=1&show=headline,status,growth&fid=r1&us=overdue');
  assert.deepEqual(await loadedWasm(page), [wasmOf('embed.html')]);
  assert.equal(new URL(page.url()).pathname.split('/').pop(), 'embed.html', 'no hand-over');
  assert.ok(await page.locator('.td-root.is-embed').isVisible());
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await textOf(page, '[data-figure=total]'), '1,738');
  assert.deepEqual(await page.locator('#td-status .td-value').allInnerTexts(), ['506 · 29.1%', '123 · 7.1%', '41 · 2.4%', '1,068 · 61.4%']);
  assert.match(await textOf(page, '#td-status .td-summary'), /^As of 31 Mar 2021, 506 of 1,738 tasks were completed on time/);
  assert.match(await textOf(page, '#td-growth .td-summary'), /9\.02%/);
  assert.match(await textOf(page, '[data-source]'), /^Source: .*published 9 Apr 2021/);
  // Its data table, for screen readers and those who want the figures.
  await page.locator('#td-status details.td-table-toggle > summary').click();
  assert.match(await textOf(page, '#td-status .td-data-table tbody'), /Not completed, overdue\s+41/);
  // Downloads and staff tools are the full view's.
  for (const absent of ['[data-download]', '.td-filters', '.td-tabs', '[data-action=embed]', '.td-tasks']) {
    assert.equal(await page.locator(absent).count(), 0, `${absent} should not be in the reader build`);
  }
  // The way out: the full build, same view, without the embed settings.
  const href = new URL(await page.locator('a.td-full-link').getAttribute('href'));
  assert.equal(`${href.origin}${href.pathname}`, w.url());
  assert.deepEqual(Object.fromEntries(href.searchParams), { v: '2', l: 'en' });
  // The reader build writes nothing to its address (its view never changes).
  await page.waitForTimeout(250);
  assert.equal(new URL(page.url()).search, '?v=2&l=en&embed=1&show=headline,status,growth&fid=r1&us=overdue');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a link the reader build cannot draw is not a dead end: the full build draws it.
test('the reader build hands the full view, the task table and records snapshots to the full build', async () => {
  const cases = [
    ['?v=2&t=growth', '#td-growth', 'the full view'],
    ['?v=2&embed=1&show=status,table&fid=r2', '.is-embed #td-status', 'the task table'],
    [`?v=2&s=${ILL}&embed=1&show=units&fid=r3`, '#td-units', 'a snapshot with records'],
  ];
  for (const [query, drawn, what] of cases) {
    const page = await newPage(w.browser, { url: w.url(`embed.html${query}`) });
    await page.waitForURL(w.url(query), { timeout: 20_000 });
    await page.waitForSelector(drawn, { timeout: 20_000 });
    assert.deepEqual(await loadedWasm(page), [wasmOf('index.html')], what);
    assert.deepEqual(page.consoleErrors, [], what);
    await page.close();
  }
});

// Guards: a broken file in the reader build gives the same located message as in the full build.
test('the reader build names the file, the JSON path and what was expected of a broken snapshot', async () => {
  // A broken file without records: the reader build reports it itself.
  const broken = await startWidget({
    overrides: { ...TEST_OVERRIDES, 'data/snapshots/broken-bad-date.json': `${ROOT}tests/fixtures/broken/total-mismatch.json` },
  });
  try {
    const page = await openWidget(broken, 'embed.html?v=2&embed=1&s=broken-bad-date&fid=r4');
    assert.equal(new URL(page.url()).pathname.split('/').pop(), 'embed.html');
    const error = await textOf(page, '.td-error');
    assert.match(error, /data\/snapshots\/broken-bad-date\.json/);
    assert.match(error, /tasks\.totals\.total: expected the sum of the statuses \(1738\), found 1700/);
    assert.equal(await page.locator('[role=alert]').count(), 1);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  } finally {
    await broken.close();
  }
  // One with records goes to the full build, which reads them and says where it is broken.
  const page = await newPage(w.browser, { url: w.url('embed.html?v=2&embed=1&s=broken-bad-date&fid=r5') });
  await page.waitForURL(w.url('?v=2&embed=1&s=broken-bad-date&fid=r5'), { timeout: 20_000 });
  await page.waitForSelector('.td-error', { timeout: 20_000 });
  assert.match(await textOf(page, '.td-error'), /tasks\.records\[1\]\.due: expected a date YYYY-MM-DD/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

/** The iframe src of a snippet, as a URL. */
function snippetSrc(snippet) {
  const src = snippet.match(/<iframe src="([^"]+)"/)?.[1];
  assert.ok(src, `no iframe src in ${snippet}`);
  return new URL(src.replaceAll('&amp;', '&'));
}

// Guards: an editor gets a working snippet for the current view and can choose its parts.
test('the embed panel gives a snippet of the current view; part checkboxes change show=', async () => {
  const page = await openWidget(w, `?s=${ILL}&st=od`);
  const button = page.locator('button[data-action=embed]');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const textarea = page.locator('textarea.td-snippet');
  await textarea.waitFor();
  const snippet = await textarea.inputValue();
  for (const part of ['embed=1', 'fid=', 'data-task-dashboard=', 'embed.js', 'allow="clipboard-write"', 'height:640px']) {
    assert.ok(snippet.includes(part), `${part} missing from ${snippet}`);
  }
  const src = snippetSrc(snippet);
  const fid = src.searchParams.get('fid');
  assert.match(fid, /^td-[0-9a-z]{6}$/);
  assert.ok(snippet.includes(`data-task-dashboard="${fid}"`), snippet);
  // The page of the snapshot, whose first response holds its view (a snapshot with records:
  // the full build's).
  assert.equal(`${src.origin}${src.pathname}`, `${w.url()}index.${ILL}.html`);
  assert.equal(src.searchParams.get('s'), ILL);
  assert.equal(src.searchParams.get('st'), 'od');
  assert.equal(src.searchParams.get('show'), 'headline,status,units', 'default parts of the tasks tab');
  assert.ok(snippet.includes(`<script src="${w.url()}embed.js" async></script>`), snippet);

  const show = async () => snippetSrc(await textarea.inputValue()).searchParams.get('show');
  await page.locator('input[name=show][value=status]').uncheck();
  assert.equal(await show(), 'headline,units');
  await page.locator('input[name=show][value=table]').check();
  assert.equal(await show(), 'headline,units,table');
  assert.equal(await page.locator('input[name=show]:checked').count(), 3);
  assert.equal(snippetSrc(await textarea.inputValue()).searchParams.get('fid'), fid, 'the frame id stays');

  // Pasted into a portal page, the snippet works as is.
  const pasted = await textarea.inputValue();
  const pastedPage = await openPortal(portalPage(`<main style="width:600px">${pasted}</main>`), { name: 'pasted.html' });
  const frame = await widgetFrame(pastedPage, fid);
  assert.ok(await frame.locator('.td-tasks').isVisible(), 'the table part is shown');
  assertNoInnerScroll(await waitFitted(pastedPage, frame, fid), fid);
  assert.deepEqual(pastedPage.consoleErrors, []);
  await pastedPage.close();

  // A snapshot without records, and no table: the snippet loads the reader build.
  await page.goto(w.url('?v=2&t=growth'));
  await page.locator('button[data-action=embed]').click();
  const reader = snippetSrc(await page.locator('textarea.td-snippet').inputValue());
  assert.equal(`${reader.origin}${reader.pathname}`, `${w.url()}embed.html`);
  assert.equal(reader.searchParams.get('show'), 'growth');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: another window (or a page the frame was navigated to) cannot resize the widget's iframe.
// Guards: a third-party iframe of the portal (an advertisement, on the portal's own origin)
// cannot resize itself or a widget through embed.js, and a widget's frame is resized only by
// messages that carry its own frame id.
test('embed.js resizes only frames marked as widgets, by their frame id', async () => {
  writeFileSync(join(portalDir, 'ad.html'), portalPage('<p>Quảng cáo</p><script src="ad.js"></script>'));
  writeFileSync(
    join(portalDir, 'ad.js'),
    "for (const [frameId, height] of [['ad', 5000], ['ad', -1], ['w1', 5000], [null, 4000]]) {\n" +
      "  parent.postMessage({ type: 'task-dashboard:resize', version: 1, frameId, height }, '*');\n}\n",
  );
  const widgetSrc = `${w.url()}embed.html?v=2&amp;embed=1&amp;show=status&amp;fid=w1`;
  const page = await openPortal(
    portalPage(`<iframe id="ad" src="ad.html" title="Quảng cáo" style="width:300px;height:250px;border:0"></iframe>
      <iframe src="${widgetSrc}" title="Tình trạng" data-task-dashboard="w1" style="width:100%;height:640px;border:0"></iframe>
      <script src="${w.url()}embed.js" async></script>`),
    { name: 'forged.html' },
  );
  const frame = await widgetFrame(page, 'w1');
  const fitted = await waitFitted(page, frame, 'w1');
  await page.waitForFunction((origin) => window.__messages.filter((m) => m.origin === origin).length === 4, new URL(portal.url).origin);
  await page.waitForTimeout(100);
  assert.equal(await page.locator('#ad').evaluate((el) => el.getBoundingClientRect().height), 250, 'the advertisement keeps its height');
  const height = () => page.locator('iframe[data-task-dashboard]').evaluate((el) => el.getBoundingClientRect().height);
  assert.equal(await height(), fitted.iframe.height);
  // The widget's own frame, with another frame's id, or a height that is not a number: ignored.
  await frame.evaluate(() => {
    for (const [frameId, height] of [['w2', 300], ['w1', Number.NaN], ['w1', '300']]) {
      parent.postMessage({ type: 'task-dashboard:resize', version: 1, frameId, height }, '*');
    }
  });
  await page.waitForFunction(() => window.__messages.filter((m) => m.data.frameId === 'w2').length === 1);
  await page.waitForTimeout(100);
  assert.equal(await height(), fitted.iframe.height);
  // Control: its own id is obeyed, clamped to 20,000 px.
  await frame.evaluate(() => parent.postMessage({ type: 'task-dashboard:resize', version: 1, frameId: 'w1', height: 1e9 }, '*'));
  await page.waitForFunction(() => document.querySelector('iframe[data-task-dashboard]').getBoundingClientRect().height === 20000);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a baked widget tells its height as soon as it is laid out, often before the
// portal's async embed.js listens: embed.js asks each widget again when it starts.
test('embed.js loaded after the widget has drawn still fits it', async () => {
  const widgetSrc = `${w.url()}embed.html?v=2&amp;embed=1&amp;show=headline,status&amp;fid=w1`;
  const page = await openPortal(
    portalPage(`<iframe src="${widgetSrc}" title="Tình trạng" data-task-dashboard="w1" style="width:100%;height:640px;border:0"></iframe>`),
    { name: 'late-script.html' },
  );
  const frame = await widgetFrame(page, 'w1');
  await page.waitForFunction(() => window.__messages.length > 0); // told, and nobody listened
  assert.equal(await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height), 640);
  await page.addScriptTag({ url: `${w.url()}embed.js` });
  const m = await waitFitted(page, frame, 'w1');
  assertNoInnerScroll(m, 'w1');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('embed.js ignores resize messages from other windows and other origins', async () => {
  const widgetSrc = `${w.url()}?v=1&amp;embed=1&amp;show=status&amp;fid=w1`;
  // A page of another origin (the portal's own, here) that claims to be widget w1.
  writeFileSync(join(portalDir, 'other.html'), portalPage(`<script src="other.js"></script>`));
  writeFileSync(join(portalDir, 'other.js'), "parent.postMessage({ type: 'task-dashboard:resize', version: 1, frameId: 'w1', height: 300 }, '*');\n");
  const page = await openPortal(
    portalPage(`<iframe src="${widgetSrc}" title="Tình trạng" data-task-dashboard="w1" style="width:100%;height:640px;border:0" allow="clipboard-write"></iframe>
      <script src="${w.url()}embed.js" async></script>`),
    { name: 'origin-check.html' },
  );
  const frame = await widgetFrame(page, 'w1');
  const fitted = await waitFitted(page, frame, 'w1');
  const height = () => page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height);

  // 1. From the portal window itself.
  await page.evaluate(() => window.postMessage({ type: 'task-dashboard:resize', version: 1, frameId: 'w1', height: 300 }, '*'));
  await page.waitForFunction(() => window.__messages.some((m) => m.fromSelf));
  await page.waitForTimeout(100);
  assert.equal(await height(), fitted.iframe.height);

  // 2. From the widget's frame once it shows another origin's page.
  await page.evaluate((url) => {
    document.querySelector('iframe').contentWindow.location.href = url;
  }, `${portal.url}other.html`);
  await page.waitForFunction((origin) => window.__messages.some((m) => m.origin === origin && !m.fromSelf), new URL(portal.url).origin);
  await page.waitForTimeout(100);
  assert.equal(await height(), fitted.iframe.height);

  // Control: the same message from the widget's own frame and origin is applied (clamped to >= 120 px).
  await page.evaluate((src) => {
    document.querySelector('iframe').src = src;
  }, widgetSrc.replaceAll('&amp;', '&'));
  const back = await widgetFrame(page, 'w1');
  await waitFitted(page, back, 'w1');
  await back.evaluate(() => parent.postMessage({ type: 'task-dashboard:resize', version: 1, frameId: 'w1', height: 50 }, '*'));
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height === 120);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
