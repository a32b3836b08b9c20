"""Tests for the typo-tolerant stage of geo_events.gazetteer.core: its budget, its order and its index."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from geo_events.gazetteer import Gazetteer

#: One-typo queries whose places carry several equally close names (the matched one used to vary).
_TIED_TYPOS = ("Franofort", "Kolonaik", "Hua Rat", "Parkoale", "Kawnal", "Kharkif", "Dnipropetrosk", "Mariupil")
_ANSWERS = """
import json, sys
from geo_events.gazetteer import Gazetteer
g = Gazetteer.default()
print(json.dumps([[(m.place.id, m.score, m.matched_name) for m in g.search(q)] for q in sys.argv[1:]]))
"""

@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()

def test_typo_answers_do_not_depend_on_the_process(tmp_path) -> None:
    """Same answers, scores and matched names whatever the string hash seed of the process."""
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _ANSWERS, *_TIED_TYPOS], capture_output=True, text=True,
                             check=True, env=env, timeout=120)
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
    assert all(runs[0])

def test_of_equally_close_names_the_primary_one_is_matched(gazetteer: Gazetteer) -> None:
    found = {m.place.id: m for m in gazetteer.search("Hua Rat", limit=10)}
    assert found["geonames:3696378"].matched_name == "Huaraz"  # not its alternate spelling "Huaras"

@pytest.fixture(scope="module")
def fuzzy_keys(gazetteer: Gazetteer) -> list[str]:
    """Every key the typo index holds, read back from its owner column."""
    table = gazetteer._table
    return sorted(table.key_trie.restore_key(int(k)) for k in np.unique(table.typo.owners("typo1")))


#: Query keys with one and two edits of real keys: substitutions, deletions, insertions, transpositions and
#: two substitutions at once (which share no one-letter deletion with the key they come from).
_QUERY_KEYS = ("karkif", "damaskus", "aliputu", "dnipruputrufsk", "blagufgrda", "sanfirnandu", "kuzatsxi",
               "hukichula", "mariupul", "zapurizha", "muqadishu", "ailpu", "plaguivgrat")


@pytest.mark.parametrize("key", _QUERY_KEYS)
def test_typo_index_finds_every_key_a_full_scan_finds(gazetteer: Gazetteer, fuzzy_keys: list[str], key: str) -> None:
    """The hashed neighbourhoods give back exactly the indexed keys within the budget, as a scan of all."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from geo_events.gazetteer.core import fuzzy_cutoff

    budget = fuzzy_cutoff(len(key)) or 1
    scanned = {found for found, _, _ in process.extract(key, fuzzy_keys, scorer=OSA.distance, score_cutoff=budget,
                                                          limit=None)}
    near = gazetteer._table.typo_keys(key, two_edits=budget == 2)
    assert {k for k in near if OSA.distance(key, k) <= budget} == scanned
    assert all(gazetteer._table.key_trie[k] == i for k, i in near.items())


def test_two_substitutions_are_found(gazetteer: Gazetteer) -> None:
    """A name with two letters wrong (no letter deleted or added) is within the two-edit budget of a long key."""
    found = gazetteer.search("Plagoevgrat", limit=3)  # P for B and t for d: no one-letter deletion in common
    assert found and found[0].place.name == "Blagoevgrad"


def test_typo_hashes_are_exact_integers() -> None:
    """The float64 hash sums stay integers below 2**53 for the longest key (so every process agrees)."""
    from geo_events.gazetteer.typo import MAX_KEY, codes, neighbourhood

    hashes = neighbourhood(MAX_KEY, False) @ codes("z" * MAX_KEY)
    assert np.all(hashes < 2**53) and np.all(hashes == np.round(hashes))


def test_one_edit_hashes_without_numpy_equal_the_matrix_ones() -> None:
    """``mixed_one_edit`` (Python integers, the one-edit look-up) gives exactly the stored form of the matrix
    product, for short, long and odd keys."""
    import random

    from geo_events.gazetteer.typo import MAX_KEY, codes, mix, mixed_one_edit, neighbourhood

    rng = random.Random(5)
    keys = ["a", "ab", "kharkif", "z" * MAX_KEY, "~" * 40]
    keys += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz'- 0") for _ in range(rng.randint(1, MAX_KEY)))
             for _ in range(300)]
    for key in keys:
        assert mixed_one_edit(key) == mix(neighbourhood(len(key), False) @ codes(key)).tolist(), key


def test_edit_budget_edges(gazetteer: Gazetteer) -> None:
    from geo_events.gazetteer.core import fuzzy_cutoff

    assert fuzzy_cutoff(4) is None and fuzzy_cutoff(5) == 1 and fuzzy_cutoff(7) == 1 and fuzzy_cutoff(8) == 2
    assert gazetteer.search("Kharkif")  # one edit in a 7-letter key
    assert not gazetteer.search("Khazkif")  # two edits in a 7-letter key: over budget
    assert gazetteer.search("Dnipropetrosk")[0].place.country == "UA"  # long key: within two edits

def test_no_typo_match_across_borders_when_an_exact_name_exists(gazetteer: Gazetteer) -> None:
    found = gazetteer.search("Raqqa", limit=10)
    assert found and all(m.score >= 90 for m in found)  # exact/phonetic only, no one-letter lookalikes


def test_typo_table_entries_sit_in_their_bucket_and_carry_their_key_id() -> None:
    """A small typo table built from scratch: every entry lies in the bucket its top bits name, its low bits
    give back the key id, and a look-up of a key finds that key (an exact-integer hash, mixed bijectively)."""
    from geo_events.gazetteer.typo import TypoIndex, build

    keys = sorted({"aleppu", "damaskus", "hums", "karkif", "mariupul", "zapurizha", "muqadishu", "blagufgrad"})
    cols = build(keys, list(range(10, 10 + len(keys))), key_count=100)
    for name in ("typo1", "typo2"):
        entries, directory = cols[f"{name}_entry"], cols[f"{name}_dir"]
        assert np.all(entries[1:] >= entries[:-1])
        bits = int(np.log2(len(directory) - 1))
        buckets = (entries >> np.uint64(64 - bits)).astype(np.int64)
        assert np.array_equal(np.repeat(np.arange(len(directory) - 1), np.diff(directory)), buckets)
    index = TypoIndex(cols)
    assert set(index.owners("typo1").tolist()) == set(range(10, 10 + len(keys)))
    for key_id, key in enumerate(keys, start=10):
        assert key_id in index.candidates(key)
        assert key_id in index.candidates(key[:2] + key[3:])  # one letter missing
        assert key_id in index.candidates(key[:1] + "x" + key[2:], two_edits=len(key) >= 8)


@pytest.mark.parametrize("word", ["Aleppo", "DEIR", "Dayr", "deer", "Albu", "Albukamal", "ALBUQUERQUE", "Al", "x",
                                  "Raqqa", "as", "Kharkiv", "Ezzor"])
def test_normalize_of_one_plain_word_agrees_with_the_general_path(word: str) -> None:
    """The one-word shortcut of ``normalize`` gives what the general path (taken once a space is added) gives."""
    from geo_events.gazetteer.normalize import normalize

    assert normalize(word) == normalize(word + " ")
