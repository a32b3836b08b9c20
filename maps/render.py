"""Build Folium maps of events, control zones, the de-confliction line and the Euphrates.

``build_map`` takes data (FeatureCollections or GeoDataFrames) and never loads any itself: callers (the
CLI, the API router, notebooks) fetch events from a store and zones from ``geo_events.zones``.

Examples
--------
>>> from maps.render import render_html
>>> page = render_html({"type": "FeatureCollection", "features": []}, self_contained=True)
>>> "GeoEvents.EventLayer" in page
True
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Any

import folium

from geo_events.errors import DataError
from maps.assets import page_assets
from maps.basemap import offline_basemap
from maps.encode import encode_events, escape_text, summary
from maps.layers import (
    Attribution,
    EventCanvasLayer,
    HtmlControl,
    RawHtml,
    TimeSlider,
    basemap_pane,
    escaped_properties,
    legend_html,
    ordered_controllers,
)
from maps.styles import REGION_AREA_KM, line_style, river_style, zone_style

DEFAULT_TITLE = "geo-events: conflict events and control zones"
#: Where an empty map opens (Syria), as (minx, miny, maxx, maxy).
DEFAULT_BOUNDS = (35.6, 32.3, 42.4, 37.4)
ZONE_FIELDS = ("name", "controller", "valid_from", "valid_to", "confidence", "source")
ZONE_ALIASES = ("Zone", "Controller", "Valid from", "Valid to", "Confidence", "Source")
LINE_FIELDS = ("name", "valid_from", "valid_to", "source")
LINE_ALIASES = ("Line", "Valid from", "Valid to", "Source")


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


Bounds = tuple[float, float, float, float]


def _bounds(features: list[dict[str, Any]]) -> Bounds | None:
    points = [p for f in features for p in _coordinates(f.get("geometry"))]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def _points_bounds(coords: Any) -> Bounds | None:
    if not len(coords):
        return None
    low, high = coords.min(axis=0), coords.max(axis=0)
    return float(low[0]), float(low[1]), float(high[0]), float(high[1])


def _union(first: Bounds | None, second: Bounds | None) -> Bounds | None:
    if first is None or second is None:
        return first or second
    return min(first[0], second[0]), min(first[1], second[1]), max(first[2], second[2]), max(first[3], second[3])


def _span(bounds: Bounds, min_span: float) -> Bounds:
    minx, miny, maxx, maxy = bounds
    if maxx - minx < min_span:
        mid = (minx + maxx) / 2
        minx, maxx = mid - min_span / 2, mid + min_span / 2
    if maxy - miny < min_span:
        mid = (miny + maxy) / 2
        miny, maxy = mid - min_span / 2, mid + min_span / 2
    return minx, miny, maxx, maxy


def euphrates_feature() -> dict[str, Any] | None:
    """Return the Euphrates as a Feature from the curated gazetteer supplement, or None.

    Read straight from ``seeds/gazetteer/features.geojson`` (a few kB), not through the world gazetteer:
    iterating every place cost the first map of a fresh install ~50 s (the index build) and each later
    map a pass over ~240,000 places.
    """
    return copy.deepcopy(_euphrates())


@lru_cache(maxsize=1)
def _euphrates() -> dict[str, Any] | None:
    try:
        from geo_events.settings import seed_path

        collection = json.loads(seed_path("gazetteer/features.geojson").read_text(encoding="utf-8"))
        for feature in collection.get("features") or []:
            props = feature.get("properties") or {}
            is_line = (feature.get("geometry") or {}).get("type") in ("LineString", "MultiLineString")
            if props.get("kind") == "river" and "euphrates" in str(props.get("name", "")).lower() and is_line:
                return {
                    "type": "Feature",
                    "geometry": feature["geometry"],
                    "properties": {"name": props["name"], "source": props.get("source")},
                }
    except (OSError, ValueError, KeyError, TypeError):  # a missing optional layer must not break the map
        return None
    return None


def _with_fields(collection: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    for feature in collection["features"]:
        for name in fields:
            value = feature["properties"].get(name)
            feature["properties"][name] = "" if value is None else value
    return collection



def river_layer_features(river: Any) -> list[dict[str, Any]]:
    """Return the river Features a map draws: ``"auto"`` (the Euphrates), given GeoJSON, or none."""
    if river == "auto":
        found = euphrates_feature()
        return [found] if found else []
    return as_features(river or None, "river")


@dataclass(frozen=True)
class PageOptions:
    """How a map page is made (the keyword arguments of :func:`build_map` of the same names)."""

    title: str = DEFAULT_TITLE
    self_contained: bool = True
    river: Any = "auto"
    compress: bool | str = "auto"
    labels: bool = True


def river_overlay(river_features: list[dict[str, Any]]) -> folium.GeoJson:
    """Return the river overlay (the Euphrates, blue, with a name tooltip)."""
    return folium.GeoJson(
        _with_fields(escaped_properties({"features": river_features}), ("name", "source")),
        name="Euphrates",
        style_function=river_style,
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    )


def map_view(
    payload: dict[str, Any], zone_features: list[dict[str, Any]], line_features: list[dict[str, Any]]
) -> tuple[Bounds, Bounds]:
    """Return ``(view, everything)``: the bounds a map opens on and the bounds of all its data."""
    event_box = _points_bounds(payload["coords"])
    zone_box = _bounds(zone_features)
    if event_box and zone_box:
        view = _union(_span(event_box, 1.0), zone_box)
    elif event_box:
        view = _span(event_box, 3.0)
    else:
        view = zone_box or DEFAULT_BOUNDS
    everything = _union(event_box, _bounds(zone_features + line_features)) or view
    return view, everything


def new_map(view: Bounds, everything: Bounds, page: PageOptions) -> folium.Map:
    """Return an empty geo-events map: page assets, title, OSM tiles and the offline basemap of ``everything``."""
    title, self_contained = page.title, page.self_contained
    fmap = folium.Map(
        location=[(view[1] + view[3]) / 2, (view[0] + view[2]) / 2],
        zoom_start=7,
        tiles=None,
        control_scale=True,
        width="100%",
        height="100%",
    )
    fmap.default_js = []  # Folium's CDN jQuery/Bootstrap/awesome-markers are not used by these maps
    fmap.default_css = []
    root = fmap.get_root()
    root.header.add_child(RawHtml(page_assets(self_contained)), name="geo_events_assets")
    root.header.add_child(RawHtml(f"<title>{escape_text(title)}</title>"), name="geo_events_title")

    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=not self_contained).add_to(fmap)
    basemap_pane().add_to(fmap)
    offline_basemap(everything, show=self_contained, labels=page.labels).add_to(fmap)
    return fmap


def finish_map(
    fmap: folium.Map,
    layer: EventCanvasLayer,
    facts: dict[str, Any],
    controllers: set[str],
    *,
    has_line: bool,
    has_river: bool,
    title: str,
    subtitle: list[str],
    has_zones: bool,
    view: Bounds,
) -> None:
    """Add the legend, title box, attribution and layer control, and fit the map to ``view``.

    ``subtitle`` items are pre-escaped HTML; ``title`` is escaped here.
    """
    legend = legend_html(
        facts["event_types"], ordered_controllers(controllers), has_line, has_river, facts["precisions"]
    )
    HtmlControl(legend, "legend", layer).add_to(fmap)
    HtmlControl(
        f"<h1>{escape_text(title)}</h1><div class=\"ge-subtitle\">{' · '.join(subtitle)}</div>", "title"
    ).add_to(fmap)
    credits = ["Events: geo-events (sources in popups)", "Places: GeoNames (CC BY 4.0)"]
    if has_zones:
        credits.append("Zones: dated sources in tooltips")
    credits.append("Outlines: Natural Earth")
    Attribution(" | ".join(credits)).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.fit_bounds([[view[1], view[0]], [view[3], view[2]]], max_zoom=9, padding=(24, 24))

def build_map(
    events: Any,
    zones: Any = None,
    line: Any = None,
    *,
    date: Date | str | None = None,
    title: str = DEFAULT_TITLE,
    self_contained: bool = True,
    river: Any = "auto",
    compress: bool | str = "auto",
    labels: bool = True,
) -> folium.Map:
    """Return a Folium map of events, the control zones and the de-confliction line of one date.

    Parameters
    ----------
    events : dict, list or GeoDataFrame
        Event Features (``geo_events.models.Event`` shape). All go into ONE canvas layer, so 100,000
        events stay responsive; popups are built in the browser when an event is clicked.
    zones : dict or GeoDataFrame, optional
        Control-zone polygons valid on ``date`` (``geo_events.zones.zones_on(date)``), coloured by
        ``controller``.
    line : dict or GeoDataFrame, optional
        The de-confliction line valid on ``date`` (``geo_events.zones.deconfliction_line(date)``).
    date : date or str, optional
        The day the zones and line are valid (shown in the subtitle and layer names).
    title : str
        Page and map title (escaped).
    self_contained : bool
        Inline Leaflet and every asset (no external ``src``/``href``) and open on the offline basemap
        (sea background plus country outlines) instead of OpenStreetMap tiles. The default: False links
        Leaflet from a CDN (a smaller page that is blank without network).
    river : "auto", dict, None or False
        The Euphrates: ``"auto"`` takes it from the gazetteer when available; a Feature/collection draws
        that; None/False draws none.
    compress : bool or "auto"
        Deflate + base64 the event payload (the page inflates it); ``"auto"`` compresses big maps.
    labels : bool
        Town and city labels, rivers and admin-1 outlines from the bundled gazetteer on the offline
        basemap (``maps.basemap``); False draws country outlines only.

    Returns
    -------
    folium.Map

    Raises
    ------
    geo_events.errors.DataError
        When an input is not GeoJSON-like or an event lacks a Point geometry or a date.
    """
    event_features = as_features(events, "events")
    zone_features = as_features(zones, "zones")
    line_features = as_features(line, "line")
    river_features = river_layer_features(river)
    payload = encode_events(event_features)
    view, everything = map_view(payload, zone_features, line_features)
    fmap = new_map(view, everything, PageOptions(title, self_contained, river, compress, labels))

    day_label = escape_text(str(date)) if date else ""
    controllers: set[str] = set()
    if zone_features:
        controllers = {str((f.get("properties") or {}).get("controller") or "") for f in zone_features} - {""}
        safe_zones = _with_fields(escaped_properties({"features": zone_features}, style=zone_style), ZONE_FIELDS)
        folium.GeoJson(
            safe_zones,
            name=f"Control zones {day_label}".strip(),
            style_function=lambda f: f["properties"]["_style"],
            tooltip=folium.GeoJsonTooltip(fields=list(ZONE_FIELDS), aliases=list(ZONE_ALIASES)),
            highlight_function=lambda f: {"weight": 3, "fillOpacity": 0.45},
        ).add_to(fmap)
    if river_features:
        river_overlay(river_features).add_to(fmap)
    if line_features:
        folium.GeoJson(
            _with_fields(escaped_properties({"features": line_features}), LINE_FIELDS),
            name=f"De-confliction line {day_label}".strip(),
            style_function=line_style,
            tooltip=folium.GeoJsonTooltip(fields=list(LINE_FIELDS), aliases=list(LINE_ALIASES)),
        ).add_to(fmap)

    layer = EventCanvasLayer(payload, name=f"Events ({len(event_features)})", region_km=REGION_AREA_KM, compress=compress)
    layer.add_to(fmap)
    if event_features:
        TimeSlider(layer).add_to(fmap)
    facts = summary(payload)
    subtitle = [f"{len(event_features)} events"]
    if facts["first"]:
        first, last = facts["first"], facts["last"]
        subtitle.append(escape_text(first if first == last else f"{first} to {last}"))
    if day_label:
        subtitle.append(f"control zones on {day_label}")
    finish_map(
        fmap,
        layer,
        facts,
        controllers,
        has_line=bool(line_features),
        has_river=bool(river_features),
        title=title,
        subtitle=subtitle,
        has_zones=bool(zone_features or line_features),
        view=view,
    )
    return fmap


def render_html(
    events: Any,
    zones: Any = None,
    line: Any = None,
    *,
    date: Date | str | None = None,
    title: str = DEFAULT_TITLE,
    self_contained: bool = True,
    river: Any = "auto",
    compress: bool | str = "auto",
    labels: bool = True,
) -> str:
    """Return the map page as one HTML string (same arguments as :func:`build_map`)."""
    fmap = build_map(
        events, zones, line, date=date, title=title, self_contained=self_contained, river=river, compress=compress,
        labels=labels,
    )
    return fmap.get_root().render()
