"""Bulk loads of the PostGIS store: COPY straight into ``events`` and secondary indexes rebuilt afterwards.

Keeping 14 indexes (3 of them trigram GIN) up to date row by row is what made a large copy slow; building
them once over the loaded table is several times cheaper. ``defer_indexes`` drops every index that backs
no constraint (the primary key and ``seq`` stay, so upserts by id keep working) and records its definition
in ``geo_events_deferred_indexes`` *in the same transaction*, so a load killed half-way never loses one:
``rebuild_indexes`` (run at the end of the load, by ``maintain()`` and by ``geo-events db upgrade``)
creates whatever is recorded, several at a time, and forgets each once it exists.
"""

from __future__ import annotations

import logging
import queue
import struct
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

log = logging.getLogger("geo_events.store.postgis")

#: Session advisory lock key held for the length of a bulk load ("geo-events bulk").
BULK_LOCK = 0x6765_6F62
#: A load defers the indexes when it brings at least this many events and at least as many as are stored.
DEFER_FROM = 20_000
#: Indexes built at once when rebuilding (each on its own connection; GIN builds are single-threaded).
REBUILD_WORKERS = 2

_DEFERRED = "geo_events_deferred_indexes"
_SECONDARY = (
    "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "WHERE i.indrelid = 'events'::regclass "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
)
#: A 2D point with an SRID in little-endian EWKB (what ``geometry`` accepts as hex text in COPY).
_EWKB_POINT = struct.Struct("<BIIdd")
_POINT_WITH_SRID = 0x2000_0001


def point_ewkb(lon: float, lat: float) -> str:
    """Return the hex EWKB of ``POINT(lon lat)`` in EPSG:4326 (exact: the doubles are copied, not printed)."""
    return _EWKB_POINT.pack(1, _POINT_WITH_SRID, 4326, lon, lat).hex()


def deferred(conn: Any) -> list[tuple[str, str]]:
    """Return (name, definition) of every index a bulk load dropped and nothing has rebuilt yet."""
    return [(r[0], r[1]) for r in conn.execute(f"SELECT name, definition FROM {_DEFERRED} ORDER BY name")]


def defer_indexes(conn: Any) -> list[str]:
    """Drop the secondary indexes of ``events``, recording their definitions first; return their names."""
    with conn.transaction():
        found = conn.execute(_SECONDARY).fetchall()
        for name, definition in found:
            conn.execute(
                f"INSERT INTO {_DEFERRED} (name, definition) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING",
                (name, definition),
            )
            conn.execute(f'DROP INDEX "{name}"')
    return [name for name, _ in found]


def _cost(definition: str) -> int:
    """Rough build cost, so the slowest indexes start first (trigram GIN ≫ GiST > btree)."""
    text = definition.lower()
    return 3 if "gin_trgm_ops" in text else 2 if "using gist" in text else 1


def rebuild_indexes(
    connection: Callable[[], AbstractContextManager[Any]],
    conn: Any,
    workers: int = REBUILD_WORKERS,
    maintenance_work_mem: str = "256MB",
) -> list[str]:
    """Create every recorded deferred index, ``workers`` at a time; return the names built.

    ``conn`` reads the list; ``connection()`` lends each worker its own (autocommit) connection. An index
    already there (a rebuild interrupted after its CREATE) is only forgotten. The first error is re-raised
    once the other workers have stopped; what is not built stays recorded for the next rebuild.
    """
    todo = sorted(deferred(conn), key=lambda item: -_cost(item[1]))
    if not todo:
        return []
    jobs: queue.Queue[tuple[str, str]] = queue.Queue()
    for item in todo:
        jobs.put(item)
    built: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with connection() as own:
                own.execute(f"SET maintenance_work_mem = '{maintenance_work_mem}'")
                while not errors:
                    try:
                        name, definition = jobs.get_nowait()
                    except queue.Empty:
                        return
                    with own.transaction():
                        own.execute(definition.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
                        own.execute(f"DELETE FROM {_DEFERRED} WHERE name = %s", (name,))
                    built.append(name)
        except BaseException as err:  # noqa: BLE001 - handed to the caller's thread
            errors.append(err)

    threads = [threading.Thread(target=work, name=f"geo-events-index-{n}") for n in range(max(workers, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    log.info("rebuilt %d deferred index(es): %s", len(built), ", ".join(built))
    return built


def copy_rows(cur: Any, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """COPY ``rows`` (values of ``columns``, then lon and lat) straight into ``events``; geom as hex EWKB."""
    with cur.copy(f"COPY events ({', '.join(columns)}, geom) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row[:-2], point_ewkb(row[-2], row[-1])))


__all__ = [
    "BULK_LOCK",
    "DEFER_FROM",
    "REBUILD_WORKERS",
    "copy_rows",
    "defer_indexes",
    "deferred",
    "point_ewkb",
    "rebuild_indexes",
]
