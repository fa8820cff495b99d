// No figures nobody published (issue #18): a view offers and draws only what its snapshot
// holds (tabs, embed parts, the embed panel's parts, status chips), and a link asking for
// more is moved off it and told, never shown zeros. The core's property test is tests/held.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWidget, openWidget, settledQuery } from './widget.mjs';

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

const GROWTH_ONLY = 'test-growth-only';

// Guards: an embed of a growth-only snapshot asking for the task parts (what the embed panel
// used to propose from its default tab) shows no "0 nhiệm vụ · 0% · 0%": a notice names what
// the snapshot lacks, and the part it has is drawn.
test('an embed asking for parts the snapshot lacks names them, and draws no zeros', async () => {
  for (const page_ of ['embed.html', '']) {
    const page = await openWidget(w, `${page_}?v=2&embed=1&s=${GROWTH_ONLY}&show=headline,status,growth`, { waitFor: '#td-growth' });
    const notice = page.locator('[data-notice=missing]');
    assert.equal(
      await notice.innerText(),
      'Bộ số liệu này không có số liệu riêng về: nhiệm vụ được giao; Tình trạng thực hiện nhiệm vụ.',
    );
    assert.equal(await page.locator('[data-figure]').count(), 0, 'no headline figures');
    assert.equal(await page.locator('#td-status').count(), 0, 'no status chart');
    // Outside the growth chart (whose axis starts at 0%), no zero at all.
    const rest = await page.locator('main').evaluate((m) => {
      const copy = m.cloneNode(true);
      copy.querySelector('#td-growth')?.remove();
      return copy.textContent;
    });
    assert.doesNotMatch(rest, /(?<![\d,])0(%| nhiệm vụ)/);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }
});

// Guards: tabs only for what a snapshot has; a growth-only snapshot has no tab bar; a link to its
// documents tab lands on growth and says the snapshot has none; the embed panel offers and
// proposes only the growth chart.
test('tabs and the embed panel offer only what the snapshot has', async () => {
  // The default snapshot has tasks, documents and growth: three tabs.
  const full = await openWidget(w, '');
  assert.deepEqual(await full.getByRole('tab').allInnerTexts(), ['Nhiệm vụ', 'Văn bản và đề án', 'Tăng trưởng']);
  await full.close();
  // Growth alone: no tab bar to choose from, the growth chart shown; a link to the documents
  // tab is told they are missing.
  const page = await openWidget(w, `?v=2&s=${GROWTH_ONLY}&t=docs`, { waitFor: '#td-growth' });
  assert.equal(await page.getByRole('tab').count(), 0);
  assert.match(await page.locator('[data-notice=missing]').innerText(), /không có số liệu riêng về: Văn bản và đề án\./);
  assert.match(await settledQuery(page), /t=growth/);
  await page.locator('button[data-action=embed]').click();
  const boxes = page.locator('.td-embed-panel input[name=show]');
  assert.deepEqual(await boxes.evaluateAll((b) => b.map((x) => [x.value, x.checked])), [['growth', true]]);
  assert.match(await page.locator('textarea.td-snippet').inputValue(), /show=growth/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: on a report whose not-completed tasks are known only as a sum, that sum is one chip
// (both statuses at once); a link filtering one of its statuses is told and drops it, instead
// of greying every bar.
test('a status known only within a sum has no chip of its own', async () => {
  const page = await openWidget(w, '?v=2&s=test-sums-only&st=od');
  const chips = page.locator('.td-filters .td-chip');
  assert.deepEqual(await chips.allInnerTexts(), [
    'Hoàn thành đúng hạn',
    'Hoàn thành quá hạn',
    'Chưa hoàn thành (báo cáo không tách)',
  ]);
  assert.match(await page.locator('[data-notice=missing]').innerText(), /không có số liệu riêng về: Chưa hoàn thành, quá hạn\./);
  assert.doesNotMatch(await settledQuery(page), /st=/);
  assert.equal(await page.locator('#td-status .is-dimmed').count(), 0, 'no bar greyed by a filter nothing matches');
  // The sum's chip filters both its statuses: its row is the one emphasised.
  const sum = page.locator('.td-chip-od-wd');
  await sum.click();
  assert.equal(await sum.getAttribute('aria-pressed'), 'true');
  assert.match(await settledQuery(page), /st=od(,|%2C)wd/);
  assert.equal(await page.locator('#td-status .td-row.is-selected').count(), 1);
  await sum.click();
  assert.equal(await sum.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
