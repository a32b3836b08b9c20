"""The event store interface every backend implements (the GeoJSON file store, PostGIS, …).

Callers (the CLI, the API, merge and ingest) use only what ``EventStore`` declares, so a backend is a new
module registered in ``geo_events.store.BACKENDS``, never a ``getattr`` or an ``if`` in a caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from geo_events.models import Event
from geo_events.query import EventQuery, QueryResult

#: Every ``EventQuery`` filter a backend may push down (``extra`` = ``property=value`` equality filters).
ALL_FILTERS: frozenset[str] = frozenset(
    {
        "bbox", "start", "end", "event_type", "sub_event_type", "actor", "country", "admin1",
        "min_fatalities", "max_fatalities", "control_zone", "side_of_line", "near", "q", "source",
        "geo_precision", "date_precision", "ids", "extra",
    }
)  # fmt: skip

#: A ``limit`` meaning "every match" (paging ignored): what ``iter_matches`` and exports ask for.
ALL_ROWS = 2**62

#: Event properties an ``EventQuery.extra`` filter may name (compared as case-folded text).
PROPERTY_FILTERS: frozenset[str] = frozenset(
    {
        "id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
        "admin1", "admin2", "country", "iso3", "geo_precision", "place_id", "fatalities_best", "control_zone",
        "side_of_line", "geocoder",
    }
)  # fmt: skip


@runtime_checkable
class EventStore(Protocol):
    """A place events live; callers only use these verbs, so backends can be swapped.

    Attributes
    ----------
    backend
        Short name of the backend (``"geojson"``, ``"postgis"``), shown by ``/health`` and ``store info``.
    capabilities
        The ``EventQuery`` filters the backend answers itself (a subset of ``ALL_FILTERS``); a caller
        applies any other filter on the streamed matches.
    local_path
        The file the store lives in (its neighbours hold journals such as ``<store>.ingest.jsonl``), or
        None for a database.
    """

    backend: str
    capabilities: frozenset[str]
    local_path: Path | None

    def add(self, event: Event | dict[str, Any]) -> None:
        """Insert a new event; raise ``StoreError`` if its id exists."""

    def upsert(self, event: Event | dict[str, Any]) -> bool:
        """Insert or replace an event by id; return True when it was new."""

    def upsert_many(
        self, events: Iterable[Event | dict[str, Any]], *, trusted: bool = False
    ) -> tuple[int, int]:
        """Insert or replace many events in one durable write; return (created, updated).

        ``trusted=True`` skips re-validating Feature dicts read back from another store (``migrate``).
        """

    def get(self, event_id: str) -> dict[str, Any]:
        """Return one event Feature; raise ``EventNotFound``."""

    def get_raw(self, event_id: str) -> bytes:
        """Return one event Feature as serialised JSON bytes; raise ``EventNotFound``."""

    def delete(self, event_id: str) -> None:
        """Remove one event; raise ``EventNotFound``."""

    def query(self, query: EventQuery) -> QueryResult:
        """Return one page of events matching ``query`` and the total match count."""

    def iter_query(self, query: EventQuery, chunk: int = 1000) -> Iterator[list[bytes]]:
        """Yield the raw JSON of the query's page (``offset``/``limit``) ``chunk`` events at a time.

        Memory stays at one chunk whatever the size of the page; damage is raised before the first chunk.
        """

    def count(self, query: EventQuery | None = None) -> int:
        """Return how many events match ``query`` (all events when None)."""

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Yield every event Feature."""

    def __len__(self) -> int:
        """Return the number of events."""

    def extent(self) -> tuple[tuple[float, float, float, float] | None, tuple[date, date] | None]:
        """Return (bbox, (first date, last date)) of the stored events."""

    def load_reference_layers(self) -> dict[str, int]:
        """Store the bundled places, dated zones and de-confliction line where other tools read them
        (PostGIS: tables; the file store: nothing); return rows written per layer."""

    def bulk_load(self, events: int) -> AbstractContextManager[None]:
        """Around a large copy of ``events`` events (``migrate``): whatever makes it fast (PostGIS: indexes
        deferred and rebuilt at the end; the file store needs nothing)."""

    def transaction(self) -> AbstractContextManager[EventStore]:
        """Hold the write lock (across processes) for a read-modify-write such as a merge."""

    def compact(self) -> None:
        """Fold pending writes into the backend's durable layout (a no-op where that means nothing)."""

    def maintain(self) -> None:
        """Housekeeping after bulk writes (file store: compact; PostGIS: ANALYZE)."""

    def flush_when_idle(self, seconds: float) -> None:
        """Keep what other programs read complete, ``seconds`` after writes (a no-op where writes are
        visible at once)."""

    def scrub(self) -> str | None:
        """Check every stored row once (a server's background task); return the damage found, or None."""

    def close(self) -> None:
        """Release what the store holds (flush timers, connection pools); safe to call twice."""

    @property
    def damage(self) -> str | None:
        """What damage reading the store has met (served as 503 by ``/health``), or None."""

    def to_geodataframe(self, query: EventQuery | None = None) -> Any:
        """Return events (all, or every match of ``query`` regardless of paging) as a GeoDataFrame."""


def iter_matches(store: EventStore, query: EventQuery, chunk: int = 1000) -> Iterator[bytes]:
    """Yield the raw JSON of every match of ``query`` (from its ``offset``, paging ignored), streamed."""
    from dataclasses import replace

    for raws in store.iter_query(replace(query, limit=ALL_ROWS), chunk):
        yield from raws


__all__ = ["ALL_FILTERS", "ALL_ROWS", "PROPERTY_FILTERS", "EventStore", "iter_matches"]
