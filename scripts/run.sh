#!/usr/bin/env bash
# The main job: builds the core and runs the matcher on the default catalog for an
# example profile (the browser widget and demo page come with the browser build).
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE="${1:-tests/fixtures/profiles/hbo-zij-instromer-po.json}"
TODAY="${TODAY:-$(date -u +%F)}"
cargo build --locked --release --quiet
./target/release/routewijzer validate www/data/catalog.json
./target/release/routewijzer match --catalog www/data/catalog.json --profile "$PROFILE" --today "$TODAY" --format text --limit 15
