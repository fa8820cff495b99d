// Issue #2: what a reader sees of the real Q1/2021 snapshot, in Vietnamese and English; broken
// data shows a located message; generated data says it is illustrative.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWidget, openWidget, textOf, settledQuery } from './widget.mjs';

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

// Guards: a report that gives the not-completed group only as a sum is drawn as that sum,
// never split, and the headline has no overdue share to show.
test('a not-completed group given only as a sum: one bar, no overdue share in the headline', async () => {
  const page = await openWidget(w, '?s=test-sums-only');
  assert.equal(await textOf(page, '[data-figure=total]'), '1.738');
  assert.equal(await textOf(page, '[data-figure=completed]'), '36,2%');
  assert.equal(await page.locator('.td-stat').filter({ has: page.locator('[data-figure=overdue]') }).isVisible(), false);
  assert.equal(await page.locator('.td-stat:visible').count(), 2);
  assert.deepEqual(await page.locator('#td-status .td-label').allInnerTexts(),
    ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành (báo cáo không tách)']);
  assert.deepEqual(await page.locator('#td-status .td-value').allInnerTexts(), ['506 · 29,1%', '123 · 7,1%', '1.109 · 63,8%']);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the headline and the four statuses show exactly the published figures, Vietnamese style.
test('the default view shows the published Q1/2021 task figures in Vietnamese', async () => {
  const page = await openWidget(w);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  assert.equal(await textOf(page, '[data-figure=total]'), '1.738');
  assert.equal(await textOf(page, '[data-figure=completed]'), '36,2%');
  assert.equal(await textOf(page, '[data-figure=overdue]'), '2,4%');
  const labels = await page.locator('#td-status .td-label').allInnerTexts();
  assert.deepEqual(labels, [
    'Hoàn thành đúng hạn',
    'Hoàn thành quá hạn',
    'Chưa hoàn thành, quá hạn',
    'Chưa hoàn thành, còn trong hạn',
  ]);
  const values = await page.locator('#td-status .td-value').allInnerTexts();
  assert.deepEqual(values, ['506 · 29,1%', '123 · 7,1%', '41 · 2,4%', '1.068 · 61,4%']);
  const summary = await textOf(page, '#td-status .td-summary');
  assert.match(summary, /^Đến 31\/03\/2021, 506 trong 1\.738 nhiệm vụ hoàn thành đúng hạn/);
  const source = await textOf(page, '[data-source]');
  assert.match(source, /^Nguồn: «UBND tỉnh: Quyết liệt trong chỉ đạo/);
  assert.match(source, /Hồng Nhung/);
  assert.match(source, /đăng ngày 09\/04\/2021/);
  assert.equal(await page.locator('[data-notice=illustrative]').count(), 0, 'official data has no illustrative notice');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: documents, schemes and growth tabs carry the article's other figures.
test('documents, schemes and growth show the article figures', async () => {
  const page = await openWidget(w);
  await page.getByRole('tab', { name: 'Văn bản và đề án' }).click();
  await page.waitForSelector('#td-documents');
  const docs = await page.locator('#td-documents .td-row').allInnerTexts();
  const docText = docs.join('\n');
  for (const expected of [/Công văn\s+1\.523/, /Quyết định\s+808/, /Chỉ thị\s+2/, /Kế hoạch\s+58/]) {
    assert.match(docText, expected);
  }
  assert.match(await textOf(page, '#td-documents .td-summary'), /tổ chức 180 cuộc họp/);
  assert.match(await textOf(page, '#td-schemes .td-value'), /^6\/13 · 46,2%$/);

  await page.getByRole('tab', { name: 'Tăng trưởng' }).click();
  await page.waitForSelector('#td-growth');
  const rows = await page.locator('#td-growth .td-row:not(.td-axis)').allInnerTexts();
  const byPeriod = Object.fromEntries(rows.map((r) => r.replace(/\u00a0/g, ' ').split('\n').map((s) => s.trim()).filter(Boolean)).map(([k, ...v]) => [k, v.join(' ')]));
  assert.equal(byPeriod['Quý I/2021'], '9,02% (ước tính)');
  assert.equal(byPeriod['Quý II/2021'], 'mục tiêu > 9,5%');
  assert.equal(byPeriod['Năm 2021'], 'mục tiêu ≥ 10%');
  assert.equal(byPeriod['Năm 2019'], '12,01% · mục tiêu > 11,6%');
  assert.match(await settledQuery(page), /t=growth/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: every label has an English version, with English number formats.
test('English: labels, numbers and dates, and the language switch', async () => {
  const page = await openWidget(w, '?l=en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const values = await page.locator('#td-status .td-value').allInnerTexts();
  assert.deepEqual(values, ['506 · 29.1%', '123 · 7.1%', '41 · 2.4%', '1,068 · 61.4%']);
  const labels = await page.locator('#td-status .td-label').allInnerTexts();
  assert.deepEqual(labels, ['Completed on time', 'Completed late', 'Not completed, overdue', 'Not completed, within deadline']);
  assert.equal(await textOf(page, '[data-figure=total]'), '1,738');
  assert.match(await textOf(page, '#td-status .td-summary'), /^As of 31 Mar 2021, 506 of 1,738 tasks were completed on time/);
  assert.match(await textOf(page, '[data-source]'), /^Source: .*published 9 Apr 2021/);

  // Back to Vietnamese with the switch; the link follows.
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.equal(await textOf(page, '[data-figure=total]'), '1.738');
  await page.waitForFunction(() => !location.search.includes('l=en'));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a broken snapshot gives a located message, not a blank page, and the page stays usable.
test('a broken snapshot names the file, the JSON path and what was expected', async () => {
  const page = await openWidget(w, '?s=broken-bad-date');
  const error = await textOf(page, '.td-error');
  assert.match(error, /Không tải được dữ liệu/);
  assert.match(error, /data\/snapshots\/broken-bad-date\.json/);
  assert.match(error, /tasks\.records\[1\]\.due/);
  assert.match(error, /expected a date YYYY-MM-DD, found "31\/03\/2021"/);
  assert.equal(await page.locator('[role=alert]').count(), 1);
  // The rest of the page still works: switch to another snapshot.
  await page.selectOption('.td-snapshot-picker select', 'quang-ninh-2021-q1');
  await page.waitForSelector('#td-status');
  assert.equal(await page.locator('.td-error').count(), 0);
  assert.equal(await textOf(page, '[data-figure=total]'), '1.738');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: generated figures are never shown as real ones.
test('an illustrative snapshot always shows the illustrative notice', async () => {
  const page = await openWidget(w, '?s=illustrative-2021-q1-1738');
  const notice = page.locator('[data-notice=illustrative]');
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /Dữ liệu minh họa, không phải số liệu chính thức/);
  assert.match(await textOf(page, '.td-meta'), /Dữ liệu minh họa/);
  // It has no documents or growth figures: no tabs are offered for them (its tasks alone need
  // no tab bar), and a link to its growth tab says what is missing.
  assert.equal(await page.getByRole('tab').count(), 0);
  assert.equal(await page.getByRole('tablist').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
  const growth = await openWidget(w, '?s=illustrative-2021-q1-1738&t=growth');
  assert.match(await growth.locator('[data-notice=missing]').innerText(), /không có số liệu riêng về: Tăng trưởng\./);
  assert.ok(await growth.locator('[data-notice=illustrative]').isVisible(), 'the notice stays');
  assert.ok(await growth.locator('#td-status').isVisible(), 'its tasks are shown');
  await growth.close();
});

// Guards: a slow network shows a visible, announced loading state, or the baked figures.
test('loading is visible while the snapshot arrives', async () => {
  const { newPage } = await import('./browser.mjs');
  const page = await newPage(w.browser);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/snapshots/quang-ninh-2021-q1.json', async (route) => {
    await held;
    await route.continue();
  });
  // A view that is not baked (a filter): the widget says it is loading.
  await page.goto(w.url('?v=2&st=od'));
  const loading = page.locator('.td-loading[role=status]');
  await loading.waitFor({ state: 'visible', timeout: 20_000 });
  assert.match(await loading.innerText(), /Đang tải dữ liệu/);
  release();
  await page.waitForSelector('#td-status');
  assert.equal(await page.locator('.td-loading').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();

  // The default view is baked: its figures show while the WASM loads the data, and the live
  // view takes their place once drawn.
  const baked = await newPage(w.browser);
  let releaseBaked;
  const heldBaked = new Promise((resolve) => (releaseBaked = resolve));
  await baked.route('**/snapshots/quang-ninh-2021-q1.json', async (route) => {
    await heldBaked;
    await route.continue();
  });
  await baked.goto(w.url());
  await baked.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 20_000 });
  assert.ok(await baked.locator('html.td-swap .td-baked [data-figure=total]').isVisible());
  assert.equal(await baked.locator('.td-loading').isVisible(), false);
  releaseBaked();
  await baked.waitForFunction(() => !document.documentElement.classList.contains('td-swap'));
  assert.equal(await baked.locator('.td-baked').count(), 0);
  assert.ok(await baked.locator('#td-status .td-row-button').first().isVisible());
  assert.deepEqual(baked.consoleErrors, []);
  await baked.close();
});
