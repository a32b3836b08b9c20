"""The PostGIS store: events in one PostgreSQL table that QGIS, GDAL and tipg read directly.

``PostGISStore("postgresql://user@host:5432/dbname")`` (psycopg 3 with a connection pool). Every filter,
sort, count and page of an ``EventQuery`` is SQL; the schema comes from versioned migrations
(``geo_events.store.migrations``, ``geo-events db upgrade``). Each row keeps the Feature exactly as served
(``feature``), so reads never re-serialise, beside typed columns for every flat property.

Writes that decide something (a merge: read candidates, then insert or update) run inside
``transaction()``: one database transaction holding an advisory lock, so several API workers and CLI
ingests at once never turn two reports of one event into two events.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from geo_events.errors import (
    EventNotFound,
    SchemaMismatch,
    StoreError,
    StoreLocked,
    StoreUnavailable,
)
from geo_events.models import Event
from geo_events.query import EventQuery, QueryResult
from geo_events.store.base import ALL_FILTERS, ALL_ROWS, PROPERTY_FILTERS
from geo_events.store.geojson import validate_event
from geo_events.store.index import date_span, search_texts
from geo_events.store.migrations import LATEST, current_version, upgrade
from geo_events.store.postgis_bulk import (
    BULK_LOCK,
    DEFER_FROM,
    copy_rows,
    defer_indexes,
    deferred,
    rebuild_indexes,
)
from geo_events.store.postgis_paging import GENERATION, SORT_KEYS, PageCache, seek_clause, signature

try:
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError as err:  # pragma: no cover - the optional driver is missing
    raise ImportError(
        "the PostGIS store needs psycopg 3 and psycopg_pool: pip install 'geo-events[postgis]'",
        name="psycopg",
    ) from err

log = logging.getLogger("geo_events.store.postgis")
_CURSORS = itertools.count(1)

#: Advisory lock key held by ``transaction()`` (merges): "geo-events writes".
WRITE_LOCK = 0x6765_6F77

#: Columns written from a Feature, in INSERT order (``geom`` is built from lon/lat).
_COLUMNS = (
    "id", "event_date", "date_precision", "date_first", "date_last", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actors", "location", "admin1", "admin2", "country", "iso3", "geo_precision",
    "place_id", "fatalities_best", "fatalities_low", "fatalities_high", "claims", "sources", "control_zone",
    "side_of_line", "notes", "geocoder", "confidence", "extracted_at", "feature", "search_actors",
    "search_sources", "search_text",
)  # fmt: skip
_JSONB = {"assoc_actors", "claims", "sources"}
_PLACEHOLDERS = ", ".join("%s::jsonb" if c in _JSONB else "%s" for c in _COLUMNS)
_UPSERT = (
    f"INSERT INTO events ({', '.join(_COLUMNS)}, geom) VALUES ({_PLACEHOLDERS}, "
    "ST_SetSRID(ST_MakePoint(%s, %s), 4326)) ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in (*_COLUMNS[1:], "geom"))
    + ", updated_at = now() RETURNING (xmax = 0)"
)
_INSERT_NEW = (
    f"INSERT INTO events ({', '.join(_COLUMNS)}, geom) VALUES ({_PLACEHOLDERS}, "
    "ST_SetSRID(ST_MakePoint(%s, %s), 4326)) ON CONFLICT (id) DO NOTHING RETURNING id"
)
#: Column types of the staging table bulk upserts COPY into (text unless named here).
_TYPES = {
    "event_date": "date", "date_first": "date", "date_last": "date", "assoc_actors": "jsonb", "claims": "jsonb",
    "sources": "jsonb", "geo_precision": "smallint", "fatalities_best": "integer", "fatalities_low": "integer",
    "fatalities_high": "integer", "confidence": "double precision", "extracted_at": "timestamptz",
}  # fmt: skip
#: Batches at least this large are written with COPY into a staging table, then one INSERT … SELECT.
BULK_FROM = 200
_STAGE = "geo_events_incoming"
_STAGE_TABLE = (
    f"CREATE TEMP TABLE {_STAGE} (n integer, "
    + ", ".join(f"{c} {_TYPES.get(c, 'text')}" for c in _COLUMNS)
    + ", lon double precision, lat double precision) ON COMMIT DROP"
)
_STAGE_COPY = f"COPY {_STAGE} (n, {', '.join(_COLUMNS)}, lon, lat) FROM STDIN"
_STAGE_UPSERT = (
    f"WITH up AS (INSERT INTO events ({', '.join(_COLUMNS)}, geom) "
    f"SELECT {', '.join(_COLUMNS)}, ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM {_STAGE} ORDER BY n "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in (*_COLUMNS[1:], "geom"))
    + ", updated_at = now() RETURNING (xmax = 0) AS inserted) SELECT count(*) FILTER (WHERE inserted) FROM up"
)
#: Longest span of an event's dates (a month): ``date_first <= event_date <= date_last`` within it.
_MAX_SPAN_DAYS = 31
#: Category filters compared case-insensitively (as the file store does).
_CATEGORY = ("event_type", "sub_event_type", "admin1", "control_zone", "side_of_line")
_ORDER = {
    "date": "event_date, seq",
    "-date": "event_date DESC, seq",
    "fatalities": "fatalities_best, seq",
    "-fatalities": "fatalities_best DESC, seq",
    "id": "id",
    "insertion": "seq",  # internal: the order events were first stored in (``__iter__``)
}
#: Typed columns an ``extra`` (property=value) filter compares as text.
_TEXT_OF = {name: f"coalesce({name}::text, '')" for name in PROPERTY_FILTERS}


def _like(needle: str) -> str:
    """A LIKE pattern matching ``needle`` anywhere (``%``, ``_`` and ``\\`` escaped)."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _row(feature: dict[str, Any]) -> tuple[Any, ...]:
    """Return the INSERT parameters of one validated Feature."""
    props = feature["properties"]
    raw = orjson.dumps(feature).decode("utf-8")
    first, last = date_span(date.fromisoformat(props["event_date"]), props.get("date_precision"))
    actors, sources, text = search_texts(props)
    values: dict[str, Any] = {
        **{c: props.get(c) for c in _COLUMNS},
        "date_first": first,
        "date_last": last,
        "assoc_actors": orjson.dumps(props.get("assoc_actors") or []).decode(),
        "claims": orjson.dumps(props.get("claims") or []).decode(),
        "sources": orjson.dumps(props.get("sources") or []).decode(),
        "feature": raw,
        "search_actors": actors,
        "search_sources": sources,
        "search_text": text,
    }
    lon, lat = feature["geometry"]["coordinates"][:2]
    return (*(values[c] for c in _COLUMNS), lon, lat)


