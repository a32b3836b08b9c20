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
import logging
import mmap
import os
import re
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from pydantic import ValidationError

from geo_events.errors import (
    EventNotFound,
    GeoEventsError,
    StoreCorrupted,
    StoreError,
    StoreLocked,
    ValidationFailed,
)
from geo_events.models import Event
from geo_events.query import EventQuery, QueryResult
from geo_events.store.base import ALL_FILTERS, ALL_ROWS
from geo_events.store.index import EventIndex

log = logging.getLogger("geo_events.store")

RS = b"\x1e"
_HEADER = b'{"type":"FeatureCollection","features":[\n'
_FOOTER = b"]}\n"  # end of a snapshot written before checksums (still read)
#: Start of the checksum member that ends every snapshot: the CRC-32 of each Feature line as 8 hex digits,
#: then the CRC-32 of that hex text. A FeatureCollection foreign member, which GDAL/QGIS ignore.
_SUMS = b'\n],"geo_events:checksums":"'
_END = b'"}\n'
#: Foreign member closing every journal record: the CRC-32 of the record without it.
_CRC_KEY = b',"geo_events:crc32":"'
_RECORD_TAIL = len(_CRC_KEY) + 10  # the key, 8 hex digits and '"}'
_HEX8 = re.compile(rb"[0-9a-f]{8}")
_DELETE = "geo_events:deleted"


def seal_record(raw: bytes) -> bytes:
    """Return one journal record (RS, the Feature with its ``geo_events:crc32`` member, LF)."""
    return RS + raw[:-1] + _CRC_KEY + b"%08x" % zlib.crc32(raw) + b'"}\n'


def unseal_record(body: bytes) -> bytes | None:
    """Return the Feature bytes of a checksummed journal record (without RS and LF).

    Returns None when the record carries no checksum (written before checksums existed); raises
    ``ValueError`` when it carries one that does not match.
    """
    if len(body) > _RECORD_TAIL and body[-_RECORD_TAIL:-10] == _CRC_KEY and body.endswith(b'"}'):
        digits = body[-10:-2]
        raw = body[:-_RECORD_TAIL] + b"}"
        if _HEX8.fullmatch(digits) is None or zlib.crc32(raw) != int(digits, 16):
            raise ValueError("its CRC-32 checksum does not match")
        return raw
    return None


def _legacy_record(body: bytes) -> bytes:
    """Check a journal record without a checksum by validating it whole (records of older versions)."""
    feature = orjson.loads(body)
    props = feature.get("properties") if isinstance(feature, dict) else None
    if isinstance(props, dict) and props.get(_DELETE):
        if set(props) != {"id", _DELETE} or not isinstance(props["id"], str) or not set(feature) <= {
            "type", "id", "geometry", "properties", "bbox"
        }:
            raise ValueError("a deletion record with unexpected fields")
    else:
        validate_event(feature)
    return body


def read_checksums(data: Any, sums_at: int) -> tuple[np.ndarray, int]:
    """Return (CRC-32 of every Feature line, CRC-32 of the checksum text) from a snapshot's last member.

    Raises ``ValueError`` when the checksum member itself is damaged.
    """
    text = bytes(data[sums_at + len(_SUMS) : len(data) - len(_END)])
    if len(text) < 8 or len(text) % 8:
        raise ValueError("the checksum list has a wrong length")
    body, own = text[:-8], text[-8:]
    if _HEX8.fullmatch(own) is None or zlib.crc32(body) != int(own, 16):
        raise ValueError("the checksum list fails its own checksum")
    return np.frombuffer(bytes.fromhex(body.decode("ascii")), dtype=">u4").astype(np.uint32), int(own, 16)


