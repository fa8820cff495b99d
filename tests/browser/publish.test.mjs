// The data as the build publishes it (snapshot-tool publish, issue #19): files named by their
// hash, fetched with the manifest's Subresource Integrity; a file changed after publishing is
// refused with a message that names it; an embed of counts loads the snapshot's summary and
// never its task records. Served from dist/ as it is, with no test manifest. And links pinned
// to a version of the data (`d=`, issue #20): shown as they were while that version is
// published, said to have changed when it is not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage } from './browser.mjs';
import { DIST, ROOT, openWidget, settledQuery, startWidget, textOf, viNumber } from './widget.mjs';

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

/**
 * A deployment published twice (snapshot-tool publish, the debug build `cargo test` makes):
 * the data of dist/, then the default snapshot revised (a new title), into the same folder,
 * as a newsroom uploads a new quarter over the old files. Served with dist/'s program.
 */
async function republished() {
  const dir = mkdtempSync(join(tmpdir(), 'td-republished-'));
  const tool = `${ROOT}target/debug/snapshot-tool`;
  execFileSync(tool, ['publish', `${ROOT}data`, `${dir}/out`]);
  cpSync(`${ROOT}data`, `${dir}/data`, { recursive: true });
  const file = `${dir}/data/snapshots/${QN}.json`;
  const revised = JSON.parse(readFileSync(file, 'utf8'));
  revised.title = { vi: 'Bản sửa: quý I/2021', en: 'Revised: Q1 2021' };
  writeFileSync(file, JSON.stringify(revised, null, 2));
  execFileSync(tool, ['publish', `${dir}/data`, `${dir}/out`]);
  const published = JSON.parse(readFileSync(`${dir}/out/manifest.json`, 'utf8'));
  const overrides = { 'data/manifest.json': `${dir}/out/manifest.json` };
  execFileSync('ls', [`${dir}/out/snapshots`], { encoding: 'utf8' }).trim().split('\n')
    .forEach((f) => { overrides[`data/snapshots/${f}`] = `${dir}/out/snapshots/${f}`; });
  const hash = (path) => path.match(/\.([0-9a-f]{16})\.json$/)[1];
  return { widget: await startWidget({ overrides }), current: hash(published.snapshots[0].path), older: hash(entry(QN).path) };
}

// Guards: a link pinned to a version still published shows that version's figures, says newer
// ones exist and links to them; the address keeps the pin (a reload shows the same). A pin to a
// version no longer published shows today's figures and says so, never silently.
test('a pinned link shows the version it was made with, or says the data changed', async () => {
  const { widget, current, older } = await republished();
  try {
    assert.notEqual(current, older);
    const page = await open(widget, `?v=2&s=${QN}&d=${older}&st=od`, '#td-status .td-row-button');
    assert.ok(page.dataRequests.includes(`data/snapshots/${QN}.${older}.json`), JSON.stringify(page.dataRequests));
    assert.doesNotMatch(await textOf(page, 'h1'), /Bản sửa/);
    const notice = page.locator('[data-notice=pin]');
    assert.match(await notice.innerText(), /số liệu như lúc liên kết được tạo/);
    assert.match(await settledQuery(page), new RegExp(`d=${older}`), 'the pin stays in the address');
    // "See the latest figures": the same view, today's version.
    await notice.getByRole('link', { name: 'Xem số liệu mới nhất' }).click();
    await page.waitForFunction(() => /Bản sửa/.test(document.querySelector('h1')?.textContent ?? ''));
    assert.doesNotMatch(page.url(), /[?&]d=/);
    assert.match(page.url(), /st=od/);
    assert.equal(await page.locator('[data-notice=pin]').count(), 0);
    await page.close();

    // A version no longer published (a hash no file has).
    const gone = await open(widget, `?v=2&s=${QN}&d=0000000000000000&st=od`, '[data-notice=pin]');
    assert.match(await textOf(gone, '[data-notice=pin]'), /Số liệu đã thay đổi kể từ khi liên kết được tạo/);
    await gone.waitForFunction(() => /Bản sửa/.test(document.querySelector('h1')?.textContent ?? ''));
    assert.doesNotMatch(await settledQuery(gone), /[?&]d=/, 'the address no longer claims the old version');
    await gone.close();

    // The current version, pinned: no notice; a copied link or snippet pins what is shown.
    const now = await open(widget, `?v=2&s=${QN}&d=${current}&st=od`, '#td-status .td-row-button');
    assert.equal(await now.locator('[data-notice=pin]').count(), 0);
    await now.locator('button[data-action=embed]').click();
    const snippet = await now.locator('textarea.td-snippet').inputValue();
    assert.ok(snippet.includes(`&amp;s=${QN}&amp;d=${current}&amp;`), snippet);
    await now.close();
  } finally {
    await widget.close();
  }
});

// Guards: a snippet pinned to the data its page was baked with is still that page (figures in
// the first response, no WASM); pinned to another version, the WASM loads and draws it.
test('a pinned snippet of the baked version stays baked; another version goes live', async () => {
  const hash = entry(QN).path.match(/\.([0-9a-f]{16})\.json$/)[1];
  const pinned = (d) => `embed.html?v=2&s=${QN}&d=${d}&embed=1&show=headline,status&fid=td-pin`;
  const page = await newPage(w.browser);
  const wasm = [];
  page.on('request', (req) => req.url().endsWith('.wasm') && wasm.push(req.url()));
  await page.goto(w.url(pinned(hash)), { waitUntil: 'load' });
  await page.waitForTimeout(300);
  assert.deepEqual(wasm, [], 'no WASM for the baked version');
  assert.match(await textOf(page, '.td-baked'), /1\.738/);
  await page.goto(w.url(pinned('0000000000000000')), { waitUntil: 'load' });
  await page.waitForSelector('[data-notice=pin]', { timeout: 20_000 });
  assert.equal(wasm.length, 1, 'the WASM draws a version the page was not baked with');
  await page.close();
});

// Guards: a long growth series is read one kind of period at a time: the reader picks whole
// years (or quarters, or 6 and 9 months), the chart keeps only those, and the link keeps the
// choice.
test('the growth series can be read by whole years, and the link keeps it', async () => {
  const GRDP = 'quang-ninh-grdp-2019-2025';
  const series = JSON.parse(readFileSync(`${DIST}data/${entry(GRDP).path}`, 'utf8')).growth.points.map((p) => p.period);
  const years = series.filter((p) => /^\d{4}$/.test(p));
  const page = await openWidget(w, `?v=2&s=${GRDP}`, { waitFor: '#td-growth .td-row:not(.td-axis)' });
  assert.equal(await page.locator('#td-growth .td-row:not(.td-axis)').count(), series.length);
  const group = page.getByRole('group', { name: 'Kỳ số liệu' });
  await group.waitFor();
  assert.deepEqual(await group.getByRole('button').allInnerTexts(), ['Tất cả', 'Cả năm', 'Từng quý', '6 tháng, 9 tháng']);
  await group.getByRole('button', { name: 'Cả năm' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#td-growth .td-row:not(.td-axis)').length === n, years.length);
  assert.equal(await group.getByRole('button', { name: 'Cả năm' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await page.locator('#td-growth .td-row:not(.td-axis) .td-label').allInnerTexts(), years.map((y) => `Năm ${y}`));
  assert.match(await settledQuery(page), /[?&]gs=year/);
  await page.reload();
  await page.waitForFunction(() => !document.documentElement.classList.contains('td-swap') && document.querySelector('#td-growth .td-row'));
  assert.equal(await page.locator('#td-growth .td-row:not(.td-axis)').count(), years.length, 'a reload shows the years alone');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
