"""The peer servers: pygeoapi (OGC API – Features reference server) in its own virtualenv, and ours.

pygeoapi ≥ 0.22 needs Python ≥ 3.12 while geo-events runs on 3.11, so pygeoapi lives in
``benchmarks/.venv-pygeoapi`` (created with the interpreter named by ``PYGEOAPI_PYTHON``, default the pyenv
3.12.1 one) and is installed from PyPI with gunicorn. It runs under gunicorn with ONE worker on
127.0.0.1 (its GeoJSON provider is not thread-safe) serving the same events file as ours through its
GeoJSON provider. Our API runs under uvicorn, also one process.

``python -m benchmarks.peers --setup`` creates the virtualenv (the only step that needs the network);
``python -m benchmarks.peers --status`` says what is installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks._http import HOST, ServerProcess, free_port

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
VENV = BENCH_DIR / ".venv-pygeoapi"
DEFAULT_PY312 = "/root/.pyenv/versions/3.12.1/bin/python"
PYGEOAPI_REQUIREMENT = "pygeoapi>=0.22"
GUNICORN_REQUIREMENT = "gunicorn>=22"

_CONFIG_TEMPLATE = """\
server:
  bind:
    host: {host}
    port: {port}
  url: http://{host}:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages:
    - en-US
  limits:
    default_items: 100
    max_items: 10000
  map:
    url: https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png
    attribution: OpenStreetMap contributors
logging:
  level: ERROR
metadata:
  identification:
    title: geo-events benchmark peer
    description: pygeoapi serving the synthetic benchmark events with its GeoJSON provider
    keywords:
      - events
    keywords_type: theme
    terms_of_service: https://creativecommons.org/licenses/by/4.0/
    url: http://{host}:{port}
  license:
    name: CC-BY 4.0 license
    url: https://creativecommons.org/licenses/by/4.0/
  provider:
    name: geo-events benchmarks
    url: http://{host}:{port}
  contact:
    name: geo-events benchmarks
resources:
  events:
    type: collection
    title: Events
    description: Synthetic conflict events (geo-events benchmark data)
    keywords:
      - events
    extents:
      spatial:
        bbox: [-180, -90, 180, 90]
        crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84
    providers:
      - type: feature
        name: GeoJSON
        data: {data}
        id_field: id
