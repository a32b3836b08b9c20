"""Map build time and HTML size: ``maps.render`` vs Folium's default MarkerCluster, one Marker per event.

Both sides map the same deterministic synthetic events (``benchmarks.generate``) at 1k / 10k / 100k. The
peer is the usual Folium recipe (``MarkerCluster`` + one ``folium.Marker`` with a one-line popup per
event: less than our popups carry); it runs in a subprocess with a time limit, so a peer that cannot
finish is reported as ``> limit``. Ours is ``maps.render.render_html(..., self_contained=True)``, i.e.
the offline page with Leaflet inlined. Both pages are checked to hold every event before they count.

Targets (issue 7): 100k events build in < 3 s and weigh < 15 MB.

Run: ``python -m benchmarks.bench_maps [--smoke]`` (or through ``python -m benchmarks``).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 3.0
TARGET_MB = 15.0

_PEER_SCRIPT = r"""
import json, sys, time
import folium
from folium.plugins import MarkerCluster
from benchmarks.generate import iter_features

def build(features):
    fmap = folium.Map(location=[35.0, 40.0], zoom_start=7)
    cluster = MarkerCluster(name="Events").add_to(fmap)
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"][:2]
        p = feature["properties"]
        text = f"{p['event_date']} {p['event_type']}: {p['location']} ({p['fatalities_best']} killed)"
        folium.Marker([lat, lon], popup=folium.Popup(text, parse_html=True)).add_to(cluster)
    return fmap.get_root().render()

n = int(sys.argv[1])
features = list(iter_features(n))
build(features[:10])  # warm-up: imports and templates
started = time.perf_counter()
page = build(features)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "bytes": len(page.encode("utf-8")), "markers": page.count("L.marker(")}))
"""


def _payload_count(page: str) -> int:
    """Return how many events the payload of one of our pages holds (decoded independently)."""
    match = re.search(r'<script type="application/json" id="(?!geo_events_place_labels)[^"]+"( data-encoding="deflate-base64")?>(.*?)</script>', page, re.DOTALL)
    if not match:
        return -1
    if match.group(1):
        raw = b"".join(zlib.decompress(base64.b64decode(chunk)) for chunk in match.group(2).split("."))
        return len(json.loads(raw)["rows"])
    return len(json.loads(match.group(2))["rows"])


def measure_ours(features: list[dict[str, Any]], repeat: int = 1) -> dict[str, float]:
    """Build our self-contained page ``repeat`` times; return the best time, its size and event count."""
    from maps.render import render_html

    collection = {"type": "FeatureCollection", "features": features}
    render_html({"type": "FeatureCollection", "features": features[:10]}, river=None, self_contained=True)
    best, page = float("inf"), ""
    for _ in range(repeat):
        started = time.perf_counter()
        page = render_html(collection, river=None, self_contained=True)
        best = min(best, time.perf_counter() - started)
    return {"seconds": best, "bytes": len(page.encode("utf-8")), "events": _payload_count(page)}


def measure_peer(n: int, timeout: float) -> dict[str, Any] | None:
    """Build the Folium MarkerCluster page for ``n`` events in a subprocess; None when over ``timeout``."""
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _PEER_SCRIPT, str(n)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        raise RuntimeError(f"peer failed: {proc.stderr.strip().splitlines()[-1:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(smoke: bool = False) -> list[dict[str, Any]]:
    """Return the benchmark rows (build time and HTML size per event count)."""
    from benchmarks.generate import iter_features
    from benchmarks.report import load_average, make_row

    sizes = (200, 1_000) if smoke else (1_000, 10_000, 100_000)
    peer_limit = 60.0 if smoke else 240.0
    rows: list[dict[str, Any]] = []
    for n in sizes:
        features = list(iter_features(n))
        ours = measure_ours(features, repeat=3 if n <= 10_000 else 2)
        peer = measure_peer(n, peer_limit)
        complete = ours["events"] == n and (peer is None or peer["markers"] == n)
        is_target = n == 100_000
        peer_seconds: float | str | None = peer["seconds"] if peer else f"> {peer_limit:g}"
        peer_mb: float | str | None = peer["bytes"] / 1e6 if peer else None
        check = f"both pages hold all {n} events" if complete else f"EVENT COUNT MISMATCH (ours {ours['events']})"
        rows.append(
            make_row(
                f"map build, {n:,} events (self-contained page vs Folium MarkerCluster)",
                round(ours["seconds"], 3),
                round(peer_seconds, 3) if isinstance(peer_seconds, float) else peer_seconds,
                unit="s",
                target=f"< {TARGET_SECONDS:g} s at 100k" if is_target else "",
                met=(ours["seconds"] < TARGET_SECONDS and complete) if is_target else None,
                note=f"{check}; best of {3 if n <= 10_000 else 2}; peer in a subprocess, limit {peer_limit:g} s; "
                f"load average {load_average()} on {os.cpu_count()} cores",
            )
        )
        rows.append(
            make_row(
                f"map HTML size, {n:,} events",
                round(ours["bytes"] / 1e6, 2),
                round(peer_mb, 2) if peer_mb is not None else None,
                unit="MB",
                target=f"< {TARGET_MB:g} MB at 100k" if is_target else "",
                met=(ours["bytes"] / 1e6 < TARGET_MB) if is_target else None,
                note="ours inlines Leaflet (~0.2 MB) and every popup's data; the peer loads Leaflet from CDNs"
                + ("" if peer else "; peer did not finish"),
            )
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    """Print the rows as JSON lines."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_maps")
    parser.add_argument("--smoke", action="store_true", help="small N (seconds)")
    args = parser.parse_args(argv)
    for row in run(smoke=args.smoke):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
