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
