// snapshot-tool import on a large export (issue #19's targets: 100k rows of CSV in ≤ 2 s, of
// XLSX in ≤ 6 s, peak memory ≤ 5× the file). Writes an ILLUSTRATIVE snapshot's tasks as a
// tracker's CSV export (title row, Vietnamese headers, dd/mm/yyyy dates) and the same rows as
// an XLSX workbook (written here, no dependency: the zip by hand with node's zlib; shared
// strings and real date cells, as Excel saves them), and its unit list, then times the import
// of the release tool, with its peak memory (/usr/bin/time), against `snapshot-tool validate`
// of the snapshot it wrote (the same tasks read as JSON) in the same run, interleaved.
//   node bench/import.mjs [tasks=100000] [runs=3]      (honours CARGO_TARGET_DIR)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const ROOT = new URL('../', import.meta.url).pathname;
const tasks = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'td-import-bench-'));
const tool = `${process.env.CARGO_TARGET_DIR ?? `${ROOT}target`}/release/snapshot-tool`;
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

// The same rows as an XLSX workbook: sheet "Nhiệm vụ", the title row, the header, one row a
// task; strings shared (sharedStrings.xml), dates as date cells (serials with format 14).
const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const strings = new Map();
const sst = (t) => {
  if (!strings.has(t)) strings.set(t, strings.size);
  return strings.get(t);
};
const col = (c) => String.fromCharCode(65 + c);
const serial = (d) => Math.round((Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86400000);
const sheetRows = [];
const xrow = (r, cells) => {
  const xs = cells.map((v, c) => {
    const ref = `${col(c)}${r}`;
    if (v === '' || v == null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (v.date) return `<c r="${ref}" s="1"><v>${serial(v.date)}</v></c>`;
    return `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
  });
  sheetRows.push(`<row r="${r}">${xs.join('')}</row>`);
};
xrow(1, ['DANH SÁCH NHIỆM VỤ (MINH HỌA)']);
xrow(2, ['STT', 'Mã nhiệm vụ', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Văn bản giao', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành']);
snap.tasks.records.forEach((r, i) => {
  const d = (x) => (x ? { date: x } : '');
  xrow(i + 3, [i + 1, r.id, r.title, names.get(r.unit), r.document ?? '', d(r.assigned), d(r.due), d(r.completed)]);
});
const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org';
const parts = [
  ['[Content_Types].xml', `${xml}<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`],
  ['_rels/.rels', `${xml}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ['xl/workbook.xml', `${xml}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ['xl/_rels/workbook.xml.rels', `${xml}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${NS}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`],
  ['xl/styles.xml', `${xml}<styleSheet xmlns="${NS}/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`],
  ['xl/worksheets/sheet1.xml', `${xml}<worksheet xmlns="${NS}/spreadsheetml/2006/main"><dimension ref="A1:H${tasks + 2}"/><sheetData>${sheetRows.join('')}</sheetData></worksheet>`],
  ['xl/sharedStrings.xml', `${xml}<sst xmlns="${NS}/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`],
];
/** A zip of deflated entries (what an .xlsx is). */
function zip(entries) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const fname = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x800, 6); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fname.length, 26);
    const dirent = Buffer.alloc(46);
    dirent.writeUInt32LE(0x02014b50, 0); dirent.writeUInt16LE(20, 4); dirent.writeUInt16LE(20, 6); dirent.writeUInt16LE(0x800, 8);
    dirent.writeUInt16LE(8, 10); dirent.writeUInt32LE(crc32(data), 16); dirent.writeUInt32LE(packed.length, 20);
    dirent.writeUInt32LE(data.length, 24); dirent.writeUInt16LE(fname.length, 28); dirent.writeUInt32LE(offset, 42);
    local.push(head, fname, packed);
    central.push(dirent, fname);
    offset += head.length + fname.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}
const xlsx = join(dir, 'tasks.xlsx');
writeFileSync(xlsx, zip(parts));
const xlsxSize = statSync(xlsx).size;

/** Wall time (s) and peak memory (KB) of a command, from GNU time. */
function timed(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const [secs, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { secs, kb };
}
const out = join(dir, 'imported.json');
const results = { import: [], read: [], xlsx: [], old: [] };
// BENCH_OLD_TOOL=/path/to/older/snapshot-tool: its CSV import timed too, interleaved (a
// before/after on this shared machine).
const oldTool = process.env.BENCH_OLD_TOOL;
const importArgs = ['--as-of', snap.as_of, '--out', out, '--units', units,
  '--jurisdiction', 'UBND tỉnh (minh họa)', '--source', 'generator', '--illustrative'];
for (let i = 0; i < runs; i++) {
  results.import.push(timed(tool, ['import', csv, ...importArgs]));
  results.read.push(timed(tool, ['validate', out]));
  results.xlsx.push(timed(tool, ['import', xlsx, ...importArgs]));
  if (oldTool) results.old.push(timed(oldTool, ['import', csv, ...importArgs]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (what, list, bytes) => {
  const secs = median(list.map((r) => r.secs));
  const peak = Math.max(...list.map((r) => r.kb)) * 1024;
  return `import of ${tasks} rows, ${(bytes / 1e6).toFixed(1)} MB of ${what}: median ${secs.toFixed(2)} s over ${runs} runs; ` +
    `peak memory ${(peak / 1e6).toFixed(0)} MB = ${(peak / bytes).toFixed(1)}× the file`;
};
console.log(`${line('CSV', results.import, size)} (validate of the snapshot written: ${median(results.read.map((r) => r.secs)).toFixed(2)} s)`);
console.log(`${line('XLSX', results.xlsx, xlsxSize)}; ${(size / 1e6).toFixed(1)} MB as CSV: ` +
  `${((Math.max(...results.xlsx.map((r) => r.kb)) * 1024) / size).toFixed(1)}× the CSV`);
if (oldTool) {
  const ratio = median(results.import.map((r) => r.secs)) / median(results.old.map((r) => r.secs));
  console.log(`${line('CSV, older tool', results.old, size)}; this tool / older: ×${ratio.toFixed(2)}`);
}
