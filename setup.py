"""Ship ``seeds/`` (top level in the source tree) inside the wheel as package data: ``geo_events/seeds/``.

Everything else is declared in ``pyproject.toml``. ``geo_events.settings.seeds_dir()`` finds the copy with
``importlib.resources``; a checkout or editable install reads ``seeds/`` in place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SEEDS = Path(__file__).resolve().parent / "seeds"
#: Files of seeds/ the package reads (the producing scripts and their notes ship too, for provenance).
SEED_SUFFIXES = (".csv", ".geojson", ".md", ".py")


class BuildPyWithSeeds(build_py):  # type: ignore[misc]
    """``build_py`` that also copies ``seeds/`` into the built ``geo_events`` package."""

    def run(self) -> None:
        """Build the packages, then copy the seed files (not in editable mode: that reads seeds/ in place)."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "geo_events" / "seeds"
        for source in sorted(SEEDS.rglob("*")):
            if source.is_file() and source.suffix in SEED_SUFFIXES and "__pycache__" not in source.parts:
                destination = target / source.relative_to(SEEDS)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, destination)


setup(cmdclass={"build_py": BuildPyWithSeeds})
