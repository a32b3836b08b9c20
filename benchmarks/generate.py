"""Deterministic synthetic conflict events for benchmarks (seeded; same N and seed → same bytes).

Events fall over Syria and Iraq, most of them clustered around towns along the Euphrates (Jarabulus to
Fallujah) or scattered along the river's course between them, a few anywhere in the two countries. Dates
run over 2017–2019 with a local peak per town (Raqqa in 2017, Hajin late 2018, Baghuz early 2019 …),
event types follow a rough ACLED mix, and each event carries one or two sources and one to three
attributed casualty claims. Every event is valid against ``geo_events.models.Event``.

The store file is written directly in the snapshot layout ``GeoJSONFileStore`` reads on its fast path
(one feature per line), which is also a plain RFC 7946 FeatureCollection that pygeoapi and GDAL read.
Beside it, ``<file>.columns.npz`` keeps lon, lat and day-number columns so benchmarks can compute the
expected answer of a query independently of the code under test.

Run ``python -m benchmarks.generate 100000 --out events.geojson`` to write a file by hand.
"""

from __future__ import annotations

import argparse
import os
import zlib
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from geo_events.taxonomy import EVENT_TYPES

#: Bump when the generated content changes, so cached files are rebuilt.
GENERATOR_VERSION = 1
DEFAULT_SEED = 20180207
DATA_DIR = Path(__file__).resolve().parent / ".data"

FIRST_DAY = date(2017, 1, 1)
LAST_DAY = date(2019, 12, 31)
_SPAN_DAYS = (LAST_DAY - FIRST_DAY).days + 1

# Snapshot layout of GeoJSONFileStore (header, one feature per line joined by ",\n", footer).
_HEADER = b'{"type":"FeatureCollection","features":[\n'

# Towns on (or next to) the Euphrates, upstream to downstream: name, lat, lon, admin1, country, iso3,
# weight, peak date of fighting. Approximate public coordinates (GeoNames / OpenStreetMap, 2024).
TOWNS: tuple[tuple[str, float, float, str, str, str, float, str], ...] = (
    ("Jarabulus", 36.817, 38.011, "Aleppo", "Syria", "SYR", 0.03, "2017-03-01"),
    ("Manbij", 36.528, 37.955, "Aleppo", "Syria", "SYR", 0.06, "2017-03-01"),
    ("Tabqa", 35.836, 38.548, "Raqqa", "Syria", "SYR", 0.06, "2017-05-10"),
    ("Raqqa", 35.950, 39.010, "Raqqa", "Syria", "SYR", 0.14, "2017-08-15"),
    ("Deir ez-Zor", 35.336, 40.141, "Deir ez-Zor", "Syria", "SYR", 0.12, "2017-10-01"),
    ("Khasham", 35.301, 40.289, "Deir ez-Zor", "Syria", "SYR", 0.04, "2018-02-07"),
    ("Al-Mayadin", 35.019, 40.452, "Deir ez-Zor", "Syria", "SYR", 0.06, "2017-10-14"),
    ("Hajin", 34.692, 40.836, "Deir ez-Zor", "Syria", "SYR", 0.09, "2018-11-15"),
    ("Al-Susah", 34.601, 40.875, "Deir ez-Zor", "Syria", "SYR", 0.04, "2018-12-20"),
    ("Baghuz", 34.462, 40.944, "Deir ez-Zor", "Syria", "SYR", 0.07, "2019-03-01"),
    ("Abu Kamal", 34.452, 40.918, "Deir ez-Zor", "Syria", "SYR", 0.06, "2017-11-15"),
    ("Al-Qaim", 34.369, 41.094, "Anbar", "Iraq", "IRQ", 0.05, "2017-11-03"),
    ("Rawa", 34.471, 41.913, "Anbar", "Iraq", "IRQ", 0.03, "2017-11-17"),
    ("Anah", 34.372, 41.987, "Anbar", "Iraq", "IRQ", 0.03, "2017-09-21"),
    ("Haditha", 34.140, 42.378, "Anbar", "Iraq", "IRQ", 0.03, "2018-06-01"),
    ("Hit", 33.638, 42.827, "Anbar", "Iraq", "IRQ", 0.03, "2018-06-01"),
    ("Ramadi", 33.425, 43.299, "Anbar", "Iraq", "IRQ", 0.04, "2018-01-15"),
    ("Fallujah", 33.349, 43.784, "Anbar", "Iraq", "IRQ", 0.02, "2018-01-15"),
)

