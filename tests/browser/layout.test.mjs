// Layout from 320 to 1440 px and with the text enlarged: no sideways scrolling, readable chart
// rows, tooltips on screen; themes (link parameter and the reader's preference) and the
// portal's accent colour. Served under the production CSP (styles are set through the CSSOM).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWidget, openWidget } from './widget.mjs';

const ILL = 'illustrative-2021-q1-1738';
const WIDTHS = [320, 375, 768, 1024, 1440];

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

/**
 * What is wrong with the layout right now: sideways scrolling, chart labels overlapping their
 * values, and words of labels, values, axis ticks and headings broken across two lines.
 */
function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) problems.push(`horizontal scroll: scrollWidth ${de.scrollWidth} > ${de.clientWidth}`);
    const intersect = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const row of document.querySelectorAll('.td-row')) {
      const label = row.querySelector(':scope > .td-label');
      const value = row.querySelector(':scope > .td-value');
      if (!label || !value) continue;
      const a = label.getBoundingClientRect();
      const b = value.getBoundingClientRect();
      if (a.width && b.width && intersect(a, b)) problems.push(`"${label.textContent}" overlaps its value "${value.textContent}"`);
    }
    const selector = '.td-label, .td-value, .td-tick, .td-root h1, .td-root h2, .td-stat dt, .td-stat dd, .td-tab';
    for (const el of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`word "${m[0]}" of "${el.textContent.trim()}" broken over ${lines.size} lines`);
        }
      }
    }
    return problems;
  });
}

async function assertLayoutAtWidths(page, what, widths = WIDTHS) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(50);
    const problems = await layoutProblems(page);
    assert.deepEqual(problems, [], `${what} at ${width} px`);
  }
}

// Guards: from a small phone to a wide screen, nothing scrolls sideways and every chart row is readable.
test('tasks (illustrative), documents and growth tabs at 320–1440 px', async () => {
  const page = await openWidget(w, `?v=2&s=${ILL}&ua=1`, { viewport: { width: 320, height: 800 } });
  assert.ok((await page.locator('#td-units .td-row').count()) > 30, 'the unit chart is drawn');
  await assertLayoutAtWidths(page, 'the illustrative tasks tab');
  await page.close();

  for (const tab of ['docs', 'growth']) {
    const p = await openWidget(w, `?t=${tab}`, { viewport: { width: 320, height: 800 } });
    assert.ok((await p.locator('.td-card .td-row').count()) >= 4, `the ${tab} tab has chart rows`);
    await assertLayoutAtWidths(p, `the ${tab} tab`);
    assert.deepEqual(p.consoleErrors, []);
    await p.close();
  }
  assert.deepEqual(page.consoleErrors, []);
});

/** Enlarges the text to 200% (browser text zoom), through the CSSOM. */
async function enlargeText(page) {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
}

// Guards: a reader with 200% text on a phone still reads everything without scrolling sideways (WCAG 1.4.4, 1.4.10).
test('375 px with the text at 200%: no sideways scrolling, no broken words', async () => {
  const viewport = { width: 375, height: 800 };
  const page = await openWidget(w, `?s=${ILL}`, { viewport });
  await enlargeText(page);
  await page.locator('button[data-action=embed]').click();
  await page.locator('textarea.td-snippet').waitFor();
  await assertLayoutAtWidths(page, 'the illustrative tasks tab (embed panel open), text 200%', [375]);
  await page.close();

  const growth = await openWidget(w, '?t=growth', { viewport, waitFor: '#td-growth' });
  await enlargeText(growth);
  await assertLayoutAtWidths(growth, 'the growth tab, text 200%', [375]);
  await growth.close();

  const embed = await openWidget(w, `?s=${ILL}&embed=1&show=headline,status,units,table`, { viewport, waitFor: '.td-tasks' });
  await enlargeText(embed);
  await assertLayoutAtWidths(embed, 'the embed with the task table, text 200%', [375]);
  for (const p of [page, growth, embed]) assert.deepEqual(p.consoleErrors, []);
  await embed.close();
});

