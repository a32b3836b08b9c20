"""maps/cli.py: ``geo-events map`` (added to the console script by api.console)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from api.console import app

runner = CliRunner()


def test_map_command_is_registered_with_examples():
    out = subprocess.run(["geo-events", "map", "--help"], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert "Examples" in out.stdout and "--self-contained" in out.stdout and "--date" in out.stdout


def test_writes_a_self_contained_map_and_a_json_summary(seed_store, tmp_path: Path):
    out = tmp_path / "maps" / "seed.html"
    result = runner.invoke(
        app,
        ["map", "--out", str(out), "--store", str(seed_store.path), "--date", "2018-02-07", "--self-contained", "--json"],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["events"] == 1 and summary["events_matched"] == 1 and summary["truncated"] is False
    assert summary["date"] == "2018-02-07" and summary["self_contained"] is True
    assert summary["bytes"] == out.stat().st_size > 100_000
    page = out.read_text(encoding="utf-8")
    assert "new GeoEvents.EventLayer(" in page and "unpkg.com" not in page
    assert not (tmp_path / "maps" / "seed.html.tmp").exists()


def test_filters_and_default_date(seed_store, tmp_path: Path):
    out = tmp_path / "none.html"
    result = runner.invoke(
        app, ["map", "-o", str(out), "--store", str(seed_store.path), "--event-type", "Battles", "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["events"] == 0 and summary["date"] is None
    result = runner.invoke(app, ["map", "-o", str(out), "--store", str(seed_store.path), "--json"])
    assert json.loads(result.stdout)["date"] == "2018-02-07"  # the latest event's day
    for args, drawn in ((["--date-precision", "month"], 0), (["--date-precision", "day", "--geo-precision", "2"], 1)):
        result = runner.invoke(app, ["map", "-o", str(out), "--store", str(seed_store.path), "--json", *args])
        assert result.exit_code == 0 and json.loads(result.stdout)["events"] == drawn, (args, result.output)


def test_bad_input_is_one_line_and_non_zero(seed_store, tmp_path: Path):
    for args in (["--bbox", "1,2,3"], ["--date", "yesterday"], ["--event-type", "Picnic"]):
        result = runner.invoke(app, ["map", "-o", str(tmp_path / "x.html"), "--store", str(seed_store.path), *args])
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("geo-events: error:")
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.html").exists()
