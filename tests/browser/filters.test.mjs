// Issue #3: filters a reader applies by clicking, cross-filtering, the table, and the URL that
// reproduces the view (copied links, bad parameters, refused snapshots, no history flooding).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWidget, openWidget, textOf, visibleText, scrollIntoView, readJson, statusOf, viNumber, settledQuery, taskColumn } from './widget.mjs';
import { newPage } from './browser.mjs';

const ILL = 'illustrative-2021-q1-1738';
const snap = readJson(`data/snapshots/${ILL}.json`);
const unitById = Object.fromEntries(snap.units.map((u) => [u.id, u]));
const records = snap.tasks.records.map((r) => ({ ...r, status: statusOf(r, snap.as_of), kind: unitById[r.unit].kind }));
const count = (pred) => records.filter(pred).length;
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

async function countText(page) {
  return textOf(page, '[data-count]');
}

// Guards: clicking filters narrows the count, the table and the URL together.
test('status and unit-kind filters applied by clicking', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  assert.equal(await countText(page), '1.738 trên 1.738 nhiệm vụ');
  await page.click('.td-chip-od');
  await page.waitForFunction(() => document.querySelector('[data-count]').textContent.startsWith('41 '));
  await page.selectOption('select[name=k]', 'loc');
  const expected = count((r) => r.status === 'od' && r.kind === 'locality');
  assert.ok(expected > 0 && expected < 41);
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(expected)} trên 1.738 nhiệm vụ`);
  // The table shows only those tasks.
  const statuses = await taskColumn(page, 8);
  assert.equal(statuses.length, Math.min(expected, 20));
  assert.ok(statuses.every((s) => s === 'Chưa hoàn thành, quá hạn'), statuses.join('|'));
  const localityNames = new Set(snap.units.filter((u) => u.kind === 'locality').map((u) => u.name.vi));
  const units = await taskColumn(page, 3);
  assert.ok(units.every((u) => localityNames.has(u)), units.join('|'));
  // The unit chart lists only localities.
  const chartUnits = await page.locator('#td-units .td-label').allInnerTexts();
  assert.ok(chartUnits.length > 0 && chartUnits.every((u) => localityNames.has(u)), chartUnits.join('|'));
  const query = await settledQuery(page);
  assert.equal(query, `?v=2&s=${ILL}&st=od&k=loc`);
  // Reset in one click.
  await page.click('[data-action=reset]');
  await page.waitForFunction(() => document.querySelector('[data-count]').textContent.startsWith('1.738 '));
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: search works without typing accents, and the table follows.
test('title search is case- and accent-insensitive', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  await page.fill('input[name=q]', 'cao toc');
  const expected = count((r) => fold(r.title).includes('cao toc'));
  assert.ok(expected > 0);
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(expected)} trên 1.738 nhiệm vụ`);
  await scrollIntoView(page.locator('.td-task-table'));
  const titles = await taskColumn(page, 2);
  assert.ok(titles.every((t) => fold(t).includes('cao toc')), titles.join('|'));
  assert.match(await settledQuery(page), /&q=cao%20toc$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: cross-filtering from the unit chart: a pointer picks a segment (unit and status), the
// keyboard picks a unit row; pressing again clears; focus stays on the row.
test('pressing in the unit chart filters the rest of the widget; pressing again clears', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  const segment = page.locator('#td-units .td-row-button .td-seg.s-od').first();
  const row = page.locator('#td-units .td-row-button', { has: page.locator('.td-seg.s-od') }).first();
  const rowId = await row.getAttribute('id');
  const unitId = rowId.replace(/^td-units-/, '');
  const overdue = count((r) => r.unit === unitId && r.status === 'od');
  const total = count((r) => r.unit === unitId);
  assert.match(await visibleText(row), new RegExp(viNumber(total)));
  // The row's accessible name starts with its visible label and holds every value of the row.
  const name = await row.getAttribute('aria-label');
  assert.ok(name.startsWith(await row.locator('.td-label').textContent()), name);
  assert.match(name, new RegExp(`chưa hoàn thành, quá hạn ${overdue} \\(`));

  await segment.click();
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(overdue)} trên 1.738 nhiệm vụ`);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&st=od&u=${unitId}`);
  assert.equal(await page.locator(`#${rowId}`).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#td-units .td-bars').getAttribute('data-statuses'), 'od');
  const opacity = (sel) => page.locator(sel).first().evaluate((e) => Number(getComputedStyle(e).opacity));
  assert.equal(await opacity(`#${rowId} .td-seg.s-od`), 1);
  assert.ok((await opacity(`#${rowId} .td-seg.s-wd`)) < 0.5, 'other statuses fade');
  assert.equal(await page.locator(`#${rowId} .td-seg.s-od`).evaluate((e) => getComputedStyle(e).outlineStyle), 'solid');
  // The status chart now shows that unit, with "overdue" pressed.
  assert.equal(await page.locator('#td-status button.td-row-button[aria-pressed=true]').count(), 1);
  await page.locator(`#${rowId} .td-seg.s-od`).click();
  await page.waitForFunction(() => document.querySelector('[data-count]').textContent.startsWith('1.738 '));
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}`);

  // Keyboard: Enter on the row filters to the unit, focus stays, Enter again clears.
  await page.locator(`#${rowId}`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(total)} trên 1.738 nhiệm vụ`);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&u=${unitId}`);
  await page.waitForFunction((i) => document.activeElement?.id === i, rowId);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-count]').textContent.startsWith('1.738 '));

  // A legend entry toggles its status, and shows it pressed: the same element, updated (the
  // legend is not rebuilt on a status change).
  const legendLate = page.locator('#td-units .td-legend-button', { hasText: 'Hoàn thành quá hạn' });
  await legendLate.evaluate((b) => { b.tdMark = true; });
  assert.equal(await legendLate.getAttribute('aria-pressed'), 'false');
  await legendLate.click();
  const late = count((r) => r.status === 'lt');
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(late)} trên 1.738 nhiệm vụ`);
  assert.equal(await legendLate.getAttribute('aria-pressed'), 'true');
  assert.ok(await legendLate.evaluate((b) => b.tdMark && b.classList.contains('is-selected')), 'the pressed entry is the same element, marked selected');
  assert.equal(await page.locator('.td-chip-lt').getAttribute('aria-pressed'), 'true');
  // A status chip presses the legend entry of its status too.
  await page.click('.td-chip-lt');
  await page.waitForFunction(() => document.querySelector('[data-count]').textContent.startsWith('1.738 '));
  assert.equal(await legendLate.getAttribute('aria-pressed'), 'false');
  assert.ok(await legendLate.evaluate((b) => b.tdMark && !b.classList.contains('is-selected')));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a filter change updates the bars and the table rows in place (src/ui/paint/, as
// src/redraw/ plans), with the right numbers; hovering a segment shows that segment's own value
// in the chart's tooltip.
test('a filter change updates the drawn bars and rows in place; a hovered segment shows its value', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  const units = page.locator('#td-units .td-bars');
  await scrollIntoView(units);
  // Mark the drawn elements: after the change they must still be the same elements.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('#td-units .td-row-button, .td-task-table tbody tr')) el.tdMark = true;
  });
  const rows = await page.locator('#td-units .td-row-button').count();
  await page.click('.td-chip-od');
  const overdue = count((r) => r.status === 'od');
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(overdue)} trên 1.738 nhiệm vụ`);
  await page.waitForFunction(() => document.querySelectorAll('.td-task-table tbody td:nth-child(8)')[0]?.textContent === 'Chưa hoàn thành, quá hạn');
  const kept = await page.evaluate(() => ({
    units: [...document.querySelectorAll('#td-units .td-row-button')].filter((e) => e.tdMark).length,
    table: [...document.querySelectorAll('.td-task-table tbody tr')].filter((e) => e.tdMark).length,
    statuses: [...document.querySelectorAll('.td-task-table tbody td:nth-child(8)')].map((e) => e.textContent),
  }));
  assert.equal(kept.units, rows, 'unit rows redrawn instead of updated');
  assert.equal(kept.table, 10, 'table rows redrawn instead of updated');
  assert.ok(kept.statuses.every((s) => s === 'Chưa hoàn thành, quá hạn'), kept.statuses.join('|'));

  // The tooltip: one per chart, moved to the hovered segment, saying that segment's value.
  const segment = page.locator('#td-units .td-row-button .td-seg.s-lt').nth(2);
  const rowId = await page.locator('#td-units .td-row-button', { has: page.locator('.td-seg.s-lt') }).nth(2).getAttribute('id');
  const unitId = rowId.replace(/^td-units-/, '');
  const late = count((r) => r.unit === unitId && r.status === 'lt');
  await segment.hover();
  const tip = segment.locator(':scope > .td-tip');
  assert.notEqual(await tip.evaluate((t) => getComputedStyle(t).display), 'none');
  assert.ok((await tip.textContent()).startsWith(`${unitById[unitId].name.vi}: hoàn thành quá hạn ${late} (`), await tip.textContent());
  assert.equal(await tip.getAttribute('aria-hidden'), 'true');
  assert.equal(await page.locator('#td-units .td-tip').count(), 1);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the task table out of view is repainted after the frame of a change, marked
