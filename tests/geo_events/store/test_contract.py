"""One contract for every store backend (GeoJSON file, PostGIS): each method, each /events filter, paging,
sorting, merge and export round trips — with expected answers computed from the events themselves."""

from __future__ import annotations

import copy
import math
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

import orjson
import pytest

from geo_events.errors import EventNotFound, StoreError, ValidationFailed
from geo_events.merge import merge_event
from geo_events.query import EventQuery
from geo_events.store import EventStore, iter_matches, open_store, seed_store
from geo_events.store.base import ALL_FILTERS, ALL_ROWS
from geo_events.store.index import date_span


def _props(feature: dict[str, Any]) -> dict[str, Any]:
    return feature["properties"]


def _span(feature: dict[str, Any]) -> tuple[date, date]:
    p = _props(feature)
    return date_span(date.fromisoformat(p["event_date"]), p["date_precision"])


def _km(lat0: float, lon0: float, feature: dict[str, Any]) -> float:
    lon, lat = feature["geometry"]["coordinates"][:2]
    p1, p2 = math.radians(lat0), math.radians(lat)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - lon0) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


#: (query, what a matching event satisfies) for every filter of /events; each must keep some and drop some.
FILTERS: list[tuple[str, EventQuery, Callable[[dict[str, Any]], bool]]] = [
    ("bbox", EventQuery(bbox=(39.0, 35.0, 40.5, 36.2)),
     lambda f: 39.0 <= f["geometry"]["coordinates"][0] <= 40.5 and 35.0 <= f["geometry"]["coordinates"][1] <= 36.2),
    ("start", EventQuery(start=date(2019, 6, 1)), lambda f: _span(f)[1] >= date(2019, 6, 1)),
    ("end", EventQuery(end=date(2019, 3, 31)), lambda f: _span(f)[0] <= date(2019, 3, 31)),
    ("start+end (overlap of week/month spans)", EventQuery(start=date(2019, 2, 10), end=date(2019, 2, 20)),
     lambda f: _span(f)[1] >= date(2019, 2, 10) and _span(f)[0] <= date(2019, 2, 20)),
    ("event_type", EventQuery(event_type="Battles"), lambda f: _props(f)["event_type"] == "Battles"),
    ("sub_event_type", EventQuery(sub_event_type="Air/drone strike"),
     lambda f: _props(f)["sub_event_type"] == "Air/drone strike"),
    ("actor (any of actor1, actor2, assoc, case-insensitive)", EventQuery(actor="wagner"),
     lambda f: "Wagner Group" in _props(f)["assoc_actors"]),
    ("actor substring", EventQuery(actor="military forces"), lambda f: _props(f)["actor2"] is not None),
    ("country by name", EventQuery(country="iraq"), lambda f: _props(f)["country"] == "Iraq"),
    ("country by ISO3", EventQuery(country="SYR"), lambda f: _props(f)["iso3"] == "SYR"),
    ("admin1", EventQuery(admin1="raqqa"), lambda f: _props(f)["admin1"] == "Raqqa"),
    ("min_fatalities", EventQuery(min_fatalities=15), lambda f: _props(f)["fatalities_best"] >= 15),
    ("max_fatalities", EventQuery(max_fatalities=3), lambda f: _props(f)["fatalities_best"] <= 3),
    ("control_zone", EventQuery(control_zone="SDF & US-led coalition"), lambda f: _props(f)["control_zone"].startswith("SDF")),
    ("side_of_line", EventQuery(side_of_line="on_line"), lambda f: _props(f)["side_of_line"] == "on_line"),
    ("near", EventQuery(near=(35.3, 40.29), radius_km=80), lambda f: _km(35.3, 40.29, f) <= 80),
    ("q (free text, case-insensitive)", EventQuery(q="KHASHAM"), lambda f: "Khasham" in (_props(f)["notes"] or "")),
    ("q with LIKE characters", EventQuery(q="100%_"), lambda f: False),
    ("source (publisher)", EventQuery(source="reuters"), lambda f: _props(f)["sources"][0]["publisher"] == "Reuters"),
    ("source (url)", EventQuery(source="news.example/3/"), lambda f: _props(f)["sources"][0]["id"] == "src-3"),
    ("geo_precision", EventQuery(geo_precision=(1, 3)), lambda f: _props(f)["geo_precision"] in (1, 3)),
    ("date_precision", EventQuery(date_precision=("week", "month")),
     lambda f: _props(f)["date_precision"] in ("week", "month")),
    ("ids", EventQuery(ids=("evt-gen000003", "evt-gen000050", "evt-nope")),
     lambda f: f["id"] in ("evt-gen000003", "evt-gen000050")),
    ("extra: text property", EventQuery(extra={"location": "place 4"}), lambda f: _props(f)["location"] == "Place 4"),
    ("extra: null property matches empty", EventQuery(extra={"admin2": ""}), lambda f: _props(f)["admin2"] is None),
    ("extra: number", EventQuery(extra={"fatalities_best": "7"}), lambda f: _props(f)["fatalities_best"] == 7),
    ("extra: date and id", EventQuery(extra={"geocoder": "MANUAL", "date_precision": "week"}),
     lambda f: _props(f)["geocoder"] == "manual" and _props(f)["date_precision"] == "week"),
    ("combined", EventQuery(bbox=(38, 34, 42, 37), event_type="Battles", min_fatalities=5, side_of_line="west"),
     lambda f: _props(f)["event_type"] == "Battles" and _props(f)["fatalities_best"] >= 5
     and _props(f)["side_of_line"] == "west"),
]  # fmt: skip


