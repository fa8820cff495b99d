#!/usr/bin/env bash
# What the core weighs in WASM without Leptos: snapshot reading and validation, tasks and
# filters, charts with their SVG and CSV, formatting, markup and link state. Builds a throwaway
# cdylib that calls it all (bench/core-probe.rs) with the widget's release settings (std
# rebuilt for size, panic = immediate-abort, wasm-bindgen, wasm-opt -Oz), and prints its
# size. The widget minus this is Leptos and the view code (issue #2).
#   bash bench/core-size.sh        (after scripts/setup.sh; ~2 min, target/core-probe/ kept)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
export PATH="$root/tests/browser/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
cp bench/core-probe.rs "$tmp/src/lib.rs"
cp Cargo.lock "$tmp/Cargo.lock"
# The release profile and the patch are the widget's (Cargo.toml).
cat > "$tmp/Cargo.toml" <<TOML
[package]
name = "core-probe"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
task-dashboard = { path = "$root" }

[profile.release]
$(sed -n '/^\[profile.release\]/,/^$/p' Cargo.toml | sed '1d')

[patch.crates-io]
wasm-streams = { path = "$root/stubs/wasm-streams" }
TOML
# The same unstable settings as scripts/build.sh.
export RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$root/target/core-probe"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
CARGO_ENCODED_RUSTFLAGS="$(printf '%s\x1f' --cfg erase_components -Zunstable-options -Cpanic=immediate-abort)"
export CARGO_ENCODED_RUSTFLAGS="${CARGO_ENCODED_RUSTFLAGS%$'\x1f'}"
(cd "$tmp" && cargo build --offline --release --quiet --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir "$tmp/out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/core_probe.wasm"
wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$tmp/out/core_probe_bg.wasm" -o "$tmp/core.wasm"
raw=$(stat -c %s "$tmp/core.wasm")
gz=$(gzip -9 -c "$tmp/core.wasm" | wc -c)
echo "core without Leptos (WASM after wasm-opt -Oz): $raw B raw, $gz B gzip"
