"""Fetch what a map shows: events from a store plus the zones and line of one date.

The renderer never loads data; the CLI (``geo-events map``) and the API router call :func:`map_data`,
which reads the store and asks ``geo_events.zones`` (imported lazily: an install without zone data still
draws events).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date as Date
from typing import Any

from geo_events.query import EventQuery

#: Most events one map page carries (the canvas layer stays responsive at this size).
MAP_MAX_EVENTS = 200_000


@dataclass
class MapData:
    """Everything ``maps.render.build_map`` needs for one page."""

    events: dict[str, Any]
    zones: dict[str, Any] | None
    line: dict[str, Any] | None
    date: Date | None
    number_matched: int
    truncated: bool

    def render(self, *, title: str | None = None, self_contained: bool = True) -> str:
        """Render this selection as an HTML page (see ``maps.render.render_html``)."""
        from maps.render import DEFAULT_TITLE, render_html

        return render_html(
            self.events,
            self.zones,
            self.line,
            date=self.date,
            title=title or DEFAULT_TITLE,
            self_contained=self_contained,
        )


def zones_for(day: Date | None) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Return ``(zones, line)`` FeatureCollections valid on ``day`` or ``(None, None)`` when unavailable."""
    if day is None:
        return None, None
    try:
        from geo_events import zones as zone_module
    except ImportError:
        return None, None
    zones = zone_module.zones_on(day)
    line = zone_module.deconfliction_line(day)
    return zones, line


def map_data(store: Any, query: EventQuery, day: Date | None = None, limit: int | None = None) -> MapData:
    """Query ``store`` for a map and fetch the zones of ``day``.

    Parameters
    ----------
    store : geo_events.store.EventStore
        Where the events are.
    query : EventQuery
        Filters; paging is replaced by ``limit`` (default :data:`MAP_MAX_EVENTS`) from offset 0.
    day : date, optional
        Day of the zones and line; default: the query's ``end``, else the latest matching event's date.
    limit : int, optional
        Most events to draw (newest kept first when there are more).
    """
    cap = limit or MAP_MAX_EVENTS
    page = store.query(replace(query, limit=cap, offset=0, sort="-date"))
    features = page.features
    if day is None:
        if query.end is not None:
            day = query.end
        elif features:
            day = max(Date.fromisoformat(str(f["properties"]["event_date"])[:10]) for f in features)
    zones, line = zones_for(day)
    return MapData(
        events={"type": "FeatureCollection", "features": features},
        zones=zones,
        line=line,
        date=day,
        number_matched=page.number_matched,
        truncated=page.number_matched > len(features),
    )
