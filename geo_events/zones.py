"""Dated control zones and the US–Russia de-confliction line: who held a place on a given day.

Data: ``seeds/zones/control_zones.geojson`` (polygons with ``controller``, ``valid_from``/``valid_to``
inclusive, ``confidence`` "control"/"presence", ``source``) and ``seeds/zones/deconfliction_line.geojson``
(dated LineStrings). Both are loaded once; point-in-polygon tests go through a shapely ``STRtree``.
When zones overlap on a day, the smallest one wins: pockets (the government-held "seven villages", the
ISIS pockets) sit inside larger bank-wide zones.
"""

from __future__ import annotations

import copy
import json
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
from shapely import STRtree
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from geo_events.errors import DataError, InvalidQuery
from geo_events.settings import seed_path

#: The controller vocabulary (exact strings).
CONTROLLERS = (
    "Syrian government & allies",
    "SDF & US-led coalition",
    "ISIS",
    "Turkey & TFSA",
    "Syrian opposition",
    "Contested",
)
CONFIDENCES = ("control", "presence")
#: A point farther than this (degrees) beyond either end of a line has no side.
_LINE_END_TOLERANCE = 0.05


@dataclass(frozen=True)
class _Dated:
    properties: dict[str, Any]
    geometry: BaseGeometry
    valid_from: date
    valid_to: date

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_to


