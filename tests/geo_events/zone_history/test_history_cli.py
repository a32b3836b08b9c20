"""``geo-events zones`` (and its earlier name ``zone-history``): answers with sources, changes, diff CSV,
import/export, derive, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo_events.cli import app
from geo_events.store import GeoJSONFileStore
from tests.geo_events.zone_history.helpers import DATA

runner = CliRunner()


def run(*args: str, group: str = "zones"):
    return runner.invoke(app, [group, *args])


@pytest.mark.parametrize("group", ["zones", "zone-history"])
@pytest.mark.parametrize("command", ["at", "changes", "diff", "import", "export", "derive"])
def test_help_has_examples(command, group):
    result = run(command, "--help", group=group)
    assert result.exit_code == 0
    assert "Examples" in result.output and f"geo-events zones {command}" in result.output


def test_who_held_khasham_cites_its_sources():
    result = run("at", "--lat", "35.30088", "--lon", "40.28916", "--date", "2018-02-07", "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["controller"] == "Syrian government & allies"
    assert "Khasham" in answer["sources"][0]["text"]
    text = run("at", "--lat", "35.30088", "--lon", "40.28916", "--date", "2018-02-07").output
    assert "Syrian government & allies" in text and "sources: Reuters/AP" in text


def test_at_by_place_name_uses_the_gazetteer():
    result = run("at", "--place", "Khasham", "--date", "2018-02-07", "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["place_id"] == "geonames:167899" and answer["area_id"] == "zone-seven-villages"


@pytest.mark.parametrize("args, code, message", [
    (["at", "--date", "2018-02-07"], 2, "give --place NAME or both --lat and --lon"),
    (["at", "--lat", "10", "--lon", "10", "--date", "2018-02-07"], 1, "no control zone covers"),
    (["at", "--lat", "35.3", "--lon", "40.3", "--date", "2018-02-30"], 2, "--date"),
    (["diff", "--from", "2019-01-01", "--to", "2018-01-01"], 2, "swap them"),
    (["import", "/nonexistent/series", "--out", "x.geojson"], 2, "no such file or folder"),
    (["export", "--out", "zones.shp"], 2, "must end in .geojson or .gpkg"),
    (["changes", "--bbox", "1,2,3"], 2, "bbox"),
    (["derive", "--store", "/nonexistent/events.geojson"], 2, "no event store"),
])
def test_bad_input_is_one_line_with_a_hint_and_nonzero_exit(args, code, message):
    result = run(*args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_diff_csv_and_json():
    result = run("diff", "--from", "2018-06-01", "--to", "2019-06-01", "--csv")
    assert result.exit_code == 0, result.output
    rows = {r["controller"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert float(rows["ISIS"]["lost_km2"]) > 400 and float(rows["ISIS"]["km2_to"]) == 0
    data = json.loads(run("diff", "--from", "2018-06-01", "--to", "2019-06-01", "--json").output)
    assert data["crs"] == "EPSG:6933" and {r["controller"] for r in data["controllers"]} >= {"ISIS"}


@pytest.mark.parametrize("group", ["zones", "zone-history"])
def test_import_writes_a_history_that_other_commands_read(tmp_path: Path, group: str):
    out = tmp_path / "front.geojson"
    result = run("import", str(DATA / "snapshots"), "--controller-field", "side", "--out", str(out), "--json",
                 group=group)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["snapshots"] == ["2022-03-01", "2022-03-08", "2022-03-15"]
    assert [(c["date"], c["before"], c["after"]) for c in summary["changes"] if c["before"]] == [
        ("2022-03-08", "Blue", "Red"), ("2022-03-15", "Red", "Blue")]
    answer = json.loads(run("at", "--lat", "50.05", "--lon", "30.15", "--date", "2022-03-10", "--history",
                            str(out), "--json").output)
    assert answer["controller"] == "Red"
    changes = json.loads(run("changes", "--history", str(out), "--no-seeds", "--start", "2022-03-02",
                             "--json").output)
    assert [f["properties"]["after"] for f in changes["features"]] == ["Red", "Blue"]
    gpkg = tmp_path / "front.gpkg"
    assert run("export", "--history", str(out), "--no-seeds", "--out", str(gpkg)).exit_code == 0
    import pyogrio

    assert {name for name, _ in pyogrio.list_layers(gpkg)} == {"zone_states", "zone_changes"}


def test_derive_and_at_read_territorial_events_from_a_store(tmp_path: Path):
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    event = {"type": "Feature", "id": "evt-hajin-test", "geometry": {"type": "Point", "coordinates": [40.83138, 34.69508]},
             "properties": {
                 "id": "evt-hajin-test", "event_date": "2018-03-05", "date_precision": "day",
                 "event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory",
                 "actor1": "Syrian Democratic Forces", "actor2": "ISIS", "location": "Hajin",
                 "admin1": "Deir ez-Zor", "country": "Syria", "iso3": "SYR", "geo_precision": 1,
                 "place_id": "geonames:174506", "fatalities_best": 0, "claims": [],
                 "sources": [{"id": "src-test", "publisher": "Test Wire", "title": "made-up report", "url": None,
                              "published": "2018-03-05"}]}}
    store.upsert_many([event])
    store.compact()
    derived = json.loads(run("derive", "--store", str(store.path), "--json").output)
    assert [c["controller"] for c in derived["claims"]] == ["SDF & US-led coalition"]
    answer = json.loads(run("at", "--lat", "34.69508", "--lon", "40.83138", "--date", "2018-03-06",
                            "--store", str(store.path), "--json").output)
    assert (answer["controller"], answer["origin"]) == ("SDF & US-led coalition", "derived")
    assert answer["sources"][0]["event_id"] == "evt-hajin-test"
    before = json.loads(run("at", "--lat", "34.69508", "--lon", "40.83138", "--date", "2018-03-04",
                            "--store", str(store.path), "--json").output)
    assert before["controller"] == "ISIS"


def test_zones_command_is_unchanged():
    result = runner.invoke(app, ["zones", "--date", "2018-02-07", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["type"] == "FeatureCollection"
    lines = runner.invoke(app, ["zones", "-d", "2018-02-07", "--line", "--json"])
    assert [f["properties"]["id"] for f in json.loads(lines.output)["features"]] == ["deconfliction-euphrates"]
    missing = runner.invoke(app, ["zones"])
    assert missing.exit_code != 0 and "--date is required" in missing.output


def test_zones_of_a_day_lists_the_active_history(tmp_path: Path):
    out = tmp_path / "front.geojson"
    assert run("import", str(DATA / "snapshots"), "--controller-field", "side", "--out", str(out)).exit_code == 0
    day = json.loads(run("--date", "2022-03-10", "--history", str(out), "--no-seeds", "--json").output)
    assert {f["properties"]["controller"] for f in day["features"]} >= {"Red"}
    assert all(f["properties"]["valid_from"] <= "2022-03-10" for f in day["features"])
    text = run("--date", "2022-03-10", "--history", str(out), "--no-seeds").output
    assert "Red" in text and "None" not in text
    bundled_only = json.loads(run("--date", "2022-03-10", "--json").output)
    assert bundled_only["features"] == []  # the bundled zones end in 2019: the file is what answered


def test_zones_of_a_day_options_before_a_command_are_an_error_not_ignored():
    result = run("--date", "2018-02-07", "at", "--place", "Khasham")
    assert result.exit_code == 2
    assert "--date goes after the command: geo-events zones at --date" in result.output
