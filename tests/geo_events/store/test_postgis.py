"""PostGISStore on a real throw-away server: schema and migrations, what GDAL sees, errors that say how to
fix them, recovery after an outage, and concurrent merges from several processes."""

from __future__ import annotations

import copy
import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

psycopg = pytest.importorskip("psycopg", reason="the PostGIS driver is not installed (pip install '.[postgis]')")

from geo_events.errors import SchemaMismatch, StoreError, StoreUnavailable  # noqa: E402
from geo_events.query import EventQuery  # noqa: E402
from geo_events.store import open_store  # noqa: E402
from geo_events.store.migrations import LATEST, current_version, upgrade  # noqa: E402
from geo_events.store.postgis import PostGISStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("geo-events")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "geo_events.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_schema_is_typed_indexed_and_versioned(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert current_version(conn) == LATEST
        columns = dict(conn.execute(
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = 'events'"
        ).fetchall())
        geometry = conn.execute("SELECT type, srid FROM geometry_columns WHERE f_table_name = 'events'").fetchone()
        indexes = {r[0] for r in conn.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'events'")}
    assert geometry == ("GEOMETRY", 4326)
    assert columns["event_date"] == "date" and columns["fatalities_best"] == "int4"
    assert columns["geo_precision"] == "int2" and columns["confidence"] == "float8"
    assert columns["claims"] == columns["sources"] == columns["assoc_actors"] == "jsonb"
    assert columns["extracted_at"] == "timestamptz"
    assert any("USING gist (geom)" in i for i in indexes)
    assert any("(event_date, seq)" in i for i in indexes)
    assert any("lower(event_type)" in i for i in indexes)
    assert any("gin_trgm_ops" in i for i in indexes)


def test_a_fresh_database_gets_the_schema_on_first_open(postgis_server: Any) -> None:
    name = postgis_server.create_database(migrated=False)
    try:
        url = postgis_server.url_of(name)
        store = open_store(url)
        store.close()
        with psycopg.connect(url) as conn:
            assert current_version(conn) == LATEST
    finally:
        postgis_server.drop_database(name)


def test_an_older_schema_is_refused_until_db_upgrade(postgis_server: Any, seed_feature_collection: dict) -> None:
    name = postgis_server.create_database(migrated=False)
    url = postgis_server.url_of(name)
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            upgrade(conn, target=1)
        with pytest.raises(SchemaMismatch, match="schema version 1.*geo-events db upgrade"):
            open_store(url)
        behind = _cli("db", "status", "--store", url)
        assert behind.returncode == 1 and "run `geo-events db upgrade" in behind.stdout
        done = _cli("db", "upgrade", "--store", url, "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["applied"] == list(range(2, LATEST + 1))
        again = _cli("db", "upgrade", "--store", url)
        assert again.returncode == 0 and "up to date" in again.stdout
        store = open_store(url)
        store.upsert_many(seed_feature_collection["features"])
        assert len(store) == 1
        store.close()
    finally:
        postgis_server.drop_database(name)


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO geo_events_schema (version, name) VALUES (%s, 'from the future')", (LATEST + 1,))
    with pytest.raises(SchemaMismatch, match="newer than this geo-events"):
        open_store(pg_url)


def test_missing_postgis_extension_says_how_to_add_it(postgis_server: Any) -> None:
    role = f"plain_{os.getpid()}"
    with postgis_server.admin() as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
    name = postgis_server.create_database(migrated=False, owner=role)
    try:
        with pytest.raises(SchemaMismatch, match="lacks the PostGIS extension.*CREATE EXTENSION postgis"):
            open_store(postgis_server.url_of(name, user=role))
        failed = _cli("store", "info", "--store", postgis_server.url_of(name, user=role))
        assert failed.returncode != 0
        assert failed.stderr.count("\n") == 1 and "CREATE EXTENSION postgis" in failed.stderr
    finally:
        postgis_server.drop_database(name)
        with postgis_server.admin() as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://db.example/events", "unknown store URL scheme 'mysql'"),
        ("postgresql://postgres@127.0.0.1:{port}/geo_events", "cannot reach the PostGIS store.*start the database"),
        ("postgresql://postgres@127.0.0.1:{server_port}/no_such_db", "database .no_such_db. does not exist; create it"),
    ],
)
def test_bad_urls_fail_with_one_line_saying_how_to_fix(postgis_server: Any, url: str, message: str) -> None:
    url = url.format(port=_free_port(), server_port=psycopg.conninfo.conninfo_to_dict(postgis_server.url)["port"])
    with pytest.raises(StoreError, match=message):
        open_store(url)
    done = _cli("store", "info", "--store", url)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("geo-events: error:")


def test_passwords_never_appear_in_messages() -> None:
    url = f"postgresql://someone:s3cret@127.0.0.1:{_free_port()}/geo_events"
    with pytest.raises(StoreUnavailable) as caught:
        PostGISStore(url)
    assert "s3cret" not in str(caught.value) and "someone:***@" in str(caught.value)


def _eventually(call: Any, attempts: int = 30) -> Any:
    """The first answer of ``call`` that is not StoreUnavailable (each attempt waits the pool's timeout)."""
    for _ in range(attempts - 1):
        try:
            return call()
        except StoreUnavailable:
            continue
    return call()


