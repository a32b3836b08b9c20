"""A real `geo-events serve` keeps the .geojson complete (issue 16, item 2): a write reaches the file within
GEO_EVENTS_FLUSH_SECONDS, and a write made just before SIGTERM is in the file once the server stopped."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from geo_events.store import GeoJSONFileStore
from tests.hardening.helpers import make_event


def _file_ids(path: Path) -> set[str]:
    return {f["properties"]["id"] for f in json.loads(path.read_bytes())["features"]}


def test_live_server_flushes_after_writes_and_on_sigterm(tmp_path: Path, live_server_class) -> None:
    path = tmp_path / "events.geojson"
    seed = GeoJSONFileStore(path)
    seed.upsert_many([make_event(f"evt-{i}") for i in range(4)])
    seed.compact()
    server = live_server_class(path, {"GEO_EVENTS_API_KEY": "k", "GEO_EVENTS_FLUSH_SECONDS": "1"})
    try:
        key = {"X-API-Key": "k"}
        assert httpx.delete(f"{server.url}/events/evt-0", headers=key, trust_env=False).status_code == 204
        deadline = time.monotonic() + 10
        while "evt-0" in _file_ids(path) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "evt-0" not in _file_ids(path)
        assert httpx.delete(f"{server.url}/events/evt-1", headers=key, trust_env=False).status_code == 204
    finally:
        server.close()  # SIGTERM: uvicorn runs the lifespan shutdown
    assert _file_ids(path) == {"evt-2", "evt-3"}
