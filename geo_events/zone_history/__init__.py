"""Zone histories: who held what, day by day, from curated tables, dated polygon files and reporting.

``default_history()`` is the bundled curated zones; ``read_series`` imports snapshot folders or dated
files (``read_lines`` the same for a moving line); ``HistoryProvider`` decides which history is active; ``claims_from_events`` turns territorial-change events into derived claims; ``territory_diff``
measures km² gained and lost in an equal-area projection. See ``docs/zones.md``.
"""

from __future__ import annotations

from geo_events.zone_history.diff import ControllerDiff, area_km2, diff_csv, territory_diff
from geo_events.zone_history.model import (
    CONTESTED,
    OPEN_END,
    ORIGINS,
    SourceRef,
    ZoneChange,
    ZoneState,
    resolve_area,
)
from geo_events.zone_history.lines import LineSeries, read_lines
from geo_events.zone_history.provider import HistoryProvider
from geo_events.zone_history.query import ZoneHistory, controller_at_place
from geo_events.zone_history.series import (
    default_history,
    read_series,
    seed_claims,
    states_collection,
    write_geojson,
    write_gpkg,
)

__all__ = [
    "CONTESTED", "OPEN_END", "ORIGINS", "ControllerDiff", "HistoryProvider", "LineSeries", "SourceRef", "ZoneChange", "ZoneHistory",
    "ZoneState", "area_km2", "controller_at_place", "default_history", "diff_csv", "read_lines", "read_series", "resolve_area", "seed_claims",
    "states_collection", "territory_diff", "write_geojson", "write_gpkg",
]
