"""An in-memory columnar index of events: numpy columns for fast filtering, raw JSON bytes for output.

Every store backend that keeps events in memory (the GeoJSON file store) uses this to answer
``EventQuery`` without parsing features: filters run as numpy masks over the columns, and only the page
that is returned is ever read. Rows loaded from a snapshot file are kept as (offset, length) into a
memory map of that file instead of copies of their bytes, so a million-event store costs tens of MB of
RAM; the columns can be saved beside the snapshot (``save``/``load``) so re-opening skips JSON parsing.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from geo_events.errors import StoreCorrupted
from geo_events.geodesy import haversine_km_radians
from geo_events.query import EventQuery, QueryResult

_EPOCH = date(1970, 1, 1).toordinal()
_CATEGORIES = ("event_type", "sub_event_type", "country", "admin1", "control_zone", "side_of_line", "iso3")
#: Numeric columns, saved and copied together ("off" and "len" first: where each row's bytes are).
_NUMERIC = ("off", "len", "lon", "lat", "day", "dlo", "dhi", "fat", "prec", "crc")


_TEXT_FIELDS = ("id", "location", "admin1", "admin2", "country", "iso3", "event_type", "sub_event_type",
                "notes", "control_zone", "place_id")  # fmt: skip


_INTEGER = re.compile(r"[0-9]{1,18}")
_NUMBER = re.compile(r"-?[0-9]+")


def property_matches(feature: dict[str, Any], filters: dict[str, str]) -> bool:
    """True when every ``name=value`` of ``filters`` equals the feature's property as case-folded text."""
    props = feature.get("properties") or {}
    for name, wanted in filters.items():
        value = feature.get("id") if name == "id" else props.get(name)
        text = "" if value is None else str(value)
        if text.casefold() != wanted.casefold():
            return False
    return True


def _byte_patterns(filters: dict[str, str]) -> list[bytes]:
    """Byte patterns every matching feature's JSON must contain (a cheap superset test before parsing).

    Only plain ASCII values get a pattern: their JSON spelling is the value itself, and ASCII
    lower-casing of the bytes agrees with ``str.casefold`` on them.
    """
    patterns = []
    for name, value in filters.items():
        if (
            not value
            or not (value.isascii() and value.isprintable() and name.isascii())
            or '"' in value + name
            or "\\" in value + name
        ):
            continue
        if _NUMBER.fullmatch(value):
            patterns.append(f'"{name}":{value}'.lower().encode())
        else:
            patterns.append(f'"{name}":"{value}"'.lower().encode())
    return patterns


def _clean(text: str) -> str:
    """Drop the record separator used when the columns are saved."""
    return text.replace("\x1e", " ")


def search_texts(props: dict[str, Any]) -> tuple[str, str, str]:
    """Return the case-folded texts the ``actor``, ``source`` and ``q`` filters search in (every backend)."""
    actor_names = [props.get("actor1"), props.get("actor2"), *(props.get("assoc_actors") or [])]
    actors = _clean("\x1f".join(a for a in actor_names if a).casefold())
    sources = props.get("sources") or []
    source_text = _clean(
        "\x1f".join(f"{s.get('id', '')}\x1f{s.get('publisher') or ''}\x1f{s.get('url') or ''}" for s in sources)
    ).casefold()
    words = [props.get(name) for name in _TEXT_FIELDS]
    words += [s.get("title") for s in sources] + [s.get("publisher") for s in sources]
    words += [c.get("claimant") for c in props.get("claims") or []]
    text = " \x1f ".join(w for w in words if isinstance(w, str))
    return actors, source_text, _clean(f"{text} \x1f {actors}").casefold()


def _day(value: str | None) -> int:
    return date.fromisoformat(value[:10]).toordinal() - _EPOCH if value else -(10**6)


def date_span(event_date: date, precision: str | None) -> tuple[date, date]:
    """Return the days an event may have happened on: the day, its ISO week (Mon–Sun) or its month."""
    ordinal = event_date.toordinal()
    if precision == "week":  # clamped to the calendar, so 0001-01-01 or 9999-12-31 never overflow
        first = ordinal - event_date.weekday()
        return date.fromordinal(max(1, first)), date.fromordinal(min(date.max.toordinal(), first + 6))
    if precision == "month":
        first_day = event_date.replace(day=1)
        if first_day.month == 12:
            return first_day, event_date.replace(day=31)
        return first_day, first_day.replace(month=first_day.month + 1) - timedelta(days=1)
    return event_date, event_date


