// snapshot-tool publish on a large snapshot, and what an embed of it downloads (issue #19's
// targets: publish of a 100k-record snapshot ≤ 2 s; the bytes an embed downloads for it
// within 10 KB of those for the 1,738-record one).
//
// 1. Writes a data folder with the deployment's two snapshots and an ILLUSTRATIVE one of
//    `tasks` records, then times the release tool's `publish` against `validate` of the same
//    manifest (the checks publish starts with), interleaved, `runs` times each.
// 2. Serves dist/ (after scripts/build.sh) with that published data, gzip on, and loads an
//    embed (headline, status and unit charts; a status filter, so the WASM draws it rather
//    than a baked page) of each snapshot with records: bytes transferred, published (the
//    summary) and unpublished (the editors' manifest: the records, in the full build).
//   node bench/publish.mjs [tasks=100000] [runs=3]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/browser/server.mjs';
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const tasks = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 3);
const tool = `${ROOT}target/release/snapshot-tool`;
execFileSync('cargo', ['build', '--release', '--bin', 'snapshot-tool'], { cwd: ROOT, stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'td-publish-bench-'));
const data = join(dir, 'data');
mkdirSync(join(data, 'snapshots'), { recursive: true });
const manifest = JSON.parse(readFileSync(`${ROOT}data/manifest.json`, 'utf8'));
for (const e of manifest.snapshots) copyFileSync(`${ROOT}data/${e.path}`, join(data, e.path));
const BIG = `illustrative-${tasks}`;
execFileSync(tool, ['generate', '--tasks', String(tasks), '--seed', '7', '--out', join(data, `snapshots/${BIG}.json`)]);
// The generator's id, renamed to the one of this entry.
const big = JSON.parse(readFileSync(join(data, `snapshots/${BIG}.json`), 'utf8'));
big.id = BIG;
writeFileSync(join(data, `snapshots/${BIG}.json`), JSON.stringify(big) + '\n');
manifest.snapshots.push({
  id: BIG,
  path: `snapshots/${BIG}.json`,
  title: { vi: `${tasks} nhiệm vụ (minh họa)`, en: `${tasks} tasks (illustrative)` },
  as_of: big.as_of,
  data_status: 'illustrative',
});
writeFileSync(join(data, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
const bigBytes = readFileSync(join(data, `snapshots/${BIG}.json`)).length;

const time = (args) => {
  const t0 = process.hrtime.bigint();
  execFileSync(tool, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const publishMs = [];
const validateMs = [];
for (let run = 0; run < runs; run++) {
  const out = join(dir, `out-${run}`);
  publishMs.push(time(['publish', data, out]));
  validateMs.push(time(['validate', join(data, 'manifest.json')]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const published = JSON.parse(readFileSync(join(dir, 'out-0/manifest.json'), 'utf8'));

console.log(`data: ${manifest.snapshots.length} snapshots, the largest ${tasks} records (${(bigBytes / 1e6).toFixed(1)} MB)`);
console.log(`publish  p50 ${median(publishMs).toFixed(0)} ms  (${publishMs.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`validate p50 ${median(validateMs).toFixed(0)} ms  (${validateMs.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`publish / validate: ×${(median(publishMs) / median(validateMs)).toFixed(2)}`);
for (const e of published.snapshots) {
  console.log(`  ${e.path}  ${e.bytes} B${e.summary ? `; summary ${e.summary.path} ${e.summary.bytes} B` : ''}`);
}

// The embed's downloads, from a server of dist/ with this data in place of the build's.
const overrides = (from, m) => Object.fromEntries([
  ['data/manifest.json', join(from, 'manifest.json')],
  ...m.snapshots.flatMap((e) => [e.path, e.summary?.path].filter(Boolean))
    .map((p) => [`data/${p}`, join(from, p)]),
]);
const browser = await launchBrowser();
const embedBytes = async (over, id) => {
  const server = await startServer({ root: `${ROOT}dist`, gzip: true, overrides: over });
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}embed.html?v=2&s=${id}&st=od&embed=1&show=headline,status,units`, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('.td-root:not(.td-baked) #td-status .td-row'), null, { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ name: e.name, bytes: e.transferSize })));
  if (page.consoleErrors.length) throw new Error(`${id}: ${page.consoleErrors.join('\n')}`);
  await page.close();
  await server.close();
  return entries.reduce((sum, e) => sum + e.bytes, 0);
};
const editors = { ...overrides(data, manifest) };
const publishedFiles = overrides(join(dir, 'out-0'), published);
const ILL = 'illustrative-2021-q1-1738';
const rows = [];
for (const id of [ILL, BIG]) {
  rows.push([id, await embedBytes(publishedFiles, id), await embedBytes(editors, id)]);
}
await browser.close();
console.log('\nembed (headline, status, units) bytes transferred, gzip:  published (summary) | unpublished (records)');
for (const [id, pub, unpub] of rows) console.log(`  ${id.padEnd(28)} ${String(pub).padStart(9)} | ${String(unpub).padStart(9)}`);
console.log(`  difference, ${BIG} − ${ILL}, published: ${rows[1][1] - rows[0][1]} B (target: within 10,240 B)`);
