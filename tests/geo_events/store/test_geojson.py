"""GeoJSONFileStore: upserts, queries, persistence, journal/compaction, GDAL readability, crash safety."""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pyogrio
import pytest

from geo_events.errors import EventNotFound, StoreCorrupted, StoreError, ValidationFailed
from geo_events.query import EventQuery
from geo_events.store import GeoJSONFileStore, open_store


def make_event(i: int, *, lon: float = 40.0, lat: float = 35.0, day: str = "2018-02-07", **props: object) -> dict:
    base = {
        "id": f"evt-{i:05d}",
        "event_date": day,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Syrian Democratic Forces",
        "actor2": "ISIS",
        "location": f"Place {i}",
        "country": "Syria",
        "iso3": "SYR",
        "admin1": "Deir ez-Zor",
        "fatalities_best": i % 7,
        "fatalities_low": i % 7,
        "fatalities_high": i % 7,
    }
    base.update(props)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": base}


@pytest.fixture
def store(tmp_path: Path) -> GeoJSONFileStore:
    s = GeoJSONFileStore(tmp_path / "events.geojson", compact_every=0)
    s.upsert_many(
        [
            make_event(1, lon=40.29, lat=35.30, day="2018-02-07", fatalities_best=100, fatalities_high=100,
                       fatalities_low=40, actor1="US-led coalition", actor2="Pro-government forces",
                       event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
            make_event(2, lon=40.45, lat=35.02, day="2018-02-10", control_zone="Syrian government & allies",
                       side_of_line="west"),
            make_event(3, lon=43.13, lat=36.34, day="2017-07-10", country="Iraq", iso3="IRQ", admin1="Nineveh"),
            make_event(4, lon=40.92, lat=34.45, day="2019-03-20", sources=[
                {"id": "src-a", "publisher": "Example Wire", "url": "https://example.org/a"}]),
        ]
    )  # fmt: skip
    return s


def ids(result) -> list[str]:
    return [f["properties"]["id"] for f in result.features]


def test_get_count_iterate(store: GeoJSONFileStore) -> None:
    assert len(store) == 4 and store.count() == 4
    assert store.get("evt-00002")["properties"]["location"] == "Place 2"
    assert sorted(f["id"] for f in store) == ["evt-00001", "evt-00002", "evt-00003", "evt-00004"]
    with pytest.raises(EventNotFound):
        store.get("evt-nope")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(bbox=(40, 34.5, 41, 35.5)), ["evt-00001", "evt-00002"]),
        (EventQuery(bbox=(40, 34.4, 41, 35.5)), ["evt-00001", "evt-00002", "evt-00004"]),
        (EventQuery(start=date(2018, 2, 1), end=date(2018, 2, 28)), ["evt-00001", "evt-00002"]),
        (EventQuery(event_type="Explosions/Remote violence"), ["evt-00001"]),
        (EventQuery(sub_event_type="Armed clash", country="IRQ"), ["evt-00003"]),
        (EventQuery(country="syria"), ["evt-00001", "evt-00002", "evt-00004"]),
        (EventQuery(actor="coalition"), ["evt-00001"]),
        (EventQuery(actor="isis"), ["evt-00003", "evt-00002", "evt-00004"]),
        (EventQuery(min_fatalities=50), ["evt-00001"]),
        (EventQuery(max_fatalities=3), ["evt-00003", "evt-00002"]),
        (EventQuery(control_zone="Syrian government & allies", side_of_line="west"), ["evt-00002"]),
        (EventQuery(near=(35.30, 40.29), radius_km=5), ["evt-00001"]),
        (EventQuery(near=(35.30, 40.29), radius_km=40), ["evt-00001", "evt-00002"]),
        (EventQuery(q="place 4"), ["evt-00004"]),
        (EventQuery(source="example wire"), ["evt-00004"]),
        (EventQuery(admin1="nineveh"), ["evt-00003"]),
    ],
)
def test_filters(store: GeoJSONFileStore, query: EventQuery, expected: list[str]) -> None:
    result = store.query(query.validate())
    assert sorted(ids(result)) == sorted(expected)
    assert result.number_matched == len(expected)


def test_sort_and_paging(store: GeoJSONFileStore) -> None:
    by_date = ids(store.query(EventQuery(sort="date")))
    assert by_date == ["evt-00003", "evt-00001", "evt-00002", "evt-00004"]
    assert ids(store.query(EventQuery(sort="-date"))) == by_date[::-1]
    assert ids(store.query(EventQuery(sort="-fatalities")))[0] == "evt-00001"
    page = store.query(EventQuery(sort="date", limit=2, offset=1))
    assert ids(page) == by_date[1:3] and page.number_matched == 4 and page.number_returned == 2
    assert store.query(EventQuery(offset=10)).features == []


