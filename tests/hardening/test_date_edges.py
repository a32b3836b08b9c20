"""Calendar-edge dates (issue 20, finding 1): one parser refuses them everywhere; date arithmetic that may
still meet them (a merge window, a month span) is clamped instead of overflowing."""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo_events.errors import InvalidQuery
from geo_events.merge import find_match
from geo_events.query import EventQuery, parse_date
from geo_events.store import GeoJSONFileStore
from geo_events.store.index import date_span


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31), date(9999, 12, 28)])
@pytest.mark.parametrize("precision", ["day", "week", "month"])
def test_date_span_never_overflows(day, precision):
    first, last = date_span(day, precision)
    assert first <= day <= last


def test_find_match_at_the_calendar_edges(tmp_path: Path, seed_feature_collection):
    store = GeoJSONFileStore(tmp_path / "s.geojson")
    for day, precision in (("0001-01-01", "week"), ("9999-12-31", "month")):
        feature = copy.deepcopy(seed_feature_collection["features"][0])
        feature["properties"].update(event_date=day, date_precision=precision)
        store.upsert(feature)  # an import may hold such a date; the store must answer around it
        assert find_match(store, feature)["properties"]["event_date"] == day
        assert store.query(EventQuery(limit=10)).number_matched == 1


@pytest.mark.parametrize("value", [date(1, 1, 1), date(9999, 12, 31), "0001-01-01", "9999-12-31", 0, None])
def test_parse_date_refuses_edges_and_non_strings(value):
    with pytest.raises(InvalidQuery) as info:
        parse_date(value, "published")
    assert info.value.field == "published"


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "2018-W05"])
def test_cli_calendar_edge_published_is_one_line_exit_2(tmp_path: Path, command, published):
    article = tmp_path / "a.txt"
    article.write_text("Coalition strikes near Hajin on Monday killed 12.", encoding="utf-8")
    args = [command, str(article), "--published", published]
    if command == "ingest":
        args += ["--store", str(tmp_path / "s.geojson")]
    result = subprocess.run(
        [sys.executable, "-c", "from geo_events.cli import main; main()", *args],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "published" in lines[0]
