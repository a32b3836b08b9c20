"""Usage errors of every command are one line on stderr with exit code 2; the CLI starts without heavy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["geo-events", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["map"], "Missing option '--out'"),
        (["zones", "--bogus"], "No such option: --bogus"),
        (["export", "-o", "x.csv", "--min-fatalities", "abc"], "Invalid value for '--min-fatalities'"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], expected: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("geo-events: error: ") and expected in lines[0]
    assert f"geo-events {args[0]} --help" in lines[0]


def test_help_and_version_still_work() -> None:
    assert run("--version").stdout.startswith("geo-events ")
    assert "Examples" in run("zones", "--help").stdout
    assert "Usage" in run().stdout + run().stderr  # `geo-events` alone shows the help


def test_cli_start_imports_neither_pydantic_models_nor_numpy() -> None:
    """`--version` used to import the event model, the store and numpy (1.5 s per call)."""
    code = (
        "import sys\n"
        "from geo_events.cli import app\n"
        "heavy = [m for m in ('numpy', 'pandas', 'geo_events.models', 'geo_events.store', 'shapely') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_lazy_package_names_still_resolve() -> None:
    import geo_events

    assert geo_events.Event.__name__ == "Event" and callable(geo_events.open_store)
    assert "EventQuery" in dir(geo_events)