def test_upsert_replaces_and_keeps_count(store: GeoJSONFileStore) -> None:
    changed = make_event(2, lon=40.45, lat=35.02, location="Renamed")
    assert store.upsert(changed) is False
    assert len(store) == 4
    assert store.get("evt-00002")["properties"]["location"] == "Renamed"
    with pytest.raises(StoreError, match="already exists"):
        store.add(make_event(2))


def test_invalid_event_leaves_store_unchanged(store: GeoJSONFileStore, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    bad = make_event(9, event_date="2018-02-30")
    with pytest.raises(ValidationFailed, match="event_date"):
        store.upsert_many([make_event(8), bad])
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file() and p.name in before}
    assert after == before
    assert len(store) == 4


def test_persistence_across_processes_and_compaction(store: GeoJSONFileStore, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    journal = path.with_name(path.name + ".journal.geojsons")
    assert journal.read_bytes().count(b"\x1e") == 4  # appended, not rewritten
    reopened = GeoJSONFileStore(path)
    assert len(reopened) == 4
    other = GeoJSONFileStore(path)
    other.upsert(make_event(5))
    assert len(store) == 5  # the first handle sees the other writer's event
    store.delete("evt-00001")
    assert len(other) == 4
    store.compact()
    assert journal.read_bytes() == b""
    assert len(GeoJSONFileStore(path)) == 4
    other.upsert(make_event(6))  # another handle keeps working after compaction
    assert len(GeoJSONFileStore(path)) == 5


def test_snapshot_is_rfc7946_that_gdal_reads_typed(store: GeoJSONFileStore, tmp_path: Path) -> None:
    store.compact()
    path = tmp_path / "events.geojson"
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 4
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["dtypes"]))
    assert types["fatalities_best"] == "int32"
    assert types["event_date"] == "datetime64[D]"
    frame = pyogrio.read_dataframe(path)
    assert set(frame["id"]) == {"evt-00001", "evt-00002", "evt-00003", "evt-00004"}
    assert frame.crs.to_epsg() == 4326


def test_torn_journal_tail_is_ignored_then_cut(store: GeoJSONFileStore, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    journal = path.with_name(path.name + ".journal.geojsons")
    with open(journal, "ab") as fh:
        fh.write(b'\x1e{"type":"Feature","geometry":{"type":"Po')  # killed mid-write: never acknowledged
    reopened = GeoJSONFileStore(path)
    assert len(reopened) == 4 and reopened.torn_tail
    reopened.upsert(make_event(7))
    assert len(GeoJSONFileStore(path)) == 5
    assert not GeoJSONFileStore(path).torn_tail


def test_damage_in_the_middle_is_reported_with_the_fix(store: GeoJSONFileStore, tmp_path: Path) -> None:
    journal = tmp_path / "events.geojson.journal.geojsons"
    data = journal.read_bytes()
    journal.write_bytes(data[:30] + b"#garbage#" + data[40:])
    with pytest.raises(StoreCorrupted, match="store check --repair"):
        GeoJSONFileStore(tmp_path / "events.geojson")


def test_truncated_snapshot_is_reported(store: GeoJSONFileStore, tmp_path: Path) -> None:
    store.compact()
    path = tmp_path / "events.geojson"
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(StoreCorrupted, match="store check --repair"):
        GeoJSONFileStore(path)


def test_geodataframe_round_trip(store: GeoJSONFileStore, tmp_path: Path) -> None:
    gdf = store.to_geodataframe()
    assert len(gdf) == 4 and gdf.crs.to_epsg() == 4326
    assert gdf.set_index("id").loc["evt-00001", "geometry"].x == pytest.approx(40.29)
    copy_store = GeoJSONFileStore.from_geodataframe(gdf, tmp_path / "copy.geojson")
    assert {f["id"]: f for f in copy_store} == {f["id"]: f for f in store}
    filtered = store.to_geodataframe(EventQuery(country="IRQ"))
    assert list(filtered["id"]) == ["evt-00003"]


def test_open_store_default_is_seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo_events.settings import get_settings

    monkeypatch.setenv("GEO_EVENTS_STORE", str(tmp_path / "default" / "events.geojson"))
    get_settings.cache_clear()
    try:
        opened = open_store()
        assert len(opened) == 1
        assert next(iter(opened))["properties"]["location"] == "Khasham"
    finally:
        get_settings.cache_clear()


WRITER = textwrap.dedent(
    """
    import sys
    from geo_events.store import GeoJSONFileStore
    sys.path.insert(0, sys.argv[2])
    from test_geojson import make_event
    store = GeoJSONFileStore(sys.argv[1], compact_every=25)
    for i in range(100000):
        store.upsert(make_event(i))
        print(f"evt-{i:05d}", flush=True)
    """
)


def test_writer_killed_mid_write_loses_no_acknowledged_event(tmp_path: Path) -> None:
    """Kill a writer (SIGKILL) several times while it writes; the store opens and holds every acked event."""
    import random
    import select

    path = tmp_path / "events.geojson"
    here = str(Path(__file__).parent)
    acknowledged: set[str] = set()
    rng = random.Random(7)
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), here], stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": here},
        )  # fmt: skip
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        seen = 0
        while seen < 5 and time.monotonic() < deadline:  # wait until it is really writing
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            if ready:
                line = proc.stdout.readline()
                if not line:
                    break
                acknowledged.add(line.strip())
                seen += 1
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged.update(out.split())
        assert seen == 5, "the writer never started writing"
        store = GeoJSONFileStore(path)
        stored = {f["id"] for f in store}
        assert acknowledged <= stored, sorted(acknowledged - stored)[:5]
    json.loads(path.read_text())  # the snapshot is always whole JSON


