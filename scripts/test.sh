#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs (Rust wasm target,
# wasm-bindgen-cli at the Cargo.lock version, Debian chromium + chromedriver, npm
# packages from package-lock.json); safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Each step says how long the run has taken so far (CI keeps a cold run under 20 minutes).
step() { printf '\n==> [%d s] %s\n' "$SECONDS" "$*"; }

step "Rust toolchain"
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
cargo --version

step "Habits: cargo fmt --check and cargo clippy -D warnings (native and wasm32)"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown >/dev/null
cargo fmt --check
cargo clippy --locked --all-targets --features schema -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --test wasm -- -D warnings

step "Core: unit, rule, persona, property, error, catalog build and CLI golden tests (benchmarks run once as tests)"
cargo test --locked --all-targets --features schema 2>&1 | tee -a "$log"

step "Doc tests"
cargo test --locked --doc --features schema 2>&1 | tee -a "$log"

step "Shipped catalogs validate"
for c in www/data/catalog.json www/data/regions/*.json; do
  [ -f "$c" ] || continue
  case "$c" in */index.json) continue ;; esac
  cargo run --locked --quiet -- validate "$c"
done

step "Browser tooling: Debian chromium and chromedriver"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
chromium --version

step "Browser build (wasm, wasm-bindgen, wasm-opt, loket folder)"
bash scripts/build-web.sh

step "wasm API tests in node"
cargo test --locked --target wasm32-unknown-unknown --test wasm 2>&1 | tee -a "$log"

step "wasm API tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 cargo test --locked --target wasm32-unknown-unknown --test wasm 2>&1 | tee -a "$log"

# The CLI is the debug build (overflow checks on) that the catalogs' validation above
# made; a release build here cost a minute of a cold run for a second less of testing.
step "Hostile corpus through the CLI and the wasm build (tests/hostile/)"
cargo build --locked --bin routewijzer
ROUTEWIJZER_CLI=target/debug/routewijzer node --test tests/hostile/ 2>&1 | tee -a "$log"

step "Fuzzing: a short run of every target (45 s; RELIABILITY.md has the long run)"
bash scripts/fuzz.sh 45 2>&1 | tee -a "$log"

if [ -d tests/browser ]; then
  step "Browser end-to-end tests (playwright-core + Debian chromium)"
  node --test tests/browser/ 2>&1 | tee -a "$log"
fi

# One closing line over every runner: cargo's "test result:" and node's "# pass/# fail".
awk '/^test result:/ { p += $4; f += $6 } /^# pass / { p += $3 } /^# fail / { f += $3 } /^fuzz: [0-9]+ passed/ { p += $2; f += $4 }
     END { printf "\nall tests: %d passed, %d failed\n", p, f }' "$log"
echo "(the whole run took $SECONDS s)"
