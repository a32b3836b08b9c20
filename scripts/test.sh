#!/usr/bin/env bash
# Set up (package, test tools, headless Chromium), then run the whole test suite.
# Extra arguments go to pytest (e.g. -k store -x).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh browser
exec python3 -m pytest -p no:cacheprovider "$@"
