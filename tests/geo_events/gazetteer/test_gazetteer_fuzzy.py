"""Tests for the typo-tolerant stage of geo_events.gazetteer.core: its budget, its order and its index."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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

@pytest.mark.parametrize("key", ["karkif", "damaskus", "aliputu"])
def test_typo_index_finds_what_a_scan_of_its_deletions_finds(gazetteer: Gazetteer, key: str) -> None:
    table = gazetteer._table
    variants = {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}
    present = [v for v in variants if v in table.del_trie]
    expected = {table.key_trie.restore_key(k) for v in present
                for k in table._del_key[table._del_off[table.del_trie[v]] : table._del_off[table.del_trie[v] + 1]]}
    assert set(table.typo_keys(variants)) == expected == table.keys_near(key, variants)
    assert all(table.key_trie[k] == i for k, i in table.typo_keys(variants).items())

def test_edit_budget_edges(gazetteer: Gazetteer) -> None:
    from geo_events.gazetteer.core import fuzzy_cutoff

    assert fuzzy_cutoff(4) is None and fuzzy_cutoff(5) == 1 and fuzzy_cutoff(7) == 1 and fuzzy_cutoff(8) == 2
    assert gazetteer.search("Kharkif")  # one edit in a 7-letter key
    assert not gazetteer.search("Khazkif")  # two edits in a 7-letter key: over budget
    assert gazetteer.search("Dnipropetrosk")[0].place.country == "UA"  # long key: within two edits

def test_no_typo_match_across_borders_when_an_exact_name_exists(gazetteer: Gazetteer) -> None:
    found = gazetteer.search("Raqqa", limit=10)
    assert found and all(m.score >= 90 for m in found)  # exact/phonetic only, no one-letter lookalikes
