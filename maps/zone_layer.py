"""Control zones of one day as a map layer: polygons coloured by controller, dated sources in tooltips."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import folium

from maps.encode import escape_text
from maps.features import Bounds, as_features, features_bounds, with_fields
from maps.layer import LegendItem
from maps.layers import escaped_properties
from maps.styles import CONTROLLER_COLORS, controller_color, zone_style

ZONE_FIELDS = ("name", "controller", "valid_from", "valid_to", "confidence", "source")
ZONE_ALIASES = ("Zone", "Controller", "Valid from", "Valid to", "Confidence", "Source")
ZONES_SECTION = "Control zones"
#: Attribution of the zone and line layers (pre-escaped).
ZONES_CREDIT = "Zones: dated sources in tooltips"


def ordered_controllers(names: set[str]) -> list[str]:
    """Return controllers in the fixed vocabulary order, unknown names last (sorted)."""
    known = [name for name in CONTROLLER_COLORS if name in names]
    return known + sorted(names - set(CONTROLLER_COLORS))


def controllers_of(features: list[dict[str, Any]]) -> set[str]:
    """Return the controllers named by zone Features (empty names left out)."""
    return {str((f.get("properties") or {}).get("controller") or "") for f in features} - {""}


def zone_legend_items(controllers: set[str]) -> list[LegendItem]:
    """Return the legend lines of control zones: one coloured square per controller, under one heading."""
    return [
        LegendItem(name, key="ge-swatch ge-square", color=controller_color(name), section=ZONES_SECTION)
        for name in ordered_controllers(controllers)
    ]


class ZoneLayer:
    """Control-zone polygons valid on one day, coloured by ``controller``, with a tooltip per zone.

    Parameters
    ----------
    zones : dict, list or GeoDataFrame, optional
        Zone Features (``geo_events.zones.zones_on(date)``); None or empty draws nothing.
    date : date or str, optional
        The day the zones are valid (shown in the layer's name).

    Raises
    ------
    geo_events.errors.DataError
        When ``zones`` is not GeoJSON-like.
    """

    legend_order = 10
    fit = True

    def __init__(self, zones: Any = None, date: Date | str | None = None) -> None:
        self.features = as_features(zones, "zones")
        self.name = f"Control zones {escape_text(str(date)) if date else ''}".strip()

    def add_to(self, fmap: folium.Map) -> folium.Map:
        """Add the zones as one GeoJSON layer (nothing when there are none)."""
        if self.features:
            safe = with_fields(escaped_properties({"features": self.features}, style=zone_style), ZONE_FIELDS)
            folium.GeoJson(
                safe,
                name=self.name,
                style_function=lambda f: f["properties"]["_style"],
                tooltip=folium.GeoJsonTooltip(fields=list(ZONE_FIELDS), aliases=list(ZONE_ALIASES)),
                highlight_function=lambda f: {"weight": 3, "fillOpacity": 0.45},
            ).add_to(fmap)
        return fmap

    @property
    def credit(self) -> str | None:
        """Return the attribution of the dated sources (None when nothing is drawn)."""
        return ZONES_CREDIT if self.features else None

    def legend_items(self) -> list[LegendItem]:
        """Return one square per controller present."""
        return zone_legend_items(controllers_of(self.features))

    def bounds(self) -> Bounds | None:
        """Return the bounds of the zones."""
        return features_bounds(self.features)


__all__ = ["ZONE_ALIASES", "ZONE_FIELDS", "ZoneLayer", "ordered_controllers", "zone_legend_items"]
