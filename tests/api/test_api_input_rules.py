"""Input holes found by the reliability audit (issue 20, findings 1–3 and 7): calendar-edge dates, a GET
body replacing the parameter allowlist, ``published: 0``, non-ISO dates, duplicate parameters and control
characters. Each case failed before its fix."""

from __future__ import annotations

import pytest

from api.routers.articles import ingest_service

ARTICLE = {"text": "Strikes near Khasham on Wednesday.", "published": "2018-02-08"}


def _real_ingest_or_skip():
    pytest.importorskip("geo_events.ingest")


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_calendar_edge_published_is_a_422_not_a_500(client, api_key, published):
    _real_ingest_or_skip()
    r = client.post("/articles", json={**ARTICLE, "published": published}, headers={"X-API-Key": api_key})
    assert r.status_code == 422, r.text
    assert r.json()["field"] == "published"
    assert "1900" in r.json()["detail"]


@pytest.mark.parametrize("published", [0, 1518048000, 2018.5, True, ["2018-02-08"], {"y": 2018}])
def test_published_must_be_a_json_string(client, api_key, published, app):
    calls = []
    app.dependency_overrides[ingest_service] = lambda: lambda *a, **k: calls.append(a) or []
    r = client.post("/articles", json={**ARTICLE, "published": published}, headers={"X-API-Key": api_key})
    assert r.status_code == 422, r.text
    assert r.json()["field"] == "published"
    assert calls == []


def test_published_may_be_left_out_or_null(client, api_key, app):
    calls = []
    app.dependency_overrides[ingest_service] = lambda: lambda *a, **k: calls.append(a) or []
    body = {k: v for k, v in ARTICLE.items() if k != "published"}
    for payload in (body, {**body, "published": None}):
        r = client.post("/articles", json=payload, headers={"X-API-Key": api_key})
        assert r.status_code in (200, 201), r.text
    assert [call[2] for call in calls] == [None, None]  # the extractor reads dates from the text


def test_openapi_says_published_is_a_date_string(client):
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ArticleIn"]
    published = schema["properties"]["published"]
    string = next(s for s in published.get("anyOf", [published]) if s.get("type") == "string")
    assert string["format"] == "date" and "pattern" in string
    assert "published" not in schema.get("required", [])
    assert "19[0-9]" in string["pattern"]


def test_get_body_cannot_replace_the_allowlist(client):
    r = client.request("GET", "/events?evnt_type=Battles", content=b'["evnt_type","limit"]',
                       headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["field"] == "evnt_type"
    r = client.request("GET", "/events?limit=5", content=b"[]", headers={"content-type": "application/json"})
    assert r.status_code == 200


@pytest.mark.parametrize("path", ["/events", "/events.csv", "/events.gpkg"])
def test_openapi_documents_no_body_on_get_exports(client, path):
    operation = client.get("/openapi.json").json()["paths"][path]["get"]
    assert "requestBody" not in operation


@pytest.mark.parametrize(
    "value", ["2018-W05", "20180203", "2018-02-03T25:00:00", "2018-02-30", "0001-01-01", "9999-12-31",
              "2018-2-3", "２０１８-02-03", "2018-02-03T10:00"],
)
@pytest.mark.parametrize("name", ["start", "end"])
def test_non_iso_or_out_of_range_dates_are_refused(client, name, value):
    r = client.get("/events", params={name: value})
    assert r.status_code == 400, (value, r.text)
    assert r.json()["field"] == name


@pytest.mark.parametrize("value", ["2018-02-03", "2018-02-03T10:00:00Z", "2018-02-03T10:00:00.250+03:00"])
def test_iso_dates_and_rfc3339_timestamps_are_accepted(client, value):
    assert client.get("/events", params={"start": value}).status_code == 200


@pytest.mark.parametrize(
    "query", ["limit=1&limit=2", "event_type=Battles&event_type=Protests", "q=a&q=b"],
)
@pytest.mark.parametrize("path", ["/events", "/events.csv", "/collections/events/items", "/geocode"])
def test_duplicate_parameters_are_refused(client, path, query):
    r = client.get(f"{path}?{query}")
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["field"] == query.split("=")[0] and "more than once" in body["detail"]


@pytest.mark.parametrize("path", ["/events", "/geocode", "/collections/events/items", "/zones"])
@pytest.mark.parametrize("value", ["%00", "a%0Ab", "%1F", "%7F"])
def test_control_characters_are_refused_on_every_endpoint(client, path, value):
    r = client.get(f"{path}?q={value}")
    assert r.status_code == 400, r.text
    assert "control characters" in r.json()["detail"]


@pytest.mark.parametrize("field", ["publisher", "title", "url"])
@pytest.mark.parametrize("value", ["a\x00b", "\x0bx", "x\x7f"])
def test_control_characters_in_article_fields_are_a_422_not_a_500(client, api_key, app, field, value):
    calls = []
    app.dependency_overrides[ingest_service] = lambda: lambda *a, **k: calls.append(a) or []
    r = client.post("/articles", json={**ARTICLE, field: value}, headers={"X-API-Key": api_key})
    assert r.status_code == 422 and r.json()["field"] == field
    assert calls == []


def test_every_string_query_parameter_documents_the_control_character_rule(client):
    spec = client.get("/openapi.json").json()
    for name in ("q", "actor", "country"):
        (parameter,) = [p for p in spec["paths"]["/events"]["get"]["parameters"] if p["name"] == name]
        options = parameter["schema"].get("anyOf") or [parameter["schema"]]
        assert any("u001f" in o.get("pattern", "") for o in options), parameter


def test_published_is_a_date_without_time_as_its_schema_says(client, api_key, app):
    app.dependency_overrides[ingest_service] = lambda: lambda *a, **k: []
    r = client.post("/articles", json={**ARTICLE, "published": "2018-02-08T10:00:00Z"},
                    headers={"X-API-Key": api_key})
    assert r.status_code == 422 and r.json()["field"] == "published"


def test_datetime_may_repeat_as_gdal_sends_it(client):
    r = client.get("/collections/events/items?datetime=2018-01-01/..&datetime=../2018-12-31")
    assert r.status_code == 200, r.text
