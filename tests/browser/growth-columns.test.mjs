// The growth series as columns (issue #20): the real Quảng Ninh series read by whole years or
// by quarters is a column chart, time left to right, each column's figures in text above it,
// its target a marker named with its comparator, every data point reached with the keyboard in
// time order. In Vietnamese and English, at 360 and 1280 px: no horizontal page overflow (a
// chart wider than its card scrolls in its own box, the axis kept in view), no axe-core
// violation. Served from dist/ as published (the real manifest), under the production CSP.
// Screenshots: /tmp/columns-<group>-<lang>-<width>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DIST, openWidget, scrollIntoView, startWidget } from './widget.mjs';

const GRDP = 'quang-ninh-grdp-2019-2025';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const manifest = JSON.parse(readFileSync(`${DIST}data/manifest.json`, 'utf8'));
const published = manifest.snapshots.find((e) => e.id === GRDP);
const points = JSON.parse(readFileSync(`${DIST}data/${published.path}`, 'utf8')).growth.points;

// The figures as docs/sources/REAL-SERIES.md gives them: whole years 2019–2024, each its
// latest figure, with the other source's beside it; the quarters: the 2019 scenario by
// quarter, then each year's first quarter (2024's revised).
const YEARS = {
  vi: ['12,01%', '10,05% (ước tính)', '10,28% (ước tính)', '10,28%', '11,03% (ước tính) (nguồn khác: 11,02%)', '8,42%'],
  en: ['12.01%', '10.05% (estimate)', '10.28% (estimate)', '10.28%', '11.03% (estimate) (another source: 11.02%)', '8.42%'],
};
const QUARTERS = {
  vi: ['mục tiêu 10,1%', 'mục tiêu 12,4%', 'mục tiêu 11,7%', 'mục tiêu 12,1%', '9,02% (ước tính)', '8,01% (ước tính)', '8,04% (ước tính)', '8,97% (ước tính) (trước đó: 8,79%)', '10,91% (ước tính)'],
  en: ['target 10.1%', 'target 12.4%', 'target 11.7%', 'target 12.1%', '9.02% (estimate)', '8.01% (estimate)', '8.04% (estimate)', '8.97% (estimate) (revised from 8.79%)', '10.91% (estimate)'],
};
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The periods of one kind in the data file, in time order, as the chart names them. */
function periods(group, lang) {
  const of = points.map((p) => p.period).filter((p) => (group === 'year' ? /^\d{4}$/.test(p) : /-Q\d$/.test(p)));
  of.sort();
  return of.map((p) => {
    const [y, q] = p.split('-Q');
    if (!q) return lang === 'vi' ? `Năm ${y}` : y;
    return lang === 'vi' ? `Quý ${ROMAN[q - 1]}/${y}` : `Q${q} ${y}`;
  });
}

let w;
before(async () => {
  w = await startWidget({ overrides: {} });
});
after(async () => {
  await w?.close();
});

const COLUMN = '#td-growth .td-columns > .td-row:not(.td-axis)';