// `aria-busy` until then, so what the reader sees is drawn first; in view it is repainted at
// once (src/ui/paint/effects.rs, paint_effect_in_view_first).
test('a task table out of view is repainted after the change, busy until then; in view at once', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  // What happens to the table's body when the overdue chip is clicked (without scrolling to it).
  const mutations = () => page.evaluate(async () => {
    const body = document.querySelector('.td-task-table tbody');
    const log = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) log.push(r.type !== 'attributes' ? 'text' : r.oldValue === null ? 'busy' : 'painted');
    });
    observer.observe(body, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true, characterData: true, childList: true, subtree: true });
    document.querySelector('.td-chip-od').click();
    await new Promise((done) => setTimeout(done, 300));
    observer.disconnect();
    return log.filter((entry, i) => entry !== 'text' || log[i - 1] !== 'text');
  });
  // Resolves once an observer made now has seen the table body in view (or out of it): the
  // widget's observer, made earlier, has then been told too (observers are told in order).
  const observed = (inView) => page.evaluate((inView) => new Promise((done) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.at(-1).isIntersecting === inView) { observer.disconnect(); done(); }
    });
    observer.observe(document.querySelector('.td-task-table tbody'));
  }), inView);
  const overdue = 'Chưa hoàn thành, quá hạn';
  await page.evaluate(() => scrollTo(0, 0));
  await observed(false);
  assert.deepEqual(await mutations(), ['busy', 'text', 'painted']);
  assert.ok((await taskColumn(page, 8)).every((s) => s === overdue));
  await scrollIntoView(page.locator('.td-task-table'));
  await observed(true);
  assert.deepEqual(await mutations(), ['text']);
  assert.ok((await taskColumn(page, 8)).some((s) => s !== overdue));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the unit-kind filter removes and adds unit rows around the ones that stay, which keep
