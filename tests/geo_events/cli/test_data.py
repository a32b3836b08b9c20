"""CLI: export, import, validate, schema and store commands — real subprocess runs of `geo-events`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest


def run(*args: str, store: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if store is not None:
        env["GEO_EVENTS_STORE"] = str(store)
    return subprocess.run(["geo-events", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "events.geojson"


def test_help_has_examples() -> None:
    for args in ([], ["export"], ["validate"], ["store", "check"], ["import"]):
        out = run(*args, "--help")
        assert out.returncode == 0, out.stderr
        assert "Example" in out.stdout


def test_export_formats_and_filters(store_path: Path, tmp_path: Path) -> None:
    out = run("export", "--format", "csv", "--out", str(tmp_path / "e.csv"), "--json", store=store_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["events"] == 1
    assert "event_id_cnty" in (tmp_path / "e.csv").read_text()
    out = run("export", "-f", "geojson", "-o", str(tmp_path / "none.geojson"), "--start", "2019-01-01",
              store=store_path)  # fmt: skip
    assert out.returncode == 0 and json.loads((tmp_path / "none.geojson").read_text())["features"] == []
    out = run("export", "-f", "gpkg", "-o", str(tmp_path / "e.gpkg"), "--bbox", "40,34.5,41,35.5", store=store_path)
    assert out.returncode == 0 and (tmp_path / "e.gpkg").stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["--date-precision", "day"], 1),
        (["--date-precision", "week,month"], 0),
        (["--geo-precision", "2"], 1),
        (["--geo-precision", "1,3"], 0),
        (["--sub-event-type", "air/drone strike", "--admin1", "Deir ez-Zor"], 1),
        (["--sub-event-type", "Armed clash"], 0),
        (["--source", "New Arab"], 1),
        (["--source", "Reuters"], 0),
    ],
)
def test_export_takes_the_other_event_filters(args: list[str], count: int, store_path: Path, tmp_path: Path) -> None:
    out = run("export", "-f", "geojson", "-o", str(tmp_path / "e.geojson"), "--json", *args, store=store_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["events"] == count
    assert len(json.loads((tmp_path / "e.geojson").read_text())["features"]) == count


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date-precision", "year"], "date_precision"),
        (["--geo-precision", "7"], "geo_precision"),
        (["--bbox", "1,2,3"], "bbox"),
        (["--bbox", "41,34,40,35"], "minx"),
        (["--start", "2018-02-30"], "start"),
        (["--start", "2018-03-01", "--end", "2018-02-01"], "after"),
        (["--event-type", "Massacre"], "event_type"),
        (["--format", "shp"], "--format"),
    ],
)
def test_export_bad_input_is_one_line(args: list[str], message: str, store_path: Path, tmp_path: Path) -> None:
    out = run("export", "--out", str(tmp_path / "x.geojson"), *args, store=store_path)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], out.stderr


def test_validate_exit_codes(seed_feature_collection: dict, tmp_path: Path) -> None:
    assert run("validate", "seeds/events.geojson").returncode == 0
    bad = seed_feature_collection
    bad["features"][0]["properties"]["event_type"] = "Massacre"
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(bad))
    out = run("validate", str(path), "--json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert report["valid"] is False
    assert report["problems"][0]["field"] == "properties.event_type"


def test_import_is_all_or_nothing(seed_feature_collection: dict, store_path: Path, tmp_path: Path) -> None:
    assert run("store", "info", store=store_path).returncode == 0  # creates the seeded default
    before = store_path.read_bytes()
    good = seed_feature_collection["features"][0]
    other = json.loads(json.dumps(good))
    other["id"] = other["properties"]["id"] = "evt-other"
    broken = json.loads(json.dumps(good))
    broken["id"] = broken["properties"]["id"] = "evt-broken"
    broken["geometry"]["coordinates"] = [200, 0]
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [other, broken]}))
    out = run("import", str(path), store=store_path)
    assert out.returncode == 1 and "nothing imported" in out.stderr
    assert store_path.read_bytes() == before
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [other]}))
    out = run("import", str(path), "--json", store=store_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"created": 1, "updated": 0, "events": 2}


def test_store_check_and_repair(store_path: Path) -> None:
    assert run("store", "info", store=store_path).returncode == 0
    out = run("store", "check", "--json", store=store_path)
    assert out.returncode == 0 and json.loads(out.stdout)["ok"] is True
    whole = store_path.read_bytes()
    store_path.write_bytes(whole[:-3])  # snapshot cut short by an outside tool: only the footer lost
    out = run("store", "check", store=store_path)
    assert out.returncode == 1 and "--repair" in out.stdout
    out = run("store", "info", store=store_path)
    assert out.returncode != 0 and "store check --repair" in out.stderr and "Traceback" not in out.stderr
    out = run("store", "check", "--repair", "--json", store=store_path)
    report = json.loads(out.stdout)
    assert out.returncode == 0 and report["repaired"] and report["events"] == 1
    assert Path(report["backups"][0]).exists()
    repaired = store_path.read_bytes()
    footer = repaired.rfind(b"\n]")  # the checksum member (or the old footer) after the last feature
    damaged = repaired[: footer - 10]  # now the only feature itself is cut
    store_path.write_bytes(damaged)
    report = json.loads(run("store", "check", "--repair", "--json", store=store_path).stdout)
    assert report["repaired"] and report["dropped"] == 1 and report["events"] == 0  # loss is reported
    assert Path(report["backups"][0]).read_bytes() == damaged  # and the damaged bytes are kept


def test_schema_command_prints_the_published_schema() -> None:
    out = run("schema")
    published = json.loads((Path(__file__).resolve().parents[3] / "schemas" / "event.schema.json").read_text())
    assert json.loads(out.stdout) == published


def test_version() -> None:
    from geo_events import __version__

    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"geo-events {__version__}"
