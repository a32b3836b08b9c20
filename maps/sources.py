"""Fetch what a map shows: events from a store plus the zones and line of one date.

The renderer never loads data; the CLI (``geo-events map``) and the API router call :func:`map_data`,
which reads the store and asks ``geo_events.zones`` for the zones and line of the day.
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


def zones_for(day: Date | None, answers: Any = None) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Return ``(zones, line)`` FeatureCollections valid on ``day`` or ``(None, None)`` when unavailable.

    ``answers`` gives them (``zones_on``, ``deconfliction_line``: a served history's
    ``HistoryProvider.zones(store)``); default the bundled zones of ``geo_events.zones``.
    """
    if day is None:
        return None, None
    if answers is None:
        from geo_events import zones as answers  # here, not at the top: shapely loads when zones are drawn
    return answers.zones_on(day), answers.deconfliction_line(day)


def map_data(
    store: Any, query: EventQuery, day: Date | None = None, limit: int | None = None, zones: Any = None
) -> MapData:
    """Query ``store`` for a map and fetch the zones of ``day`` (from ``zones``, see :func:`zones_for`).

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
    day_zones, line = zones_for(day, zones)
    return MapData(
        events={"type": "FeatureCollection", "features": features},
        zones=day_zones,
        line=line,
        date=day,
        number_matched=page.number_matched,
        truncated=page.number_matched > len(features),
    )


@dataclass
class TimelineData:
    """Everything ``maps.timeline.build_timeline_map`` needs: events, dated zone states and lines."""

    events: dict[str, Any]
    zones: dict[str, Any]
    lines: dict[str, Any]
    start: Date
    end: Date
    step: str
    date: Date | None
    number_matched: int
    truncated: bool
    changes: dict[str, Any] | None = None

    def render(self, *, title: str | None = None, self_contained: bool = True) -> str:
        """Render the time map as an HTML page (see ``maps.timeline.render_timeline_html``)."""
        from maps.render import DEFAULT_TITLE, PageOptions
        from maps.timeline import render_timeline_html

        page = PageOptions(title=title or DEFAULT_TITLE, self_contained=self_contained)
        return render_timeline_html(
            self.events, self.zones, self.lines, changes=self.changes, start=self.start, end=self.end,
            step=self.step, date=self.date, page=page,
        )


def dated_lines(history: Any, start: Date, end: Date) -> dict[str, Any]:
    """Return the de-confliction lines of ``history`` from ``start`` to ``end`` with the days each held.

    ``history.line_at`` is asked day by day; runs of the same line become one Feature whose
    ``valid_from``/``valid_to`` are the run's first and last day (clipped to the period).
    """
    from datetime import timedelta

    features: list[dict[str, Any]] = []
    day, last_key = start, None
    while day <= end:
        line = history.line_at(day)
        key = None if line is None else (line.get("id"), str(line.get("geometry")))
        if key is not None and key == last_key:
            features[-1]["properties"]["valid_to"] = day.isoformat()
        elif line is not None:
            properties = {**line["properties"], "valid_from": day.isoformat(), "valid_to": day.isoformat()}
            features.append({"type": "Feature", "geometry": line["geometry"], "properties": properties})
        last_key = key
        day += timedelta(days=1)
    return {"type": "FeatureCollection", "features": features}


def timeline_data(
    store: Any,
    query: EventQuery,
    history: Any,
    step: str,
    day: Date | None = None,
    limit: int | None = None,
) -> TimelineData:
    """Query ``store`` for a time map and take the zone states and lines of the period from ``history``.

    Parameters
    ----------
    store : geo_events.store.EventStore
        Where the events are.
    query : EventQuery
        Filters; its ``start``/``end`` are the period (default: the matching events' first and last
        day, else the history's span).
    history : geo_events.zone_history.ZoneHistory
        The zones through time (``default_history()`` or one built with files and reporting).
    step : str
        ``day``, ``week`` or ``month``.
    day : date, optional
        The day the page opens on.
    limit : int, optional
        Most events to draw (newest kept first when there are more).
    """
    from geo_events.errors import InvalidQuery
    from maps.timeline import timeline_steps

    cap = limit or MAP_MAX_EVENTS
    page = store.query(replace(query, limit=cap, offset=0, sort="-date"))
    features = page.features
    dates = [Date.fromisoformat(str(f["properties"]["event_date"])[:10]) for f in features]
    span = history.span()
    start = query.start or (min(dates) if dates else span[0] if span else None)
    end = query.end or (max(dates) if dates else span[1] if span else None)
    if start is None or end is None:
        raise InvalidQuery("no events and no zone history to take the period from; give start and end", "start")
    timeline_steps(start, end, step)  # refuse an unusable step or period before any geometry work
    states = [s.to_feature() for s in history.states if s.valid_from <= end and s.valid_to >= start]
    changes = [c.to_feature() for c in history.changes(start, end)]
    return TimelineData(
        events={"type": "FeatureCollection", "features": features},
        zones={"type": "FeatureCollection", "features": states},
        lines=dated_lines(history, start, end),
        start=start,
        end=end,
        step=step,
        date=day,
        number_matched=page.number_matched,
        truncated=page.number_matched > len(features),
        changes={"type": "FeatureCollection", "features": changes},
    )
