#!/usr/bin/env bash
# A copy of dist/ whose full build's WASM (the one index.html names) keeps its function names,
# for profiles (bench/profile.mjs) and size breakdowns (bench/crates.mjs, twiggy). Same code
# and same wasm-opt -Oz as dist/; only the names section is kept, and index.html loses its
# integrity hashes (the files differ from the hashed ones). The reader build stays as built.
#   bash scripts/build.sh --no-setup && bash scripts/named-build.sh [/tmp/named-dist]
#   node bench/crates.mjs /tmp/named-dist
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-/tmp/named-dist}"
export PATH="$PWD/tests/browser/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"
wasm=target/wasm32-unknown-unknown/release/widget.wasm
# The full build's glue (dist/ also holds the reader build's, named in embed.html).
glue=$(grep -o 'widget-[0-9a-f]*\.js' dist/index.html | head -1)
[ -f "$wasm" ] && [ -n "$glue" ] || { echo "named-build.sh: run scripts/build.sh first" >&2; exit 1; }
tmp=$(mktemp -d)
wasm-bindgen --target web --keep-debug --out-dir "$tmp" --out-name widget "$wasm"
rm -rf "$out" && cp -r dist "$out"
wasm-opt -Oz -g --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$tmp/widget_bg.wasm" -o "$out/${glue%.js}_bg.wasm"
cp "$tmp/widget.js" "$out/$glue"
# Quoted or not (trunk's release build minifies index.html).
sed -E -i 's/ integrity=("[^"]*"|[^ >]*)//g' "$out/index.html"
rm -rf "$tmp"
echo "named build in $out"
