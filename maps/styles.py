"""Colours, sizes and labels shared by every map layer (one place to restyle the maps)."""

from __future__ import annotations

import math

#: ACLED event type → marker colour (colour-blind-aware categorical palette).
EVENT_TYPE_COLORS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
UNKNOWN_COLOR = "#7f7f7f"

#: Controller (engineer A's vocabulary in ``geo_events.zones``) → zone fill colour.
CONTROLLER_COLORS: dict[str, str] = {
    "Syrian government & allies": "#e8716d",
    "SDF & US-led coalition": "#f2c230",
    "ISIS": "#3b3b3b",
    "Turkey & TFSA": "#3f8f3a",
    "Syrian opposition": "#9ccc65",
    "Contested": "#b4a7d6",
}

#: What ``geo_precision`` means, shown in the legend and in popups.
PRECISION_LABELS: dict[int, str] = {
    1: "exact place",
    2: "near the place (approximate)",
    3: "region only (drawn as an area)",
}

#: Radius in km of the shaded area drawn for a region-level (geo_precision 3) event.
REGION_AREA_KM = 30.0

LINE_COLOR = "#111111"
RIVER_COLOR = "#2b7bba"
LAND_COLOR = "#f4f1ea"
SEA_COLOR = "#d6e4ee"
BORDER_COLOR = "#9a948a"
ADMIN1_COLOR = "#8a7f9e"


def event_color(event_type: str | None) -> str:
    """Return the marker colour of an ACLED event type (grey when unknown)."""
    return EVENT_TYPE_COLORS.get(event_type or "", UNKNOWN_COLOR)


def controller_color(controller: str | None) -> str:
    """Return the fill colour of a controller (grey when unknown)."""
    return CONTROLLER_COLORS.get(controller or "", UNKNOWN_COLOR)


def marker_radius(fatalities: int | None) -> float:
    """Return the marker radius in pixels for ``fatalities_best`` (area grows with the toll, capped).

    Examples
    --------
    >>> marker_radius(0), marker_radius(100)
    (4.0, 16.0)
    """
    count = max(int(fatalities or 0), 0)
    return round(min(4.0 + 1.2 * math.sqrt(count), 22.0), 1)


def zone_style(feature: dict) -> dict:
    """Return the Leaflet path style of a control-zone feature."""
    properties = feature.get("properties") or {}
    color = controller_color(properties.get("controller"))
    presence = str(properties.get("confidence") or "").lower() in {"presence", "low", "contested"}
    return {
        "color": color,
        "weight": 1.5,
        "fillColor": color,
        "fillOpacity": 0.22 if presence else 0.32,
        "dashArray": "4 4" if presence else None,
        "className": "ge-zone",
    }


def line_style(_feature: dict) -> dict:
    """Return the Leaflet path style of the de-confliction line."""
    return {"color": LINE_COLOR, "weight": 3.5, "dashArray": "10 6", "opacity": 0.9, "className": "ge-line"}


def river_style(_feature: dict) -> dict:
    """Return the Leaflet path style of a river (the Euphrates)."""
    return {"color": RIVER_COLOR, "weight": 3, "opacity": 0.85, "className": "ge-river"}


def outline_style(_feature: dict) -> dict:
    """Return the Leaflet path style of the offline country outlines."""
    return {
        "color": BORDER_COLOR,
        "weight": 0.8,
        "fillColor": LAND_COLOR,
        "fillOpacity": 1.0,
        "className": "ge-country",
    }


def admin1_style(_feature: dict) -> dict:
    """Return the Leaflet path style of an admin-1 (governorate) outline on the offline basemap."""
    return {"color": ADMIN1_COLOR, "weight": 1.2, "dashArray": "6 3 1 3", "fill": False, "className": "ge-admin1"}


def basemap_river_style(_feature: dict) -> dict:
    """Return the Leaflet path style of a river on the offline basemap (thinner than the Euphrates layer)."""
    return {"color": RIVER_COLOR, "weight": 1.6, "opacity": 0.7, "className": "ge-basemap-river"}