def _span(value: str | None, precision: str | None) -> tuple[int, int]:
    if not value:
        return -(10**6), -(10**6)
    first, last = date_span(date.fromisoformat(value[:10]), precision)
    return first.toordinal() - _EPOCH, last.toordinal() - _EPOCH


class RowDamaged(StoreCorrupted):
    """Raised when a snapshot row's bytes no longer match their checksum (served as 503, never as data)."""

    def __init__(self, message: str, row: int) -> None:
        super().__init__(message)
        self.row = row


class _Vocabulary:
    """Maps category strings (case-folded) to small integer codes; code 0 means null."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def code(self, value: str | None) -> int:
        if value is None or value == "":
            return 0
        key = value.casefold()
        found = self.codes.get(key)
        if found is None:
            found = self.codes[key] = len(self.codes) + 1
        return found

    def lookup(self, value: str) -> int:
        return self.codes.get(value.casefold(), -1)


class EventIndex:
    """Columns of all events, addressable by row; rows are replaced in place on upsert."""

    def __init__(self, capacity: int = 1024, buffer: Any = None) -> None:
        self.ids: list[str] = []
        self.buffer = buffer  # bytes-like snapshot (mmap) that offset rows point into
        self.overrides: dict[int, bytes] = {}  # rows whose bytes live in memory (journal writes)
        self.row_of: dict[str, int] = {}
        self.actors: list[str] = []
        self.sources: list[str] = []
        self.texts: list[str] = []  # case-folded searchable text of each row (for ``q``)
        self.deleted = 0
        self.name = "the store"  # shown in damage messages (the snapshot's path)
        self.damage: str | None = None  # set once a row failed its checksum (until the store reloads)
        self._off = np.zeros(capacity, dtype=np.int64)
        self._len = np.zeros(capacity, dtype=np.int32)
        self._alive = np.zeros(capacity, dtype=bool)
        self._lon = np.zeros(capacity, dtype=np.float64)
        self._lat = np.zeros(capacity, dtype=np.float64)
        self._day = np.zeros(capacity, dtype=np.int32)
        self._dlo = np.zeros(capacity, dtype=np.int32)  # first and last day the event may have happened on
        self._dhi = np.zeros(capacity, dtype=np.int32)
        self._fat = np.zeros(capacity, dtype=np.int64)
        self._prec = np.zeros(capacity, dtype=np.int8)
        self._crc = np.zeros(capacity, dtype=np.uint32)  # CRC-32 of each row's bytes, checked on every read
        self._cats = {name: np.zeros(capacity, dtype=np.int32) for name in _CATEGORIES}
        self._vocab = {name: _Vocabulary() for name in _CATEGORIES}

    def __len__(self) -> int:
        return len(self.ids) - self.deleted

    def _grow(self, need: int) -> None:
        capacity = len(self._lon)
        if need <= capacity:
            return
        new = max(need, capacity * 2)
        for name in ("_alive", *(f"_{c}" for c in _NUMERIC)):
            old = getattr(self, name)
            grown = np.zeros(new, dtype=old.dtype)
            grown[: len(old)] = old
            setattr(self, name, grown)
        for name, old in self._cats.items():
            grown = np.zeros(new, dtype=old.dtype)
            grown[: len(old)] = old
            self._cats[name] = grown

    def _damaged(self, row: int) -> RowDamaged:
        self.damage = (
            f"{self.name}: line {row + 2} fails its CRC-32 checksum; "
            f"run `geo-events store check --repair --store {self.name}`"
        )
        return RowDamaged(
            f"{self.name}: line {row + 2} (byte {int(self._off[row])}) fails its CRC-32 checksum: the file was "
            f"damaged on disk; run `geo-events store check --repair --store {self.name}`", row
        )

    def raw(self, row: int) -> bytes:
        """Return the serialised JSON of one row (rows read from the snapshot are checksum-verified)."""
        found = self.overrides.get(row)
        if found is not None:
            return found
        start = int(self._off[row])
        data = bytes(self.buffer[start : start + int(self._len[row])])
        if zlib.crc32(data) != int(self._crc[row]):
            raise self._damaged(row)
        return data

    def raw_many(self, rows: np.ndarray) -> list[bytes]:
        """Return the serialised JSON of many rows (one vectorised gather; every snapshot row verified)."""
        offsets = self._off[rows].tolist()
        lengths = self._len[rows].tolist()
        buffer, overrides = self.buffer, self.overrides
        if overrides:
            out = [
                overrides[row] if row in overrides else bytes(buffer[start : start + length])
                for row, start, length in zip(rows.tolist(), offsets, lengths)
            ]
        else:
            out = [bytes(buffer[start : start + length]) for start, length in zip(offsets, lengths)]
        if len(out):  # one vectorised comparison of every row's CRC-32 (journal rows compare to themselves)
            sums = np.fromiter(map(zlib.crc32, out), dtype=np.uint32, count=len(out))
            bad = np.flatnonzero(sums != self._crc[rows])
            if len(bad):
                raise self._damaged(int(rows[bad[0]]))
        return out

    def verify(self, rows: np.ndarray | None = None) -> None:
        """Check the checksum of every snapshot row of ``rows`` (all live rows when None) without keeping bytes.

        Raises ``RowDamaged`` for the first row whose bytes changed on disk; used before a streamed export
        starts, so damage is a 503, never a 200 cut off half way.
        """
        if rows is None:
            rows = np.flatnonzero(self._alive[: len(self.ids)])
        buffer, overrides, crc32 = self.buffer, self.overrides, zlib.crc32
        if buffer is not None and not isinstance(buffer, bytes):
            buffer = memoryview(buffer)  # slices of a memory map without copying them
        for row, start, length, crc in zip(
            rows.tolist(), self._off[rows].tolist(), self._len[rows].tolist(), self._crc[rows].tolist()
        ):
            if row not in overrides and crc32(buffer[start : start + length]) != crc:
                raise self._damaged(row)

    def crcs(self) -> np.ndarray:
        """Return the CRC-32 column of every row (a copy)."""
        return self._crc[: len(self.ids)].copy()

    def put(self, feature: dict, raw: bytes | None = None, offset: int | None = None) -> bool:
        """Insert or replace one feature; return True when it was new.

        ``offset`` (with ``raw``) says the bytes sit at that offset of ``buffer``; otherwise they are kept
        in memory.
        """
        props = feature["properties"]
        event_id = props["id"]
        raw = raw if raw is not None else orjson.dumps(feature)
        row = self.row_of.get(event_id)
        created = row is None
        if row is None:
            row = len(self.ids)
            self._grow(row + 1)
            self.ids.append(event_id)
            self.actors.append("")
            self.sources.append("")
            self.texts.append("")
            self.row_of[event_id] = row
        elif not self._alive[row]:
            self.deleted -= 1
            created = True
        if offset is None:
            self.overrides[row] = raw
        else:
            self.overrides.pop(row, None)
            self._off[row] = offset
            self._len[row] = len(raw)
        self._crc[row] = zlib.crc32(raw)
        lon, lat = feature["geometry"]["coordinates"][:2]
        self._alive[row] = True
        self._lon[row] = lon
        self._lat[row] = lat
        self._day[row] = _day(props.get("event_date"))
        self._dlo[row], self._dhi[row] = _span(props.get("event_date"), props.get("date_precision"))
        self._fat[row] = props.get("fatalities_best") or 0
        self._prec[row] = props.get("geo_precision") or 1
        for name in _CATEGORIES:
            self._cats[name][row] = self._vocab[name].code(props.get(name))
        self.actors[row], self.sources[row], self.texts[row] = search_texts(props)
        return created

    def remove(self, event_id: str) -> bool:
        """Mark an event deleted; return False when it was not there."""
        row = self.row_of.get(event_id)
        if row is None or not self._alive[row]:
            return False
        self._alive[row] = False
        self.deleted += 1
        return True

    def get(self, event_id: str) -> bytes | None:
        """Return the raw JSON of one event, or None."""
        row = self.row_of.get(event_id)
        if row is None or not self._alive[row]:
            return None
        return self.raw(row)

    def iter_raw(self) -> Iterator[bytes]:
        """Yield the raw JSON of every live event in insertion order."""
        alive = self._alive
        for row in range(len(self.ids)):
            if alive[row]:
                yield self.raw(row)

    def _mask(self, q: EventQuery) -> np.ndarray:
        n = len(self.ids)
        mask = self._alive[:n].copy()
        if q.bbox is not None:
            minx, miny, maxx, maxy = q.bbox
            lon, lat = self._lon[:n], self._lat[:n]
            mask &= (lon >= minx) & (lon <= maxx) & (lat >= miny) & (lat <= maxy)
        if q.start is not None:
            mask &= self._dhi[:n] >= q.start.toordinal() - _EPOCH  # overlap of the event's span
        if q.end is not None:
            mask &= self._dlo[:n] <= q.end.toordinal() - _EPOCH
        if q.min_fatalities is not None:
            mask &= self._fat[:n] >= q.min_fatalities
        if q.max_fatalities is not None:
            mask &= self._fat[:n] <= q.max_fatalities
        if q.geo_precision:
            mask &= np.isin(self._prec[:n], np.array(q.geo_precision, dtype=np.int8))
        if q.date_precision:  # the span of the event's dates says it: 1 day, 7 (a week) or 28–31 (a month)
            days = self._dhi[:n] - self._dlo[:n]
            spans = {"day": days == 0, "week": days == 6, "month": days >= 27}
            mask &= np.logical_or.reduce([spans[name] for name in q.date_precision])
        for name in ("event_type", "sub_event_type", "admin1", "control_zone", "side_of_line"):
            value = getattr(q, name)
            if value is not None:
                mask &= self._cats[name][:n] == self._vocab[name].lookup(value)
        if q.country is not None:  # country name or ISO3 code
            by_name = self._cats["country"][:n] == self._vocab["country"].lookup(q.country)
            by_iso = self._cats["iso3"][:n] == self._vocab["iso3"].lookup(q.country)
            mask &= by_name | by_iso
        if q.near is not None:
            lat0, lon0 = np.radians(q.near[0]), np.radians(q.near[1])
            lat, lon = np.radians(self._lat[:n]), np.radians(self._lon[:n])
            mask &= haversine_km_radians(lat0, lon0, lat, lon) <= q.radius_km
        return mask

    def select(self, q: EventQuery) -> np.ndarray:
        """Return the rows matching every filter of ``q``, sorted as ``q.sort`` asks."""
        rows = np.flatnonzero(self._mask(q))
        if q.ids is not None:
            wanted = {self.row_of[i] for i in q.ids if i in self.row_of}
            rows = np.array([r for r in rows if r in wanted], dtype=np.int64)
        if q.actor:
            needle = q.actor.casefold()
            rows = np.array([r for r in rows if needle in self.actors[r]], dtype=np.int64)
        if q.source:
            needle = q.source.casefold()
            rows = np.array([r for r in rows if needle in self.sources[r]], dtype=np.int64)
        if q.q:
            needle = q.q.casefold()
            rows = np.array([r for r in rows if needle in self.texts[r]], dtype=np.int64)
        if q.extra:
            rows = self._property_filter(rows, q.extra)
        if len(rows) == 0:
            return rows
        key = q.sort
        if key in ("date", "-date"):
            col = self._day[rows]
        elif key in ("fatalities", "-fatalities"):
            col = self._fat[rows]
        else:
            order = sorted(range(len(rows)), key=lambda i: self.ids[rows[i]])
            return rows[np.array(order, dtype=np.int64)]
        if key.startswith("-"):
            order = np.lexsort((rows, -col.astype(np.int64)))
        else:
            order = np.lexsort((rows, col))
        return rows[order]

    def _property_filter(self, rows: np.ndarray, filters: dict[str, str]) -> np.ndarray:
        """Keep the rows whose properties equal every ``name=value`` of ``filters`` (case-folded text).

        Columns answer what they hold (categories, id, fatalities, precision, date); any other property
        is read from the row's JSON, after a cheap byte test on plain ASCII values.
        """
        rest: dict[str, str] = {}
        for name, wanted in filters.items():
            if len(rows) == 0:
                return rows
            if name in _CATEGORIES:
                code = self._vocab[name].lookup(wanted) if wanted else 0
                rows = rows[self._cats[name][rows] == code]
            elif name == "id":
                rows = rows[[self.ids[r] == wanted for r in rows.tolist()]] if len(rows) else rows
            elif name in ("fatalities_best", "geo_precision") and _INTEGER.fullmatch(wanted):
                col = self._fat if name == "fatalities_best" else self._prec
                rows = rows[col[rows] == int(wanted)]
            else:
                rest[name] = wanted
        if not rest or len(rows) == 0:
            return rows
        patterns = _byte_patterns(rest)
        kept = []
        for row, raw in zip(rows.tolist(), self.raw_many(rows)):
            if patterns:
                lowered = raw.lower()
                if not all(p in lowered for p in patterns):
                    continue
            if property_matches(orjson.loads(raw), rest):
                kept.append(row)
        return np.array(kept, dtype=np.int64)

    def query(self, q: EventQuery) -> QueryResult:
        """Answer one query page (``q.offset`` … ``q.offset + q.limit``)."""
        rows = self.select(q)
        page = rows[q.offset : q.offset + q.limit]
        return QueryResult(number_matched=int(len(rows)), raw=self.raw_many(page))

    def count(self, q: EventQuery) -> int:
        """Return how many events match ``q`` (paging ignored)."""
        return int(len(self.select(q)))

    def extent(self) -> tuple[tuple[float, float, float, float] | None, tuple[date, date] | None]:
        """Return the bbox and the first/last event dates of all live events."""
        n = len(self.ids)
        alive = self._alive[:n]
        if not alive.any():
            return None, None
        lon, lat, day = self._lon[:n][alive], self._lat[:n][alive], self._day[:n][alive]
        bbox = (float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max()))
        first = date.fromordinal(int(day.min()) + _EPOCH)
        last = date.fromordinal(int(day.max()) + _EPOCH)
        return bbox, (first, last)

    def compacted(self, offsets: np.ndarray, lengths: np.ndarray, buffer: Any) -> EventIndex:
        """Return the index of a fresh snapshot holding the live rows, in order, at ``offsets``."""
        n = len(self.ids)
        live = np.flatnonzero(self._alive[:n])
        m = len(live)
        new = EventIndex(capacity=max(m, 1024), buffer=buffer)
        new.ids = [self.ids[r] for r in live]
        new.row_of = dict(zip(new.ids, range(m)))
        new.actors = [self.actors[r] for r in live]
        new.sources = [self.sources[r] for r in live]
        new.texts = [self.texts[r] for r in live]
        new._vocab = self._vocab
        new.name = self.name
        new._alive[:m] = True
        new._off[:m] = offsets
        new._len[:m] = lengths
        for name in _NUMERIC[2:]:
            getattr(new, f"_{name}")[:m] = getattr(self, f"_{name}")[live]
        for name, col in self._cats.items():
            new._cats[name][:m] = col[live]
        return new

    # ------------------------------------------------------------------ persistence of the columns
    def save(self, path: Path, signature: tuple[int, ...]) -> None:
        """Write the columns beside a snapshot whose rows are all offset rows (atomic replace)."""
        n = len(self.ids)
        if self.overrides or self.deleted:
            raise ValueError("only a freshly compacted index can be saved")
        vocab = {name: list(v.codes) for name, v in self._vocab.items()}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            np.savez(
                fh,
                signature=np.array(signature, dtype=np.int64),
                ids="\x1e".join(self.ids).encode("utf-8"),
                actors="\x1e".join(self.actors).encode("utf-8"),
                sources="\x1e".join(self.sources).encode("utf-8"),
                texts="\x1e".join(self.texts).encode("utf-8"),
                vocab=orjson.dumps(vocab),
                **{name: getattr(self, f"_{name}")[:n] for name in _NUMERIC},
                **{f"cat_{name}": col[:n] for name, col in self._cats.items()},
            )  # fmt: skip
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, signature: tuple[int, ...], buffer: Any) -> EventIndex | None:
        """Read saved columns; return None when missing, unreadable or saved for another snapshot."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if tuple(int(v) for v in data["signature"]) != tuple(signature):
                    return None
                n = len(data["off"])
                index = cls(capacity=max(n, 1024), buffer=buffer)
                ids = bytes(data["ids"]).decode("utf-8").split("\x1e") if n else []
                index.ids = ids
                index.row_of = dict(zip(ids, range(n)))
                index.actors = bytes(data["actors"]).decode("utf-8").split("\x1e") if n else []
                index.sources = bytes(data["sources"]).decode("utf-8").split("\x1e") if n else []
                index.texts = bytes(data["texts"]).decode("utf-8").split("\x1e") if n else []
                for name, codes in orjson.loads(bytes(data["vocab"])).items():
                    index._vocab[name].codes = {code: i + 1 for i, code in enumerate(codes)}
                index._alive[:n] = True
                for name in _NUMERIC:
                    getattr(index, f"_{name}")[:n] = data[name]
                for name in _CATEGORIES:
                    index._cats[name][:n] = data[f"cat_{name}"]
        except Exception:  # noqa: BLE001 - any damage (BadZipFile, EOFError, zlib.error…): rebuild, never trust
            return None
        if len(index.ids) != n or len(index.actors) != n or len(index.sources) != n or len(index.texts) != n:
            return None
        return index
