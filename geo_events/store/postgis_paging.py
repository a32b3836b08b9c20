"""Deep pages and counts of the PostGIS store: keyset seeks behind ``offset``, exact counts computed once.

The API pages by ``offset`` (OGC ``next`` links), which PostgreSQL answers by reading and dropping every
skipped row: page 1,000 of 100 reads 100,000 wide rows. ``PageCache`` remembers, per query (its WHERE
clause, parameters and sort), the sort key of the last row of each page served, and the exact count. The
next page then *seeks* past that key through the sort's index (``(event_date, seq) > (…)``) and skips
nothing. Both are only used while the table's write generation (``geo_events_writes``, bumped by a
trigger in every writing transaction and read in the same snapshot as the rows) is the one they were
recorded at, so answers are exactly those of ``OFFSET`` and ``count(*)``, only cheaper.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

#: Sort → (the columns of its key, in ORDER BY order; whether the first is descending).
SORT_KEYS: dict[str, tuple[tuple[str, ...], bool]] = {
    "date": (("event_date", "seq"), False),
    "-date": (("event_date", "seq"), True),
    "fatalities": (("fatalities_best", "seq"), False),
    "-fatalities": (("fatalities_best", "seq"), True),
    "id": (("id",), False),
    "insertion": (("seq",), False),
}
#: SQL of the write generation (one row), read in the same statement as the rows it vouches for.
GENERATION = "(SELECT n FROM geo_events_writes)"

Key = tuple[Any, ...]
Signature = tuple[Any, ...]


def signature(where: str, params: list[Any], sort: str) -> Signature:
    """Return a hashable name of a query's matches in its order (what a cache entry is kept under)."""
    return (where, tuple(tuple(p) if isinstance(p, list) else p for p in params), sort)


def seek_clause(sort: str, key: Key) -> tuple[str, list[Any]]:
    """Return the SQL condition (and parameters) "comes after ``key`` in the order of ``sort``"."""
    columns, descending = SORT_KEYS[sort]
    if len(columns) == 1:
        return f"{columns[0]} > %s", [key[0]]
    first, tie = columns
    if descending:  # first DESC, tie ASC: no row comparison expresses the mixed order
        return f"({first} < %s OR ({first} = %s AND {tie} > %s))", [key[0], key[0], key[1]]
    return f"({first}, {tie}) > (%s, %s)", [key[0], key[1]]


@dataclass
class _Entry:
    generation: int
    count: int | None = None
    seeks: dict[int, Key] = field(default_factory=dict)  # offset of the next row → key of the row before it


class PageCache:
    """Seek keys of pages served and exact counts, per query, valid for one write generation.

    Parameters
    ----------
    queries
        Most queries remembered (least recently used dropped first).
    seeks_per_query
        Most page boundaries remembered per query.
    """

    def __init__(self, queries: int = 512, seeks_per_query: int = 64) -> None:
        self._entries: OrderedDict[Signature, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.queries = queries
        self.seeks_per_query = seeks_per_query

    def _entry(self, sig: Signature, generation: int, create: bool) -> _Entry | None:
        entry = self._entries.get(sig)
        if entry is not None and entry.generation != generation:
            entry = None
            del self._entries[sig]
        if entry is None and create:
            entry = self._entries[sig] = _Entry(generation)
            while len(self._entries) > self.queries:
                self._entries.popitem(last=False)
        if entry is not None:
            self._entries.move_to_end(sig)
        return entry

    def seek(self, sig: Signature, generation: int, offset: int) -> tuple[int, Key] | None:
        """Return the nearest remembered boundary at or before ``offset``: (its offset, the key before it)."""
        with self._lock:
            entry = self._entry(sig, generation, create=False)
            if entry is None:
                return None
            best = max((o for o in entry.seeks if o <= offset), default=None)
            return None if best is None else (best, entry.seeks[best])

    def remember_seek(self, sig: Signature, generation: int, offset: int, key: Key) -> None:
        """Record that the row before position ``offset`` of these matches has sort key ``key``."""
        with self._lock:
            entry = self._entry(sig, generation, create=True)
            assert entry is not None
            entry.seeks[offset] = key
            while len(entry.seeks) > self.seeks_per_query:
                del entry.seeks[next(iter(entry.seeks))]

    def count(self, sig: Signature, generation: int) -> int | None:
        """Return the remembered exact count of these matches, or None."""
        with self._lock:
            entry = self._entry(sig, generation, create=False)
            return None if entry is None else entry.count

    def remember_count(self, sig: Signature, generation: int, count: int) -> None:
        """Record the exact count of these matches at ``generation``."""
        with self._lock:
            entry = self._entry(sig, generation, create=True)
            assert entry is not None
            entry.count = count

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()


__all__ = ["GENERATION", "SORT_KEYS", "PageCache", "seek_clause", "signature"]
