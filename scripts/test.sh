#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust toolchain"
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
cargo --version

step "Core: unit, rule, persona, property, error and CLI golden tests"
cargo test --locked --all-targets

step "Doc tests"
cargo test --locked --doc

step "Shipped catalogs validate"
cargo run --locked --quiet -- validate www/data/catalog.json
