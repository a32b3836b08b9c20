"""The typo index: hashed deletion neighbourhoods of the phonetic keys, searched with numpy.

Two keys are within ``d`` edits (OSA distance) only if deleting at most ``d`` letters from each gives a common
string (the SymSpell idea; an adjacent transposition costs one deletion on each side too). The index holds,
for every fuzzy-eligible key, 64-bit hashes of its neighbourhood, each packed with the key's id:

``typo1``
    the key itself and its one-letter deletions (every key);
``typo2``
    its two-letter deletions, for keys of ``TWO_EDIT_KEY`` letters or more — the only keys that can need two
    deletions to meet a query allowed two edits (two substitutions, say), since such a query has at least
    that many letters and a candidate needing two deletions is at least as long.

A query hashes its own neighbourhood with one matrix product and finds every key sharing a hash through a
bucket directory; the caller checks each candidate by OSA distance, so a hash collision can only add a
candidate that is then rejected, never hide one.

The hash of a string ``s`` is ``LENGTH[len(s)] + sum(ord(s[k]) * WEIGHT[k])``, an integer computed as float64,
which holds it exactly (ASCII codes < 2**7, weights < 2**38, at most ``MAX_KEY`` letters, a length term
< 2**50: every partial sum < 2**53). The weights come from a fixed seed: the same in every process and
independent of ``PYTHONHASHSEED``. It is stored *mixed* (``mix``: the integer times an odd constant modulo
2**64, a bijection whose top bits are evenly spread); an entry keeps the top bits of the mixed hash and puts
the key id in the low ``typo_owner_bits`` (so one sort of plain integers orders the table, and a look-up reads
one word per entry). Truncating the hash can only add a candidate, which the OSA check then rejects.
``<name>_dir`` holds, for each value of the top bits, where its run of entries starts (about two entries per
bucket): a look-up touches one directory entry and one or two entries per neighbour, not the ~22 scattered
probes of a binary search over millions of hashes (memory latency was most of a cold typo look-up).
A one-edit look-up (the common one) computes its few hashes with Python integers (``mixed_one_edit``, the
same values) and scans its buckets without numpy; the two-edit round reuses the one-edit candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

#: Longest key given typo tolerance (longer ones are matched exactly only).
MAX_KEY = 96
#: Keys at least this long also index their two-letter deletions (the two-edit budget starts there).
TWO_EDIT_KEY = 8
_SEED = 20261202
#: The typo columns of an index.
COLUMNS = ("typo1_entry", "typo1_dir", "typo2_entry", "typo2_dir", "typo_owner_bits")
#: Odd multiplier of ``mix`` (2**64 / golden ratio, Knuth's multiplicative hashing).
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=1)
def _weights() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    weight = rng.integers(1, 2**38, size=MAX_KEY).astype(np.float64)
    length = rng.integers(0, 2**50, size=MAX_KEY + 1).astype(np.float64)
    return weight, length


@lru_cache(maxsize=256)
def neighbourhood(length: int, two_edits: bool = True) -> np.ndarray:
    """Return the hash matrix of a ``length``-letter key's neighbourhood: its product with the key's letter
    codes followed by a 1 (``codes(key)``) gives the hashes of the key, of its one-letter deletions and, with
    ``two_edits`` and ``length >= TWO_EDIT_KEY``, of its two-letter deletions, in that order."""
    weight, sizes = _weights()
    # deleted positions per row (-1: nothing deleted there): (), (i,) for every i, then (i, j) for i < j
    first = np.full(1 + length, -1, dtype=np.int64)
    first[1:] = np.arange(length)
    second = np.full(1 + length, -1, dtype=np.int64)
    if two_edits and length >= TWO_EDIT_KEY:
        i, j = np.triu_indices(length, k=1)
        first, second = np.concatenate([first, i]), np.concatenate([second, j])
    positions = np.arange(length)[None, :]
    gone_first, gone_second = first[:, None], second[:, None]
    kept = (positions != gone_first) & (positions != gone_second)
    # a kept letter takes the weight of its place among the letters left
    shifted = positions - ((gone_first >= 0) & (positions > gone_first)) - ((gone_second >= 0) & (positions > gone_second))
    matrix = np.zeros((len(first), length + 1), dtype=np.float64)
    matrix[:, :length] = np.where(kept, weight[np.minimum(shifted, max(length - 1, 0))] if length else 0.0, 0.0)
    matrix[:, length] = sizes[kept.sum(axis=1)]  # times the trailing 1: the length term
    return matrix


def codes(key: str) -> np.ndarray:
    """The letter codes of an ASCII key followed by a 1, as floats (what ``neighbourhood`` multiplies)."""
    return np.frombuffer(key.encode("ascii") + b"\x01", dtype=np.uint8).astype(np.float64)


@lru_cache(maxsize=1)
def _int_weights() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``_weights`` as Python integers (they are exact integers in float64)."""
    weight, length = _weights()
    return tuple(int(w) for w in weight.tolist()), tuple(int(v) for v in length.tolist())


