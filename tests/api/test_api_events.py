"""/events: filters, paging links, one event, CSV and GeoPackage exports, delete with an API key."""

from __future__ import annotations

import csv
import io
from datetime import date

import pyogrio
import pytest

KHASHAM = "evt-20c8fef169f3"


def ids(response) -> list[str]:
    return [f["properties"]["id"] for f in response.json()["features"]]


def test_khasham_bbox_and_february_2018(client):
    r = client.get("/events", params={"bbox": "40,34.5,41,35.5", "start": "2018-02-01", "end": "2018-02-28"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection"
    assert ids(r) == [KHASHAM]
    assert body["numberMatched"] == 1 and body["numberReturned"] == 1
    assert body["features"][0]["properties"]["location"] == "Khasham"
    assert body["timeStamp"].endswith("Z")


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "41,34.5,42,35.5"},
        {"start": "2018-02-08"},
        {"end": "2018-02-06"},
        {"event_type": "Battles"},
        {"actor": "ISIS"},
        {"country": "IRQ"},
        {"min_fatalities": 101},
        {"max_fatalities": 99},
        {"side_of_line": "west"},
        {"near": "36.0,40.29", "radius_km": 10},
        {"q": "no such words anywhere"},
        {"geo_precision": "1"},
    ],
)
def test_filters_that_exclude_the_seed_event(client, params):
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    assert r.json()["numberMatched"] == 0 and ids(r) == []


@pytest.mark.parametrize(
    "params",
    [
        {"event_type": "explosions/remote violence"},
        {"sub_event_type": "Air/drone strike"},
        {"actor": "syrian democratic"},
        {"country": "SYR"},
        {"country": "Syria"},
        {"admin1": "Deir ez-Zor"},
        {"control_zone": "Syrian government & allies"},
        {"side_of_line": "east"},
        {"near": "35.30,40.29", "radius_km": 5},
        {"q": "Khasham"},
        {"source": "new arab"},
        {"geo_precision": "2,3"},
        {"min_fatalities": 100, "max_fatalities": 100},
    ],
)
def test_filters_that_keep_the_seed_event(client, params):
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    assert ids(r) == [KHASHAM]


def test_filters_agree_with_a_direct_computation(big_client, seed_feature_collection, synthetic_events):
    events = synthetic_events(seed_feature_collection["features"][0], 300)
    expected = {
        e["id"]
        for e in events
        if e["properties"]["event_type"] == "Battles"
        and e["properties"]["fatalities_best"] >= 20
        and "2019-03-01" <= e["properties"]["event_date"] <= "2019-12-31"
        and 39 <= e["geometry"]["coordinates"][0] <= 41
    }
    r = big_client.get(
        "/events",
        params={"event_type": "Battles", "min_fatalities": 20, "start": "2019-03-01", "end": "2019-12-31",
                "bbox": "39,30,41,40", "limit": 1000},
    )  # fmt: skip
    assert r.status_code == 200
    assert set(ids(r)) == expected and len(expected) > 5
    assert r.json()["numberMatched"] == len(expected)


def test_paging_follows_next_links_through_every_match(big_client):
    seen: list[str] = []
    url = "/events?limit=70&sort=date"
    pages = 0
    while url:
        r = big_client.get(url)
        assert r.status_code == 200
        body = r.json()
        assert body["numberMatched"] == 301
        seen += ids(r)
        links = {link["rel"]: link["href"] for link in body["links"]}
        assert "self" in links
        if pages > 0:
            assert "prev" in links
        url = links.get("next", "").replace("http://testserver", "")
        pages += 1
    assert pages == 5
    assert len(seen) == 301 and len(set(seen)) == 301


def test_last_page_has_no_next_and_first_has_no_prev(big_client):
    first = big_client.get("/events?limit=300").json()
    assert {link["rel"] for link in first["links"]} == {"self", "next"}
    last = big_client.get("/events?limit=300&offset=300").json()
    assert {link["rel"] for link in last["links"]} == {"self", "prev"}
    assert last["numberReturned"] == 1


def test_sort_by_fatalities_descending(big_client):
    features = big_client.get("/events?sort=-fatalities&limit=20").json()["features"]
    values = [f["properties"]["fatalities_best"] for f in features]
    assert values == sorted(values, reverse=True) and values[0] == 100


