"""The Euphrates (or any river given as GeoJSON) as a map layer: a blue line named in its tooltip."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

import folium

from maps.features import Bounds, as_features, with_fields
from maps.layer import LegendItem
from maps.layers import escaped_properties
from maps.styles import river_style

RIVER_NAME = "Euphrates"
RIVER_KEY = "ge-linekey ge-river"


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


def river_layer_features(river: Any) -> list[dict[str, Any]]:
    """Return the river Features a map draws: ``"auto"`` (the Euphrates), given GeoJSON, or none."""
    if river == "auto":
        found = euphrates_feature()
        return [found] if found else []
    return as_features(river or None, "river")


def river_overlay(river_features: list[dict[str, Any]], name: str = RIVER_NAME) -> folium.GeoJson:
    """Return the river overlay (blue, with a name tooltip)."""
    return folium.GeoJson(
        with_fields(escaped_properties({"features": river_features}), ("name", "source")),
        name=name,
        style_function=river_style,
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    )


class RiverLayer:
    """A river drawn for orientation.

    A context layer: it neither moves the view the map opens on nor widens the offline basemap (the
    Euphrates runs through three countries), so :meth:`bounds` is None.

    Parameters
    ----------
    river : "auto", dict, list, GeoDataFrame, None or False
        ``"auto"``: the Euphrates from the bundled gazetteer; GeoJSON: that river; None/False: none.
    name : str
        Name in the layer control and the legend.
    """

    legend_order = 30
    fit = False
    credit = None

    def __init__(self, river: Any = "auto", name: str = RIVER_NAME) -> None:
        self.features = river_layer_features(river)
        self.name = name

    def add_to(self, fmap: folium.Map) -> folium.Map:
        """Add the river (nothing when there is none)."""
        if self.features:
            river_overlay(self.features, self.name).add_to(fmap)
        return fmap

    def legend_items(self) -> list[LegendItem]:
        """Return the river's key (none without a river)."""
        return [LegendItem(self.name, key=RIVER_KEY)] if self.features else []

    def bounds(self) -> Bounds | None:
        """Return None: a river is context, not data to frame."""
        return None


__all__ = ["RIVER_KEY", "RIVER_NAME", "RiverLayer", "euphrates_feature", "river_layer_features", "river_overlay"]
