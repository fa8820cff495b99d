// The data as the build publishes it (snapshot-tool publish, issue #19): files named by their
// hash, fetched with the manifest's Subresource Integrity; a file changed after publishing is
// refused with a message that names it; an embed of counts loads the snapshot's summary and
// never its task records. Served from dist/ as it is, with no test manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage } from './browser.mjs';
import { DIST, startWidget, textOf, viNumber } from './widget.mjs';

const QN = 'quang-ninh-2021-q1';
const ILL = 'illustrative-2021-q1-1738';
const manifest = JSON.parse(readFileSync(`${DIST}data/manifest.json`, 'utf8'));
const entry = (id) => manifest.snapshots.find((e) => e.id === id);

let w;
before(async () => {
  w = await startWidget({ overrides: {} });
});
after(async () => {
  await w?.close();
});

/** Opens `query` on `widget`, noting the data files the page requests. */
async function open(widget, query, waitFor = '.td-card, .td-error') {
  const page = await newPage(widget.browser);
  page.dataRequests = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.includes('/data/')) page.dataRequests.push(path.slice(path.indexOf('/data/') + 1));
  });
  await page.goto(widget.url(query), { waitUntil: 'load' });
  await page.waitForSelector(waitFor, { timeout: 20_000 });
  return page;
}

// Guards: the build publishes data/ (hashed names, integrity, summaries), and the widget reads
// what it published: the integrity it checks is the file's.
test('the published default snapshot is fetched with its integrity and drawn', async () => {
  const qn = entry(QN);
  assert.match(qn.path, new RegExp(`^snapshots/${QN}\\.[0-9a-f]{16}\\.json$`));
  assert.match(qn.integrity, /^sha256-[A-Za-z0-9+/]{43}=$/);
  // A status filter: a view the bake does not draw, so the WASM fetches the file itself.
  const page = await open(w, '?v=2&st=od', '#td-status .td-row-button');
  assert.deepEqual(page.dataRequests, ['data/manifest.json', `data/${qn.path}`]);
  assert.match(await textOf(page, '#td-status'), /1\.738/);
  assert.equal(await page.locator('.td-error').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a file changed on the host after publishing (same name, same size, one figure
// altered) is refused by the browser, and the message names the file and says what happened;
// it is never drawn.
test('a published file changed since is refused, and named', async () => {
  const qn = entry(QN);
  const original = readFileSync(`${DIST}data/${qn.path}`, 'utf8');
  const changed = original.replace('"total": 1738', '"total": 1739').replace('"on_time": 506', '"on_time": 507');
  assert.notEqual(changed, original);
  assert.equal(changed.length, original.length);
  const file = join(mkdtempSync(join(tmpdir(), 'td-tampered-')), 'changed.json');
  writeFileSync(file, changed);
  const tampered = await startWidget({ overrides: { [`data/${qn.path}`]: file } });
  try {
    const page = await open(tampered, '?v=2&st=od', '.td-error');
    const message = await textOf(page, '.td-error');
    assert.match(message, /Không tải được|Chưa tải được/);
    assert.ok(message.includes(`data/${qn.path}`), message);
    assert.ok(message.includes('found a file changed since: the browser refused it'), message);
    assert.equal(await page.locator('#td-status .td-row-button').count(), 0, 'no figures drawn');
    await page.close();
  } finally {
    await tampered.close();
  }
});

// Guards: an embed of counts (headline, status, units) of a snapshot with task records
// downloads its summary, a few KB, not the records; its figures are the records' own.
test('an embed of counts loads the summary of a snapshot with records, never the records', async () => {
  const ill = entry(ILL);
  assert.ok(ill.summary, 'a summary is published');
  assert.ok(ill.summary.bytes < ill.bytes / 20, `${ill.summary.bytes} of ${ill.bytes} bytes`);
  const records = JSON.parse(readFileSync(`${DIST}data/${ill.path}`, 'utf8')).tasks.records;
  const overdue = records.filter((r) => !r.completed && r.due < '2021-03-31').length;
  const page = await open(w, `embed.html?v=2&s=${ILL}&st=od&embed=1&show=headline,status,units`, '#td-status .td-row');
  assert.deepEqual(page.dataRequests, ['data/manifest.json', `data/${ill.summary.path}`]);
  assert.match(new URL(page.url()).pathname, /embed\.html$/, 'the reader build drew it');
  assert.match(await textOf(page, '#td-status'), new RegExp(viNumber(records.length)));
  assert.match(await textOf(page, '#td-status'), new RegExp(viNumber(overdue)));
  assert.ok(await page.locator('#td-units').count(), 'the unit chart is drawn');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: an embed filtered by what only records hold (an assigning document) gets them: the
// reader build hands it to the full build, which loads the snapshot itself.
test('an embed filtered by document loads the records, not the summary', async () => {
  const ill = entry(ILL);
  const doc = JSON.parse(readFileSync(`${DIST}data/${ill.path}`, 'utf8')).tasks.assigning_documents[0].id;
  const page = await open(w, `embed.html?v=2&s=${ILL}&doc=${encodeURIComponent(doc)}&embed=1&show=status`, '#td-status .td-row');
  assert.ok(page.dataRequests.includes(`data/${ill.path}`), JSON.stringify(page.dataRequests));
  assert.ok(!page.dataRequests.includes(`data/${ill.summary.path}`), JSON.stringify(page.dataRequests));
  await page.close();
});
