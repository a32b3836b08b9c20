"""The README's two commands: serve.sh installs runtime dependencies only, into .venv, once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
VENV = ROOT / ".venv"


def _script(name: str) -> str:
    return (SCRIPTS / name).read_text(encoding="utf-8")


def test_serve_installs_runtime_only_into_the_project_venv() -> None:
    serve = _script("serve.sh")
    assert "setup.sh runtime" in serve
    assert "test" not in re.sub(r"#.*", "", serve)  # no test extras on the serve path
    assert "bin/geo-events\" serve" in serve  # the venv's command, not whatever is on PATH


def test_setup_never_pip_installs_into_the_interpreter_it_was_given() -> None:
    """Debian's python3 refuses `pip install` (PEP 668): pip only ever runs inside the venv."""
    setup = re.sub(r"#.*", "", _script("setup.sh"))
    pip_calls = [line for line in setup.splitlines() if "pip install" in line]
    assert pip_calls and all('"$VPY" -m pip install' in line for line in pip_calls)
    assert '-m venv "$VENV"' in setup


def test_test_script_runs_pytest_from_the_venv() -> None:
    test = re.sub(r"#.*", "", _script("test.sh"))
    assert "setup.sh test browser" in test
    assert '"$VENV/bin/python" -m pytest' in test


def test_setup_refuses_unknown_profiles() -> None:
    done = subprocess.run(["bash", str(SCRIPTS / "setup.sh"), "everything"], capture_output=True, text=True)
    assert done.returncode == 2 and "unknown argument" in done.stderr


@pytest.mark.skipif(
    Path(sys.prefix).resolve() != VENV.resolve() or os.environ.get("GEO_EVENTS_VENV"),
    reason="runs only from the project's .venv (bash scripts/test.sh)",
)
def test_second_setup_skips_installing() -> None:
    """Nothing changed since test.sh installed: setup answers 'up to date' in a couple of seconds."""
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", str(SCRIPTS / "setup.sh"), "runtime"], capture_output=True, text=True, timeout=120
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout and "installing" not in done.stdout
    assert elapsed < 10


DEBIAN_PYTHON = Path("/usr/bin/python3")


def _externally_managed() -> bool:
    if not DEBIAN_PYTHON.exists():
        return False
    done = subprocess.run([str(DEBIAN_PYTHON), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    return done.returncode == 0 and (Path(done.stdout.strip()) / "EXTERNALLY-MANAGED").exists()


@pytest.mark.slow
@pytest.mark.skipif(not _externally_managed(), reason="no PEP 668 (externally managed) /usr/bin/python3 here")
def test_setup_works_with_debians_externally_managed_python(tmp_path: Path) -> None:
    """`pip install` into Debian's python3 is refused (PEP 668); setup.sh installs into its own venv (~1 min)."""
    venv = tmp_path / "venv"
    env = {**os.environ, "PYTHON": str(DEBIAN_PYTHON), "GEO_EVENTS_VENV": str(venv)}
    done = subprocess.run(["bash", str(SCRIPTS / "setup.sh")], capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    check = subprocess.run([str(venv / "bin" / "geo-events"), "zones", "--date", "2018-02-07", "--json"],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert check.returncode == 0 and '"FeatureCollection"' in check.stdout, check.stderr
    again = subprocess.run(["bash", str(SCRIPTS / "setup.sh")], capture_output=True, text=True, timeout=120, env=env)
    assert "up to date" in again.stdout
