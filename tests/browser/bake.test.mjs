// Baked pages (src/bake/, static/start.js, `snapshot-tool bake` in scripts/build.sh): the first
// response of a page holds its view. Without JavaScript every baked page reads completely;
// with it, a link whose view is baked is shown as it is (no WASM downloaded), and the same
// view drawn by the WASM has the same text and the same boxes: a bake that differs from the
// live view fails here. Layout shift is read with a PerformanceObserver.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWidget, readJson, viNumber } from './widget.mjs';
import { newPage } from './browser.mjs';

const FACTS = readJson('data/snapshots/quang-ninh-2021-q1.json');
const TOTALS = FACTS.tasks.totals;
const FOUR = [TOTALS.on_time, TOTALS.late, TOTALS.overdue, TOTALS.within_deadline];
const TOTAL = TOTALS.total;
const DEFAULT_SNIPPET = 'embed.html?v=2&embed=1&show=headline,status&fid=td-w1';
const FOUR_PARTS = 'embed.html?v=2&embed=1&show=headline,status,documents,growth&fid=td-w2';
/** A parameter the baked pages leave to the WASM, with the default's meaning: the same view, live. */
const LIVE = '&us=overdue';

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

/** The `.wasm` files a page requested. */
function trackWasm(page) {
  const wasm = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  return wasm;
}

