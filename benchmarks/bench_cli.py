"""CLI start time: ``geo-events --version``, ``--help``, a command's ``--help`` and a warm ``geocode``.

Each figure is the median wall time of fresh processes of the installed console script (the one beside
``sys.executable``, so no pyenv/shell shim is timed), after one warm-up run (the gazetteer index cache
exists). The bare interpreter start (``python -c pass``) is shown beside it as the floor no CLI can beat.
Targets (issue 16 item 9): under 0.5 s for ``--help``/``--version``, under 1 s for a warm ``geocode``.

Run alone: ``python -m benchmarks.bench_cli``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CASES: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("geo-events --version", ("--version",), 0.5),
    ("geo-events --help", ("--help",), 0.5),
    ("geo-events zones --help", ("zones", "--help"), 0.5),
    ("geo-events geocode Khusham --date 2018-02-07 (warm)", ("geocode", "Khusham", "--date", "2018-02-07"), 1.0),
)


def console_script() -> list[str]:
    """Return the command that starts the CLI (the console script beside this interpreter if there is one)."""
    beside = Path(sys.executable).with_name("geo-events")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("geo-events")
    return [found] if found else [sys.executable, "-c", "from geo_events.cli import main; main()"]


def median_wall(command: list[str], runs: int) -> tuple[float, int]:
    """Return (median seconds, exit code of the last run) of ``runs`` fresh processes after one warm-up."""
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    times = []
    code = 0
    for _ in range(runs):
        started = time.perf_counter()
        code = subprocess.run(command, capture_output=True, timeout=300, check=False).returncode
        times.append(time.perf_counter() - started)
    return statistics.median(times), code


def run(smoke: bool = False) -> list[dict[str, Any]]:
    """Return one row per CLI case (median wall time, seconds)."""
    from benchmarks.report import load_average, make_row

    runs = 2 if smoke else 15
    command = console_script()
    floor, _ = median_wall([sys.executable, "-c", "pass"], runs)
    rows = []
    for what, args, target in CASES:
        seconds, code = median_wall([*command, *args], runs)
        ok = code == 0
        rows.append(
            make_row(
                f"CLI start: {what}",
                round(seconds, 3),
                None,
                unit="s",
                target=f"< {target:g} s",
                met=(seconds < target and ok) if not smoke else None,
                note=f"median of {runs} fresh processes after a warm-up; exit {code}; bare `python -c pass` "
                f"{floor:.3f} s; load average {load_average()} on {os.cpu_count()} cores",
            )
        )
    return rows


def main() -> None:
    """Print the rows."""
    for row in run(smoke="--smoke" in sys.argv):
        print(f"{row['what']}: {row['ours']} s (target {row['target']}; met {row['met']}) — {row['note']}")


if __name__ == "__main__":
    main()