#: Share of events scattered along the river between towns, and anywhere in Syria/Iraq.
RIVER_SHARE = 0.20
BACKGROUND_SHARE = 0.08
BACKGROUND_BBOX = (36.0, 32.0, 46.0, 37.0)  # lon/lat box over most of Syria and western Iraq

# Rough ACLED mix for the Syria/Iraq theatre 2017-2019.
_TYPE_WEIGHTS: dict[str, float] = {
    "Explosions/Remote violence": 0.50,
    "Battles": 0.30,
    "Violence against civilians": 0.09,
    "Strategic developments": 0.08,
    "Protests": 0.02,
    "Riots": 0.01,
}
_SUB_TYPES: list[tuple[str, str]] = [(t, s) for t in _TYPE_WEIGHTS for s in EVENT_TYPES[t]]
_SUB_WEIGHTS = np.array(
    [_TYPE_WEIGHTS[t] / len(EVENT_TYPES[t]) for t, _ in _SUB_TYPES], dtype=np.float64
)
_SUB_WEIGHTS /= _SUB_WEIGHTS.sum()

ACTORS = (
    "US-led coalition",
    "Syrian Democratic Forces",
    "Pro-government forces",
    "Syrian government",
    "Russia",
    "Iran-backed militias",
    "ISIS",
    "Turkey",
    "Syrian opposition",
)
CLAIMANTS = ("US-led coalition", "Syrian state media", "SOHR", "SDF media office", "Russian defence ministry")
PUBLISHERS = ("Synthetic Wire", "Example Monitor", "Bench Gazette", "Test Observer")
CONTROLLERS = ("Syrian government & allies", "SDF & US-led coalition", "ISIS", "Contested")


def _river_polyline() -> np.ndarray:
    """The river course approximated by the towns in order, as an (n, 2) array of lon, lat."""
    return np.array([(lon, lat) for _, lat, lon, *_ in TOWNS], dtype=np.float64)


def generate_columns(n: int, seed: int = DEFAULT_SEED) -> dict[str, np.ndarray]:
    """Draw the random columns of ``n`` events (vectorised; deterministic for ``seed``).

    Parameters
    ----------
    n
        Number of events.
    seed
        Seed of numpy's PCG64 generator.

    Returns
    -------
    dict
        Arrays ``lon``, ``lat``, ``day`` (days since 2017-01-01), ``town`` (index into ``TOWNS``,
        -1 for background), ``sub`` (index into the sub-event types), ``actor1``, ``actor2``,
        ``n_claims``, ``killed``, ``wounded``, ``n_sources``, ``precision``.
    """
    rng = np.random.default_rng(seed)
    weights = np.array([t[6] for t in TOWNS])
    weights = weights / weights.sum()
    kind = rng.random(n)
    town = rng.choice(len(TOWNS), size=n, p=weights)
    lat = np.array([TOWNS[i][1] for i in range(len(TOWNS))])[town] + rng.normal(0, 0.04, n)
    lon = np.array([TOWNS[i][2] for i in range(len(TOWNS))])[town] + rng.normal(0, 0.05, n)

    # Along the river: a random point on a random segment, jittered a few km.
    river = _river_polyline()
    on_river = kind < RIVER_SHARE
    seg = rng.integers(0, len(river) - 1, n)
    t = rng.random(n)
    river_lon = river[seg, 0] + t * (river[seg + 1, 0] - river[seg, 0]) + rng.normal(0, 0.03, n)
    river_lat = river[seg, 1] + t * (river[seg + 1, 1] - river[seg, 1]) + rng.normal(0, 0.03, n)
    lon = np.where(on_river, river_lon, lon)
    lat = np.where(on_river, river_lat, lat)
    town = np.where(on_river, np.where(t < 0.5, seg, seg + 1), town)

    background = (kind >= RIVER_SHARE) & (kind < RIVER_SHARE + BACKGROUND_SHARE)
    minx, miny, maxx, maxy = BACKGROUND_BBOX
    lon = np.where(background, rng.uniform(minx, maxx, n), lon)
    lat = np.where(background, rng.uniform(miny, maxy, n), lat)
    town = np.where(background, -1, town)

    # Dates: half around the town's peak (±60 days), half uniform over 2017-2019.
    peaks = np.array([(date.fromisoformat(t[7]) - FIRST_DAY).days for t in TOWNS])
    around_peak = peaks[np.maximum(town, 0)] + rng.normal(0, 60, n)
    uniform = rng.integers(0, _SPAN_DAYS, n)
    day = np.where((rng.random(n) < 0.5) & (town >= 0), around_peak, uniform)
    day = np.clip(np.round(day), 0, _SPAN_DAYS - 1).astype(np.int32)

    return {
        "lon": np.round(np.clip(lon, -180, 180), 5),
        "lat": np.round(np.clip(lat, -90, 90), 5),
        "day": day,
        "town": town.astype(np.int32),
        "sub": rng.choice(len(_SUB_TYPES), size=n, p=_SUB_WEIGHTS).astype(np.int32),
        "actor1": rng.integers(0, len(ACTORS), n).astype(np.int32),
        "actor2": rng.integers(0, len(ACTORS), n).astype(np.int32),
        "n_claims": rng.integers(1, 4, n).astype(np.int32),
        "killed": rng.geometric(0.15, n).astype(np.int32) - 1,
        "wounded": rng.geometric(0.2, n).astype(np.int32) - 1,
        "n_sources": rng.integers(1, 3, n).astype(np.int32),
        "precision": rng.choice([1, 2, 3], size=n, p=[0.7, 0.25, 0.05]).astype(np.int32),
    }


