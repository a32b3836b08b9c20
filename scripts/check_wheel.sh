#!/usr/bin/env bash
# Check what the Docker image does, without Docker: build the wheel, install it in a clean virtualenv far
# from the source tree, and serve the seed map from it as an unprivileged user (when run as root).
#   bash scripts/check_wheel.sh        # prints each step; exit 0 when the installed package serves the map
# PYTHON picks the interpreter (default python3). Needs PyPI (or pip's cache) for the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
work=$(mktemp -d /tmp/geo-events-wheel.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s)
step() { echo "check_wheel: [$(( $(date +%s) - started )) s] $*"; }

step "building the wheel"
"$PY" -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" . 2>&1 | grep -v '^WARNING: Location' || true
wheel=$(ls "$work"/dist/geo_events-*.whl)
step "installing $(basename "$wheel") into a clean venv"
"$PY" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel" 2>&1 | grep -v '^WARNING: Location' || true
mkdir -p "$work/home" "$work/data"
# The caller's built world gazetteer index is reused when it matches (the folder is named by a hash of the
# data and code, the same for the installed copy), so the check does not spend a minute building it again.
# CHECK_WHEEL_FRESH=1 builds it anew.
cache_from=${GEO_EVENTS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/geo-events}
if [ -z "${CHECK_WHEEL_FRESH:-}" ] && [ -d "$cache_from" ]; then
  key=$(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work/home" "$work/venv/bin/python" -c \
    'from geo_events.gazetteer.cache import cache_key; print(cache_key(None, True))')
  if [ -f "$cache_from/gazetteer-$key/meta.json" ]; then
    mkdir -p "$work/home/.cache/geo-events"
    cp -r "$cache_from/gazetteer-$key" "$work/home/.cache/geo-events/"
    step "reusing the built gazetteer index gazetteer-$key"
  else
    step "no built gazetteer index gazetteer-$key in $cache_from: the server builds it (about a minute)"
  fi
fi

as_user=()
if [ "$(id -u)" = "0" ]; then
  chown -R nobody "$work"
  chmod 755 "$work"
  as_user=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
  step "serving as user nobody (uid $(id -u nobody))"
else
  step "serving as $(id -un) (not root: no other user to switch to)"
fi
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$work"  # no source tree in sight: seeds must come from the installed package
env -i PATH=/usr/bin:/bin HOME="$work/home" GEO_EVENTS_STORE="$work/data/events.geojson" \
  "${as_user[@]}" "$work/venv/bin/geo-events" serve --host 127.0.0.1 --port "$port" --log-level warning \
  > "$work/serve.log" 2>&1 &
server=$!

"$work/venv/bin/python" - "$port" <<'PY'
import json, sys, time, urllib.request

base = f"http://127.0.0.1:{sys.argv[1]}"
deadline = time.monotonic() + 180
while True:
    try:
        with urllib.request.urlopen(base + "/health", timeout=5) as r:
            if r.status == 200:
                break
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit("check_wheel: the installed server did not answer /health within 180 s")
    time.sleep(0.2)

print(f"check_wheel: /health answered {time.monotonic() - deadline + 180:.1f} s after the server started")


def get(path):
    with urllib.request.urlopen(base + path, timeout=120) as r:
        return r.status, r.headers, r.read()

status, headers, page = get("/maps/events.html?date=2018-02-07")
assert status == 200 and headers.get("X-Events-Drawn") == "1", (status, dict(headers))
assert b"GeoEvents.EventLayer" in page and b"unpkg.com" not in page, "map page is not the offline seed map"
status, _, body = get("/zones?date=2018-02-07")
assert status == 200 and json.loads(body)["features"], "no control zones: seeds not found"
status, _, body = get("/events?bbox=40,34.5,41,35.5&start=2018-02-01&end=2018-02-28")
assert [f["properties"]["location"] for f in json.loads(body)["features"]] == ["Khasham"], body[:300]
print(f"check_wheel: the installed wheel serves the seed map, zones and events "
      f"({time.monotonic() - deadline + 180:.1f} s after the server started)")
PY
step "ok"
