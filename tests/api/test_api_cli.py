"""``geo-events serve``: help with examples, one-line errors; ``api.main.app`` built lazily."""

from __future__ import annotations

import os
import subprocess
import sys

from typer.testing import CliRunner

from api.console import app as cli_app

runner = CliRunner()


def test_serve_help_has_examples():
    result = runner.invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0
    for text in ("--port", "--store", "--reload", "Examples", "geo-events serve --port 8080"):
        assert text in result.output


def test_serve_rejects_a_folder_as_store(tmp_path):
    result = runner.invoke(cli_app, ["serve", "--store", str(tmp_path), "--port", "1"])
    assert result.exit_code == 2
    assert "geo-events: error:" in result.output and "Traceback" not in result.output


def test_serve_rejects_a_bad_log_level(tmp_path):
    result = runner.invoke(cli_app, ["serve", "--store", str(tmp_path / "e.geojson"), "--log-level", "loud"])
    assert result.exit_code == 2 and "--log-level" in result.output


def test_serve_rejects_a_bad_port():
    result = runner.invoke(cli_app, ["serve", "--port", "70000"])
    assert result.exit_code != 0


def test_module_level_app_serves_the_default_store(tmp_path):
    env = {**os.environ, "GEO_EVENTS_STORE": str(tmp_path / "default.geojson")}
    env.pop("GEO_EVENTS_API_KEY", None)
    code = (
        "from fastapi.testclient import TestClient\n"
        "from api.main import app\n"
        "r = TestClient(app).get('/events?bbox=40,34.5,41,35.5&start=2018-02-01&end=2018-02-28')\n"
        "print(r.status_code, [f['properties']['location'] for f in r.json()['features']])\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "200 ['Khasham']"
    assert (tmp_path / "default.geojson").exists()  # seeded on first use


def test_serve_rejects_a_missing_history_file(tmp_path):
    result = runner.invoke(cli_app, ["serve", "--store", str(tmp_path / "e.geojson"), "--history",
                                     str(tmp_path / "nowhere.geojson")])
    assert result.exit_code != 0 and "--history" in result.output and "nowhere.geojson" in result.output


def test_serve_rejects_a_history_file_that_is_not_a_history(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, '
                   '"properties": {}}]}', encoding="utf-8")
    result = runner.invoke(cli_app, ["serve", "--store", str(tmp_path / "e.geojson"), "--history", str(bad)])
    assert result.exit_code != 0 and "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 2
