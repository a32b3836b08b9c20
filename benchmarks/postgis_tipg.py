"""tipg (OGC API – Features over PostGIS, developmentseed) as a peer, pointed at a geo-events database.

tipg 1.x needs Python ≥ 3.12 while geo-events runs on 3.11, so it lives in its own virtualenv,
``benchmarks/.venv-tipg`` (made with the interpreter named by ``TIPG_PYTHON``, default the pyenv 3.12.1
one; ``TIPG_VENV`` names another folder). It serves the ``events`` table under uvicorn, one process,
127.0.0.1, as ``/collections/public.events/items``.

``python -m benchmarks.postgis_tipg --setup`` creates the virtualenv and installs tipg from PyPI (the only
step that needs the network); ``--status`` says what is installed. The test
``tests/geo_events/store/test_postgis_tipg.py`` and ``benchmarks.postgis_vs_file`` use it when present.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks._http import HOST, ServerProcess, free_port

BENCH_DIR = Path(__file__).resolve().parent
VENV = Path(os.environ.get("TIPG_VENV") or BENCH_DIR / ".venv-tipg")
DEFAULT_PY312 = "/root/.pyenv/versions/3.12.1/bin/python"
TIPG_REQUIREMENT = "tipg>=1.0,<2"
UVICORN_REQUIREMENT = "uvicorn>=0.30"
#: The collection tipg names the events table.
COLLECTION = "public.events"
#: Columns of ``events`` that are properties of the Feature our API serves (tipg is asked for these, not
#: the internal ``feature``/``search_*``/``seq`` columns, so both servers send comparable pages).
PROPERTIES = (
    "id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors",
    "location", "admin1", "admin2", "country", "iso3", "geo_precision", "place_id", "fatalities_best",
    "fatalities_low", "fatalities_high", "claims", "sources", "control_zone", "side_of_line", "notes",
    "geocoder", "confidence", "extracted_at",
)  # fmt: skip


def tipg_python() -> Path:
    """The virtualenv's interpreter (it may not exist yet)."""
    return VENV / "bin" / "python"


def installed() -> str | None:
    """Return tipg's version in the virtualenv, or None when it is not installed."""
    python = tipg_python()
    if not python.exists():
        return None
    done = subprocess.run([str(python), "-c", "import tipg, uvicorn; print(tipg.__version__)"],
                          capture_output=True, text=True)
    return done.stdout.strip() or None if done.returncode == 0 else None


def setup(python: str | None = None) -> str:
    """Create the virtualenv and install tipg + uvicorn (needs the network); return tipg's version."""
    base = python or os.environ.get("TIPG_PYTHON") or DEFAULT_PY312
    if not Path(base).exists():
        raise SystemExit(f"tipg needs Python >= 3.12: {base} not found; set TIPG_PYTHON to a 3.12 interpreter")
    if not tipg_python().exists():
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(tipg_python()), "-m", "pip", "install", "-q", TIPG_REQUIREMENT, UVICORN_REQUIREMENT],
                   check=True)
    version = installed()
    if version is None:
        raise SystemExit(f"tipg did not install into {VENV}")
    return version


def tipg_server(url: str, workdir: Path, start_timeout: float = 300.0) -> ServerProcess:
    """Return (not started) tipg serving the ``events`` table of the database at ``url``.

    ``TIPG_DB_TABLES`` is a JSON list of schema-qualified names; ``TIPG_MAX_FEATURES_PER_QUERY`` is raised so
    a ``limit`` our API accepts is honoured. The readiness probe asks for the collection itself, so the
    server counts as started once it has registered the table.
    """
    port = free_port()
    env = {
        "DATABASE_URL": url,
        "TIPG_DB_SCHEMAS": json.dumps(["public"]),
        "TIPG_DB_TABLES": json.dumps([COLLECTION]),
        "TIPG_MAX_FEATURES_PER_QUERY": "10000",
        "PYTHONPATH": "",
    }
    argv = [str(tipg_python()), "-m", "uvicorn", "tipg.main:app", "--host", HOST, "--port", str(port),
            "--log-level", "warning", "--no-access-log"]
    return ServerProcess("tipg", argv, port, ready_path=f"/collections/{COLLECTION}", env=env,
                         log_path=workdir / f"tipg-{port}.log", start_timeout=start_timeout, cwd=workdir)


def main(argv: list[str] | None = None) -> None:
    """``--setup`` installs tipg into its virtualenv; ``--status`` prints what is there."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.postgis_tipg", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--setup", action="store_true", help="create the virtualenv and install tipg")
    group.add_argument("--status", action="store_true", help="print the installed tipg version")
    args = parser.parse_args(argv)
    if args.setup:
        print(f"tipg {setup()} in {VENV}")
        return
    version = installed()
    print(f"tipg {version} in {VENV}" if version else f"tipg not installed (python -m benchmarks.postgis_tipg --setup)")
    if version is None:
        sys.exit(1)


if __name__ == "__main__":
    main()
