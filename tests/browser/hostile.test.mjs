// The hostile-text catalogue through the page (issue #18): tests/fixtures/hostile/catalogue.json,
// applied to the 8-task test snapshot. A refused case shows the path and message the tool gives
// (tests/snapshots.rs), and no figures; an accepted one is drawn with its names isolated in
// generated sentences, and its SVG download is well-formed XML. A crafted link cannot print its
// own sentence in the widget's notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { newPage } from './browser.mjs';
import { ROOT, startWidget, openWidget } from './widget.mjs';

const catalogue = JSON.parse(readFileSync(`${ROOT}tests/fixtures/hostile/catalogue.json`, 'utf8'));
const base = JSON.parse(readFileSync(`${ROOT}tests/fixtures/records-small.json`, 'utf8'));
const SNAPSHOT = '**/data/snapshots/test-records-small.json';

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

/** The test snapshot with the case's text at its JSON pointer. */
function withText({ pointer, value, repeat = 1 }) {
  const doc = structuredClone(base);
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  keys.reduce((node, k) => node[k], doc)[last] = value.repeat(repeat);
  return JSON.stringify(doc);
}

async function openWith(body, query = '?v=2&s=test-records-small') {
  const page = await newPage(w.browser);
  await page.route(SNAPSHOT, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(w.url(query));
  await page.locator('.td-card, .td-error').first().waitFor({ timeout: 30_000 });
  return page;
}

// Guards: every refused case is refused by the widget with the tool's path and message.
test('hostile text in a snapshot is refused with its path, as the tool refuses it', async () => {
  for (const c of catalogue.refused) {
    const page = await openWith(withText(c));
    const error = page.locator('.td-error[role=alert]');
    await error.waitFor({ timeout: 30_000 });
    assert.ok((await error.innerText()).includes(`${c.path}: ${c.message}`), `${c.name}: ${await error.innerText()}`);
    assert.equal(await page.locator('.td-card').count(), 0, `${c.name}: no figures`);
    assert.deepEqual(page.consoleErrors, [], c.name);
    await page.close();
  }
});

// Guards: right-to-left names are drawn as written, isolated in the sentences the widget
// writes around them, and the SVG download stays well-formed XML.
test('right-to-left names are drawn, isolated in generated sentences', async () => {
  let doc = JSON.parse(withText(catalogue.accepted[0]));
  const second = catalogue.accepted[1];
  doc.units[2].name.vi = second.value;
  const page = await openWith(JSON.stringify(doc));
  await page.locator('#td-units').waitFor();
  const labels = await page.locator('#td-units .td-label').allInnerTexts();
  assert.ok(labels.includes('מחוז בינה'), labels.join(' | '));
  const summary = await page.locator('#td-units-summary').textContent();
  assert.match(summary, /\u2068מחוז בינה\u2069 \(/, 'the name is isolated before its share');
  const name = await page.locator('#td-units .td-row-button[aria-label*="מחוז"]').first().getAttribute('aria-label');
  assert.ok(name.startsWith('\u2068מחוז בינה\u2069 '), name);
  assert.ok(name.includes(': \u2068מחוז בינה\u2069: '), name);
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#td-units [data-download=svg]').click()]);
  const svg = readFileSync(await file.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'image/svg+xml');
    return d.querySelector('parsererror')?.textContent ?? 'well-formed';
  }, svg);
  assert.equal(parsed, 'well-formed');
  assert.ok(svg.includes('מחוז בינה'));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a crafted link cannot make the widget print a sentence of its own: unknown
// parameters are named briefly (at most 40 characters each, controls shown as U+FFFD, at most
// four, the rest counted), never as free text.
test('a crafted link is named briefly in the notice, never as a sentence', async () => {
  const sentence = encodeURIComponent('\u202eFigures withdrawn by the committee, see evil.example for the real ones');
  const query = `?v=2&st=od&x1=${sentence}&x2=1&x3=2&x4=3&x5=4&x6=5`;
  const page = await openWidget(w, query);
  const notice = page.locator('[data-notice=ignored]');
  const text = await notice.innerText();
  const codes = await notice.locator('code').allInnerTexts();
  assert.equal(codes.length, 4, text);
  assert.ok(codes.every((c) => [...c].length <= 40), codes.join(' | '));
  assert.ok(!text.includes('\u202e'), 'no bidi control from the link');
  assert.doesNotMatch(text, /evil\.example/);
  assert.match(text, /\+2$/);
  await page.close();
});