def _first_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]


def redact(url: str) -> str:
    """Return a database URL without its password."""
    from geo_events.store import redact as _redact

    return _redact(url)


class PostGISStore:
    """Events in a PostGIS table (``events``), behind the same ``EventStore`` verbs as the file store.

    Parameters
    ----------
    url
        ``postgresql://user[:password]@host[:port]/dbname`` (any libpq connection string works).
    upgrade
        ``"empty"`` (default): create the schema in a database that has none, refuse an older one with the
        ``geo-events db upgrade`` hint; ``True``: apply every pending migration; ``False``: never migrate.
    pool_size
        Most connections the pool opens.
    timeout
        Seconds to wait for a connection (database down → ``StoreUnavailable`` after this long).
    lock_timeout
        Seconds a ``transaction()`` waits for another writer's lock before ``StoreLocked``.
    """

    backend = "postgis"
    #: Every filter, including ``property=value`` (``extra``), is SQL.
    capabilities: frozenset[str] = ALL_FILTERS
    #: A database, not a file: no journals beside it.
    local_path: Path | None = None

    def __init__(
        self,
        url: str,
        upgrade: bool | str = "empty",
        pool_size: int = 8,
        timeout: float = 5.0,
        lock_timeout: float = 30.0,
    ) -> None:
        self.url = url
        self.path = redact(url)  # what messages and `serve` show (never the password)
        self.timeout = timeout
        self.lock_timeout = lock_timeout
        self._local = threading.local()
        self._pages = PageCache()
        #: Write generation at the last VACUUM (ANALYZE) this store ran (``maintain`` skips a repeat).
        self._maintained_at: int | None = None
        try:
            psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as err:
            raise StoreError(
                f"not a PostgreSQL URL: {self.path} ({_first_line(err)}); "
                "use postgresql://user@host:5432/dbname"
            ) from err
        self._check_schema(upgrade)
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max(pool_size, 1),
            timeout=timeout,
            kwargs={"autocommit": True},
            configure=self._configure,
            check=ConnectionPool.check_connection,
            # A failed reconnection gives up after one retry and the next request starts a fresh one, so the
            # store answers StoreUnavailable (API 503) during an outage and recovers within about a second
            # of the database's return, however long it was down (no exponential backoff to wait out).
            reconnect_timeout=0,
            name="geo-events",
            open=False,
        )
        self._pool.open(wait=False)

    # ------------------------------------------------------------------ connections and errors
    @staticmethod
    def _configure(conn: Any) -> None:
        conn.execute("SET jit = off")  # JIT costs hundreds of ms on some first queries, gains nothing here
        # lz4 for the Features, claims and sources TOAST compresses (rows of ~2 kB), several times cheaper
        # than the pglz default; a server built without lz4 keeps its default.
        conn.execute("SELECT set_config('default_toast_compression', 'lz4', false) "
                     "FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")
        # Exact (not lossy) bitmaps for the counts of large bbox+date windows: at 1M events p95 of a page
        # with its count went 494 → 274 ms with 64MB over the 4MB default (per sort/bitmap, per connection).
        conn.execute("SET work_mem = '64MB'")

    def _connect(self) -> Any:
        """One direct connection (opening and migrating), with a clear error when it fails."""
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=max(int(self.timeout), 1))
        except psycopg.OperationalError as err:
            raise StoreUnavailable(self._unreachable(err)) from err

    def _unreachable(self, err: BaseException) -> str:
        reason = _first_line(err)
        if "does not exist" in reason and "database" in reason:
            hint = "create it (createdb) or fix the database name in the URL"
        elif "password" in reason or "authentication" in reason or "role" in reason:
            hint = "check the user and password in the URL"
        else:
            hint = "start the database (scripts/postgis-dev start) or fix the host/port in the URL"
        return f"cannot reach the PostGIS store {self.path}: {reason}; {hint}"

    def _check_schema(self, mode: bool | str) -> None:
        with self._connect() as conn:
            version = self._version(conn)
            if mode is True or (mode == "empty" and version is None):
                self._upgrade(conn)
                version = self._version(conn)
            if version is None or version < LATEST:
                raise SchemaMismatch(
                    f"the PostGIS store {self.path} has schema version {version or 0}, this geo-events needs "
                    f"{LATEST}; run `geo-events db upgrade --store {self.path}`"
                )
            if version > LATEST:
                raise SchemaMismatch(
                    f"the PostGIS store {self.path} has schema version {version}, newer than this geo-events "
                    f"knows ({LATEST}); upgrade geo-events"
                )
            waiting = deferred(conn)
            if waiting:
                log.warning(
                    "%s: %d index(es) left out by an unfinished bulk load (queries are slow until rebuilt); "
                    "run `geo-events db upgrade --store %s` or the migrate again", self.path, len(waiting), self.path
                )

    @staticmethod
    def _version(conn: Any) -> int | None:
        return current_version(conn)

    def _upgrade(self, conn: Any, target: int | None = None) -> list[int]:
        try:
            return [m.version for m in upgrade(conn, target)]
        except (
            pg_errors.InsufficientPrivilege, pg_errors.FeatureNotSupported, pg_errors.UndefinedFile
        ) as err:
            if "postgis" in str(err).lower():
                raise SchemaMismatch(
                    f"the database of {self.path} lacks the PostGIS extension and this role cannot add it "
                    f"({_first_line(err)}); as a superuser run `CREATE EXTENSION postgis;` in it, or install "
                    "the postgresql-15-postgis-3 package"
                ) from err
            raise SchemaMismatch(f"cannot migrate {self.path}: {_first_line(err)}") from err

    @classmethod
    def upgrade_schema(cls, url: str, target: int | None = None) -> tuple[int | None, list[int]]:
        """Apply pending migrations (``geo-events db upgrade``); return (version before, versions applied)."""
        store = cls.__new__(cls)
        store.url, store.path, store.timeout = url, redact(url), 5.0
        with store._connect() as conn:
            before = current_version(conn)
            if before is not None and before > LATEST:
                raise SchemaMismatch(
                    f"{store.path} has schema version {before}, newer than this geo-events knows ({LATEST})"
                )
            return before, store._upgrade(conn, target)

    @classmethod
    def schema_version(cls, url: str) -> int | None:
        """Return the schema version of the database at ``url`` (None: no geo-events schema at all)."""
        store = cls.__new__(cls)
        store.url, store.path, store.timeout = url, redact(url), 5.0
        with store._connect() as conn:
            return current_version(conn)

    @contextmanager
    def _conn(self) -> Iterator[Any]:
        """The connection of the current transaction, else one from the pool; errors become ``StoreError``."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            with self._errors():
                yield held
            return
        with self._errors():
            with self._pool.connection() as conn:
                yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except PoolTimeout as err:
            raise StoreUnavailable(
                f"no connection to the PostGIS store {self.path} within {self.timeout:g} s (database down or "
                "overloaded); start it or check the URL"
            ) from err
        except pg_errors.LockNotAvailable as err:
            raise StoreLocked(f"{self.path} is locked by another writer; try again") from err
        except pg_errors.UndefinedTable as err:
            raise SchemaMismatch(
                f"the PostGIS store {self.path} has no events table ({_first_line(err)}); "
                f"run `geo-events db upgrade --store {self.path}`"
            ) from err
        except psycopg.OperationalError as err:
            raise StoreUnavailable(self._unreachable(err)) from err
        except psycopg.Error as err:
            raise StoreError(f"the PostGIS store {self.path} failed: {_first_line(err)}") from err

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self) -> Iterator[PostGISStore]:
        """One database transaction holding the writers' advisory lock (re-entrant within a thread)."""
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield self
            finally:
                self._local.depth -= 1
            return
        with self._errors(), self._pool.connection() as conn:
            with conn.transaction():
                conn.execute(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'")
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                self._local.conn, self._local.depth = conn, 1
                try:
                    yield self
                finally:
                    self._local.conn, self._local.depth = None, 0

    # ------------------------------------------------------------------ writing
    def upsert_many(
        self, events: Iterable[Event | dict[str, Any]], *, trusted: bool = False
    ) -> tuple[int, int]:
        """Validate, then insert or replace events in one transaction; return (created, updated).

        ``trusted=True`` skips re-validating Feature dicts read back from another store (``migrate``).
        """
        features = [e if trusted and isinstance(e, dict) else validate_event(e) for e in events]
        if not features:
            return 0, 0
        last: dict[str, dict[str, Any]] = {}
        for feature in features:  # one row per id (the last version wins, as in the file store)
            last[feature["properties"]["id"]] = feature
        rows = [_row(f) for f in last.values()]
        with self._conn() as conn, conn.transaction(), conn.cursor() as cur:
            if len(rows) >= BULK_FROM and not cur.execute(
                "SELECT EXISTS (SELECT 1 FROM events WHERE id = ANY(%s::text[]))", (list(last),)
            ).fetchone()[0]:
                try:  # every id is new: COPY straight into the table (a savepoint, should a writer race us)
                    with conn.transaction():
                        copy_rows(cur, _COLUMNS, rows)
                    return len(rows), len(features) - len(rows)
                except pg_errors.UniqueViolation:
                    pass
            if len(rows) >= BULK_FROM:  # COPY into a staging table, then one INSERT … ON CONFLICT
                cur.execute(_STAGE_TABLE)
                with cur.copy(_STAGE_COPY) as copy:
                    for n, row in enumerate(rows):
                        copy.write_row((n, *row))
                (created,) = cur.execute(_STAGE_UPSERT).fetchone()
                cur.execute(f"DROP TABLE {_STAGE}")
            else:
                cur.executemany(_UPSERT, rows, returning=True)
                created = 0
                while True:
                    created += bool(cur.fetchone()[0])
                    if not cur.nextset():
                        break
        return int(created), len(features) - int(created)

    def upsert(self, event: Event | dict[str, Any]) -> bool:
        """Insert or replace one event; return True when it was new."""
        created, _ = self.upsert_many([event])
        return created == 1

    def add(self, event: Event | dict[str, Any]) -> None:
        """Insert one new event; raise ``StoreError`` when its id is taken."""
        feature = validate_event(event)
        with self._conn() as conn:
            inserted = conn.execute(_INSERT_NEW, _row(feature)).fetchone()
        if inserted is None:
            fid = feature["properties"]["id"]
            raise StoreError(f"an event with id {fid!r} already exists; use upsert to replace it")

    def delete(self, event_id: str) -> None:
        """Remove one event; raise ``EventNotFound``."""
        with self._conn() as conn:
            gone = conn.execute("DELETE FROM events WHERE id = %s RETURNING id", (event_id,)).fetchone()
        if gone is None:
            raise EventNotFound(f"no event with id {event_id!r}")

    def compact(self) -> None:
        """Nothing to fold: every write is already in the table (kept for the protocol)."""

    def maintain(self) -> None:
        """After bulk writes: rebuild indexes an interrupted bulk load left out, then ``VACUUM (ANALYZE)``.

        Inside a ``transaction()`` only ``ANALYZE`` runs. VACUUM sets the hint bits and the visibility map
        of freshly written pages, so the first queries after a bulk load do not pay for that (measured: p95
        of bbox+date pages over 1M fresh rows > 1 s before it); ANALYZE gives the planner the new statistics.
        """
        with self._conn() as conn:
            if getattr(self._local, "conn", None) is not None:
                conn.execute("ANALYZE events")
                return
            self.rebuild_deferred_indexes()
            (generation,) = conn.execute(f"SELECT {GENERATION}").fetchone()
            if generation == self._maintained_at:  # a bulk load just vacuumed and analysed: nothing new since
                return
            conn.execute("VACUUM (ANALYZE) events")
            self._maintained_at = generation

    @contextmanager
    def bulk_load(self, events: int) -> Iterator[None]:
        """Write ``events`` events fast: without the secondary indexes when that is cheaper, rebuilt after.

        The indexes are deferred when the load brings at least ``DEFER_FROM`` events and at least as many
        as the table holds (or an interrupted load left them deferred); then the table is vacuumed and
        every index rebuilt on leaving, also after an error or Ctrl-C. Readers meanwhile get right answers,
        only slower. One bulk load at a time defers (a session advisory lock); a second one runs plainly.
        """
        with self._errors(), self._connect() as guard:
            if not guard.execute("SELECT pg_try_advisory_lock(%s)", (BULK_LOCK,)).fetchone()[0]:
                yield
                return
            if not deferred(guard) and events >= max(DEFER_FROM, self.count()):
                dropped = defer_indexes(guard)
                log.info("bulk load of %d events: %d index(es) deferred", events, len(dropped))
            try:
                yield
            finally:
                if deferred(guard):
                    # VACUUM before the builds (they then read settled pages), ANALYZE after them (statistics
                    # of the expression indexes); maintain() right after has nothing left to do. A second
                    # VACUUM over the new indexes cost more than the first (GIN cleanup reads every page).
                    guard.execute("VACUUM events")
                    rebuild_indexes(self._pool.connection, guard)
                    (generation,) = guard.execute(f"SELECT {GENERATION}").fetchone()
                    guard.execute("ANALYZE events")
                    self._maintained_at = generation

    def load_reference_layers(self) -> dict[str, int]:
        """Upsert the bundled places, dated zones and de-confliction line into their tables (schema 5)."""
        from geo_events.store.postgis_layers import load_reference_layers

        with self._conn() as conn:
            return load_reference_layers(conn)

    def rebuild_deferred_indexes(self) -> list[str]:
        """Build the indexes an interrupted bulk load left out (none while another bulk load runs)."""
        with self._errors(), self._connect() as guard:
            if not deferred(guard):
                return []
            if not guard.execute("SELECT pg_try_advisory_lock(%s)", (BULK_LOCK,)).fetchone()[0]:
                return []
            return rebuild_indexes(self._pool.connection, guard)

    def flush_when_idle(self, seconds: float) -> None:
        """Nothing to flush: a committed write is what every reader (QGIS, GDAL, tipg) sees at once."""

    def scrub(self) -> str | None:
        """Nothing to check: PostgreSQL checks its own pages (``damage`` is always None)."""
        return None

    def close(self) -> None:
        """Close the connection pool (safe to call twice)."""
        pool = getattr(self, "_pool", None)
        if pool is not None and not pool.closed:
            pool.close()

    @property
    def damage(self) -> str | None:
        """Always None: PostgreSQL checks its own pages; unreachable is ``StoreUnavailable``, not damage."""
        return None

    # ------------------------------------------------------------------ reading
    def get_raw(self, event_id: str) -> bytes:
        """Return one event as serialised JSON bytes or raise ``EventNotFound``."""
        with self._conn() as conn:
            row = conn.execute("SELECT feature FROM events WHERE id = %s", (event_id,)).fetchone()
        if row is None:
            raise EventNotFound(f"no event with id {event_id!r}")
        return row[0].encode("utf-8")

    def get(self, event_id: str) -> dict[str, Any]:
        """Return one event Feature or raise ``EventNotFound``."""
        return orjson.loads(self.get_raw(event_id))

    @staticmethod
    def _where(q: EventQuery) -> tuple[str, list[Any]]:
        """The WHERE clause (and its parameters) of every filter of ``q``."""
        clauses: list[str] = []
        params: list[Any] = []
        if q.bbox is not None:
            clauses.append("geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)")
            params.extend(q.bbox)
        # Dates match by overlap of the event's span (a day, its week or month) with [start, end]. The
        # redundant range on event_date (a span is at most 31 days) lets the planner walk the
        # (event_date, seq) index in sort order instead of filtering the whole index.
        if q.start is not None:
            clauses.append("date_last >= %s AND event_date >= %s")
            params.extend([q.start, q.start - timedelta(days=_MAX_SPAN_DAYS)])
        if q.end is not None:
            clauses.append("date_first <= %s AND event_date <= %s")
            params.extend([q.end, q.end + timedelta(days=_MAX_SPAN_DAYS)])
        if q.min_fatalities is not None:
            clauses.append("fatalities_best >= %s")
            params.append(q.min_fatalities)
        if q.max_fatalities is not None:
            clauses.append("fatalities_best <= %s")
            params.append(q.max_fatalities)
        if q.geo_precision:
            clauses.append("geo_precision = ANY(%s::int[])")
            params.append(list(q.geo_precision))
        if q.date_precision:
            clauses.append("date_precision = ANY(%s::text[])")
            params.append(list(q.date_precision))
        for name in _CATEGORY:
            value = getattr(q, name)
            if value is not None:
                clauses.append(f"lower({name}) = lower(%s::text)")
                params.append(value)
        if q.country is not None:
            clauses.append("(lower(country) = lower(%s::text) OR lower(iso3) = lower(%s::text))")
            params.extend([q.country, q.country])
        if q.near is not None:
            lat, lon = q.near
            clauses.append(
                "ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, false)"
            )
            params.extend([lon, lat, q.radius_km * 1000.0])
        if q.ids is not None:
            clauses.append("id = ANY(%s::text[])")
            params.append(list(q.ids))
        for name, column in (("actor", "search_actors"), ("source", "search_sources"), ("q", "search_text")):
            value = getattr(q, name)
            if value:
                clauses.append(f"{column} LIKE %s")
                params.append(_like(value.casefold()))
        for name, wanted in (q.extra or {}).items():
            if name in _TEXT_OF:
                clauses.append(f"lower({_TEXT_OF[name]}) = lower(%s::text)")
                params.append(wanted)
            else:  # any other property: read from the Feature
                clauses.append(
                    "lower(coalesce((feature::jsonb) -> 'properties' ->> %s::text, '')) = lower(%s::text)"
                )
                params.extend([name, wanted])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def query(self, query: EventQuery) -> QueryResult:
        """Return one page of matching events and the exact number matched.

        A page after one this store served for the same query seeks past that page's last sort key
        instead of skipping ``offset`` rows, and the count is taken once per query and write generation
        (``PageCache``); a short page shows the count by itself. Answers equal ``OFFSET`` and ``count(*)``.
        """
        where, params = self._where(query)
        sort = query.sort if query.sort in _ORDER else "date"
        sig = signature(where, params, sort)
        limit = min(query.limit, ALL_ROWS)
        with self._conn() as conn:
            cached = getattr(self._local, "conn", None) is None  # never inside a transaction() (uncommitted)
            (generation,) = conn.execute(f"SELECT {GENERATION}").fetchone()
            start = self._pages.seek(sig, generation, query.offset) if cached and query.offset else None
            rows, seen = self._page(conn, where, params, sort, start, query.offset, limit)
            if start is not None and seen is not None and seen != generation:  # a write came in between
                rows, seen = self._page(conn, where, params, sort, None, query.offset, limit)
            width = len(SORT_KEYS[sort][0])
            if rows and cached and seen is not None:
                self._pages.remember_seek(sig, seen, query.offset + len(rows), tuple(rows[-1][1 : 1 + width]))
            if len(rows) < query.limit and (rows or query.offset == 0):
                matched = query.offset + len(rows)  # a short page ends the matches: no count needed
            else:
                known = self._pages.count(sig, seen if seen is not None else generation) if cached else None
                if known is None:
                    matched, at = conn.execute(f"SELECT count(*), {GENERATION} FROM events{where}", params).fetchone()
                    if cached:
                        self._pages.remember_count(sig, at, int(matched))
                else:
                    matched = known
        return QueryResult(number_matched=int(matched), raw=[r[0].encode("utf-8") for r in rows])

    @staticmethod
    def _page(
        conn: Any, where: str, params: list[Any], sort: str, start: tuple[int, tuple[Any, ...]] | None,
        offset: int, limit: int,
    ) -> tuple[list[tuple[Any, ...]], int | None]:
        """Rows (feature, sort key…) of one page, from a remembered boundary when given; and the generation."""
        keys = ", ".join(SORT_KEYS[sort][0])
        skip, condition, extra = offset, where, []
        if start is not None:
            boundary, key = start
            seek, extra = seek_clause(sort, key)
            condition = f"{where} AND {seek}" if where else f" WHERE {seek}"
            skip = offset - boundary
        rows = conn.execute(
            f"SELECT feature, {keys}, {GENERATION} FROM events{condition} ORDER BY {_ORDER[sort]} "
            "LIMIT %s OFFSET %s",
            [*params, *extra, limit, skip],
        ).fetchall()
        return rows, (int(rows[0][-1]) if rows else None)

    def iter_query(self, query: EventQuery, chunk: int = 1000) -> Iterator[list[bytes]]:
        """Yield the raw JSON of the query's page ``chunk`` events at a time (a server-side cursor)."""
        where, params = self._where(query)
        order = _ORDER.get(query.sort, _ORDER["date"])
        sql = f"SELECT feature FROM events{where} ORDER BY {order} LIMIT %s OFFSET %s"
        name = f"geo_events_{next(_CURSORS)}"
        with self._conn() as conn, conn.transaction(), conn.cursor(name=name) as cur:
            cur.itersize = chunk
            cur.execute(sql, [*params, min(query.limit, ALL_ROWS), query.offset])
            while True:
                rows = cur.fetchmany(chunk)
                if not rows:
                    return
                yield [r[0].encode("utf-8") for r in rows]

    def count(self, query: EventQuery | None = None) -> int:
        """Return how many events match ``query`` (all when None)."""
        where, params = self._where(query) if query is not None else ("", [])
        with self._conn() as conn:
            (n,) = conn.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
        return int(n)

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Yield every event in insertion order (streamed)."""
        for raws in self.iter_query(EventQuery(sort="insertion", limit=ALL_ROWS), 1000):
            for raw in raws:
                yield orjson.loads(raw)

    def extent(self) -> tuple[tuple[float, float, float, float] | None, tuple[date, date] | None]:
        """Return (bbox, (first date, last date)) of the stored events."""
        with self._conn() as conn:
            row = conn.execute(
                "SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), max(ST_XMax(geom)), max(ST_YMax(geom)), "
                "min(event_date), max(event_date) FROM events"
            ).fetchone()
        if row is None or row[0] is None:
            return None, None
        return (float(row[0]), float(row[1]), float(row[2]), float(row[3])), (row[4], row[5])

    def to_geodataframe(self, query: EventQuery | None = None) -> Any:
        """Return events (all, or every match of ``query`` regardless of paging) as a GeoDataFrame."""
        from geo_events.formats import features_to_geodataframe

        everything = replace(query or EventQuery(), offset=0, limit=ALL_ROWS)
        features = [orjson.loads(raw) for raws in self.iter_query(everything) for raw in raws]
        return features_to_geodataframe(features)

    def __repr__(self) -> str:
        return f"PostGISStore({self.path!r})"

    def __del__(self) -> None:  # pragma: no cover - best effort at interpreter exit
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass


__all__ = ["WRITE_LOCK", "PostGISStore"]
