"""``geo-events serve``: one seeding rule for every command, and a busy port refused before the banner."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from api.console import app as cli_app
from geo_events.settings import get_settings
from geo_events.store import open_store

runner = CliRunner()


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append(kwargs))
    monkeypatch.delenv("GEO_EVENTS_STORE", raising=False)
    yield calls
    get_settings.cache_clear()


def test_a_named_new_store_starts_empty_as_for_ingest(tmp_path: Path, no_server: list[dict]) -> None:
    """`serve --store NEW` used to be seeded while `ingest/import --store NEW` started empty."""
    path = tmp_path / "new.geojson"
    result = runner.invoke(cli_app, ["serve", "--store", str(path), "--port", "8799"])
    assert result.exit_code == 0, result.output
    assert no_server and path.exists()
    assert len(open_store(None)) == 0  # what the app's workers open (GEO_EVENTS_STORE set by serve)


def test_the_default_store_is_still_seeded(tmp_path: Path, no_server: list[dict], monkeypatch) -> None:
    monkeypatch.setenv("GEO_EVENTS_STORE", str(tmp_path / "default.geojson"))
    get_settings.cache_clear()
    result = runner.invoke(cli_app, ["serve", "--port", "8799"])
    assert result.exit_code == 0, result.output
    assert "1 events" in result.output


def test_a_busy_port_fails_in_one_line_before_the_banner(tmp_path: Path, no_server: list[dict]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(cli_app, ["serve", "--store", str(tmp_path / "e.geojson"), "--port", str(port)])
    assert result.exit_code == 2
    assert "geo-events: error: cannot listen on 127.0.0.1" in result.output
    assert "API docs" not in result.output and not no_server
