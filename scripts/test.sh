#!/usr/bin/env bash
# Set up (package + test tools in .venv, headless Chromium), then run the whole test suite from .venv.
# Extra arguments go to pytest (e.g. -k store -x).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test browser
VENV=${GEO_EVENTS_VENV:-.venv}
export PATH="$PWD/$VENV/bin:$PATH"   # tests that start `geo-events` find the venv's one
exec "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
