// snapshot-tool import on a large export (issue #19's target: 100k rows of CSV in ≤ 2 s, peak
// memory ≤ 5× the file). Writes an ILLUSTRATIVE snapshot's tasks as a tracker's CSV export
// (title row, Vietnamese headers, dd/mm/yyyy dates) and its unit list, then times the import
// of the release tool, with its peak memory (/usr/bin/time), against `snapshot-tool validate`
// of the snapshot it wrote (the same tasks read as JSON) in the same run, interleaved.
//   node bench/import.mjs [tasks=100000] [runs=3]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const tasks = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'td-import-bench-'));
const tool = `${ROOT}target/release/snapshot-tool`;
execFileSync('cargo', ['build', '--release', '--bin', 'snapshot-tool'], { cwd: ROOT, stdio: 'inherit' });

const snapFile = join(dir, 'generated.json');
execFileSync(tool, ['generate', '--tasks', String(tasks), '--seed', '7', '--out', snapFile]);
const snap = JSON.parse(readFileSync(snapFile, 'utf8'));
const vi = (d) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const names = new Map(snap.units.map((u) => [u.id, u.name.vi]));
const lines = ['DANH SÁCH NHIỆM VỤ (MINH HỌA),,,,,,,', 'STT,Mã nhiệm vụ,Tên nhiệm vụ,Đơn vị chủ trì,Văn bản giao,Ngày giao,Hạn xử lý,Ngày hoàn thành'];
snap.tasks.records.forEach((r, i) => {
  lines.push([i + 1, r.id, quote(r.title), quote(names.get(r.unit)), quote(r.document ?? ''), vi(r.assigned), vi(r.due), vi(r.completed)].join(','));
});
const csv = join(dir, 'tasks.csv');
writeFileSync(csv, '\ufeff' + lines.join('\r\n') + '\r\n');
const units = join(dir, 'units.csv');
writeFileSync(units, ['id,name,kind', ...snap.units.map((u) => `${u.id},${quote(u.name.vi)},${u.kind}`)].join('\n') + '\n');
const size = statSync(csv).size;

/** Wall time (s) and peak memory (KB) of a command, from GNU time. */
function timed(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const [secs, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { secs, kb };
}
const out = join(dir, 'imported.json');
const results = { import: [], read: [] };
for (let i = 0; i < runs; i++) {
  results.import.push(timed(tool, ['import', csv, '--as-of', snap.as_of, '--out', out, '--units', units,
    '--jurisdiction', 'UBND tỉnh (minh họa)', '--source', 'generator', '--illustrative']));
  results.read.push(timed(tool, ['validate', out]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const imp = median(results.import.map((r) => r.secs));
const peak = Math.max(...results.import.map((r) => r.kb)) * 1024;
console.log(`import of ${tasks} rows, ${(size / 1e6).toFixed(1)} MB of CSV: median ${imp.toFixed(2)} s over ${runs} runs ` +
  `(validate of the snapshot written: ${median(results.read.map((r) => r.secs)).toFixed(2)} s); peak memory ${(peak / 1e6).toFixed(0)} MB = ${(peak / size).toFixed(1)}× the file`);
