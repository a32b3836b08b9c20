"""Settings read from the environment (prefix ``GEO_EVENTS_``) and the locations of bundled data."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

_REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: Where a wheel puts the bundled data: package data of ``geo_events`` (see setup.py).
_PACKAGE_SEEDS = "seeds"


def _packaged_seeds() -> Path | None:
    """Return the ``seeds`` folder shipped inside the installed ``geo_events`` package, if there is one."""
    folder = resources.files("geo_events") / _PACKAGE_SEEDS
    if isinstance(folder, Path) and (folder / "events.geojson").is_file():
        return folder
    return None  # a checkout or editable install (seeds/ at the top), or a zipped package


def seeds_dir() -> Path:
    """Return the folder of bundled data.

    ``GEO_EVENTS_SEEDS`` overrides; else the copy a wheel installed inside the package
    (``importlib.resources``: ``geo_events/seeds``); else the source tree's top-level ``seeds/`` (a
    checkout or an editable install).
    """
    override = os.environ.get("GEO_EVENTS_SEEDS")
    if override:
        return Path(override)
    return _packaged_seeds() or _REPO_SEEDS


def seed_path(name: str) -> Path:
    """Return the path of one bundled data file, e.g. ``seed_path("events.geojson")``."""
    return seeds_dir() / name


class Settings(BaseSettings):
    """Run-time settings; every field can be set as ``GEO_EVENTS_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="GEO_EVENTS_", extra="ignore")

    store: Path | None = Field(
        default=None,
        description="Path of the event store (a .geojson file); default: a copy of the seed events.",
    )
    api_key: str | None = Field(default=None, description="API key required by write endpoints.")
    max_body_bytes: int = Field(default=5 * 1024 * 1024, description="Largest accepted request body.")
    max_limit: int = Field(default=10_000, description="Largest page size of /events and OGC items.")
    public_url: str | None = Field(
        default=None,
        description="Public base URL (https://host[:port][/prefix]) every link is built from; not Host.",
    )
    allowed_hosts: str = Field(
        default="localhost,127.0.0.1,::1,testserver",
        description="Comma-separated Host names served when no public URL is set ('*': any).",
    )
    body_timeout_seconds: float = Field(default=10.0, description="Longest wait for a request body (408).")
    max_export: int = Field(
        default=100_000,
        description="Most events one /events.csv or /events.gpkg request returns (page with limit/offset).",
    )
    max_heavy_requests: int = Field(
        default=2,
        description="Exports and large pages served at once; more answer 429 with Retry-After.",
    )
    heavy_limit: int = Field(default=1000, description="/events pages larger than this count as heavy.")
    zone_history: str | None = Field(
        default=None,
        description=(
            "Zone and line history files (os.pathsep-separated) the /zones* routes, the time map and the "
            "control-zones collection add to the bundled zones (geo_events.zone_history.provider)."
        ),
    )
    flush_seconds: float = Field(
        default=2.0,
        description=(
            "The server folds written events into the .geojson file (what QGIS opens) this many seconds "
            "after a write (at least 10x the last compaction's duration); 0 turns it off."
        ),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (cached; call ``get_settings.cache_clear()`` in tests)."""
    return Settings()


def default_store_path() -> Path:
    """Return the store used when none is given: ``GEO_EVENTS_STORE``, else the user's data folder."""
    configured = get_settings().store
    if configured is not None:
        return Path(configured)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "geo-events" / "events.geojson"
