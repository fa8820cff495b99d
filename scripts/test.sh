#!/usr/bin/env bash
# Run every test: formatting, clippy (native + wasm32), cargo tests, release build, browser tests.
# Exits non-zero on the first failure. Works from any directory. Used by .ci/run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

step() { printf '\n==> %s\n' "$*"; }
SECONDS=0

step "setup"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets --all-features -- -D warnings   (native)"
cargo clippy --all-targets --all-features -- -D warnings

# --release: lints are the same, but the host proc-macros (leptos_macro, syn, ...) are then built
# with the release profile's defaults (opt-level 0 for build deps) and reused by the trunk release
# build below. In the dev profile, [profile.dev.package."*"] opt-level = 2 also applies to them,
# which made this step take ~17 min instead of ~4 min from a clean target/ on the 2-core machine.
step "cargo clippy --release --target wasm32-unknown-unknown --lib --bins -- -D warnings"
cargo clippy --release --target wasm32-unknown-unknown --lib --bins -- -D warnings
# The reader build (embed.html) is the same crate without its default features.
step "cargo clippy --release --target wasm32-unknown-unknown --lib --bins --no-default-features -- -D warnings"
cargo clippy --release --target wasm32-unknown-unknown --lib --bins --no-default-features -- -D warnings

step "cargo test --all-features   (native)"
cargo test --all-features
# Without the `records` feature (the reader build): its one difference, tested on its own.
step "cargo test --no-default-features --lib records_   (native, reader build)"
cargo test --no-default-features --lib records_

step "release build (scripts/build.sh --no-setup)"
bash scripts/build.sh --no-setup

step "browser tests (node --test tests/browser/*.test.mjs)"
shopt -s nullglob
browser_tests=(tests/browser/*.test.mjs)
shopt -u nullglob
if [ "${#browser_tests[@]}" -eq 0 ]; then
  echo "no browser tests found" >&2
  exit 1
fi
node --test "${browser_tests[@]}"

step "all tests passed in ${SECONDS}s"
