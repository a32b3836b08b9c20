"""Bad input never yields a 500 or a traceback: every error is 4xx JSON ``{"detail", "field"}``."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo_events.query import parse_near, parse_precision
from geo_events.errors import InvalidQuery


def assert_error(response, status: int, field: str | None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "field"}
    assert body["field"] == field
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in body["detail"] and "/work/" not in body["detail"]
    return body


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("bbox=40,34.5,41", "bbox"),
        ("bbox=41,34.5,40,35.5", "bbox"),
        ("bbox=40,36,41,35", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=40,34.5,41,95", "bbox"),
        ("bbox=nan,1,2,3", "bbox"),
        ("start=2018-03-01&end=2018-02-01", "start"),
        ("start=yesterday", "start"),
        ("end=2018-02-30", "end"),
        ("limit=0", "limit"),
        ("limit=1000000000", "limit"),
        ("limit=10001", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("event_type=Skirmish", "event_type"),
        ("sub_event_type=Dogfight", "sub_event_type"),
        ("event_type=Battles&sub_event_type=Air/drone strike", "sub_event_type"),
        ("min_fatalities=-3", "min_fatalities"),
        ("min_fatalities=10&max_fatalities=5", "min_fatalities"),
        ("near=91,40", "near"),
        ("near=35,181", "near"),
        ("near=35", "near"),
        ("radius_km=0", "radius_km"),
        ("side_of_line=north", "side_of_line"),
        ("sort=magnitude", "sort"),
        ("geo_precision=4", "geo_precision"),
        ("q=" + "x" * 501, "q"),
        ("evnt_type=Battles", "evnt_type"),  # a typo must not silently match every event
    ],
)
def test_bad_event_parameters_name_the_field(client, query, field):
    assert_error(client.get(f"/events?{query}"), 400, field)


@pytest.mark.parametrize("path", ["/events.csv", "/events.gpkg"])
def test_exports_validate_the_same_filters(client, path):
    assert_error(client.get(f"{path}?bbox=1,2,3"), 400, "bbox")


@pytest.mark.parametrize(
    ("query", "field"),
    [("lat=91&lon=40", "lat"), ("lat=35&lon=-181", "lon"), ("lat=abc&lon=40", "lat"), ("lon=40", "lat")],
)
def test_bad_reverse_coordinates(client, query, field):
    assert_error(client.get(f"/reverse?{query}"), 400, field)


def test_geocode_needs_q(client):
    assert_error(client.get("/geocode"), 400, "q")
    assert_error(client.get("/geocode?q=x&date=2018-13-01"), 400, "date")


def test_unknown_route_is_json_404(client):
    body = assert_error(client.get("/no/such/thing"), 404, None)
    assert "/no/such/thing" in body["detail"]


def test_wrong_method_is_json_405(client):
    assert_error(client.put("/events"), 405, None)


def test_malformed_json_body(client, api_key):
    r = client.post(
        "/articles",
        content=b'{"text": "abc", "published": ',
        headers={"X-API-Key": api_key, "Content-Type": "application/json"},
    )
    assert_error(r, 422, "body")


def test_body_with_wrong_fields(client, api_key):
    r = client.post(
        "/articles", json={"text": "abc", "published": "not a date"}, headers={"X-API-Key": api_key}
    )
    assert_error(r, 422, "published")
    r = client.post("/articles", json={"published": "2018-02-08"}, headers={"X-API-Key": api_key})
    assert_error(r, 422, "text")
    r = client.post("/articles", json=[1, 2], headers={"X-API-Key": api_key})
    assert r.status_code == 422 and r.json()["field"]


def test_ten_megabyte_body_is_refused_with_413(client, api_key):
    payload = b'{"text": "' + b"a" * (10 * 1024 * 1024) + b'", "published": "2018-02-08"}'
    r = client.post(
        "/articles", content=payload, headers={"X-API-Key": api_key, "Content-Type": "application/json"}
    )
    assert_error(r, 413, "body")


def test_chunked_body_without_length_is_capped_too(client, api_key):
    def chunks():
        for _ in range(12):
            yield b"a" * (1024 * 1024)

    r = client.post(
        "/articles", content=chunks(), headers={"X-API-Key": api_key, "Content-Type": "application/json"}
    )
    assert_error(r, 413, "body")


def test_unexpected_errors_are_500_json_without_traceback(app, client, monkeypatch):
    from api.deps import get_store

    class Broken:
        def query(self, query):
            raise RuntimeError("secret /work/main/path exploded")

    app.dependency_overrides[get_store] = lambda: Broken()
    body = assert_error(client.get("/events"), 500, None)
    assert "secret" not in body["detail"]


def test_store_errors_do_not_leak_paths(app, client):
    from api.deps import get_store
    from geo_events.errors import StoreCorrupted

    class Damaged:
        def query(self, query):
            raise StoreCorrupted("/home/someone/events.geojson line 3 is damaged")

    app.dependency_overrides[get_store] = lambda: Damaged()
    body = assert_error(client.get("/events"), 503, None)
    assert "/home" not in body["detail"]


@pytest.mark.parametrize(("value", "expected"), [("35.3,40.29", (35.3, 40.29)), (" 1 , 2 ", (1.0, 2.0))])
def test_parse_near(value, expected):
    assert parse_near(value) == expected


@pytest.mark.parametrize("value", ["1", "1,2,3", "a,b", "inf,1"])
def test_parse_near_rejects(value):
    with pytest.raises(InvalidQuery) as caught:
        parse_near(value)
    assert caught.value.field == "near"


def test_parse_precision():
    assert parse_precision("1,3") == (1, 3)
    with pytest.raises(InvalidQuery):
        parse_precision("0")


_NAMES = ["bbox", "start", "end", "limit", "offset", "event_type", "near", "radius_km", "min_fatalities",
          "sort", "q", "geo_precision", "datetime", "sortby", "crs", "bbox-crs", "side_of_line"]  # fmt: skip
_VALUES = st.text(alphabet=string.printable + "éü∞−", max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(_NAMES), _VALUES, max_size=4))
def test_fuzzed_query_strings_never_500(client, params):
    for path in ("/events", "/collections/events/items", "/collections/places/items"):
        r = client.get(path, params=params)
        assert r.status_code in (200, 400), (path, params, r.text)
        if r.status_code == 400:
            assert r.json()["field"]
