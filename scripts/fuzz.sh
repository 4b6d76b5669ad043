#!/usr/bin/env bash
# The fuzz targets of fuzz/ (cargo-fuzz layout, libFuzzer), each run for
# SECONDS (default 60) on its corpus; fails on a crash, a panic or a hang
# (10 s for one input). Built by cargo with the nightly toolchain and
# libFuzzer's coverage instrumentation (the flags cargo-fuzz passes, no
# sanitizer: the code under test is safe Rust), so that cargo-fuzz need not
# be installed; `cargo fuzz run TARGET` works as well where it is.
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]
#
# New inputs that reach new code go to target/fuzz/found/TARGET; with
# FUZZ_KEEP=1 the corpus becomes the smallest set covering it and them
# (libFuzzer's merge; commit it). Without a nightly toolchain the run is
# skipped with a notice.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(engines parsers writers uploads)
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: no nightly toolchain on this machine: skipped (rustup toolchain install nightly)"
  exit 0
fi
triple=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
(cd fuzz && cargo +nightly build -q --release --target "$triple" --target-dir ../target/fuzz --bins)
for t in "${targets[@]}"; do
  found="target/fuzz/found/$t"
  rm -rf "$found" target/fuzz/"$t"-* && mkdir -p "$found" "fuzz/corpus/$t"
  echo "== fuzz $t: ${seconds} s"
  set +e
  "target/fuzz/$triple/release/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="target/fuzz/$t-" \
    "$found" "fuzz/corpus/$t" > "target/fuzz/$t.log" 2>&1
  status=$?
  set -e
  grep -E "^(stat::number_of_executed_units|stat::new_units_added|SUMMARY|Done)|panicked|ERROR" "target/fuzz/$t.log" || true
  if [ "$status" -ne 0 ] || compgen -G "target/fuzz/$t-*" >/dev/null; then
    echo "fuzz $t: failed (status $status); its log: target/fuzz/$t.log; the input: $(ls target/fuzz/$t-* 2>/dev/null | head -1)"
    exit 1
  fi
  if [ "${FUZZ_KEEP:-0}" = 1 ]; then
    # The smallest set of inputs that covers what the corpus and the new
    # finds cover (libFuzzer's merge), in place of the corpus.
    min="target/fuzz/min/$t"; rm -rf "$min"; mkdir -p "$min"
    "target/fuzz/$triple/release/$t" -merge=1 "$min" "fuzz/corpus/$t" "$found" >/dev/null 2>&1
    rm -rf "fuzz/corpus/$t" && mv "$min" "fuzz/corpus/$t"
    echo "fuzz $t: corpus of $(ls "fuzz/corpus/$t" | wc -l) inputs"
  fi
done
