"""Folium maps of geo-events: events, control zones and the de-confliction line.

``maps.build_map`` / ``maps.render_html`` (see ``maps.render``) make the map; ``maps.embed.embed_snippet``
the iframe for articles; ``geo-events map`` (``maps.cli``) and ``GET /maps/events.html``
(``api.routers.maps``) serve them. Folium is imported only when a map is built.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_map", "render_html"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from maps import render

        return getattr(render, name)
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
