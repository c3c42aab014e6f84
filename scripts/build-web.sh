#!/usr/bin/env bash
# Builds the browser widget: the core compiled to wasm (pkg/), optimised, plus the
# folder a loket copies (dist/routewijzer/). Installs what it needs; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "wasm32 target"
rustup target add wasm32-unknown-unknown >/dev/null

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  step "wasm-bindgen-cli $want (found '${have:-none}')"
  cargo install wasm-bindgen-cli --version "$want" --locked || cargo install wasm-bindgen-cli --version "$want"
fi

step "npm packages (binaryen's wasm-opt; never Debian's, it breaks the output)"
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

step "Compile the core to wasm"
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown --lib

# --experimental-reset-state-function: the glue exports __wbg_reset_state(), which replaces
# the instance by a fresh one of the same compiled module (fresh memory and stack) and
# makes objects of the old instance stale; js/client.js calls it after a trap.
step "wasm-bindgen -> pkg/"
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name routewijzer \
  --remove-name-section --remove-producers-section --experimental-reset-state-function \
  "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/wasm-release/routewijzer.wasm

# -Oz without binaryen's inlining (-aimfs 0 -ocimfs 0): inlining makes the file a little
# smaller raw but about 9 KB larger gzipped, and gzip is what travels (BENCHMARKS.md).
step "wasm-opt -Oz (no inlining)"
node_modules/.bin/wasm-opt -Oz -aimfs 0 -ocimfs 0 --strip-debug --strip-producers \
  --enable-bulk-memory --enable-reference-types --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals --enable-multivalue \
  pkg/routewijzer_bg.wasm -o pkg/routewijzer_bg.wasm

step "Loket folder dist/routewijzer/ (and www/pkg, www/i18n for the demo page)"
# The translation store lives in src/i18n/ (the core reads it too); the shell fetches
# i18n/<lang>.json next to its script.
rm -rf www/pkg www/i18n dist/routewijzer
cp -r pkg www/pkg
mkdir -p www/i18n
cp src/i18n/*.json www/i18n/
mkdir -p dist/routewijzer
cp -r pkg dist/routewijzer/pkg
cp www/routewijzer.js www/routewijzer.d.ts www/routewijzer.css dist/routewijzer/
cp -r www/js dist/routewijzer/js
cp -r www/i18n dist/routewijzer/i18n
cp -r www/data dist/routewijzer/data
rm -f dist/routewijzer/pkg/.gitignore www/pkg/.gitignore

wasm=pkg/routewijzer_bg.wasm
printf '\nwasm: %s bytes, %s gzip\n' "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