/** Focuses each element of `locator` and returns the tips that leave the viewport. */
async function tipsOffScreen(page, locator) {
  const off = [];
  const n = await locator.count();
  assert.ok(n > 0);
  for (let i = 0; i < n; i++) {
    const el = locator.nth(i);
    await el.focus();
    const r = await el.evaluate((e) => {
      const tip = (e.querySelector('.td-tip-row') ?? e.querySelector('.td-tip')).getBoundingClientRect();
      const de = document.documentElement;
      return { label: e.getAttribute('aria-label'), left: tip.left, right: tip.right, width: de.clientWidth, scroll: de.scrollWidth };
    });
    if (r.left < 0 || r.right > r.width + 0.5 || r.scroll > r.width) off.push(r);
  }
  return off;
}

// Guards: on a narrow screen (or in a narrow iframe) a tooltip shown on focus is on screen, not cut off.
test('at 320 px, tooltips of growth targets and unit rows stay on screen', async () => {
  const growth = await openWidget(w, '?t=growth', { viewport: { width: 320, height: 800 }, waitFor: '#td-growth' });
  assert.deepEqual(await tipsOffScreen(growth, growth.locator('#td-growth :is(.td-marker, span.td-seg[tabindex="0"])')), []);
  assert.deepEqual(growth.consoleErrors, []);
  await growth.close();
  const units = await openWidget(w, `?s=${ILL}`, { viewport: { width: 320, height: 800 } });
  const segments = units.locator('#td-units .td-bars > button.td-row-button:nth-child(-n+4)');
  assert.deepEqual(await tipsOffScreen(units, segments), []);
  assert.deepEqual(units.consoleErrors, []);
  await units.close();
});

/** WCAG relative luminance of a computed `rgb(...)` colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function rootColours(page) {
  const c = await page.locator('.td-root').evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, fg: s.color, theme: el.getAttribute('data-theme') };
  });
  const [lb, lf] = [luminance(c.bg), luminance(c.fg)];
  return { ...c, bgLuminance: lb, contrast: (Math.max(lb, lf) + 0.05) / (Math.min(lb, lf) + 0.05) };
}

// Guards: the theme a portal asks for wins over the reader's preference, which applies otherwise.
test('themes: theme=dark, theme=light in a dark browser, and the browser preference', async () => {
  const cases = [
    { query: '?theme=dark', colorScheme: 'light', dark: true },
    { query: '?theme=light', colorScheme: 'dark', dark: false },
    { query: '', colorScheme: 'dark', dark: true },
    { query: '', colorScheme: 'light', dark: false },
  ];
  for (const { query, colorScheme, dark } of cases) {
    const page = await openWidget(w, query, { contextOptions: { colorScheme } });
    const c = await rootColours(page);
    const what = `${query || 'no theme'} with prefers-color-scheme: ${colorScheme}: ${JSON.stringify(c)}`;
    if (dark) assert.ok(c.bgLuminance < 0.05, `expected a dark background, ${what}`);
    else assert.ok(c.bgLuminance > 0.9, `expected a light background, ${what}`);
    assert.ok(c.contrast >= 7, `text contrast, ${what}`);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }
});

// Guards: a portal's accent colour is applied (under the CSP), and a bad one is ignored and reported.
test('accent=c0392b colours the widget; accent=red is ignored with a notice', async () => {
  const page = await openWidget(w, '?accent=c0392b');
  const root = page.locator('.td-root');
  assert.equal(await root.evaluate((el) => el.style.getPropertyValue('--td-accent')), '#c0392b');
  assert.equal(await root.evaluate((el) => getComputedStyle(el).getPropertyValue('--td-accent').trim()), '#c0392b');
  assert.equal(await page.locator('button[data-action=embed]').evaluate((el) => getComputedStyle(el).borderTopColor), 'rgb(192, 57, 43)');
  assert.equal(await page.locator('[data-notice=ignored]').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();

  const bad = await openWidget(w, '?accent=red');
  assert.equal(await bad.locator('.td-root').evaluate((el) => getComputedStyle(el).getPropertyValue('--td-accent').trim()), '');
  // The default accent stays.
  assert.equal(await bad.locator('button[data-action=embed]').evaluate((el) => getComputedStyle(el).borderTopColor), 'rgb(10, 95, 180)');
  const notice = bad.locator('[data-notice=ignored]');
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /accent=red/);
  assert.deepEqual(bad.consoleErrors, []);
  await bad.close();
});