_MASK64 = (1 << 64) - 1
_MIX_INT = int(_MIX)


def mixed_one_edit(key: str) -> list[int]:
    """``mix(neighbourhood(len(key), False) @ codes(key))`` as Python integers, without numpy: the mixed hashes
    of the key and of its one-letter deletions (the same values: every partial sum is an exact integer)."""
    weight, sizes = _int_weights()
    letters = key.encode("ascii")
    length = len(letters)
    # before[i]: letters 0..i-1 in their own places; after[i]: letters i+1.. one place left (i deleted)
    before = [0] * (length + 1)
    for position, letter in enumerate(letters):
        before[position + 1] = before[position] + letter * weight[position]
    after = [0] * (length + 1)
    for position in range(length - 1, 0, -1):
        after[position - 1] = after[position] + letters[position] * weight[position - 1]
    short = sizes[length - 1]
    out = [((sizes[length] + before[length]) * _MIX_INT) & _MASK64]
    out.extend(((short + before[position] + after[position]) * _MIX_INT) & _MASK64 for position in range(length))
    return out


def mix(hashes: np.ndarray) -> np.ndarray:
    """The stored form of neighbourhood hashes: the exact integers as ``uint64`` times an odd constant, modulo
    2**64 — a bijection (equal hashes stay equal, different ones different) whose top bits are well spread,
    so they can address a directory of buckets."""
    return hashes.astype(np.uint64) * _MIX


