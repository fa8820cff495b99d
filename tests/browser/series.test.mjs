// The series view (t=series, issue #20): one body's reports over time, and reports of other
// bodies side by side, as the built widget serves the shipped real series (the published
// manifest and files of dist/, as a host serves them). The figures asserted are those of
// docs/sources/REAL-SERIES.md, computed here from the shipped files, in Vietnamese and English,
// at 360 and 1280 px, axe-clean; the reports chosen live in the link; a report that does not
// arrive is told, with a retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWidget, readJson, settledQuery, startWidget } from './widget.mjs';
import { assertNoAxeViolations } from './axe.mjs';
import { newPage } from './browser.mjs';

const GOV = ['chinh-phu-2017', 'chinh-phu-2021-4t', 'chinh-phu-2021-8t'];
const manifest = readJson('data/manifest.json');
const entry = (id) => manifest.snapshots.find((e) => e.id === id);
const totals = (id) => readJson(`data/${entry(id).path}`).tasks.totals;

/** "1,0%" / "1.0%": a share with one decimal, as the widget writes it. */
function share(n, total, lang) {
  const text = ((n / total) * 100).toFixed(1) + '%';
  return lang === 'vi' ? text.replace('.', ',') : text;
}
const number = (n, lang) => n.toLocaleString(lang === 'vi' ? 'de-DE' : 'en-US');

let w;
before(async () => {
  // The published data as built (no test manifest); without the CSP header, for axe.
  w = await startWidget({ csp: false, overrides: {} });
});
after(async () => {
  await w?.close();
});

const rows = (page) =>
  page.locator('#td-series-bars .td-row').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('.td-label').textContent, r.querySelector('.td-value').textContent]));

async function openSeries(query, width) {
  const page = await openWidget(w, query, { viewport: { width, height: 900 }, waitFor: '#td-series-bars .td-row, .td-error' });
  await page.locator('#td-series-bars .td-row').first().waitFor();
  return page;
}

