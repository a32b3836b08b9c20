"""On-disk damage is detected, never served (issue 20, findings 4–5).

Random bit flips, digit changes and truncations of the snapshot and the journal (``damage.py``): every
trial must be detected (``StoreCorrupted`` / HTTP 503 / ``store check``) or harmless, none served wrong,
and a repair never keeps an event in a version that was not acknowledged. CI runs 20 trials per kind
(120) plus 5 per kind through the API; ``GEO_EVENTS_DAMAGE_TRIALS=60`` or ``python -m tests.hardening.damage 60``
runs the audit's size.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geo_events.errors import StoreCorrupted
from geo_events.store import GeoJSONFileStore
from geo_events.store.repair import check_store

from . import damage
from .helpers import invoke

CI_TRIALS = int(os.environ.get("GEO_EVENTS_DAMAGE_TRIALS", "20"))


def _client(path: Path) -> TestClient:
    return TestClient(create_app(path), raise_server_exceptions=False)


def _assert_all_safe(results) -> None:
    for kind, counts in results.items():
        assert counts["served wrong"] == 0 and counts["error"] == 0, (kind, counts)
        assert counts["repair wrong"] == 0 and counts["repair failed"] == 0, (kind, counts)


def test_random_damage_is_detected_or_harmless(tmp_path: Path) -> None:
    results = damage.run(CI_TRIALS, tmp_path, seed=7)
    _assert_all_safe(results)
    assert all(c["detected"] + c["harmless"] == CI_TRIALS for c in results.values())


def test_random_snapshot_damage_through_the_api(tmp_path: Path) -> None:
    """The audit's case: the .idx still matches (size and mtime kept), so only the row checksums can tell."""
    results = damage.run(5, tmp_path, seed=11, client_factory=_client)
    _assert_all_safe(results)


def _damaged_line_store(tmp_path: Path) -> tuple[Path, bytes]:
    path = damage.build_template(tmp_path)
    GeoJSONFileStore(path).compact()  # everything in the snapshot, with a fresh .idx
    data = bytearray(path.read_bytes())
    st = path.stat()
    at = data.index(b'"notes":"snapshot 7"') + 9  # change one letter of one event, keep size and mtime
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return path, bytes(data)


def test_flipped_snapshot_byte_is_503_json_everywhere_never_200(tmp_path: Path) -> None:
    path, _ = _damaged_line_store(tmp_path)
    client = _client(path)
    for url in ("/events?limit=10000", "/collections/events/items?limit=10000", "/events.csv",
                "/events/evt-snap-07"):
        response = client.get(url)
        assert response.status_code == 503, (url, response.status_code, response.text[:200])
        body = response.json()
        assert "damaged" in body["detail"] and "store check --repair" in body["detail"]
        assert str(tmp_path) not in body["detail"]
    assert client.get("/health").status_code == 503  # once damage was met, health says so
    assert client.get("/events/evt-snap-03").status_code == 200  # intact rows are still served


def test_the_server_scrubs_every_row_once_so_health_knows(tmp_path: Path) -> None:
    path, _ = _damaged_line_store(tmp_path)
    client = _client(path)
    assert client.get("/events/evt-snap-03").status_code == 200  # opens the store, starts the scrub
    deadline = time.monotonic() + 10
    while client.get("/health").status_code == 200 and time.monotonic() < deadline:
        time.sleep(0.05)
    response = client.get("/health")  # no request read the damaged row: the scrub found it
    assert response.status_code == 503 and "damaged" in response.json()["detail"]


