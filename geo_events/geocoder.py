"""An offline, geopy-compatible geocoder over the bundled gazetteer, aware of dated control zones.

``OfflineGeocoder`` subclasses ``geopy.geocoders.base.Geocoder``: it drops in wherever geopy is used
(``geopandas.tools.geocode(names, provider=OfflineGeocoder)``, ``geopy.extra.rate_limiter.RateLimiter``)
and never touches the network. ``geocode_record``/``reverse_record`` return the plain dicts the CLI prints.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime
from functools import lru_cache
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point as GeopyPoint

from geo_events.errors import GeocodingError, InvalidQuery
from geo_events.gazetteer import Gazetteer, Match, Place
from geo_events.query import parse_bbox

MAX_QUERY_CHARS = 300
#: Keys of the plain-dict records (the ``--json`` output of ``geo-events geocode``/``reverse``).
RECORD_FIELDS = ("name", "lat", "lon", "kind", "admin1", "country", "score", "id", "control_zone")
#: ``reverse`` answers nothing when the nearest place is farther than this (km) unless told otherwise.
DEFAULT_MAX_DISTANCE_KM = 100.0
#: What the bundled gazetteer covers (said when nothing matches).
COVERAGE = (
    "the gazetteer covers every country: GeoNames towns of 500+ people and administrative seats, admin-1 "
    "units (provinces, governorates, oblasts, states), countries, and a curated supplement of facilities, "
    "rivers and regions; outlet and organisation names are never places"
)


def check_query(query: Any) -> str:
    """Return the stripped query or raise ``GeocodingError`` when it is unusable.

    Unusable: not a string, empty, longer than ``MAX_QUERY_CHARS`` characters, or containing control
    characters.
    """
    if not isinstance(query, str):
        raise GeocodingError(f"query must be text, got {type(query).__name__}")
    text = query.strip()
    if not text:
        raise GeocodingError("query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise GeocodingError(f"query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise GeocodingError("query contains control characters")
    return text


def _zone_fields(lat: float, lon: float, day: Date | datetime | str | None) -> dict[str, Any]:
    if day is None:
        return {}
    from geo_events.zones import side_of_line, zone_at

    zone = zone_at((lat, lon), day)
    return {
        "control_zone": zone["controller"] if zone else None,
        "zone": zone,
        "side_of_line": side_of_line((lat, lon), day),
        "date": str(day)[:10],
    }


def _raw(place: Place, score: float, matched_name: str, day: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": place.id, "name": place.name, "kind": place.kind, "lat": place.lat, "lon": place.lon,
        "admin1": place.admin1, "country": place.country, "country_name": place.country_name,
        "iso3": place.iso3, "population": place.population, "score": score, "matched_name": matched_name,
        "source": place.source, "control_zone": None,
    }
    if place.bbox:
        raw["boundingbox"] = [place.bbox[1], place.bbox[3], place.bbox[0], place.bbox[2]]  # Nominatim order
    if place.is_area:
        raw["geometry"] = place.geometry
        if day is not None:  # a river or a governorate spans several zones: no single controller
            raw.update({"control_zone": None, "zone": None, "side_of_line": None, "date": str(day)[:10]})
        return raw
    raw.update(_zone_fields(place.lat, place.lon, day))
    return raw


def _address(place: Place) -> str:
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(place.admin1)
    parts.append(place.country_name)
    return ", ".join(parts)


class OfflineGeocoder(Geocoder):
    """Geocode conflict-reporting place names offline, with the control zone on a given date.

    Parameters
    ----------
    gazetteer : Gazetteer | None
        Places to search (default: ``Gazetteer.default()``, the bundled data).
    country : str | None
        Default country filter (ISO2/ISO3/name) for every query.
    context : Any
        Default context for every query (what the documents are about: countries, admin-1 names, points).
    **kwargs
        Accepted and passed to geopy's ``Geocoder`` (``timeout``, ``user_agent``…) for compatibility.

    Examples
    --------
    >>> location = OfflineGeocoder().geocode("Khusham", date="2018-02-07")
    >>> location.raw["control_zone"]
    'Syrian government & allies'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, country: str | None = None, context: Any = None,
                 **kwargs: Any) -> None:
        kwargs.setdefault("user_agent", "geo-events-offline")
        super().__init__(**kwargs)
        self._gazetteer = gazetteer
        self.country = country
        self.context = context

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer searched (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        timeout: Any = None,
        *,
        date: Date | datetime | str | None = None,
        country: str | Sequence[str] | None = None,
        country_codes: str | Sequence[str] | None = None,
        bbox: Any = None,
        near: Any = None,
        context: Any = None,
        kind: str | Sequence[str] | None = None,
        featuretype: str | None = None,
        limit: int | None = None,
    ) -> Location | list[Location] | None:
        """Return the best ``Location`` for a place name (or a list when ``exactly_one=False``).

        Parameters
        ----------
        query : str
            A place name in any common spelling.
        exactly_one : bool
            Return one Location (default) or a list of up to ``limit``.
        timeout : Any
            Ignored (no network); accepted for geopy compatibility.
        date : date | str | None
            When given, ``raw`` gets ``control_zone`` (controller that day), ``zone`` and ``side_of_line``
            (all ``None`` for rivers, regions and governorates, which span several zones).
        country, country_codes : str | Sequence[str] | None
            Keep only places of these countries (ISO2/ISO3/English name); ``country_codes`` is geopy's
            Nominatim spelling of the same filter.
        bbox : optional
            Keep only places in ``(min_lon, min_lat, max_lon, max_lat)``.
        near, context : optional
            What the document already names — ``(lat, lon)`` points, ``Place`` objects, ISO2 codes,
            admin-1 names (see ``Gazetteer.search``): places there rank higher; never a filter.
        kind, featuretype : str | None
            Keep only these kinds (``city``, ``admin1``/``state``, ``country``, ``facility``, ``river``,
            ``region``…); ``featuretype`` is Nominatim's name for it.
        limit : int | None
            Most results when ``exactly_one`` is False (default 5).

        Returns
        -------
        Location | list[Location] | None
            ``None`` (or ``[]``) when nothing matches. ``raw`` has ``score``, ``kind``, ``admin1``,
            ``country``, ``source`` and ``candidates`` (the other places the name could be, best first).

        Raises
        ------
        GeocodingError
            When the query is empty, longer than 300 characters or contains control characters, or a
            filter (bbox, kind) is malformed.
        """
        text = check_query(query)
        bbox = _parse_bbox(bbox)
        wanted = max(int(limit or 5), 1)
        try:
            matches = self.gazetteer.search(
                text, country=country or country_codes or self.country, bbox=bbox, near=near,
                context=context if context is not None else self.context, kind=kind or featuretype,
                limit=max(wanted, 5),
            )
        except ValueError as err:
            raise GeocodingError(str(err)) from err
        others = [_candidate(m) for m in matches]
        locations = []
        for position, match in enumerate(matches[: 1 if exactly_one else wanted]):
            location = self._location(match, date)
            location.raw["candidates"] = [c for i, c in enumerate(others) if i != position]
            locations.append(location)
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def reverse(
        self,
        query: Any,
        exactly_one: bool = True,
        timeout: Any = None,
        *,
        date: Date | datetime | str | None = None,
        limit: int | None = None,
        max_distance_km: float | None = DEFAULT_MAX_DISTANCE_KM,
    ) -> Location | list[Location] | None:
        """Return the nearest settlement or site to a point ("lat, lon", a tuple or a geopy Point).

        ``raw`` adds ``distance_km``; with ``date`` the control zone is the one at the queried point.
        ``None`` (or ``[]``) when no place lies within ``max_distance_km`` (default 100 km; ``None``: any).
        """
        lat, lon = _parse_point(query)
        found = self.gazetteer.nearest(lat, lon, k=1 if exactly_one else (limit or 5))
        locations = []
        for place, distance in found:
            if max_distance_km is not None and distance > max_distance_km:
                continue
            raw = _raw(place, _distance_score(distance), place.name, None)
            raw["distance_km"] = round(distance, 3)
            raw.update(_zone_fields(lat, lon, date))
            locations.append(Location(_address(place), (place.lat, place.lon), raw))
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def _location(self, match: Match, day: Any) -> Location:
        place = match.place
        return Location(_address(place), (place.lat, place.lon), _raw(place, match.score, match.matched_name, day))


