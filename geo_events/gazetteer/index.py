"""The compact gazetteer index: numpy columns, one string table and marisa tries, memory-mapped from disk.

Nothing is pickled. An index folder holds ``.npy`` columns (one row per place: point, population, kind,
country, string references), a UTF-8 string table (``strings.bin`` + offsets, every distinct string once)
tries of normalised names and phonetic keys, and the typo index (:mod:`geo_events.gazetteer.typo`: sorted
hashes of the fuzzy-eligible keys' deletion neighbourhoods). Each trie id points into CSR arrays of
``(place row, matched name)`` entries. Opening a built folder maps the files and costs milliseconds; ``Place`` objects are made on demand.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress
from pathlib import Path
from typing import Any

import marisa_trie
import numpy as np

from geo_events.gazetteer import typo
from geo_events.gazetteer.normalize import key_of_normalized, normalize
from geo_events.gazetteer.place import KINDS, Place
from geo_events.gazetteer.stopwords import STOPWORDS, common_english_words

FORMAT = 6
#: Shortest phonetic key given typo tolerance (shorter ones are matched exactly only).
MIN_FUZZY_KEY = 5
FLAG_CURATED = 1
FLAG_FUZZY = 2
_SETTLEMENTS = frozenset({"city", "town", "village"})
_COLUMNS = (
    "lat", "lon", "population", "kind", "country", "admin1", "id", "name", "source", "geometry", "flags",
    "alt_off", "alt", "bbox", "norm_off", "norm_place", "norm_name", "key_off", "key_place", "key_name",
    "id_row", "word_zipf", "name_norm", *typo.COLUMNS, "fuzzy_key_off", "fuzzy_key_text",
)


def is_code(name: str) -> bool:
    """True for an alternate name that is a code or abbreviation ("SOM", "DAM", "UAE"): two or three capital
    letters. It is matched as written, never by its phonetic key ("Soum" is not Somalia's "SOM")."""
    return 2 <= len(name) <= 3 and name.isascii() and name.isalpha() and name.isupper()


def fuzzy_eligible(place: Place) -> bool:
    """Typo tolerance is kept for places a reporter is likely to name: towns of 1,000+, administrative seats
    (GeoNames towns without a population), curated entries, admin units and countries. A one-letter slip of
    an English word would too often land on a hamlet."""
    return (place.population or 1_000) >= 1_000 or place.kind not in _SETTLEMENTS or place.id.startswith("ge:")


class _Strings:
    """Interning table written as one UTF-8 blob plus offsets."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if text is None:
            return -1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        encoded = [s.encode("utf-8") for s in self.index]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _grouped(keys: list[str], *values: list[int]) -> tuple[Any, np.ndarray, list[np.ndarray]]:
    """Index ``values`` by ``keys`` (one row per pair): the trie of the distinct keys, CSR offsets by trie
    id, and each value column ordered by trie id."""
    trie = marisa_trie.Trie(keys)
    ids = np.fromiter(map(trie.__getitem__, keys), dtype=np.int64, count=len(keys))
    order = np.argsort(ids, kind="stable")
    offsets = np.searchsorted(ids[order], np.arange(len(trie) + 1)).astype(np.int64)
    return trie, offsets, [np.asarray(v, dtype=np.int32)[order] for v in values]


class Progress:
    """A one-line progress bar on stderr, shown only when stderr is a terminal."""

    def __init__(self, title: str, steps: int) -> None:
        self.title, self.steps, self.done, self.start = title, steps, 0, time.monotonic()
        self.live = sys.stderr.isatty()

    def step(self, what: str) -> None:
        """Advance one step and redraw."""
        self.done += 1
        if self.live:
            filled = int(30 * self.done / self.steps)
            sys.stderr.write(f"\r{self.title} [{'#' * filled}{'.' * (30 - filled)}] "
                             f"{time.monotonic() - self.start:4.0f} s {what:<28}")
            sys.stderr.flush()

    def finish(self) -> None:
        """Draw the full bar and end the line."""
        if self.live:
            self.done = self.steps - 1
            self.step("done")
            sys.stderr.write("\n")
            sys.stderr.flush()


def build_arrays(places: Sequence[Place], blocked: dict[str, frozenset[str]],
                 progress: Progress | None = None) -> tuple[dict[str, np.ndarray], dict[str, Any], list[Any]]:
    """Return the columns, the metadata and the three tries of an index over ``places``."""
    strings = _Strings()
    countries: dict[str, int] = {}
    country_info: list[list[str]] = []
    for place in places:
        if place.country not in countries:
            countries[place.country] = len(country_info)
            country_info.append([place.country, place.country_name, place.iso3])
    n = len(places)
    kind_code = {k: i for i, k in enumerate(KINDS)}
    cols: dict[str, Any] = {
        "lat": np.array([p.lat for p in places], dtype=np.float64),
        "lon": np.array([p.lon for p in places], dtype=np.float64),
        "population": np.array([p.population or 0 for p in places], dtype=np.int64),
        "kind": np.array([kind_code[p.kind] for p in places], dtype=np.uint8),
        "country": np.array([countries[p.country] for p in places], dtype=np.uint16),
        "admin1": np.array([strings(p.admin1) for p in places], dtype=np.int32),
        "id": np.array([strings(p.id) for p in places], dtype=np.int32),
        "name": np.array([strings(p.name) for p in places], dtype=np.int32),
        "source": np.array([strings(p.source) for p in places], dtype=np.int32),
        "geometry": np.array([-1 if p.geometry.get("type") == "Point" else
                              strings(json.dumps(p.geometry, separators=(",", ":"))) for p in places], dtype=np.int32),
        "bbox": np.array([p.bbox or (np.nan,) * 4 for p in places], dtype=np.float32).reshape(n, 4),
    }
    eligible_rows = [fuzzy_eligible(p) for p in places]
    cols["flags"] = np.array([(FLAG_CURATED if p.id.startswith("ge:") else 0) | (FLAG_FUZZY if e else 0)
                              for p, e in zip(places, eligible_rows, strict=True)], dtype=np.uint8)
    cols["alt_off"] = np.zeros(n + 1, dtype=np.int64)
    np.cumsum([len(p.alt_names) for p in places], out=cols["alt_off"][1:])
    cols["alt"] = np.array([strings(a) for p in places for a in p.alt_names], dtype=np.int32)
    if progress:
        progress.step("columns")
    norms: list[str] = []
    keys: list[str] = []
    rows: list[int] = []
    refs: list[int] = []
    fuzzy_keys: set[str] = set()
    coded: list[int] = []
    names = strings.index
    memo: dict[str, tuple[str, str]] = {}
    plain_normalize = getattr(normalize, "__wrapped__", normalize)  # skip the small LRU: every name once
    for row, place in enumerate(places):
        dropped = blocked.get(place.id)
        seen: set[str] = set()
        eligible = eligible_rows[row]
        for position, name in enumerate((place.name, *place.alt_names)):
            forms = memo.get(name)
            if forms is None:
                norm = plain_normalize(name)
                forms = memo[name] = (norm, key_of_normalized(norm) if norm else "")
            norm, key = forms
            if norm and len(norm) > 1 and norm not in STOPWORDS and norm not in seen and (
                    not dropped or norm not in dropped):
                seen.add(norm)
                ref = names[name]
                norms.append(norm)
                rows.append(row)
                refs.append(ref if position else -1 - ref)  # a negative name ref marks the primary name
                if position and is_code(name):
                    coded.append(len(keys))  # matched as written only, never by sound
                keys.append(key)
                if eligible and len(key) >= MIN_FUZZY_KEY and key.isascii():
                    fuzzy_keys.add(key)
        if progress and row % 80_000 == 79_999:
            progress.step(f"names {row + 1:,}/{n:,}")
    del memo
    norm_trie, cols["norm_off"], (cols["norm_place"], cols["norm_name"]) = _grouped(norms, rows, refs)
    if coded:
        spoken = np.ones(len(keys), dtype=bool)
        spoken[coded] = False
        keys, key_rows, key_refs = (list(compress(column, spoken)) for column in (keys, rows, refs))
    else:
        key_rows, key_refs = rows, refs
    key_trie, cols["key_off"], (cols["key_place"], cols["key_name"]) = _grouped(keys, key_rows, key_refs)
    # string ref of a name -> the trie id of its normalised form (what the typo check compares as written)
    cols["name_norm"] = np.full(len(names), -1, dtype=np.int32)
    named = cols["norm_name"]
    cols["name_norm"][np.where(named < 0, -1 - named, named)] = np.repeat(
        np.arange(len(norm_trie), dtype=np.int32), np.diff(cols["norm_off"]))
    del norms, keys, rows, refs, key_rows, key_refs
    if progress:
        progress.step("name tries")
    ordered = sorted(key for key in fuzzy_keys if len(key) <= typo.MAX_KEY)  # a fixed order in every process
    ordered_ids = [key_trie[key] for key in ordered]
    cols.update(typo.build(ordered, ordered_ids, len(key_trie)))
    # the text of each typo-tolerant key by key id (ASCII; empty for the others): read per typo candidate
    # instead of walking the trie back up with ``restore_key``
    lengths = np.zeros(len(key_trie), dtype=np.int64)
    lengths[ordered_ids] = [len(key) for key in ordered]
    cols["fuzzy_key_off"] = np.zeros(len(key_trie) + 1, dtype=np.int64)
    np.cumsum(lengths, out=cols["fuzzy_key_off"][1:])
    by_id = sorted(range(len(ordered)), key=ordered_ids.__getitem__)
    cols["fuzzy_key_text"] = np.frombuffer("".join([ordered[i] for i in by_id]).encode("ascii") or b"\0",
                                           dtype=np.uint8)
    del ordered, ordered_ids, by_id, lengths
    if progress:
        progress.step("typo index")
    id_trie = marisa_trie.Trie(p.id for p in places)
    id_row = np.zeros(len(id_trie), dtype=np.int32)
    id_row[[id_trie[p.id] for p in places]] = np.arange(n, dtype=np.int32)
    cols["id_row"] = id_row
    common = common_english_words()  # common English words ("mission", "young"): see Gazetteer.search
    word_trie = marisa_trie.Trie(common)
    cols["word_zipf"] = np.zeros(len(word_trie), dtype=np.float32)
    for word, zipf in common.items():
        cols["word_zipf"][word_trie[word]] = zipf
    blob, offsets = strings.arrays()
    cols["strings"], cols["string_off"] = blob, offsets
    meta = {"format": FORMAT, "countries": country_info, "kinds": list(KINDS), "count": n}
    return cols, meta, [norm_trie, key_trie, id_trie, word_trie]


_TRIES = ("norm", "key", "ids", "words")


def write(folder: Path, cols: dict[str, np.ndarray], meta: dict[str, Any], tries: list[Any]) -> None:
    """Write an index into a new ``folder`` (the caller renames it into place)."""
    folder.mkdir(parents=True)
    for name, array in cols.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
    for name, trie in zip(_TRIES, tries, strict=True):
        trie.save(str(folder / f"{name}.marisa"))
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def read(folder: Path) -> tuple[dict[str, np.ndarray], dict[str, Any], list[Any]] | None:
    """Map an index folder written by ``write``; ``None`` when it is missing, partial or of another format."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("kinds") != list(KINDS):
            return None
        cols = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                for name in (*_COLUMNS, "strings", "string_off")}
        tries = []
        for name in _TRIES:
            trie = marisa_trie.Trie()
            trie.mmap(str(folder / f"{name}.marisa"))
            tries.append(trie)
    except (OSError, ValueError, KeyError):
        return None
    return cols, meta, tries