// their elements untouched (src/redraw/bars.rs: by key); a row drawn after that still
// filters its own unit (rows are found from the element, not from a drawn index).
test('the unit-kind filter hides and shows unit rows around the rows that stay', async () => {
  const page = await openWidget(w, `?v=2&s=${ILL}&ua=1`);
  const rowsSel = '#td-units .td-row-button';
  await scrollIntoView(page.locator('#td-units .td-bars'));
  const localities = snap.units.filter((u) => u.kind === 'locality').map((u) => u.id);
  const marked = () => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => [e.id.replace(/^td-units-/, ''), Boolean(e.tdMark)]), rowsSel);
  await page.evaluate((sel) => { for (const el of document.querySelectorAll(sel)) el.tdMark = true; }, rowsSel);
  const before = await marked();
  assert.equal(before.length, snap.units.length);

  await page.selectOption('select[name=k]', 'loc');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [rowsSel, localities.length]);
  const shown = await marked();
  assert.deepEqual(shown.map(([id]) => id), before.map(([id]) => id).filter((id) => localities.includes(id)), 'localities keep their order');
  assert.ok(shown.every(([, kept]) => kept), 'a locality row was redrawn instead of kept');

  await page.selectOption('select[name=k]', '');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [rowsSel, snap.units.length]);
  const again = await marked();
  assert.deepEqual(again.map(([id]) => id), before.map(([id]) => id));
  // Department rows come back as they were set aside (BarsPainter::set_aside), not built anew.
  for (const [id, kept] of again) assert.ok(kept, `${id}: built anew`);

  // A department row put back, pressed (Enter: the whole row): filters its own unit.
  const [deptId] = again.find(([id]) => !localities.includes(id));
  await page.locator(`#td-units-${deptId}`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(count((r) => r.unit === deptId))} trên 1.738 nhiệm vụ`);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&u=${deptId}&ua=1`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a row put back (BarsPainter::set_aside) shows the current figures, not the ones it
