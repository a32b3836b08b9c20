#!/usr/bin/env bash
# Set up (runtime dependencies only, in .venv), then serve the API and the map on the bundled seed data
# (http://127.0.0.1:8000). Extra arguments go to `geo-events serve`, e.g.
#   bash scripts/serve.sh --port 9000 --host 0.0.0.0 --store data/events.geojson
# The first run creates .venv and installs (~1–2 min on a fresh machine); later runs skip installing
# unless pyproject.toml changed, so the server answers within seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime
exec "${GEO_EVENTS_VENV:-.venv}/bin/geo-events" serve "$@"
