"""OGC API – Features: landing page, conformance, collections, queryables, items (bbox, datetime, filters,
sortby, CRS, paging), single features, and the OpenAPI document GDAL and QGIS read."""

from __future__ import annotations

import json

import pytest

from api.deps import HeavySlots
from api.ogc_support import parse_datetime, parse_sortby
from api.responses import CRS84
from api.static_data import MemoryCollection, geometry_bbox
from geo_events.errors import InvalidQuery
from geo_events.models import EventProperties
from geo_events.settings import get_settings

KHASHAM = "evt-20c8fef169f3"
COLLECTIONS = {"events", "control-zones", "deconfliction-line", "places", "place-lines", "place-areas"}


def rels(body: dict) -> dict[str, str]:
    return {link["rel"]: link["href"] for link in body["links"]}


def test_landing_page_links(client):
    r = client.get("/")
    assert r.status_code == 200
    links = rels(r.json())
    assert links["service-desc"].endswith("/openapi.json")
    assert links["service-doc"].endswith("/docs")
    assert links["conformance"].endswith("/conformance")
    assert links["data"].endswith("/collections")
    assert links["related"].endswith("/maps/events.html")  # the map router is installed
    assert client.get(links["service-desc"].replace("http://testserver", "")).status_code == 200


def test_conformance_declares_core_geojson_oas30(client):
    classes = client.get("/conformance").json()["conformsTo"]
    for part in ("core", "geojson", "oas30"):
        assert f"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{part}" in classes


def test_collections_list_all_four_with_extent(client):
    body = client.get("/collections").json()
    found = {c["id"]: c for c in body["collections"]}
    assert set(found) == COLLECTIONS
    events = found["events"]
    assert events["itemType"] == "feature"
    assert events["extent"]["spatial"]["bbox"] == [[40.28916, 35.30088, 40.28916, 35.30088]]
    assert events["extent"]["temporal"]["interval"] == [["2018-02-07T00:00:00Z", "2018-02-07T00:00:00Z"]]
    assert CRS84 in events["crs"]
    links = rels(events)
    assert links["items"].endswith("/collections/events/items")
    assert links["http://www.opengis.net/def/rel/ogc/1.0/queryables"].endswith("/queryables")


def test_one_collection_and_unknown_collection(client):
    assert client.get("/collections/places").json()["id"] == "places"
    r = client.get("/collections/nope")
    assert r.status_code == 404 and r.json()["field"] is None


def test_event_queryables_are_typed_json_schema(client):
    r = client.get("/collections/events/queryables")
    assert r.headers["content-type"].startswith("application/schema+json")
    props = r.json()["properties"]
    assert props["fatalities_best"]["type"] == "integer"
    assert props["event_date"] == {"type": "string", "format": "date", "title": "Event date",
                                   "description": EventProperties.model_fields["event_date"].description}
    assert "Battles" in props["event_type"]["enum"]


def test_event_schema_lists_every_property(client):
    props = client.get("/collections/events/schema").json()["properties"]
    assert {"claims", "sources", "confidence", "extracted_at", "geometry"} <= set(props)
    assert props["confidence"]["type"] == "number"


def test_items_page_shape(big_client):
    r = big_client.get("/collections/events/items?limit=10")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    assert r.headers["content-crs"] == f"<{CRS84}>"
    body = r.json()
    assert body["numberMatched"] == 301 and body["numberReturned"] == 10
    assert "next" in rels(body) and "prev" not in rels(body)
    assert all(f["id"] for f in body["features"])


def test_items_default_limit_is_ten(big_client):
    assert big_client.get("/collections/events/items").json()["numberReturned"] == 10


