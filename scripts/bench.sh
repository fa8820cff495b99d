#!/usr/bin/env bash
# Benchmarks: release build, then each benchmark in turn. Results land in bench/out/.
#   bash scripts/bench.sh [--no-setup]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh "$@"

echo; echo "==> bench: transfer size (bench/size.mjs)"
node bench/size.mjs dist

echo; echo "==> bench: core, native (cargo bench --bench core)"
cargo bench -q --bench core

echo; echo "==> bench: load and filter changes in Chromium (bench/browser.mjs)"
node bench/browser.mjs 100000

echo; echo "==> bench: an embed's load on a throttled phone, reader vs full build (bench/embed-load.mjs)"
node bench/embed-load.mjs

echo; echo "==> bench: first view on a throttled phone, baked pages against Chart.js (bench/first-view.mjs)"
node bench/first-view.mjs
