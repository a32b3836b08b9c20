"""Which zone history is active: the bundled zones, the user's history files and the store's reports.

One ``HistoryProvider`` decides it for every caller (REST ``/zones*``, the time map, the OGC
``control-zones`` collection): the bundled curated zones and line, merged with the files named by
``GEO_EVENTS_ZONE_HISTORY`` (``os.pathsep``-separated; zone series and line series, see
``read_series`` / ``read_lines``) or given to ``HistoryProvider(files)``, and with the states derived from
the store's territorial-change events. Curated wins over imported, imported over derived (per area,
``resolve_area``); disagreeing claims of equal rank stay visible as "Contested". The derived part is
recomputed when the store's event count changes. ``provider.zones(store)`` answers with the functions of
``geo_events.zones`` (``zones_on``, ``zone_at``, ``side_of_line``, ``deconfliction_line``,
``all_zones``, ``all_lines``): exactly the bundled answers while nothing else is active.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from geo_events.zone_history.lines import LineSeries, MergedLines, is_line_file, read_lines
from geo_events.zone_history.model import ZoneState
from geo_events.zone_history.query import ZoneHistory


class HistoryProvider:
    """The active zone history: bundled + files + derived from a store (cached per store and size).

    Parameters
    ----------
    files : Sequence[str | Path]
        Zone series (polygons: a snapshot folder or a dated-states GeoJSON/GeoPackage) and line series
        (lines: a snapshot folder or a dated GeoJSON), read once here; a bad file raises ``DataError``.
    seeds : bool
        Start from the bundled curated zones and line (default).
    derive : bool
        Add the states derived from a store's territorial-change events when a store is given.
    """

    def __init__(self, files: Sequence[str | Path] = (), *, seeds: bool = True, derive: bool = True) -> None:
        from geo_events.zone_history.series import default_history, read_series
        from geo_events.zones import ZoneData

        self.files = [Path(f) for f in files]
        self.derive = derive
        claims: list[ZoneState] = []
        lines: list[LineSeries] = []
        for path in self.files:
            if is_line_file(path):
                lines.append(read_lines(path))
            else:
                claims.extend(read_series(path).claims)
        self.imported_claims = claims
        self.line_series = lines
        base = default_history() if seeds else ZoneHistory(lines=ZoneData.default())
        self.seeds = seeds
        if claims or lines:  # the bundled line stays, answering the days no line series covers
            base = ZoneHistory([*base.claims, *claims], MergedLines([*lines, ZoneData.default()]))
        self.base = base
        self._lock = threading.Lock()
        self._cache: tuple[Any, Any, ZoneHistory, int] | None = None

    @classmethod
    def from_settings(cls) -> HistoryProvider:
        """Return the provider of ``GEO_EVENTS_ZONE_HISTORY`` (``geo_events.settings``)."""
        from geo_events.settings import get_settings

        configured = get_settings().zone_history or ""
        return cls([name for name in configured.split(os.pathsep) if name.strip()])

    def history(self, store: Any = None) -> ZoneHistory:
        """Return the active history: the base, plus the claims derived from ``store``'s events."""
        if store is None or not self.derive:
            return self.base
        key = (id(store), len(store))
        with self._lock:
            if self._cache is not None and self._cache[0] == key and self._cache[1] is store:
                return self._cache[2]
        from geo_events.zone_history.derive import history_from_reporting, kind_from_gazetteer, territorial_events

        events = territorial_events(store)
        history = history_from_reporting(events, self.base, kind_from_gazetteer)[0] if events else self.base
        with self._lock:
            self._cache = (key, store, history, len(events))
        return history

    def is_bundled(self, store: Any = None) -> bool:
        """True when only the bundled seeds answer (no files, nothing derived from ``store``)."""
        return self.seeds and self.history(store) is default_seed_history()

    def zones(self, store: Any = None) -> ActiveZones:
        """Return the ``geo_events.zones``-style answers of the active history for ``store``."""
        return ActiveZones(self, store)


def default_seed_history() -> ZoneHistory:
    """The bundled history (``series.default_history``), for identity checks."""
    from geo_events.zone_history.series import default_history

    return default_history()


class ActiveZones:
    """``zones_on`` / ``zone_at`` / ``side_of_line`` / ``deconfliction_line`` / ``all_zones`` / ``all_lines``.

    While only the bundled data is active the answers are those of ``geo_events.zones`` unchanged; else
    they come from the history, with the same properties (``id`` the area, ``source`` the sources as
    text) plus ``state_id``, ``origin`` and ``sources`` (and ``claims`` on contested states).
    """

    def __init__(self, provider: HistoryProvider, store: Any = None) -> None:
        self.provider = provider
        self.history = provider.history(store)
        self.bundled = provider.seeds and self.history is default_seed_history()

    def _lines(self) -> Any:
        return self.history.line_source

    def zones_on(self, day: date | str) -> dict[str, Any]:
        """Return a FeatureCollection of the zones valid on ``day``."""
        from geo_events import zones

        if self.bundled:
            return zones.zones_on(day)
        the_day = zones.as_date(day)
        collection = self.history.zones_at(the_day)
        collection["name"] = f"control zones on {the_day.isoformat()}"
        collection["features"] = [_compatible(f) for f in collection["features"]]
        return collection

    def zone_at(self, point_or_place: Any, day: date | str) -> dict[str, Any] | None:
        """Return the properties of the smallest zone covering the point on ``day``, or None."""
        from geo_events import zones

        if self.bundled:
            return zones.zone_at(point_or_place, day)
        answer = self.history.controller_at(point_or_place, day)
        if answer is None:
            return None
        for key in ("date", "lat", "lon"):
            answer.pop(key, None)
        return _compatible({"properties": answer})["properties"]

    def side_of_line(self, point_or_place: Any, day: date | str) -> str | None:
        """Return "east" / "west" of the active line on ``day`` (None: no line or beyond its ends)."""
        from geo_events import zones

        return zones.side_of_line(point_or_place, day, data=None if self.bundled else self._lines())

    def deconfliction_line(self, day: date | str) -> dict[str, Any]:
        """Return a FeatureCollection holding the active line of ``day`` (empty if none)."""
        from geo_events import zones

        if self.bundled or self._lines() is None:
            return zones.deconfliction_line(day) if self.bundled else {"type": "FeatureCollection", "features": []}
        return zones.deconfliction_line(day, data=self._lines())

    def all_zones(self) -> dict[str, Any]:
        """Return every zone state of the active history as a FeatureCollection (OGC collections)."""
        from geo_events import zones

        if self.bundled:
            return zones.all_zones()
        return {"type": "FeatureCollection", "name": "control zones",
                "features": [_compatible(s.to_feature()) for s in self.history.states]}

    def all_lines(self) -> dict[str, Any]:
        """Return every dated line of the active history: the imported line series', then the bundled line."""
        from geo_events import zones

        bundled = zones.all_lines()
        if self.bundled or not self.provider.line_series:
            return bundled
        imported = [f for series in self.provider.line_series for f in series.features()]
        return {**bundled, "features": [*imported, *bundled["features"]]}


def _compatible(feature: dict[str, Any]) -> dict[str, Any]:
    """A history Feature with the property names of ``geo_events.zones`` added (``id``, ``source``)."""
    props = dict(feature["properties"])
    props["state_id"] = props.get("id")
    props["id"] = props.get("area_id")
    props["source"] = "; ".join(s.get("text", "") for s in props.get("sources") or []) or None
    return {**feature, "id": props["id"], "properties": props}


__all__ = ["ActiveZones", "HistoryProvider"]