def test_items_follow_next_links_like_gdal(big_client):
    url, seen = "/collections/events/items?limit=100", []
    while url:
        body = big_client.get(url).json()
        seen += [f["id"] for f in body["features"]]
        url = rels(body).get("next", "").replace("http://testserver", "")
    assert len(seen) == 301 == len(set(seen))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-02-07", 1),
        ("2018-02-07T12:00:00Z", 1),
        ("2018-02-01/2018-02-28", 1),
        ("2018-02-01T00:00:00Z/2018-02-28T23:59:59Z", 1),
        ("../2018-02-07", 1),
        ("2018-02-07/..", 301),
        ("2018-02-08/..", 300),
        ("../2018-02-06", 0),
        ("../..", 301),
        ("2019-01-01/2019-01-10", 10),
    ],
)
def test_items_datetime_instants_and_intervals(big_client, value, expected):
    r = big_client.get("/collections/events/items", params={"datetime": value, "limit": 1000})
    assert r.status_code == 200, r.text
    assert r.json()["numberMatched"] == expected


def test_items_bbox_with_crs84_params_as_gdal_sends_them(client):
    r = client.get(
        "/collections/events/items",
        params={"bbox": "40,34.5,41,35.5", "bbox-crs": CRS84, "crs": CRS84, "limit": 1000},
    )
    assert r.status_code == 200 and [f["id"] for f in r.json()["features"]] == [KHASHAM]
    r = client.get("/collections/events/items", params={"bbox": "40,34.5,0,41,35.5,100"})
    assert r.json()["numberMatched"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"crs": "http://www.opengis.net/def/crs/EPSG/0/3857"}, "crs"),
        ({"bbox-crs": "EPSG:4326"}, "bbox-crs"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"datetime": "2018-03-01/2018-02-01"}, "datetime"),
        ({"datetime": "last week"}, "datetime"),
        ({"limit": 0}, "limit"),
        ({"limit": 10**9}, "limit"),
        ({"sortby": "-colour"}, "sortby"),
        ({"colour": "red"}, "colour"),
        ({"f": "html"}, "f"),
        ({"event_type": "Skirmish"}, "event_type"),
    ],
)
def test_items_bad_parameters(client, params, field):
    r = client.get("/collections/events/items", params=params)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field


def test_items_property_filters(big_client, synthetic_events, seed_feature_collection):
    events = synthetic_events(seed_feature_collection["features"][0], 300)
    wanted = [
        e for e in events if e["properties"]["location"] == "Place 5" and e["properties"]["actor1"] == "ISIS"
    ]
    r = big_client.get(
        "/collections/events/items", params={"location": "place 5", "actor1": "ISIS", "limit": 1000}
    )
    assert {f["id"] for f in r.json()["features"]} == {e["id"] for e in wanted} and wanted
    assert r.json()["numberMatched"] == len(wanted)
    r = big_client.get(
        "/collections/events/items", params={"event_type": "Battles", "geo_precision": "2", "limit": 1000}
    )
    expected = [
        e
        for e in events
        if e["properties"]["event_type"] == "Battles" and e["properties"]["geo_precision"] == 2
    ]
    assert r.json()["numberMatched"] == len(expected)


def test_items_post_filters_page_correctly(big_client):
    first = big_client.get("/collections/events/items", params={"actor1": "ISIS", "limit": 50}).json()
    second = big_client.get(
        "/collections/events/items", params={"actor1": "ISIS", "limit": 50, "offset": 50}
    ).json()
    assert first["numberMatched"] == 200
    assert not {f["id"] for f in first["features"]} & {f["id"] for f in second["features"]}
    assert "next" in rels(first) and "prev" in rels(second)


def test_items_rest_filters_work_on_events(big_client):
    r = big_client.get("/collections/events/items", params={"min_fatalities": 49, "limit": 100})
    assert r.json()["numberMatched"] == 7  # 6 synthetic with 49 + the seed event with 100


def test_items_sortby(big_client):
    body = big_client.get(
        "/collections/events/items", params={"sortby": "-fatalities_best", "limit": 5}
    ).json()
    assert [f["properties"]["fatalities_best"] for f in body["features"]] == [100, 49, 49, 49, 49]
    body = big_client.get("/collections/events/items", params={"sortby": "-event_date", "limit": 3}).json()
    dates = [f["properties"]["event_date"] for f in body["features"]]
    assert dates == sorted(dates, reverse=True)