class ZoneData:
    """The loaded zones and lines with their spatial index (use ``ZoneData.default()``)."""

    _default: ZoneData | None = None
    _lock = threading.Lock()

    def __init__(self, zones: dict[str, Any], lines: dict[str, Any]) -> None:
        self.zones_collection = zones
        self.lines_collection = lines
        self.zones = [_parse(f, "control zone") for f in zones.get("features", [])]
        self.lines = [_parse(f, "de-confliction line") for f in lines.get("features", [])]
        for zone in self.zones:
            controller = zone.properties.get("controller")
            if controller not in CONTROLLERS:
                raise DataError(f"zone {zone.properties.get('id')!r}: unknown controller {controller!r}")
        self._tree = STRtree([z.geometry for z in self.zones])
        self._prepared = [prep(z.geometry) for z in self.zones]
        self._areas = np.array([z.geometry.area for z in self.zones])

    @classmethod
    def from_files(cls, zones_path: Any = None, lines_path: Any = None) -> ZoneData:
        """Load zones and lines from GeoJSON files (default: the bundled ``seeds/zones/``)."""
        zones_path = zones_path or seed_path("zones/control_zones.geojson")
        lines_path = lines_path or seed_path("zones/deconfliction_line.geojson")
        try:
            zones = json.loads(Path(zones_path).read_text(encoding="utf-8"))
            lines = json.loads(Path(lines_path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise DataError(f"cannot read control-zone data: {err}") from err
        return cls(zones, lines)

    @classmethod
    def default(cls) -> ZoneData:
        """Return the bundled data (loaded once per process)."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls.from_files()
        return cls._default

    def zone_at(self, point: Point, day: date) -> dict[str, Any] | None:
        """Return the properties of the smallest zone valid on ``day`` that covers ``point``."""
        best: int | None = None
        for index in self._tree.query(point):
            index = int(index)
            zone = self.zones[index]
            if not zone.valid_on(day) or not self._prepared[index].covers(point):
                continue
            if best is None or self._areas[index] < self._areas[best]:
                best = index
        return dict(self.zones[best].properties) if best is not None else None

    def line_on(self, day: date) -> _Dated | None:
        """Return the de-confliction line valid on ``day`` (the latest starting one), or ``None``."""
        valid = [line for line in self.lines if line.valid_on(day)]
        return max(valid, key=lambda line: line.valid_from) if valid else None


def _parse(feature: dict[str, Any], what: str) -> _Dated:
    props = feature.get("properties") or {}
    try:
        valid_from = date.fromisoformat(str(props["valid_from"]))
        valid_to = date.fromisoformat(str(props["valid_to"])) if props.get("valid_to") else date.max
        geometry = shape(feature["geometry"])
    except (KeyError, ValueError, TypeError, AttributeError) as err:
        raise DataError(f"{what} {props.get('id')!r} is invalid: {err}") from err
    if props.get("confidence") not in CONFIDENCES:
        raise DataError(f"{what} {props.get('id')!r}: confidence must be one of {CONFIDENCES}")
    if not props.get("source"):
        raise DataError(f"{what} {props.get('id')!r} has no source")
    return _Dated(props, geometry, valid_from, valid_to)


def as_date(value: date | datetime | str) -> date:
    """Return a ``date`` from a date, datetime or ISO 8601 string (raises ``InvalidQuery``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as err:
        raise InvalidQuery(f"date must be YYYY-MM-DD, got {value!r}", field="date") from err


def as_point(point_or_place: Any) -> Point:
    """Return a shapely Point (x=lon) from ``(lat, lon)``, a shapely Point or a gazetteer ``Place``."""
    if isinstance(point_or_place, Point):
        return point_or_place
    lat = getattr(point_or_place, "lat", None)
    lon = getattr(point_or_place, "lon", None)
    if lat is None or lon is None:
        try:
            lat, lon = point_or_place
        except (TypeError, ValueError) as err:
            raise InvalidQuery("expected (lat, lon), a shapely Point or a Place", field="point") from err
    lat, lon = float(lat), float(lon)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidQuery(f"coordinates out of range: lat={lat}, lon={lon}", field="point")
    return Point(lon, lat)


def zone_at(point_or_place: Any, date: date | datetime | str, data: ZoneData | None = None) -> dict | None:
    """Return the control zone a point was in on a date.

    Parameters
    ----------
    point_or_place : tuple[float, float] | shapely.geometry.Point | Place
        ``(lat, lon)``, a Point with x=lon, or a gazetteer ``Place`` (its representative point).
    date : date | datetime | str
        The day (ISO 8601 string accepted).
    data : ZoneData | None
        Zones to use (default: the bundled data).

    Returns
    -------
    dict | None
        The zone's properties (``controller``, ``valid_from``, ``valid_to``, ``confidence``, ``source``,
        ``id``, ``name``), or ``None`` when no zone covers the point that day.
    """
    return (data or ZoneData.default()).zone_at(as_point(point_or_place), as_date(date))


def side_of_line(
    point_or_place: Any, date: date | datetime | str, data: ZoneData | None = None
) -> Literal["east", "west"] | None:
    """Return which side of the de-confliction line valid on ``date`` a point is on.

    "east" is the left bank of the Euphrates (the line is digitised downstream), "west" the right bank.
    Returns ``None`` when no line is valid that day or the point lies beyond the ends of the line.
    """
    point = as_point(point_or_place)
    line = (data or ZoneData.default()).line_on(as_date(date))
    if line is None:
        return None
    geometry = line.geometry
    position = geometry.project(point)
    if (position <= 0 or position >= geometry.length) and geometry.distance(point) > _LINE_END_TOLERANCE:
        return None
    step = min(0.005, geometry.length / 2)
    a = geometry.interpolate(max(0.0, position - step))
    b = geometry.interpolate(min(geometry.length, position + step))
    cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
    return "east" if cross > 0 else "west"


def _collection(items: list[_Dated], name: str) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "name": name,
        "features": [
            {"type": "Feature", "id": item.properties.get("id"), "geometry": item.geometry.__geo_interface__,
             "properties": dict(item.properties)}
            for item in items
        ],
    }


def zones_on(date: date | datetime | str, data: ZoneData | None = None) -> dict[str, Any]:
    """Return a FeatureCollection of the control-zone polygons valid on ``date``."""
    day = as_date(date)
    zones = (data or ZoneData.default()).zones
    return _collection([z for z in zones if z.valid_on(day)], f"control zones on {day.isoformat()}")


def deconfliction_line(date: date | datetime | str, data: ZoneData | None = None) -> dict[str, Any]:
    """Return a FeatureCollection holding the de-confliction line valid on ``date`` (empty if none)."""
    day = as_date(date)
    line = (data or ZoneData.default()).line_on(day)
    return _collection([line] if line else [], f"de-confliction line on {day.isoformat()}")


def all_zones(data: ZoneData | None = None) -> dict[str, Any]:
    """Return every dated control zone as a FeatureCollection (for OGC API collections)."""
    return copy.deepcopy((data or ZoneData.default()).zones_collection)


def all_lines(data: ZoneData | None = None) -> dict[str, Any]:
    """Return every dated de-confliction line as a FeatureCollection (for OGC API collections)."""
    return copy.deepcopy((data or ZoneData.default()).lines_collection)


__all__ = [
    "CONFIDENCES", "CONTROLLERS", "ZoneData", "all_lines", "all_zones", "as_date", "as_point",
    "deconfliction_line", "side_of_line", "zone_at", "zones_on",
]
