"""``geo-events zones``: a missing --date is one line on stderr naming the dated range, exit 2."""

from __future__ import annotations

import subprocess


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["geo-events", *args], capture_output=True, text=True, timeout=120)


def test_missing_date_is_a_one_line_error_with_the_covered_days() -> None:
    for args, what in ((["zones"], "zones are dated"), (["zones", "--line"], "line is dated")):
        done = run(*args)
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("geo-events: error: --date is required")
        assert what in lines[0] and "2017-" in lines[0]
        assert "╭" not in done.stderr and "Usage" not in done.stderr  # not Typer's boxed usage error


def test_zones_of_a_day() -> None:
    done = run("zones", "--date", "2018-02-07")
    assert done.returncode == 0 and "SDF" in done.stdout
