"""The de-confliction line of one day as a map layer (a dashed black line with its dated source)."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import folium

from maps.encode import escape_text
from maps.features import Bounds, as_features, features_bounds, with_fields
from maps.layer import LegendItem
from maps.layers import escaped_properties
from maps.styles import line_style
from maps.zone_layer import ZONES_CREDIT

LINE_FIELDS = ("name", "valid_from", "valid_to", "source")
LINE_ALIASES = ("Line", "Valid from", "Valid to", "Source")
LINE_ITEM = LegendItem("De-confliction line", key="ge-linekey")


class LineLayer:
    """A dated line (the US–Russia de-confliction line) with a tooltip naming its source.

    It does not move the view the map opens on (``fit`` is False: the line runs far beyond the zones),
    but its bounds widen the offline basemap.

    Parameters
    ----------
    line : dict, list or GeoDataFrame, optional
        Line Features (``geo_events.zones.deconfliction_line(date)``); None or empty draws nothing.
    date : date or str, optional
        The day the line is valid (shown in the layer's name).
    label : str
        Its legend line.
    """

    legend_order = 20
    fit = False

    def __init__(self, line: Any = None, date: Date | str | None = None, label: str = LINE_ITEM.label) -> None:
        self.features = as_features(line, "line")
        self.name = f"De-confliction line {escape_text(str(date)) if date else ''}".strip()
        self.label = label

    def add_to(self, fmap: folium.Map) -> folium.Map:
        """Add the line as one GeoJSON layer (nothing when there is none)."""
        if self.features:
            folium.GeoJson(
                with_fields(escaped_properties({"features": self.features}), LINE_FIELDS),
                name=self.name,
                style_function=line_style,
                tooltip=folium.GeoJsonTooltip(fields=list(LINE_FIELDS), aliases=list(LINE_ALIASES)),
            ).add_to(fmap)
        return fmap

    @property
    def credit(self) -> str | None:
        """Return the attribution of the dated sources (None when nothing is drawn)."""
        return ZONES_CREDIT if self.features else None

    def legend_items(self) -> list[LegendItem]:
        """Return the line's key (none without a line)."""
        return [LegendItem(self.label, key=LINE_ITEM.key)] if self.features else []

    def bounds(self) -> Bounds | None:
        """Return the bounds of the line."""
        return features_bounds(self.features)


__all__ = ["LINE_ALIASES", "LINE_FIELDS", "LINE_ITEM", "LineLayer"]
