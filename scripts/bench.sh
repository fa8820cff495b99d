#!/usr/bin/env bash
# Benchmarks: release build, then each benchmark in turn. Results land in bench/out/.
#   bash scripts/bench.sh [--no-setup]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh "$@"

echo; echo "==> bench: transfer size (bench/size.mjs)"
node bench/size.mjs dist

# ---- further benchmarks go here, one block each, e.g. ----
# echo; echo "==> bench: load time (bench/load.mjs)"
# node bench/load.mjs dist
