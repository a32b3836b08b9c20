"""The event store interface every backend implements (GeoJSON file today, PostGIS later)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date
from typing import Any, Protocol, runtime_checkable

from geo_events.models import Event
from geo_events.query import EventQuery, QueryResult


@runtime_checkable
class EventStore(Protocol):
    """A place events live; callers only use these verbs, so backends can be swapped."""

    def add(self, event: Event | dict[str, Any]) -> None:
        """Insert a new event; raise ``StoreError`` if its id exists."""

    def upsert(self, event: Event | dict[str, Any]) -> bool:
        """Insert or replace an event by id; return True when it was new."""

    def upsert_many(self, events: Iterable[Event | dict[str, Any]]) -> tuple[int, int]:
        """Insert or replace many events in one durable write; return (created, updated)."""

    def get(self, event_id: str) -> dict[str, Any]:
        """Return one event Feature; raise ``EventNotFound``."""

    def delete(self, event_id: str) -> None:
        """Remove one event; raise ``EventNotFound``."""

    def query(self, query: EventQuery) -> QueryResult:
        """Return one page of events matching ``query`` and the total match count."""

    def count(self, query: EventQuery | None = None) -> int:
        """Return how many events match ``query`` (all events when None)."""

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Yield every event Feature."""

    def __len__(self) -> int:
        """Return the number of events."""

    def extent(self) -> tuple[tuple[float, float, float, float] | None, tuple[date, date] | None]:
        """Return (bbox, (first date, last date)) of the stored events."""

    def transaction(self) -> AbstractContextManager[EventStore]:
        """Hold the write lock (across processes) for a read-modify-write such as a merge."""
