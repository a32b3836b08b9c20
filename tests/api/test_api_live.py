"""Against a live ``geo-events serve`` (uvicorn in a subprocess on 127.0.0.1): HTTP and GDAL's OAPIF client.

The store holds the seed event plus 2,500 synthetic events, so GDAL has to page (it asks for 1,000 at a
time and follows ``next`` links) to read every feature.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pyogrio
import pytest

from geo_events.store import GeoJSONFileStore

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = 2500


@pytest.fixture(scope="module")
def live_events(synthetic_events) -> list[dict]:
    seed = json.loads((ROOT / "seeds" / "events.geojson").read_text(encoding="utf-8"))["features"]
    return [*seed, *synthetic_events(seed[0], SYNTHETIC)]


@pytest.fixture(scope="module")
def live(tmp_path_factory, live_events, live_server_class) -> Iterator:
    folder = tmp_path_factory.mktemp("live")
    store = GeoJSONFileStore(folder / "events.geojson")
    store.upsert_many(live_events)
    store.compact()
    server = live_server_class(folder / "events.geojson")
    # Build the static collections (the ~240,000 gazetteer places) once before GDAL's 30 s timeout applies.
    httpx.get(f"{server.url}/collections", timeout=300, trust_env=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def gdal_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep GDAL's HTTP client on 127.0.0.1: no proxies, short timeouts, no retries."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("GDAL_HTTP_TIMEOUT", "30")
    monkeypatch.setenv("GDAL_HTTP_MAX_RETRY", "0")
    monkeypatch.setenv("GDAL_HTTP_CONNECTTIMEOUT", "10")


def test_serve_prints_the_docs_and_map_urls(live):
    assert f"{live.url}/docs" in live.banner
    assert f"{live.url}/maps/events.html" in live.banner


def test_serve_answers_the_khasham_query(live):
    r = live.get("/events?bbox=40,34.5,41,35.5&start=2018-02-01&end=2018-02-28")
    assert r.status_code == 200
    features = r.json()["features"]
    assert [f["properties"]["location"] for f in features] == ["Khasham"]
    assert features[0]["properties"]["id"] == "evt-20c8fef169f3"


def test_live_errors_are_json(live):
    r = live.get("/events?bbox=1,2,3")
    assert r.status_code == 400 and r.json()["field"] == "bbox"
    assert live.get("/nowhere").json()["field"] is None


def test_gdal_lists_every_collection(live, gdal_offline):
    layers = {name for name, _ in pyogrio.list_layers(f"OAPIF:{live.url}")}
    assert layers == {"events", "control-zones", "deconfliction-line", "places", "place-lines", "place-areas"}


def test_gdal_types_each_gazetteer_layer_with_one_geometry_type(live, gdal_offline):
    """`places` declared Point but held LineStrings and Polygons (ogr2ogr warned, QGIS typed it wrong)."""
    expected = {"places": {"Point"}, "place-lines": {"MultiLineString"}, "place-areas": {"MultiPolygon"}}
    for layer, kinds in expected.items():
        served = live.get(f"/collections/{layer}/items", params={"limit": 10000}).json()
        if not served["features"]:
            pytest.skip("the gazetteer is not installed")
        assert {f["geometry"]["type"] for f in served["features"]} == kinds, layer
        info = pyogrio.read_info(f"OAPIF:{live.url}", layer=layer)
        assert info["geometry_type"] == next(iter(kinds)), layer


def test_gdal_reads_every_event_with_geometry_and_types(live, live_events, gdal_offline):
    frame = pyogrio.read_dataframe(f"OAPIF:{live.url}", layer="events")
    assert len(frame) == len(live_events) == SYNTHETIC + 1
    assert set(frame["id"]) == {e["id"] for e in live_events}
    expected = {e["id"]: e for e in live_events}
    for row in frame.sample(n=200, random_state=1).itertuples():
        lon, lat = expected[row.id]["geometry"]["coordinates"]
        assert (row.geometry.x, row.geometry.y) == pytest.approx((lon, lat))
        assert row.fatalities_best == expected[row.id]["properties"]["fatalities_best"]
        assert pd.Timestamp(row.event_date).date().isoformat() == expected[row.id]["properties"]["event_date"]
    assert set(frame.geometry.geom_type) == {"Point"}
    assert frame.crs is not None and "CRS84" in frame.crs.to_string()  # WGS 84, longitude first
    assert pd.api.types.is_integer_dtype(frame["fatalities_best"])
    assert pd.api.types.is_integer_dtype(frame["geo_precision"])
    assert pd.api.types.is_float_dtype(frame["confidence"])
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])


def test_gdal_bbox_read_matches_the_rest_answer(live, gdal_offline):
    bbox = (39.0, 34.5, 40.5, 35.5)
    frame = pyogrio.read_dataframe(f"OAPIF:{live.url}", layer="events", bbox=bbox)
    rest = live.get("/events", params={"bbox": ",".join(map(str, bbox)), "limit": 10000}).json()
    assert rest["numberMatched"] > 50
    assert set(frame["id"]) == {f["id"] for f in rest["features"]}


def test_gdal_reads_places_and_static_layers(live, gdal_offline):
    info = pyogrio.read_info(f"OAPIF:{live.url}", layer="places")
    fields = dict(zip(info["fields"], info["dtypes"], strict=True))
    if info["features"] == 0:
        pytest.skip("the gazetteer is not installed")
    assert fields["name"] == "object" and fields["lat"] == "float64"
    places = pyogrio.read_dataframe(f"OAPIF:{live.url}", layer="places", max_features=50)
    assert len(places) == 50 and places.geometry.notna().all()


def test_gdal_reads_zones_and_line_like_the_api_serves_them(live, gdal_offline):
    for layer, kinds in (
        ("control-zones", {"Polygon", "MultiPolygon"}),
        ("deconfliction-line", {"LineString", "MultiLineString"}),
    ):
        served = live.get(f"/collections/{layer}/items", params={"limit": 10000}).json()
        if served["numberMatched"] == 0:
            pytest.skip("control-zone data is not installed")
        frame = pyogrio.read_dataframe(f"OAPIF:{live.url}", layer=layer)
        assert len(frame) == served["numberMatched"]
        assert set(frame.geometry.geom_type) <= kinds
        assert set(frame["id"]) == {f["id"] for f in served["features"]}
        assert pd.api.types.is_datetime64_any_dtype(frame["valid_from"])


def test_gdal_attribute_and_date_filters(live, live_events, gdal_offline):
    frame = pyogrio.read_dataframe(
        f"OAPIF:{live.url}",
        layer="events",
        where="event_type = 'Battles' AND event_date >= '2019-01-01' AND event_date <= '2019-01-31'",
    )
    expected = {
        e["id"]
        for e in live_events
        if e["properties"]["event_type"] == "Battles"
        and "2019-01-01" <= e["properties"]["event_date"] <= "2019-01-31"
    }
    assert expected and set(frame["id"]) == expected


def test_docs_page_is_served_locally(live):
    page = live.get("/docs").text
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page and "cdn." not in page
    assert live.get("/static/swagger-ui/swagger-ui-bundle.js").status_code == 200


@pytest.mark.browser
def test_docs_render_offline_in_chromium(live):
    import shutil

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            outside: list[str] = []
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(live.url)
                    else (outside.append(route.request.url), route.abort())
                ),
            )
            page.goto(f"{live.url}/docs")
            page.wait_for_selector(".opblock-summary-path", timeout=20_000)
            paths = page.locator(".opblock-summary-path").all_inner_texts()
        finally:
            browser.close()
    assert outside == []
    assert any("/events" in p for p in paths) and any(
        "/collections/{collection_id}/items" in p for p in paths
    )


def test_gdal_reads_nested_fields_as_one_stable_string_type_with_nested_text(live, gdal_offline):
    """`assoc_actors` was a StringList or JSON depending on the first page: `nested=text` makes it a String."""
    info = pyogrio.read_info(f"OAPIF:{live.url}/collections/events?nested=text", layer="events")
    types = dict(zip(info["fields"], zip(info["ogr_types"], info["ogr_subtypes"], strict=True), strict=True))
    for name in ("claims", "sources", "assoc_actors"):
        assert types[name] == ("OFTString", "OFSTNone"), (name, types[name])
    frame = pyogrio.read_dataframe(f"OAPIF:{live.url}/collections/events?nested=text", layer="events",
                                   max_features=20)  # fmt: skip
    assert all(json.loads(value) is not None for value in frame["claims"])