// had when it was taken out: here the search changed every unit's counts in between.
test('unit rows put back after a unit-kind change show the current figures', async () => {
  const page = await openWidget(w, `?v=2&s=${ILL}&ua=1`);
  const rowsSel = '#td-units .td-row-button';
  const rowTexts = (p) => p.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => `${e.id} ${e.getAttribute('aria-label')} ${e.textContent}`), rowsSel);
  const all = await rowTexts(page);
  await page.selectOption('select[name=k]', 'loc');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length < n, [rowsSel, all.length]);
  const matched = count((r) => r.kind === 'locality' && fold(r.title).includes('cao toc'));
  await page.fill('input[name=q]', 'cao toc');
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(matched)} trên 1.738 nhiệm vụ`);
  const localityRows = (await rowTexts(page)).length;
  await page.selectOption('select[name=k]', '');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [rowsSel, localityRows]);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&q=cao%20toc&ua=1`);
  const putBack = await rowTexts(page);
  assert.notDeepEqual(putBack, all, 'the search changes the unit figures');

  const fresh = await openWidget(w, await settledQuery(page));
  assert.deepEqual(putBack, await rowTexts(fresh));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
  await fresh.close();
});

// Guards: a unit row that loses or gains a status segment keeps its element
// (src/redraw/bars.rs `Redraw::Resegment`) and ends up drawn exactly as on a fresh page opened
// on the same link: the same segments, in order, with the same positions, actions, tips and
// accessible name.
test('unit rows whose statuses come and go are updated in place, as a fresh page draws them', async () => {
  const statusesOf = (pred) => {
    const by = {};
    for (const r of records.filter(pred)) (by[r.unit] ??= new Set()).add(r.status);
    return by;
  };
  const statusesBefore = statusesOf(() => true);
  // A query after which some unit shows fewer statuses, but still more than one.
  const query = ['ke hoach', 'bao cao', 'dau tu', 'cao toc', 'trien khai'].find((q) => {
    const byUnit = statusesOf((r) => fold(r.title).includes(q));
    return Object.entries(byUnit).some(([u, set]) => set.size > 1 && set.size < statusesBefore[u].size);
  });
  assert.ok(query, 'no query takes a status out of a unit row');
  const statusesAfter = statusesOf((r) => fold(r.title).includes(query));
  const changed = Object.keys(statusesAfter).filter((u) => statusesAfter[u].size > 1 && statusesAfter[u].size < statusesBefore[u].size);

  const page = await openWidget(w, `?v=2&s=${ILL}&ua=1`);
  const rowsSel = '#td-units .td-row-button';
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => { e.__before = true; }), rowsSel);
  // Point at a segment that stays but moves to another index: its tip must follow what it
  // shows. A dispatched pointerover, not the mouse: a real pointer left over a bar that moves
  // gets a new pointerover from Chromium, which would redraw the tip whatever the painter did.
  const classes = await page.evaluate((ids) => Object.fromEntries(ids.map((u) => [u,
    [...document.querySelectorAll(`#td-units-${u} .td-seg`)].map((e) => e.className.match(/\bs-(\w+)/)[1])])), changed);
  const moving = changed.flatMap((u) => {
    const kept = classes[u].filter((st) => statusesAfter[u].has(st));
    return kept.filter((st, i) => classes[u].indexOf(st) !== i).map((st) => [u, st]);
  });
  assert.ok(moving.length > 0, 'no kept segment changes its index');
  const [hoverUnit, hoverStatus] = moving[0];
  const pointAt = (p, selector) => p.locator(selector).dispatchEvent('pointerover', { bubbles: true });
  await pointAt(page, `#td-units-${hoverUnit} .td-seg.s-${hoverStatus}`);
  await page.fill('input[name=q]', query);
  const matched = count((r) => fold(r.title).includes(query));
  await page.waitForFunction((t) => document.querySelector('[data-count]').textContent === t, `${viNumber(matched)} trên 1.738 nhiệm vụ`);
  const kept = await page.evaluate(
    (ids) => ids.map((u) => document.getElementById(`td-units-${u}`)?.__before === true),
    changed,
  );
  assert.ok(kept.every(Boolean), `rows rebuilt: ${changed.filter((_, i) => !kept[i]).join(', ')}`);

  const drawn = (p) => p.evaluate((sel) => [...document.querySelectorAll(sel)].map((row) => ({
    id: row.id,
    name: row.getAttribute('aria-label'),
    segments: [...row.querySelectorAll('.td-seg')].map((s) => [s.className, s.dataset.tip, s.dataset.act, s.style.left, s.style.width].join(' ')),
  })), rowsSel);
  const fresh = await openWidget(w, await settledQuery(page));
  const [shown, expected] = [await drawn(page), await drawn(fresh)];
  // The tip, still in the element it was put in, says what a fresh page's tip there says.
  const tipIn = (p) => p.evaluate(() => {
    const tip = document.querySelector('#td-units .td-tip');
    const host = tip?.parentElement;
    return host && { row: host.closest('.td-row-button')?.id, series: host.className.match(/\bs-\w+/)?.[0], text: tip.textContent };
  });
  const tip = await tipIn(page);
  assert.ok(tip?.series, `the tip left its segment: ${JSON.stringify(tip)}`);
  await pointAt(fresh, `#${tip.row} .td-seg.${tip.series}`);
  assert.deepEqual(tip, await tipIn(fresh));
  for (const u of changed) {
    const row = shown.find((r) => r.id === `td-units-${u}`);
    assert.equal(row.segments.length, statusesAfter[u].size, `${u}: one segment per status it has`);
  }
  assert.deepEqual(shown, expected);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
  await fresh.close();
});

