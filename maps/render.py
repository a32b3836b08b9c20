"""Build Folium maps of events, control zones, the de-confliction line and the Euphrates.

``build_map`` takes data (FeatureCollections or GeoDataFrames) and never loads any itself: callers (the
CLI, the API router, notebooks) fetch events from a store and zones from ``geo_events.zones``. Each kind
of data is a ``maps.layer.MapLayer`` in its own module (``ZoneLayer``, ``RiverLayer``, ``LineLayer``,
``EventLayer``): ``build_map`` frames the map on the layers' bounds and writes one legend from their items.

Examples
--------
>>> from maps.render import render_html
>>> page = render_html({"type": "FeatureCollection", "features": []}, self_contained=True)
>>> "GeoEvents.EventLayer" in page
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

import folium

from maps.assets import page_assets
from maps.basemap import offline_basemap
from maps.encode import escape_text
from maps.event_layer import EventLayer, event_legend_items
from maps.features import Bounds, as_features, features_bounds, points_bounds, union, widen
from maps.layer import LegendItem, MapLayer, legend_html, ordered_legend
from maps.layers import Attribution, EventCanvasLayer, HtmlControl, RawHtml, basemap_pane
from maps.line_layer import LINE_ALIASES, LINE_FIELDS, LINE_ITEM, LineLayer
from maps.river_layer import RIVER_KEY, RIVER_NAME, RiverLayer, euphrates_feature, river_layer_features, river_overlay
from maps.zone_layer import ZONE_ALIASES, ZONE_FIELDS, ZONES_CREDIT, ZONES_SECTION, ZoneLayer, zone_legend_items

DEFAULT_TITLE = "geo-events: conflict events and control zones"
#: Where an empty map opens (Syria), as (minx, miny, maxx, maxy).
DEFAULT_BOUNDS = (35.6, 32.3, 42.4, 37.4)
#: Attribution lines every map carries before and after the layers' own credits.
CREDITS_FIRST = ("Events: geo-events (sources in popups)", "Places: GeoNames (CC BY 4.0)")
CREDITS_LAST = ("Outlines: Natural Earth",)


@dataclass(frozen=True)
class PageOptions:
    """How a map page is made (the keyword arguments of :func:`build_map` of the same names)."""

    title: str = DEFAULT_TITLE
    self_contained: bool = True
    river: Any = "auto"
    compress: bool | str = "auto"
    labels: bool = True


def frame(event_box: Bounds | None, fit_box: Bounds | None, data_box: Bounds | None) -> tuple[Bounds, Bounds]:
    """Return ``(view, everything)`` from the events' bounds, the framed layers' and all layers' bounds.

    Events alone open at least 3° wide; beside framed layers (zones) at least 1°, joined with them.
    """
    if event_box and fit_box:
        view = union(widen(event_box, 1.0), fit_box)
    elif event_box:
        view = widen(event_box, 3.0)
    else:
        view = fit_box or DEFAULT_BOUNDS
    everything = union(event_box, data_box) or view
    return view, everything


def map_view(
    payload: dict[str, Any], zone_features: list[dict[str, Any]], line_features: list[dict[str, Any]]
) -> tuple[Bounds, Bounds]:
    """Return ``(view, everything)``: the bounds a map opens on and the bounds of all its data."""
    zone_box = features_bounds(zone_features)
    return frame(points_bounds(payload["coords"]), zone_box, features_bounds(zone_features + line_features))


def layers_view(events: EventLayer, layers: Sequence[MapLayer]) -> tuple[Bounds, Bounds]:
    """Return ``(view, everything)`` of a map of ``events`` and ``layers`` (see :func:`frame`)."""
    fit_box: Bounds | None = None
    data_box: Bounds | None = None
    for layer in layers:
        box = layer.bounds()
        data_box = union(data_box, box)
        if getattr(layer, "fit", True):
            fit_box = union(fit_box, box)
    return frame(events.bounds(), fit_box, data_box)


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


def finish_page(
    fmap: folium.Map,
    canvas: EventCanvasLayer,
    legend: Sequence[LegendItem],
    credits: Sequence[str],
    *,
    title: str,
    subtitle: list[str],
    view: Bounds,
) -> None:
    """Add the legend (``legend`` items; event types toggle ``canvas``), title box, attribution and layer
    control, and fit the map to ``view``.

    ``subtitle`` items and ``credits`` are pre-escaped HTML; ``title`` is escaped here.
    """
    HtmlControl(legend_html(legend), "legend", canvas).add_to(fmap)
    HtmlControl(
        f"<h1>{escape_text(title)}</h1><div class=\"ge-subtitle\">{' · '.join(subtitle)}</div>", "title"
    ).add_to(fmap)
    lines = [*CREDITS_FIRST, *dict.fromkeys(credits), *CREDITS_LAST]
    Attribution(" | ".join(lines)).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.fit_bounds([[view[1], view[0]], [view[3], view[2]]], max_zoom=9, padding=(24, 24))


#: The legend line of the time map's change marks (a ring where territory changed hands, flashing on its day).
CHANGE_ITEM = LegendItem("change of control (ring, on its day)", key="ge-tl-ring", section=ZONES_SECTION)


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
    has_changes: bool = False,
) -> None:
    """Finish a page whose layers were added by hand (the time map): legend of the events, ``controllers``,
    the changes of control, the line and the river, then as :func:`finish_page`."""
    legend = [*event_legend_items(facts), *zone_legend_items(controllers)]
    if has_changes:
        legend.append(CHANGE_ITEM)
    if has_line:
        legend.append(LINE_ITEM)
    if has_river:
        legend.append(LegendItem(RIVER_NAME, key=RIVER_KEY))
    finish_page(fmap, layer, legend, [ZONES_CREDIT] if has_zones else [], title=title, subtitle=subtitle, view=view)


def default_layers(zones: Any = None, line: Any = None, date: Date | str | None = None, river: Any = "auto") -> list[MapLayer]:
    """Return the layers ``build_map`` draws under the events by default: zones, river, line."""
    return [ZoneLayer(zones, date), RiverLayer(river), LineLayer(line, date)]


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
    layers: Sequence[MapLayer] | None = None,
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
    if layers is None:
        layers = default_layers(zones, line, date, river)
    elif zones is not None or line is not None:
        raise ValueError("pass zones and line either as arguments or as layers=[ZoneLayer(...), LineLayer(...)]")
    else:
        bad = [type(layer).__name__ for layer in layers if not isinstance(layer, MapLayer)]
        if bad:
            raise TypeError(f"layers must follow maps.layer.MapLayer (add_to, legend_items, bounds); got {bad}")
    event_layer = EventLayer(events, compress=compress)
    view, everything = layers_view(event_layer, layers)
    fmap = new_map(view, everything, PageOptions(title, self_contained, river, compress, labels))
    for layer in layers:
        layer.add_to(fmap)
    event_layer.add_to(fmap)

    facts = event_layer.facts
    subtitle = [f"{len(event_layer.features)} events"]
    if facts["first"]:
        first, last = facts["first"], facts["last"]
        subtitle.append(escape_text(first if first == last else f"{first} to {last}"))
    if date:
        subtitle.append(f"control zones on {escape_text(str(date))}")
    credits = [credit for layer in layers if (credit := getattr(layer, "credit", None))]
    finish_page(fmap, event_layer.canvas, ordered_legend([event_layer, *layers]), credits, title=title,
                subtitle=subtitle, view=view)  # fmt: skip
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


__all__ = [
    "DEFAULT_BOUNDS",
    "DEFAULT_TITLE",
    "LINE_ALIASES",
    "LINE_FIELDS",
    "ZONE_ALIASES",
    "ZONE_FIELDS",
    "PageOptions",
    "as_features",
    "build_map",
    "default_layers",
    "euphrates_feature",
    "finish_map",
    "finish_page",
    "frame",
    "layers_view",
    "map_view",
    "new_map",
    "render_html",
    "river_layer_features",
    "river_overlay",
]
