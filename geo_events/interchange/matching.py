"""Data-set rows against what the store already holds: which event a row's source id lives in, and which
event coded from articles a new row reports (the multi-source merge rule of ``geo_events.merge``).

One pass over the store when the import starts: events holding a source of this data set map its id to
their event id (a row merged into an article's event is found again by its id, so a re-import updates it
instead of duplicating it); events with no data-set source at all are the candidates a new row may merge
into, looked up by date window then ``merge.events_match`` (place, type, actors). Each candidate takes at
most one row of a file: two rows of one data set are two incidents by the data set's own coding.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from datetime import date
from typing import Any

import orjson

from geo_events.geodesy import haversine_km

#: Source-id prefixes of every data set (an event with any of them is not an article candidate).
DATASET_PREFIXES = (b'"acled:', b'"ucdp-ged:')


def _raws(store: Any) -> Iterator[bytes]:
    """Every stored event as JSON bytes, a chunk at a time (never the whole store in memory)."""
    from geo_events.query import EventQuery

    if hasattr(store, "iter_query_raw"):
        for chunk in store.iter_query_raw(EventQuery(limit=max(1, len(store)))):
            yield from chunk
        return
    for feature in store:
        yield orjson.dumps(feature)


class StoredEvents:
    """What an import needs to know about the events already stored (see the module docstring)."""

    def __init__(self, store: Any, prefix: str) -> None:
        from geo_events.merge import DATE_TOLERANCE_DAYS

        self.by_source: dict[str, str] = {}
        self._reach = max(DATE_TOLERANCE_DAYS.values())
        candidates: list[tuple[int, str, dict[str, Any]]] = []
        marker = b'"' + prefix.encode()
        for raw in _raws(store) if len(store) else []:
            has_dataset = any(p in raw for p in DATASET_PREFIXES)
            if has_dataset and marker not in raw:
                continue
            feature = orjson.loads(raw)
            props = feature["properties"]
            if has_dataset:
                for source in props.get("sources") or []:
                    if str(source.get("id", "")).startswith(prefix):
                        self.by_source[source["id"]] = props["id"]
                continue
            day = date.fromisoformat(str(props["event_date"])).toordinal()
            candidates.append((day, props["id"], feature))
        candidates.sort(key=lambda c: (c[0], c[1]))
        self._days = [c[0] for c in candidates]
        self._candidates = [c[2] for c in candidates]
        self._taken: set[str] = set()

    def match(self, feature: dict[str, Any]) -> dict[str, Any] | None:
        """Return the stored article event ``feature`` reports (nearest in time, then space), or None."""
        if not self._days:
            return None
        from geo_events.merge import events_match

        props = feature["properties"]
        day = date.fromisoformat(str(props["event_date"])).toordinal()
        lo = bisect.bisect_left(self._days, day - self._reach)
        hi = bisect.bisect_right(self._days, day + self._reach)
        best: tuple[tuple[int, float, str], dict[str, Any]] | None = None
        lon, lat = feature["geometry"]["coordinates"][:2]
        for index in range(lo, hi):
            candidate = self._candidates[index]
            cid = candidate["properties"]["id"]
            if cid in self._taken or not events_match(candidate, feature):
                continue
            clon, clat = candidate["geometry"]["coordinates"][:2]
            key = (abs(self._days[index] - day), haversine_km(lat, lon, clat, clon), cid)
            if best is None or key < best[0]:
                best = (key, candidate)
        return best[1] if best else None

    def take(self, event_id: str, source_id: str) -> None:
        """Record that the row with ``source_id`` now lives in stored event ``event_id``."""
        self._taken.add(event_id)
        self.by_source[source_id] = event_id


__all__ = ["StoredEvents"]