// Guards: the unit chart draws the first ten units and offers the rest (the `ua` key); a unit
// filter's unit is drawn wherever it ranks; the data table lists every unit either way.
test('the unit chart draws ten units, all of them on request, and always the selected ones', async () => {
  const page = await openWidget(w, `?v=2&s=${ILL}`);
  const rowsSel = '#td-units .td-row-button';
  const more = page.locator('#td-units .td-more');
  const button = more.locator('button');
  assert.equal(await page.locator(rowsSel).count(), 10);
  assert.equal(await visibleText(more), `Đang hiện 10 trên ${snap.units.length} đơn vị. Hiện cả ${snap.units.length} đơn vị`);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await button.getAttribute('aria-controls'), await page.locator('#td-units .td-bars').getAttribute('id'));
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [rowsSel, snap.units.length]);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&ua=1`);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await visibleText(button), 'Chỉ hiện 10 đơn vị đầu');
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'the button keeps the focus');
  const lastId = (await page.locator(rowsSel).last().getAttribute('id')).replace(/^td-units-/, '');
  await page.keyboard.press('Enter');
  await page.waitForFunction(([sel]) => document.querySelectorAll(sel).length === 10, [rowsSel]);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}`);

  // The last-ranked unit, selected: drawn (pressed) after the first ten.
  const selected = await openWidget(w, `?v=2&s=${ILL}&u=${lastId}`);
  assert.equal(await selected.locator(rowsSel).count(), 11);
  assert.equal(await selected.locator(rowsSel).last().getAttribute('id'), `td-units-${lastId}`);
  assert.equal(await selected.locator(`#td-units-${lastId}`).getAttribute('aria-pressed'), 'true');
  assert.equal(await visibleText(selected.locator('#td-units .td-more')), `Đang hiện 11 trên ${snap.units.length} đơn vị. Hiện cả ${snap.units.length} đơn vị`);
  // The chart's data table lists every unit.
  // Its rows are painted on the details' `toggle` event, a task after the click.
  await selected.locator('#td-units summary').click();
  await selected.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n,
    ['#td-units .td-data-table tbody tr', snap.units.length]);
  // Its column headers (drawn with the rows, src/ui/paint/rows.rs), each a column header.
  const headers = selected.locator('#td-units .td-data-table thead th[scope=col]');
  assert.deepEqual(await headers.allTextContents(), ['Đơn vị', 'Loại đơn vị', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn',
    'Chưa hoàn thành, quá hạn', 'Chưa hoàn thành, còn trong hạn', 'Tổng', 'Tỷ lệ (quá hạn)']);
  assert.equal(await selected.locator('#td-units .td-data-table tbody tr:first-child > *').count(), 8);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(selected.consoleErrors, []);
  await page.close();
  await selected.close();
});

