#!/usr/bin/env bash
# Fuzzes the core with the stable-Rust harness in fuzz/ (see RELIABILITY.md): builds it
# in release and runs every target for SECONDS in all (default 45), split over the
# targets, after replaying fuzz/corpus/regressions/. Findings are saved to fuzz/crashes/.
# Ends with one line `fuzz: N passed, M failed` (N: targets without findings); exit 1 if
# anything was found. FUZZ_SEED=S repeats the inputs of an earlier run.
#
#   bash scripts/fuzz.sh          # 45 s
#   bash scripts/fuzz.sh 20       # 20 s
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-45}"
case "$seconds" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac

if ! cargo build --locked --release --quiet --manifest-path fuzz/Cargo.toml; then
  echo "fuzz: the harness did not build"
  echo "fuzz: 0 passed, 3 failed"
  exit 1
fi
exec fuzz/target/release/routewijzer-fuzz --seconds "$seconds" ${FUZZ_SEED:+--seed "$FUZZ_SEED"}
