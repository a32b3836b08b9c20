"""``/zones/history/at``, ``/zones/history``, ``/zones/changes``, ``/zones/diff``: zones through time."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.store import GeoJSONFileStore

DATA = Path(__file__).resolve().parents[1] / "data" / "zones"


def test_who_held_khasham_on_7_february_2018_cites_the_sources(client):
    r = client.get("/zones/history/at", params={"lat": 35.30088, "lon": 40.28916, "date": "2018-02-07"})
    assert r.status_code == 200
    body = r.json()
    assert body["controller"] == "Syrian government & allies"
    assert body["area_id"] == "zone-seven-villages" and body["origin"] == "curated"
    assert "Khasham" in body["sources"][0]["text"]


def test_who_held_khasham_by_name(client):
    r = client.get("/zones/history/at", params={"place": "Khasham", "date": "2018-02-07"})
    assert r.status_code == 200, r.text
    assert (r.json()["place_id"], r.json()["controller"]) == ("geonames:167899", "Syrian government & allies")
    unknown = client.get("/zones/history/at", params={"place": "Xyzzyqq", "date": "2018-02-07"})
    assert unknown.status_code == 400 and unknown.json()["field"] == "place"


def test_the_existing_zone_endpoints_answer_as_before(client):
    r = client.get("/zones/at", params={"lat": 35.30088, "lon": 40.28916, "date": "2018-02-07"})
    assert r.status_code == 200 and r.json()["controller"] == "Syrian government & allies"
    assert "side_of_line" in r.json()
    assert client.get("/zones", params={"date": "2018-02-07"}).json()["features"]


def test_no_state_is_a_404_json(client):
    r = client.get("/zones/history/at", params={"lat": 10, "lon": 10, "date": "2018-02-07"})
    assert r.status_code == 404 and r.json()["detail"].startswith("no zone state")


@pytest.mark.parametrize("path, params, field", [
    ("/zones/history/at", {"lat": 35.3, "lon": 40.3, "date": "2018-02-30"}, "date"),
    ("/zones/history/at", {"lat": 95, "lon": 40.3, "date": "2018-02-07"}, "lat"),
    ("/zones/history/at", {"lat": 35.3, "lon": 40.3}, "date"),
    ("/zones/history/at", {"lat": 35.3, "date": "2018-02-07"}, "lon"),
    ("/zones/history/at", {"date": "2018-02-07"}, "lat"),
    ("/zones/changes", {"start": "2019-01-01", "end": "2018-01-01"}, "start"),
    ("/zones/changes", {"bbox": "1,2,3"}, "bbox"),
    ("/zones/changes", {"end": "soon"}, "end"),
    ("/zones/diff", {"from": "2019-01-01", "to": "2018-01-01"}, "from"),
    ("/zones/diff", {"from": "2018-01-01"}, "to"),
    ("/zones/diff", {"from": "2018-01-01", "to": "2019-01-01", "format": "xls"}, "format"),
    ("/zones/history", {"date": "yesterday"}, "date"),
])
def test_bad_parameters_are_4xx_json_naming_the_field(client, path, params, field):
    r = client.get(path, params=params)
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["field"] == field, r.json()


def test_changes_in_a_period_and_a_bbox(client):
    r = client.get("/zones/changes", params={"start": "2018-12-01", "end": "2019-04-01"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    props = [f["properties"] for f in r.json()["features"]]
    assert [(p["date"], p["before"], p["after"]) for p in props] == [
        ("2018-12-15", "ISIS", "SDF & US-led coalition"), ("2019-01-24", "ISIS", "SDF & US-led coalition"),
        ("2019-03-24", "ISIS", "SDF & US-led coalition")]
    assert "Hajin" in props[0]["sources"][0]["text"]
    empty = client.get("/zones/changes", params={"start": "2018-12-01", "bbox": "10,10,11,11"})
    assert empty.json()["features"] == []


def test_diff_json_and_csv(client):
    r = client.get("/zones/diff", params={"from": "2018-06-01", "to": "2019-06-01"})
    assert r.status_code == 200
    rows = {row["controller"]: row for row in r.json()["controllers"]}
    assert rows["ISIS"]["lost_km2"] > 400 and rows["ISIS"]["km2_to"] == 0
    csv_body = client.get("/zones/diff", params={"from": "2018-06-01", "to": "2019-06-01", "format": "csv"})
    assert csv_body.headers["content-type"].startswith("text/csv")
    assert {r["controller"] for r in csv.DictReader(io.StringIO(csv_body.text))} == set(rows)


def test_states_of_a_day(client):
    r = client.get("/zones/history", params={"date": "2019-02-01", "bbox": "40,34,42,35"})
    ids = {f["properties"]["area_id"] for f in r.json()["features"]}
    assert "zone-isis-baghuz" in ids and "zone-isis-hajin" not in ids


def capture(event_id: str, day: str, actor1: str, actor2: str) -> dict:
    """A made-up territorial-change event at Hajin."""
    return {
        "type": "Feature", "id": event_id, "geometry": {"type": "Point", "coordinates": [40.83138, 34.69508]},
        "properties": {
            "id": event_id, "event_date": day, "date_precision": "day", "event_type": "Battles",
            "sub_event_type": "Non-state actor overtakes territory", "actor1": actor1,
            "actor2": actor2, "location": "Hajin", "admin1": "Deir ez-Zor", "country": "Syria", "iso3": "SYR",
            "geo_precision": 1, "place_id": "geonames:174506", "fatalities_best": 0, "claims": [],
            "sources": [{"id": f"src-{event_id}", "publisher": "Test Wire", "title": "made-up report", "url": None,
                         "published": day}]}}


@pytest.fixture
def history_files(monkeypatch):
    """``GEO_EVENTS_ZONE_HISTORY`` naming the made-up zone series and line series."""
    import os

    from geo_events.settings import get_settings

    monkeypatch.setenv("GEO_EVENTS_ZONE_HISTORY", os.pathsep.join([str(DATA / "dated_states.geojson"),
                                                                    str(DATA / "lines")]))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_store_events_and_history_files_join_the_served_history(tmp_path, history_files):
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    store.upsert_many([capture("evt-hajin-api", "2018-03-05", "Syrian Democratic Forces", "ISIS")])
    app = create_app(store.path)
    app.state.store = store
    with TestClient(app, raise_server_exceptions=False) as client:
        hajin = client.get("/zones/history/at", params={"lat": 34.69508, "lon": 40.83138, "date": "2018-03-06"})
        assert (hajin.json()["controller"], hajin.json()["sources"][0]["event_id"]) == (
            "SDF & US-led coalition", "evt-hajin-api")
        front = client.get("/zones/history/at", params={"lat": 50.05, "lon": 30.15, "date": "2022-03-10"})
        assert front.json()["controller"] == "Red"
        store.upsert(capture("evt-hajin-api-2", "2018-03-08", "ISIS", "Syrian Democratic Forces"))
        later = client.get("/zones/history/at", params={"lat": 34.69508, "lon": 40.83138, "date": "2018-03-09"})
        assert (later.json()["controller"], later.json()["valid_from"]) == ("ISIS", "2018-03-08")


def test_openapi_documents_the_new_endpoints_with_examples(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/zones/history/at", "/zones/history", "/zones/changes", "/zones/diff"):
        operation = paths[path]["get"]
        assert all("examples" in p.get("schema", {}) or "examples" in p or "example" in p
                   for p in operation["parameters"] if p["name"] not in ("include_presence",)), path
        content = operation["responses"]["200"]["content"]
        assert any("example" in media for media in content.values()), path


def test_the_line_of_a_day_comes_from_the_line_series_and_the_bundled_line(tmp_path, history_files):
    app = create_app(tmp_path / "events.geojson")
    with TestClient(app, raise_server_exceptions=False) as client:
        moved = client.get("/zones/line", params={"date": "2022-03-09"})
        assert moved.status_code == 200 and moved.headers["content-type"].startswith("application/geo+json")
        (feature,) = moved.json()["features"]
        assert feature["geometry"]["coordinates"][0][0] == 30.1
        assert (feature["properties"]["valid_from"], feature["properties"]["valid_to"]) == ("2022-03-08", "2022-03-14")
        bundled = client.get("/zones/line", params={"date": "2018-02-07"}).json()["features"]
        assert bundled[0]["properties"]["id"] == "deconfliction-euphrates"
        assert client.get("/zones/line", params={"date": "2021-01-01"}).json()["features"] == []
        bad = client.get("/zones/line", params={"date": "2022-13-01"})
        assert bad.status_code == 400 and bad.json()["field"] == "date"
        changes = client.get("/zones/changes", params={"start": "2022-03-01", "end": "2022-03-31"}).json()
        assert [(f["properties"]["date"], f["properties"]["before"], f["properties"]["after"])
                for f in changes["features"] if f["properties"]["before"]] == [
            ("2022-03-08", "Blue", "Red"), ("2022-03-15", "Red", "Blue")]
        diff = client.get("/zones/diff", params={"from": "2022-03-01", "to": "2022-03-15"}).json()
        assert {r["controller"] for r in diff["controllers"]} == {"Blue", "Red"}


def test_zones_at_a_point_answers_from_the_served_history_files(tmp_path, history_files):
    # the made-up series holds the point (50.05 N, 30.15 E) for "Red" in March 2022; the bundled zones know nothing there
    app = create_app(tmp_path / "events.geojson")
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/zones/at", params={"lat": 50.05, "lon": 30.15, "date": "2022-03-10"})
        assert answer.status_code == 200 and answer.json()["controller"] == "Red"
        bundled = client.get("/zones/at", params={"lat": 35.35, "lon": 40.2, "date": "2018-02-07"})
        assert bundled.status_code == 200 and bundled.json()["controller"]


def test_zones_at_a_point_outside_every_history_is_404(tmp_path):
    app = create_app(tmp_path / "events.geojson")
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/zones/at", params={"lat": 50.05, "lon": 30.15, "date": "2022-03-10"}).status_code == 404


def test_the_ogc_zone_collections_serve_the_history_files_too(tmp_path, history_files):
    # the same history as /zones: the made-up Red/Blue series and line series beside the bundled Syria data
    app = create_app(tmp_path / "events.geojson")
    with TestClient(app, raise_server_exceptions=False) as client:
        zones = client.get("/collections/control-zones/items",
                           params={"bbox": "30.12,50.02,30.18,50.08", "datetime": "2022-03-10", "limit": 100}).json()
        assert [(f["properties"]["id"], f["properties"]["controller"]) for f in zones["features"]] == [
            ("cell-1", "Red")]
        assert zones["numberMatched"] == 1
        assert {f["properties"]["origin"] for f in zones["features"]} == {"imported"}
        syria = client.get("/collections/control-zones/items",
                           params={"datetime": "2018-02-07", "bbox": "40,35,40.5,35.5", "limit": 100}).json()
        assert "Syrian government & allies" in {f["properties"]["controller"] for f in syria["features"]}
        one = zones["features"][0]["id"]
        assert one == zones["features"][0]["properties"]["state_id"] != "cell-1"  # unique per state, not per area
        assert client.get(f"/collections/control-zones/items/{one}").json()["properties"]["controller"] == "Red"
        queryables = client.get("/collections/control-zones/queryables").json()["properties"]
        assert "origin" in queryables
        lines = client.get("/collections/deconfliction-line/items", params={"limit": 100}).json()
        ids = [f["properties"]["id"] for f in lines["features"]]
        assert "deconfliction-euphrates" in ids and len(ids) > 1
        march = client.get("/collections/deconfliction-line/items",
                           params={"datetime": "2022-03-09", "limit": 100}).json()["features"]
        assert [(f["properties"]["valid_from"], f["properties"]["valid_to"]) for f in march] == [
            ("2022-03-08", "2022-03-14")]


def test_the_ogc_zone_collections_are_the_bundled_ones_without_history(tmp_path):
    app = create_app(tmp_path / "events.geojson")
    with TestClient(app, raise_server_exceptions=False) as client:
        zones = client.get("/collections/control-zones/items", params={"limit": 100}).json()
        assert zones["numberMatched"] == 8 and "origin" not in zones["features"][0]["properties"]


def test_the_events_map_draws_the_zones_of_the_served_history(tmp_path, history_files):
    app = create_app(tmp_path / "events.geojson")
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/maps/events.html", params={"date": "2022-03-10"})
        assert page.status_code == 200 and '"cell-1"' in page.text and '"Red"' in page.text