// Guards: table sorting and paging are part of the view and the link.
test('the task table sorts by column and pages through the selection', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  assert.equal(await visibleText(page.locator('.td-task-table th[aria-sort=ascending]')), 'Hạn ↑');
  await page.click('[data-sort=due]');
  await page.waitForSelector('.td-task-table th[aria-sort=descending]');
  const latestDue = records.map((r) => r.due).sort().at(-1);
  const [y, m, d] = latestDue.split('-');
  assert.equal(await textOf(page, '.td-task-table tbody tr:first-child td:nth-child(6)'), `${d}/${m}/${y}`);
  await page.click('[data-page=next]');
  assert.equal(await textOf(page, '[data-page-status]'), `Trang 2/${Math.ceil(records.length / 10)}`);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&ts=-due&pg=2`);
  const eleventh = await textOf(page, '.td-task-table tbody tr:first-child td:first-child');
  assert.equal(await page.locator('.td-task-table tbody tr').count(), 10);
  // Twenty rows a page: the first row on screen (the 11th) stays in view, on page 1 of 87.
  await page.selectOption('select[name=n]', '20');
  await page.waitForFunction(() => document.querySelectorAll('.td-task-table tbody tr').length === 20);
  assert.equal(await textOf(page, '[data-page-status]'), `Trang 1/${Math.ceil(records.length / 20)}`);
  assert.equal(await textOf(page, '.td-task-table tbody tr:nth-child(11) td:first-child'), eleventh);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&ts=-due&n=20`);
  // A version 1 link to page 2 shows its 20-row page 2 (tasks 21–40), as it always did.
  const v1 = await openWidget(w, `?v=1&s=${ILL}&ts=-due&pg=2`);
  assert.equal(await v1.locator('.td-task-table tbody tr').count(), 20);
  assert.equal(await textOf(v1, '[data-page-status]'), `Trang 2/${Math.ceil(records.length / 20)}`);
  assert.equal(await v1.inputValue('select[name=n]'), '20');
  assert.equal(await settledQuery(v1), `?v=2&s=${ILL}&ts=-due&n=20&pg=2`);
  await v1.close();
  // A new filter goes back to page 1.
  await page.click('.td-chip-lt');
  await page.waitForFunction(() => document.querySelector('[data-page-status]').textContent.startsWith('Trang 1/'));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: "copy link" gives a link that shows the same view on another machine.
test('a copied link opens the same view in a fresh page', async () => {
  const contextOptions = { permissions: ['clipboard-read', 'clipboard-write'] };
  const page = await openWidget(w, `?s=${ILL}`, { contextOptions });
  await page.click('.td-chip-wd');
  await page.selectOption('select[name=k]', 'dept');
  await page.selectOption('select[name=us]', 'name');
  await page.locator('[data-action=copy-link]').focus();
  await page.click('[data-action=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-copy-status]').textContent.includes('Đã sao chép'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(w.url()), link);
  assert.match(link, /st=wd/);
  const before = await countText(page);
  const firstUnit = await textOf(page, '#td-units .td-label');

  const fresh = await openWidget(w, link.slice(w.url().length));
  assert.equal(await countText(fresh), before);
  assert.equal(await textOf(fresh, '#td-units .td-label'), firstUnit);
  assert.equal(await fresh.locator('.td-chip-wd').getAttribute('aria-pressed'), 'true');
  assert.equal(await fresh.locator('select[name=k]').inputValue(), 'dept');
  assert.equal(await fresh.locator('select[name=us]').inputValue(), 'name');
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(fresh.consoleErrors, []);
  await page.close();
  await fresh.close();
});

