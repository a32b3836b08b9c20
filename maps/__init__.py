"""Folium maps of geo-events: events, control zones and the de-confliction line.

``maps.build_map`` / ``maps.render_html`` (see ``maps.render``) make the map from layers that follow
``maps.MapLayer`` (``add_to``, ``legend_items``, ``bounds``): ``ZoneLayer``, ``RiverLayer``, ``LineLayer``
and ``EventLayer``, one module each, or your own. ``maps.embed.embed_snippet`` makes the iframe for
articles; ``geo-events map`` (``maps.cli``) and ``GET /maps/events.html`` (``api.routers.maps``) serve
them. Folium is imported only when a map is built.
"""

from __future__ import annotations

from typing import Any

#: Imported on first use (plain imports in ``__getattr__``), so ``import maps`` loads no Folium.
__all__ = ["EventLayer", "LegendItem", "LineLayer", "MapLayer", "RiverLayer", "ZoneLayer", "build_map", "render_html"]


def __getattr__(name: str) -> Any:
    if name == "build_map" or name == "render_html":
        from maps import render

        return getattr(render, name)
    if name in ("MapLayer", "LegendItem"):
        from maps import layer

        return getattr(layer, name)
    if name == "EventLayer":
        from maps.event_layer import EventLayer

        return EventLayer
    if name == "LineLayer":
        from maps.line_layer import LineLayer

        return LineLayer
    if name == "RiverLayer":
        from maps.river_layer import RiverLayer

        return RiverLayer
    if name == "ZoneLayer":
        from maps.zone_layer import ZoneLayer

        return ZoneLayer
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
