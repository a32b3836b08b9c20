"""An offline, geopy-compatible geocoder over the bundled gazetteer, aware of dated control zones.

``OfflineGeocoder`` subclasses ``geopy.geocoders.base.Geocoder``: it drops in wherever geopy is used
(``geopandas.tools.geocode(names, provider=OfflineGeocoder)``, ``geopy.extra.rate_limiter.RateLimiter``)
and never touches the network. ``geocode_record``/``reverse_record`` return the plain dicts the CLI prints.
"""

from __future__ import annotations

import unicodedata
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
    **kwargs
        Accepted and passed to geopy's ``Geocoder`` (``timeout``, ``user_agent``…) for compatibility.

    Examples
    --------
    >>> location = OfflineGeocoder().geocode("Khusham", date="2018-02-07")
    >>> location.raw["control_zone"]
    'Syrian government & allies'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, country: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("user_agent", "geo-events-offline")
        super().__init__(**kwargs)
        self._gazetteer = gazetteer
        self.country = country

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
        country: str | None = None,
        bbox: Any = None,
        near: Any = None,
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
        country, bbox, near : optional
            Restrict to a country or a ``(min_lon, min_lat, max_lon, max_lat)`` box, or prefer places near
            ``(lat, lon)`` points / Places (see ``Gazetteer.search``).
        limit : int | None
            Most results when ``exactly_one`` is False (default 5).

        Returns
        -------
        Location | list[Location] | None
            ``None`` (or ``[]``) when nothing matches.

        Raises
        ------
        GeocodingError
            When the query is empty, longer than 300 characters or contains control characters.
        """
        text = check_query(query)
        bbox = _parse_bbox(bbox)
        matches = self.gazetteer.search(
            text, country=country or self.country, bbox=bbox, near=near, limit=1 if exactly_one else (limit or 5)
        )
        locations = [self._location(match, date) for match in matches]
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
    ) -> Location | list[Location] | None:
        """Return the nearest settlement or site to a point ("lat, lon", a tuple or a geopy Point).

        ``raw`` adds ``distance_km``; with ``date`` the control zone is the one at the queried point.
        """
        lat, lon = _parse_point(query)
        found = self.gazetteer.nearest(lat, lon, k=1 if exactly_one else (limit or 5))
        locations = []
        for place, distance in found:
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
    return record


def geocode_record(
    query: str, date: Date | datetime | str | None = None, country: str | None = None
) -> dict[str, Any] | None:
    """Geocode a name to a plain dict (``name, lat, lon, kind, admin1, country, score, id, control_zone``,
    plus ``side_of_line`` and ``geometry``), or ``None`` when nothing matches.

    ``country`` in the record is the ISO2 code; ``control_zone`` is the controller on ``date`` (or None).
    Raises ``GeocodingError`` for unusable queries and ``InvalidQuery`` for a malformed date.
    """
    location = _shared_geocoder().geocode(query, date=date, country=country)
    return _record(location.raw, date) if location is not None else None


def geocode_records(
    query: str, date: Date | datetime | str | None = None, country: str | None = None, limit: int = 5
) -> list[dict[str, Any]]:
    """Return up to ``limit`` ranked records (same fields as ``geocode_record``); ``[]`` when nothing matches."""
    locations = _shared_geocoder().geocode(query, exactly_one=False, date=date, country=country, limit=limit)
    return [_record(location.raw, date) for location in locations or []]


def reverse_record(lat: float, lon: float, date: Date | datetime | str | None = None) -> dict[str, Any]:
    """Return the nearest place to ``(lat, lon)`` as a plain dict with the same fields as
    ``geocode_record`` (``score`` falls with the distance; ``control_zone`` is the zone at the point)."""
    location = _shared_geocoder().reverse((lat, lon), date=date)
    if location is None:  # only with an empty gazetteer
        raise GeocodingError("the gazetteer has no places")
    return _record(location.raw, date)


__all__ = [
    "MAX_QUERY_CHARS", "RECORD_FIELDS", "OfflineGeocoder", "check_query", "geocode_record", "geocode_records",
    "reverse_record",
]