def _feature(i: int, cols: dict[str, np.ndarray], days: list[str]) -> dict[str, Any]:
    """Build event number ``i`` from the columns (valid against ``Event``)."""
    town_index = int(cols["town"][i])
    lon, lat = float(cols["lon"][i]), float(cols["lat"][i])
    if town_index >= 0:
        name, _, _, admin1, country, iso3, _, _ = TOWNS[town_index]
        location = name
    else:
        iraq = lon > 41.2
        location = f"Near {lat:.2f}N {lon:.2f}E"
        admin1, country, iso3 = (None, "Iraq", "IRQ") if iraq else (None, "Syria", "SYR")
    event_type, sub_event_type = _SUB_TYPES[int(cols["sub"][i])]
    a1 = int(cols["actor1"][i])
    a2 = int(cols["actor2"][i])
    if a2 == a1:
        a2 = (a2 + 1) % len(ACTORS)
    event_day = days[int(cols["day"][i])]
    published = days[min(int(cols["day"][i]) + 1, _SPAN_DAYS - 1)]
    event_id = f"bench-{i:07d}"
    sources = [
        {
            "id": f"src-{i:07d}-{k}",
            "publisher": PUBLISHERS[(i + k) % len(PUBLISHERS)],
            "title": f"Synthetic report {k + 1} on {location}",
            "url": f"https://example.org/bench/{i}/{k}",
            "published": published,
        }
        for k in range(int(cols["n_sources"][i]))
    ]
    killed = int(cols["killed"][i])
    claims = []
    for k in range(int(cols["n_claims"][i])):
        source = sources[k % len(sources)]["id"]
        if k == 0:
            claims.append(_claim(source, CLAIMANTS[i % len(CLAIMANTS)], "killed", killed, killed))
        elif k == 1:
            claims.append(_claim(source, CLAIMANTS[(i + 2) % len(CLAIMANTS)], "killed", killed + k * 3, None))
        else:
            wounded = int(cols["wounded"][i])
            claims.append(_claim(source, CLAIMANTS[(i + 3) % len(CLAIMANTS)], "wounded", wounded, wounded))
    killed_high = max(killed, killed + 3) if len(claims) > 1 else killed
    controller = CONTROLLERS[(town_index + i) % len(CONTROLLERS)] if town_index >= 0 else None
    east = town_index >= 0 and TOWNS[town_index][4] == "Syria" and (i % 2 == 0)
    props = {
        "id": event_id,
        "event_date": event_day,
        "date_precision": "day",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": ACTORS[a1],
        "actor2": ACTORS[a2],
        "assoc_actors": [],
        "location": location,
        "admin1": admin1,
        "admin2": None,
        "country": country,
        "iso3": iso3,
        "geo_precision": int(cols["precision"][i]),
        "place_id": None,
        "fatalities_best": killed,
        "fatalities_low": killed,
        "fatalities_high": killed_high,
        "claims": claims,
        "sources": sources,
        "control_zone": controller,
        "side_of_line": ("east" if east else "west") if country == "Syria" and town_index >= 0 else None,
        "notes": None,
        "geocoder": "synthetic",
        "confidence": 0.5,
        "extracted_at": None,
    }
    return {"type": "Feature", "id": event_id, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}


