"""The embedded default store: events kept as GeoJSON on disk, crash-safe and append-only.

Layout for a store at ``events.geojson``:

``events.geojson``
    An RFC 7946 FeatureCollection (one Feature per line) that GDAL/QGIS open directly — the snapshot.
``events.geojson.journal.geojsons``
    An RFC 8142 GeoJSON text sequence of upserts and deletions made since the snapshot. Every write
    appends records and ``fsync``s before it is acknowledged, so no write rewrites the whole data set.
``events.geojson.lock``
    An advisory lock file serialising writers across processes.
``events.geojson.idx``
    The query columns of the snapshot (numpy ``.npz``), written at compaction, so re-opening a large store
    memory-maps the snapshot instead of parsing it; ignored (and rebuilt) when it does not match the
    snapshot's size and modification time, e.g. after the file was edited in QGIS.

Compaction (``compact()``, automatic once the journal holds ``compact_every`` records, and after CLI
ingests) writes a new snapshot to a temporary file, fsyncs it, atomically renames it over the old one and
then empties the journal. A crash at any point leaves either the old or the new snapshot plus a journal
whose replay is idempotent. A torn last journal record (a write killed before its fsync returned, so
never acknowledged) is ignored on open and cut off before the next write; damage anywhere else raises
``StoreCorrupted`` with the repair command.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from pydantic import ValidationError

from geo_events.errors import EventNotFound, StoreCorrupted, StoreError, StoreLocked, ValidationFailed
from geo_events.models import Event
from geo_events.query import EventQuery, QueryResult
from geo_events.store.index import EventIndex

RS = b"\x1e"
_HEADER = b'{"type":"FeatureCollection","features":[\n'
_FOOTER = b"]}\n"
_DELETE = "geo_events:deleted"


def validate_event(event: Event | dict[str, Any]) -> dict[str, Any]:
    """Validate one event against the model and return its JSON-ready Feature dict."""
    if isinstance(event, Event):
        return event.to_feature()
    try:
        return Event.model_validate(event).to_feature()
    except ValidationError as err:
        fid = (
            event.get("id") or (event.get("properties") or {}).get("id") if isinstance(event, dict) else None
        )
        problems = [(str(fid), ".".join(str(p) for p in e["loc"]), e["msg"]) for e in err.errors()]
        detail = "; ".join(f"{field}: {msg}" for _, field, msg in problems)
        raise ValidationFailed(f"event {fid!r} is invalid: {detail}", problems) from err


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class GeoJSONFileStore:
    """Events in a GeoJSON FeatureCollection plus an append-only RFC 8142 journal.

    Parameters
    ----------
    path
        The ``.geojson`` file. It (and its folder) is created on the first write when missing.
    compact_every
        Journal records that trigger an automatic compaction (0 disables it).
    lock_timeout
        Seconds to wait for another process's write lock before ``StoreLocked``.
    """

    backend = "geojson"

    def __init__(
        self, path: str | os.PathLike[str], compact_every: int = 2000, lock_timeout: float = 30.0
    ) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal.geojsons")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.index_path = self.path.with_name(self.path.name + ".idx")
        self.compact_every = compact_every
        self.lock_timeout = lock_timeout
        self._mutex = threading.RLock()
        self._lock_depth = 0
        self._lock_fd: int | None = None
        self._snapshot_sig: tuple[int, int, int] | None = None
        self._journal_offset = 0  # bytes of the journal already applied (end of the last complete record)
        self._journal_records = 0
        self.torn_tail = False
        self._index = EventIndex()
        self._load_all()

    # ------------------------------------------------------------------ reading
    def _signature(self, path: Path) -> tuple[int, int, int] | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _load_all(self, _depth: int = 0) -> None:
        self._index = EventIndex()
        self._snapshot_sig = self._signature(self.path)
        self._journal_offset = 0
        self._journal_records = 0
        self.torn_tail = False
        if self._snapshot_sig is not None:
            self._load_snapshot()
        self._replay_journal(_depth)

    def _map_snapshot(self) -> Any:
        with open(self.path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size == 0:
                return b""
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

    def _load_snapshot(self) -> None:
        data = self._map_snapshot()
        assert self._snapshot_sig is not None
        signature = (self._snapshot_sig[1], self._snapshot_sig[2])
        if data[: len(_HEADER)] == _HEADER and data[-len(_FOOTER) :] == _FOOTER:
            saved = EventIndex.load(self.index_path, signature, data)
            if saved is not None:
                self._index = saved
                return
            self._index = EventIndex(buffer=data)
            self._scan_snapshot(data)
            try:  # best effort: the next open skips parsing
                self._index.save(self.index_path, signature)
            except OSError:
                pass
            return
        data = bytes(data)
        # A FeatureCollection written by another tool: parse and validate it whole.
        try:
            collection = orjson.loads(data)
        except orjson.JSONDecodeError as err:
            raise StoreCorrupted(
                f"{self.path} is not valid JSON ({err}); "
                f"run `geo-events store check --repair --store {self.path}`"
            ) from err
        if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
            raise StoreCorrupted(f"{self.path} is not a GeoJSON FeatureCollection")
        for feature in collection.get("features") or []:
            self._index.put(validate_event(feature))

    def _scan_snapshot(self, data: Any) -> None:
        """Index every line of a snapshot written by ``compact`` (one Feature per line)."""
        pos = len(_HEADER)
        end = len(data) - len(_FOOTER)
        number = 1
        while pos < end:
            newline = data.find(b"\n", pos, end)
            stop = end if newline == -1 else newline
            number += 1
            line = data[pos:stop]
            start = pos
            pos = stop + 1
            line = line.rstrip(b",\r ")
            if not line:
                continue
            try:
                self._index.put(orjson.loads(line), line, offset=start)
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
                raise StoreCorrupted(
                    f"{self.path}: line {number} is not a valid event ({err}); "
                    f"run `geo-events store check --repair --store {self.path}`"
                ) from err

    def _replay_journal(self, _depth: int = 0) -> None:
        try:
            with open(self.journal_path, "rb") as fh:
                fh.seek(self._journal_offset)
                data = fh.read()
        except FileNotFoundError:
            return
        if _depth < 20 and self._signature(self.path) != self._snapshot_sig:
            # Another process compacted (new snapshot, emptied journal) while we read: our offset is stale.
            self._load_all(_depth + 1)
            return
        if not data:
            return
        if not data.startswith(RS):
            raise StoreCorrupted(
                f"{self.journal_path}: record at byte {self._journal_offset} does not start with RS; "
                f"run `geo-events store check --repair --store {self.path}`"
            )
        pos = 0
        records = data.split(RS)[1:]
        for i, record in enumerate(records):
            last = i == len(records) - 1
            complete = record.endswith(b"\n")
            try:
                if not complete:
                    raise ValueError("record does not end with a newline")
                feature = orjson.loads(record)
                self._apply(feature, record.rstrip(b"\n"))
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
                if last:  # never acknowledged: the writer died before fsync returned
                    self.torn_tail = True
                    break
                raise StoreCorrupted(
                    f"{self.journal_path}: record {self._journal_records + 1} is damaged ({err}); "
                    f"run `geo-events store check --repair --store {self.path}`"
                ) from err
            pos += 1 + len(record)
            self._journal_records += 1
        self._journal_offset += pos

    def _apply(self, feature: dict[str, Any], raw: bytes) -> None:
        props = feature.get("properties") or {}
        if props.get(_DELETE):
            self._index.remove(props["id"])
        else:
            self._index.put(feature, raw)

    def refresh(self) -> None:
        """Pick up writes made by other processes since the last read (cheap when nothing changed)."""
        with self._mutex:
            sig = self._signature(self.path)
            if sig != self._snapshot_sig:
                self._load_all()
                return
            try:
                size = self.journal_path.stat().st_size
            except FileNotFoundError:
                size = 0
            if size < self._journal_offset:
                self._load_all()
            elif size > self._journal_offset:
                self._replay_journal()

    # ------------------------------------------------------------------ locking
    @contextmanager
    def transaction(self) -> Iterator[GeoJSONFileStore]:
        """Hold the write lock (re-entrant; across threads and processes) with fresh data."""
        with self._mutex:
            if self._lock_depth == 0:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
                deadline = time.monotonic() + self.lock_timeout
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            os.close(fd)
                            raise StoreLocked(f"{self.path} is locked by another writer; try again") from None
                        time.sleep(0.005)
                self._lock_fd = fd
                try:
                    self.refresh()
                except BaseException:
                    self._release()
                    raise
            self._lock_depth += 1
            try:
                yield self
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0:
                    self._release()

    def _release(self) -> None:
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # ------------------------------------------------------------------ writing
    def _append(self, features: list[dict[str, Any]]) -> None:
        """Durably append records to the journal, then apply them in memory."""
        raws = [orjson.dumps(f) for f in features]
        payload = b"".join(RS + raw + b"\n" for raw in raws)
        if self.torn_tail or self._journal_size() != self._journal_offset:
            self._cut_journal(self._journal_offset)
        fd = os.open(self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            written = 0
            while written < len(payload):
                written += os.write(fd, payload[written:])
            os.fsync(fd)
        except OSError as err:
            raise StoreError(f"could not write {self.journal_path}: {err.strerror}") from err
        finally:
            os.close(fd)
        if self._journal_offset == 0:
            _fsync_dir(self.journal_path.parent)
        self._journal_offset += len(payload)
        self._journal_records += len(raws)
        for feature, raw in zip(features, raws):
            self._apply(feature, raw)
        if self.compact_every and self._journal_records >= max(self.compact_every, len(self._index) // 10):
            self.compact()

    def _journal_size(self) -> int:
        try:
            return self.journal_path.stat().st_size
        except FileNotFoundError:
            return 0

    def _cut_journal(self, size: int) -> None:
        with open(self.journal_path, "r+b") as fh:
            fh.truncate(size)
            fh.flush()
            os.fsync(fh.fileno())
        self.torn_tail = False

    def upsert_many(self, events: Iterable[Event | dict[str, Any]]) -> tuple[int, int]:
        """Validate, then durably insert or replace events; return (created, updated)."""
        features = [validate_event(e) for e in events]
        if not features:
            return 0, 0
        with self.transaction():
            seen: set[str] = set()
            created = 0
            for f in features:
                fid = f["properties"]["id"]
                if self._index.get(fid) is None and fid not in seen:
                    created += 1
                seen.add(fid)
            self._append(features)
        return created, len(features) - created

    def upsert(self, event: Event | dict[str, Any]) -> bool:
        """Insert or replace one event; return True when it was new."""
        created, _ = self.upsert_many([event])
        return created == 1

    def add(self, event: Event | dict[str, Any]) -> None:
        """Insert one new event; raise ``StoreError`` when its id is taken."""
        feature = validate_event(event)
        with self.transaction():
            fid = feature["properties"]["id"]
            if self._index.get(fid) is not None:
                raise StoreError(f"an event with id {fid!r} already exists; use upsert to replace it")
            self._append([feature])

    def delete(self, event_id: str) -> None:
        """Remove one event (journalled as a deletion record)."""
        with self.transaction():
            raw = self._index.get(event_id)
            if raw is None:
                raise EventNotFound(f"no event with id {event_id!r}")
            feature = orjson.loads(raw)
            feature["properties"] = {"id": event_id, _DELETE: True}
            self._append([feature])

    def compact(self) -> None:
        """Write all events into a fresh snapshot and empty the journal (crash-safe)."""
        with self.transaction():
            for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):  # left by a writer killed mid-compaction
                stale.unlink(missing_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            offsets: list[int] = []
            lengths: list[int] = []
            try:
                with open(tmp, "wb", buffering=1 << 20) as fh:
                    fh.write(_HEADER)
                    position = len(_HEADER)
                    for raw in self._index.iter_raw():
                        if offsets:
                            fh.write(b",\n")
                            position += 2
                        fh.write(raw)
                        offsets.append(position)
                        lengths.append(len(raw))
                        position += len(raw)
                    fh.write(b"\n" + _FOOTER)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
                _fsync_dir(self.path.parent)
            except OSError as err:
                tmp.unlink(missing_ok=True)
                raise StoreError(f"could not compact {self.path}: {err.strerror}") from err
            if self.journal_path.exists():
                self._cut_journal(0)
            self._snapshot_sig = self._signature(self.path)
            self._journal_offset = 0
            self._journal_records = 0
            self._index = self._index.compacted(
                np.array(offsets, dtype=np.int64), np.array(lengths, dtype=np.int32), self._map_snapshot()
            )
            try:
                self._index.save(self.index_path, (self._snapshot_sig[1], self._snapshot_sig[2]))
            except OSError:
                self.index_path.unlink(missing_ok=True)

    # ------------------------------------------------------------------ queries
    def get(self, event_id: str) -> dict[str, Any]:
        """Return one event Feature or raise ``EventNotFound``."""
        self.refresh()
        raw = self._index.get(event_id)
        if raw is None:
            raise EventNotFound(f"no event with id {event_id!r}")
        return orjson.loads(raw)

    def get_raw(self, event_id: str) -> bytes:
        """Return one event as serialised JSON bytes or raise ``EventNotFound``."""
        self.refresh()
        raw = self._index.get(event_id)
        if raw is None:
            raise EventNotFound(f"no event with id {event_id!r}")
        return raw

    def query(self, query: EventQuery) -> QueryResult:
        """Return one page of matching events and the number matched."""
        self.refresh()
        with self._mutex:
            return self._index.query(query)

    def count(self, query: EventQuery | None = None) -> int:
        """Return how many events match ``query`` (all when None)."""
        self.refresh()
        if query is None:
            return len(self._index)
        with self._mutex:
            return self._index.count(query)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self.refresh()
        with self._mutex:
            raws = list(self._index.iter_raw())
        for raw in raws:
            yield orjson.loads(raw)

    def __len__(self) -> int:
        self.refresh()
        return len(self._index)

    def extent(self) -> tuple[tuple[float, float, float, float] | None, tuple[date, date] | None]:
        """Return (bbox, (first date, last date)) of the stored events."""
        self.refresh()
        with self._mutex:
            return self._index.extent()

    def feature_collection(self) -> dict[str, Any]:
        """Return every event as a GeoJSON FeatureCollection dict."""
        return {"type": "FeatureCollection", "features": list(self)}

    def to_geodataframe(self, query: EventQuery | None = None) -> Any:
        """Return events (all, or those matching ``query`` regardless of paging) as a GeoDataFrame."""
        from geo_events.formats import features_to_geodataframe

        if query is None:
            features = list(self)
        else:
            total = self.count(query)
            features = self.query(
                EventQuery(**{**query.__dict__, "offset": 0, "limit": max(total, 1)})
            ).features
        return features_to_geodataframe(features)

    @classmethod
    def from_geodataframe(cls, gdf: Any, path: str | os.PathLike[str], **kwargs: Any) -> GeoJSONFileStore:
        """Create (or add to) a store at ``path`` from a GeoDataFrame of events; validates every row."""
        from geo_events.formats import geodataframe_to_features

        store = cls(path, **kwargs)
        store.upsert_many(geodataframe_to_features(gdf))
        store.compact()
        return store

    def __repr__(self) -> str:
        return f"GeoJSONFileStore({str(self.path)!r}, events={len(self._index)})"