def checksum_footer(crcs: Iterable[int]) -> bytes:
    """Return the member that closes a snapshot (see ``read_checksums``)."""
    body = np.asarray(list(crcs), dtype=">u4").tobytes().hex().encode("ascii")
    return _SUMS + body + b"%08x" % zlib.crc32(body) + _END


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
    #: Every filter is answered by the in-memory index (``EventIndex``).
    capabilities: frozenset[str] = ALL_FILTERS

    def __init__(
        self, path: str | os.PathLike[str], compact_every: int = 2000, lock_timeout: float = 30.0
    ) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal.geojsons")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.index_path = self.path.with_name(self.path.name + ".idx")
        self.witness_path = self.path.with_name(self.path.name + ".journal.len")
        self.compact_every = compact_every
        self.lock_timeout = lock_timeout
        self._mutex = threading.RLock()
        self._lock_depth = 0
        self._lock_fd: int | None = None
        self._snapshot_sig: tuple[int, int, int] | None = None
        self._journal_offset = 0  # bytes of the journal already applied (end of the last complete record)
        self._journal_records = 0
        self.torn_tail = False
        self.checksummed = True  # False while the snapshot was written by a version without checksums
        self.witness_damaged = False
        self._sums_crc = 0
        self._flush_seconds = 0.0
        self._flush_timer: threading.Timer | None = None
        self._flush_lock = threading.Lock()
        self.last_compact_seconds = 0.0
        self._save_index = True
        self._index = EventIndex()
        self._load_all()

    @property
    def local_path(self) -> Path:
        """The ``.geojson`` file (``EventStore.local_path``)."""
        return self.path

    # ------------------------------------------------------------------ reading
    def _signature(self, path: Path) -> tuple[int, int, int] | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _repair_hint(self) -> str:
        return f"run `geo-events store check --repair --store {self.path}`"

    def _load_all(self, _depth: int = 0) -> None:
        self._index = EventIndex()
        self._index.name = str(self.path)
        self.checksummed = True
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
        ours = data[: len(_HEADER)] == _HEADER
        sums_at = data.rfind(_SUMS) if ours and data[-len(_END) :] == _END else -1
        if sums_at != -1:
            try:
                crcs, self._sums_crc = read_checksums(data, sums_at)
            except ValueError as err:
                raise StoreCorrupted(f"{self.path}: {err}; {self._repair_hint()}") from err
            signature = (self._snapshot_sig[1], self._snapshot_sig[2], self._sums_crc)
            saved = EventIndex.load(self.index_path, signature, data)
            if saved is not None and np.array_equal(saved.crcs(), crcs):
                saved.name = str(self.path)
                self._index = saved
                return
            self._index = EventIndex(buffer=data)
            self._index.name = str(self.path)
            self._scan_snapshot(data, sums_at, crcs)
            if self._save_index:
                try:  # best effort: the next open skips parsing
                    self._index.save(self.index_path, signature)
                except OSError:
                    pass
            return
        self.checksummed = False
        if ours and data[-len(_FOOTER) - 1 :] == b"\n" + _FOOTER:  # our layout, from before checksums
            self._index = EventIndex(buffer=data)
            self._index.name = str(self.path)
            self._scan_snapshot(data, len(data) - len(_FOOTER) - 1, None)
            return
        data = bytes(data)
        # A FeatureCollection written by another tool (or damaged): parse and validate it whole.
        try:
            collection = orjson.loads(data)
        except orjson.JSONDecodeError as err:
            raise StoreCorrupted(f"{self.path} is not valid JSON ({err}); {self._repair_hint()}") from err
        if (
            not isinstance(collection, dict)
            or collection.get("type") != "FeatureCollection"
            or not isinstance(collection.get("features"), list)
        ):
            raise StoreCorrupted(
                f"{self.path} is not a GeoJSON FeatureCollection with a features list; {self._repair_hint()}"
            )
        try:
            for feature in collection["features"]:
                self._index.put(validate_event(feature))
        except ValidationFailed as err:
            raise StoreCorrupted(f"{self.path}: {err}; {self._repair_hint()}") from err

    def _scan_snapshot(self, data: Any, end: int, crcs: np.ndarray | None) -> None:
        """Index every Feature line of a snapshot written by ``compact`` (lines end at byte ``end``).

        With ``crcs`` every line must match its checksum and their numbers must agree.
        """
        pos = len(_HEADER)
        number = 1
        row = 0
        while pos < end:
            newline = data.find(b"\n", pos, end)
            stop = end if newline == -1 else newline
            number += 1
            line = bytes(data[pos:stop])
            start = pos
            pos = stop + 1
            if stop != end:
                if not line.endswith(b","):
                    raise StoreCorrupted(
                        f"{self.path}: line {number} does not end with a comma; {self._repair_hint()}"
                    )
                line = line[:-1]
            if crcs is not None:
                if row >= len(crcs) or zlib.crc32(line) != int(crcs[row]):
                    raise StoreCorrupted(
                        f"{self.path}: line {number} fails its CRC-32 checksum (damaged on disk); "
                        f"{self._repair_hint()}"
                    )
            elif not line:
                continue
            try:
                self._index.put(orjson.loads(line), line, offset=start)
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
                raise StoreCorrupted(
                    f"{self.path}: line {number} is not a valid event ({err}); {self._repair_hint()}"
                ) from err
            row += 1
        if crcs is not None and row != len(crcs):
            raise StoreCorrupted(
                f"{self.path}: {row} Feature lines but {len(crcs)} checksums; {self._repair_hint()}"
            )

    def verify(self) -> None:
        """Re-read the whole snapshot and journal from disk and check every checksum (``store check``).

        Unlike opening (which trusts a matching ``.idx`` and checks each row when it is read), this scans
        every byte, so damage between lines or in rows never read is found too. Raises ``StoreCorrupted``.
        """
        with self._mutex:
            fresh = GeoJSONFileStore.__new__(GeoJSONFileStore)
            fresh.__dict__.update(self.__dict__)
            fresh._mutex = threading.RLock()
            fresh.index_path = self.path.with_name(self.path.name + ".idx-verify-none")  # never matches
            fresh._save_index = False
            fresh._lock_depth, fresh._lock_fd = 0, None
            fresh._load_all()
            fresh._index.verify()

    # ------------------------------------------------------------------ journal witness
    def _read_witness(self) -> tuple[int, int] | None:
        """Return (bytes, records) of the journal acknowledged so far, or None when unknown."""
        try:
            text = self.witness_path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.witness_damaged = True
            return None
        parts = text.split()
        try:
            size, records, own = int(parts[0]), int(parts[1]), parts[2]
            if len(parts) != 3 or zlib.crc32(b"%d %d" % (size, records)) != int(own, 16):
                raise ValueError
        except (ValueError, IndexError):
            self.witness_damaged = True  # unreadable: say so in `store check`, never block on it
            return None
        self.witness_damaged = False
        return size, records

    def _write_witness(self, size: int, records: int, sync: bool = False) -> None:
        """Record how much of the journal is acknowledged (written after the journal's fsync).

        Not fsynced on appends: after a power loss it can only be behind the journal, never ahead, so it
        never raises a false alarm; it catches a journal cut short afterwards (a tool, a bad disk).
        """
        text = b"%d %d %08x\n" % (size, records, zlib.crc32(b"%d %d" % (size, records)))
        try:
            fd = os.open(self.witness_path, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                os.pwrite(fd, text.ljust(48), 0)
                if sync:
                    os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as err:
            raise StoreError(f"could not write {self.witness_path}: {err.strerror}") from err

    def _replay_journal(self, _depth: int = 0) -> None:
        witness = self._read_witness()  # read before the journal: it is never ahead of what we read next
        try:
            with open(self.journal_path, "rb") as fh:
                fh.seek(self._journal_offset)
                data = fh.read()
        except FileNotFoundError:
            data = b""
        if _depth < 20 and self._signature(self.path) != self._snapshot_sig:
            # Another process compacted (new snapshot, emptied journal) while we read: our offset is stale.
            self._load_all(_depth + 1)
            return
        if data and not data.startswith(RS):
            raise StoreCorrupted(
                f"{self.journal_path}: record at byte {self._journal_offset} does not start with RS; "
                f"{self._repair_hint()}"
            )
        pos = 0
        records = data.split(RS)[1:] if data else []
        for i, record in enumerate(records):
            if not record.endswith(b"\n"):
                if i == len(records) - 1:  # unfinished: a torn write, unless the witness says it was acked
                    self.torn_tail = True
                    break
                raise StoreCorrupted(
                    f"{self.journal_path}: record {self._journal_records + 1} is damaged (no end of line); "
                    f"{self._repair_hint()}"
                )
            body = record[:-1]
            try:
                raw = unseal_record(body)
                if raw is None:
                    raw = _legacy_record(body)
                self._apply(orjson.loads(raw), raw)
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
                raise StoreCorrupted(
                    f"{self.journal_path}: record {self._journal_records + 1} is damaged ({err}); "
                    f"{self._repair_hint()}"
                ) from err
            pos += 1 + len(record)
            self._journal_records += 1
        self._journal_offset += pos
        if witness is not None and self._journal_offset < witness[0]:
            lost = max(witness[1] - self._journal_records, 1)
            raise StoreCorrupted(
                f"{self.journal_path} was cut short: {witness[0]} bytes ({witness[1]} records) were "
                f"acknowledged, {self._journal_offset} bytes ({self._journal_records} records) are intact, so "
                f"{lost} acknowledged write(s) are missing; {self._repair_hint()}"
            )

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
    def load_reference_layers(self) -> dict[str, int]:
        """Nothing to write: the file store's readers take places and zones from the bundled files."""
        return {}

    @contextmanager
    def bulk_load(self, events: int) -> Iterator[None]:
        """Nothing to prepare: ``upsert_many`` already writes a whole batch at once (kept for the protocol)."""
        yield

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
        payload = b"".join(seal_record(raw) for raw in raws)
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
        self._write_witness(self._journal_offset, self._journal_records)
        for feature, raw in zip(features, raws):
            self._apply(feature, raw)
        if self.compact_every and self._journal_records >= max(self.compact_every, len(self._index) // 10):
            self.compact()
        if self._flush_seconds and self._journal_records:
            self._schedule_flush()

    # ------------------------------------------------------------------ keeping the snapshot complete
    def flush_when_idle(self, seconds: float) -> None:
        """Keep the ``.geojson`` complete for readers such as QGIS: compact a while after each write.

        Once enabled, the first write after a compaction schedules the next one ``seconds`` later (or ten
        times the last compaction's duration, whichever is longer, so big stores spend at most ~10 % of
        their time compacting); writes meanwhile join it. A journal left by an earlier run is folded in
        right away. ``close()`` folds in whatever is left. ``seconds <= 0`` turns it off.
        """
        self._flush_seconds = max(float(seconds), 0.0)
        if not self._flush_seconds:
            self._cancel_flush()
            return
        self.refresh()
        if self._journal_records or self.torn_tail:
            self._schedule_flush(0.0)

    def flush_delay(self) -> float:
        """Seconds after a write within which the ``.geojson`` holds it (0: no automatic flush)."""
        if not self._flush_seconds:
            return 0.0
        return max(self._flush_seconds, 10 * self.last_compact_seconds)

    def _schedule_flush(self, delay: float | None = None) -> None:
        with self._flush_lock:
            if self._flush_timer is not None:
                return
            timer = threading.Timer(self.flush_delay() if delay is None else delay, self._flush)
            timer.daemon = True
            self._flush_timer = timer
            timer.start()

    def _cancel_flush(self) -> None:
        with self._flush_lock:
            timer, self._flush_timer = self._flush_timer, None
        if timer is not None:
            timer.cancel()

    def _flush(self) -> None:
        with self._flush_lock:
            self._flush_timer = None
        try:
            with self.transaction():
                if self._journal_records or self.torn_tail:
                    self.compact()
        except StoreLocked:  # another process writes: try again later
            self._schedule_flush()
        except GeoEventsError as err:  # damaged: reads answer 503 and `store check` tells the operator
            log.error("could not fold the journal into %s: %s", self.path, err)

    def close(self) -> None:
        """Stop the automatic flush and fold the journal into the ``.geojson`` (call on shutdown)."""
        self._cancel_flush()
        if not self._flush_seconds:
            return
        with self.transaction():
            if self._journal_records or self.torn_tail:
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

    def upsert_many(
        self, events: Iterable[Event | dict[str, Any]], *, trusted: bool = False
    ) -> tuple[int, int]:
        """Validate, then durably insert or replace events; return (created, updated).

        ``trusted=True`` skips re-validating Feature dicts read back from another store (``migrate``).
        """
        features = [e if trusted and isinstance(e, dict) else validate_event(e) for e in events]
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
        started = time.monotonic()
        with self.transaction():
            for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):  # left by a writer killed mid-compaction
                stale.unlink(missing_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            offsets: list[int] = []
            lengths: list[int] = []
            crcs: list[int] = []
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
                        crcs.append(zlib.crc32(raw))
                        position += len(raw)
                    footer = checksum_footer(crcs)
                    fh.write(footer)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
                _fsync_dir(self.path.parent)
            except StoreError:  # damage met while copying rows: never re-checksum damaged bytes
                tmp.unlink(missing_ok=True)
                raise
            except OSError as err:
                tmp.unlink(missing_ok=True)
                raise StoreError(f"could not compact {self.path}: {err.strerror}") from err
            if self.journal_path.exists() or self.witness_path.exists():
                self._write_witness(0, 0, sync=True)  # before the cut: the witness is never ahead
            if self.journal_path.exists():
                self._cut_journal(0)
            self._sums_crc = int(footer[-len(_END) - 8 : -len(_END)], 16)
            self.checksummed = True
            self._snapshot_sig = self._signature(self.path)
            self._journal_offset = 0
            self._journal_records = 0
            self._index = self._index.compacted(
                np.array(offsets, dtype=np.int64), np.array(lengths, dtype=np.int32), self._map_snapshot()
            )
            self._index.name = str(self.path)
            try:
                self._index.save(self.index_path, (self._snapshot_sig[1], self._snapshot_sig[2], self._sums_crc))
            except OSError:
                self.index_path.unlink(missing_ok=True)
        self.last_compact_seconds = time.monotonic() - started

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

    def iter_query(self, query: EventQuery, chunk: int = 1000) -> Iterator[list[bytes]]:
        """Yield the raw JSON of a query's page (``offset``/``limit``) ``chunk`` events at a time.

        The matching rows are chosen once (so concurrent writes cannot shift pages) and every snapshot
        row is checksum-verified *before* the first chunk is yielded, so damage is raised while an API can
        still answer 503; memory stays at one chunk whatever the export's size.
        """
        self.refresh()
        with self._mutex:
            index = self._index
            rows = index.select(query)[query.offset : query.offset + query.limit]
            index.verify(rows)
        for start in range(0, len(rows), chunk):
            with self._mutex:  # never yield while holding it: the next chunk may run on another thread
                raws = index.raw_many(rows[start : start + chunk])
            yield raws

    iter_query_raw = iter_query  # the name before the store protocol had it

    def maintain(self) -> None:
        """Fold the journal into the snapshot when it holds anything (after bulk writes such as an import)."""
        with self.transaction():
            if self._journal_records or self.torn_tail or not self.path.exists():
                self.compact()

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

    def to_geodataframe(self, query: EventQuery | None = None) -> Any:
        """Return events (all, or those matching ``query`` regardless of paging) as a GeoDataFrame."""
        from geo_events.formats import features_to_geodataframe

        if query is None:
            features = list(self)
        else:
            everything = replace(query, offset=0, limit=ALL_ROWS)
            features = [orjson.loads(raw) for raws in self.iter_query(everything) for raw in raws]
        return features_to_geodataframe(features)

    @classmethod
    def from_geodataframe(cls, gdf: Any, path: str | os.PathLike[str], **kwargs: Any) -> GeoJSONFileStore:
        """Create (or add to) a store at ``path`` from a GeoDataFrame of events; validates every row."""
        from geo_events.formats import geodataframe_to_features

        store = cls(path, **kwargs)
        store.upsert_many(geodataframe_to_features(gdf))
        store.compact()
        return store

    def scrub(self) -> str | None:
        """Check the checksum of every row once (as a background task of a server); return the damage found.

        Reads the snapshot without holding the store's lock (a compaction meanwhile swaps in a new index;
        this one's memory map stays valid), so requests are not held up. Damage found is what ``damage``
        reports from then on (``/health`` answers 503).
        """
        index = self._index
        try:
            index.verify()
        except StoreCorrupted as err:
            log.error("scrub of %s: %s", self.path, err)
            return str(err)
        return None

    @property
    def damage(self) -> str | None:
        """What damage reading this store has met (a row failing its checksum), or None."""
        return self._index.damage

    def __repr__(self) -> str:
        return f"GeoJSONFileStore({str(self.path)!r}, events={len(self._index)})"
