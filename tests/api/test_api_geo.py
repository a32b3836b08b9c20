"""/geocode, /reverse, /zones, /zones/at and /deconfliction-line: the real offline data, and a fake for the
HTTP contract (parameters passed through, 404 and 503 answers)."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from api.routers.geo import geocoder_service, zones_service

RECORD_FIELDS = {"name", "lat", "lon", "kind", "admin1", "country", "score", "id", "control_zone"}
needs_geocoder = pytest.mark.skipif(
    importlib.util.find_spec("geo_events.geocoder") is None, reason="geo_events.geocoder not installed"
)
needs_zones = pytest.mark.skipif(
    importlib.util.find_spec("geo_events.zones") is None, reason="geo_events.zones not installed"
)


class FakeGeocoder:
    """Records calls; stands in for geo_events.geocoder to test only the HTTP layer."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def geocode_record(self, query, date=None, country=None):
        """Answer any name except 'nowhere'."""
        self.calls.append(("geocode", query, date, country))
        if query == "nowhere":
            return None
        return {"name": query, "lat": 1.0, "lon": 2.0, "kind": "town", "admin1": None, "country": "SY",
                "score": 90.0, "id": "ge:x", "control_zone": None}  # fmt: skip

    def reverse_record(self, lat, lon, date=None):
        """Answer a fixed place at the point."""
        self.calls.append(("reverse", lat, lon, date))
        return {"name": "Here", "lat": lat, "lon": lon, "kind": "town", "admin1": None, "country": "SY",
                "score": 50.0, "id": "ge:y", "control_zone": None}  # fmt: skip


class Missing:
    """Behaves like a library part that is not installed."""

    def __getattr__(self, name):
        from api.errors import ServiceUnavailable

        raise ServiceUnavailable("the offline geocoder is not available on this server")


def test_fake_geocoder_receives_parsed_parameters(app, client):
    fake = FakeGeocoder()
    app.dependency_overrides[geocoder_service] = lambda: fake
    r = client.get("/geocode", params={"q": "Deir Ezzor", "date": "2018-02-07", "country": "SY"})
    assert r.status_code == 200 and r.json()["name"] == "Deir Ezzor"
    assert fake.calls == [("geocode", "Deir Ezzor", date(2018, 2, 7), "SY")]
    r = client.get("/geocode", params={"q": "nowhere"})
    assert r.status_code == 404 and r.json()["field"] == "q"
    r = client.get("/reverse", params={"lat": 35.3, "lon": 40.29})
    assert r.json()["lat"] == 35.3 and fake.calls[-1] == ("reverse", 35.3, 40.29, None)


def test_missing_parts_answer_503(app, client):
    app.dependency_overrides[geocoder_service] = lambda: Missing()
    r = client.get("/geocode", params={"q": "Khasham"})
    assert r.status_code == 503 and "not available" in r.json()["detail"]
    assert client.get("/reverse?lat=91&lon=0").status_code == 400  # bad input still reported first


@needs_geocoder
def test_geocode_real_deir_ezzor(client):
    r = client.get("/geocode", params={"q": "Deir Ezzor", "date": "2018-02-07"})
    assert r.status_code == 200
    body = r.json()
    assert RECORD_FIELDS <= set(body)
    assert body["admin1"] == "Deir ez-Zor" and body["country"] == "SY"
    assert body["lat"] == pytest.approx(35.33, abs=0.1) and body["lon"] == pytest.approx(40.14, abs=0.1)


@needs_geocoder
def test_geocode_same_fields_as_the_library(client):
    from geo_events.geocoder import geocode_record

    expected = geocode_record("Khasham", date=date(2018, 2, 7))
    assert client.get("/geocode", params={"q": "Khasham", "date": "2018-02-07"}).json() == expected


@needs_geocoder
def test_geocode_unusable_query_is_400(client):
    r = client.get("/geocode", params={"q": "\x00\x01"})
    assert r.status_code == 400 and r.json()["field"] == "q"
    assert client.get("/geocode", params={"q": "qqqzzzxxy"}).status_code == 404


@needs_geocoder
def test_reverse_real_point_near_khasham(client):
    r = client.get("/reverse", params={"lat": 35.3, "lon": 40.29, "date": "2018-02-07"})
    assert r.status_code == 200
    body = r.json()
    assert RECORD_FIELDS <= set(body) and body["admin1"] == "Deir ez-Zor"


@needs_zones
def test_zones_on_a_day_are_dated_polygons(client):
    r = client.get("/zones", params={"date": "2018-02-07"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    features = r.json()["features"]
    assert features
    for feature in features:
        props = feature["properties"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert props["valid_from"] <= "2018-02-07" and (
            props["valid_to"] is None or props["valid_to"] >= "2018-02-07"
        )
        assert props["controller"] in {
            "Syrian government & allies", "SDF & US-led coalition", "ISIS", "Turkey & TFSA",
            "Syrian opposition", "Contested",
        }  # fmt: skip


@needs_zones
def test_zone_at_khasham_and_line(client):
    r = client.get("/zones/at", params={"lat": 35.30088, "lon": 40.28916, "date": "2018-02-07"})
    assert r.status_code == 200
    assert r.json()["controller"] == "Syrian government & allies" and r.json()["side_of_line"] == "east"
    line = client.get("/deconfliction-line", params={"date": "2018-02-07"}).json()
    assert [f["geometry"]["type"] for f in line["features"]] in (["LineString"], ["MultiLineString"])


@needs_zones
def test_zones_bad_date(client):
    r = client.get("/zones", params={"date": "2018-02-31"})
    assert r.status_code == 400 and r.json()["field"] == "date"


def test_fake_zones(app, client):
    class FakeZones:
        def zones_on(self, day):
            return {"type": "FeatureCollection", "features": [], "day": day.isoformat()}

        def zone_at(self, point, day):
            return None

    app.dependency_overrides[zones_service] = lambda: FakeZones()
    assert client.get("/zones?date=2018-02-07").json()["day"] == "2018-02-07"
    missing = client.get("/zones")  # no date: refused (it used to answer today's zones, silently empty)
    assert missing.status_code == 400 and missing.json()["field"] == "date"
    r = client.get("/zones/at?lat=1&lon=1&date=2018-02-07")
    assert r.status_code == 404
