"""Bounded exports (issue 20, finding 6): a documented maximum per request with paging links, streamed
bodies, and a cap on concurrent heavy requests (429 with Retry-After) whose slots always come back."""

from __future__ import annotations

import csv
import gc
import io

import pytest

from api.deps import HeavySlots, TooBusy
from api.routers.events import _guarded
from geo_events.settings import get_settings


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GEO_EVENTS_MAX_EXPORT", "120")
    monkeypatch.setenv("GEO_EVENTS_MAX_HEAVY_REQUESTS", "1")
    monkeypatch.setenv("GEO_EVENTS_HEAVY_LIMIT", "50")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("path", ["/events.csv", "/events.gpkg"])
def test_an_export_over_the_maximum_is_refused_with_the_fix(big_client, small_caps, path):
    r = big_client.get(path)
    assert r.status_code == 400 and r.json()["field"] == "limit"
    assert "120" in r.json()["detail"] and "offset" in r.json()["detail"]


def test_an_export_under_the_maximum_returns_every_match(big_client, small_caps):
    r = big_client.get("/events.csv", params={"event_type": "Battles"})  # 75 of the 300 synthetic events
    assert r.status_code == 200 and len(_rows(r)) == 75
    assert "Link" not in r.headers


def test_export_pages_carry_next_links_until_the_end(big_client, small_caps):
    url, seen = "/events.csv?limit=100", []
    while url:
        r = big_client.get(url)
        assert r.status_code == 200
        assert r.headers["X-Number-Matched"] == "301"
        seen += [row["event_id_cnty"] if "event_id_cnty" in row else row["id"] for row in _rows(r)]
        link = r.headers.get("Link")
        url = link[1 : link.index(">")].replace("http://testserver", "") if link else None
    assert len(seen) == 301 and len(set(seen)) == 301


def test_heavy_requests_over_the_cap_get_429_with_retry_after(big_client, small_caps):
    slots = big_client.app.state.heavy_slots = HeavySlots(1)
    release = slots.take()
    try:
        for url in ("/events.csv?limit=10", "/events.gpkg?limit=10", "/events?limit=51"):
            r = big_client.get(url)
            assert r.status_code == 429, url
            assert r.headers["Retry-After"] and r.json()["detail"]
        assert big_client.get("/events?limit=50").status_code == 200  # small pages are never refused
    finally:
        release()
    for url in ("/events.csv?limit=10", "/events.gpkg?limit=10", "/events?limit=51", "/events.csv?limit=5"):
        assert big_client.get(url).status_code == 200, url  # every slot came back


def test_a_failed_export_gives_its_slot_back(big_client, small_caps):
    big_client.app.state.heavy_slots = HeavySlots(1)
    assert big_client.get("/events.csv").status_code == 400  # over the maximum
    assert big_client.get("/events.csv?limit=3").status_code == 200


def test_a_stream_dropped_by_its_client_gives_its_slot_back():
    slots = HeavySlots(1)
    release = slots.take()
    body = _guarded(iter([b"a", b"b", b"c"]), release)
    assert next(body) == b"a"
    with pytest.raises(TooBusy):
        slots.take()
    del body  # the client left: the server drops the iterator
    gc.collect()
    slots.take()()  # free again


def test_429_is_documented(client):
    responses = client.get("/openapi.json").json()["paths"]["/events.csv"]["get"]["responses"]
    assert "429" in responses