@pytest.fixture
def filled(store: EventStore, events_120: list[dict[str, Any]]) -> EventStore:
    """The store holding the 120 generated events."""
    assert store.upsert_many(events_120) == (120, 0)
    store.maintain()
    return store


@pytest.fixture(scope="module", params=["geojson", "postgis"])
def readonly(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
             events_120: list[dict[str, Any]]) -> Any:
    """A store of each backend holding the 120 generated events, shared by the tests that only read."""
    if request.param == "geojson":
        opened, drop = open_store(tmp_path_factory.mktemp("ro") / "events.geojson"), None
    else:
        server = request.getfixturevalue("postgis_server")
        name = server.create_database()
        opened, drop = open_store(server.url_of(name)), lambda: server.drop_database(name)
    opened.upsert_many(events_120)
    opened.maintain()
    yield opened
    opened.close()
    if drop is not None:
        drop()


def _ids(raws: list[bytes]) -> list[str]:
    return [orjson.loads(r)["id"] for r in raws]


# ---------------------------------------------------------------------- the protocol itself
def test_every_backend_implements_the_protocol(store: EventStore) -> None:
    assert isinstance(store, EventStore)
    assert store.backend in ("geojson", "postgis")
    assert store.capabilities <= ALL_FILTERS and "bbox" in store.capabilities
    assert store.damage is None


def test_add_get_get_raw_delete(store: EventStore, events_120: list[dict[str, Any]]) -> None:
    first = events_120[0]
    assert len(store) == 0 and store.count() == 0
    store.add(first)
    assert store.get(first["id"]) == first
    assert orjson.loads(store.get_raw(first["id"])) == first
    with pytest.raises(StoreError, match="already exists"):
        store.add(first)
    store.delete(first["id"])
    assert len(store) == 0
    for call in (store.get, store.get_raw, store.delete):
        with pytest.raises(EventNotFound):
            call(first["id"])


def test_invalid_events_are_refused(store: EventStore, events_120: list[dict[str, Any]]) -> None:
    bad = copy.deepcopy(events_120[0])
    bad["properties"]["fatalities_low"] = 99  # low > best
    with pytest.raises(ValidationFailed):
        store.upsert(bad)
    assert len(store) == 0


def test_upsert_and_upsert_many_count_new_and_replaced(store: EventStore, events_120: list[dict[str, Any]]) -> None:
    a, b = events_120[0], events_120[1]
    assert store.upsert(a) is True
    changed = copy.deepcopy(a)
    changed["properties"]["notes"] = "replaced"
    assert store.upsert(changed) is False
    assert store.get(a["id"])["properties"]["notes"] == "replaced"
    later = copy.deepcopy(b)
    later["properties"]["fatalities_best"] = later["properties"]["fatalities_high"]
    assert store.upsert_many([b, a, later]) == (1, 2)  # b new; a and the second b replace
    assert store.get(b["id"]) == later
    assert store.upsert_many([]) == (0, 0)
    assert len(store) == 2


def test_bulk_upserts_count_and_keep_order(store: EventStore, events_300: list[dict[str, Any]]) -> None:
    """Large batches (the PostGIS store COPYs them) count, replace and order exactly as small ones."""
    assert store.upsert_many(events_300[:250]) == (250, 0)
    changed = copy.deepcopy(events_300[10])
    changed["properties"]["notes"] = "changed in bulk"
    batch = [*events_300[200:], changed, events_300[0]]  # 50 replaced, 50 new, 2 replaced
    assert store.upsert_many(batch) == (50, 52)
    assert [f["id"] for f in store] == [f["id"] for f in events_300]
    assert store.get(changed["id"]) == changed
    assert store.count(EventQuery(q="changed in bulk")) == 1


