"""Bulk loads of the PostGIS store (geo_events.store.postgis_bulk): COPY straight into the table, indexes
deferred and rebuilt, a killed load recovered, and ``migrate`` resumed over a half-copied destination."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Any

import pytest

psycopg = pytest.importorskip("psycopg", reason="the PostGIS driver is not installed (pip install '.[postgis]')")

import geo_events.store.postgis as postgis_module  # noqa: E402
from geo_events.query import EventQuery  # noqa: E402
from geo_events.store import open_store  # noqa: E402
from geo_events.store.postgis_bulk import defer_indexes, point_ewkb  # noqa: E402


def _indexes(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'events'")}


def _deferred(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM geo_events_deferred_indexes")]


def test_point_ewkb_is_what_postgis_builds_from_the_same_doubles(pg_url: str) -> None:
    lon, lat = 40.123456789012345, -0.1 + 0.2  # not exactly printable in few digits
    with psycopg.connect(pg_url) as conn:
        same, x, y = conn.execute(
            "SELECT %s::geometry = ST_SetSRID(ST_MakePoint(%s, %s), 4326) AND ST_SRID(%s::geometry) = 4326, "
            "ST_X(%s::geometry), ST_Y(%s::geometry)",
            (point_ewkb(lon, lat), lon, lat, point_ewkb(lon, lat), point_ewkb(lon, lat), point_ewkb(lon, lat)),
        ).fetchone()
    assert same and (x, y) == (lon, lat)


def test_new_ids_are_copied_straight_in_and_known_ones_upserted(pg_url: str, events_300: list[dict]) -> None:
    store = open_store(pg_url)
    try:
        assert store.upsert_many(events_300[:250]) == (250, 0)  # every id new: COPY into events
        changed = copy.deepcopy(events_300[:10])
        for feature in changed:
            feature["properties"].update(fatalities_low=99, fatalities_best=99, fatalities_high=99)
        assert store.upsert_many(changed + events_300[250:]) == (50, 10)  # mixed: staging + upsert
        assert len(store) == 300
        assert store.count(EventQuery(min_fatalities=99)) == 10
        lon, lat = events_300[260]["geometry"]["coordinates"]
        assert store.query(EventQuery(bbox=(lon - 1e-9, lat - 1e-9, lon + 1e-9, lat + 1e-9))).number_matched >= 1
        assert [f["id"] for f in store][:3] == [f["id"] for f in events_300[:3]]  # insertion order kept
    finally:
        store.close()


@pytest.fixture
def opened(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """An empty PostGIS store whose bulk loads defer from 100 events."""
    monkeypatch.setattr(postgis_module, "DEFER_FROM", 100)
    store = open_store(pg_url)
    yield store
    store.close()


def test_a_bulk_load_defers_the_indexes_and_rebuilds_every_one(opened: Any, events_300: list[dict]) -> None:
    before = _indexes(opened.url)
    with opened.bulk_load(len(events_300)):
        assert len(_indexes(opened.url)) == 2  # the primary key and seq: upserts by id keep working
        assert len(_deferred(opened.url)) == len(before) - 2
        opened.upsert_many(events_300)
        assert opened.count(EventQuery(event_type="Battles")) == 75  # right answers meanwhile
    assert _indexes(opened.url) == before and _deferred(opened.url) == []


def test_an_error_inside_a_bulk_load_still_rebuilds(opened: Any, events_120: list[dict]) -> None:
    before = _indexes(opened.url)
    with pytest.raises(KeyboardInterrupt), opened.bulk_load(len(events_120)):
        opened.upsert_many(events_120[:60])
        raise KeyboardInterrupt
    assert _indexes(opened.url) == before


def test_a_small_load_into_a_bigger_table_keeps_the_indexes(opened: Any, events_300: list[dict]) -> None:
    before = _indexes(opened.url)
    opened.upsert_many(events_300[:200])
    with opened.bulk_load(150):  # fewer than the table holds: rebuilding would cost more
        assert _indexes(opened.url) == before
        opened.upsert_many(events_300[200:])


def test_indexes_a_killed_load_left_out_are_rebuilt_by_db_upgrade(
    pg_url: str, events_120: list[dict], caplog: pytest.LogCaptureFixture
) -> None:
    from typer.testing import CliRunner

    from geo_events.cli import app

    before = _indexes(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        dropped = defer_indexes(conn)  # what a process killed in the middle of a bulk load leaves
    assert len(dropped) == len(before) - 2
    with caplog.at_level(logging.WARNING, logger="geo_events.store.postgis"):
        store = open_store(pg_url)
    store.close()
    assert "left out by an unfinished bulk load" in caplog.text and "db upgrade" in caplog.text
    done = CliRunner().invoke(app, ["db", "upgrade", "--store", pg_url, "--json"])
    assert done.exit_code == 0, done.output
    assert sorted(json.loads(done.stdout)["rebuilt_indexes"]) == sorted(dropped)
    assert _indexes(pg_url) == before and _deferred(pg_url) == []


def test_migrate_resumes_into_a_half_copied_database(
    tmp_path: Path, pg_url: str, events_300: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from geo_events.cli import app

    monkeypatch.setattr(postgis_module, "DEFER_FROM", 100)
    every_index = _indexes(pg_url)
    source = tmp_path / "events.geojson"
    file_store = open_store(source)
    file_store.upsert_many(events_300)
    file_store.compact()
    file_store.close()
    half = open_store(pg_url)
    half.upsert_many(events_300[:140])  # an earlier run copied these before it was stopped
    half.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        defer_indexes(conn)  # … and was killed with the indexes deferred
    assert len(_indexes(pg_url)) == 2
    done = CliRunner().invoke(app, ["migrate", "--from", str(source), "--to", pg_url, "--batch", "250", "--json"])
    assert done.exit_code == 0, done.output
    summary: dict[str, Any] = json.loads(done.stdout)
    assert summary["events"] == 300 and summary["verified"] is True
    assert _indexes(pg_url) == every_index and _deferred(pg_url) == []
    again = open_store(pg_url)
    try:
        assert len(again) == 300 and again.count(EventQuery(country="IRQ")) == 30
    finally:
        again.close()


def test_seeding_fills_places_zones_and_the_line(pg_url: str) -> None:
    from geo_events.store import seed_store

    store = seed_store(pg_url)
    try:
        again = store.load_reference_layers()  # seeding twice changes nothing
    finally:
        store.close()
    with psycopg.connect(pg_url) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("places", "zones", "deconfliction_line")}
        registered = dict(conn.execute(
            "SELECT f_table_name, srid FROM geometry_columns WHERE f_table_name IN "
            "('places', 'zones', 'deconfliction_line')"
        ).fetchall())
        baghuz = conn.execute(
            "SELECT valid_from::text, valid_to::text, GeometryType(geom) FROM zones WHERE id = 'zone-isis-baghuz'"
        ).fetchone()
        line = conn.execute("SELECT id, GeometryType(geom) FROM deconfliction_line").fetchall()
        on_day = conn.execute(
            "SELECT count(*) FROM zones WHERE valid_from <= '2018-06-01' AND coalesce(valid_to, 'infinity') >= '2018-06-01'"
        ).fetchone()[0]
    assert counts == again and counts["zones"] == 8 and counts["deconfliction_line"] == 1 and counts["places"] > 50
    assert registered == {"places": 4326, "zones": 4326, "deconfliction_line": 4326}
    assert baghuz == ("2019-01-24", "2019-03-23", "POLYGON")
    assert line == [("deconfliction-euphrates", "LINESTRING")]
    assert 0 < on_day < 8  # dated: the Baghuz and Susah pockets did not exist yet


def test_gdal_reads_the_reference_layers(pg_url: str) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    if "PostgreSQL" not in pyogrio.list_drivers():
        pytest.skip("this pyogrio's GDAL has no PostgreSQL driver (the wheel's does not; Debian's GDAL does)")
    from geo_events.store import seed_store

    seed_store(pg_url).close()
    info = psycopg.conninfo.conninfo_to_dict(pg_url)
    pg = f"PG:host={info['host']} port={info['port']} dbname={info['dbname']} user={info['user']}"
    zones = pyogrio.read_dataframe(pg, layer="zones")
    assert len(zones) == 8 and zones.crs.to_epsg() == 4326
    assert str(zones["valid_from"].dtype).startswith("datetime64")  # typed date columns, not text
    assert len(pyogrio.read_dataframe(pg, layer="deconfliction_line")) == 1
