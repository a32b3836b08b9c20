#!/usr/bin/env bash
# Set up, then serve the API and the map on the bundled seed data (http://127.0.0.1:8000).
# Extra arguments go to `geo-events serve` (e.g. --host 0.0.0.0 --port 9000 --store data/events.geojson).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec geo-events serve "$@"
