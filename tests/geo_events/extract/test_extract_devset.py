"""The labelled development set and the evaluation script (scripts/evaluate_extraction.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DEVSET = ROOT / "tests" / "data" / "devset" / "devset.json"
HELDOUT = ROOT / "tests" / "data" / "devset" / "heldout.json"


def load_script():
    spec = importlib.util.spec_from_file_location("evaluate_extraction", ROOT / "scripts" / "evaluate_extraction.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluate():
    return load_script().evaluate


def test_devset_is_large_and_well_formed() -> None:
    articles = json.loads(DEVSET.read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 30
    assert len({a["id"] for a in articles}) == len(articles)
    for article in articles:
        assert article["text"].strip() and article["published"]
        for event in article["expected"]:
            assert {"event_date", "event_type", "sub_event_type", "lat", "lon", "claims"} <= set(event)
    assert sum(1 for a in articles if not a["expected"]) >= 2  # negatives: texts without events


def test_devset_scores_stay_high(evaluate) -> None:
    fields = evaluate(DEVSET)["fields"]
    for name in ("events", "event_date", "event_type", "location", "admin1", "claims"):
        assert fields[name]["precision"] >= 0.9, (name, fields[name])
        assert fields[name]["recall"] >= 0.9, (name, fields[name])
    for name in ("actor1", "actor2"):  # actors are the weakest part of the mention-level extractor
        assert fields[name]["recall"] >= 0.8, (name, fields[name])


def test_heldout_set_is_evaluated(evaluate) -> None:
    report = evaluate(HELDOUT)
    assert report["articles"] >= 10
    assert report["fields"]["events"]["recall"] >= 0.7  # written after tuning: a floor, not a target


def test_script_scores_a_wrong_answer_as_wrong(tmp_path: Path, evaluate) -> None:
    articles = json.loads(DEVSET.read_text(encoding="utf-8"))["articles"][:1]
    articles[0]["expected"][0]["actor1"] = "Russia"
    articles[0]["expected"][0]["lat"] += 0.3  # ~33 km: still paired, but the location is wrong
    path = tmp_path / "set.json"
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    fields = evaluate(path)["fields"]
    assert fields["actor1"]["correct"] == 0
    assert fields["location"]["correct"] == 0 and fields["event_date"]["correct"] == 1


def test_script_command_line(capsys) -> None:
    module = load_script()
    assert module.main([str(DEVSET)]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "events" in out
