"""A wheel installed without the source tree finds its bundled data (package data) and draws and serves the seed
map (what Docker does)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _site_packages(python: Path) -> Path:
    out = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                         capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    return Path(out.stdout.strip())


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built offline from this tree and installed (no dependencies) in a clean venv far from it.

    The venv sees the project venv's already-installed dependencies through a ``.pth`` line (no network);
    the project venv's editable ``geo_events`` is not among them (its finder is a ``.pth`` that is not
    processed from there), so everything ``geo_events``, ``api`` and ``maps`` come from the wheel.
    """
    work = tmp_path_factory.mktemp("wheel")
    quiet = ["--disable-pip-version-check", "-q"]
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", *quiet, "--no-deps", "--no-build-isolation",
                            "--no-index", "-w", str(work / "dist"), str(ROOT)],
                           capture_output=True, text=True, timeout=300, cwd=work)  # fmt: skip
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (work / "dist").glob("geo_events-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], check=True, timeout=120)
    python = work / "venv" / "bin" / "python"
    (_site_packages(python) / "project_dependencies.pth").write_text(f"{_site_packages(Path(sys.executable))}\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", *quiet, "--no-deps",
                           "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return work


def _run(work: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work / "home"), "GEO_EVENTS_STORE": str(work / "data" / "events.geojson")}
    return subprocess.run(list(command), capture_output=True, text=True, timeout=300, cwd=work, env=env)


def test_the_wheel_carries_every_seed_file_as_package_data(installed_wheel: Path) -> None:
    (wheel,) = (installed_wheel / "dist").glob("geo_events-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name.removeprefix("geo_events/seeds/") for name in archive.namelist() if name.startswith("geo_events/seeds/")}
        assert not [name for name in archive.namelist() if name.startswith("seeds/") or ".data/data/" in name]
    wanted = {str(p.relative_to(ROOT / "seeds")) for p in (ROOT / "seeds").rglob("*")
              if p.is_file() and p.suffix in (".csv", ".geojson", ".md")}  # fmt: skip
    assert wanted and wanted <= shipped, sorted(wanted - shipped)


def test_the_installed_wheel_draws_the_seed_map_from_outside_the_source_tree(installed_wheel: Path) -> None:
    work = installed_wheel
    python = str(work / "venv" / "bin" / "python")
    where = _run(work, python, "-c", "import api, geo_events, maps; from geo_events.settings import seeds_dir; "
                 "print(geo_events.__file__, api.__file__, maps.__file__, seeds_dir())")  # fmt: skip
    assert where.returncode == 0, where.stderr[-3000:]
    paths = where.stdout.split()
    assert all(path.startswith(str(work / "venv")) for path in paths), paths  # the wheel's copies, not the tree
    assert paths[-1].endswith("geo_events/seeds")
    script = str(work / "venv" / "bin" / "geo-events")
    listed = _run(work, script, "--help")
    assert listed.returncode == 0 and "serve" in listed.stdout and "zone-history" in listed.stdout, listed.stderr
    zones = _run(work, script, "zones", "--date", "2018-02-07", "--json")
    assert zones.returncode == 0, zones.stderr[-3000:]
    assert {f["properties"]["controller"] for f in json.loads(zones.stdout)["features"]} >= {"SDF & US-led coalition"}
    exported = work / "events.geojson"
    export = _run(work, script, "export", "--format", "geojson", "--out", str(exported))
    assert export.returncode == 0, export.stderr[-3000:]  # the default store is created from the shipped seed events
    assert [f["properties"]["location"] for f in json.loads(exported.read_text())["features"]] == ["Khasham"]
    # The seed map, drawn by the installed maps package from the shipped data (town labels off: they need the
    # world gazetteer index, a minute to build in a fresh cache; the slow test below serves the full map).
    draw = (
        "import json, sys\n"
        "from datetime import date\n"
        "from geo_events.zones import deconfliction_line, zones_on\n"
        "from maps.render import render_html\n"
        "day = date(2018, 2, 7)\n"
        "events = json.load(open(sys.argv[1]))\n"
        "sys.stdout.write(render_html(events, zones_on(day), deconfliction_line(day), date=day, labels=False))\n"
    )
    page = _run(work, python, "-c", draw, str(exported))
    assert page.returncode == 0, page.stderr[-3000:]
    html = page.stdout
    assert "GeoEvents.EventLayer" in html and "unpkg.com" not in html and "<script src=" not in html
    assert '"Control zones 2018-02-07"' in html and '"De-confliction line 2018-02-07"' in html
    assert '"Euphrates"' in html  # the river, from the shipped gazetteer supplement


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs util-linux setpriv")
def test_installed_wheel_serves_the_seed_map_as_an_unprivileged_user() -> None:
    """scripts/check_wheel.sh: build, install in a clean venv, serve from outside the tree (~2 min)."""
    done = subprocess.run(["bash", str(ROOT / "scripts" / "check_wheel.sh")], capture_output=True, text=True,
                          timeout=900, env={"PYTHON": sys.executable, "PATH": "/usr/local/bin:/usr/bin:/bin",
                                            "HOME": str(Path.home())})  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "serves the seed map" in done.stdout