def test_iteration_is_in_insertion_order(store: EventStore, events_120: list[dict[str, Any]]) -> None:
    shuffled = events_120[::-1][:30]
    store.upsert_many(shuffled)
    store.upsert(shuffled[5])  # replacing keeps the place
    assert [f["id"] for f in store] == [f["id"] for f in shuffled]


def test_extent(store: EventStore, events_120: list[dict[str, Any]]) -> None:
    assert store.extent() == (None, None)
    store.upsert_many(events_120)
    lons = [f["geometry"]["coordinates"][0] for f in events_120]
    lats = [f["geometry"]["coordinates"][1] for f in events_120]
    days = [date.fromisoformat(_props(f)["event_date"]) for f in events_120]
    bbox, dates = store.extent()
    assert bbox == (min(lons), min(lats), max(lons), max(lats))
    assert dates == (min(days), max(days))


# ---------------------------------------------------------------------- filters, sort, paging
@pytest.mark.parametrize(("name", "query", "keep"), FILTERS, ids=[f[0] for f in FILTERS])
def test_each_filter(readonly: EventStore, events_120: list[dict[str, Any]], name: str, query: EventQuery,
                     keep: Callable[[dict[str, Any]], bool]) -> None:
    expected = [f["id"] for f in events_120 if keep(f)]
    if name != "q with LIKE characters":
        assert 0 < len(expected) < len(events_120), "the filter must keep some events and drop others"
    page = readonly.query(replace(query, sort="id", limit=1000))
    assert sorted(expected) == [f["id"] for f in page.features]
    assert page.number_matched == len(expected) == readonly.count(query)


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities", "id"])
def test_sort_orders_break_ties_by_insertion(readonly: EventStore, events_120: list[dict[str, Any]], sort: str) -> None:
    position = {f["id"]: i for i, f in enumerate(events_120)}
    field = {"date": "event_date", "fatalities": "fatalities_best"}.get(sort.lstrip("-"))

    def key(f: dict[str, Any]) -> tuple[Any, ...]:
        if field is None:
            return (f["id"],)
        value = _props(f)[field]
        if field == "event_date":
            value = date.fromisoformat(value).toordinal()
        return (-value if sort.startswith("-") else value, position[f["id"]])

    expected = [f["id"] for f in sorted(events_120, key=key)]
    assert [f["id"] for f in readonly.query(EventQuery(sort=sort, limit=1000)).features] == expected


def test_pages_cover_every_match_once(readonly: EventStore) -> None:
    query = EventQuery(event_type="Battles", sort="-fatalities", limit=7)
    whole = readonly.query(replace(query, limit=1000)).features
    seen: list[str] = []
    for offset in range(0, 40, 7):
        page = readonly.query(replace(query, offset=offset))
        assert page.number_matched == len(whole) == 30
        seen += [f["id"] for f in page.features]
    assert seen == [f["id"] for f in whole]
    beyond = readonly.query(replace(query, offset=500))
    assert beyond.number_returned == 0 and beyond.number_matched == 30


def test_iter_query_streams_the_page_in_chunks(readonly: EventStore) -> None:
    query = EventQuery(sort="date", offset=5, limit=50)
    chunks = list(readonly.iter_query(query, chunk=16))
    assert [len(c) for c in chunks] == [16, 16, 16, 2]
    assert [i for c in chunks for i in _ids(c)] == [f["id"] for f in readonly.query(query).features]
    everything = list(iter_matches(readonly, EventQuery(side_of_line="east")))
    assert len(everything) == readonly.count(EventQuery(side_of_line="east")) == 40


def test_to_geodataframe_ignores_paging(readonly: EventStore) -> None:
    gdf = readonly.to_geodataframe(EventQuery(event_type="Battles", limit=3, offset=2))
    assert len(gdf) == 30 and set(gdf["event_type"]) == {"Battles"}
    assert len(readonly.to_geodataframe()) == 120


def test_both_backends_answer_byte_for_byte_alike(tmp_path: Path, pg_url: str, events_120: list[dict]) -> None:
    """The same events and queries give the same bytes, counts and order on every backend."""
    stores = [open_store(tmp_path / "events.geojson"), open_store(pg_url)]
    try:
        for s in stores:
            s.upsert_many(events_120)
        for _, query, _ in FILTERS:
            for sort in ("-date", "fatalities"):
                answers = [s.query(replace(query, sort=sort, limit=25, offset=3)) for s in stores]
                assert answers[0].raw_features() == answers[1].raw_features()
                assert answers[0].number_matched == answers[1].number_matched
        assert stores[0].get_raw("evt-gen000042") == stores[1].get_raw("evt-gen000042")
        assert stores[0].extent() == stores[1].extent()
    finally:
        for s in stores:
            s.close()


