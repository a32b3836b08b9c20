"""Generators of malformed event files (GeoJSON and CSV): every case is invalid by construction.

``generate_cases(n, seed)`` yields ``MalformedCase`` objects: a file name, its bytes and the name of the
mutation applied, spread over file-level damage (truncation, bad bytes, wrong top-level types, deep
nesting) and field-level damage (each rule of the event model broken in turn).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from geo_events.formats import features_to_csv

from .helpers import make_event, seed_feature


@dataclass(frozen=True)
class MalformedCase:
    """One generated bad input file."""

    name: str
    data: bytes
    mutation: str


def _valid_features(rnd: random.Random) -> list[dict[str, Any]]:
    features = [seed_feature()] if rnd.random() < 0.5 else []
    for i in range(rnd.randint(1, 3)):
        features.append(
            make_event(f"evt-bad-{rnd.randrange(10**6)}-{i}", lon=rnd.uniform(35, 42), lat=rnd.uniform(32, 37),
                       fatalities_best=2, fatalities_low=1, fatalities_high=5, notes="ok")
        )  # fmt: skip
    return features


# ---------------------------------------------------------------- feature-level mutations (each breaks a rule)
def _props(f: dict) -> dict:
    return f["properties"]


FEATURE_MUTATIONS: dict[str, Callable[[dict, random.Random], None]] = {
    "no-geometry": lambda f, r: f.pop("geometry"),
    "null-geometry": lambda f, r: f.update(geometry=None),
    "polygon-geometry": lambda f, r: f.update(geometry={"type": "Polygon", "coordinates": [[[40, 35], [41, 35], [40, 36], [40, 35]]]}),
    "one-coordinate": lambda f, r: f["geometry"].update(coordinates=[40.1]),
    "text-coordinates": lambda f, r: f["geometry"].update(coordinates=["east", "north"]),
    "null-coordinates": lambda f, r: f["geometry"].update(coordinates=[None, None]),
    "lon-out-of-range": lambda f, r: f["geometry"].update(coordinates=[r.choice([-1, 1]) * r.uniform(180.001, 1e6), 35]),
    "lat-out-of-range": lambda f, r: f["geometry"].update(coordinates=[40, r.choice([-1, 1]) * r.uniform(90.001, 1e6)]),
    "coordinates-object": lambda f, r: f["geometry"].update(coordinates={"lon": 40, "lat": 35}),
    "no-properties": lambda f, r: f.pop("properties"),
    "properties-list": lambda f, r: f.update(properties=[1, 2]),
    "properties-string": lambda f, r: f.update(properties="Khasham"),
    "no-id": lambda f, r: (_props(f).pop("id"), f.pop("id")),
    "empty-id": lambda f, r: (_props(f).update(id=""), f.update(id="")),
    "id-mismatch": lambda f, r: f.update(id="evt-someone-else"),
    "bad-date": lambda f, r: _props(f).update(
        event_date=r.choice(["2018-02-30", "yesterday", "", "2018-13-01", "07/02/2018", "2018", 20180207, None, [2018, 2, 7]])
    ),
    "no-date": lambda f, r: _props(f).pop("event_date"),
    "unknown-event-type": lambda f, r: _props(f).update(event_type=r.choice(["Riot", "", "Airstrike!!", 5, None])),
    "inconsistent-sub-event": lambda f, r: _props(f).update(event_type="Battles", sub_event_type="Peaceful protest"),
    "unknown-sub-event": lambda f, r: _props(f).update(sub_event_type="Alien landing"),
    "negative-fatalities": lambda f, r: _props(f).update(fatalities_best=-r.randint(1, 1000), fatalities_low=-1000),
    "fatalities-order": lambda f, r: _props(f).update(fatalities_low=50, fatalities_best=10, fatalities_high=100),
    "fatalities-text": lambda f, r: _props(f).update(fatalities_best=r.choice(["many", "dozens", "1e400x", True and "ten"])),
    "fatalities-fraction": lambda f, r: _props(f).update(fatalities_best=2.5),
    "fatalities-huge": lambda f, r: _props(f).update(fatalities_best=10**30, fatalities_high=10**30),
    "unknown-property": lambda f, r: _props(f).update({r.choice(["foo", "lat", "Event_Date", "<script>"]): 1}),
    "empty-location": lambda f, r: _props(f).update(location=r.choice(["", "   ", None])),
    "location-too-long": lambda f, r: _props(f).update(location="x" * r.randint(501, 5000)),
    "notes-too-long": lambda f, r: _props(f).update(notes="n" * r.randint(4001, 20000)),
    "bad-iso3": lambda f, r: _props(f).update(iso3=r.choice(["syr", "SY", "SYRIA", "S1R", ""])),
    "bad-geo-precision": lambda f, r: _props(f).update(geo_precision=r.choice([0, 4, -1, "city", 1.5])),
    "bad-date-precision": lambda f, r: _props(f).update(date_precision=r.choice(["year", "Day", "", 1])),
    "bad-confidence": lambda f, r: _props(f).update(confidence=r.choice([1.5, -0.1, "high", 100])),
    "claim-missing-fields": lambda f, r: _props(f).update(claims=[{"source_id": "x"}]),
    "claim-low-above-high": lambda f, r: _props(f).update(
        sources=[{"id": "s1"}], claims=[{"source_id": "s1", "claimant": "X", "kind": "killed", "low": 9, "high": 3}]
    ),
    "claim-bad-kind": lambda f, r: _props(f).update(
        sources=[{"id": "s1"}], claims=[{"source_id": "s1", "claimant": "X", "kind": "injured"}]
    ),
    "claim-unknown-source": lambda f, r: _props(f).update(
        sources=[{"id": "s1"}], claims=[{"source_id": "s2", "claimant": "X", "kind": "killed"}]
    ),
    "evidence-backwards": lambda f, r: _props(f).update(
        sources=[{"id": "s1"}],
        claims=[{"source_id": "s1", "claimant": "X", "kind": "killed", "evidence": [{"start": 10, "end": 2}]}],
    ),
    "bad-side-of-line": lambda f, r: _props(f).update(side_of_line=r.choice(["north", "East", "", 1])),
    "actors-not-list": lambda f, r: _props(f).update(assoc_actors=r.choice(["SDF", 3, {"a": 1}])),
    "actors-not-text": lambda f, r: _props(f).update(assoc_actors=[1, 2]),
    "bad-source": lambda f, r: _props(f).update(sources=[{"id": ""}]),
    "bad-extracted-at": lambda f, r: _props(f).update(extracted_at="not a time"),
    "wrong-feature-type": lambda f, r: f.update(type=r.choice(["Point", "feature", "FeatureCollection", None])),
    "nan-coordinate": lambda f, r: f["geometry"].update(coordinates=[float("nan"), 35.0]),
}


# ---------------------------------------------------------------- whole-file mutations (bytes)
def _dump(collection: Any) -> bytes:
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")


def _truncated(rnd: random.Random, collection: dict) -> bytes:
    data = _dump(collection)
    stripped = data.rstrip()
    return stripped[: rnd.randrange(0, len(stripped) - 1)]


def _bad_utf8(rnd: random.Random, collection: dict) -> bytes:
    data = _dump(collection)
    at = data.index(b'"location"') + 13
    return data[:at] + rnd.choice([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80"]) + data[at:]


FILE_MUTATIONS: dict[str, Callable[[random.Random, dict], bytes]] = {
    "truncated": _truncated,
    "bad-utf8": _bad_utf8,
    "top-level-not-object": lambda r, c: r.choice([b"[]", b"42", b'"events"', b"null", b"true", b"[{}]"]),
    "empty-object": lambda r, c: b"{}",
    "wrong-collection-type": lambda r, c: _dump({**c, "type": r.choice(["Featurecollection", "GeometryCollection", 1])}),
    "features-not-list": lambda r, c: _dump({**c, "features": r.choice([None, {}, "abc", 3, {"a": c["features"][0]}])}),
    "feature-not-object": lambda r, c: _dump({**c, "features": [*c["features"], r.choice([1, "x", None, [1, 2]])]}),
    "duplicate-ids": lambda r, c: _dump({**c, "features": [*c["features"], copy.deepcopy(c["features"][0])]}),
    "nan-literal": lambda r, c: _dump(c).replace(b'"coordinates": [\n', b'"coordinates": [\n NaN,\n', 1),
    "infinity-literal": lambda r, c: _dump(c).replace(b'"fatalities_best": ', b'"fatalities_best": Infinity, "x": ', 1),
    "deep-nesting": lambda r, c: b'{"type":"FeatureCollection","features":' + b"[" * 200_000 + b"]" * 200_000 + b"}",
    "empty-file": lambda r, c: r.choice([b"", b"   \n\t", b"\n"]),
    "binary-garbage": lambda r, c: bytes(r.randrange(256) for _ in range(r.randint(1, 2000))),
    "html-instead": lambda r, c: b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
    "trailing-garbage": lambda r, c: _dump(c) + b"\n}{",
    "bom-and-garbage": lambda r, c: b"\xef\xbb\xbf" + _dump(c)[:-3],
}


# ---------------------------------------------------------------- CSV mutations
def _csv_rows(rnd: random.Random) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(features_to_csv(_valid_features(rnd)))))


def _csv_bytes(rows: list[list[str]]) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _set_cell(rows: list[list[str]], column: str, value: str, rnd: random.Random) -> list[list[str]]:
    col = rows[0].index(column)
    row = rows[rnd.randrange(1, len(rows))]
    row[col] = value
    return rows


CSV_MUTATIONS: dict[str, Callable[[random.Random], bytes]] = {
    "csv-text-latitude": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "latitude", r.choice(["north", "35,3", "?"]), r)),
    "csv-empty-latitude": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "latitude", "", r)),
    "csv-lat-out-of-range": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "latitude", str(r.uniform(91, 1e5)), r)),
    "csv-infinite-fatalities": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "fatalities_best", r.choice(["inf", "1e400", "-inf"]), r)),
    "csv-nan-fatalities": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "fatalities_best", "nan", r)),
    "csv-text-fatalities": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "fatalities_best", "dozens", r)),
    "csv-bad-date": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "event_date", r.choice(["07/02/2018", "Feb 2018", "x"]), r)),
    "csv-bad-event-type": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "event_type", "Riot", r)),
    "csv-bad-claims-json": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "claims", r.choice(["[{", "not json", "{]"]), r)),
    "csv-claims-wrong-shape": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "claims", r.choice(['{"a":1}', "[1,2]", '"x"']), r)),
    "csv-no-coordinate-columns": lambda r: _csv_bytes(
        [[c for c, name in zip(row, _csv_rows(random.Random(0))[0]) if name not in ("latitude", "longitude")] for row in _csv_rows(r)]
    ),
    "csv-huge-field": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "notes", "n" * r.randint(140_000, 300_000), r)),
    "csv-bad-utf8": lambda r: _csv_bytes(_csv_rows(r)).replace(b"Syria", b"Syr\xffia", 1),
    "csv-nul-byte": lambda r: _csv_bytes(_set_cell(_csv_rows(r), r.choice(["country", "location", "notes"]), "Sy\x00ria", r)),
    "csv-lon-out-of-range": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "longitude", r.choice(["-181", "540", "1e9"]), r)),
    "csv-ragged-rows": lambda r: _csv_bytes([_csv_rows(r)[0]] + [row[: r.randint(1, 10)] for row in _csv_rows(r)[1:]]),
    "csv-duplicate-ids": lambda r: _csv_bytes((lambda rows: rows + [rows[1]])(_csv_rows(r))),
    "csv-bad-iso3": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "iso3", "syr", r)),
    "csv-bad-confidence": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "confidence", r.choice(["high", "2", "inf"]), r)),
    "csv-bad-geo-precision": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "geo_precision", r.choice(["4", "x", "inf"]), r)),
    "csv-unknown-property-json": lambda r: _csv_bytes(_set_cell(_csv_rows(r), "sources", '[{"id":"s","colour":"red"}]', r)),
}


def generate_cases(n: int = 1000, seed: int = 0) -> Iterator[MalformedCase]:
    """Yield ``n`` malformed files: ~45 % field-level GeoJSON, ~25 % file-level GeoJSON, ~30 % CSV."""
    rnd = random.Random(seed)
    for i in range(n):
        roll = rnd.random()
        if roll < 0.45:
            mutation = rnd.choice(sorted(FEATURE_MUTATIONS))
            features = _valid_features(rnd)
            target = rnd.choice(features)
            FEATURE_MUTATIONS[mutation](target, rnd)
            data = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()
            yield MalformedCase(f"case{i:04d}.geojson", data, mutation)
        elif roll < 0.70:
            mutation = rnd.choice(sorted(FILE_MUTATIONS))
            collection = {"type": "FeatureCollection", "features": _valid_features(rnd)}
            yield MalformedCase(f"case{i:04d}.geojson", FILE_MUTATIONS[mutation](rnd, collection), mutation)
        else:
            mutation = rnd.choice(sorted(CSV_MUTATIONS))
            yield MalformedCase(f"case{i:04d}.csv", CSV_MUTATIONS[mutation](rnd), mutation)
