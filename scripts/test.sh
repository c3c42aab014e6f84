#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
step() { printf '\n==> %s\n' "$*"; }

step "Rust toolchain"
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
cargo --version

step "Core: unit, rule, persona, property, error and CLI golden tests (benchmarks run once as tests)"
cargo test --locked --all-targets --features schema 2>&1 | tee -a "$log"

step "Doc tests"
cargo test --locked --doc --features schema 2>&1 | tee -a "$log"

step "Shipped catalogs validate"
cargo run --locked --quiet -- validate www/data/catalog.json

# One closing line over all cargo test runs.
awk '/^test result:/ { p += $4; f += $6 } END { printf "\nall tests: %d passed, %d failed\n", p, f }' "$log"
