"""Histories from files: the bundled curated zones, dated polygon series in, GeoJSON / GeoPackage out.

Two input shapes, the ways front-line maps are published:

* a **folder of snapshots**, one GeoJSON FeatureCollection per day, the date in the file name
  (``2022-03-01.geojson``, ``front_2022-03-08.json``); each feature has a controller property. A snapshot
  holds from its date to the day before the next one; the last holds on its own date only (or until
  ``until``). Features are grouped into areas by an id property when there is one, else by controller.
* **one file of dated states**: features with ``controller``, ``valid_from`` and ``valid_to`` (empty:
  still so) — the format ``export`` writes, so an export imports back unchanged.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from shapely import make_valid
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from geo_events.errors import DataError
from geo_events.zone_history.snapshots import dated_snapshots
from geo_events.zone_history.diff import area_km2
from geo_events.zone_history.model import SourceRef, ZoneChange, ZoneState, state_from_feature
from geo_events.zone_history.query import ZoneHistory
from geo_events.zones import ZoneData

_SUFFIXES = (".geojson", ".json")
_WGS84 = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "CRS84")
#: Two outlines of one area closer than this (km² of symmetric difference) are the same outline.
SAME_OUTLINE_KM2 = 0.001

_default_lock = threading.Lock()
_default: ZoneHistory | None = None


def seed_claims(data: ZoneData | None = None) -> list[ZoneState]:
    """Return the bundled dated zones (``seeds/zones/``) as curated claims, their ``source`` as the source."""
    data = data or ZoneData.default()
    claims = []
    for zone in data.zones:
        props = zone.properties
        claims.append(ZoneState(
            area_id=str(props["id"]), controller=props["controller"], valid_from=zone.valid_from,
            valid_to=zone.valid_to, geometry=zone.geometry, confidence=props["confidence"],
            sources=(SourceRef(str(props["source"])),), origin="curated", name=props.get("name"),
            notes=str(props.get("notes") or ""),
        ))
    return claims


def default_history() -> ZoneHistory:
    """Return the history of the bundled curated zones with the bundled de-confliction line (cached)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                data = ZoneData.default()
                _default = ZoneHistory(seed_claims(data), lines=data)
    return _default


@dataclass(frozen=True)
class SeriesImport:
    """What an import read: the claims, the snapshot days (empty for a dated-states file) and the files."""

    claims: list[ZoneState]
    snapshot_dates: list[date]
    files: list[str]

    def history(self, lines: ZoneData | None = None) -> ZoneHistory:
        """Return a history of these claims alone."""
        return ZoneHistory(self.claims, lines)


def read_series(path: str | Path, controller_field: str = "controller", id_field: str | None = None,
                until: date | None = None, origin: str = "imported") -> SeriesImport:
    """Read a folder of dated snapshots or one file of dated states (see the module docstring).

    Raises ``DataError`` naming the file, the feature and the field at fault, with a fix hint.
    """
    source = Path(path)
    if not source.exists():
        raise DataError(f"{source}: no such file or folder; give a folder of YYYY-MM-DD*.geojson snapshots "
                        "or one GeoJSON/GeoPackage file with valid_from/valid_to")
    if source.is_dir():
        return _read_snapshots(source, controller_field, id_field, until, origin)
    features = _read_features(source)
    claims = []
    for index, feature in enumerate(features):
        props = dict(feature.get("properties") or {})
        if controller_field != "controller" and controller_field in props:
            props["controller"] = props[controller_field]
        if "valid_from" not in props:
            raise DataError(f"{source.name}: feature {index} has no valid_from; a single file needs "
                            "valid_from/valid_to per feature (or pass a folder of dated snapshots)")
        props.setdefault("source", f"{source.name}")
        state = state_from_feature({**feature, "properties": props}, origin=origin, index=index)
        claims.append(replace(state, geometry=_polygonal(state.geometry, source.name, index)))
    if not claims:
        raise DataError(f"{source.name}: no features to import")
    return SeriesImport(claims, [], [str(source)])


def _read_snapshots(folder: Path, controller_field: str, id_field: str | None, until: date | None,
                    origin: str) -> SeriesImport:
    days, dated, last_day = dated_snapshots(folder, _SUFFIXES, "snapshots", until)
    open_claims: dict[str, ZoneState] = {}
    claims: list[ZoneState] = []
    for position, day in enumerate(days):
        end = days[position + 1] - timedelta(days=1) if position + 1 < len(days) else last_day
        areas = _snapshot_areas(dated[day], controller_field, id_field)
        for key in list(open_claims):
            if key not in areas:  # the area is gone from this snapshot: its last state ends the day before
                claims.append(open_claims.pop(key))
        for key, (controller, geometry, name) in areas.items():
            current = open_claims.get(key)
            if current is not None and current.controller == controller and _same_outline(current.geometry,
                                                                                          geometry):
                open_claims[key] = replace(current, valid_to=end)
                continue
            if current is not None:
                claims.append(current)
            open_claims[key] = ZoneState(
                area_id=key, controller=controller, valid_from=day, valid_to=end, geometry=geometry,
                confidence="control", sources=(SourceRef(f"snapshot {dated[day].name}", published=day.isoformat()),),
                origin=origin, name=name,
            )
    claims.extend(open_claims.values())
    return SeriesImport(claims, days, [str(dated[d]) for d in days])


