"""API fixtures: a TestClient on a temporary seed store, synthetic events, an API key, a live server."""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.settings import get_settings
from geo_events.store import GeoJSONFileStore

EVENT_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Other"),
]


def synthetic_events(template: dict, count: int, start: date = date(2019, 1, 1)) -> list[dict]:
    """Return ``count`` valid events spread over eastern Syria and 2019–2020 (deterministic).

    Event ``i`` has fatalities ``i % 50``, date ``start + i % 700 days`` and one of four event types, so
    tests can compute the expected answer of any filter directly from the list.
    """
    events = []
    for i in range(count):
        feature = copy.deepcopy(template)
        props = feature["properties"]
        event_id = f"evt-syn{i:07d}"
        event_type, sub_event_type = EVENT_TYPES[i % len(EVENT_TYPES)]
        fatalities = i % 50
        lon = 38.0 + (i * 37 % 400) / 100.0  # 38.00 … 41.99
        lat = 34.0 + (i * 53 % 300) / 100.0  # 34.00 … 36.99
        feature["id"] = event_id
        feature["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
        props.update(
            id=event_id,
            event_date=(start + timedelta(days=i % 700)).isoformat(),
            event_type=event_type,
            sub_event_type=sub_event_type,
            location=f"Place {i % 97}",
            fatalities_best=fatalities,
            fatalities_low=fatalities,
            fatalities_high=fatalities,
            claims=[],
            actor1="Syrian Democratic Forces" if i % 3 == 0 else "ISIS",
            control_zone="SDF & US-led coalition" if i % 2 else "Syrian government & allies",
            side_of_line="east" if i % 2 else "west",
            geo_precision=1 + i % 3,
            confidence=round((i % 10) / 10, 1),
        )
        events.append(feature)
    return events


@pytest.fixture(name="synthetic_events", scope="session")
def synthetic_events_fixture():
    """The ``synthetic_events(template, count)`` helper, so tests can recompute expected answers."""
    return synthetic_events


@pytest.fixture
def app(seed_store: GeoJSONFileStore):
    """An API app on a temporary store holding the seed event."""
    application = create_app(seed_store.path)
    application.state.store = seed_store
    return application


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    """A TestClient of ``app`` (errors become responses, as in production)."""
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def big_store(tmp_path: Path, seed_feature_collection: dict) -> GeoJSONFileStore:
    """A store with the seed event plus 300 synthetic events."""
    store = GeoJSONFileStore(tmp_path / "big.geojson")
    template = seed_feature_collection["features"][0]
    store.upsert_many([template, *synthetic_events(template, 300)])
    store.compact()
    return store


@pytest.fixture
def big_client(big_store: GeoJSONFileStore) -> Iterator[TestClient]:
    """A TestClient on ``big_store``."""
    application = create_app(big_store.path)
    application.state.store = big_store
    with TestClient(application, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Configure GEO_EVENTS_API_KEY for the test and return it."""
    key = "test-key-6f1c"
    monkeypatch.setenv("GEO_EVENTS_API_KEY", key)
    get_settings.cache_clear()
    yield key
    get_settings.cache_clear()


@pytest.fixture
def no_api_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make sure no API key is configured."""
    monkeypatch.delenv("GEO_EVENTS_API_KEY", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """``geo-events serve`` running in a subprocess on 127.0.0.1; stopped by ``close()``."""

    def __init__(self, store_path: Path, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
        env.pop("GEO_EVENTS_API_KEY", None)
        env.update({"NO_PROXY": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1", **(extra_env or {})})
        command = [
            sys.executable, "-c", "from api.console import main; main()", "serve",
            "--host", "127.0.0.1", "--port", str(self.port), "--store", str(store_path),
            "--log-level", "warning",
        ]  # fmt: skip
        self.log_path = store_path.with_name(f"serve-{self.port}.log")
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self.banner = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.close()
                raise RuntimeError(f"geo-events serve exited early:\n{self.log_path.read_text()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2, trust_env=False).status_code == 200:
                    self.banner = self.log_path.read_text()
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.close()
        raise RuntimeError("geo-events serve did not answer /health within 60 s")

    def get(self, path: str, **kwargs) -> httpx.Response:
        """GET a path of the live server."""
        return httpx.get(self.url + path, timeout=30, trust_env=False, **kwargs)

    def close(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()


@pytest.fixture(scope="session")
def live_server_class() -> type[LiveServer]:
    """The ``LiveServer`` class (start one per module with a store path; call ``close()`` after)."""
    return LiveServer
