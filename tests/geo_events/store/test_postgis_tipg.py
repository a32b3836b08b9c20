"""tipg (OGC API – Features over PostGIS) pointed at a geo-events database serves the ``events`` table.

tipg needs Python ≥ 3.12, so it runs from its own virtualenv (``python -m benchmarks.postgis_tipg
--setup``); without it these tests skip. Checked: the collection is listed, every stored event comes back
with its typed columns (dates, integers, doubles, jsonb as JSON), and bbox + datetime filters give the
same counts as the store.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("psycopg", reason="the PostGIS driver is not installed (pip install '.[postgis]')")

from benchmarks._http import Client  # noqa: E402
from benchmarks.postgis_tipg import COLLECTION, installed, tipg_server  # noqa: E402
from geo_events.store import open_store  # noqa: E402

pytestmark = pytest.mark.postgis


@pytest.fixture(scope="module")
def tipg_version() -> str:
    version = installed()
    if version is None:
        pytest.skip("tipg is not installed (python -m benchmarks.postgis_tipg --setup: Python 3.12 virtualenv)")
    return version


def _in_window(feature: dict, bbox: tuple[float, float, float, float], first: date, last: date) -> bool:
    lon, lat = feature["geometry"]["coordinates"][:2]
    day = date.fromisoformat(feature["properties"]["event_date"])
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3] and first <= day <= last


def test_tipg_serves_the_events_table_with_typed_columns(
    tipg_version: str, pg_url: str, seed_feature_collection: dict, events_120: list, tmp_path: Path
) -> None:
    features = [*seed_feature_collection["features"], *events_120]
    store = open_store(pg_url)
    try:
        store.upsert_many(features)
        store.maintain()
    finally:
        store.close()
    bbox, first, last = (39.0, 35.0, 42.0, 37.0), date(2019, 2, 1), date(2019, 6, 30)
    # tipg filters `datetime` on the table's first date column, event_date (not our week/month spans)
    in_window = sum(_in_window(f, bbox, first, last) for f in features)
    assert 0 < in_window < len(features)  # the window tells events apart

    with tipg_server(pg_url, tmp_path, start_timeout=120) as server:
        client = Client(server.port)
        try:
            listed, _ = client.get_json("/collections")
            assert COLLECTION in [c["id"] for c in listed["collections"]]

            body, _ = client.get_json(f"/collections/{COLLECTION}/items?limit=1000&sortby=id")
            assert body["numberMatched"] == len(features)
            served = {f["id"] if "id" in f else f["properties"]["id"]: f for f in body["features"]}
            expected = {f["properties"]["id"]: f for f in features}
            assert set(served) == set(expected)
            for fid, feature in served.items():
                props, want = feature["properties"], expected[fid]["properties"]
                assert props["event_date"] == want["event_date"]  # a date column, ISO text in JSON
                assert props["fatalities_best"] == want["fatalities_best"]
                assert isinstance(props["fatalities_best"], int)
                assert props["geo_precision"] == want["geo_precision"]
                assert props["claims"] == want["claims"]  # jsonb comes back as JSON, not a string
                assert props["sources"] == want["sources"]
                assert props["confidence"] == want["confidence"]
                assert feature["geometry"]["type"] == "Point"
                assert feature["geometry"]["coordinates"] == pytest.approx(
                    expected[fid]["geometry"]["coordinates"][:2]
                )

            # tipg's datetime end is exclusive: the day after the inclusive end of the window
            page, _ = client.get_json(
                f"/collections/{COLLECTION}/items?bbox={','.join(map(str, bbox))}"
                f"&datetime={first}T00:00:00Z/2019-07-01T00:00:00Z&limit=100"
            )
            assert page["numberMatched"] == in_window
            assert len(page["features"]) == in_window
        finally:
            client.close()
