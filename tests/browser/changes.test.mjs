// The "what changed" tab (#20): between two illustrative quarters of Quảng Ninh (one manifest
// series), in Vietnamese and English, at 360 and 1280 px: the sentence and the table per unit
// carry the figures `snapshot-tool diff --json` computes (so they cannot drift), the "compared
// with" select writes `from=` into the link, the page does not overflow on a phone (the table
// scrolls in its own box), and axe-core finds nothing. Served from the build's own published
// data (hashed files, integrity, summaries), not the test manifest: the tab is offered only for
// a series with an earlier snapshot with records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startWidget, openWidget, settledQuery, textOf, readJson, viNumber, ROOT } from './widget.mjs';
import { assertNoAxeViolations } from './axe.mjs';

const q = (k) => `illustrative-2021-q${k}-1738`;

/** `snapshot-tool diff --json` of two shipped quarters: the oracle. */
function diff(from, to) {
  const bin = `${ROOT}target/debug/snapshot-tool`;
  const files = [from, to].map((id) => `${ROOT}data/snapshots/${id}.json`);
  const out = existsSync(bin)
    ? execFileSync(bin, ['diff', ...files, '--json'], { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '-q', '--bin', 'snapshot-tool', '--', 'diff', ...files, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

const fmt = (lang) => (n) => (lang === 'vi' ? viNumber(n) : n.toLocaleString('en-US'));
const signed = (lang, a, b) => (b > a ? `+${fmt(lang)(b - a)}` : b < a ? `\u2212${fmt(lang)(a - b)}` : '±0');
const cell = (lang, a, b) => `${fmt(lang)(a)} → ${fmt(lang)(b)} (${signed(lang, a, b)})`;

/** What the page should say for `from` → `to` in `lang`. */
function expected(from, to, lang) {
  const d = diff(from, to);
  const n = fmt(lang);
  const [done, overdue, added] = [d.tasks.newly_completed.length, d.tasks.newly_overdue.length, d.tasks.new.length];
  const sentence =
    lang === 'vi'
      ? `${n(done)} nhiệm vụ mới hoàn thành, ${n(overdue)} nhiệm vụ mới quá hạn, ${n(added)} nhiệm vụ mới giao.`
      : `${n(done)} tasks newly completed, ${n(overdue)} newly overdue, ${n(added)} new.`;
  const total = cell(lang, d.old.totals.total, d.new.totals.total);
  const newer = readJson(`data/snapshots/${to}.json`);
  // A unit with some of each: its row, by name in the reader's language.
  const byUnit = d.tasks.by_unit.find((u) => u.newly_completed && u.newly_overdue && u.new) ?? d.tasks.by_unit[0];
  const unit = newer.units.find((u) => u.id === byUnit.id);
  const tallies = d.units.find((u) => u.id === byUnit.id);
  return {
    sentence,
    total,
    totalCounts: [done, overdue, added].map(n),
    units: newer.units.length,
    unit: {
      name: lang === 'vi' ? unit.name.vi : unit.name.en,
      overdue: cell(lang, tallies.old.overdue, tallies.new.overdue),
      counts: [byUnit.newly_completed, byUnit.newly_overdue, byUnit.new].map(n),
    },
  };
}

/** The table's rows as arrays of cell texts (header cell first). */
async function rows(page, section) {
  return page.locator(`.td-changes-table ${section} tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
  );
}

async function assertShows(page, exp, what) {
  const sentence = await textOf(page, '[data-changes="sentence"]');
  assert.ok(sentence.includes(exp.sentence), `${what}: ${sentence}\nexpected …${exp.sentence}`);
  const body = await rows(page, 'tbody');
  assert.equal(body.length, exp.units, `${what}: a row per unit`);
  const row = body.find((r) => r[0] === exp.unit.name);
  assert.ok(row, `${what}: a row for ${exp.unit.name}`);
  assert.equal(row[3], exp.unit.overdue, `${what}: ${exp.unit.name}'s overdue before → now`);
  assert.deepEqual(row.slice(6), exp.unit.counts, `${what}: ${exp.unit.name}'s newly completed, overdue, new`);
  const [total] = await rows(page, 'tfoot');
  assert.equal(total[5], exp.total, `${what}: the total`);
  assert.deepEqual(total.slice(6), exp.totalCounts, `${what}: the total's changes`);
}

let w;
let axe;
before(async () => {
  // The build's published data as it is (no test manifest).
  w = await startWidget({ overrides: {} });
  axe = await startWidget({ csp: false, overrides: {} });
});
after(async () => {
  await w?.close();
  await axe?.close();
});

const open = (widget, query, width) =>
  openWidget(widget, query, { viewport: { width, height: 900 }, waitFor: '.td-changes-table, .td-error' });

// Guards: Q2 against Q1 (the default "compared with") in Vietnamese, and Q4 against Q3 in
// English, each at 360 and 1280 px: the figures are diff's, the page never overflows sideways.
test('what changed: the figures of snapshot-tool diff, in both languages, at 360 and 1280 px', async () => {
  for (const [lang, from, to] of [['vi', q(1), q(2)], ['en', q(3), q(4)]]) {
    const exp = expected(from, to, lang);
    for (const width of [360, 1280]) {
      const what = `${lang} ${to} at ${width} px`;
      const query = `?v=2&s=${to}${lang === 'en' ? '&l=en' : ''}&t=changes`;
      const page = await open(w, query, width);
      assert.equal(await page.locator('#td-tab-changes').getAttribute('aria-selected'), 'true', what);
      assert.equal(await textOf(page, '#td-tab-changes'), lang === 'vi' ? 'Thay đổi' : 'What changed');
      assert.equal(await page.locator('#td-changes-from').inputValue(), from, `${what}: compared with the quarter before`);
      await assertShows(page, exp, what);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${what}: the page overflows by ${overflow} px`);
      if (width === 360) {
        const scrolls = await page.locator('.td-changes-scroll').evaluate((el) => el.scrollWidth > el.clientWidth);
        assert.ok(scrolls, `${what}: the table scrolls in its own box`);
      }
      assert.equal(await settledQuery(page), query, `${what}: the link is kept as it is`);
      await page.screenshot({ path: `/tmp/changes-${lang}-${width}.png`, fullPage: width === 360 });
      assert.deepEqual(page.consoleErrors, [], what);
      await page.close();
    }
  }
});

// Guards: "compared with" lists the earlier quarters, latest first; picking Q1 on Q4 redraws
// the figures and writes `from=` into the link, which opens the same view again.
test('what changed: another "compared with" is in the link', async () => {
  const page = await open(w, `?v=2&s=${q(4)}&l=en&t=changes`, 1280);
  const options = await page.locator('#td-changes-from option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, [q(3), q(2), q(1)]);
  await page.locator('#td-changes-from').selectOption(q(1));
  const exp = expected(q(1), q(4), 'en');
  await page.waitForFunction(
    (s) => document.querySelector('[data-changes="sentence"]')?.textContent.includes(s),
    exp.sentence,
  );
  await assertShows(page, exp, 'Q1 → Q4');
  const link = `?v=2&s=${q(4)}&l=en&t=changes&from=${q(1)}`;
  assert.equal(await settledQuery(page), link);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();

  const again = await open(w, link, 1280);
  assert.equal(await again.locator('#td-changes-from').inputValue(), q(1));
  await assertShows(again, exp, 'Q1 → Q4 from its link');
  await again.close();
});

// Guards: a `from` that is not an earlier snapshot of the series is dropped and told (like any
// ignored parameter); the first of a series, or one without a series, has no such tab.
test('what changed: an unsuitable from= is told; no tab without an earlier snapshot', async () => {
  const page = await open(w, `?v=2&s=${q(2)}&t=changes&from=${q(3)}`, 1280);
  assert.equal(await page.locator('#td-changes-from').inputValue(), q(1));
  assert.ok((await textOf(page, '[data-notice="link"]')).includes(`from=${q(3)}`));
  assert.equal(await settledQuery(page), `?v=2&s=${q(2)}&t=changes`);
  await page.close();
  for (const s of [q(1), 'quang-ninh-2021-q1']) {
    const first = await openWidget(w, `?v=2&s=${s}&t=changes`);
    assert.equal(await first.locator('#td-tab-changes').count(), 0, s);
    await first.close();
  }
});

// Guards: the tab passes axe-core in both languages at both widths, its select and its
// scrolling table included.
test('axe: what changed', async () => {
  for (const query of [`?v=2&s=${q(2)}&t=changes`, `?v=2&s=${q(4)}&l=en&t=changes`]) {
    for (const width of [360, 1280]) {
      const page = await open(axe, query, width);
      await assertNoAxeViolations(page, `${query} at ${width} px`);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    }
  }
});
