#!/usr/bin/env bash
# Install geo-events into the project's own virtualenv (.venv, stdlib venv), from the project's own files.
#   bash scripts/setup.sh              # runtime only: what `geo-events serve` needs (scripts/serve.sh)
#   bash scripts/setup.sh test         # + test tools (pytest, hypothesis, schemathesis, playwright, psutil),
#                                      #   the PostGIS driver (psycopg) and, as root with apt-get, PostgreSQL 15 +
#                                      #   PostGIS 3 from Debian's packages (the PostGIS tests skip without them)
#   bash scripts/setup.sh test browser # + headless Chromium from Debian's packages (browser tests)
#
# Never installs into the system Python (Debian's python3 refuses that: PEP 668), so it works there as
# well as on any Python >= 3.11 with pip. Installing is skipped when nothing it depends on changed
# (pyproject.toml, the chosen extras, the Python version): a second run takes well under a second.
# GEO_EVENTS_VENV moves the virtualenv; PYTHON picks the interpreter that creates it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${GEO_EVENTS_VENV:-.venv}

profile=runtime
browser=no
for arg in "$@"; do
  case "$arg" in
    runtime) ;;
    test) profile=test ;;
    browser) browser=yes ;;
    *) echo "setup: unknown argument '$arg' (use: runtime, test, browser)" >&2; exit 2 ;;
  esac
done

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: geo-events needs Python >= 3.11; '$PY' is $("$PY" --version 2>&1 || echo missing)" >&2
  exit 2
fi

# 1. The virtualenv. Debian ships venv without ensurepip unless python3-venv is installed.
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
      echo "setup: installing python3-venv (Debian package) to create $VENV…"
      pyver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "python${pyver}-venv" >/dev/null) || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends python3-venv >/dev/null
      "$PY" -m venv "$VENV"
    else
      echo "setup: '$PY -m venv' failed; install your distribution's venv package (Debian: sudo apt-get install python3-venv)" >&2
      exit 2
    fi
  fi
fi
VPY="$VENV/bin/python"

# 2. The package (editable, so code edits need no reinstall) with the extras of the profile.
case "$profile" in
  runtime) target="." ;;
  test) target=".[test,bench,postgis]" ;;
esac
stamp_file="$VENV/.geo-events-installed"
inputs="$("$VPY" -c 'import sys; print(sys.version.split()[0])') $(cksum < pyproject.toml)"
have=$(cat "$stamp_file" 2>/dev/null || true)
current=no
# A test install also satisfies serve (a superset); a runtime install does not satisfy test.
if [ "$have" = "$profile $inputs" ] || { [ "$profile" = runtime ] && [ "$have" = "test $inputs" ]; }; then
  "$VPY" -c 'import geo_events' 2>/dev/null && current=yes
fi
if [ "$current" = yes ]; then
  echo "setup: $VENV is up to date ($profile)"
else
  echo "setup: installing geo-events ($profile) into $VENV…"
  started=$(date +%s)
  "$VPY" -m pip install --disable-pip-version-check -q -e "$target"
  echo "$profile $inputs" > "$stamp_file"
  echo "setup: done in $(( $(date +%s) - started )) s"
fi

# 3. Headless Chromium for the browser tests (Debian package; never a downloaded browser build).
if [ "$browser" = yes ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "setup: installing Chromium (Debian package) for browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
      || echo "setup: could not install Chromium; browser tests will be skipped" >&2
  else
    echo "setup: Chromium not installed and no root apt-get; browser tests will be skipped" >&2
  fi
fi

# 4. PostgreSQL + PostGIS for the PostGIS store's tests (test profile only: serving never installs a
#    database). The tests start their own throw-away cluster with scripts/postgis-dev. gdal-bin (GDAL 3.6,
#    with the PostgreSQL driver pyogrio's wheels lack) lets them read the events table as GDAL/QGIS do.
if [ "$profile" = test ] && { ! bash scripts/postgis-dev available 2>/dev/null || ! command -v ogrinfo >/dev/null 2>&1; }; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "setup: installing PostgreSQL 15 + PostGIS 3 + gdal-bin (Debian packages) for the PostGIS store tests…"
    pg_packages="postgresql-15 postgresql-15-postgis-3 postgresql-client-15 gdal-bin"
    # shellcheck disable=SC2086
    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pg_packages >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
           $pg_packages >/dev/null; }) \
      || echo "setup: could not install PostgreSQL/PostGIS; the PostGIS tests will be skipped" >&2
  else
    echo "setup: PostgreSQL/PostGIS not installed and no root apt-get; the PostGIS tests will be skipped" >&2
  fi
fi
