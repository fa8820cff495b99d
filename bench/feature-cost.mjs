// What each part of the full build's view costs in download size: builds the widget once as
// it is and once per part with that part taken out of the view (a copy of the sources,
// patched; `scripts/build.sh --full-only`), and prints
// the WASM + JS glue gzip of each build and the difference. The compiler and wasm-opt then
// drop everything only that part reaches: its markup, its handlers and the core code only it
// uses. This answers "what would leaving X out (or loading it later) save", for issue #2.
//   node bench/feature-cost.mjs                 every part (about 1.5 min per build)
//   node bench/feature-cost.mjs notices table   only these parts
// Needs the tools of scripts/setup.sh. Builds in a temporary copy, with target/feature-cost/
// as the cargo target directory (kept, so later runs only rebuild this crate).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './setup.mjs';

const FULL = 'src/ui/full.rs';
const COMPACT = 'src/ui/compact.rs';
/** Each part: the edits that take it out of the view ([file, text, replacement, count]). */
const PARTS = {
  'filter panel': [[FULL, '            <FilterPanel />\n', '', 1]],
  'task table': [
    [FULL, '            <TaskTable export=charts.export />\n', '', 1],
    ['src/ui/table.rs', 'view! { <TaskTable export /> }.into_any()', '().into_any()', 1],
  ],
  notices: [[FULL, '        <Notices />\n', '', 1], [COMPACT, '        <Notices />\n', '', 1]],
  'load errors': [[FULL, '            <LoadState />\n', '', 1], [COMPACT, '            <LoadState />\n', '', 1]],
  'snapshot picker': [[FULL, '                <SnapshotPicker />\n', '', 1]],
  'copy link': [[FULL, '                <CopyLinkButton />\n', '', 1]],
  'embed panel': [[FULL, '                <EmbedPanel />\n', '', 1]],
  'chart downloads': [['src/ui/chart.rs', '<Downloads chart labels export />', '', 1]],
  // Task records: the full build without the `records` feature (a file with records is
  // refused; no code reads an index).
  records: [['Cargo.toml', 'staff = ["records"]', 'staff = []', 1]],
  // The compact view in the full build.
  'compact view': [[FULL, 'view! { <CompactView /> }.into_any()', 'view! { <FullView /> }.into_any()', 1]],
};
PARTS['all of the above'] = Object.values(PARTS).flat();
// The reader build for portal iframes (embed.html) is a build of its own: bench/size.mjs.

const COPY = ['Cargo.toml', 'Cargo.lock', '.cargo', 'src', 'stubs', 'benches', 'index.html', 'embed.html', 'style', 'static', 'data', 'Trunk.toml', 'scripts'];
const env = {
  ...process.env,
  PATH: `${ROOT}tests/browser/node_modules/binaryen/bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  CARGO_TARGET_DIR: `${ROOT}target/feature-cost`,
  TD_REPO: ROOT, // scripts/minify-glue.mjs takes terser from this repository's tests/browser
};

/** Builds the sources with `edits` applied; returns the gzip bytes of the WASM and JS glue. */
function build(edits) {
  const dir = mkdtempSync(join(tmpdir(), 'feature-cost-'));
  try {
    for (const entry of COPY) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    for (const [file, text, replacement, count] of edits) {
      const path = join(dir, file);
      const source = readFileSync(path, 'utf8');
      const found = source.split(text).length - 1;
      if (found !== count) throw new Error(`${file}: expected ${count} × ${JSON.stringify(text)}, found ${found}; update PARTS`);
      writeFileSync(path, source.split(text).join(replacement));
    }
    // The release build of scripts/build.sh (std rebuilt for size), not a plain trunk build.
    execFileSync('bash', ['scripts/build.sh', '--no-setup', '--full-only'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const dist = join(dir, 'dist');
    const gz = (suffix) => readdirSync(dist).filter((f) => f.startsWith('widget-') && f.endsWith(suffix))
      .reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
    return gz('_bg.wasm') + gz('.js');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((p) => !PARTS[p]);
if (unknown.length) {
  console.error(`unknown part(s) ${unknown.join(', ')}; one of:\n  ${Object.keys(PARTS).join('\n  ')}`);
  process.exit(2);
}
const base = build([]);
console.log(`WASM + JS glue, gzip -9: the widget as it is ${base} B`);
console.log('without                 gzip B    saves');
mkdirSync(`${ROOT}bench/out`, { recursive: true });
const results = { base_gzip: base, without: {} };
for (const part of wanted.length ? wanted : Object.keys(PARTS)) {
  const size = build(PARTS[part]);
  results.without[part] = size;
  console.log(`  ${part.padEnd(20)} ${String(size).padStart(8)} ${(((base - size) / 1024).toFixed(1) + ' KB').padStart(9)}`);
}
writeFileSync(`${ROOT}bench/out/feature-cost.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/out/feature-cost.json');
