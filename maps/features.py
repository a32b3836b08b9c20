"""The GeoJSON a map accepts (FeatureCollection, Features, GeoDataFrame) and the bounds of what it draws."""

from __future__ import annotations

import json
from typing import Any

from geo_events.errors import DataError

#: ``(minx, miny, maxx, maxy)`` in degrees (lon, lat order, as GeoJSON).
Bounds = tuple[float, float, float, float]


def as_features(data: Any, what: str) -> list[dict[str, Any]]:
    """Return the Features of a FeatureCollection dict, a list of Features or a GeoDataFrame.

    Raises
    ------
    geo_events.errors.DataError
        When ``data`` is none of these.
    """
    if data is None:
        return []
    if hasattr(data, "to_json") and hasattr(data, "geometry"):  # GeoDataFrame
        if what == "events" and "event_date" in getattr(data, "columns", ()):
            from geo_events.formats import geodataframe_to_features

            return geodataframe_to_features(data)
        return json.loads(data.to_json(to_wgs84=data.crs is not None))["features"]
    if isinstance(data, dict):
        if data.get("type") == "FeatureCollection" and isinstance(data.get("features"), list):
            return data["features"]
        if data.get("type") == "Feature":
            return [data]
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data
    raise DataError(f"{what} must be a GeoJSON FeatureCollection, a list of Features or a GeoDataFrame")


def with_fields(collection: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Give every feature of ``collection`` each of ``fields`` ("" when missing), as Folium tooltips need."""
    for feature in collection["features"]:
        for name in fields:
            value = feature["properties"].get(name)
            feature["properties"][name] = "" if value is None else value
    return collection


def _coordinates(geometry: dict[str, Any] | None) -> list[tuple[float, float]]:
    if not geometry:
        return []
    if geometry.get("type") == "GeometryCollection":
        return [c for g in geometry.get("geometries") or [] for c in _coordinates(g)]
    points: list[tuple[float, float]] = []

    def walk(value: Any) -> None:
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            points.append((float(value[0]), float(value[1])))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(geometry.get("coordinates"))
    return points


def features_bounds(features: list[dict[str, Any]]) -> Bounds | None:
    """Return the bounds of every coordinate of ``features``, or None when they have none."""
    points = [p for f in features for p in _coordinates(f.get("geometry"))]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def points_bounds(coords: Any) -> Bounds | None:
    """Return the bounds of an ``(n, 2)`` array of lon, lat (the events payload's ``coords``), or None."""
    if not len(coords):
        return None
    low, high = coords.min(axis=0), coords.max(axis=0)
    return float(low[0]), float(low[1]), float(high[0]), float(high[1])


def union(first: Bounds | None, second: Bounds | None) -> Bounds | None:
    """Return the bounds covering both (either may be None)."""
    if first is None or second is None:
        return first or second
    return min(first[0], second[0]), min(first[1], second[1]), max(first[2], second[2]), max(first[3], second[3])


def widen(bounds: Bounds, min_span: float) -> Bounds:
    """Return ``bounds`` widened about its centre to at least ``min_span`` degrees each way."""
    minx, miny, maxx, maxy = bounds
    if maxx - minx < min_span:
        mid = (minx + maxx) / 2
        minx, maxx = mid - min_span / 2, mid + min_span / 2
    if maxy - miny < min_span:
        mid = (miny + maxy) / 2
        miny, maxy = mid - min_span / 2, mid + min_span / 2
    return minx, miny, maxx, maxy


__all__ = ["Bounds", "as_features", "features_bounds", "points_bounds", "union", "widen", "with_fields"]