def _snapshot_areas(file: Path, controller_field: str, id_field: str | None
                    ) -> dict[str, tuple[str, BaseGeometry, str | None]]:
    grouped: dict[str, list[Any]] = {}
    for index, feature in enumerate(_read_features(file)):
        props = feature.get("properties") or {}
        controller = str(props.get(controller_field) or "").strip()
        if not controller:
            raise DataError(f"{file.name}: feature {index} has no {controller_field!r}; pass "
                            "--controller-field NAME if the file calls it something else")
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise DataError(f"{file.name}: feature {index} has no valid geometry ({err})") from err
        geometry = _polygonal(geometry, file.name, index)
        key_value = props.get(id_field) if id_field else None
        key = f"{file.parent.name}:{key_value}" if key_value not in (None, "") else f"{file.parent.name}:{controller}"
        grouped.setdefault(key, [controller, [], props.get("name")])[1].append(geometry)
        if grouped[key][0] != controller:
            raise DataError(f"{file.name}: area {key_value!r} has two controllers in one snapshot")
    return {k: (c, unary_union(g), n) for k, (c, g, n) in grouped.items()}


def _read_features(file: Path) -> list[dict[str, Any]]:
    if file.suffix.lower() == ".gpkg":
        return _read_gpkg(file)
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise DataError(f"{file.name}: not a readable GeoJSON file ({err})") from err
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise DataError(f"{file.name}: expected a GeoJSON FeatureCollection")
    crs = ((document.get("crs") or {}).get("properties") or {}).get("name")
    if crs and crs not in _WGS84:
        raise DataError(f"{file.name}: CRS {crs} is not WGS84; reproject to EPSG:4326 first "
                        "(ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)")
    features = document.get("features")
    if not isinstance(features, list):
        raise DataError(f"{file.name}: 'features' must be a list")
    return features


def _read_gpkg(file: Path) -> list[dict[str, Any]]:
    import pyogrio

    try:
        layers = [name for name, _ in pyogrio.list_layers(file)]
        layer = "zone_states" if "zone_states" in layers else layers[0]
        frame = pyogrio.read_dataframe(file, layer=layer)
    except Exception as err:  # noqa: BLE001 - GDAL raises its own errors; report them as bad data
        raise DataError(f"{file.name}: not a readable GeoPackage ({err})") from err
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    return json.loads(frame.to_json(na="null"))["features"]


def _polygonal(geometry: BaseGeometry, file: str, index: int) -> BaseGeometry:
    minx, miny, maxx, maxy = geometry.bounds if not geometry.is_empty else (0, 0, 0, 0)
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise DataError(f"{file}: feature {index} has coordinates outside lon/lat range; GeoJSON is WGS84 "
                        "lon,lat (RFC 7946) — reproject it")
    if not geometry.is_valid:
        geometry = make_valid(geometry)
    parts = [g for g in getattr(geometry, "geoms", [geometry]) if isinstance(g, (Polygon, MultiPolygon))]
    if not parts:
        raise DataError(f"{file}: feature {index} is a {geometry.geom_type}; zones must be (Multi)Polygons")
    return parts[0] if len(parts) == 1 else unary_union(parts)


def _same_outline(a: BaseGeometry, b: BaseGeometry) -> bool:
    return a.equals(b) or area_km2(a.symmetric_difference(b)) < SAME_OUTLINE_KM2


def states_collection(history: ZoneHistory, what: str = "states") -> dict[str, Any]:
    """Return ``states`` (resolved), ``claims`` (as given) or ``changes`` as a FeatureCollection."""
    if what == "changes":
        features = [c.to_feature() for c in history.changes()]
    elif what in ("states", "claims"):
        features = [s.to_feature() for s in (history.states if what == "states" else history.claims)]
    else:
        raise DataError(f"what must be states, claims or changes; got {what!r}")
    return {"type": "FeatureCollection", "name": f"zone {what}", "features": features}


def write_geojson(history: ZoneHistory, path: str | Path, what: str = "states") -> int:
    """Write states/claims/changes to an RFC 7946 GeoJSON file; return the number of features."""
    collection = states_collection(history, what)
    Path(path).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return len(collection["features"])


def write_gpkg(history: ZoneHistory, path: str | Path) -> dict[str, int]:
    """Write layers ``zone_states`` and ``zone_changes`` to a GeoPackage (lists as JSON text)."""
    import geopandas as gpd

    target = Path(path)
    if target.exists():
        target.unlink()
    counts = {}
    for layer, features in (("zone_states", [s.to_feature() for s in history.states]),
                            ("zone_changes", [c.to_feature() for c in history.changes()])):
        rows = []
        for feature in features:
            props = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                     for k, v in feature["properties"].items()}
            rows.append({"type": "Feature", "geometry": feature["geometry"], "properties": props})
        counts[layer] = len(rows)
        if not rows:
            continue
        frame = gpd.GeoDataFrame.from_features(rows, crs="EPSG:4326")
        # GeoPackage 1.2: older GDAL/QGIS builds read it without a version warning
        frame.to_file(target, layer=layer, driver="GPKG", engine="pyogrio",
                      **({"mode": "a"} if target.exists() else {"dataset_options": {"VERSION": "1.2"}}))
    if not target.exists():
        raise DataError("nothing to export: the history has no states")
    return counts


def change_summary(change: ZoneChange) -> str:
    """Return a one-line description of a change (for the CLI)."""
    where = ", ".join(change.names or change.area_ids) or "an area"
    return (f"{change.date}  {change.before or '-'} -> {change.after or '-'}  {change.area_km2:,.1f} km²  "
            f"({where})")


__all__ = [
    "SAME_OUTLINE_KM2", "SeriesImport", "change_summary", "default_history", "read_series", "seed_claims",
    "states_collection", "write_geojson", "write_gpkg",
]