for (const lang of ['vi', 'en']) {
  for (const width of [360, 1280]) {
    // Guards: the Government's three reports, oldest first, with the counts and shares of the
    // shipped files, the trend of their shares with each period and its length, the note
    // that the periods differ, each report's source; no overflow at 360 px; axe-clean.
    test(`one body's reports over time (${lang}, ${width} px)`, async () => {
      const l = lang === 'en' ? '&l=en' : '';
      const page = await openSeries(`?v=2&s=chinh-phu-2021-8t&t=series${l}`, width);
      assert.match(await page.locator('#td-tab-series').getAttribute('aria-selected'), /true/);
      const expected = GOV.map((id) => {
        const t = totals(id);
        const words = lang === 'vi' ? ['nhiệm vụ', 'quá hạn'] : ['tasks', 'overdue'];
        return [entry(id).title[lang], `${number(t.total, lang)} ${words[0]} · ${share(t.overdue, t.total, lang)} ${words[1]}`];
      });
      assert.deepEqual(await rows(page), expected);
      // The 4 and 8 months give completed as a sum: drawn as one hatched segment.
      assert.equal(await page.locator('#td-series-bars .td-row').nth(1).locator('.s-done-sum').count(), 1);
      assert.equal(await page.locator('#td-series-bars .td-row').nth(0).locator('.s-done-sum').count(), 0);

      const trend = await page.locator('#td-trend-summary').textContent();
      const days = lang === 'vi' ? ['359 ngày', '120 ngày', '243 ngày'] : ['359 days', '120 days', '243 days'];
      for (const [i, id] of GOV.entries()) {
        const t = totals(id);
        const done = t.completed ?? t.on_time + t.late;
        assert.ok(trend.includes(share(done, t.total, lang)), `${trend} lacks ${id}'s completed share`);
        assert.ok(trend.includes(days[i]), `${trend} lacks ${days[i]}`);
      }
      const svg = await page.locator('svg.td-trend-svg').textContent();
      assert.ok(svg.includes(`(${days[1]})`) && svg.includes('31' + (lang === 'vi' ? ',' : '.') + '2%'), svg);
      assert.equal(await page.locator('svg.td-trend-svg').getAttribute('role'), 'img');
      // Drawn at its own size (its labels as large as the page's text), scrolling within
      // its card, not the page, when the card is narrower (a phone).
      const drawn = await page.locator('svg.td-trend-svg').evaluate((s) => {
        const box = s.parentElement;
        return { width: s.getBoundingClientRect().width, attr: Number(s.getAttribute('width')), scrolls: box.scrollWidth > box.clientWidth };
      });
      assert.equal(drawn.width, drawn.attr, JSON.stringify(drawn));
      assert.equal(drawn.scrolls, width === 360, JSON.stringify(drawn));
      // No text cut at the box's left or top edge (it clips: it scrolls).
      const cut = await page.locator('.td-trend-scroll').evaluate((box) => {
        const b = box.getBoundingClientRect();
        return [...box.querySelectorAll('text')]
          .filter((t) => t.getBoundingClientRect().left < b.left - 0.5 || t.getBoundingClientRect().top < b.top - 0.5)
          .map((t) => t.textContent);
      });
      assert.deepEqual(cut, []);
      // Each period's last day on a line of its own.
      const lastDays = await page.locator('svg.td-trend-svg .td-trend-label').allTextContents();
      assert.ok(lastDays.includes(lang === 'vi' ? '25/12/2017' : '25 Dec 2017'), lastDays.join(' | '));

      const note = await page.locator('.td-series-note').first().textContent();
      assert.match(note, lang === 'vi' ? /kỳ dài khác nhau/ : /periods of different lengths/);
      assert.equal(await page.locator('.td-series-sources li').count(), 3);
      assert.match(await page.locator('.td-series-sources li').first().textContent(), /1270\/BC-TCTTTg/);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await page.screenshot({ path: `/tmp/series-${lang}-${width}.png`, fullPage: true });
      await assertNoAxeViolations(page, `the series view (${lang}, ${width} px)`);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });

    // Guards: bodies side by side (Quảng Ninh Q1/2021, the Government's 4 months of 2021,
    // Quảng Nam's first half of 2020) are chosen by ticking, kept in the link, drawn as
    // shares of each report's own total with notes that periods and bodies differ, and no
    // trend (a line across bodies would read as time).
    test(`bodies side by side (${lang}, ${width} px)`, async () => {
      const l = lang === 'en' ? '&l=en' : '';
      let page = await openSeries(`?v=2&t=series${l}`, width);
      assert.deepEqual((await rows(page)).map((r) => r[0]), [entry('quang-ninh-2021-q1').title[lang]]);
      await page.getByLabel(entry('chinh-phu-2021-4t').title[lang], { exact: true }).check();
      await page.getByLabel(entry('quang-nam-2020-7t').title[lang], { exact: true }).check();
      const chosen = ['quang-ninh-2021-q1', 'chinh-phu-2021-4t', 'quang-nam-2020-7t'];
      await page.waitForFunction((n) => document.querySelectorAll('#td-series-bars .td-row').length === n, chosen.length);
      assert.match(await settledQuery(page), new RegExp(`cmp=${chosen.join(',')}`));
      const url = page.url();
      await page.close();

      // The link gives the same view on another visit.
      page = await openSeries(new URL(url).search, width);
      assert.deepEqual((await rows(page)).map((r) => r[0]), chosen.map((id) => entry(id).title[lang]));
      const notes = await page.locator('.td-series-note').allTextContents();
      assert.equal(notes.length, 2, notes.join('\n'));
      assert.match(notes[1], lang === 'vi' ? /cơ quan khác nhau/ : /different bodies/);
      assert.equal(await page.locator('#td-trend-title').count(), 0);
      // Quảng Ninh's report gives no start: its period is "to 31/03/2021".
      assert.match(notes[0], lang === 'vi' ? /đến 31\/03\/2021/ : /to 31 Mar 2021/);
      await assertNoAxeViolations(page, `reports side by side (${lang}, ${width} px)`);
      await page.screenshot({ path: `/tmp/compare-${lang}-${width}.png`, fullPage: true });

      // Back to the shown snapshot's own reports: cmp= leaves the link.
      await page.locator('.td-series-choice > button').click();
      await page.waitForFunction(() => document.querySelectorAll('#td-series-bars .td-row').length === 1);
      assert.doesNotMatch(await settledQuery(page), /cmp=/);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  }
}

// Guards: every series the manifest names opens from each of its reports' view: its reports,
// oldest first, each with its count of tasks, in both languages at both widths, axe-clean,
// the page never wider than the screen.
test('every series of the manifest, from its latest report', async () => {
  for (const series of manifest.series) {
    const reports = manifest.snapshots.filter((e) => e.series === series.id).sort((a, b) => a.as_of.localeCompare(b.as_of));
    const latest = reports[reports.length - 1].id;
    for (const lang of ['vi', 'en']) {
      for (const width of [360, 1280]) {
        const what = `${series.id} (${lang}, ${width} px)`;
        const page = await openSeries(`?v=2&s=${latest}&t=series${lang === 'en' ? '&l=en' : ''}`, width);
        const drawn = await rows(page);
        assert.deepEqual(drawn.map((r) => r[0]), reports.map((e) => e.title[lang]), what);
        for (const [i, e] of reports.entries()) {
          const tasks = readJson(`data/${e.path}`).tasks;
          const total = tasks.totals?.total ?? tasks.records.length;
          assert.ok(drawn[i][1].startsWith(number(total, lang)), `${what}: ${drawn[i][1]}`);
        }
        assert.equal(await page.locator('svg.td-trend-svg').count(), reports.length > 1 ? 1 : 0, what);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${what}: the page scrolls sideways by ${overflow} px`);
        await assertNoAxeViolations(page, what);
        assert.deepEqual(page.consoleErrors, [], what);
        await page.close();
      }
    }
  }
});

// Guards: an embed of the series (show=series) draws the same chart and trend in the
// compact view, without the choice of reports.
test('the series embedded', async () => {
  const page = await openSeries('?v=2&s=chinh-phu-2021-4t&embed=1&show=series', 360);
  assert.deepEqual((await rows(page)).map((r) => r[0]), GOV.map((id) => entry(id).title.vi));
  assert.equal(await page.locator('.td-series-choice').count(), 0);
  assert.equal(await page.locator('svg.td-trend-svg').count(), 1);
  await assertNoAxeViolations(page, 'the series embedded');
  await page.close();
});

// Guards: the page of one of a body's several reports bakes its series. An embed of it
// (show=series, the snippet's link) is that page: the three reports' figures, the trend and
// sources in the first response, no other part, no WASM; without JavaScript too. The same
// link with a parameter baked pages leave to the WASM is drawn live (the reader build hands
// it to the full build) with the same text.
test('the series embed is baked, and reads as the live one', async () => {
  const query = 'embed.chinh-phu-2021-8t.html?v=2&s=chinh-phu-2021-8t&embed=1&show=series&fid=s1';
  const expected = GOV.map((id) => entry(id).title.vi);
  const text = async (page) => (await page.locator('.td-root').first().innerText()).replace(/\s+/g, ' ').trim();
  for (const width of [360, 1280]) {
    const viewport = { width, height: 900 };
    const baked = await newPage(w.browser, { viewport, bypassCSP: true });
    const wasm = [];
    baked.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
    await baked.goto(w.url(query), { waitUntil: 'load' });
    await baked.waitForTimeout(300);
    assert.deepEqual(wasm, [], 'no WASM');
    assert.equal(await baked.locator('.td-root.td-baked').count(), 1);
    const shown = await baked.locator('.td-baked main > [data-part]').evaluateAll((els) =>
      [...new Set(els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.dataset.part))]);
    assert.deepEqual(shown, ['series']);
    assert.deepEqual((await rows(baked)).map((r) => r[0]), expected);
    assert.equal(await baked.locator('svg.td-trend-svg').count(), 1);
    const bakedText = await text(baked);
    assert.match(bakedText, /21\.914 nhiệm vụ · 1,0% quá hạn/);
    assert.match(bakedText, /kỳ dài khác nhau/);
    await assertNoAxeViolations(baked, `the baked series at ${width} px`);

    const live = await newPage(w.browser, { viewport });
    await live.goto(w.url(`${query}&us=overdue`), { waitUntil: 'load' });
    await live.waitForSelector('.td-root:not(.td-baked) #td-series-bars .td-row', { timeout: 30_000 });
    await live.waitForTimeout(300);
    // The live one is the full build's, whose cards have downloads (a baked card, like the
    // reader build's, has none).
    assert.equal((await text(live)).replace(' Tải xuống CSV PNG SVG', ''), bakedText, `at ${width} px`);
    assert.deepEqual([...baked.consoleErrors, ...live.consoleErrors], []);
    await baked.close();
    await live.close();
  }
  const off = await newPage(w.browser, { javaScriptEnabled: false, url: w.url(query) });
  assert.deepEqual((await rows(off)).map((r) => r[0]), expected);
  await off.close();
});

// Guards: the embed panel's snippet of the series names the reader build's page that bakes
// it (for one of a body's several reports), and the full build's once reports are chosen.
test('the snippet of the series points at the page that bakes it', async () => {
  const page = await openWidget(w, '?v=2&s=chinh-phu-2021-8t', { viewport: { width: 1280, height: 900 } });
  await page.locator('button[data-action=embed]').click();
  for (const part of ['headline', 'status']) await page.locator(`input[name=show][value=${part}]`).uncheck();
  await page.locator('input[name=show][value=series]').check();
  const snippet = page.locator('textarea.td-snippet');
  await page.waitForFunction(() => /show=series/.test(document.querySelector('textarea.td-snippet').value));
  const src = (await snippet.inputValue()).match(/src="([^"]*)"/)[1];
  assert.match(src, /\/embed\.chinh-phu-2021-8t\.html\?v=2&amp;s=chinh-phu-2021-8t&amp;d=[0-9a-f]{16}&amp;embed=1&amp;show=series&amp;fid=/);
  await page.close();
  const chosen = await openSeries('?v=2&s=chinh-phu-2021-8t&t=series&cmp=chinh-phu-2017,quang-nam-2020-7t', 1280);
  await chosen.locator('button[data-action=embed]').click();
  await chosen.locator('input[name=show][value=series]').check();
  await chosen.waitForFunction(() => /show=[a-z,]*series/.test(document.querySelector('textarea.td-snippet').value));
  assert.match(await chosen.locator('textarea.td-snippet').inputValue(), /src="[^"]*\/index\.chinh-phu-2021-8t\.html\?[^"]*cmp=chinh-phu-2017,quang-nam-2020-7t/);
  assert.deepEqual(chosen.consoleErrors, []);
  await chosen.close();
});

// Guards: a report the manifest does not list is told and dropped from the link, never
// fetched; a report that does not arrive is named, with a retry that draws it.
test('unknown and failing reports', async () => {
  let page = await openSeries('?v=2&t=series&cmp=nope,chinh-phu-2017', 1280);
  assert.deepEqual((await rows(page)).map((r) => r[0]), [entry('chinh-phu-2017').title.vi]);
  assert.match(await page.locator('.td-main').textContent(), /cmp=nope/);
  assert.match(await settledQuery(page), /cmp=chinh-phu-2017(&|$)/);
  await page.close();

  const { newPage } = await import('./browser.mjs');
  page = await newPage(w.browser, { url: 'about:blank', viewport: { width: 1280, height: 900 } });
  let block = true;
  await page.route('**/data/snapshots/chinh-phu-2021-4t.*', (route) => (block ? route.abort() : route.continue()));
  await page.goto(w.url('?v=2&s=chinh-phu-2017&t=series'));
  const failed = page.locator('.td-error', { hasText: entry('chinh-phu-2021-4t').title.vi });
  await failed.waitFor();
  // The reports that arrived are drawn; the missing one is named, not left out silently.
  await page.locator('#td-series-bars .td-row').nth(1).waitFor();
  assert.equal(await page.locator('#td-series-bars .td-row').count(), 2);
  block = false;
  await failed.locator('[data-retry]').click();
  await page.locator('#td-series-bars .td-row').nth(2).waitFor();
  assert.equal(await page.locator('.td-error').count(), 0);
  await page.close();
});
