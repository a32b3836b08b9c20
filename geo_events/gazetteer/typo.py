"""The typo index: hashed deletion neighbourhoods of the phonetic keys, searched with numpy.

Two keys are within ``d`` edits (OSA distance) only if deleting at most ``d`` letters from each gives a common
string (the SymSpell idea; an adjacent transposition costs one deletion on each side too). The index holds,
for every fuzzy-eligible key, 64-bit hashes of its neighbourhood beside the key's id, sorted by hash:

``typo1``
    the key itself and its one-letter deletions (every key);
``typo2``
    its two-letter deletions, for keys of ``TWO_EDIT_KEY`` letters or more — the only keys that can need two
    deletions to meet a query allowed two edits (two substitutions, say), since such a query has at least
    that many letters and a candidate needing two deletions is at least as long.

A query hashes its own neighbourhood with one matrix product and finds every key sharing a hash with
``searchsorted``; the caller checks each candidate by OSA distance, so a hash collision can only add a
candidate that is then rejected, never hide one.

The hash of a string ``s`` is ``LENGTH[len(s)] + sum(ord(s[k]) * WEIGHT[k])``, an integer computed and stored
as float64, which holds it exactly (ASCII codes < 2**7, weights < 2**38, at most ``MAX_KEY`` letters, a length
term < 2**50: every partial sum < 2**53). The weights come from a fixed seed: the same in every process and
independent of ``PYTHONHASHSEED``.
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
_COLUMNS = ("typo1_hash", "typo1_key", "typo2_hash", "typo2_key")


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
    positions = np.arange(length)
    deleted: list[tuple[int, ...]] = [(), *((i,) for i in range(length))]
    if two_edits and length >= TWO_EDIT_KEY:
        deleted.extend((i, j) for i in range(length) for j in range(i + 1, length))
    matrix = np.zeros((len(deleted), length + 1), dtype=np.float64)
    for row, gone in enumerate(deleted):
        kept = np.setdiff1d(positions, gone, assume_unique=True)
        matrix[row, kept] = weight[: len(kept)]  # the letters left, in order, take the first weights
        matrix[row, length] = sizes[len(kept)]  # times the trailing 1: the length term
    return matrix


def codes(key: str) -> np.ndarray:
    """The letter codes of an ASCII key followed by a 1, as floats (what ``neighbourhood`` multiplies)."""
    return np.frombuffer(key.encode("ascii") + b"\x01", dtype=np.uint8).astype(np.float64)


def build(keys: Sequence[str], key_ids: Sequence[int]) -> dict[str, np.ndarray]:
    """Return the four typo columns for these keys (ASCII, at most ``MAX_KEY`` letters) and their key ids."""
    by_length: dict[int, list[int]] = {}
    for position, key in enumerate(keys):
        by_length.setdefault(len(key), []).append(position)
    ids_all = np.asarray(key_ids, dtype=np.int32)
    parts: dict[str, list[np.ndarray]] = {name: [] for name in _COLUMNS}
    for length, members in sorted(by_length.items()):
        letters = np.frombuffer("".join(keys[m] + "\x01" for m in members).encode("ascii"), dtype=np.uint8)
        hashes = letters.reshape(len(members), length + 1).astype(np.float64) @ neighbourhood(length).T
        first = length + 1
        ids = ids_all[members]
        for name, block in (("typo1", hashes[:, :first]), ("typo2", hashes[:, first:])):
            if not block.shape[1]:
                continue
            block = np.sort(block, axis=1)  # a letter deleted from a run of equal letters repeats a string
            keep = np.ones(block.shape, dtype=bool)
            keep[:, 1:] = block[:, 1:] != block[:, :-1]
            parts[f"{name}_hash"].append(block[keep])
            parts[f"{name}_key"].append(np.repeat(ids, keep.sum(axis=1)))
    out: dict[str, np.ndarray] = {}
    for name in ("typo1", "typo2"):
        hashes = np.concatenate(parts[f"{name}_hash"]) if parts[f"{name}_hash"] else np.zeros(0, np.float64)
        owners = np.concatenate(parts[f"{name}_key"]) if parts[f"{name}_key"] else np.zeros(0, np.int32)
        order = np.argsort(hashes, kind="stable")
        out[f"{name}_hash"], out[f"{name}_key"] = hashes[order], owners[order].astype(np.int32)
    return out


class TypoIndex:
    """Look-ups in the typo columns of an index (see the module docstring)."""

    def __init__(self, cols: dict[str, np.ndarray]) -> None:
        self._hash1, self._hash2 = np.asarray(cols["typo1_hash"]), np.asarray(cols["typo2_hash"])
        self._key1 = memoryview(np.ascontiguousarray(cols["typo1_key"]))
        self._key2 = memoryview(np.ascontiguousarray(cols["typo2_key"]))

    def candidates(self, key: str, two_edits: bool = False) -> set[int]:
        """Return the ids of the keys that share a one-deletion neighbour with ``key`` (or a two-deletion
        one, with ``two_edits``): a superset of the keys within one (two) edits of it."""
        if not key.isascii() or not 0 < len(key) <= MAX_KEY:
            return set()
        hashes = neighbourhood(len(key), two_edits) @ codes(key)
        found: set[int] = set()
        self._collect(self._hash1, self._key1, hashes, found)
        if two_edits:
            self._collect(self._hash2, self._key2, hashes, found)
        return found

    @staticmethod
    def _collect(sorted_hashes: np.ndarray, owners: memoryview, hashes: np.ndarray, found: set[int]) -> None:
        starts = sorted_hashes.searchsorted(hashes).tolist()
        ends = sorted_hashes.searchsorted(hashes, side="right").tolist()
        for start, end in zip(starts, ends, strict=True):
            if end > start:
                found.update(owners[start:end].tolist())


__all__ = ["MAX_KEY", "TWO_EDIT_KEY", "TypoIndex", "build", "neighbourhood"]