def test_single_item_with_links(client):
    r = client.get(f"/collections/events/items/{KHASHAM}")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == KHASHAM and rels(body)["collection"].endswith("/collections/events")
    assert client.get("/collections/events/items/nope").status_code == 404
    assert client.get("/collections/places/items/nope").status_code == 404


def test_head_and_f_json(client):
    assert client.head("/collections/events/items").status_code == 200
    assert client.head("/collections").content == b""
    assert client.get("/collections?f=json").status_code == 200
    assert client.get("/?f=json").status_code == 200


def test_places_collection_from_gazetteer(client):
    body = client.get("/collections/places/items", params={"limit": 3}).json()
    if body["numberMatched"] == 0:
        pytest.skip("the gazetteer is not installed")
    feature = body["features"][0]
    assert {"name", "kind", "country", "lat", "lon"} <= set(feature["properties"])
    some_kind = feature["properties"]["kind"]
    filtered = client.get("/collections/places/items", params={"kind": some_kind, "limit": 5}).json()
    assert filtered["numberMatched"] >= 1
    assert {f["properties"]["kind"] for f in filtered["features"]} == {some_kind}


def test_openapi_declares_limit_maximum_and_describes_parameters(client):
    spec = client.get("/openapi.json").json()
    items = spec["paths"]["/collections/{collection_id}/items"]["get"]
    limit = next(p for p in items["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 10000 and limit["schema"]["minimum"] == 1
    undocumented = [
        (path, p["name"])
        for path, methods in spec["paths"].items()
        for operation in methods.values()
        for p in operation.get("parameters", [])
        if not p.get("description")
    ]
    assert undocumented == []
    events = spec["paths"]["/events"]["get"]
    assert "application/geo+json" in events["responses"]["200"]["content"]


# ------------------------------------------------------------------ helpers, without HTTP
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-02-07", ("2018-02-07", "2018-02-07")),
        ("../2018-02-07", (None, "2018-02-07")),
        ("2018-02-07/", ("2018-02-07", None)),
        ("2018-02-01T10:00:00+02:00/2018-02-03T00:00:00Z", ("2018-02-01", "2018-02-03")),
    ],
)
def test_parse_datetime(value, expected):
    start, end = parse_datetime(value)
    assert (start and start.isoformat(), end and end.isoformat()) == expected


def test_parse_sortby():
    assert parse_sortby("-a,+b,c", {"a", "b", "c"}) == [("a", True), ("b", False), ("c", False)]
    with pytest.raises(InvalidQuery):
        parse_sortby("z", {"a"})


def test_memory_collection_filters():
    zones = MemoryCollection(
        id="control-zones",
        title="t",
        description="d",
        temporal_keys=("valid_from", "valid_to"),
        features=[
            {"type": "Feature", "id": "a",
             "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 0]]]},
             "properties": {"controller": "ISIS", "valid_from": "2017-01-01", "valid_to": "2017-12-31"}},
            {"type": "Feature", "id": "b",
             "geometry": {"type": "Polygon", "coordinates": [[[5, 5], [6, 5], [6, 6], [5, 5]]]},
             "properties": {"controller": "Contested", "valid_from": "2018-01-01", "valid_to": None}},
        ],
    )  # fmt: skip
    assert zones.items(interval=(None, None))[0] == 2
    assert zones.items(interval=(parse_datetime("2018-06-01")))[0] == 1
    assert zones.items(interval=parse_datetime("2016-01-01/2017-01-01"))[0] == 1
    assert zones.items(bbox=(1, 1, 3, 3))[0] == 1
    assert zones.items(filters={"controller": "isis"})[0] == 1
    order = zones.items(sortby=[("controller", True)])[1]
    assert b'"ISIS"' in order[0]
    assert zones.extent() == ((0.0, 0.0, 6.0, 6.0), (parse_datetime("2017-01-01")[0], None))
    assert geometry_bbox({"type": "Point", "coordinates": [1, 2]}) == (1.0, 2.0, 1.0, 2.0)
    assert geometry_bbox(None) is None


