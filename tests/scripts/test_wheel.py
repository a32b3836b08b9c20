"""A wheel installed without the source tree finds its bundled data and serves the seed map (what Docker does)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_seeds_dir_falls_back_to_the_installed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A wheel has no repo `seeds/`: it used to need GEO_EVENTS_SEEDS to find its data."""
    import sysconfig

    from geo_events import settings

    installed = tmp_path / "prefix" / "share" / "geo-events" / "seeds"
    installed.mkdir(parents=True)
    (installed / "events.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    monkeypatch.delenv("GEO_EVENTS_SEEDS", raising=False)
    monkeypatch.setattr(settings, "_REPO_SEEDS", tmp_path / "no-checkout" / "seeds")
    monkeypatch.setattr(sysconfig, "get_path", lambda name, *a, **k: str(tmp_path / "prefix"))
    assert settings.seeds_dir() == installed
    monkeypatch.setenv("GEO_EVENTS_SEEDS", str(tmp_path))
    assert settings.seeds_dir() == tmp_path


def test_the_wheel_lists_every_seed_file() -> None:
    """Every file of seeds/ that the code reads is matched by a data-files pattern of pyproject.toml."""
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    matched = {p for globs in patterns.values() for g in globs for p in ROOT.glob(g)}
    wanted = {p for p in (ROOT / "seeds").rglob("*") if p.is_file() and p.suffix in (".csv", ".geojson", ".md")}
    assert wanted <= matched, sorted(str(p.relative_to(ROOT)) for p in wanted - matched)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs util-linux setpriv")
def test_installed_wheel_serves_the_seed_map_as_an_unprivileged_user() -> None:
    """scripts/check_wheel.sh: build, install in a clean venv, serve from outside the tree (~2 min)."""
    done = subprocess.run(["bash", str(ROOT / "scripts" / "check_wheel.sh")], capture_output=True, text=True,
                          timeout=900, env={"PYTHON": sys.executable, "PATH": "/usr/local/bin:/usr/bin:/bin",
                                            "HOME": str(Path.home())})  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "serves the seed map" in done.stdout