class PlaceTable:
    """Read access to an index: ``Place`` objects made on demand, name/key/typo look-ups by trie."""

    def __init__(self, cols: dict[str, np.ndarray], meta: dict[str, Any], tries: list[Any]) -> None:
        cols = {name: np.asarray(array) for name, array in cols.items()}  # plain views: memmap indexing is slow
        self.cols = cols
        self.count = int(meta["count"])
        self.countries = [tuple(c) for c in meta["countries"]]
        self.norm_trie, self.key_trie, self.id_trie, self.word_trie = tries
        self.typo = typo.TypoIndex(cols)
        self._word_zipf = cols["word_zipf"]
        self._id_row = cols["id_row"]
        self._blob = bytes(cols["strings"])
        self._offsets = cols["string_off"].tolist()
        self._cache: dict[int, Place] = {}
        #: decoded sources and admin-1 names by string ref (a few thousand distinct ones, read per ``Place``)
        self._memo: dict[int, str] = {}
        # plain Python lists for the columns read per candidate (scalar numpy reads are slow)
        self.population: list[int] = cols["population"].tolist()
        self.kind: list[str] = [KINDS[k] for k in cols["kind"].tolist()]
        self.country_of: list[str] = [self.countries[c][0] for c in cols["country"].tolist()]
        self.flags: list[int] = cols["flags"].tolist()
        self.admin1_ref: list[int] = cols["admin1"].tolist()
        alt_off = cols["alt_off"]
        self.alt_count: list[int] = (alt_off[1:] - alt_off[:-1]).tolist()
        self.lat: list[float] = cols["lat"].tolist()
        self.lon: list[float] = cols["lon"].tolist()
        # flat memoryviews of the other columns: an item or a slice of one costs a fraction of numpy's
        self._geometry, self._alt_off, self._alt, self._country, self._bbox, self._id, self._name, self._source = (
            _view(cols[name]) for name in ("geometry", "alt_off", "alt", "country", "bbox", "id", "name", "source"))
        self._csr = {prefix: tuple(_view(cols[f"{prefix}_{part}"]) for part in ("off", "place", "name"))
                     for prefix in ("norm", "key")}
        self._name_norm = _view(cols["name_norm"])
        self._fuzzy_key_text, self._fuzzy_key_off = bytes(cols["fuzzy_key_text"]), _view(cols["fuzzy_key_off"])

    def string(self, ref: int) -> str:
        """Return string ``ref`` of the table."""
        return self._blob[self._offsets[ref] : self._offsets[ref + 1]].decode("utf-8")

    def place(self, row: int) -> Place:
        """Return the ``Place`` of a row (made once, then cached)."""
        found = self._cache.get(row)
        if found is None:
            found = self._cache[row] = self.make(row)
        return found

    def make(self, row: int) -> Place:
        """Build the ``Place`` of a row without caching it."""
        blob, offsets = self._blob, self._offsets
        lat, lon = self.lat[row], self.lon[row]
        geometry_ref = self._geometry[row]
        geometry = json.loads(self.string(geometry_ref)) if geometry_ref >= 0 else {
            "type": "Point", "coordinates": [lon, lat]}
        code, country_name, iso3 = self.countries[self._country[row]]
        west = self._bbox[4 * row]
        admin1 = self.admin1_ref[row]
        memo = self._memo
        source_ref = self._source[row]
        source = memo.get(source_ref)
        if source is None:
            source = memo[source_ref] = self.string(source_ref)
        if admin1 >= 0:
            admin1_name = memo.get(admin1)
            if admin1_name is None:
                admin1_name = memo[admin1] = self.string(admin1)
        else:
            admin1_name = None
        alt = self._alt[self._alt_off[row] : self._alt_off[row + 1]].tolist()
        fields = {
            "id": self.string(self._id[row]), "name": self.string(self._name[row]),
            "alt_names": tuple([blob[offsets[ref] : offsets[ref + 1]].decode("utf-8") for ref in alt]),
            "kind": self.kind[row], "lat": lat, "lon": lon, "geometry": geometry,
            "admin1": admin1_name, "country": code,
            "country_name": country_name, "iso3": iso3, "population": self.population[row] or None,
            "source": source,
            "bbox": None if west != west else tuple(round(v, 5) for v in self._bbox[4 * row : 4 * row + 4].tolist()),
        }
        # The frozen dataclass's __init__ sets its 14 fields one object.__setattr__ at a time; filling the
        # instance dict at once gives the same object in a fraction of the time (a Place is made per result).
        place = object.__new__(Place)
        object.__setattr__(place, "__dict__", fields)
        return place

    def english_zipf(self, word: str) -> float:
        """Zipf frequency of a common English word (wordfreq, at build time); 0 for other words."""
        found = self.word_trie.get(word)
        return 0.0 if found is None else float(self._word_zipf[found])

    def row_of(self, place_id: str) -> int | None:
        """Return the row of a place id, or ``None``."""
        found = self.id_trie.get(place_id)
        return None if found is None else int(self._id_row[found])

    def admin1(self, row: int) -> str | None:
        """Return the admin-1 name of a row without making its ``Place``."""
        ref = self.admin1_ref[row]
        return self.string(ref) if ref >= 0 else None

    def _entries(self, trie: Any, prefix: str, text: str) -> list[tuple[int, int]]:
        key_id = trie.get(text)
        return [] if key_id is None else self._entries_of(prefix, key_id)

    def _entries_of(self, prefix: str, key_id: int) -> list[tuple[int, int]]:
        offsets, places, names = self._csr[prefix]
        start, end = offsets[key_id], offsets[key_id + 1]
        return list(zip(places[start:end].tolist(), names[start:end].tolist(), strict=True))

    def by_norm(self, norm: str) -> list[tuple[int, int]]:
        """``(row, name ref)`` entries whose normalised name is ``norm`` (a negative ref: the primary name)."""
        return self._entries(self.norm_trie, "norm", norm)

    def by_key(self, key: str) -> list[tuple[int, int]]:
        """``(row, name ref)`` entries whose phonetic key is ``key``."""
        return self._entries(self.key_trie, "key", key)

    def name_of(self, ref: int) -> str:
        """Return the matched name of an entry's name ref."""
        return self.string(ref if ref >= 0 else -1 - ref)

    def norm_of(self, ref: int) -> str:
        """Return the normalised form of an entry's matched name (read from the index, not recomputed)."""
        norm_id = self._name_norm[ref if ref >= 0 else -1 - ref]
        return self.norm_trie.restore_key(norm_id) if norm_id >= 0 else normalize(self.name_of(ref))

    def typo_keys(self, key: str, two_edits: bool = False, known: dict[str, int] | None = None) -> dict[str, int]:
        """Return the fuzzy-eligible keys (and their key ids) that share a one-letter deletion neighbour with
        ``key`` (a two-letter one with ``two_edits``): every such key within one (two) edits, and some more.
        ``known``: the one-edit answer for this key (its keys are part of the two-edit one, not looked up again)."""
        text, offsets = self._fuzzy_key_text, self._fuzzy_key_off
        if known is None:
            return {text[offsets[k] : offsets[k + 1]].decode("ascii"): k for k in self.typo.candidates(key, two_edits)}
        seen = set(known.values())
        found = dict(known)
        for k in self.typo.candidates(key, two_edits, seen) - seen:
            found[text[offsets[k] : offsets[k + 1]].decode("ascii")] = k
        return found

    def fuzzy_rows(self, key: str) -> list[tuple[int, int]]:
        """Entries of a key found by typo tolerance, restricted to fuzzy-eligible places."""
        key_id = self.key_trie.get(key)
        return [] if key_id is None else self.fuzzy_rows_of(key_id)

    def fuzzy_rows_of(self, key_id: int) -> list[tuple[int, int]]:
        """``fuzzy_rows`` of a key given by its key id (as ``typo_keys`` returns it)."""
        flags = self.flags
        offsets, places, names = self._csr["key"]
        start, end = offsets[key_id], offsets[key_id + 1]
        if end - start == 1:  # most keys name one place: no lists to zip
            row = places[start]
            return [(row, names[start])] if flags[row] & FLAG_FUZZY else []
        return [e for e in zip(places[start:end].tolist(), names[start:end].tolist()) if flags[e[0]] & FLAG_FUZZY]

    def norms(self) -> Iterator[tuple[str, int]]:
        """Yield ``(normalised name, row)`` for every indexed name."""
        c = self.cols
        for norm, key_id in self.norm_trie.iteritems():
            for row in c["norm_place"][int(c["norm_off"][key_id]) : int(c["norm_off"][key_id + 1])].tolist():
                yield norm, row


