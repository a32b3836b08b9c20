"""Benchmark rows, ratios, the Markdown table and the README section that keeps hand-written text."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks._http import percentile
from benchmarks.report import END_MARK, START_MARK, make_row, markdown_table, ratio_of, write_readme


@pytest.mark.parametrize(
    ("ours", "peer", "higher", "expected"),
    [(2.0, 100.0, False, 50.0), (400.0, 4.0, True, 100.0), (5.0, None, False, None), (0.0, 3.0, False, None)],
)
def test_ratio_means_ours_is_better_when_above_one(ours: float, peer: float | None, higher: bool, expected) -> None:
    assert ratio_of(ours, peer, higher) == expected


def test_ratio_against_a_timed_out_peer_is_a_lower_bound() -> None:
    assert ratio_of(2.0, "> 300", False) == "> 150"


def test_table_has_units_ratio_and_met_columns() -> None:
    rows = [
        make_row("query p95", 4.2, 840.0, unit="ms", target="p95 < 30 ms", met=True, note="n=300"),
        make_row("ingest", 12000.0, None, unit="events/s", higher_is_better=True, note="a|b"),
    ]
    table = markdown_table(rows)
    lines = table.splitlines()
    assert lines[0].startswith("| what | ours | peer | ratio |")
    assert "| 4.20 ms | 840 ms | 200× |" in lines[2] and "met" in lines[2]
    assert "| 12,000 events/s | — | — |" in lines[3]
    assert "a\\|b" in lines[3]  # a pipe inside a note does not break the table


def test_readme_section_is_replaced_and_prose_kept(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    write_readme(readme, f"{START_MARK}\nfirst\n{END_MARK}", "# Bench\n\n{results}\n\n## Profile\nkept\n")
    write_readme(readme, f"{START_MARK}\nsecond\n{END_MARK}", "unused {results}")
    text = readme.read_text()
    assert "second" in text and "first" not in text
    assert text.startswith("# Bench") and "## Profile\nkept" in text


def test_percentile_interpolates() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)
