"""Smaller holes of issue 20 (finding 7): links never follow a forged Host, a slow body cannot hold a
connection, and OPTIONS lists every method of a path."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.settings import get_settings


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch):
    def apply(**values: str) -> None:
        for name, value in values.items():
            monkeypatch.setenv(f"GEO_EVENTS_{name.upper()}", value)
        get_settings.cache_clear()

    yield apply
    get_settings.cache_clear()


def _app(seed_store, **_):
    app = create_app(seed_store.path)
    app.state.store = seed_store
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("path", ["/events?limit=1", "/", "/collections", "/maps/embed"])
def test_a_forged_host_is_refused_not_echoed(seed_store, path):
    r = _app(seed_store).get(path, headers={"Host": "evil.example"})
    assert r.status_code == 400 and r.json()["field"] == "Host"
    assert "evil.example" not in r.headers.get("location", "")


def test_allowed_hosts_are_served_with_their_port(seed_store):
    r = _app(seed_store).get("/events?limit=1", headers={"Host": "localhost:8000"})
    assert r.status_code == 200
    assert r.json()["links"][0]["href"].startswith("http://localhost:8000/events")


def test_public_url_builds_every_link_whatever_host_says(seed_store, settings_env):
    settings_env(public_url="https://events.example.org")
    client = _app(seed_store)
    body = client.get("/events?limit=1", headers={"Host": "evil.example"}).json()
    assert all(link["href"].startswith("https://events.example.org/") for link in body["links"])
    landing = client.get("/", headers={"Host": "evil.example"}).text
    assert "evil.example" not in landing and "https://events.example.org" in landing
    embed = client.get("/maps/embed", headers={"Host": "evil.example"})
    if embed.status_code == 200:
        assert "evil.example" not in embed.text and "events.example.org" in embed.text


def test_any_host_when_the_operator_says_so(seed_store, settings_env):
    settings_env(allowed_hosts="*")
    assert _app(seed_store).get("/health", headers={"Host": "anything.example"}).status_code == 200


def test_plain_options_lists_every_method(client):
    r = client.options("/events/evt-20c8fef169f3")
    assert r.status_code == 204
    assert r.headers["allow"] == "DELETE, GET, HEAD, OPTIONS"
    assert client.options("/articles").headers["allow"] == "OPTIONS, POST"
    r = client.post("/events/evt-20c8fef169f3")
    assert r.status_code == 405 and "DELETE" in r.headers["allow"] and r.json()["detail"]


def test_a_slow_body_gets_408_and_frees_the_connection(tmp_path: Path, live_server_class, seed_store):
    server = live_server_class(seed_store.path, {"GEO_EVENTS_API_KEY": "k", "GEO_EVENTS_BODY_TIMEOUT_SECONDS": "1"})
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
            sock.sendall(b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"")
            started = time.monotonic()
            answer = sock.recv(4096)
            waited = time.monotonic() - started
            while b'"field"' not in answer:
                more = sock.recv(4096)
                if not more:
                    break
                answer += more
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b'"field":"body"' in answer
        assert waited < 5
    finally:
        server.close()