// Guards: a link with bad parameters still shows the view and says what was ignored.
test('invalid link parameters are ignored and reported', async () => {
  const page = await openWidget(w, `?s=${ILL}&st=od,zz&k=city&foo=1&u=ha-long,nowhere`);
  const expected = count((r) => r.status === 'od' && r.unit === 'ha-long');
  await page.waitForFunction((t) => document.querySelector('[data-count]')?.textContent === t, `${viNumber(expected)} trên 1.738 nhiệm vụ`);
  const notice = await textOf(page, '[data-notice=ignored]');
  for (const part of ['st=zz', 'k=city', 'foo=1', 'u=nowhere']) assert.ok(notice.includes(part), `${notice} lacks ${part}`);
  assert.equal(await settledQuery(page), `?v=2&s=${ILL}&st=od&u=ha-long`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a link cannot make the widget show a file outside the deployment's manifest.
test('a snapshot that is not in the manifest is refused', async () => {
  const page = await openWidget(w, '?s=made-up-figures');
  await page.waitForSelector('#td-status');
  assert.match(await textOf(page, '[data-notice=refused]'), /made-up-figures/);
  assert.equal(await textOf(page, '[data-figure=total]'), '1.738');
  assert.equal(await settledQuery(page), '');
  await page.close();

  const url = await openWidget(w, '?s=https://evil.example/fake.json');
  await url.waitForSelector('#td-status');
  assert.match(await textOf(url, '[data-notice=ignored]'), /s=https:\/\/evil\.example\/fake\.json/);
  assert.equal(await textOf(url, '[data-figure=total]'), '1.738');
  await url.close();
});

// Guards: filter changes replace the URL instead of adding history entries (portal Back button).
test('filter changes do not add browser history entries', async () => {
  const page = await newPage(w.browser, { url: w.url(`?s=${ILL}`) });
  await page.waitForSelector('#td-units');
  const start = await page.evaluate(() => history.length);
  await page.click('.td-chip-od');
  await page.selectOption('select[name=k]', 'loc');
  await page.fill('input[name=q]', 'du lich');
  await settledQuery(page);
  assert.equal(await page.evaluate(() => history.length), start);
  assert.match(await settledQuery(page), /st=od&k=loc&q=du%20lich/);
  await page.close();
});

// Guards: the aggregate-only default snapshot keeps working; what needs records says why.
test('on aggregate-only data, record filters are disabled with a reason', async () => {
  const page = await openWidget(w);
  for (const sel of ['select[name=doc]', 'select[name=due]', 'input[name=q]', 'select[name=k]', 'select[name=u]']) {
    assert.equal(await page.locator(sel).isDisabled(), true, sel);
  }
  assert.match(await textOf(page, '#td-reason-records'), /chỉ có số tổng/);
  await page.click('.td-chip-od');
  await page.waitForFunction(() => document.querySelector('[data-count]').textContent === '41 trên 1.738 nhiệm vụ');
  assert.equal(await visibleText(page.locator('#td-status button[aria-pressed=true] .td-label')), 'Chưa hoàn thành, quá hạn');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: golden links keep producing their views in the browser too.
test('golden links open the views they describe', async () => {
  const golden = readJson('tests/golden-links.json');
  const link = golden.find((g) => g.link.includes(`s=${ILL}`));
  const page = await openWidget(w, link.link);
  await page.waitForSelector('#td-units');
  assert.equal(await settledQuery(page), link.canonical);
  assert.equal(await page.locator('select[name=us]').inputValue(), 'name');
  const rows = count((r) => r.unit === 'hai-ha' && r.status === 'od');
  const pages = Math.max(1, Math.ceil(rows / 20));
  assert.equal(await textOf(page, '[data-page-status]'), `Trang ${Math.min(2, pages)}/${pages}`);
  assert.equal(await page.locator('#td-units button.td-row-button[aria-pressed=true]').count(), 1);
  assert.equal(await page.locator('#td-units button.td-row-button[aria-pressed=true]').getAttribute('id'), 'td-units-hai-ha');
  assert.equal(await page.locator('#td-units .td-bars').getAttribute('data-statuses'), 'od');
  await page.close();
});
