#!/usr/bin/env bash
# The main job: builds the widget (core -> wasm) and serves the demo loket page with
# the default catalog, printing its URL. Installs what it needs; safe to run again.
#   PORT=8080 bash scripts/run.sh      serve on another port (default 8080)
#   bash scripts/run.sh cli [PROFILE]  print the text report for a profile instead
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "cli" ]; then
  PROFILE="${2:-tests/fixtures/profiles/hbo-zij-instromer-po.json}"
  cargo build --locked --release --quiet
  ./target/release/routewijzer validate www/data/catalog.json
  exec ./target/release/routewijzer match --catalog www/data/catalog.json --profile "$PROFILE" \
    --today "${TODAY:-$(date -u +%F)}" --format text --limit 15
fi

command -v node >/dev/null || { echo "node not found: install Node.js 20 or later" >&2; exit 1; }
bash scripts/build-web.sh
exec node scripts/serve.mjs --root www --port "${PORT:-8080}"
