#!/usr/bin/env bash
# Release build of the widget into dist/ (trunk, offline: wasm-bindgen and wasm-opt from PATH):
# the full build (index.html) and the reader build for portal iframes (embed.html), then every
# snapshot's views baked into pages of both (snapshot-tool bake).
#   bash scripts/build.sh              setup (idempotent) + build
#   bash scripts/build.sh --no-setup   build only
#   bash scripts/build.sh --no-setup --full-only   the full build alone (bench/feature-cost.mjs)
# Works from any directory. May also be `source`d: the work runs in a subshell, so neither
# `set -e` nor the `cd` leaks into the caller, and a failure returns non-zero instead of exiting.

_build_main() (
  set -euo pipefail
  local setup=1 reader=1 arg
  for arg in "$@"; do
    case "$arg" in
      --no-setup) setup=0 ;;
      --full-only) reader=0 ;;
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

  # The standard library rebuilt for size, with panics as plain traps: no panic messages,
  # formatting or unwinding code in the download (−25 KB gzip, `node bench/size.mjs dist`).
  # These are unstable flags of the pinned toolchain, allowed by RUSTC_BOOTSTRAP for this
  # build only; they need the rust-src component (scripts/setup.sh). TD_STD=prebuilt, or a
  # toolchain without rust-src, builds with the prebuilt std instead: same widget, larger.
  # static/crash.js shows the reader a notice if the WASM traps.
  local sysroot
  sysroot="$(rustc --print sysroot)"
  if [ "${TD_STD:-}" != prebuilt ] && [ -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]; then
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    # Replaces .cargo/config.toml's wasm32 rustflags, so it repeats them.
    CARGO_ENCODED_RUSTFLAGS="$(printf '%s\x1f' --cfg erase_components -Zunstable-options -Cpanic=immediate-abort)"
    export CARGO_ENCODED_RUSTFLAGS="${CARGO_ENCODED_RUSTFLAGS%$'\x1f'}"
    echo "==> std rebuilt for size, panic = immediate-abort"
  else
    echo "==> prebuilt std (TD_STD=prebuilt or no rust-src): the widget is ~25 KB gzip larger" >&2
  fi

  # Two builds, one folder: the reader build (embed.html: the compact embed view alone, for
  # portal iframes; no `staff` feature) and the full build (index.html). The reader build goes
  # first, so target/…/widget.wasm ends as the full build's (scripts/named-build.sh reads it).
  # Their hashed files differ by name; the shared ones (CSS, crash.js) are the same files.
  local reader_dist=target/reader-dist
  if [ "$reader" = 1 ]; then
    echo "==> trunk build --release --offline embed.html   (reader build)"
    trunk build --release --offline=true --dist "$reader_dist" embed.html
  fi
  echo "==> trunk build --release --offline   (full build)"
  trunk build --release --offline
  if [ "$reader" = 1 ]; then
    # Trunk names every page index.html: the reader's becomes embed.html beside the full one.
    # Files of both builds (hashed names: the stylesheet, crash.js, …) must be the same file.
    mv "$reader_dist/index.html" "$reader_dist/embed.html"
    local f
    while IFS= read -r f; do
      if [ -e "dist/$f" ]; then
        cmp -s "$reader_dist/$f" "dist/$f" || { echo "build.sh: both builds have a different $f" >&2; return 1; }
      else
        mkdir -p "dist/$(dirname "$f")" && cp "$reader_dist/$f" "dist/$f"
      fi
    done < <(cd "$reader_dist" && find . -type f | sed 's|^\./||')
  fi

  # The data as a static host serves it (snapshot-tool publish): every snapshot checked, its
  # file named by its hash (cacheable for ever), a summary for embeds beside each snapshot
  # with task records, and a manifest with each file's integrity, which the widget checks.
  echo "==> snapshot-tool publish data dist/data"
  env -u CARGO_ENCODED_RUSTFLAGS -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
    -u RUSTC_BOOTSTRAP cargo run --quiet --bin snapshot-tool -- publish data dist/data

  if [ "$reader" = 1 ]; then
    # Every snapshot's views baked into pages of both builds (src/bake/): the first response
    # holds the figures. A native build of the staff tool, without the wasm32 flags above.
    # static/start.js blocks the first paint: it goes out minified (terser, as the JS glue).
    echo "==> snapshot-tool bake dist   (views baked into the pages)"
    mkdir -p target
    tests/browser/node_modules/.bin/terser static/start.js --compress --mangle --output target/start.min.js
    env -u CARGO_ENCODED_RUSTFLAGS -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
      -u RUSTC_BOOTSTRAP cargo run --quiet --bin snapshot-tool -- bake dist --start target/start.min.js
  fi

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
