"""Store benchmarks: ingest throughput, time and peak RSS to open a large store, in-process queries.

* Ingest: ``upsert_many`` in batches of 1,000 (validation + journal append + fsync + automatic
  compaction), and single-event ``upsert`` calls (one fsync each), into a fresh store in a temp folder.
* Open: a fresh subprocess opens the cached N-event file with ``GeoJSONFileStore`` and reports the time
  (imports excluded) and its peak RSS (``VmHWM``; ``ru_maxrss`` would inherit the parent's peak), then
  times in-process bbox+date queries. The peer is what an analyst does today: ``geopandas.read_file``
  (pyogrio/GDAL) on the same file in its own subprocess, then the same queries with ``gdf.cx`` and a
  date mask. Both sides' counts are compared.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

from benchmarks.generate import cached_store_file, iter_features
from benchmarks.report import make_row

OPEN_TARGET_S = 10.0
RSS_TARGET_MB = 2048.0

# Runs in a fresh interpreter: open the store, report time and peak RSS, then time queries.
_OURS_SCRIPT = r"""
import json, sys, time
from datetime import date
from geo_events.query import EventQuery
from geo_events.store import GeoJSONFileStore
path, windows = sys.argv[1], json.loads(sys.argv[2])
started = time.perf_counter()
store = GeoJSONFileStore(path, compact_every=0)
events = len(store)
open_s = time.perf_counter() - started
rss_open = [int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
timings, counts = {}, []
for limit in (100, 1000):
    ms = []
    for rep in range(5):
        for w in windows:
            q = EventQuery(bbox=tuple(w[0]), start=date.fromisoformat(w[1]), end=date.fromisoformat(w[2]), limit=limit)
            t = time.perf_counter()
            result = store.query(q)
            ms.append((time.perf_counter() - t) * 1000)
            if rep == 0 and limit == 100:
                counts.append(result.number_matched)
    timings[limit] = ms
print(json.dumps({"open_s": open_s, "events": events, "rss_mb": rss_open, "timings": timings, "counts": counts}))
"""

_PEER_SCRIPT = r"""
import json, sys, time
import geopandas, pandas
path, windows = sys.argv[1], json.loads(sys.argv[2])
started = time.perf_counter()
gdf = geopandas.read_file(path, engine="pyogrio")
events = len(gdf)
open_s = time.perf_counter() - started
rss_open = [int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
day = pandas.to_datetime(gdf["event_date"])
gdf = gdf.assign(_day=day)
timings, counts = {}, []
for limit in (100, 1000):
    ms = []
    for rep in range(5):
        for w in windows:
            minx, miny, maxx, maxy = w[0]
            t = time.perf_counter()
            box = gdf.cx[minx:maxx, miny:maxy]
            hit = box[(box["_day"] >= w[1]) & (box["_day"] <= w[2])].sort_values("_day", kind="stable")
            page = hit.head(limit).drop(columns="_day").to_json(default=str)
            ms.append((time.perf_counter() - t) * 1000)
            if rep == 0 and limit == 100:
                counts.append(len(hit))
    timings[limit] = ms
print(json.dumps({"open_s": open_s, "events": events, "rss_mb": rss_open, "timings": timings, "counts": counts}))
"""


def _run_script(script: str, path: Path, windows: list, timeout: float) -> dict[str, Any] | None:
    """Run one measuring script in a fresh interpreter; return its JSON, or None when it timed out."""
    try:
        out = subprocess.run([sys.executable, "-c", script, str(path), json.dumps(windows)], capture_output=True,
                             text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        raise RuntimeError(f"measuring subprocess failed: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _windows(smoke: bool) -> list:
    from benchmarks.bench_api import query_windows

    return [[list(w.bbox), w.start.isoformat(), w.end.isoformat()] for w in query_windows(6 if smoke else 12)]


def bench_ingest(smoke: bool) -> list[dict]:
    """Measure batch and single-event ingest throughput into a fresh store."""
    from geo_events.store import GeoJSONFileStore

    batch_events = 500 if smoke else 20_000
    single_events = 30 if smoke else 300
    features = list(iter_features(batch_events + single_events, seed=7))
    with tempfile.TemporaryDirectory(prefix="geo-events-bench-store-") as tmp:
        store = GeoJSONFileStore(Path(tmp) / "events.geojson")
        started = time.perf_counter()
        iterator = iter(features[:batch_events])
        while batch := list(islice(iterator, 1000)):
            store.upsert_many(batch)
        batch_rate = batch_events / (time.perf_counter() - started)
        started = time.perf_counter()
        for feature in features[batch_events:]:
            store.upsert(feature)
        single_rate = single_events / (time.perf_counter() - started)
        stored = len(store)
    ok = stored == batch_events + single_events
    note = f"{stored:,} events stored{'' if ok else ' — COUNT WRONG'}; includes validation, fsync, auto-compaction"
    return [
        make_row(f"store ingest, upsert_many batches of 1,000 ({batch_events:,} events)", batch_rate, None,
                 unit="events/s", higher_is_better=True, note=note),
        make_row(f"store ingest, one upsert per event ({single_events} events)", single_rate, None,
                 unit="events/s", higher_is_better=True, note="one durable journal append (fsync) per event"),
    ]


def bench_open(size: int, smoke: bool) -> list[dict]:
    """Open an N-event store in a subprocess, cold and warm (time, peak RSS, queries) vs GeoPandas.

    Cold: no ``.idx`` sidecar, so every line of the snapshot is parsed (a file written by another tool or
    edited in QGIS). Warm: the sidecar that compaction writes is there (the normal state of a store).
    """
    path = cached_store_file(size)
    windows = _windows(smoke)
    timeout = 120 if smoke else 600
    path.with_name(path.name + ".idx").unlink(missing_ok=True)
    cold = _run_script(_OURS_SCRIPT, path, windows, timeout)
    warm = _run_script(_OURS_SCRIPT, path, windows, timeout)
    peer = _run_script(_PEER_SCRIPT, path, windows, timeout)
    label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
    size_mb = path.stat().st_size / 1e6
    big = size >= 1_000_000 and not smoke
    peer_open: float | str | None = peer["open_s"] if peer else f"> {timeout}"
    peer_note = f"peer: geopandas.read_file (pyogrio) opened {peer['events']:,}" if peer else "peer timed out"
    rows = []
    for kind, ours in (("cold, no .idx", cold), ("warm, .idx from compaction", warm)):
        if ours is None:
            rows.append(make_row(f"store open ({kind}), {label} events", f"> {timeout}", peer_open, unit="s",
                                 met=False if big else None, note="timed out"))
            continue
        rows.append(make_row(
            f"store open ({kind}), {label} events, {size_mb:,.0f} MB file", ours["open_s"], peer_open, unit="s",
            target=f"< {OPEN_TARGET_S:g} s at 1M" if big else "", met=(ours["open_s"] < OPEN_TARGET_S) if big else None,
            note=f"{ours['events']:,} events opened; {peer_note}",
        ))
        rows.append(make_row(
            f"peak RSS after open ({kind}), {label} events", ours["rss_mb"], peer["rss_mb"] if peer else None,
            unit="MB", target=f"< {RSS_TARGET_MB:g} MB at 1M" if big else "",
            met=(ours["rss_mb"] < RSS_TARGET_MB) if big else None,
            note="VmHWM of a fresh subprocess (interpreter + imports included)",
        ))
    ours = warm or cold
    if ours is None:
        return rows
    from benchmarks._http import percentile

    for limit in (100, 1000):
        same = peer is not None and peer["counts"] == ours["counts"]
        rows.append(make_row(
            f"in-process bbox+date query p95, {label} events, limit {limit}",
            percentile(ours["timings"][str(limit)], 95),
            percentile(peer["timings"][str(limit)], 95) if peer else None, unit="ms",
            note=(f"store.query vs GeoDataFrame .cx + date mask + sort + to_json; "
                  f"n={len(ours['timings'][str(limit)])}; "
                  f"match counts {'identical' if same else 'DIFFER'} in {len(ours['counts'])} windows"),
        ))
    return rows


def run(smoke: bool = False) -> list[dict]:
    """Run the store benchmarks and return table rows (see ``benchmarks.report``).

    Parameters
    ----------
    smoke
        Tiny data (seconds), to keep the harness working in CI.
    """
    rows = bench_ingest(smoke)
    for size in (1000,) if smoke else (100_000, 1_000_000):
        rows.extend(bench_open(size, smoke))
    return rows
