#!/usr/bin/env bash
# Run the widget locally: setup, release build, then serve dist/ with the production CSP header
# at http://127.0.0.1:8080/ (override with PORT=... / HOST=...). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
exec node tests/browser/server.mjs --root dist --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}" --csp