def _directory(entries: np.ndarray) -> np.ndarray:
    """Bucket offsets of sorted entries: bucket ``b`` (the top bits of an entry) holds entries
    ``dir[b]:dir[b + 1]``. About two entries per bucket."""
    bits = max(1, int(np.ceil(np.log2(max(2, len(entries) // 2)))))
    counts = np.bincount((entries >> np.uint64(64 - bits)).astype(np.int64), minlength=1 << bits)
    out = np.zeros((1 << bits) + 1, dtype=np.int64 if len(entries) >= 2**31 else np.int32)
    np.cumsum(counts, out=out[1:])
    return out


def owner_bits(key_count: int) -> int:
    """Low bits of an entry that hold its key id (the rest hold the top bits of the mixed hash)."""
    return max(20, int(key_count).bit_length())


def build(keys: Sequence[str], key_ids: Sequence[int], key_count: int | None = None) -> dict[str, np.ndarray]:
    """Return the typo columns for these keys (ASCII, at most ``MAX_KEY`` letters) and their key ids (below
    ``key_count``): per neighbourhood (``typo1``, ``typo2``) the sorted entries and their bucket directory,
    and ``typo_owner_bits``."""
    ids_all = np.asarray(key_ids, dtype=np.int64)
    count = int(key_count if key_count is not None else (int(ids_all.max()) + 1 if len(ids_all) else 1))
    low = owner_bits(count)
    if low > 40:
        raise ValueError("too many keys for the typo index")
    clear = np.uint64(((1 << 64) - 1) ^ ((1 << low) - 1))
    by_length: dict[int, list[int]] = {}
    for position, key in enumerate(keys):
        by_length.setdefault(len(key), []).append(position)
    parts: dict[str, list[np.ndarray]] = {"typo1": [], "typo2": []}
    for length, members in sorted(by_length.items()):
        letters = np.frombuffer("".join([keys[m] + "\x01" for m in members]).encode("ascii"), dtype=np.uint8)
        hashes = letters.reshape(len(members), length + 1).astype(np.float64) @ neighbourhood(length).T
        first = length + 1
        ids = ids_all[members].astype(np.uint64)
        for name, block in (("typo1", hashes[:, :first]), ("typo2", hashes[:, first:])):
            if not block.shape[1]:
                continue
            block = np.sort(block, axis=1)  # a letter deleted from a run of equal letters repeats a string
            keep = np.ones(block.shape, dtype=bool)
            keep[:, 1:] = block[:, 1:] != block[:, :-1]
            parts[name].append((mix(block[keep]) & clear) | np.repeat(ids, keep.sum(axis=1)))
    out: dict[str, np.ndarray] = {"typo_owner_bits": np.array([low], dtype=np.int64)}
    for name in ("typo1", "typo2"):
        entries = np.sort(np.concatenate(parts[name])) if parts[name] else np.zeros(0, np.uint64)
        out[f"{name}_entry"], out[f"{name}_dir"] = entries, _directory(entries)
    return out


#: Above this many hashes a query's buckets are scanned with numpy, below it in Python.
_VECTOR_SCAN = 24


class _Table:
    """One neighbourhood's columns: sorted entries (mixed hash top bits | key id) and the bucket directory."""

    def __init__(self, entries: np.ndarray, directory: np.ndarray, low: int) -> None:
        self.entries = np.ascontiguousarray(entries)
        self.directory = np.ascontiguousarray(directory)
        self.shift = np.uint64(64 - int(round(np.log2(max(2, len(directory) - 1)))))
        self.low, self.mask = np.uint64(low), np.uint64((1 << low) - 1)
        self._entry_view, self._dir_view = memoryview(self.entries), memoryview(self.directory)
        self._shift, self._low, self._mask = int(self.shift), low, (1 << low) - 1

    def collect(self, mixed: np.ndarray, found: set[int]) -> None:
        """Add the key ids of every entry whose hash bits equal those of one of ``mixed`` to ``found``
        (the truncated hash can only add a candidate, never lose one)."""
        if len(mixed) <= _VECTOR_SCAN:
            self.collect_values(mixed.tolist(), found)
            return
        buckets = (mixed >> self.shift).astype(np.intp)
        starts, ends = self.directory[buckets], self.directory[buckets + 1]
        sizes = ends - starts
        total = int(sizes.sum())
        if not total:
            return
        spans = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(total)
        held = self.entries[spans]
        same = (held >> self.low) == np.repeat(mixed >> self.low, sizes)
        found.update((held[same] & self.mask).tolist())

    def collect_values(self, mixed: list[int], found: set[int]) -> None:
        """``collect`` of mixed hashes given as Python integers (a few: scanned without numpy)."""
        stored, directory, shift, low, mask = self._entry_view, self._dir_view, self._shift, self._low, self._mask
        for value in mixed:
            bucket, wanted = value >> shift, value >> low
            at, end = directory[bucket], directory[bucket + 1]
            while at < end:
                entry = stored[at]
                if entry >> low == wanted:
                    found.add(entry & mask)
                at += 1


class TypoIndex:
    """Look-ups in the typo columns of an index (see the module docstring)."""

    def __init__(self, cols: dict[str, np.ndarray]) -> None:
        low = int(np.asarray(cols["typo_owner_bits"])[0])
        self._one = _Table(cols["typo1_entry"], cols["typo1_dir"], low)
        self._two = _Table(cols["typo2_entry"], cols["typo2_dir"], low)

    def owners(self, name: str = "typo1") -> np.ndarray:
        """The key ids of every entry of a neighbourhood table (for tests and inspection)."""
        table = self._one if name == "typo1" else self._two
        return table.entries & table.mask

    def candidates(self, key: str, two_edits: bool = False, known: set[int] | None = None) -> set[int]:
        """Return the ids of the keys that share a one-deletion neighbour with ``key`` (or a two-deletion
        one, with ``two_edits``): a superset of the keys within one (two) edits of it. ``known``: what the
        one-edit call gave for this key (with ``two_edits``: those are not looked up again)."""
        if not key.isascii() or not 0 < len(key) <= MAX_KEY:
            return set()
        found: set[int] = set()
        if not two_edits:
            self._one.collect_values(mixed_one_edit(key), found)
            return found
        mixed = mix(neighbourhood(len(key), two_edits) @ codes(key))
        if known is None:
            self._one.collect(mixed, found)
        else:
            found.update(known)
            self._one.collect(mixed[len(key) + 1:], found)  # the key and its one-letter deletions: known
        self._two.collect(mixed, found)
        return found

__all__ = ["COLUMNS", "MAX_KEY", "TWO_EDIT_KEY", "TypoIndex", "build", "mix", "mixed_one_edit", "neighbourhood", "owner_bits"]
