"""POST /articles: API key rules, the response contract (with a fake ingest), and the real pipeline on the
two shared seed articles when extraction is installed and ../shared is present."""

from __future__ import annotations

import copy
import importlib.util

import pytest

from api.routers.articles import ingest_service

ARTICLE = {
    "text": "Strikes near Khasham on Wednesday.",
    "published": "2018-02-08",
    "publisher": "Example Wire",
    "title": "Strikes",
    "url": "https://example.org/a",
}
needs_ingest = pytest.mark.skipif(
    importlib.util.find_spec("geo_events.ingest") is None, reason="geo_events.ingest not installed"
)


class FakeIngest:
    """Test double of geo_events.ingest.ingest_article: stores one event, then reports it unchanged."""

    def __init__(self, template: dict) -> None:
        self.template = template
        self.calls: list[dict] = []

    def __call__(self, store, text, published, publisher=None, title=None, url=None):
        """Record the call; create the event once, then report it unchanged."""
        self.calls.append(
            {"text": text, "published": published, "publisher": publisher, "title": title, "url": url}
        )
        feature = copy.deepcopy(self.template)
        feature["id"] = feature["properties"]["id"] = "evt-fake00000001"
        try:
            store.get("evt-fake00000001")
            action = "unchanged"
        except KeyError:
            store.upsert(feature)
            action = "created"
        return [
            {"id": "evt-fake00000001", "action": action, "event_date": "2018-02-07", "location": "Khasham"}
        ]


@pytest.fixture
def fake_ingest(app, seed_feature_collection) -> FakeIngest:
    fake = FakeIngest(seed_feature_collection["features"][0])
    app.dependency_overrides[ingest_service] = lambda: fake
    return fake


def test_post_without_key_configuration_is_refused(client, no_api_key, fake_ingest):
    r = client.post("/articles", json=ARTICLE, headers={"X-API-Key": "guess"})
    assert r.status_code == 403 and "GEO_EVENTS_API_KEY" in r.json()["detail"]
    assert fake_ingest.calls == []


def test_post_needs_the_right_key(client, api_key, fake_ingest):
    assert client.post("/articles", json=ARTICLE).status_code == 401
    assert client.post("/articles", json=ARTICLE, headers={"X-API-Key": api_key + "x"}).status_code == 403
    assert fake_ingest.calls == []


def test_post_creates_then_reports_unchanged(client, api_key, fake_ingest):
    headers = {"X-API-Key": api_key}
    r = client.post("/articles", json=ARTICLE, headers=headers)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["created"] == 1 and body["merged"] == 0 and body["unchanged"] == 0
    event = body["events"][0]
    assert event["id"] == "evt-fake00000001" and event["action"] == "created"
    assert event["href"].endswith("/events/evt-fake00000001")
    assert client.get("/events/evt-fake00000001").status_code == 200
    again = client.post("/articles", json=ARTICLE, headers=headers)
    assert again.status_code == 200 and again.json()["unchanged"] == 1
    call = fake_ingest.calls[0]
    assert call["publisher"] == "Example Wire" and call["url"] == "https://example.org/a"
    assert str(call["published"]) == "2018-02-08"


def test_reads_stay_open_without_a_key(client, no_api_key):
    assert client.get("/events").status_code == 200


def test_missing_extraction_answers_503(app, client, api_key):
    from api.errors import ServiceUnavailable

    def missing(*args, **kwargs):
        raise ServiceUnavailable("article extraction is not available on this server")

    app.dependency_overrides[ingest_service] = lambda: missing
    r = client.post("/articles", json=ARTICLE, headers={"X-API-Key": api_key})
    assert r.status_code == 503 and r.json()["detail"].startswith("article extraction")


def test_unknown_body_fields_are_rejected(client, api_key, fake_ingest):
    r = client.post("/articles", json={**ARTICLE, "colour": "red"}, headers={"X-API-Key": api_key})
    assert r.status_code == 422 and r.json()["field"] == "colour"


@needs_ingest
def test_real_ingest_of_the_seed_articles_merges_into_one_khasham_event(tmp_path, seed_articles, api_key):
    from fastapi.testclient import TestClient

    from api.main import create_app

    with TestClient(create_app(tmp_path / "events.geojson"), raise_server_exceptions=False) as fresh:
        headers = {"X-API-Key": api_key}
        first = fresh.post("/articles", json=seed_articles[0], headers=headers)
        assert first.status_code in (200, 201), first.text
        second = fresh.post("/articles", json=seed_articles[1], headers=headers)
        assert second.status_code in (200, 201), second.text
        assert "created" in [e["action"] for e in first.json()["events"]]
        assert "merged" in [e["action"] for e in second.json()["events"]]  # same night, same place
        found = fresh.get(
            "/events", params={"bbox": "40,34.5,41,35.5", "start": "2018-02-01", "end": "2018-02-28"}
        ).json()
        assert found["numberMatched"] >= 1
        khasham = [
            f
            for f in found["features"]
            if "Khasham" in f["properties"]["location"] or "Khush" in f["properties"]["location"]
        ]
        assert len(khasham) == 1
        repeat = fresh.post("/articles", json=seed_articles[0], headers=headers)
        assert repeat.status_code == 200 and repeat.json()["created"] == 0
