"""``ZoneHistory``: the states of every area through time and the answers for any day.

``zones_at(day)`` (the states valid that day), ``controller_at(point|place, day)`` (the smallest state
covering the point, as ``geo_events.zones.zone_at`` does, with the sources it rests on), ``line_at(day)``
(the de-confliction line), ``coverage_on(day)`` (territory per controller, smaller zones painted over the
larger ones they sit in) and ``changes(start, end, bbox)`` (what passed from whom to whom, day by day).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import numpy as np
import shapely
from shapely import STRtree, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from geo_events.errors import InvalidQuery
from geo_events.zone_history.changes import MIN_CHANGE_KM2, find_changes
from geo_events.zone_history.diff import overlay
from geo_events.zone_history.model import (
    OPEN_END,
    ZoneChange,
    ZoneState,
    group_by_area,
    resolve_area,
)
from geo_events.zones import ZoneData, as_date, as_point



class ZoneHistory:
    """Claims of control, resolved per area into dated states, with a spatial and a date index.

    Parameters
    ----------
    claims : Iterable[ZoneState]
        Every claim (curated, imported, derived); the same ``area_id`` groups claims of one area.
    lines : ZoneData | LineSeries | MergedLines | None
        Where the de-confliction lines come from (anything with ``line_on(day)``; default: none).
    """

    def __init__(self, claims: Iterable[ZoneState] = (), lines: ZoneData | None = None) -> None:
        self.claims: list[ZoneState] = list(claims)
        self._lines = lines
        self.states: list[ZoneState] = [s for group in group_by_area(self.claims).values()
                                        for s in resolve_area(group)]
        self._geometries = np.array([s.geometry for s in self.states], dtype=object)
        shapely.prepare(self._geometries)
        self._tree = STRtree(self._geometries)
        self._features: list[dict[str, Any] | None] = [None] * len(self.states)
        self._from = np.array([s.valid_from.toordinal() for s in self.states], dtype=np.int64)
        self._to = np.array([min(s.valid_to, OPEN_END).toordinal() for s in self.states], dtype=np.int64)
        self._areas = np.array([s.geometry.area for s in self.states])

    def extended(self, claims: Iterable[ZoneState], lines: Any = None) -> ZoneHistory:
        """Return a new history with more claims, and ``lines`` (a ``LineSeries``) answering before its own."""
        if lines is None:
            return ZoneHistory([*self.claims, *claims], self._lines)
        from geo_events.zone_history.lines import MergedLines

        return ZoneHistory([*self.claims, *claims], MergedLines([lines, self._lines]))

    @property
    def line_source(self) -> Any:
        """Where ``line_at`` takes its lines from (``ZoneData``, ``LineSeries``, ``MergedLines`` or None)."""
        return self._lines

    def span(self) -> tuple[date, date] | None:
        """Return the first and last day any state covers (the last finite ``valid_to``), or None."""
        if not self.states:
            return None
        ends = [s.valid_to for s in self.states if s.valid_to != OPEN_END] or [s.valid_from for s in self.states]
        return min(s.valid_from for s in self.states), max(ends)

    def _valid_indices(self, day: date) -> np.ndarray:
        ordinal = day.toordinal()
        return np.flatnonzero((self._from <= ordinal) & (self._to >= ordinal))

    def states_on(self, day: date | str) -> list[ZoneState]:
        """Return the states valid on ``day``."""
        return [self.states[i] for i in self._valid_indices(as_date(day))]

    def zones_at(self, day: date | str, bbox: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
        """Return a FeatureCollection of the states valid on ``day`` (optionally intersecting ``bbox``)."""
        the_day = as_date(day)
        indices = [int(i) for i in self._valid_indices(the_day)]
        if bbox is not None:
            area = box(*bbox)
            indices = [i for i in indices if self.states[i].geometry.intersects(area)]
        return {"type": "FeatureCollection", "name": f"zone states on {the_day.isoformat()}",
                "features": [self._feature(i) for i in indices]}

    def _feature(self, index: int) -> dict[str, Any]:
        """The state's Feature, built once (a fresh top-level dict each call; the geometry is shared)."""
        feature = self._features[index]
        if feature is None:
            feature = self._features[index] = self.states[index].to_feature()
        return {**feature, "properties": dict(feature["properties"])}

    def line_at(self, day: date | str) -> dict[str, Any] | None:
        """Return the de-confliction line valid on ``day`` as a Feature, or None."""
        if self._lines is None:
            return None
        line = self._lines.line_on(as_date(day))
        if line is None:
            return None
        return {"type": "Feature", "id": line.properties.get("id"), "geometry": line.geometry.__geo_interface__,
                "properties": dict(line.properties)}

    def controller_at(self, point_or_place: Any, day: date | str) -> dict[str, Any] | None:
        """Return who held a point on a day, with the state, its sources and the larger zones around it.

        Parameters
        ----------
        point_or_place : tuple[float, float] | Point | Place
            ``(lat, lon)``, a shapely Point (x=lon) or a gazetteer ``Place``.
        day : date | str
            The day (YYYY-MM-DD).

        Returns
        -------
        dict | None
            ``controller``, ``confidence``, ``origin``, ``area_id``, ``name``, ``valid_from``, ``valid_to``,
            ``sources`` (each ``{"text", "url"?, "event_id"?}``), ``claims`` when contested, ``within`` (the
            larger zones covering the point that day); None when no state covers the point.
        """
        point = as_point(point_or_place)
        the_day = as_date(day)
        ordinal = the_day.toordinal()
        near = self._tree.query(point)  # envelopes only: the day filter first, exact tests on the few left
        near = near[(self._from[near] <= ordinal) & (self._to[near] >= ordinal)]
        hits = [int(i) for i in near[shapely.covers(self._geometries[near], point)]] if len(near) else []
        if not hits:
            return None
        hits.sort(key=lambda i: self._areas[i])
        best = self.states[hits[0]]
        answer = {"date": the_day.isoformat(), "lat": point.y, "lon": point.x, **best.properties()}
        answer["within"] = [{"area_id": self.states[i].area_id, "name": self.states[i].name,
                             "controller": self.states[i].controller} for i in hits[1:]]
        return answer

    def coverage_on(self, day: date | str, include_presence: bool = False,
                    region: BaseGeometry | None = None) -> dict[str, BaseGeometry]:
        """Return the territory of each controller on ``day``: where states overlap, the smallest one holds.

        States of confidence "presence" (insurgent cells, not territorial control) are left out unless
        ``include_presence``. With ``region``, only the territory inside it is returned.
        """
        states = [s for s in self.states_on(day) if include_presence or s.confidence != "presence"]
        if region is not None:
            states = [s for s in states if s.geometry.intersects(region)]
        states.sort(key=lambda s: s.geometry.area)  # smallest first: each state shows where no smaller one lies
        tree = STRtree([s.geometry for s in states])
        parts: dict[str, list[BaseGeometry]] = {}
        for position, state in enumerate(states):
            geometry = state.geometry if region is None else overlay("intersection", state.geometry, region)
            smaller = [states[int(j)].geometry for j in tree.query(geometry, predicate="intersects") if j < position]
            if smaller:
                geometry = overlay("difference", geometry, unary_union(smaller))
            if not geometry.is_empty and geometry.area > 0:
                parts.setdefault(state.controller, []).append(geometry)
        coverage = {c: (g[0] if len(g) == 1 else unary_union(g)) for c, g in parts.items()}
        return {c: g for c, g in coverage.items() if not g.is_empty and g.area > 0}

    def change_dates(self, start: date | None = None, end: date | None = None) -> list[date]:
        """Return the days on which some state starts or ends (the day after its ``valid_to``)."""
        days = {s.valid_from for s in self.states} | {s.valid_to + timedelta(days=1)
                                                      for s in self.states if s.valid_to < OPEN_END}
        return sorted(d for d in days if (start is None or d >= start) and (end is None or d <= end))

    def changes(self, start: date | str | None = None, end: date | str | None = None,
                bbox: tuple[float, float, float, float] | None = None) -> list[ZoneChange]:
        """Return the changes of control from ``start`` to ``end`` (inclusive), optionally within ``bbox``.

        A change is the piece of territory that one controller held the day before and another (or
        nobody) holds on the day; pieces under ``MIN_CHANGE_KM2`` are dropped, and so is the day after the
        data ends (the last finite ``valid_to``). Each change carries the states that start that day over
        it (else the old controller's states that ended there) and their sources.
        """
        first = as_date(start) if start else None
        last = as_date(end) if end else None
        if first and last and first > last:
            raise InvalidQuery(f"start {first} is after end {last}", field="start")
        return find_changes(self, self.change_dates(first, last), bbox)


def controller_at_place(name: str, day: date | str, history: ZoneHistory | None = None,
                        country: str | None = None) -> dict[str, Any] | None:
    """Geocode ``name`` offline and return who held it on ``day``, with the place found.

    Returns ``controller_at``'s answer plus ``place``, ``place_id`` and ``kind``; None when no state
    covers the place. Raises ``InvalidQuery`` (field ``place``) when the gazetteer knows no such place.
    """
    from geo_events.geocoder import geocode_record
    from geo_events.zone_history.series import default_history

    the_day = as_date(day)
    record = geocode_record(name, date=the_day, country=country)
    if record is None:
        raise InvalidQuery(f"no place called {name!r} in the gazetteer; try another spelling or lat/lon",
                           field="place")
    answer = (history or default_history()).controller_at((record["lat"], record["lon"]), the_day)
    if answer is None:
        return None
    return {"place": record["name"], "place_id": record["id"], "kind": record["kind"], **answer}


__all__ = ["MIN_CHANGE_KM2", "ZoneHistory", "controller_at_place"]