def test_sort_by_date(big_client):
    features = big_client.get("/events?sort=date&limit=50").json()["features"]
    dates = [f["properties"]["event_date"] for f in features]
    assert dates == sorted(dates) and dates[0] == "2018-02-07"


def test_get_one_event_and_unknown_id(client):
    r = client.get(f"/events/{KHASHAM}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    assert r.json()["geometry"]["coordinates"] == [40.28916, 35.30088]
    missing = client.get("/events/evt-000000000000")
    assert missing.status_code == 404
    assert missing.json()["detail"].startswith("no event")


def test_csv_export_uses_acled_columns_and_filters(big_client):
    r = big_client.get("/events.csv", params={"event_type": "Battles"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 75  # every Battles event, not only a first page of 100 or fewer
    assert {row["event_type"] for row in rows} == {"Battles"}
    header = r.text.splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert {"latitude", "longitude", "fatalities", "admin1"} <= set(header)


def test_csv_export_honours_an_explicit_limit(big_client):
    rows = list(csv.DictReader(io.StringIO(big_client.get("/events.csv?limit=7").text)))
    assert len(rows) == 7


def test_gpkg_export_is_a_readable_geopackage(client, tmp_path):
    r = client.get("/events.gpkg", params={"bbox": "40,34.5,41,35.5"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/geopackage+sqlite3"
    path = tmp_path / "out.gpkg"
    path.write_bytes(r.content)
    frame = pyogrio.read_dataframe(path, layer="events")
    assert list(frame["id"]) == [KHASHAM]
    assert frame.geometry.iloc[0].x == pytest.approx(40.28916)
    assert pyogrio.read_info(path, layer="events")["crs"] == "EPSG:4326"


def test_gpkg_export_of_no_events_still_answers(client):
    r = client.get("/events.gpkg", params={"start": "2030-01-01"})
    assert r.status_code == 200 and r.content.startswith(b"SQLite format 3")


def test_delete_needs_the_api_key(client, api_key):
    assert client.delete(f"/events/{KHASHAM}").status_code == 401
    assert client.delete(f"/events/{KHASHAM}", headers={"X-API-Key": "wrong"}).status_code == 403
    assert client.get(f"/events/{KHASHAM}").status_code == 200
    assert client.delete(f"/events/{KHASHAM}", headers={"X-API-Key": api_key}).status_code == 204
    assert client.get(f"/events/{KHASHAM}").status_code == 404


def test_writes_refused_when_no_key_is_configured(client, no_api_key):
    r = client.delete(f"/events/{KHASHAM}", headers={"X-API-Key": "anything"})
    assert r.status_code == 403
    assert "GEO_EVENTS_API_KEY" in r.json()["detail"] and r.json()["field"] == "X-API-Key"


def test_health_counts_events(big_client):
    body = big_client.get("/health").json()
    assert body["status"] == "ok" and body["events"] == 301


def test_cors_open_for_get(client):
    r = client.get("/events", headers={"Origin": "https://notebook.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = client.options(
        "/events", headers={"Origin": "https://x.example", "Access-Control-Request-Method": "GET"}
    )
    assert pre.status_code == 200 and "GET" in pre.headers["access-control-allow-methods"]


def test_head_answers_like_get_without_body(client):
    head = client.head("/events")
    get = client.get("/events")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/events/nope").status_code == 404


def test_dates_of_today_are_not_hardcoded(client):
    # the seed event is in the past: an open-ended start today matches nothing
    assert client.get("/events", params={"start": date.today().isoformat()}).json()["numberMatched"] == 0


def test_streamed_csv_equals_the_one_piece_export(seed_feature_collection, synthetic_events):
    import orjson

    from api.routers.events import csv_chunks
    from geo_events.formats import features_to_csv

    features = synthetic_events(seed_feature_collection["features"][0], 25)
    streamed = b"".join(csv_chunks([orjson.dumps(f) for f in features], chunk_size=7)).decode()
    assert streamed == features_to_csv(features)
    assert b"".join(csv_chunks([])).decode() == features_to_csv([])