def _candidate(match: Match) -> dict[str, Any]:
    place = match.place
    return {"id": place.id, "name": place.name, "kind": place.kind, "admin1": place.admin1,
            "country": place.country, "lat": place.lat, "lon": place.lon, "score": match.score}


def _distance_score(distance_km: float) -> float:
    return round(max(0.0, 100.0 - 2.0 * distance_km), 1)


def _parse_point(query: Any) -> tuple[float, float]:
    try:
        if isinstance(query, str):
            check_query(query)
        point = query if isinstance(query, GeopyPoint) else GeopyPoint(query)
    except GeocodingError:
        raise
    except (ValueError, TypeError) as err:
        raise GeocodingError(f"not a point: {query!r} (expected 'lat, lon')") from err
    return float(point.latitude), float(point.longitude)


def _parse_bbox(bbox: Any) -> tuple[float, float, float, float] | None:
    if bbox is None:
        return None
    try:
        return parse_bbox(bbox)
    except (InvalidQuery, TypeError, ValueError) as err:
        raise GeocodingError(f"bbox must be min_lon,min_lat,max_lon,max_lat; got {bbox!r}") from err


@lru_cache(maxsize=1)
def _shared_geocoder() -> OfflineGeocoder:
    return OfflineGeocoder()


def _record(raw: dict[str, Any], day: Any) -> dict[str, Any]:
    record = {name: raw.get(name) for name in RECORD_FIELDS}
    record["side_of_line"] = raw.get("side_of_line") if day is not None else None
    record["geometry"] = raw.get("geometry") or {"type": "Point", "coordinates": [raw["lon"], raw["lat"]]}
    for extra in ("distance_km", "candidates"):
        if extra in raw:
            record[extra] = raw[extra]
    return record