def _claim(source_id: str, claimant: str, kind: str, low: int, high: int | None) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "claimant": claimant,
        "kind": kind,
        "low": low,
        "high": high,
        "vague": False,
        "detail": None,
        "evidence": [],
    }


def iter_features(n: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """Yield ``n`` synthetic event Features (GeoJSON dicts, valid ``Event``s).

    Parameters
    ----------
    n
        Number of events.
    seed
        Random seed; the same ``(n, seed)`` always yields the same events.
    """
    cols = generate_columns(n, seed)
    days = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(_SPAN_DAYS)]
    for i in range(n):
        yield _feature(i, cols, days)


def write_store_file(path: str | os.PathLike[str], n: int, seed: int = DEFAULT_SEED) -> Path:
    """Write ``n`` events as a store snapshot at ``path`` plus ``<path>.columns.npz``; return the path.

    The file is written to a temporary name and renamed, so an interrupted run never leaves a
    half-written file that a later run would reuse.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = generate_columns(n, seed)
    days = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(_SPAN_DAYS)]
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    from geo_events.store.geojson import checksum_footer  # the store's own closing member (CRC-32 per line)

    crcs: list[int] = []
    with open(tmp, "wb") as fh:
        fh.write(_HEADER)
        chunk: list[bytes] = []
        for i in range(n):
            raw = orjson.dumps(_feature(i, cols, days))
            crcs.append(zlib.crc32(raw))
            chunk.append(raw)
            if len(chunk) == 10_000:
                fh.write(b",\n".join(chunk))
                chunk = []
                if i + 1 < n:
                    fh.write(b",\n")
        if chunk:
            fh.write(b",\n".join(chunk))
        fh.write(checksum_footer(crcs))
    columns_tmp = path.with_name(f".{path.name}.{os.getpid()}.npz")
    with open(columns_tmp, "wb") as fh:
        np.savez(fh, lon=cols["lon"], lat=cols["lat"], day=cols["day"])
    os.replace(columns_tmp, columns_path(path))
    os.replace(tmp, path)
    return path


def columns_path(path: str | os.PathLike[str]) -> Path:
    """Return the path of the independent lon/lat/day columns written beside a generated file."""
    path = Path(path)
    return path.with_name(path.name + ".columns.npz")


def load_columns(path: str | os.PathLike[str]) -> dict[str, np.ndarray]:
    """Load the lon/lat/day columns of a generated file (``day`` counts days since 2017-01-01)."""
    with np.load(columns_path(path)) as data:
        return {name: data[name] for name in ("lon", "lat", "day")}


def expected_count(
    columns: dict[str, np.ndarray],
    bbox: tuple[float, float, float, float] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> int:
    """Count generated events inside ``bbox`` (inclusive) and ``start``..``end`` (inclusive), by brute force."""
    mask = np.ones(len(columns["lon"]), dtype=bool)
    if bbox is not None:
        minx, miny, maxx, maxy = bbox
        lon, lat = columns["lon"], columns["lat"]
        mask &= (lon >= minx) & (lon <= maxx) & (lat >= miny) & (lat <= maxy)
    if start is not None:
        mask &= columns["day"] >= (start - FIRST_DAY).days
    if end is not None:
        mask &= columns["day"] <= (end - FIRST_DAY).days
    return int(mask.sum())


def cached_store_file(n: int, seed: int = DEFAULT_SEED, data_dir: Path = DATA_DIR) -> Path:
    """Return the path of a generated ``n``-event file under ``benchmarks/.data``, generating it once."""
    path = Path(data_dir) / f"events-{n}-s{seed}-v{GENERATOR_VERSION}.geojson"
    if not (path.exists() and columns_path(path).exists()):
        write_store_file(path, n, seed)
    return path


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m benchmarks.generate N --out FILE [--seed S]``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write N deterministic synthetic events as a geo-events store file.",
        epilog="Example: python -m benchmarks.generate 100000 --out /tmp/events.geojson",
    )
    parser.add_argument("n", type=int, help="number of events")
    parser.add_argument("--out", type=Path, required=True, help="output .geojson file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    write_store_file(args.out, args.n, args.seed)
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size / 1e6
    print(f"wrote {args.n} events to {args.out} ({size:.1f} MB) in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
