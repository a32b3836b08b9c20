"""The .geojson file QGIS opens holds every acknowledged event (issue 16, item 2): the server folds the
journal into it a while after writes, right away for a journal left by an earlier run, and on shutdown."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.settings import get_settings
from geo_events.store import GeoJSONFileStore
from tests.hardening.helpers import make_event


def _file_ids(path: Path) -> set[str]:
    """The ids a plain GeoJSON reader (not the store) sees in the file."""
    return {f["properties"]["id"] for f in json.loads(path.read_bytes())["features"]}


def _wait_for(predicate, seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"not within {seconds} s")


def test_flush_when_idle_folds_writes_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    store = GeoJSONFileStore(path)
    store.upsert(make_event("evt-first"))
    store.compact()
    store.flush_when_idle(0.2)
    store.upsert(make_event("evt-a"))
    store.upsert(make_event("evt-b"))
    assert "evt-b" not in _file_ids(path)  # still only in the journal
    waited = _wait_for(lambda: "evt-b" in _file_ids(path), 5)
    assert waited >= 0.1
    assert _file_ids(path) == {"evt-first", "evt-a", "evt-b"}
    store.delete("evt-a")
    _wait_for(lambda: "evt-a" not in _file_ids(path), 5)
    store.close()


def test_a_journal_left_by_an_earlier_run_is_folded_in_at_once(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    earlier = GeoJSONFileStore(path)
    earlier.upsert(make_event("evt-left"))  # a server killed before it flushed
    store = GeoJSONFileStore(path)
    store.flush_when_idle(30)
    _wait_for(lambda: path.exists() and "evt-left" in _file_ids(path), 5)
    store.close()


def test_close_folds_in_whatever_is_left(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    store = GeoJSONFileStore(path)
    store.flush_when_idle(60)
    store.upsert(make_event("evt-late"))
    store.close()
    assert _file_ids(path) == {"evt-late"}
    assert store.flush_delay() == 60


def test_flush_delay_grows_with_the_cost_of_compaction(tmp_path: Path) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    store.flush_when_idle(1)
    store.last_compact_seconds = 0.5
    assert store.flush_delay() == 5
    store.flush_when_idle(0)
    assert store.flush_delay() == 0


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GEO_EVENTS_API_KEY", "k")
    monkeypatch.setenv("GEO_EVENTS_FLUSH_SECONDS", "0.3")
    get_settings.cache_clear()
    yield "k"
    get_settings.cache_clear()


def test_api_writes_reach_the_file_and_shutdown_flushes(tmp_path: Path, writable: str) -> None:
    path = tmp_path / "events.geojson"
    seed = GeoJSONFileStore(path)
    seed.upsert_many([make_event(f"evt-{i}") for i in range(3)])
    seed.compact()
    with TestClient(create_app(path)) as client:
        assert client.delete("/events/evt-1", headers={"X-API-Key": writable}).status_code == 204
        _wait_for(lambda: _file_ids(path) == {"evt-0", "evt-2"}, 5)
        app_store = client.app.state.store
        app_store.flush_when_idle(60)  # next write waits a minute: only shutdown can flush it
        assert client.delete("/events/evt-2", headers={"X-API-Key": writable}).status_code == 204
        assert "evt-2" in _file_ids(path)
    assert _file_ids(path) == {"evt-0"}  # the lifespan's shutdown folded it in


def test_gdal_sees_api_writes(tmp_path: Path, writable: str) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    path = tmp_path / "events.geojson"
    seed = GeoJSONFileStore(path)
    seed.upsert_many([make_event(f"evt-{i}") for i in range(3)])
    seed.compact()
    with TestClient(create_app(path)) as client:
        client.delete("/events/evt-0", headers={"X-API-Key": writable})
        _wait_for(lambda: len(pyogrio.read_dataframe(path)) == 2, 5)