for (const group of ['year', 'quarter']) {
  for (const lang of ['vi', 'en']) {
    for (const width of [360, 1280]) {
      // Guards: the columns, their texts, markers, keyboard order, page width and axe, for one
      // kind of period, language and width.
      test(`growth by ${group} as columns, ${lang}, ${width} px`, async () => {
        const query = `?v=2&s=${GRDP}&t=growth&gs=${group}${lang === 'en' ? '&l=en' : ''}`;
        const page = await openWidget(w, query, { viewport: { width, height: 900 }, waitFor: COLUMN });
        const card = page.locator('#td-growth');
        await scrollIntoView(card);
        const columns = page.locator(COLUMN);

        // One column a period, in time order, each with its figures in text.
        const names = periods(group, lang);
        assert.deepEqual(await columns.locator('.td-label').allInnerTexts(), names);
        const values = await columns.locator('.td-value').allInnerTexts();
        const expected = group === 'year' ? YEARS[lang] : QUARTERS[lang];
        assert.deepEqual(values.map((v) => v.split('\n')[0].replace(/\u00a0/g, ' ')), expected.map((v) => v.replace(/\u00a0/g, ' ')));
        // Left to right, on one baseline.
        const tracks = await columns.locator('.td-track').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
        for (let i = 1; i < tracks.length; i++) {
          assert.ok(tracks[i].left > tracks[i - 1].left, `column ${i} right of column ${i - 1}`);
          assert.ok(Math.abs(tracks[i].bottom - tracks[0].bottom) < 1, 'one baseline');
        }
        // A column's height is its value: in years, 2019 (12.01) is taller than 2024 (8.42).
        if (group === 'year') {
          const heights = await columns.locator('.td-seg').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
          assert.equal(heights.length, 6);
          assert.ok(heights[0] > heights[5] && Math.abs(heights[0] / heights[5] - 12.01 / 8.42) < 0.05, `${heights}`);
          // 2021: two targets, one "at least", named with it; the legend says what ≥ means.
          const markers = await columns.nth(2).locator('.td-marker').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
          assert.deepEqual(
            markers,
            lang === 'vi'
              ? ['Năm 2021: mục tiêu 10,5% (kịch bản tăng trưởng)', 'Năm 2021: mục tiêu ít nhất 10% (tăng trưởng hai con số)']
              : ['2021: target 10.5% (growth scenario)', '2021: target at least 10% (double-digit growth)'],
          );
          const legend = (await card.locator('.td-legend').innerText()).replace(/\u00a0/g, ' ');
          assert.match(legend, lang === 'vi' ? /Mục tiêu \(> trên, ≥ ít nhất\)/ : /Target \(> above, ≥ at least\)/);
        }

        // The keyboard reaches every data point, column after column, in time order.
        const first = columns.first().locator('[tabindex="0"]').first();
        await first.focus();
        const visited = [];
        for (let i = 0; i < 40; i++) {
          const at = await page.evaluate(() => {
            const el = document.activeElement;
            const row = el?.closest('#td-growth .td-columns > .td-row');
            if (!row) return null;
            // In view within the chart's box, and not under its axis (sticky on the left).
            const box = row.parentElement.getBoundingClientRect();
            const axis = row.parentElement.querySelector('.td-axis').getBoundingClientRect();
            const r = el.getBoundingClientRect();
            const inBox = r.left >= axis.right - 1 && r.right <= box.right + 1;
            return { label: row.querySelector('.td-label').innerText, name: el.getAttribute('aria-label'), inBox, at: [r.left, r.right, axis.right, box.right] };
          });
          if (!at) break;
          assert.ok(at.name, 'a data point says its value');
          assert.ok(at.inBox, `${at.name} scrolled into its box: ${at.at}`);
          if (visited.at(-1) !== at.label) visited.push(at.label);
          await page.keyboard.press('Tab');
        }
        assert.deepEqual(visited, names);

        // No horizontal page overflow; the chart fits its card or scrolls within it, the
        // axis still in view at its far end.
        const fit = await page.evaluate(() => {
          const box = document.querySelector('#td-growth .td-columns');
          box.scrollLeft = box.scrollWidth;
          const axis = box.querySelector('.td-axis').getBoundingClientRect();
          const b = box.getBoundingClientRect();
          return {
            page: document.documentElement.scrollWidth - window.innerWidth,
            overflowX: getComputedStyle(box).overflowX,
            scrolls: box.scrollWidth > box.clientWidth,
            axisInView: axis.left >= b.left - 1 && axis.right <= b.right,
          };
        });
        assert.ok(fit.page <= 0, `page overflows by ${fit.page} px`);
        assert.equal(fit.overflowX, 'auto');
        assert.ok(fit.axisInView, 'the axis stays in view when the chart scrolls');
        if (width === 1280) assert.ok(!fit.scrolls, 'at 1280 px every column fits');
        await page.evaluate(() => {
          document.querySelector('#td-growth .td-columns').scrollLeft = 0;
        });

        await card.screenshot({ path: `/tmp/columns-${group}-${lang}-${width}.png` });
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, []);
        assert.deepEqual(page.consoleErrors, []);
        await page.close();
      });
    }
  }
}

// Guards: every period together stays bars (a cumulative 9 months beside a single quarter
// would read as a series); choosing years turns the same card into columns and back.
test('all periods stay bars; choosing years draws columns, and back', async () => {
  const page = await openWidget(w, `?v=2&s=${GRDP}&t=growth&l=en`, { waitFor: '#td-growth .td-row:not(.td-axis)' });
  assert.equal(await page.locator('#td-growth .td-columns').count(), 0);
  assert.equal(await page.locator('#td-growth .td-row:not(.td-axis)').count(), points.length);
  const group = page.getByRole('group', { name: 'Periods' });
  await group.getByRole('button', { name: 'Whole years' }).click();
  await page.waitForSelector(COLUMN);
  assert.equal(await page.locator(COLUMN).count(), 6);
  await group.getByRole('button', { name: 'All' }).click();
  await page.waitForFunction((n) => !document.querySelector('#td-growth .td-columns') && document.querySelectorAll('#td-growth .td-row:not(.td-axis)').length === n, points.length);
  assert.equal(await page.locator('#td-growth .td-axis').count(), 1, 'one axis');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
