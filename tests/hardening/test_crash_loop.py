"""Crash safety of the GeoJSON file store: SIGKILLed writers, truncated and half-written files, repair.

The SIGKILL loop size comes from ``GEO_EVENTS_CRASH_ITERATIONS`` (default 200 here; the full run is
``python scripts/crash_loop.py``, 1000 kills + 50 exec'd writers, see docs/reliability.md).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from geo_events.errors import StoreCorrupted
from geo_events.store import GeoJSONFileStore
from geo_events.store.geojson import seal_record, validate_event

from .helpers import ROOT, invoke, load_script, make_event

CI_ITERATIONS = int(os.environ.get("GEO_EVENTS_CRASH_ITERATIONS", "200"))
REPAIR_HINT = "geo-events store check --repair"


@pytest.fixture(scope="module")
def crash_loop():
    return load_script("crash_loop")


def test_sigkill_loop_keeps_every_acknowledged_write(tmp_path: Path, crash_loop) -> None:
    report = crash_loop.run_crash_loop(tmp_path / "events.geojson", CI_ITERATIONS, seed=7, mode="fork")
    assert report.iterations == CI_ITERATIONS
    assert report.failures == []
    assert report.checks_failed == 0
    # the loop must really have exercised writes, deletions and kills in the middle of compactions
    assert report.acknowledged_writes > CI_ITERATIONS
    assert report.acknowledged_deletes > 0
    if CI_ITERATIONS >= 200:
        assert report.killed_during_compaction > 0


@pytest.mark.slow
def test_sigkill_loop_with_real_subprocess_writers(tmp_path: Path, crash_loop) -> None:
    """Writers started as new Python processes that print each acknowledged id to stdout."""
    report = crash_loop.run_crash_loop(tmp_path / "events.geojson", 4, seed=3, mode="exec", max_delay=0.3)
    assert report.failures == []
    assert report.acknowledged_writes > 0


def test_crash_loop_script_runs_from_the_command_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/crash_loop.py", "--iterations", "5", "--exec-iterations", "1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    reports = json.loads(proc.stdout)
    assert [r["mode"] for r in reports] == ["fork", "exec"]
    assert all(r["checks_failed"] == 0 for r in reports)


def test_audit_detects_a_lost_acknowledged_write(tmp_path: Path, crash_loop) -> None:
    """The harness itself must be able to fail: drop an acknowledged event behind its back."""
    path = tmp_path / "events.geojson"
    store = GeoJSONFileStore(path)
    store.upsert(crash_loop.make_event("evt-crash-1", 5))
    expect = crash_loop._Expectation()
    report = crash_loop.CrashLoopReport()
    expect.apply("ack 5 evt-crash-1", report)
    assert expect.audit(path) == []
    store.delete("evt-crash-1")
    assert any("missing" in p for p in expect.audit(path))


# --------------------------------------------------------------------------- damaged files
def _store_with_snapshot_and_journal(path: Path, n_snapshot: int = 20, n_journal: int = 10) -> list[str]:
    store = GeoJSONFileStore(path, compact_every=0)
    store.upsert_many([make_event(f"evt-snap-{i}", notes=f"snapshot {i}") for i in range(n_snapshot)])
    store.compact()
    for i in range(n_journal):
        store.upsert(make_event(f"evt-jour-{i}", notes=f"journal {i}"))
    return [f"evt-snap-{i}" for i in range(n_snapshot)] + [f"evt-jour-{i}" for i in range(n_journal)]


def _journal(path: Path) -> Path:
    return path.with_name(path.name + ".journal.geojsons")


def _ids(path: Path) -> set[str]:
    return {f["properties"]["id"] for f in GeoJSONFileStore(path, compact_every=0)}


@pytest.mark.parametrize("cut_seed", range(12))
def test_truncated_snapshot_raises_store_corrupted_or_loses_nothing(tmp_path: Path, cut_seed: int) -> None:
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    data = path.read_bytes()
    cut = random.Random(cut_seed).randrange(0, len(data) - 1)
    path.write_bytes(data[:cut])
    try:
        found = _ids(path)
    except StoreCorrupted as err:
        assert REPAIR_HINT in str(err)
        assert str(path) in str(err)
    else:  # only a cut that leaves a complete document may open, and then nothing may be missing
        assert found == set(ids)


def test_snapshot_without_trailing_newline_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    assert _ids(path) == set(ids)


@pytest.mark.parametrize("damage", ["zeros", "garbage-line", "empty", "not-a-collection"])
def test_half_written_snapshot_raises_store_corrupted(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "events.geojson"
    _store_with_snapshot_and_journal(path)
    data = path.read_bytes()
    if damage == "zeros":  # the size was written, the blocks were not (power loss on some file systems)
        half = len(data) // 2
        path.write_bytes(data[:half] + b"\0" * (len(data) - half))
    elif damage == "garbage-line":
        lines = data.split(b"\n")
        lines[5] = lines[5][: len(lines[5]) // 2]
        path.write_bytes(b"\n".join(lines))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(b'{"type": "Feature", "features": []}')
    with pytest.raises(StoreCorrupted) as excinfo:
        GeoJSONFileStore(path)
    assert REPAIR_HINT in str(excinfo.value) or "FeatureCollection" in str(excinfo.value)


@pytest.mark.parametrize(
    "bad_line",
    [
        b'{"type":"Feature","geometry":{"type":"Point","coordinates":[40,35]},"properties":{"id":"x","country":5}}',
        b'{"type":"Feature","geometry":{"type":"Point","coordinates":[40]},"properties":{"id":"x"}}',
        b'{"type":"Feature","geometry":null,"properties":{"id":"x"}}',
        b'{"type":"Feature","geometry":{"type":"Point","coordinates":[40,35]},"properties":{"id":"x","event_date":7}}',
        b'{"type":"Feature","geometry":{"type":"Point","coordinates":[40,35]},"properties":[]}',
        b"[1,2,3]",
    ],
)
def test_hand_edited_snapshot_line_raises_store_corrupted(tmp_path: Path, bad_line: bytes) -> None:
    """A line that parses as JSON but is not an event must give StoreCorrupted, not a traceback."""
    path = tmp_path / "events.geojson"
    _store_with_snapshot_and_journal(path)
    lines = path.read_bytes().split(b"\n")
    lines[3] = bad_line + b","
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(StoreCorrupted) as excinfo:
        GeoJSONFileStore(path)
    assert REPAIR_HINT in str(excinfo.value)


def test_torn_last_journal_record_is_ignored_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    journal = _journal(path)
    data = journal.read_bytes()
    # A writer killed inside write(): the start of a record that was never acknowledged (the witness
    # file still holds the acknowledged length, so this is told apart from a journal cut short).
    record = seal_record(json.dumps(make_event("evt-torn")).encode())
    journal.write_bytes(data + record[: len(record) // 2])
    store = GeoJSONFileStore(path)
    assert store.torn_tail
    assert _ids(path) == set(ids)
    result = invoke(["store", "check", "--store", str(path), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["ok"] is False
    # the next write cuts the torn record and the store is clean again
    store.upsert(make_event("evt-after"))
    reopened = GeoJSONFileStore(path)
    assert not reopened.torn_tail
    assert "evt-after" in _ids(path)


@pytest.mark.parametrize("cut", [25, 700, 3000])
def test_journal_cut_short_is_told_apart_from_a_torn_write(tmp_path: Path, cut: int) -> None:
    """Cutting acknowledged records off the journal is damage (StoreCorrupted), not a torn last write."""
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    journal = _journal(path)
    data = journal.read_bytes()
    journal.write_bytes(data[:-cut])
    with pytest.raises(StoreCorrupted) as excinfo:
        GeoJSONFileStore(path)
    assert "cut short" in str(excinfo.value) and REPAIR_HINT in str(excinfo.value)
    result = invoke(["store", "check", "--repair", "--store", str(path), "--json"])
    report = json.loads(result.stdout)
    assert report["repaired"] and report["lost_acknowledged"] >= 1
    assert _ids(path) < set(ids) and GeoJSONFileStore(path).torn_tail is False


@pytest.mark.parametrize("where", ["flip-byte", "drop-rs", "cut-middle"])
def test_damaged_journal_middle_raises_store_corrupted(tmp_path: Path, where: str) -> None:
    path = tmp_path / "events.geojson"
    _store_with_snapshot_and_journal(path)
    journal = _journal(path)
    data = bytearray(journal.read_bytes())
    records = bytes(data).split(b"\x1e")
    third = len(b"\x1e".join(records[:3]))  # offset of the 3rd record's separator
    if where == "flip-byte":
        data[third + 1] = ord("#")  # the record's opening brace (a flip inside a string is NOT detected)
    elif where == "drop-rs":
        del data[third]
    else:
        del data[third + 10 : third + 60]
    journal.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupted) as excinfo:
        GeoJSONFileStore(path)
    assert REPAIR_HINT in str(excinfo.value)


def test_repair_command_salvages_every_valid_event(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    # damage one snapshot line and one journal record in the middle
    lines = path.read_bytes().split(b"\n")
    broken_snapshot_id = json.loads(lines[4].rstrip(b","))["id"]
    lines[4] = lines[4][:30]
    path.write_bytes(b"\n".join(lines))
    journal = _journal(path)
    records = journal.read_bytes().split(b"\x1e")
    broken_journal_id = json.loads(records[4])["id"]
    records[4] = records[4][:40] + b"\n"
    journal.write_bytes(b"\x1e".join(records))
    with pytest.raises(StoreCorrupted):
        GeoJSONFileStore(path)

    before = invoke(["store", "check", "--store", str(path), "--json"])
    assert before.exit_code == 1
    assert "Traceback" not in before.output
    result = invoke(["store", "check", "--repair", "--store", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["repaired"] is True and report["ok"] is True
    assert report["dropped"] == 2
    assert report["salvaged"] == len(ids) - 2
    assert len(report["backups"]) == 2 and all(Path(b).exists() for b in report["backups"])
    survivors = _ids(path)
    assert survivors == set(ids) - {broken_snapshot_id, broken_journal_id}
    for feature in GeoJSONFileStore(path):
        validate_event(feature)
    after = invoke(["store", "check", "--store", str(path), "--json"])
    assert after.exit_code == 0 and json.loads(after.stdout)["ok"] is True


def test_repair_via_real_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    path.write_bytes(path.read_bytes()[:-40])
    cmd = ["geo-events"] if _has_console_script() else [sys.executable, "-c", "from geo_events.cli import main; main()"]
    info = subprocess.run([*cmd, "store", "info", "--store", str(path)], capture_output=True, text=True, timeout=60)
    assert info.returncode != 0
    assert "Traceback" not in info.stderr
    assert REPAIR_HINT in info.stderr and len(info.stderr.strip().splitlines()) == 1
    repaired = subprocess.run(
        [*cmd, "store", "check", "--repair", "--store", str(path), "--json"], capture_output=True, text=True, timeout=60
    )
    assert repaired.returncode == 0, repaired.stderr
    report = json.loads(repaired.stdout)
    # the cut only removed the end of the checksum member: every line is verified against the checksums
    # the .idx cache keeps, so nothing is lost and nothing is unverified
    assert report["repaired"] and report["salvaged"] == len(ids) and report["unverified"] == 0
    assert len(_ids(path)) == len(ids)


def _has_console_script() -> bool:
    import shutil

    return shutil.which("geo-events") is not None


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other-store", "empty"])
def test_damaged_column_cache_is_ignored_not_trusted(tmp_path: Path, damage: str) -> None:
    """The ``.idx`` column cache beside the snapshot is only a cache: damage must never change answers."""
    path = tmp_path / "events.geojson"
    ids = _store_with_snapshot_and_journal(path)
    GeoJSONFileStore(path).compact()
    idx = path.with_name(path.name + ".idx")
    if not idx.exists():
        pytest.skip("this store version keeps no column cache")
    data = idx.read_bytes()
    if damage == "truncated":
        idx.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        idx.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        idx.write_bytes(b"")
    else:  # a cache saved for a different snapshot
        other = tmp_path / "other" / "events.geojson"
        other_store = GeoJSONFileStore(other)
        other_store.upsert_many([make_event(f"evt-other-{i}") for i in range(3)])
        other_store.compact()
        idx.write_bytes(other.with_name(other.name + ".idx").read_bytes())
    store = GeoJSONFileStore(path)
    assert {f["properties"]["id"] for f in store} == set(ids)
    assert store.get("evt-snap-3")["properties"]["notes"] == "snapshot 3"


def test_compaction_removes_temporary_files_left_by_a_killed_compaction(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    _store_with_snapshot_and_journal(path, n_snapshot=3, n_journal=2)
    stale = [tmp_path / f".events.geojson.{pid}.tmp" for pid in (4242, 999_999)]
    for file in stale:
        file.write_bytes(b'{"type":"FeatureCollection","features":[\n{"type":"Feat')
    GeoJSONFileStore(path).compact()
    assert not any(file.exists() for file in stale)
    assert len(_ids(path)) == 5
