// What the widget's WASM is made of, per crate: reads the code and name sections of a build
// that kept its function names (scripts/named-build.sh) and sums each function body's bytes
// under the first crate its name mentions (`<leptos::X<our::Y> as core::Z>::f` counts for
// leptos: generic code is charged to the crate that defines it, even when our types fill it
// in). Data segments (texts, tables) are one line. Raw bytes, before compression; the
// shares carry over to gzip roughly. Prints a table and the largest functions.
//   bash scripts/named-build.sh && node bench/crates.mjs [/tmp/named-dist] [TOP=20]
// Node built-ins only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/tmp/named-dist';
// The full build's WASM, the one index.html names (dist/ also holds the reader build's).
const indexHtml = readdirSync(dir).includes('index.html') ? readFileSync(join(dir, 'index.html'), 'utf8') : '';
const file = indexHtml.match(/widget-[0-9a-f]+_bg\.wasm/)?.[0] ?? readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
if (!file) {
  console.error(`no *_bg.wasm in ${dir}: run scripts/named-build.sh first`);
  process.exit(1);
}
const bytes = readFileSync(join(dir, file));
const TOP = Number(process.env.TOP ?? 20);

let pos = 8; // magic and version
function uleb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return result;
    shift += 7;
  }
}
function name() {
  const len = uleb();
  const text = bytes.toString('utf8', pos, pos + len);
  pos += len;
  return text;
}

let importedFunctions = 0;
const bodySizes = []; // by defined function, in order
let dataBytes = 0;
const names = new Map(); // function index -> name
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = uleb();
  const end = pos + size;
  if (id === 2) {
    for (let n = uleb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { uleb(); importedFunctions++; }
      else if (kind === 1) { pos++; const flags = uleb(); uleb(); if (flags & 1) uleb(); }
      else if (kind === 2) { const flags = uleb(); uleb(); if (flags & 1) uleb(); }
      else if (kind === 3) { pos += 2; }
      else throw new Error(`unknown import kind ${kind}`);
    }
  } else if (id === 10) {
    for (let n = uleb(); n > 0; n--) {
      const len = uleb();
      bodySizes.push(len);
      pos += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0 && name() === 'name') {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = uleb();
      const subEnd = pos + subSize;
      if (sub === 1) {
        for (let n = uleb(); n > 0; n--) {
          const index = uleb();
          names.set(index, name());
        }
      }
      pos = subEnd;
    }
  }
  pos = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: use the copy from scripts/named-build.sh`);
  process.exit(1);
}

const CRATE = /([a-z_][a-z0-9_]*)\[[0-9a-f]+\]/;
const perCrate = new Map();
const functions = [];
bodySizes.forEach((size, i) => {
  const fname = names.get(importedFunctions + i) ?? `(function ${importedFunctions + i})`;
  const crate = CRATE.exec(fname)?.[1] ?? '(no crate in its name: main, glue)';
  perCrate.set(crate, (perCrate.get(crate) ?? 0) + size);
  functions.push([size, fname.replace(/\[[0-9a-f]+\]/g, '')]);
});
perCrate.set('(data segments)', dataBytes);

const total = [...perCrate.values()].reduce((a, b) => a + b, 0);
console.log(`${file}: code and data ${total} B raw (${bodySizes.length} functions)`);
console.log('     bytes  share  crate');
for (const [crate, size] of [...perCrate].sort((a, b) => b[1] - a[1])) {
  if (size < total / 500) continue;
  console.log(`${String(size).padStart(10)} ${((100 * size) / total).toFixed(1).padStart(5)}%  ${crate}`);
}
console.log(`\nlargest functions (TOP=${TOP}):`);
for (const [size, fname] of functions.sort((a, b) => b[0] - a[0]).slice(0, TOP)) {
  console.log(`${String(size).padStart(10)}  ${fname.length > 140 ? `${fname.slice(0, 140)}…` : fname}`);
}
