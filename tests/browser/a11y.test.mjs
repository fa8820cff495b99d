// Accessibility: axe-core with every rule it runs by default (WCAG 2.x A and AA and its best
// practices: landmarks, regions, allowed roles) on the main views, each tab and the error
// states, keyboard access to the
// charts (tab order, values on focus, visible focus), and touch targets of at least 44×44 px.
// Served without the CSP header, and with the pages' CSP meta element bypassed, so that
// axe-core can be injected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWidget, openWidget } from './widget.mjs';
import { assertNoAxeViolations } from './axe.mjs';

const ILL = 'illustrative-2021-q1-1738';

let w;
before(async () => {
  w = await startWidget({ csp: false });
});
after(async () => {
  await w?.close();
});

// Guards: the default view (official Q1/2021 figures) has no detectable WCAG A/AA failures.
test('axe: default view', async () => {
  const page = await openWidget(w);
  await assertNoAxeViolations(page, 'the default view');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a filtered view of many units, with a chart's data table open, has no WCAG A/AA failures.
test('axe: filtered illustrative view with a data table open', async () => {
  const page = await openWidget(w, `?s=${ILL}&st=od&k=loc`);
  await page.locator('#td-units details.td-table-toggle > summary').click();
  await page.locator('#td-units .td-data-table tbody tr').first().waitFor(); // painted on `toggle`
  await assertNoAxeViolations(page, `?s=${ILL}&st=od&k=loc with the units table open`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the documents and growth tabs (static data points and target markers) pass axe.
test('axe: documents and growth tabs', async () => {
  for (const [query, part] of [['?t=docs', '#td-schemes'], ['?t=growth', '#td-growth']]) {
    const page = await openWidget(w, query, { waitFor: part });
    await assertNoAxeViolations(page, `the tab ${query}`);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }
});

// Guards: the error states pass axe: a snapshot that did not arrive (with its retry), a broken
// snapshot (with its located issues), and a program that could not be loaded (start.js).
test('axe: error states', async () => {
  const { newPage } = await import('./browser.mjs');
  const cases = [
    ['?v=2&st=od', '**/data/snapshots/quang-ninh-2021-q1.json', { status: 503, body: 'busy' }, '.td-error'],
    ['?v=2&s=broken-bad-date', null, null, '.td-error'],
    ['?v=2&st=od', '**/*.wasm', { status: 404, body: 'gone' }, '.td-failed'],
  ];
  for (const [query, route, reply, shown] of cases) {
    const page = await newPage(w.browser, { bypassCSP: true });
    if (route) await page.route(route, (r) => r.fulfill(reply));
    await page.goto(w.url(query));
    await page.locator(`${shown}[role=alert]`).waitFor({ timeout: 20_000 });
    await assertNoAxeViolations(page, `the error state of ${query}${route ? ` with ${route} answering ${reply.status}` : ''}`);
    await page.close();
  }
});

// Guards: the compact embed view, with every task part, has no WCAG A/AA failures.
test('axe: embed mode', async () => {
  const page = await openWidget(w, `?s=${ILL}&embed=1&show=headline,status,units,table`, { waitFor: '.td-tasks' });
  await assertNoAxeViolations(page, 'the embed mode');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the reader build (embed.html, what portal iframes load) has no WCAG A/AA failures.
test('axe: reader build, every part it draws, dark theme', async () => {
  const page = await openWidget(w, 'embed.html?embed=1&theme=dark&show=headline,status,documents,schemes,growth', { waitFor: '#td-growth' });
  await page.locator('#td-status details.td-table-toggle > summary').click();
  await page.locator('#td-status .td-data-table tbody tr').first().waitFor();
  await assertNoAxeViolations(page, 'the reader build');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the baked pages (src/bake/) pass axe like the live ones: an embed of every part,
// shown as baked (no WASM), a data table open, in both languages; and the full view's page
// while its baked view shows (the WASM held back).
test('axe: baked pages', async () => {
  for (const query of [
    'embed.html?v=2&embed=1&show=headline,status,documents,schemes,growth',
    'embed.en.html?v=2&l=en&embed=1&show=headline,status,documents,schemes,growth',
  ]) {
    const page = await openWidget(w, query, { waitFor: '.td-baked #td-growth' });
    await page.locator('#td-status details.td-table-toggle > summary').click();
    await assertNoAxeViolations(page, `the baked page ${query}`);
    assert.equal(await page.evaluate(() => typeof window.wasmBindings), 'undefined', 'no WASM');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }
  const { newPage } = await import('./browser.mjs');
  const page = await newPage(w.browser, { bypassCSP: true });
  await page.route('**/*.wasm', () => {}); // never answered: the baked view stays
  await page.goto(w.url(), { waitUntil: 'domcontentloaded' });
  await page.locator('html.td-swap .td-baked #td-status').waitFor();
  await assertNoAxeViolations(page, 'the full view page, baked view shown');
  await page.close();
});

// Guards: the dark theme keeps its contrast, including the open embed panel.
test('axe: dark theme, embed panel open', async () => {
  const page = await openWidget(w, '?theme=dark');
  await page.locator('button[data-action=embed]').click();
  await page.locator('textarea.td-snippet').waitFor();
  await assertNoAxeViolations(page, 'the dark theme with the embed panel open');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

/** Presses Tab until `done(activeElement info)` or `max` presses; returns what was focused. */
async function tabUntil(page, done, max = 250) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        id: el.id,
        tag: el.tagName.toLowerCase(),
        cls: el.className,
        chart: el.closest('section.td-card')?.id ?? null,
        role: el.getAttribute('role'),
      };
    });
    seen.push(info);
    if (done(info, seen)) return seen;
  }
  return seen;
}

// Guards: keyboard users reach and press the chart bars, and see where the focus is.
test('keyboard: Tab reaches a status row and a unit row; Space presses it, keeping focus', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  const isRow = (i) => i.tag === 'button' && i.chart === 'td-status' && i.cls.includes('td-row-button');
  const isSeg = (i) => i.tag === 'button' && i.chart === 'td-units' && i.cls.includes('td-row-button');
  const seen = await tabUntil(page, (_, all) => all.some(isRow) && all.some(isSeg));
  assert.ok(seen.some(isRow), `no status row button in the tab order: ${seen.map((i) => i.id || i.tag).join(' ')}`);
  assert.ok(seen.some(isSeg), `no unit row in the tab order: ${seen.map((i) => i.id || i.tag).join(' ')}`);
  // Status rows come before the unit chart, as on screen.
  assert.ok(seen.findIndex(isRow) < seen.findIndex(isSeg));

  // Back to the first status row (after keyboard use): a visible focus ring, and Space presses it.
  const row = seen.find(isRow);
  const target = page.locator(`#${row.id}`);
  await target.focus();
  assert.equal(await page.evaluate(() => document.activeElement.id), row.id);
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: el.matches(':focus-visible') };
  });
  assert.ok(ring.visible && ring.style !== 'none' && ring.width >= 2, `focus ring: ${JSON.stringify(ring)}`);
  assert.equal(await target.getAttribute('aria-pressed'), 'false');
  await page.keyboard.press('Space');
  await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-pressed') === 'true', row.id);
  // The chart redrew; the focus came back to the same row.
  await page.waitForFunction((id) => document.activeElement?.id === id, row.id);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: values hidden in tooltips are shown on keyboard focus and are in the accessible name.
test('keyboard: focusing a data point or a target marker shows its value', async () => {
  const page = await openWidget(w, '?t=growth', { waitFor: '#td-growth' });
  const isPoint = (i) => i.tag === 'span' && i.role === 'img' && i.cls.includes('td-seg');
  const isMarker = (i) => i.tag === 'span' && i.cls.includes('td-marker');
  const seen = await tabUntil(page, (_, all) => all.some(isPoint) && all.some(isMarker));
  assert.ok(seen.some(isPoint), 'no static data point in the tab order');
  assert.ok(seen.some(isMarker), 'no target marker in the tab order');

  const focusables = page.locator('#td-growth :is(span.td-seg[tabindex="0"][role=img], .td-marker[tabindex="0"])');
  const n = await focusables.count();
  assert.ok(n >= 6, `only ${n} focusable points`);
  for (let i = 0; i < n; i++) {
    const el = focusables.nth(i);
    await el.focus();
    const info = await el.evaluate((e) => {
      const tip = e.querySelector(':scope > .td-tip');
      const row = e.closest('.td-row');
      return {
        label: e.getAttribute('aria-label'),
        tip: tip?.textContent ?? null,
        display: tip ? getComputedStyle(tip).display : null,
        tipHidden: tip?.getAttribute('aria-hidden'),
        value: row.querySelector('.td-value').textContent,
        rowLabel: row.querySelector('.td-label').textContent,
      };
    });
    assert.notEqual(info.display, 'none', `tip not shown on focus: ${JSON.stringify(info)}`);
    assert.equal(info.tip, info.label, 'the tip says what the accessible name says');
    assert.equal(info.tipHidden, 'true', 'the tip is not read twice');
    // The name carries the row's period and a figure shown in the row's value.
    assert.ok(info.label.startsWith(info.rowLabel), JSON.stringify(info));
    const figures = info.label.match(/\d+(?:,\d+)?%/g) ?? [];
    assert.ok(figures.length > 0 && figures.every((f) => info.value.includes(f)), JSON.stringify(info));
  }
  // Blurred, the tip hides again.
  await page.locator('#td-growth h2').click();
  const shown = await page.locator('#td-growth .td-tip').evaluateAll((tips) => tips.filter((t) => getComputedStyle(t).display !== 'none').length);
  assert.equal(shown, 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

/** Interactive elements smaller than 44×44 CSS px (a checkbox counts with its label). */
function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('.td-root :is(button, select, input, textarea, summary, a[href])')) {
      if (!el.checkVisibility()) continue;
      // Links inside running text are exempt (WCAG 2.5.8 "inline").
      if (el.matches('a') && getComputedStyle(el).display === 'inline' && el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
      const box = (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) || el;
      const r = box.getBoundingClientRect();
      if (r.width < 43.99 || r.height < 43.99) {
        const name = el.getAttribute('aria-label') || el.textContent.trim() || el.getAttribute('name') || '';
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${name.slice(0, 40)}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      }
    }
    return out;
  });
}

// Guards: every control of the default view, embed panel included, is an easy touch target.
test('touch targets are at least 44×44 px: default view', async () => {
  const page = await openWidget(w, '', { viewport: { width: 375, height: 800 } });
  await page.locator('button[data-action=embed]').click();
  await page.locator('textarea.td-snippet').waitFor();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const small = await smallTargets(page);
    assert.deepEqual(small, [], `at ${width} px:\n${small.join('\n')}`);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: every control of a view with unit bars and the task table is an easy touch target.
test('touch targets are at least 44×44 px: illustrative view', async () => {
  const page = await openWidget(w, `?s=${ILL}`, { viewport: { width: 375, height: 800 } });
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const small = await smallTargets(page);
    assert.deepEqual(small, [], `at ${width} px, ${small.length} targets:\n${small.join('\n')}`);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the deployment's real series as published (no test manifest): the growth series with
// revised and disputed figures, a report whose share differs from the computed one, and a
// pinned link whose version is gone, at phone and desktop widths, have no WCAG A/AA failures.
test('axe: the published real series, a reported share and a pinned link', async () => {
  const published = await startWidget({ csp: false, overrides: {} });
  try {
    for (const [query, what] of [
      ['?v=2&s=quang-ninh-grdp-2019-2025', 'the growth series 2019–2025'],
      ['?v=2&s=chinh-phu-2017&l=en', 'the Government 2017 with its reported share'],
      ['?v=2&s=quang-ninh-2021-q1&d=0000000000000000&st=od', 'a pinned link to a version no longer published'],
    ]) {
      for (const width of [360, 1280]) {
        const page = await openWidget(published, query, { viewport: { width, height: 900 } });
        await assertNoAxeViolations(page, `${what} at ${width} px`);
        // The gone version's 404 is the browser's own log of the request the widget makes.
        const errors = page.consoleErrors.filter((e) => !/status of 404 .*\.0000000000000000\.json/.test(e));
        assert.deepEqual(errors, [], `${what} at ${width} px`);
        await page.close();
      }
    }
  } finally {
    await published.close();
  }
});