def geocode_record(
    query: str, date: Date | datetime | str | None = None, country: str | None = None, **options: Any
) -> dict[str, Any] | None:
    """Geocode a name to a plain dict (``name, lat, lon, kind, admin1, country, score, id, control_zone``,
    plus ``side_of_line``, ``geometry`` and ``candidates``), or ``None`` when nothing matches.

    ``country`` in the record is the ISO2 code; ``control_zone`` is the controller on ``date`` (or None).
    ``options`` go to ``OfflineGeocoder.geocode`` (``near``, ``context``, ``kind``, ``bbox``).
    Raises ``GeocodingError`` for unusable queries and ``InvalidQuery`` for a malformed date.
    """
    location = _shared_geocoder().geocode(query, date=date, country=country, **options)
    return _record(location.raw, date) if location is not None else None


def geocode_records(
    query: str, date: Date | datetime | str | None = None, country: str | None = None, limit: int = 5,
    **options: Any,
) -> list[dict[str, Any]]:
    """Return up to ``limit`` ranked records (same fields as ``geocode_record``); ``[]`` when nothing matches."""
    locations = _shared_geocoder().geocode(query, exactly_one=False, date=date, country=country, limit=limit,
                                           **options)
    return [_record(location.raw, date) for location in locations or []]


def reverse_record(
    lat: float, lon: float, date: Date | datetime | str | None = None,
    max_distance_km: float | None = DEFAULT_MAX_DISTANCE_KM,
) -> dict[str, Any] | None:
    """Return the nearest place to ``(lat, lon)`` as a plain dict with the same fields as
    ``geocode_record`` plus ``distance_km`` (``score`` falls with the distance; ``control_zone`` is the
    zone at the point), or ``None`` when no place lies within ``max_distance_km``."""
    location = _shared_geocoder().reverse((lat, lon), date=date, max_distance_km=max_distance_km)
    return _record(location.raw, date) if location is not None else None


def nearest_place(lat: float, lon: float) -> tuple[Place, float] | None:
    """Return the nearest place at any distance and its distance in km (for "nearest is X, N km away")."""
    found = _shared_geocoder().gazetteer.nearest(lat, lon)
    return found[0] if found else None


__all__ = [
    "COVERAGE",
    "DEFAULT_MAX_DISTANCE_KM",
    "MAX_QUERY_CHARS",
    "RECORD_FIELDS",
    "OfflineGeocoder",
    "check_query",
    "geocode_record",
    "geocode_records",
    "nearest_place",
    "reverse_record",
]
