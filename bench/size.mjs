// Transfer-size report for the built widget: every file in dist/ (or the directory given as the
// first argument) with raw, gzip -9 and brotli -q11 sizes, and a total per page over the files
// that page loads: the page and the html/js/wasm/css files it references (directly, or from a
// script it references, e.g. boot-*.js -> *_bg.wasm). Two pages: index.html (the full build)
// and embed.html (the reader build, which portal iframes load); the "widget total" is the full
// build's. Unreferenced files (embed.js for host pages, favicon, ...) are listed under [other];
// data/ files (JSON snapshots) under [data]; neither counts in a total. A baked page (src/bake/)
// holds its WASM loader in <template id="td-wasm">: its "baked view" line counts only what it
// loads without the WASM (a reader of a baked embed loads nothing else). Writes the same as
// JSON to bench/out/size.json.
// Node built-ins only.  Usage: node bench/size.mjs [dist-dir]
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = resolve(process.argv[2] ?? join(repo, 'dist'));
const outFile = join(repo, 'bench', 'out', 'size.json');

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.isFile() ? [join(d, e.name)] : [],
  );
}

const WIDGET_EXT = new Set(['.html', '.js', '.mjs', '.wasm', '.css']);
const paths = walk(dir).map((abs) => relative(dir, abs).split(sep).join('/'));

const PAGES = { 'index.html': 'full build', 'embed.html': 'reader build' };
// A page's links to other pages (a baked page's picker of snapshots) are not loads.
const mentioned = (text) =>
  paths.filter((p) => !p.startsWith('data/') && !p.endsWith('.html') && text.includes(p));
/** The files a page loads: names mentioned in it, then in the scripts it names. */
function loadedBy(page) {
  const loaded = new Set([page]);
  for (const p of mentioned(readFileSync(join(dir, page), 'utf8'))) {
    loaded.add(p);
    if (/\.m?js$/.test(p)) for (const q of mentioned(readFileSync(join(dir, p), 'utf8'))) loaded.add(q);
  }
  return loaded;
}
/** The files a baked page loads before (or without) the WASM: those named outside its template. */
function bakedBy(page) {
  const text = readFileSync(join(dir, page), 'utf8').replace(/<template id="td-wasm">[\s\S]*?<\/template>/, '');
  return new Set([page, ...mentioned(text)]);
}
const pages = Object.keys(PAGES).filter((page) => paths.includes(page));
const loadedByPage = Object.fromEntries(pages.map((page) => [page, loadedBy(page)]));
const baked = pages.filter((page) => readFileSync(join(dir, page), 'utf8').includes('<template id="td-wasm">'));
const bakedByPage = Object.fromEntries(baked.map((page) => [page, bakedBy(page)]));
const loaded = new Set(Object.values(loadedByPage).flatMap((set) => [...set]));

const files = paths
  .map((path) => {
    const buf = readFileSync(join(dir, path));
    return {
      path,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        },
      }).length,
      kind: path.startsWith('data/')
        ? 'data'
        : WIDGET_EXT.has(extname(path)) && loaded.has(path)
          ? 'widget'
          : 'other',
    };
  })
  .sort((a, b) => a.kind.localeCompare(b.kind) || a.path.localeCompare(b.path));

const sum = (list) =>
  list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const pageTotals = Object.fromEntries(
  pages.map((page) => [page, sum(files.filter((f) => f.kind === 'widget' && loadedByPage[page].has(f.path)))]),
);
const bakedTotals = Object.fromEntries(
  baked.map((page) => [page, sum(files.filter((f) => bakedByPage[page].has(f.path)))]),
);
const widgetTotal = pageTotals['index.html'] ?? sum(files.filter((f) => f.kind === 'widget'));
const dataTotal = sum(files.filter((f) => f.kind === 'data'));

// ---- table ----
const w = Math.max(40, ...files.map((f) => f.path.length + 2));
const row = (name, r) =>
  `${name.padEnd(w)}${String(r.raw).padStart(11)}${String(r.gzip).padStart(11)}${String(r.brotli).padStart(11)}`;
const line = '-'.repeat(w + 33);
console.log(`size of ${dir} (bytes)`);
console.log(`${'file'.padEnd(w)}${'raw'.padStart(11)}${'gzip-9'.padStart(11)}${'brotli-11'.padStart(11)}`);
console.log(line);
for (const kind of ['widget', 'other', 'data']) {
  const group = files.filter((f) => f.kind === kind);
  if (group.length === 0) continue;
  if (kind !== 'widget') console.log(`[${kind}]`);
  for (const f of group) console.log(row(f.path, f));
  if (kind === 'widget') {
    console.log(line);
    for (const page of pages) console.log(row(`${page} total (${PAGES[page]})`, pageTotals[page]));
    for (const page of baked) console.log(row(`${page} baked view, without WASM`, bakedTotals[page]));
    console.log(line);
  }
}
if (dataTotal.raw > 0) console.log(row('data total', dataTotal));

mkdirSync(join(repo, 'bench', 'out'), { recursive: true });
writeFileSync(
  outFile,
  JSON.stringify({ dir: relative(repo, dir) || '.', generated: new Date().toISOString(), files, widgetTotal, pageTotals, bakedTotals, dataTotal }, null, 2) + '\n',
);
console.log(`wrote ${relative(repo, outFile)}`);
