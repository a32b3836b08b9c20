"""Events as a map layer: one canvas layer for every event, a date slider, and a legend of event types."""

from __future__ import annotations

from typing import Any

import folium

from maps.encode import encode_events, summary
from maps.features import Bounds, as_features, points_bounds
from maps.layer import LegendItem
from maps.layers import EventCanvasLayer, TimeSlider
from maps.styles import EVENT_TYPE_COLORS, PRECISION_LABELS, REGION_AREA_KM, UNKNOWN_COLOR

EVENTS_SECTION = "Events (click to hide)"
#: Legend key of the precision levels drawn differently from an exact pin (``geo_precision``).
PRECISION_KEYS = {2: "ge-swatch ge-ring", 3: "ge-swatch ge-area"}


def event_legend_items(facts: dict[str, Any]) -> list[LegendItem]:
    """Return the events' legend lines from ``maps.encode.summary``: types (click to toggle), size, precision."""
    items = [
        LegendItem(name, key="ge-swatch", color=EVENT_TYPE_COLORS.get(name, UNKNOWN_COLOR), section=EVENTS_SECTION,
                   toggles=name)
        for name in facts["event_types"]
    ]  # fmt: skip
    items.append(LegendItem("size: fatalities (best estimate)", section=EVENTS_SECTION, muted=True))
    items += [
        LegendItem(PRECISION_LABELS[level], key=key, section=EVENTS_SECTION)
        for level, key in PRECISION_KEYS.items()
        if level in facts["precisions"]
    ]
    return items


class EventLayer:
    """Every event in ONE canvas layer (100,000 stay responsive), popups built on click, and a date slider.

    Parameters
    ----------
    events : dict, list or GeoDataFrame
        Event Features (``geo_events.models.Event`` shape).
    compress : bool or "auto"
        Deflate + base64 the payload (``"auto"``: when it is large).
    region_km : float
        Radius of the area drawn for region-level (``geo_precision`` 3) events.

    Raises
    ------
    geo_events.errors.DataError
        When ``events`` is not GeoJSON-like or an event lacks a Point geometry or a date.
    """

    legend_order = 0
    fit = True
    credit = None

    def __init__(self, events: Any, compress: bool | str = "auto", region_km: float = REGION_AREA_KM) -> None:
        self.features = as_features(events, "events")
        self.payload = encode_events(self.features)
        self.facts = summary(self.payload)
        self.canvas = EventCanvasLayer(
            self.payload, name=f"Events ({len(self.features)})", region_km=region_km, compress=compress
        )

    def add_to(self, fmap: folium.Map) -> folium.Map:
        """Add the canvas layer, and the date slider when there are events."""
        self.canvas.add_to(fmap)
        if self.features:
            TimeSlider(self.canvas).add_to(fmap)
        return fmap

    def legend_items(self) -> list[LegendItem]:
        """Return the event types present (click to toggle), the size note and the precision keys."""
        return event_legend_items(self.facts)

    def bounds(self) -> Bounds | None:
        """Return the bounds of the events' points."""
        return points_bounds(self.payload["coords"])


__all__ = ["EventLayer", "event_legend_items"]
