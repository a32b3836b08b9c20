"""Value objects of the gazetteer: a ``Place`` and a search ``Match``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Kinds a place can have, from most to least specific.
KINDS = (
    "city", "town", "village", "oilfield", "gasfield", "facility", "dam", "base",
    "river", "admin2", "region", "admin1", "country",
)
#: Kinds that are areas or lines rather than settlements or sites (``admin2``: a district, county, LGA or
#: township, below the province, with its seat's point).
AREA_KINDS = frozenset({"river", "admin2", "region", "admin1", "country"})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: a settlement, site, river, region or administrative area.

    Attributes
    ----------
    id : str
        ``geonames:<geonameid>`` for GeoNames entries, ``ge:<slug>`` for curated ones.
    name, alt_names : str, tuple[str, ...]
        Preferred name and the other spellings it is known by.
    kind : str
        One of ``KINDS``.
    lat, lon : float
        Representative point (WGS84).
    geometry : dict
        GeoJSON geometry (a Point for settlements and sites).
    admin1, country, country_name, iso3 : str | None
        Governorate name, ISO 3166-1 alpha-2 code, country name and alpha-3 code.
    population : int | None
        Population where known.
    source : str
        Where the entry comes from (GeoNames, or the curated row's cited sources).
    bbox : tuple[float, float, float, float] | None
        ``(min_lon, min_lat, max_lon, max_lat)`` of an area (admin-1 units: the extent of their towns).
    """

    id: str
    name: str
    alt_names: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    geometry: dict[str, Any] = field(hash=False, compare=False, repr=False)
    admin1: str | None
    country: str
    country_name: str
    iso3: str
    population: int | None
    source: str
    bbox: tuple[float, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def is_area(self) -> bool:
        """True for rivers, regions and administrative areas (geometry is not a Point)."""
        return self.kind in AREA_KINDS

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of every field."""
        return {
            "id": self.id, "name": self.name, "alt_names": list(self.alt_names), "kind": self.kind,
            "lat": self.lat, "lon": self.lon, "geometry": self.geometry, "admin1": self.admin1,
            "country": self.country, "country_name": self.country_name, "iso3": self.iso3,
            "population": self.population, "source": self.source,
            "bbox": list(self.bbox) if self.bbox else None,
        }


@dataclass(frozen=True)
class Match:
    """A search result: the place, a match score 0–100 and the name variant that matched."""

    place: Place
    score: float
    matched_name: str


__all__ = ["AREA_KINDS", "KINDS", "Match", "Place"]