/** Text of the page's (one) visible root, whitespace collapsed. */
async function rootText(page) {
  return (await page.locator('.td-root').first().innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Every rendered element of the visible root: tag, class, text of its own, box rounded to
 * the pixel. Elements without a box (closed data tables, hidden tips, <noscript>) are left out.
 */
function boxes(page) {
  return page.evaluate(() => {
    const root = [...document.querySelectorAll('.td-root')].find((r) => r.getClientRects().length);
    const origin = root.getBoundingClientRect();
    return [...root.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length && !el.closest('.td-tip, details:not([open]) > :not(summary)'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
        const at = [r.x - origin.x, r.y - origin.y, r.width, r.height].map(Math.round).join(',');
        return `${el.tagName.toLowerCase()}.${el.className} "${own}" @${at}`;
      });
  });
}

// Guards: readers without JavaScript (and crawlers, feed readers, find-in-page) get every
// figure of the default snippet's page and a line on what needs the script.
test('without JavaScript, the default snippet shows its figures', async () => {
  const page = await newPage(w.browser, { javaScriptEnabled: false, url: w.url(DEFAULT_SNIPPET) });
  const text = await rootText(page);
  assert.match(text, new RegExp(`${viNumber(TOTAL)}\\s+nhiệm vụ`), text);
  for (const n of FOUR) assert.ok(text.includes(viNumber(n)), `${n} in ${text}`);
  // Without the script, every part of the snapshot shows: documents and growth too.
  assert.ok(text.includes('1.523'), 'documents');
  assert.ok(text.includes('12,01%'), 'growth');
  assert.ok(text.includes('cần bật JavaScript'), 'the line on what needs JavaScript');
  assert.ok(text.includes('Nguồn:'), 'the source line');
  // Data tables are there to open.
  assert.equal(await page.locator('details.td-table-toggle tbody tr').count() > 4, true);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: every golden link, without JavaScript, shows figures: the full build's page shows
// the default snapshot's and lists the page of every other snapshot; the page named by a
// link's snapshot and language shows that snapshot's.
test('without JavaScript, every golden link shows figures', async () => {
  const links = readJson('tests/golden-links.json');
  for (const { link, state } of links) {
    const page = await newPage(w.browser, { javaScriptEnabled: false, url: w.url(link) });
    const text = await rootText(page);
    assert.ok(text.includes(viNumber(TOTAL)) || text.includes(TOTAL.toLocaleString('en')), `${link}: ${text.slice(0, 200)}`);
    assert.ok(await page.locator('noscript').count(), link);
    await page.close();
    if (!state.snapshot && !state.lang) continue;
    const name = ['index', state.snapshot, state.lang === 'en' ? 'en' : null].filter(Boolean).join('.') + '.html';
    const own = await newPage(w.browser, { javaScriptEnabled: false, url: w.url(`${name}${link}`) });
    const ownText = await rootText(own);
    const lang = await own.evaluate(() => document.documentElement.lang).catch(() => null);
    if (state.lang === 'en') assert.match(ownText, /tasks/, `${name}: ${ownText.slice(0, 200)}`);
    if (state.snapshot) assert.match(ownText, /illustrative|minh họa/i, `${name}: ${ownText.slice(0, 200)}`);
    assert.ok(lang === null || lang === (state.lang ?? 'vi'));
    await own.close();
  }
});

// Guards: a link whose view is baked is the page itself: figures in the first response, the
// parts it names and no others, and no WASM downloaded.
test('the default snippet and a four-part embed are shown as baked, without the WASM', async () => {
  for (const [query, shown] of [
    [DEFAULT_SNIPPET, ['headline', 'status']],
    [FOUR_PARTS, ['headline', 'status', 'documents', 'growth']],
  ]) {
    const page = await newPage(w.browser);
    const wasm = trackWasm(page);
    await page.goto(w.url(query), { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const visible = await page.locator('.td-baked [data-part]').evaluateAll((els) =>
      els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.dataset.part));
    assert.deepEqual(visible, shown, query);
    assert.deepEqual(wasm, [], `${query}: no WASM`);
    assert.match(await rootText(page), new RegExp(viNumber(TOTALS.within_deadline)));
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }
});

// Guards: a link in English, or to another page's snapshot, lands on that page, query kept.
test('a link in English goes to the English page of its snapshot', async () => {
  const page = await newPage(w.browser, { url: w.url('embed.html?v=2&l=en&embed=1&show=status&fid=x') });
  await page.waitForURL(/embed\.en\.html\?v=2&l=en&embed=1&show=status&fid=x$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await rootText(page), /completed on time/i);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: one source for the view. The same view baked and drawn by the WASM (a parameter the
// baked pages leave to it) has the same text and the same boxes, at phone and desktop widths,
// in both languages: a bake that drifts from the live view fails here.
test('the baked view and the live view are the same, text and boxes', async () => {
  for (const width of [360, 1280]) {
    for (const query of [DEFAULT_SNIPPET, FOUR_PARTS, `${FOUR_PARTS.replace('embed.html', 'embed.en.html')}&l=en`]) {
      const viewport = { width, height: 900 };
      const baked = await newPage(w.browser, { viewport, url: w.url(query) });
      const wasm = trackWasm(baked);
      const live = await newPage(w.browser, { viewport });
      const liveWasm = trackWasm(live);
      await live.goto(w.url(`${query}${LIVE}`), { waitUntil: 'load' });
      await live.waitForSelector('.td-root:not(.td-baked) .td-card', { timeout: 20_000 });
      await live.waitForTimeout(200);
      assert.equal(liveWasm.length, 1, 'the live page runs the WASM');
      assert.equal(await live.locator('.td-baked').count(), 0, 'the WASM takes the baked view out');
      assert.equal(await rootText(baked), await rootText(live), `${query} at ${width} px: text`);
      assert.deepEqual(await boxes(baked), await boxes(live), `${query} at ${width} px: boxes`);
      // The data tables, opened, hold the same rows (the live view fills them on opening).
      for (const page of [baked, live]) {
        for (const summary of await page.locator('.td-root details.td-table-toggle > summary').all()) {
          if (await summary.isVisible()) await summary.click();
        }
        await page.waitForTimeout(100);
      }
      assert.equal(await rootText(baked), await rootText(live), `${query} at ${width} px: open tables`);
      assert.deepEqual(wasm, []);
      assert.deepEqual([...baked.consoleErrors, ...live.consoleErrors], []);
      await baked.close();
      await live.close();
    }
  }
});

// Guards: the baked pages do not move once painted (cumulative layout shift ≤ 0.01), on a
// phone and a desktop width: the embeds, and the full view, whose baked view shows until the
// WASM swaps in the live one.
test('baked embeds and the full view do not shift', async () => {
  for (const width of [360, 800]) {
    for (const query of [DEFAULT_SNIPPET, FOUR_PARTS, '', '?v=2&l=en']) {
      const page = await newPage(w.browser, { viewport: { width, height: 900 } });
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(w.url(query), { waitUntil: 'load' });
      await page.waitForFunction(() => !document.documentElement.classList.contains('td-swap'), null, { timeout: 20_000 });
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls <= 0.01, `${query} at ${width} px: layout shift ${cls}`);
      await page.close();
    }
  }
});

// Guards: a baked embed in a portal's iframe posts its height as soon as it is laid out,
// with its frame id, without the WASM (the portal's resize script sets the iframe's height).
test('a baked embed posts its height to the portal without the WASM', async () => {
  const page = await newPage(w.browser, { viewport: { width: 400, height: 800 } });
  const wasm = trackWasm(page);
  await page.setContent(
    `<script>window.msgs = []; addEventListener('message', (e) => msgs.push(e.data));</script>` +
      `<iframe src="${w.url(DEFAULT_SNIPPET)}" width="360" height="200"></iframe>`,
  );
  await page.waitForFunction(() => window.msgs.length > 0, null, { timeout: 20_000 });
  const [first] = await page.evaluate(() => window.msgs);
  assert.equal(first.type, 'task-dashboard:resize');
  assert.equal(first.version, 1);
  assert.equal(first.frameId, 'td-w1');
  const height = await page.frameLocator('iframe').locator('.td-baked').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  assert.equal(first.height, height);
  assert.ok(height > 600, `the headline and the status chart at 360 px: ${height} px`);
  assert.deepEqual(wasm, []);
  await page.close();
});

// Guards: one source for the view, on data of another shape: the illustrative snapshot's
// unit chart (33 units from task records, the first 10 drawn, sorted by overdue share),
// baked into the full build's page of that snapshot (read without JavaScript), against the
// same chart drawn by the WASM in the full build's compact view: same rows, same boxes.
test('a baked unit chart of task records is the live one', async () => {
  const ILL = 'illustrative-2021-q1-1738';
  const viewport = { width: 800, height: 900 };
  const chartOf = (page) =>
    page.locator('#td-units-bars').evaluate((bars) => {
      const origin = bars.getBoundingClientRect();
      return [...bars.querySelectorAll('*')]
        .filter((el) => el.getClientRects().length && !el.closest('.td-tip'))
        .map((el) => {
          const r = el.getBoundingClientRect();
          const at = [r.x - origin.x, r.y - origin.y, r.width, r.height].map(Math.round).join(',');
          return `${el.className} ${el.getAttribute('aria-label') ?? ''} @${at}`;
        })
        .concat(bars.innerText.replace(/\s+/g, ' ').trim());
    });
  const baked = await newPage(w.browser, { viewport, javaScriptEnabled: false, url: w.url(`index.${ILL}.html`) });
  const live = await newPage(w.browser, { viewport, url: w.url(`?v=2&s=${ILL}&embed=1&show=units`) });
  await live.waitForSelector('.td-root:not(.td-baked) #td-units-bars .td-row');
  const [a, b] = [await chartOf(baked), await chartOf(live)];
  assert.ok(a.at(-1).includes('10') && a.length > 40, a.at(-1));
  assert.deepEqual(a, b);
  assert.deepEqual(live.consoleErrors, []);
  await baked.close();
  await live.close();
});

// Guards: when the program files cannot be fetched or compiled, the reader is told so in the
// page's language, with a way to try again, never a blank page; on the full view's page the
// baked figures stay.
test('a missing or corrupt WASM, or missing glue, ends in a message, not a blank page', async () => {
  const cases = [
    // A link the bake does not draw: nothing but the message.
    { query: `${DEFAULT_SNIPPET}${LIVE}`, route: '**/*.wasm', reply: { status: 404, body: 'gone' }, text: /Không tải được chương trình/, figures: false },
    { query: `${DEFAULT_SNIPPET.replace('embed.html', 'embed.en.html')}&l=en${LIVE}`, route: '**/*.wasm', reply: { status: 200, contentType: 'application/wasm', body: 'not a wasm module' }, text: /could not be loaded/, figures: false },
    // The full view's page: the glue missing; the baked figures stay, the message above them.
    { query: '', route: '**/widget-*.js', reply: { status: 404, body: 'gone' }, text: /Không tải được chương trình/, figures: true },
  ];
  for (const { query, route, reply, text, figures } of cases) {
    const page = await newPage(w.browser);
    await page.route(route, (r) => r.fulfill(reply));
    await page.goto(w.url(query));
    const alert = page.locator('.td-failed[role=alert]');
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.innerText(), text, query);
    assert.ok(await alert.locator('button').isVisible(), 'a way to try again');
    assert.equal(await page.locator('.td-baked [data-figure=total]').isVisible(), figures, query);
    await page.close();
  }
});
