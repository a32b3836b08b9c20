"""The /events filters generated from ``geo_events.filters.FILTERS``: every row is a documented parameter, and
the ``date_precision`` filter (added as one row) works on /events, its exports and the OGC items."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.filters import FILTERS
from geo_events.store import GeoJSONFileStore

PRECISIONS = ("day", "week", "month")


@pytest.fixture
def mixed(tmp_path: Path, seed_feature_collection: dict, synthetic_events) -> Iterator[tuple[TestClient, list[dict]]]:
    """A client on 90 events whose date precision cycles through day, week and month."""
    events = synthetic_events(seed_feature_collection["features"][0], 90)
    for i, feature in enumerate(events):
        feature["properties"]["date_precision"] = PRECISIONS[i % 3]
    store = GeoJSONFileStore(tmp_path / "mixed.geojson")
    store.upsert_many(events)
    application = create_app(store.path)
    application.state.store = store
    with TestClient(application, raise_server_exceptions=False) as client:
        yield client, events


def _ids(body: dict) -> list[str]:
    return sorted(f["id"] for f in body["features"])


def test_every_row_is_a_documented_events_parameter(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    parameters = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    for row in FILTERS:
        assert parameters[row.name]["description"] == row.description
        assert parameters[row.name]["schema"]["examples"] == [row.example]


@pytest.mark.parametrize("wanted", ["week", "day,month"])
def test_date_precision_on_events(mixed, wanted: str) -> None:
    client, events = mixed
    keep = set(wanted.split(","))
    expected = sorted(f["id"] for f in events if f["properties"]["date_precision"] in keep)
    r = client.get("/events", params={"date_precision": wanted, "limit": 1000})
    assert r.status_code == 200, r.text
    assert _ids(r.json()) == expected and r.json()["numberMatched"] == len(expected)
    assert 0 < len(expected) < len(events)


def test_date_precision_with_other_filters_and_in_the_csv(mixed) -> None:
    client, events = mixed
    expected = [f for f in events if f["properties"]["date_precision"] == "month"
                and f["properties"]["event_type"] == "Battles"]  # fmt: skip
    r = client.get("/events", params={"date_precision": "month", "event_type": "Battles", "limit": 1000})
    assert _ids(r.json()) == sorted(f["id"] for f in expected)
    csv = client.get("/events.csv", params={"date_precision": "month", "event_type": "Battles"})
    assert csv.status_code == 200
    assert len(csv.text.strip().splitlines()) == len(expected) + 1  # header + one row per event


def test_a_bad_date_precision_is_a_400_naming_the_field(mixed) -> None:
    client, _ = mixed
    r = client.get("/events", params={"date_precision": "hour"})
    assert r.status_code == 400
    assert r.json()["field"] == "date_precision" and "day, week or month" in r.json()["detail"]


def test_date_precision_on_the_ogc_items(mixed) -> None:
    client, events = mixed
    expected = sorted(f["id"] for f in events if f["properties"]["date_precision"] in ("week", "month"))
    r = client.get("/collections/events/items", params={"date_precision": "week,month", "limit": 1000})
    assert r.status_code == 200, r.text
    assert _ids(r.json()) == expected
    assert client.get("/collections/events/items", params={"date_precision": "year"}).status_code == 400


@pytest.mark.parametrize("row", FILTERS, ids=[f.name for f in FILTERS])
def test_every_example_is_accepted_by_events(client: TestClient, row) -> None:
    r = client.get("/events", params={row.name: str(row.example)})
    assert r.status_code == 200, r.text