def test_openapi_has_a_concrete_items_path_per_collection_with_queryables(client):
    spec = client.get("/openapi.json").json()
    for collection_id in COLLECTIONS:
        operation = spec["paths"][f"/collections/{collection_id}/items"]["get"]
        names = {p["name"] for p in operation["parameters"]}
        assert {"bbox", "datetime", "limit", "offset", "sortby"} <= names and "collection_id" not in names
        assert all(p.get("description") for p in operation["parameters"])
    events = {p["name"]: p for p in spec["paths"]["/collections/events/items"]["get"]["parameters"]}
    assert events["event_type"]["schema"]["enum"][0] == "Battles"
    assert events["fatalities_best"]["schema"]["type"] == "integer"
    assert events["limit"]["schema"]["maximum"] == 10000


@pytest.mark.parametrize("value", ['a"b', "Khushām", "back\\slash", "5"])
def test_items_filters_with_awkward_values_do_not_fail(big_client, value):
    r = big_client.get("/collections/events/items", params={"location": value})
    assert r.status_code == 200 and r.json()["numberMatched"] == 0


def test_openapi_parameters_of_our_routes_have_examples(client):
    spec = client.get("/openapi.json").json()
    missing = []
    for path, methods in spec["paths"].items():
        if path.startswith("/maps"):
            continue  # the map routes are documented by their own module
        for method, operation in methods.items():
            for p in operation.get("parameters", []):
                examples = p.get("example", p.get("examples", p["schema"].get("examples")))
                if examples in (None, []):
                    missing.append((method, path, p["name"]))
    assert missing == []


QGIS_AGENT = {"User-Agent": "Mozilla/5.0 QGIS/32216"}


def test_nested_fields_are_lists_by_default_and_json_text_for_qgis(client):
    """QGIS 3.22 reads a list of objects as NULL: it gets claims/sources/assoc_actors as JSON text."""
    plain = client.get("/collections/events/items")
    assert "User-Agent" in plain.headers["vary"]
    props = plain.json()["features"][0]["properties"]
    assert isinstance(props["claims"], list) and isinstance(props["assoc_actors"], list)
    for response in (client.get("/collections/events/items", headers=QGIS_AGENT),
                     client.get("/collections/events/items", params={"nested": "text"})):  # fmt: skip
        text = response.json()["features"][0]["properties"]
        for name in ("claims", "sources", "assoc_actors"):
            assert isinstance(text[name], str) and json.loads(text[name]) == props[name]
    forced = client.get("/collections/events/items", params={"nested": "json"}, headers=QGIS_AGENT)
    assert isinstance(forced.json()["features"][0]["properties"]["claims"], list)
    assert "User-Agent" not in forced.headers.get("vary", "")
    one = client.get(f"/collections/events/items/{props['id']}", headers=QGIS_AGENT).json()
    assert isinstance(one["properties"]["sources"], str)
    assert client.get("/collections/events/items", params={"nested": "yaml"}).status_code in (400, 422)


def test_empty_actor_lists_keep_the_string_type_for_qgis(client):
    text = client.get("/collections/events/items", headers=QGIS_AGENT).json()["features"]
    assert all(isinstance(f["properties"]["assoc_actors"], str) for f in text)


def test_gazetteer_collections_each_have_one_geometry_type(client):
    expected = {"places": ("Point", "geometry-point"), "place-lines": ("MultiLineString", "geometry-multilinestring"),
                "place-areas": ("MultiPolygon", "geometry-multipolygon")}  # fmt: skip
    for collection, (kind, schema_format) in expected.items():
        body = client.get(f"/collections/{collection}/items", params={"limit": 10000}).json()
        if not body["features"]:
            pytest.skip("the gazetteer is not installed")
        assert {f["geometry"]["type"] for f in body["features"]} == {kind}, collection
        assert all(isinstance(f["properties"]["population"], int) for f in body["features"])
        schema = client.get(f"/collections/{collection}/schema").json()
        assert schema["properties"]["geometry"]["format"] == schema_format
        assert "temporal" not in client.get(f"/collections/{collection}").json()["extent"]
    areas = client.get("/collections/place-areas/items", params={"limit": 10000}).json()["features"]
    point = client.get(f"/collections/places/items/{areas[0]['id']}").json()
    assert point["geometry"]["type"] == "Point" and point["properties"]["shape"] == "area"
    assert client.get("/collections/events/schema").json()["properties"]["geometry"]["format"] == "geometry-point"


