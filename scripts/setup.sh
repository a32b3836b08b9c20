#!/usr/bin/env bash
# Install geo-events and everything it needs, from the project's own files.
#   bash scripts/setup.sh          # the package (editable) + test tools
#   bash scripts/setup.sh browser  # also headless Chromium from Debian's packages (browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -m pip install --disable-pip-version-check -q -e ".[test,bench]"
if [ "${1:-}" = "browser" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "setup: installing Chromium (Debian package) for browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
      || echo "setup: could not install Chromium; browser tests will be skipped" >&2
  else
    echo "setup: Chromium not installed and no root apt-get; browser tests will be skipped" >&2
  fi
fi