"""


def python312() -> str | None:
    """Return a Python ≥ 3.12 interpreter for pygeoapi's virtualenv, or None."""
    candidates = [os.environ.get("PYGEOAPI_PYTHON"), DEFAULT_PY312, shutil.which("python3.12"),
                  shutil.which("python3.13")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pygeoapi_installed() -> bool:
    """Return True when the pygeoapi virtualenv has pygeoapi and gunicorn."""
    return (VENV / "bin" / "gunicorn").exists() and (VENV / "bin" / "pygeoapi").exists()


def pygeoapi_version() -> str | None:
    """Return the installed pygeoapi version, or None."""
    if not pygeoapi_installed():
        return None
    out = subprocess.run(
        [str(VENV / "bin" / "python"), "-c", "import pygeoapi; print(pygeoapi.__version__)"],
        capture_output=True, text=True, check=False,
    )
    return out.stdout.strip() or None


def setup_pygeoapi(quiet: bool = True) -> Path:
    """Create ``benchmarks/.venv-pygeoapi`` and install pygeoapi + gunicorn from PyPI (needs the network).

    Returns
    -------
    Path
        The virtualenv folder.

    Raises
    ------
    RuntimeError
        When no Python ≥ 3.12 is available or the installation fails.
    """
    if pygeoapi_installed():
        return VENV
    interpreter = python312()
    if interpreter is None:
        raise RuntimeError("pygeoapi needs Python >= 3.12; set PYGEOAPI_PYTHON to such an interpreter")
    subprocess.run([interpreter, "-m", "venv", str(VENV)], check=True)
    cmd = [str(VENV / "bin" / "pip"), "install", "--disable-pip-version-check", PYGEOAPI_REQUIREMENT,
           GUNICORN_REQUIREMENT]
    if quiet:
        cmd.insert(2, "-q")
    result = subprocess.run(cmd, check=False)
    if result.returncode != 0 or not pygeoapi_installed():
        raise RuntimeError(f"installing pygeoapi into {VENV} failed (pip exit code {result.returncode})")
    return VENV


def write_pygeoapi_config(data: Path, port: int, workdir: Path) -> tuple[Path, Path]:
    """Write pygeoapi's config and OpenAPI document for serving ``data`` on ``port``; return both paths."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / f"pygeoapi-{port}.yml"
    openapi = workdir / f"pygeoapi-{port}-openapi.yml"
    config.write_text(_CONFIG_TEMPLATE.format(host=HOST, port=port, data=Path(data).resolve()), encoding="utf-8")
    env = {**os.environ, "PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
    result = subprocess.run(
        [str(VENV / "bin" / "pygeoapi"), "openapi", "generate", str(config), "--output-file", str(openapi)],
        env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"pygeoapi openapi generate failed: {result.stderr.strip()[-500:]}")
    return config, openapi


def pygeoapi_server(data: Path, workdir: Path, request_timeout: int = 900) -> ServerProcess:
    """Return (not started) pygeoapi serving ``data`` under gunicorn with one sync worker on 127.0.0.1."""
    if not pygeoapi_installed():
        raise RuntimeError("pygeoapi is not installed; run `python -m benchmarks.peers --setup`")
    port = free_port()
    config, openapi = write_pygeoapi_config(data, port, workdir)
    argv = [
        str(VENV / "bin" / "gunicorn"), "--workers", "1", "--bind", f"{HOST}:{port}",
        "--timeout", str(request_timeout), "--log-level", "warning", "pygeoapi.flask_app:APP",
    ]
    env = {"PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
    return ServerProcess("pygeoapi", argv, port, ready_path="/collections?f=json", env=env,
                         log_path=workdir / f"pygeoapi-{port}.log", start_timeout=120)


def our_api_available() -> bool:
    """Return True when the geo-events API (``api.main.create_app``) can be imported."""
    try:
        from api.main import create_app  # noqa: F401
    except ImportError:
        return False
    return True


def our_server(store: Path | str, workdir: Path, start_timeout: float = 300.0, *, ready_path: str = "/collections",
               extra_env: dict[str, str] | None = None) -> ServerProcess:
    """Return (not started) our API (``api.main.create_app(store)``) under uvicorn, one process, 127.0.0.1;
    ``store`` is a file (resolved) or a database URL (passed as is)."""
    from geo_events.store import backend_of, store_target

    target = store_target(store)
    if backend_of(target) == "geojson":
        target = str(Path(target).resolve())
    port = free_port()
    code = (
        "import sys, uvicorn\n"
        "from api.main import create_app\n"
        "uvicorn.run(create_app(sys.argv[1]), host=sys.argv[2], port=int(sys.argv[3]),"
        " log_level='warning', access_log=False)\n"
    )
    argv = [sys.executable, "-c", code, target, HOST, str(port)]
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
           **(extra_env or {})}
    return ServerProcess("geo-events API", argv, port, ready_path=ready_path, env=env,
                         log_path=workdir / f"geo-events-{port}.log", start_timeout=start_timeout,
                         cwd=REPO_ROOT)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m benchmarks.peers --setup | --status``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.peers",
        description="Install or inspect the pygeoapi peer used by the API benchmarks.",
        epilog="Example: python -m benchmarks.peers --setup",
    )
    parser.add_argument("--setup", action="store_true", help="create benchmarks/.venv-pygeoapi (needs PyPI)")
    parser.add_argument("--status", action="store_true", help="print what is installed")
    args = parser.parse_args(argv)
    if args.setup:
        setup_pygeoapi(quiet=False)
    print(f"pygeoapi: {pygeoapi_version() or 'not installed'} ({VENV})")
    print(f"python for pygeoapi: {python312() or 'none found'}")
    print(f"geo-events API importable: {our_api_available()}")


if __name__ == "__main__":
    main()