def test_deepcopy_safety(store: GeoJSONFileStore) -> None:
    """Features handed out are copies: mutating them never changes the store."""
    feature = store.get("evt-00001")
    mutated = copy.deepcopy(feature)
    feature["properties"]["location"] = "changed"
    assert store.get("evt-00001") == mutated


def test_saved_columns_speed_reopen_and_stale_ones_are_ignored(store: GeoJSONFileStore, tmp_path: Path) -> None:
    store.compact()
    path = tmp_path / "events.geojson"
    sidecar = path.with_name("events.geojson.idx")
    assert sidecar.exists()
    reopened = GeoJSONFileStore(path)
    assert {f["id"]: f for f in reopened} == {f["id"]: f for f in store}
    assert reopened.query(EventQuery(actor="coalition")).number_matched == 1
    # An outside edit (e.g. QGIS) changes the snapshot: the saved columns no longer match and are rebuilt.
    data = json.loads(path.read_text())
    data["features"] = [f for f in data["features"] if f["id"] != "evt-00001"]
    path.write_text(json.dumps(data))
    edited = GeoJSONFileStore(path)
    assert len(edited) == 3 and edited.query(EventQuery(actor="coalition")).number_matched == 0
    # A damaged sidecar is ignored too.
    edited.compact()
    sidecar.write_bytes(b"not an npz")
    assert len(GeoJSONFileStore(path)) == 3


def test_date_filters_match_by_overlap_with_the_date_precision(tmp_path: Path) -> None:
    """An event known only to its week or month matches any date range that overlaps that week or month."""
    s = GeoJSONFileStore(tmp_path / "events.geojson")
    s.upsert_many(
        [
            make_event(1, day="2018-02-07", date_precision="day"),
            make_event(2, day="2018-02-07", date_precision="week"),  # Wed: ISO week Mon 5 – Sun 11 Feb
            make_event(3, day="2018-02-15", date_precision="month"),  # 1 – 28 Feb 2018
        ]
    )

    def matched(start: str, end: str) -> list[str]:
        q = EventQuery(start=date.fromisoformat(start), end=date.fromisoformat(end)).validate()
        return sorted(ids(s.query(q)))

    assert matched("2018-02-07", "2018-02-07") == ["evt-00001", "evt-00002", "evt-00003"]
    assert matched("2018-02-10", "2018-02-12") == ["evt-00002", "evt-00003"]
    assert matched("2018-02-12", "2018-02-28") == ["evt-00003"]
    assert matched("2018-03-01", "2018-03-31") == []
    assert matched("2018-01-01", "2018-02-04") == ["evt-00003"]  # 1–4 Feb lie in its month
    assert matched("2018-01-01", "2018-01-31") == []
    s.compact()  # the saved columns keep the spans
    reopened = GeoJSONFileStore(tmp_path / "events.geojson")
    assert reopened.count(EventQuery(start=date(2018, 2, 10), end=date(2018, 2, 12))) == 2
