"""The benchmark harness keeps working: ``python -m benchmarks --smoke`` writes a table with both sides.

Smoke mode runs every ``benchmarks/bench_*.py`` on tiny data; this checks the table's content (rows with
numbers for ours and the peer, a ratio, correctness notes), never how fast anything was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).lstrip("> ").replace(",", ""))
    except ValueError:
        return None


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run the whole smoke benchmark once in a subprocess; return its rows, README text and output."""
    out = tmp_path_factory.mktemp("bench")
    readme = out / "README.md"
    rows_path = out / "rows.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--out", str(readme), "--json", str(rows_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert rows_path.exists(), f"no rows written; stderr: {proc.stderr[-2000:]}"
    data = json.loads(rows_path.read_text())
    return {"proc": proc, "rows": data["rows"], "data": data, "readme": readme.read_text(encoding="utf-8")}


def test_no_benchmark_module_failed(smoke_run: dict) -> None:
    failed = [r for r in smoke_run["rows"] if str(r.get("note") or "").startswith("FAILED")]
    assert not failed, f"benchmark modules failed in smoke mode: {failed}"
    assert smoke_run["proc"].returncode == 0, smoke_run["proc"].stderr[-2000:]


def test_every_row_has_the_contract_keys_and_our_figure(smoke_run: dict) -> None:
    rows = smoke_run["rows"]
    assert len(rows) >= 8
    for row in rows:
        assert {"what", "ours", "peer", "ratio", "target", "note"} <= set(row), row
        if "skipped" not in str(row.get("note")):
            assert row["ours"] not in (None, ""), row
    # the store and API rows (this harness's own) always carry a positive number for ours
    own = [r for r in rows if r["what"].startswith(("store ", "peak RSS", "in-process", "/events", "OGC", "API "))]
    assert len(own) >= 8
    for row in own:
        if "skipped" not in str(row.get("note")):
            assert _number(row["ours"]) is not None and _number(row["ours"]) > 0, row


def test_rows_with_both_sides_have_a_consistent_ratio(smoke_run: dict) -> None:
    both = [r for r in smoke_run["rows"] if _number(r["ours"]) and _number(r["peer"])]
    assert len(both) >= 3, "expected several rows measuring ours and a peer side by side"
    for row in both:
        ratio = _number(row["ratio"])
        assert ratio is not None and ratio > 0, row
        ours, peer = _number(row["ours"]), _number(row["peer"])
        # the ratio is peer/ours for times and sizes, ours/peer for throughputs: one of them must match
        assert min(abs(ratio - peer / ours), abs(ratio - ours / peer)) <= 0.01 * ratio, row


def test_store_rows_compare_with_geopandas_and_agree_on_counts(smoke_run: dict) -> None:
    rows = {r["what"]: r for r in smoke_run["rows"]}
    open_row = next(r for w, r in rows.items() if w.startswith("store open (cold"))
    assert _number(open_row["peer"]) is not None
    assert "1,000 events opened; peer: geopandas.read_file (pyogrio) opened 1,000" in open_row["note"]
    queries = [r for w, r in rows.items() if w.startswith("in-process bbox+date query")]
    assert queries and all("identical" in r["note"] for r in queries)


def test_api_rows_check_answers_not_only_time(smoke_run: dict) -> None:
    api_rows = [r for r in smoke_run["rows"] if r["what"].startswith("/events bbox+date p95")]
    if not api_rows or "skipped" in str(api_rows[0]["note"]):
        pytest.skip("the API is not available")
    for row in api_rows:
        checked = row["note"].split("numberMatched = brute-force count in ")[1].split(" windows")[0]
        good, total = (int(x) for x in checked.split("/"))
        assert good == total > 0, row["note"]
    paging = next(r for r in smoke_run["rows"] if r["what"].startswith("OGC items: page through all"))
    assert "1,000 unique ids of 1,000" in paging["note"]


def test_readme_section_holds_the_table_and_machine(smoke_run: dict) -> None:
    text = smoke_run["readme"]
    assert "<!-- benchmark-results:start -->" in text and "<!-- benchmark-results:end -->" in text
    assert "| what | ours | peer | ratio |" in text
    assert "smoke" in text and "cores" in text and "Python" in text
    assert text.count("\n| ") >= len(smoke_run["rows"]) + 1
