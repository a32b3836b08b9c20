"""CLI: `geo-events import acled|ucdp FILE` and `export --format acled|ucdp` — real subprocess runs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from geo_events.interchange import acled, ucdp

ROW = {
    "event_id_cnty": "TST1", "event_date": "2018-02-07", "time_precision": "1", "event_type": "Battles",
    "sub_event_type": "Armed clash", "actor1": "Invented Army", "actor2": "Invented Front", "country": "Syria",
    "iso": "760", "admin1": "Deir ez-Zor", "location": "Hajin", "latitude": "34.6913", "longitude": "40.8304",
    "geo_precision": "1", "source": "Invented Outlet", "notes": "Invented note.", "fatalities": "4",
}  # fmt: skip


def run(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    """Run geo-events on ``store`` (named with --store: it starts empty, not from the seed events)."""
    return subprocess.run(["geo-events", *args, "--store", str(store)], capture_output=True, text=True, check=False,
                          env=dict(os.environ), timeout=120)


def write(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = acled.COLUMNS) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: r.get(c, "") for c in columns} for r in rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store" / "events.geojson"


def test_import_acled_reports_bad_rows_then_reimport_is_unchanged(tmp_path: Path, store: Path) -> None:
    rows = [ROW, {**ROW, "event_id_cnty": "TST2", "event_date": "2018-02-31"}, {**ROW, "event_id_cnty": "TST3"}]
    path = write(tmp_path / "acled.csv", rows)
    out = run("import", "acled", str(path), store=store)
    assert out.returncode == 1, out.stderr
    assert "acled.csv: row 3: event_date: '2018-02-31' is not a real date" in out.stderr
    assert "imported 2 of 3 ACLED rows from acled.csv: 2 new, 0 merged into events from articles, 0 updated, 0 unchanged" in out.stdout
    out = run("import", "--format", "acled", str(path), "--json", store=store)
    summary = json.loads(out.stdout)
    assert (summary["created"], summary["unchanged"], summary["rejected"], summary["events"]) == (0, 2, 1, 2)
    assert summary["problems"] == [{"row": 3, "column": "event_date",
                                    "reason": "'2018-02-31' is not a real date (YYYY-MM-DD)"}]


def test_strict_imports_nothing(tmp_path: Path, store: Path) -> None:
    path = write(tmp_path / "acled.csv", [ROW, {**ROW, "event_id_cnty": "TST2", "latitude": "140"}])
    out = run("import", "acled", str(path), "--strict", store=store)
    assert out.returncode == 1 and "nothing imported (--strict)" in out.stderr.splitlines()[-1]
    assert not store.exists()


def test_export_acled_and_ucdp_round_trip_through_the_cli(tmp_path: Path, store: Path) -> None:
    assert run("import", "acled", str(write(tmp_path / "a.csv", [ROW])), store=store).returncode == 0
    out = run("export", "--format", "acled", "--out", str(tmp_path / "out.csv"), "--json", store=store)
    assert out.returncode == 0 and json.loads(out.stdout)["events"] == 1
    other = tmp_path / "other" / "events.geojson"
    assert run("import", "acled", str(tmp_path / "out.csv"), store=other).returncode == 0
    exported = json.loads(run("export", "-f", "geojson", "-o", str(tmp_path / "a.geojson"), "--json",
                              store=store).stdout)
    assert exported["events"] == 1
    assert run("export", "-f", "geojson", "-o", str(tmp_path / "b.geojson"), store=other).returncode == 0
    assert (tmp_path / "a.geojson").read_text() == (tmp_path / "b.geojson").read_text()
    out = run("export", "--format", "ucdp", "--out", str(tmp_path / "ged.csv"), store=store)
    assert out.returncode == 0 and "wrote 1 events" in out.stdout
    assert next(csv.reader(io.StringIO((tmp_path / "ged.csv").read_text())))[:3] == list(ucdp.COLUMNS[:3])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["acled", "{empty}"], "is empty; export the ACLED data as CSV"),
        (["ucdp", "{acled}"], "use `geo-events import acled FILE`"),
        (["nonsense", "{acled}"], "unknown data set 'nonsense'"),
        (["acled", "{missing}"], "file not found"),
        (["--format", "shp", "{acled}"], "--format must be one of acled, ucdp"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(args: list[str], words: str, tmp_path: Path, store: Path) -> None:
    files = {"{empty}": tmp_path / "empty.csv", "{acled}": write(tmp_path / "a.csv", [ROW]),
             "{missing}": tmp_path / "missing.csv"}
    files["{empty}"].write_text("")
    out = run("import", *[str(files.get(a, a)) for a in args], store=store)
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert out.returncode == 2 and len(lines) == 1 and words in lines[0], out.stderr
    assert "Traceback" not in out.stderr and not store.exists()


def test_own_csv_import_still_works(tmp_path: Path, store: Path, seed_feature_collection: dict) -> None:
    path = tmp_path / "seed.geojson"
    path.write_text(json.dumps(seed_feature_collection))
    out = run("import", str(path), "--json", store=store)
    assert out.returncode == 0 and json.loads(out.stdout) == {"created": 1, "updated": 0, "events": 1}
