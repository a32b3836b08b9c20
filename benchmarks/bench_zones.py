"""Zone history: a country-sized front moving every day — import, ``zones_at`` / ``controller_at`` over
730 days, ``changes`` and the km² ``diff`` over a year; the bundled Deir ez-Zor history beside it.

Data: a made-up front across a Ukraine-sized box (22–40° E, 44–52° N), two controllers split by a wavy
line of 161 vertices that moves east or west every day (seeded ``random.Random(18)``); one GeoJSON
snapshot per day, written to a temporary folder and imported with ``read_series`` (730 snapshots in full
mode, 30 in smoke). Peer for ``zones_at``: a GeoDataFrame of the same states filtered by date and turned
into GeoJSON (``__geo_interface__``). Target (issue 18): a year of daily snapshots of a country-sized
history answers every day in < 1 s in all. Run alone: ``python -m benchmarks.bench_zones``.
"""

from __future__ import annotations

import json
import math
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

WEST, EAST = (22.0, 44.0), (40.0, 52.0)
START = date(2022, 1, 1)


def front_snapshots(folder: Path, days: int) -> None:
    """Write ``days`` daily snapshots of a two-sided front (one GeoJSON file per day)."""
    rng = random.Random(18)
    offset = 0.0
    (minx, miny), (maxx, maxy) = WEST, EAST
    for index in range(days):
        offset += rng.uniform(-0.05, 0.05)
        line = [(31.0 + offset + 0.6 * math.sin(i / 9 + index / 40) + 0.15 * math.sin(i * 1.7), miny + i * 0.05)
                for i in range(161)]
        west = [(minx, miny), *line, (minx, maxy), (minx, miny)]
        east = [(maxx, miny), (maxx, maxy), *reversed(line), (maxx, miny)]
        features = [{"type": "Feature", "properties": {"controller": name},
                     "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}}
                    for name, ring in (("West", west), ("East", east))]
        day = START + timedelta(days=index)
        (folder / f"{day.isoformat()}.geojson").write_text(json.dumps({"type": "FeatureCollection",
                                                                        "features": features}))


def _timed(func: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = func()
    return time.perf_counter() - started, result


def run(smoke: bool = False) -> list[dict[str, Any]]:
    """Return the zone-history rows."""
    import geopandas as gpd
    import pandas as pd

    from benchmarks.report import make_row
    from geo_events.zone_history import default_history, read_series, territory_diff

    days = 30 if smoke else 730
    rows = []
    with tempfile.TemporaryDirectory(prefix="geo-events-bench-zones-") as tmp:
        folder = Path(tmp)
        front_snapshots(folder, days)
        import_s, imported = _timed(lambda: read_series(folder))
        history = imported.history()
        rows.append(make_row(f"zone history import, {days} daily snapshots (2 polygons each)", round(import_s, 3),
                             unit="s", note=f"{len(history.states)} states; read_series of a folder of GeoJSON"))
        all_days = [START + timedelta(days=i) for i in range(days)]
        zones_s, answers = _timed(lambda: [history.zones_at(d) for d in all_days])
        correct = all(len(a["features"]) == 2 for a in answers)
        frame = gpd.GeoDataFrame(
            {"controller": [s.controller for s in history.states],
             "valid_from": pd.to_datetime([s.valid_from for s in history.states]),
             "valid_to": pd.to_datetime([s.valid_to for s in history.states])},
            geometry=[s.geometry for s in history.states], crs="EPSG:4326")

        def peer() -> list[dict]:
            out = []
            for d in all_days:
                stamp = pd.Timestamp(d)
                out.append(frame[(frame.valid_from <= stamp) & (frame.valid_to >= stamp)].__geo_interface__)
            return out

        peer_s, peer_answers = _timed(peer)
        agree = all(len(p["features"]) == len(a["features"]) for p, a in zip(peer_answers, answers))
        rows.append(make_row(f"zones_at every day of {days} (country-sized front)", round(zones_s * 1000, 1),
                             round(peer_s * 1000, 1), unit="ms", target="a year of days < 1 s in all",
                             met=(zones_s * 365 / days < 1.0) if not smoke else None,
                             note=f"{days} FeatureCollections, 2 states each: {correct}; same counts as the "
                                  f"geopandas date filter: {agree}; peer: GeoDataFrame mask + __geo_interface__"))
        point = (48.0, 31.0)
        at_s, at = _timed(lambda: [history.controller_at(point, d) for d in all_days])
        flips = sum(1 for a, b in zip(at, at[1:]) if a["controller"] != b["controller"])
        rows.append(make_row(f"controller_at one point, every day of {days}", round(at_s * 1000, 1), unit="ms",
                             target="a year of days < 1 s in all",
                             met=(at_s * 365 / days < 1.0) if not smoke else None,
                             note=f"the point near the front changes hands {flips} times"))
        last = all_days[min(364, days - 1)]
        diff_s, diff = _timed(lambda: territory_diff(history, START, last))
        net = {r.controller: round(r.net_km2) for r in diff}
        balanced = abs(sum(r.net_km2 for r in diff)) < 1.0
        rows.append(make_row(f"zones diff over {(last - START).days} days (EPSG:6933)", round(diff_s * 1000, 1),
                             unit="ms", note=f"net km² {net}; gains and losses balance: {balanced}"))
        span = all_days[: min(days, 365)]
        changes_s, changes = _timed(lambda: history.changes(span[0], span[-1]))
        rows.append(make_row(f"zones changes over {len(span)} days (overlay each day)", round(changes_s, 2),
                             unit="s", target="", note=f"{len(changes)} changes of control found; every day "
                             "is a change date here, so this is the worst case"))
    seeds = default_history()
    rows.extend(_reporting_rows(seeds, 50 if smoke else 500))
    seed_days = [date(2018, 1, 1) + timedelta(days=i) for i in range(730 if not smoke else 30)]
    seed_s, _ = _timed(lambda: [seeds.zones_at(d) for d in seed_days])
    seed_at_s, _ = _timed(lambda: [seeds.controller_at((35.30088, 40.28916), d) for d in seed_days])
    rows.append(make_row(f"bundled Deir ez-Zor history: zones_at + controller_at(Khasham), {len(seed_days)} days",
                         round((seed_s + seed_at_s) * 1000, 1), unit="ms",
                         note=f"zones_at {seed_s * 1000:.1f} ms, controller_at {seed_at_s * 1000:.1f} ms"))
    return rows


def _reporting_rows(seeds: Any, count: int) -> list[dict[str, Any]]:
    """``count`` territorial-change events over 2018 in the Deir ez-Zor box on top of the bundled zones."""
    from benchmarks.report import make_row
    from geo_events.zone_history.derive import history_from_reporting

    rng = random.Random(2018)
    actors = ("Syrian Democratic Forces", "ISIS", "Syrian government")
    villages = [(rng.uniform(39.8, 41.2), rng.uniform(34.4, 35.6)) for _ in range(count // 3)]
    events = []
    for i in range(count):
        lon, lat = villages[i % len(villages)]
        events.append({"type": "Feature", "id": f"evt-{i}", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                       "properties": {"event_date": (date(2018, 1, 1) + timedelta(days=rng.randrange(365))).isoformat(),
                                      "sub_event_type": "Non-state actor overtakes territory",
                                      "actor1": rng.choice(actors), "actor2": "ISIS", "iso3": "SYR",
                                      "place_id": f"v{i % len(villages)}", "place_kind": "village",
                                      "sources": [{"publisher": "made-up", "title": f"report {i}"}]}})
    derive_s, (history, derivation) = _timed(lambda: history_from_reporting(events, seeds))
    changes_s, changes = _timed(lambda: history.changes("2018-01-01", "2018-12-31"))
    diff_s, _ = _timed(lambda: __import__("geo_events.zone_history", fromlist=["territory_diff"]).territory_diff(
        history, "2018-01-01", "2018-12-31"))
    at_s, _ = _timed(lambda: [history.controller_at((lat, lon), date(2018, 6, 1)) for lon, lat in villages])
    return [
        make_row(f"derive zones from {count} capture reports ({len(villages)} villages, 2018)", round(derive_s, 3),
                 unit="s", note=f"{len(derivation.claims)} claims; {len(derivation.skipped)} skipped; discs clipped "
                                "by Voronoi cells and the neighbouring bundled zones"),
        make_row(f"zones changes over 2018 with {count} reported captures", round(changes_s, 3), unit="s",
                 note=f"{len(changes)} changes; only the ground of the states starting/ending each day is overlaid"),
        make_row(f"zones diff over 2018 with {count} reported captures", round(diff_s * 1000, 1), unit="ms",
                 note="EPSG:6933, smallest-over-largest painting of both days"),
        make_row(f"controller_at each of {len(villages)} villages on one day", round(at_s * 1000, 1), unit="ms",
                 note=f"{len(history.states)} states in the history"),
    ]


def main() -> None:
    """Print the rows."""
    for row in run(smoke="--smoke" in sys.argv):
        print(f"{row['what']}: {row['ours']} (peer {row['peer']}; target {row['target']}; met {row.get('met')})"
              f" — {row['note']}")


if __name__ == "__main__":
    main()
