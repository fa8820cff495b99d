#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo fuzz, libFuzzer) of the snapshot and manifest readers and the
# link decoder. See fuzz/README.md.
#
#   scripts/fuzz.sh [RUNS] [TARGET...]     RUNS: executions per target (default 1000000)
#                                          TARGET: snapshot, manifest, url_state (default all)
#
# Stable rustc: RUSTC_BOOTSTRAP=1 unlocks the -Z flags cargo-fuzz passes. One libFuzzer process
# at a time under `nice -n 10` (the 2-core machine builds other things meanwhile).
# Environment: FUZZ_SANITIZER (default none: the crate has no `unsafe`; `address` for ASan),
# FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
export RUSTC_BOOTSTRAP=1

RUNS=${1:-1000000}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(snapshot manifest url_state)
SANITIZER=${FUZZ_SANITIZER:-none}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> cargo install cargo-fuzz --locked"
  nice -n 10 cargo install cargo-fuzz --locked
fi

# Seeds: the repository's own files, copied at run time (the corpora are not committed).
seed() { # seed TARGET FILE...
  local dir="fuzz/corpus/$1" f
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    if [ "$(wc -c <"$f")" -gt 204800 ]; then
      echo "    skip seed $f (> 200 KB)"
      continue
    fi
    cp "$f" "$dir/seed-$(echo "${f#./}" | tr '/' '_')"
  done
}
shopt -s nullglob globstar
seed snapshot data/snapshots/*.json tests/fixtures/*.json tests/fixtures/**/*.json
seed manifest data/manifest.json tests/fixtures/manifest.test.json tests/fixtures/**/*.json
# The golden links: their `link` and `canonical` strings.
mkdir -p fuzz/corpus/url_state
n=0
while IFS= read -r q; do
  printf '%s' "$q" >"fuzz/corpus/url_state/seed-golden-$n"
  n=$((n + 1))
done < <(grep -oE '"(link|canonical)": *"[^"]*"' tests/golden-links.json |
  sed -E 's/^"(link|canonical)": *"//; s/"$//')

max_len() {
  case $1 in
    snapshot) echo 65536 ;;
    manifest) echo 16384 ;;
    url_state) echo 4096 ;;
  esac
}
dict() {
  case $1 in
    url_state) echo "$ROOT/fuzz/url.dict" ;;
    *) echo "$ROOT/fuzz/json.dict" ;;
  esac
}

mkdir -p fuzz/target/logs
for t in "${TARGETS[@]}"; do
  log="fuzz/target/logs/$t.log"
  echo "==> $t: $RUNS runs (log: $log)"
  start=$SECONDS
  set +e
  # shellcheck disable=SC2086
  nice -n 10 cargo fuzz run --fuzz-dir fuzz --sanitizer "$SANITIZER" --debug-assertions "$t" -- \
    -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
    -dict="$(dict "$t")" -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$log" |
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|^(==|ERROR|SUMMARY|thread|panicked)|Done [0-9]+ runs'
  status=${PIPESTATUS[0]}
  set -e
  echo "    wall: $((SECONDS - start)) s, corpus: $(ls "fuzz/corpus/$t" | wc -l) files, exit: $status"
  [ "$status" -eq 0 ] || { echo "FAILED: $t (see $log and fuzz/artifacts/$t/)"; exit 1; }
done
