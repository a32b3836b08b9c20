"""Dated lines from files: a three-snapshot front line, its dated-file twin, the provider merging them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geo_events.errors import DataError
from geo_events.zone_history import default_history
from geo_events.zone_history.lines import is_line_file, read_lines
from geo_events.zone_history.provider import HistoryProvider
from geo_events.zones import side_of_line
from tests.geo_events.zone_history.helpers import DATA

LINES = DATA / "lines"


def x_of(line: dict | None) -> float | None:
    return None if line is None else line["geometry"]["coordinates"][0][0]


@pytest.mark.parametrize("source", [LINES, DATA / "dated_lines.geojson"])
def test_the_line_of_any_day_follows_the_series(source: Path):
    history = default_history().extended([], read_lines(source))
    by_day = {d: x_of(history.line_at(f"2022-03-{d:02d}")) for d in (1, 7, 8, 14, 15)}
    assert by_day == {1: 30.2, 7: 30.2, 8: 30.1, 14: 30.1, 15: 30.3}
    assert history.line_at("2022-03-16") is None  # the last snapshot holds on its own day only
    assert history.line_at("2022-02-28") is None
    assert history.line_at("2018-02-07")["properties"]["id"] == "deconfliction-euphrates"  # bundled days stay
    moved = history.line_at("2022-03-08")["properties"]
    assert (moved["valid_from"], moved["valid_to"]) == ("2022-03-08", "2022-03-14")


def test_until_extends_the_last_line_snapshot():
    series = read_lines(LINES, until=date(2022, 4, 1))
    assert x_of(default_history().extended([], series).line_at("2022-03-31")) == 30.3
    assert series.change_dates() == [date(2022, 3, 1), date(2022, 3, 8), date(2022, 3, 15)]


def test_side_of_the_moving_line():
    series = read_lines(LINES)
    # (50.05, 30.15): east of the line at 30.1 (8-14 March), west of it at 30.2 and 30.3
    assert [side_of_line((50.05, 30.15), f"2022-03-{d:02d}", data=series) for d in (1, 8, 15)] != [None] * 3
    assert side_of_line((50.05, 30.15), "2022-03-01", data=series) != side_of_line((50.05, 30.15), "2022-03-08",
                                                                                   data=series)


def test_the_provider_reads_zone_and_line_series_and_merges_them_with_the_bundled_data():
    provider = HistoryProvider([DATA / "dated_states.geojson", LINES])
    history = provider.history()
    assert history.controller_at((50.05, 30.15), "2022-03-10")["controller"] == "Red"
    assert history.controller_at((35.30088, 40.28916), "2018-02-07")["controller"] == "Syrian government & allies"
    assert x_of(history.line_at("2022-03-09")) == 30.1
    zones = provider.zones()
    assert not zones.bundled
    day = zones.zones_on("2022-03-10")
    assert {f["properties"]["controller"] for f in day["features"]} == {"Blue", "Red"}
    assert all(f["properties"]["id"] == f["properties"]["area_id"] and f["properties"]["source"]
               for f in day["features"])
    assert zones.zone_at((50.05, 30.15), "2022-03-10")["controller"] == "Red"
    assert zones.deconfliction_line("2022-03-09")["features"][0]["geometry"]["coordinates"][0][0] == 30.1
    assert zones.side_of_line((50.05, 30.15), "2022-03-09") in ("east", "west")


def test_with_nothing_but_the_seeds_the_answers_are_the_bundled_ones():
    from geo_events import zones as bundled

    active = HistoryProvider().zones()
    assert active.bundled
    assert active.zones_on("2018-02-07") == bundled.zones_on("2018-02-07")
    assert active.zone_at((35.30088, 40.28916), "2018-02-07") == bundled.zone_at((35.30088, 40.28916), "2018-02-07")


def test_line_and_zone_files_are_told_apart():
    assert is_line_file(LINES) and is_line_file(DATA / "dated_lines.geojson")
    assert not is_line_file(DATA / "snapshots") and not is_line_file(DATA / "dated_states.geojson")


def write(path: Path, features: list) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


LINE = {"type": "LineString", "coordinates": [[30.0, 50.0], [30.1, 50.1]]}


@pytest.mark.parametrize("features, message", [
    ([{"type": "Feature", "geometry": LINE, "properties": {}}], "valid_from"),
    ([{"type": "Feature", "geometry": LINE, "properties": {"valid_from": "2022-03-01", "valid_to": "2022-02-01"}}],
     "before valid_from"),
    ([{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[300.0, 50.0], [30.1, 50.1]]},
       "properties": {"valid_from": "2022-03-01"}}], "lon/lat"),
    ([{"type": "Feature", "geometry": LINE, "properties": {"valid_from": "1 March"}}], "YYYY-MM-DD"),
])
def test_bad_line_files_are_refused_naming_the_field(tmp_path: Path, features, message):
    with pytest.raises(DataError, match=message):
        read_lines(write(tmp_path / "lines.geojson", features))


def test_a_line_snapshot_with_two_lines_is_refused(tmp_path: Path):
    folder = tmp_path / "front"
    folder.mkdir()
    write(folder / "2022-03-01.geojson", [{"type": "Feature", "geometry": LINE, "properties": {}}] * 2)
    with pytest.raises(DataError, match="exactly one line"):
        read_lines(folder)
