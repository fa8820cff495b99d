#!/usr/bin/env bash
# Regenerates the published JSON Schemas of the snapshot and manifest formats from the Rust types.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for which in snapshot manifest; do
  cargo run -q --features schema --bin snapshot-tool -- schema "$which" > "schema/$which.schema.json"
done
echo "wrote schema/snapshot.schema.json schema/manifest.schema.json"