def test_an_outage_is_unavailable_then_recovers_by_itself(pg_url: str, seed_feature_collection: dict) -> None:
    """The database refusing connections (a real outage of this database) → StoreUnavailable; back → works."""
    store = PostGISStore(pg_url, timeout=1.0)
    name = psycopg.conninfo.conninfo_to_dict(pg_url)["dbname"]
    admin_url = pg_url.rsplit("/", 1)[0] + "/postgres"
    try:
        store.upsert_many(seed_feature_collection["features"])
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        with pytest.raises(StoreUnavailable):
            store.count()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        assert _eventually(store.count) == 1
    finally:
        store.close()


def _merge_in_process(target: str, report: dict, barrier: Any) -> str:
    from geo_events.merge import merge_event

    store = open_store(target)
    try:
        barrier.wait(timeout=60)
        return merge_event(store, report)[1]
    finally:
        store.close()


def _worker(args: tuple[str, dict, Any, Any]) -> None:
    target, report, barrier, results = args
    results.put(_merge_in_process(target, report, barrier))


@pytest.mark.parametrize("workers", [6])
def test_concurrent_merges_from_processes_make_one_event(store_target: str, seed_feature_collection: dict,
                                                          workers: int) -> None:
    """Several processes merge reports of the same event at the same moment: one event, every source."""
    base = seed_feature_collection["features"][0]
    reports = []
    for n in range(workers):
        report = copy.deepcopy(base)
        props = report["properties"]
        source = {"id": f"src-concurrent-{n}", "publisher": f"Outlet {n}", "title": f"Report {n}", "url": None,
                  "published": props["event_date"]}
        props["sources"] = [source]
        props["claims"] = [{"source_id": source["id"], "claimant": f"Outlet {n}", "kind": "killed",
                            "low": 10 + n, "high": 10 + n, "vague": False, "detail": None, "evidence": []}]
        props["fatalities_best"] = props["fatalities_low"] = props["fatalities_high"] = 10 + n
        reports.append(report)
    open_store(store_target).close()  # the schema (or file) exists before the race
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(workers)
    results = context.Queue()
    processes = [context.Process(target=_worker, args=((store_target, r, barrier, results),)) for r in reports]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=120)
        assert p.exitcode == 0
    actions = sorted(results.get(timeout=5) for _ in processes)
    assert actions == ["created"] + ["merged"] * (workers - 1)
    store = open_store(store_target)
    try:
        assert len(store) == 1
        (event,) = list(store)
        assert {s["id"] for s in event["properties"]["sources"]} == {f"src-concurrent-{n}" for n in range(workers)}
    finally:
        store.close()


def test_concurrent_merges_from_threads_make_one_event(pg_url: str, seed_feature_collection: dict) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from geo_events.merge import merge_event

    base = seed_feature_collection["features"][0]
    store = open_store(pg_url)
    try:
        def report(n: int) -> str:
            feature = copy.deepcopy(base)
            source = {"id": f"src-thread-{n}", "publisher": f"Outlet {n}", "title": None, "url": None,
                      "published": None}
            feature["properties"].update(sources=[source], claims=[])
            return merge_event(store, feature)[1]

        with ThreadPoolExecutor(8) as pool:
            actions = sorted(pool.map(report, range(16)))
        assert actions == ["created"] + ["merged"] * 15
        assert len(store) == 1 and len(store.get(base["id"])["properties"]["sources"]) == 16
    finally:
        store.close()


def test_migrate_file_to_postgis_and_back(tmp_path: Path, pg_url: str, events_120: list[dict]) -> None:
    source = tmp_path / "events.geojson"
    file_store = open_store(source)
    file_store.upsert_many(events_120)
    file_store.compact()
    file_store.close()
    there = _cli("migrate", "--from", str(source), "--to", pg_url, "--json")
    assert there.returncode == 0, there.stderr
    assert '"events": 120' in there.stdout and '"verified": true' in there.stdout
    back = tmp_path / "back.geojson"
    home = _cli("migrate", "--from", pg_url, "--to", str(back), "--json")
    assert home.returncode == 0, home.stderr
    assert json.loads(there.stdout)["sha256"] == json.loads(home.stdout)["sha256"]  # the same content both ways
    assert json.loads(home.stdout)["verified"] is True
    again = open_store(back)
    try:
        assert sorted(f["id"] for f in again) == sorted(f["id"] for f in events_120)
        assert again.count(EventQuery(event_type="Battles")) == 30
    finally:
        again.close()


def test_maintain_vacuums_outside_and_analyzes_inside_a_transaction(pg_url: str, events_120: list[dict]) -> None:
    store = open_store(pg_url)
    try:
        store.upsert_many(events_120)
        with store.transaction():
            store.maintain()  # VACUUM cannot run in a transaction block: ANALYZE only, no error
        store.maintain()
        with psycopg.connect(pg_url) as conn:
            vacuumed, analyzed = conn.execute(
                "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relname = 'events'"
            ).fetchone()
        assert vacuumed and analyzed
    finally:
        store.close()