def _view(array: np.ndarray) -> memoryview:
    """A flat memoryview of a column (no copy for the contiguous arrays of an index)."""
    return memoryview(np.ascontiguousarray(array).reshape(-1))


def open_or_build(folder: Path | None, build: Callable[[], tuple[Sequence[Place], dict[str, frozenset[str]]]],
                  ) -> PlaceTable:
    """Return the index in ``folder`` (building it there once, under a lock) or an in-memory one."""
    if folder is not None:
        found = read(folder)
        if found is not None:
            return PlaceTable(*found)
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            lock_path = folder.parent / f".{folder.name}.lock"
            with open(lock_path, "w") as lock:
                _lock(lock)
                found = read(folder)  # another process may have built it while we waited
                if found is not None:
                    return PlaceTable(*found)
                progress = Progress("building the gazetteer index (once)", 9)
                progress.step("reading GeoNames")
                places, blocked = build()
                progress.step(f"{len(places):,} places read")
                cols, meta, tries = build_arrays(places, blocked, progress)
                temp = folder.parent / f".{folder.name}.{os.getpid()}.tmp"
                shutil.rmtree(temp, ignore_errors=True)
                write(temp, cols, meta, tries)
                shutil.rmtree(folder, ignore_errors=True)  # a stale or partial folder of the same name
                os.replace(temp, folder)
                progress.finish()
                _prune(folder)
                found = read(folder)
                if found is not None:
                    return PlaceTable(*found)
        except OSError:
            pass  # an unwritable cache is never an error: build in memory
    places, blocked = build()
    cols, meta, tries = build_arrays(places, blocked)
    return PlaceTable(cols, meta, tries)


#: Index folders of other configurations or code versions kept beside a new one (other work trees may
#: still use them); older ones are removed.
KEEP_GENERATIONS = 3


def _prune(current: Path) -> None:
    """Remove all but the newest ``KEEP_GENERATIONS`` other index folders and leftovers of dead builds."""
    try:
        others = sorted((p for p in current.parent.glob("gazetteer-*") if p.is_dir() and p != current),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        stale = [p for p in current.parent.glob(".gazetteer-*.tmp") if time.time() - p.stat().st_mtime > 3600]
        for path in [*others[KEEP_GENERATIONS:], *stale]:
            shutil.rmtree(path, ignore_errors=True)
    except OSError:
        return


def _lock(handle: Any) -> None:
    try:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    except (ImportError, OSError):
        return


__all__ = ["FORMAT", "MIN_FUZZY_KEY", "PlaceTable", "build_arrays", "fuzzy_eligible", "is_code", "open_or_build", "read", "write"]