def test_gdal_style_datetime_values_are_understood():
    """GDAL's OAPIF client sends `event_date >= A AND event_date <= B` as `datetime=AT/..&datetime=../BT`."""
    from datetime import date

    from api.ogc_support import parse_datetimes

    assert parse_datetime("2019-01-01T/..") == (date(2019, 1, 1), None)
    assert parse_datetimes(["2019-01-01T/..", "../2019-01-31T"]) == (date(2019, 1, 1), date(2019, 1, 31))
    assert parse_datetimes(["2019-01-01/2019-03-01", "2019-02-01/.."]) == (date(2019, 2, 1), date(2019, 3, 1))
    assert parse_datetimes([]) is None


def test_gdal_style_datetime_on_items(client):
    one = client.get("/collections/events/items", params={"datetime": "2018-02-07T/.."}).json()
    assert one["numberMatched"] == 1
    none = client.get("/collections/events/items", params={"datetime": "../2018-02-06T"}).json()
    assert none["numberMatched"] == 0


def test_fatalities_best_filter_follows_its_schema(client):
    bad = client.get("/collections/events/items", params={"fatalities_best": "-1"})
    assert bad.status_code == 400 and bad.json()["field"] == "fatalities_best"
    good = client.get("/collections/events/items", params={"fatalities_best": "100"})
    assert good.status_code == 200
    assert all(f["properties"]["fatalities_best"] == 100 for f in good.json()["features"])


@pytest.fixture
def heavy_limit_50(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GEO_EVENTS_HEAVY_LIMIT", "50")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("collection_id", ["events", "places"])
def test_large_items_pages_take_a_heavy_slot_and_give_it_back(big_client, heavy_limit_50, collection_id):
    url = f"/collections/{collection_id}/items"
    slots = big_client.app.state.heavy_slots = HeavySlots(1)
    release = slots.take()
    try:
        busy = big_client.get(url, params={"limit": 51})
        assert busy.status_code == 429
        assert int(busy.headers["Retry-After"]) > 0 and "busy" in busy.json()["detail"]
        assert big_client.get(url, params={"limit": 50}).status_code == 200  # small pages are never refused
    finally:
        release()
    assert big_client.get(url, params={"limit": 51, "bbox": "1,2,3"}).status_code == 400  # fails inside the slot
    page = big_client.get(url, params={"limit": 51})
    assert page.status_code == 200 and page.json()["numberReturned"] == 51  # every slot came back
    assert "429" in big_client.get("/openapi.json").json()["paths"][url]["get"]["responses"]


def test_control_zones_datetime_gives_the_zones_in_force_over_real_http(live_server_class, seed_store):
    from geo_events.zone_history import default_history

    history = default_history()
    server = live_server_class(seed_store.path)
    try:
        for day in ("2018-02-07", "2018-12-20", "2019-02-01"):
            page = server.get("/collections/control-zones/items", params={"datetime": day, "limit": 100}).json()
            expected = sorted(s.area_id for s in history.states_on(day))
            assert sorted(f["id"] for f in page["features"]) == expected and expected, day
        hajin_ends = "2018-12-14"  # zone-isis-hajin ends that day, zone-isis-susah starts the next
        interval = server.get("/collections/control-zones/items",
                              params={"datetime": f"{hajin_ends}/2018-12-15", "limit": 100}).json()
        ids = {f["id"] for f in interval["features"]}
        assert {"zone-isis-hajin", "zone-isis-susah"} <= ids
        before = server.get("/collections/control-zones/items", params={"datetime": "../2017-09-22"}).json()
        assert before["numberMatched"] == 0
        bad = server.get("/collections/control-zones/items", params={"datetime": "2018-02-30"})
        assert bad.status_code == 400 and bad.json()["field"] == "datetime"
    finally:
        server.close()
