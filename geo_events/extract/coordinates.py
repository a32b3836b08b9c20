"""Coordinates written in a text — "36.5°N 40.7°E", "36°30′N, 40°42′E", "(lat 36.50, lon 40.70)",
"coordinates 36.50, 40.70" — used as given, as places of their own.

Decimal pairs without hemisphere letters are only read after a word that says they are coordinates
(``coordinates``, ``lat``, ``GPS``, ``located at``), so "36.5, 40.7" in a casualty count is not a point.
Each point becomes a :class:`~geo_events.extract.places.PlaceMention` whose place is a point of kind
``point``, named after the nearest gazetteer place ("36.5000, 40.7000 (4 km from Al Ḩasakah)") and
carrying that place's country and province.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from geo_events.gazetteer.place import Place

_NUM = r"\d{1,3}(?:\.\d+)?"
_DMS = r"(?P<{g}d>\d{{1,3}})\s*[°º]\s*(?:(?P<{g}m>\d{{1,2}}(?:\.\d+)?)\s*['′’]\s*)?(?:(?P<{g}s>\d{{1,2}}(?:\.\d+)?)\s*(?:\"|″|''|”)\s*)?"
_HEMISPHERE_RE = re.compile(
    rf"(?:(?P<lat>{_NUM})\s*°?\s*(?P<ns>[NS])|{_DMS.format(g='a')}(?P<ns2>[NS]))\s*,?\s*"
    rf"(?:(?P<lon>{_NUM})\s*°?\s*(?P<ew>[EW])|{_DMS.format(g='o')}(?P<ew2>[EW]))\b"
)
_LABELLED_RE = re.compile(
    rf"\b(?:coordinates?|co-ordinates?|gps|lat(?:itude)?|located\s+at|position)\s*[:=]?\s*\(?\s*"
    rf"(?P<lat>-?{_NUM})\s*(?:,|;|\s)\s*(?:lon(?:gitude)?|lng)?\s*[:=]?\s*(?P<lon>-?{_NUM})",
    re.IGNORECASE,
)


def _dms(match: re.Match[str], prefix: str) -> float:
    degrees = float(match.group(f"{prefix}d"))
    minutes = float(match.group(f"{prefix}m") or 0)
    seconds = float(match.group(f"{prefix}s") or 0)
    return degrees + minutes / 60 + seconds / 3600


_HINT_RE = re.compile(r"°|º|\d\s*[NS]\b|[Cc]o-?ordinat|\b[Ll]at(?:itude)?\b|\b(?:GPS|gps)\b|[Ll]ocated\s+at|"
                      r"\b[Pp]osition\b|COORDINAT|\bLAT\b")


def find_coordinates(text: str) -> Iterator[tuple[int, int, float, float]]:
    """Yield ``(start, end, lat, lon)`` for every coordinate pair written in ``text``."""
    if not _HINT_RE.search(text):
        return
    for match in _HEMISPHERE_RE.finditer(text):
        if match.group("lat") is not None:
            lat = float(match.group("lat"))
            north = match.group("ns") == "N"
        else:
            lat = _dms(match, "a")
            north = match.group("ns2") == "N"
        if match.group("lon") is not None:
            lon = float(match.group("lon"))
            east = match.group("ew") == "E"
        else:
            lon = _dms(match, "o")
            east = match.group("ew2") == "E"
        lat, lon = (lat if north else -lat), (lon if east else -lon)
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            yield match.start(), match.end(), lat, lon
    for match in _LABELLED_RE.finditer(text):
        lat, lon = float(match.group("lat")), float(match.group("lon"))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            yield match.start(), match.end(), lat, lon


def coordinate_places(text: str, gazetteer: Any) -> list[tuple[int, int, Place]]:
    """Return ``(start, end, Place)`` for the coordinates of ``text``, described by their nearest place."""
    out: list[tuple[int, int, Place]] = []
    for start, end, lat, lon in find_coordinates(text):
        nearest = gazetteer.nearest(lat, lon, k=1)
        ref, km = nearest[0] if nearest else (None, None)
        label = f"{lat:.4f}, {lon:.4f}" + (f" ({km:.0f} km from {ref.name})" if ref is not None else "")
        out.append((start, end, Place(
            id=f"point:{lat:.5f},{lon:.5f}", name=label, alt_names=(), kind="point", lat=round(lat, 6),
            lon=round(lon, 6), geometry={"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            admin1=getattr(ref, "admin1", None), country=getattr(ref, "country", ""),
            country_name=getattr(ref, "country_name", ""), iso3=getattr(ref, "iso3", ""), population=None,
            source="coordinates written in the article")))
    return out
