// What the built WASM must not contain, for what it weighs in the download: Rust's float
// formatting (`{}` of an f64: core::num::flt2dec, its bignum and the Grisu power table, ~5 KB
// gzip in both builds, measured when one validation message slipped it in). The widget writes
// numbers with `text::plain_number` / `format::decimal`. Its Grisu table's first entry,
// 0xe61acf033d1a45df in little-endian, is in the WASM exactly when that code is linked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DIST } from './widget.mjs';

const GRISU_FIRST_POWER = Buffer.from('df451a3d03cf1ae6', 'hex');

// Guards: no float formatting in either build's WASM.
test('neither build links float formatting', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('_bg.wasm'));
  assert.equal(wasm.length, 2, `the full and the reader build: ${wasm}`);
  for (const file of wasm) {
    const bytes = readFileSync(`${DIST}${file}`);
    assert.equal(bytes.indexOf(GRISU_FIRST_POWER), -1, `${file} links Rust's float formatting: format numbers with text::plain_number`);
  }
});
