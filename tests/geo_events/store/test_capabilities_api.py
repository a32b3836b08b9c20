"""A backend that does not push ``property=value`` filters down (no "extra" in ``capabilities``) still gets
the same OGC answers: the API filters the streamed matches itself."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.store import ALL_FILTERS, GeoJSONFileStore


class _NoPropertyFilters(GeoJSONFileStore):
    capabilities = ALL_FILTERS - {"extra"}

    def query(self, query):  # type: ignore[no-untyped-def]
        assert not query.extra, "the API must not hand property filters to a store that cannot answer them"
        return super().query(query)


def test_property_filters_without_pushdown_answer_the_same(tmp_path: Path, events_120: list[dict]) -> None:
    bodies = []
    for cls in (GeoJSONFileStore, _NoPropertyFilters):
        store = cls(tmp_path / f"{cls.__name__}.geojson")
        store.upsert_many(events_120)
        app = create_app(store.path)
        app.state.store = store
        with TestClient(app, raise_server_exceptions=False) as client:
            r = client.get("/collections/events/items?location=Place%204&geocoder=manual&limit=3&offset=1")
            assert r.status_code == 200, r.text
            bodies.append(re.sub(rb'"timeStamp":"[^"]*"', b"", r.content))
    assert bodies[0] == bodies[1]
    assert b'"numberMatched":5' in bodies[0]