def test_check_names_the_line_and_repair_drops_only_it(tmp_path: Path) -> None:
    path, damaged = _damaged_line_store(tmp_path)
    cli = invoke(["store", "check", "--store", str(path)])
    assert cli.exit_code == 1 and "line 8" in cli.output and "store check --repair" in cli.output
    report = check_store(path)
    assert not report.ok and any("CRC-32" in p and "line" in p for p in report.problems)
    repaired = check_store(path, repair=True)
    assert repaired.repaired and repaired.dropped == 1 and repaired.unverified == 0
    assert any("fails its CRC-32 checksum" in d for d in repaired.dropped_records)
    backup = next(Path(b) for b in repaired.backups if Path(b).name.startswith("events.geojson.damaged"))
    assert backup.read_bytes() == damaged  # byte-identical backup
    ids = {f["properties"]["id"] for f in GeoJSONFileStore(path)}
    assert "evt-snap-07" not in ids and len(ids) == 28
    assert check_store(path).ok
    assert sorted(p.name for p in tmp_path.iterdir() if "idx" in p.name) == ["events.geojson.idx"]


def test_open_with_a_matching_idx_checks_rows_when_read(tmp_path: Path) -> None:
    path, _ = _damaged_line_store(tmp_path)
    store = GeoJSONFileStore(path)  # the .idx matches: opening is cheap and does not read every row
    with pytest.raises(StoreCorrupted, match="line"):
        list(store)
    with pytest.raises(StoreCorrupted):
        store.verify()
    with pytest.raises(StoreCorrupted):  # compaction never re-checksums damaged bytes
        store.compact()


def test_snapshot_stays_readable_by_gdal(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    path = damage.build_template(tmp_path)
    GeoJSONFileStore(path).compact()
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == 29 and not any("checksum" in c for c in frame.columns)
    assert b'"geo_events:checksums"' in path.read_bytes()[-400:]


def test_legacy_snapshot_without_checksums_still_opens_and_compact_adds_them(tmp_path: Path) -> None:
    path = damage.build_template(tmp_path)
    store = GeoJSONFileStore(path)
    store.compact()
    lines = path.read_bytes().split(b"\n")
    legacy = b"\n".join(lines[:-2]) + b"\n]}\n"  # the layout before checksums
    path.write_bytes(legacy)
    path.with_name(path.name + ".idx").unlink()
    old = GeoJSONFileStore(path)
    assert len(old) == 29 and not old.checksummed
    old.compact()
    assert GeoJSONFileStore(path).checksummed and check_store(path).ok


def test_truncated_journal_loses_are_counted(tmp_path: Path) -> None:
    path = damage.build_template(tmp_path)
    journal = path.with_name(path.name + ".journal.geojsons")
    records = journal.read_bytes().split(b"\x1e")
    journal.write_bytes(b"\x1e".join(records[:-3]))  # the last 3 acknowledged records are gone
    with pytest.raises(StoreCorrupted, match="cut short"):
        GeoJSONFileStore(path)
    report = check_store(path, repair=True)
    assert report.lost_acknowledged == 3 and report.repaired


def test_damage_module_judges_a_lie_as_served_wrong(tmp_path: Path) -> None:
    """The harness can fail: a store that silently serves a changed event is caught."""
    path = damage.build_template(tmp_path)
    expected = damage.served(path)
    store = GeoJSONFileStore(path)
    changed = store.get("evt-snap-03")
    changed["properties"]["notes"] = "changed behind the harness's back"
    store.upsert(changed)
    assert damage.judge(path, expected) == "served wrong"


def test_random_flips_of_the_witness_never_block_or_lie(tmp_path: Path) -> None:
    path = damage.build_template(tmp_path)
    witness = path.with_name(path.name + ".journal.len")
    expected = damage.served(path)
    original = witness.read_bytes()
    rng = random.Random(3)
    for _ in range(20):
        data = bytearray(original)
        data[rng.randrange(len(original.rstrip()))] ^= 1 << rng.randrange(8)
        witness.write_bytes(bytes(data))
        try:
            assert damage.served(path) == expected
        except StoreCorrupted:
            pass  # a witness that now claims more than the journal holds is reported, never ignored
    witness.write_bytes(original)
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
    assert orjson.dumps(sorted(damage.served(path))) == orjson.dumps(sorted(expected))
