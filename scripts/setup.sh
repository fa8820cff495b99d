#!/usr/bin/env bash
# Idempotent installer for everything the build, the tests and the benchmarks need:
#   - the wasm32-unknown-unknown Rust target, and the rust-src component (std rebuilt for size)
#   - the crates of offline builds (cargo fetch)
#   - trunk 0.21.14 (0.22 needs a newer rustc than ours)
#   - wasm-bindgen-cli at exactly the version of `wasm-bindgen` in Cargo.lock
#     (trunk demands that version and cannot download it offline)
#   - Debian packages: chromium + chromium-driver (browser tests), brotli
#   - npm dev dependencies of tests/browser: playwright-core, axe-core, terser (the JS glue's
#     minifier, scripts/minify-glue.mjs), and binaryen 132, whose
#     wasm-opt trunk uses (scripts/build.sh puts it first on PATH). Debian's binaryen 108 is NOT
#     used: its wasm-opt turns wasm-bindgen 0.2.130's externref table into a funcref table, and
#     the widget then dies at start-up with "WebAssembly.Table.set(): Argument 1 is invalid".
# A second run installs nothing: every step checks first and prints "present".
# Usage: bash scripts/setup.sh   (from any directory; we run as root, else apt-get uses sudo)
set -euo pipefail

_setup_main() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

  local TRUNK_VERSION=0.21.14

  # --- Rust target -----------------------------------------------------------
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "rust target wasm32-unknown-unknown: present"
  else
    echo "rust target wasm32-unknown-unknown: installing ..."
    rustup target add wasm32-unknown-unknown
  fi

  # --- rust-src: the standard library's sources, rebuilt for size by scripts/build.sh --------
  # Optional: without it the build uses the prebuilt std (a larger widget, same behaviour).
  local has_src=1
  if rustup component list --installed | grep -q '^rust-src'; then
    echo "rust component rust-src: present"
  else
    echo "rust component rust-src: installing ..."
    rustup component add rust-src || {
      has_src=0
      echo "setup: rust-src unavailable; builds use the prebuilt std" >&2
    }
  fi
  # Builds run offline: fetch the crates of the project (all platforms) and of the std build.
  (cd "$root" && cargo fetch --quiet)
  if [ "$has_src" = 1 ]; then
    (cd "$root" && RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown)
  fi
  echo "crates for offline builds: fetched"

  # --- trunk -----------------------------------------------------------------
  if command -v trunk >/dev/null 2>&1 && trunk --version 2>/dev/null | grep -qw "$TRUNK_VERSION"; then
    echo "trunk $TRUNK_VERSION: present"
  else
    echo "trunk $TRUNK_VERSION: installing ... (cargo install, several minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  # --- wasm-bindgen-cli (version pinned by Cargo.lock) ----------------------------
  local wb_version
  wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/^version = "|"$/, ""); print; exit }' "$root/Cargo.lock")"
  if [ -z "$wb_version" ]; then
    echo "setup: cannot find the wasm-bindgen version in Cargo.lock" >&2
    return 1
  fi
  if command -v wasm-bindgen >/dev/null 2>&1 && wasm-bindgen --version 2>/dev/null | grep -qw "$wb_version"; then
    echo "wasm-bindgen-cli $wb_version: present"
  else
    echo "wasm-bindgen-cli $wb_version: installing ... (cargo install, several minutes)"
    # Deliberately without --locked: that is the install that was tested on this machine.
    cargo install wasm-bindgen-cli --version "$wb_version" --force
  fi

  # --- Debian packages -------------------------------------------------------
  # binary -> package that ships it
  local missing=() bin pkg
  for pair in chromium:chromium chromedriver:chromium-driver brotli:brotli; do
    bin="${pair%%:*}" pkg="${pair##*:}"
    if command -v "$bin" >/dev/null 2>&1; then
      echo "$pkg ($bin): present"
    else
      echo "$pkg ($bin): installing ..."
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
  fi

  # --- npm dev dependencies of the browser tests ---------------------------------
  local bdir="$root/tests/browser"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "setup: node and npm are required (Node 20+)" >&2
    return 1
  fi
  if [ ! -d "$bdir/node_modules" ] \
     || { [ -f "$bdir/package-lock.json" ] && [ "$bdir/package-lock.json" -nt "$bdir/node_modules" ]; } \
     || [ "$bdir/package.json" -nt "$bdir/node_modules" ]; then
    echo "npm packages (tests/browser): installing ..."
    if [ -f "$bdir/package-lock.json" ]; then
      (cd "$bdir" && npm ci --no-audit --no-fund)
    else
      (cd "$bdir" && npm install --no-audit --no-fund)
    fi
    touch "$bdir/node_modules"
  else
    echo "npm packages (tests/browser): present"
  fi
  echo "wasm-opt (npm binaryen): $("$bdir/node_modules/binaryen/bin/wasm-opt" --version)"
}

_setup_main "$@"
