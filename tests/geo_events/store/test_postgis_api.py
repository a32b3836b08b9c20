"""The API on a PostGIS store: /events filters and paging, one event, CSV, OGC items (paging, property
filters, sortby) answering what the file store answers; 503 JSON while the database is unreachable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.store import open_store

psycopg = pytest.importorskip("psycopg", reason="the PostGIS driver is not installed (pip install '.[postgis]')")


def _stamp_free(body: bytes) -> bytes:
    """The body without its ``timeStamp`` (the two requests may straddle a second)."""
    return re.sub(rb'"timeStamp":"[^"]*"', b'"timeStamp":""', body)


def _client(target: str) -> TestClient:
    app = create_app(target)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def clients(tmp_path: Path, pg_url: str, events_120: list[dict]) -> Iterator[tuple[TestClient, TestClient]]:
    """TestClients of the file store and of the PostGIS store, both holding the same 120 events."""
    file_path = tmp_path / "events.geojson"
    for target in (str(file_path), pg_url):
        store = open_store(target)
        store.upsert_many(events_120)
        store.maintain()
        store.close()
    with _client(str(file_path)) as on_file, _client(pg_url) as on_postgis:
        yield on_file, on_postgis


REQUESTS = [
    "/events?limit=10",
    "/events?bbox=39,35,40.5,36.2&start=2019-02-01&end=2019-09-30&sort=-fatalities&limit=5&offset=5",
    "/events?event_type=battles&country=SYR&min_fatalities=5",
    "/events?actor=wagner&geo_precision=1,3",
    "/events?near=35.3,40.29&radius_km=80&side_of_line=east",
    "/events?q=khasham&source=reuters",
    "/events?control_zone=SDF%20%26%20US-led%20coalition&admin1=Raqqa&sort=id",
    "/events/evt-gen000017",
    "/events.csv?event_type=Battles",
    "/collections/events/items?limit=7&offset=14",
    "/collections/events/items?bbox=38,34,41,36&datetime=2019-03-01/2019-06-30&limit=20",
    "/collections/events/items?location=Place%204&sortby=-fatalities_best",
    "/collections/events/items?fatalities_best=7&geocoder=manual",
    "/collections/events/items/evt-gen000033",
]


@pytest.mark.parametrize("path", REQUESTS)
def test_postgis_answers_what_the_file_store_answers(clients: tuple[TestClient, TestClient], path: str) -> None:
    on_file, on_postgis = clients
    expected, got = on_file.get(path), on_postgis.get(path)
    assert got.status_code == expected.status_code == 200, got.text
    assert _stamp_free(got.content) == _stamp_free(expected.content)
    if path.startswith("/events?") or "/items?" in path:
        assert got.json()["numberMatched"] > 0


def test_ogc_paging_follows_next_links_to_every_event(clients: tuple[TestClient, TestClient]) -> None:
    _, on_postgis = clients
    url: str | None = "/collections/events/items?limit=50"
    seen: list[str] = []
    while url:
        body = on_postgis.get(url).json()
        assert body["numberMatched"] == 120
        seen += [f["id"] for f in body["features"]]
        url = next((link["href"] for link in body["links"] if link["rel"] == "next"), None)
    assert len(seen) == len(set(seen)) == 120


def test_health_names_the_backend_and_writes_work(clients: tuple[TestClient, TestClient], api_key: str) -> None:
    _, on_postgis = clients
    health = on_postgis.get("/health").json()
    assert health["store_backend"] == "postgis" and health["events"] == 120
    gone = on_postgis.delete("/events/evt-gen000001", headers={"X-API-Key": api_key})
    assert gone.status_code == 204
    assert on_postgis.get("/events/evt-gen000001").status_code == 404
    assert on_postgis.get("/health").json()["events"] == 119


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from geo_events.settings import get_settings

    monkeypatch.setenv("GEO_EVENTS_API_KEY", "test-key")
    get_settings.cache_clear()
    yield "test-key"
    get_settings.cache_clear()


def test_unreachable_database_is_503_json_then_recovers(pg_url: str, seed_feature_collection: dict) -> None:
    store = open_store(pg_url, timeout=1.0)
    store.upsert_many(seed_feature_collection["features"])
    app = create_app(pg_url)
    app.state.store = store
    name = psycopg.conninfo.conninfo_to_dict(pg_url)["dbname"]
    admin_url = pg_url.rsplit("/", 1)[0] + "/postgres"
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/events").status_code == 200
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        down = client.get("/events?limit=5")
        assert down.status_code == 503
        assert down.json() == {"detail": "the event store is unavailable", "field": None}
        assert client.get("/health").status_code == 503
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        statuses = [client.get("/events").status_code for _ in range(30)]
        assert statuses[-1] == 200 and set(statuses) <= {200, 503}


def test_the_app_opens_a_database_url_given_as_store(pg_url: str, seed_feature_collection: dict) -> None:
    store = open_store(pg_url)
    store.upsert_many(seed_feature_collection["features"])
    store.close()
    app: Any = create_app(pg_url)
    assert app.state.store_path == pg_url  # kept as a URL, not folded into a path
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/health").json()["store_backend"] == "postgis"
        assert client.get("/events").json()["numberMatched"] == 1


def test_geo_events_store_may_be_a_database_url(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``GEO_EVENTS_STORE=postgresql://…`` (what `serve` workers read) opens the PostGIS store."""
    from geo_events.settings import get_settings

    monkeypatch.setenv("GEO_EVENTS_STORE", pg_url)
    get_settings.cache_clear()
    try:
        with TestClient(create_app(), raise_server_exceptions=False) as client:
            assert client.get("/health").json()["store_backend"] == "postgis"
    finally:
        get_settings.cache_clear()


def test_serve_takes_a_database_url_for_store(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve --store postgresql://…` serves that database (the URL is not read as a file path)."""
    import uvicorn
    from typer.testing import CliRunner

    from api.console import app as cli_app
    from geo_events.settings import get_settings

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append(kwargs))
    monkeypatch.delenv("GEO_EVENTS_STORE", raising=False)
    try:
        result = CliRunner().invoke(cli_app, ["serve", "--store", pg_url, "--port", "8797"])
        assert result.exit_code == 0, result.output
        assert calls and get_settings().store is not None
        import os

        assert os.environ["GEO_EVENTS_STORE"].startswith("postgresql://")  # what the app's workers open
        assert open_store(None).backend == "postgis"
    finally:
        get_settings.cache_clear()
