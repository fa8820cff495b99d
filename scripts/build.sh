#!/usr/bin/env bash
# Release build of the widget into dist/ (trunk, offline: wasm-bindgen and wasm-opt from PATH).
#   bash scripts/build.sh              setup (idempotent) + build
#   bash scripts/build.sh --no-setup   build only
# Works from any directory. May also be `source`d: the work runs in a subshell, so neither
# `set -e` nor the `cd` leaks into the caller, and a failure returns non-zero instead of exiting.

_build_main() (
  set -euo pipefail
  local setup=1 arg
  for arg in "$@"; do
    case "$arg" in
      --no-setup) setup=0 ;;
      --setup) setup=1 ;;
      *) echo "build.sh: unknown argument: $arg" >&2; return 2 ;;
    esac
  done
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  # trunk takes wasm-bindgen (cargo-installed) and wasm-opt (npm binaryen, see setup.sh) from PATH.
  export PATH="$PWD/tests/browser/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"

  if [ "$setup" = 1 ]; then
    bash scripts/setup.sh
  fi

  echo "==> trunk build --release --offline"
  trunk build --release --offline

  echo "==> dist/"
  (cd dist && find . -type f | sed 's|^\./||' | sort | while read -r f; do
    printf '%10d  %s\n' "$(stat -c %s "$f")" "$f"
  done)
)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _build_main "$@"
  exit $?
else
  _build_main "$@"
fi