# ---------------------------------------------------------------------- transactions and merge
def test_transaction_is_reentrant_and_sees_its_writes(store: EventStore, events_120: list[dict]) -> None:
    with store.transaction():
        store.upsert(events_120[0])
        with store.transaction():
            assert store.get(events_120[0]["id"]) == events_120[0]
            store.upsert(events_120[1])
        assert store.count() == 2
    assert len(store) == 2


def _report(feature: dict[str, Any], n: int) -> dict[str, Any]:
    """Another source's report of the same event (same place, day and type; its own claim)."""
    report = copy.deepcopy(feature)
    props = report["properties"]
    source = {"id": f"src-report-{n}", "publisher": f"Outlet {n}", "title": f"Report {n}", "url": None,
              "published": props["event_date"]}
    props["sources"] = [source]
    props["claims"] = [{"source_id": source["id"], "claimant": f"Outlet {n}", "kind": "killed", "low": n, "high": n,
                        "vague": False, "detail": None, "evidence": []}]
    props["fatalities_best"] = props["fatalities_low"] = props["fatalities_high"] = n
    return report


def test_merge_creates_then_merges_reports_of_one_event(store: EventStore, events_120: list[dict]) -> None:
    base = copy.deepcopy(events_120[4])
    base["properties"]["date_precision"] = "day"
    first_id, action = merge_event(store, _report(base, 1))
    assert action == "created"
    assert merge_event(store, _report(base, 2)) == (first_id, "merged")
    assert merge_event(store, _report(base, 2)) == (first_id, "unchanged")
    assert len(store) == 1
    merged = store.get(first_id)["properties"]
    assert {s["id"] for s in merged["sources"]} == {"src-report-1", "src-report-2"}
    elsewhere = _report(base, 3)
    elsewhere["geometry"]["coordinates"] = [20.0, 10.0]  # far away: another event, with a derived id
    other_id, action = merge_event(store, elsewhere)
    assert action == "created" and other_id != first_id and len(store) == 2


# ---------------------------------------------------------------------- seeding and export round trips
def test_seed_store_on_every_backend(store_target: str, seed_feature_collection: dict) -> None:
    seeded = seed_store(store_target)
    try:
        assert [f["id"] for f in seeded] == [f["id"] for f in seed_feature_collection["features"]]
        assert seeded.get(seed_feature_collection["features"][0]["id"]) == seed_feature_collection["features"][0]
    finally:
        seeded.close()


@pytest.mark.parametrize("fmt", ["geojson", "csv", "gpkg"])
def test_export_then_import_round_trip(filled: EventStore, store_target: str, tmp_path: Path, fmt: str,
                                       request: pytest.FixtureRequest) -> None:
    from geo_events.formats import read_events_file, write_events

    features = [orjson.loads(r) for r in iter_matches(filled, EventQuery(sort="id"))]
    path = write_events(features, tmp_path / f"out.{fmt}", fmt)
    back = read_events_file(path)
    assert len(back) == 120
    target = tmp_path / "again.geojson" if filled.backend == "geojson" else request.getfixturevalue("pg_url_2")
    again = open_store(target)
    try:
        assert again.upsert_many(back) == (120, 0)
        original = {f["id"]: f for f in features}
        for feature in again:
            if fmt == "geojson":
                assert feature == original[feature["id"]]
            else:  # flat formats keep every field an analyst filters on
                for key in ("event_date", "event_type", "fatalities_best", "admin1", "side_of_line", "iso3"):
                    assert _props(feature)[key] == _props(original[feature["id"]])[key]
        assert again.count(EventQuery(event_type="Battles")) == filled.count(EventQuery(event_type="Battles"))
    finally:
        again.close()


@pytest.fixture
def pg_url_2(postgis_server: Any) -> Any:
    """A second empty database (for round trips into another PostGIS store)."""
    name = postgis_server.create_database()
    try:
        yield postgis_server.url_of(name)
    finally:
        postgis_server.drop_database(name)


def test_all_rows_limit_means_every_match(readonly: EventStore) -> None:
    page = readonly.query(EventQuery(limit=ALL_ROWS, offset=100))
    assert page.number_returned == 20 and page.number_matched == 120


def test_local_path_names_the_file_or_none(store: EventStore, backend: str) -> None:
    if backend == "geojson":
        assert store.local_path is not None and store.local_path.suffix == ".geojson"
    else:
        assert store.local_path is None
    store.flush_when_idle(0)  # part of the protocol on every backend (a no-op on PostGIS)
    assert store.scrub() is None
