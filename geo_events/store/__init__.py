"""Event stores: ``open_store`` picks a backend by URL scheme (or name); each implements ``EventStore``.

A backend is one module named in ``BACKENDS`` (imported lazily, so optional drivers such as psycopg are
only needed when used) and the URL schemes it answers in ``SCHEMES``; callers never branch on it.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import Any

from geo_events.errors import StoreError
from geo_events.settings import default_store_path, seed_path
from geo_events.store.base import ALL_FILTERS, EventStore, iter_matches
from geo_events.store.geojson import GeoJSONFileStore

#: Backend name → "module:Class", imported lazily so optional drivers are only needed when used.
BACKENDS: dict[str, str] = {
    "geojson": "geo_events.store.geojson:GeoJSONFileStore",
    "postgis": "geo_events.store.postgis:PostGISStore",
}
#: URL scheme → backend name; a target without a scheme is a file path (the GeoJSON store).
SCHEMES: dict[str, str] = {
    "postgresql": "postgis",
    "postgres": "postgis",
    "postgis": "postgis",
    "file": "geojson",
}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):/(/?)", re.IGNORECASE)


def store_target(target: str | os.PathLike[str]) -> str:
    """Return ``target`` as text, repairing a URL that went through ``pathlib.Path`` (``postgresql:/h/db``).

    CLI options typed as paths collapse the ``//`` of a URL; the scheme says it was one.
    """
    text = os.fspath(target)
    match = _SCHEME.match(text)
    if match and len(match.group(1)) > 1 and not match.group(2):
        return f"{match.group(1)}://{text[match.end():]}"
    return text


def backend_of(target: str | os.PathLike[str]) -> str:
    """Return the backend of a store path or URL (``x.geojson`` → geojson, ``postgresql://…`` → postgis)."""
    text = store_target(target)
    match = _SCHEME.match(text)
    if match is None or len(match.group(1)) == 1:  # no scheme, or a Windows drive letter
        return "geojson"
    scheme = match.group(1).lower()
    try:
        return SCHEMES[scheme]
    except KeyError:
        raise StoreError(
            f"unknown store URL scheme {scheme!r} in {redact(text)}; use a .geojson path or "
            f"postgresql://user@host:port/dbname"
        ) from None


def redact(target: str) -> str:
    """Return a store URL without its password (for messages and logs)."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", target)


def _backend_class(name: str) -> Any:
    try:
        target = BACKENDS[name]
    except KeyError:
        raise StoreError(f"unknown store backend {name!r}; choose one of {', '.join(BACKENDS)}") from None
    module_name, class_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise StoreError(
            f"the {name} store backend needs {err.name or 'a driver'}; install it with "
            f"`pip install 'geo-events[{name}]'` (or `bash scripts/setup.sh test`)"
        ) from err
    return getattr(module, class_name)


def open_store(
    path: str | os.PathLike[str] | None = None, backend: str | None = None, **kwargs: Any
) -> EventStore:
    """Open (or create) the store at ``path``: a ``.geojson`` file or a ``postgresql://`` URL.

    With ``path=None`` the default store is used (``GEO_EVENTS_STORE`` or the user's data folder); a
    default *file* store is created from the bundled seed events the first time, so everything works out
    of the box. ``backend`` forces a backend name instead of reading it from the target.
    """
    if path is None:
        path = default_store_path()
        name = backend or backend_of(path)
        if name == "geojson" and not Path(path).exists():
            seed_store(path)
    target = store_target(path)
    name = backend or backend_of(target)
    cls = _backend_class(name)
    if name == "geojson":
        if target.lower().startswith("file://"):
            target = target[len("file://") :]
        return cls(Path(target), **kwargs)
    return cls(target, **kwargs)


def seed_store(path: str | os.PathLike[str], backend: str | None = None) -> EventStore:
    """Open the store at ``path`` (any backend) and add the bundled seed events (``seeds/events.geojson``)
    and reference layers (places, dated zones, de-confliction line: tables on PostGIS)."""
    from geo_events.formats import read_events_file

    target = store_target(path)
    name = backend or backend_of(target)
    if name == "geojson":
        store: EventStore = _backend_class(name)(Path(target))
    else:
        store = open_store(target, backend=name)
    store.upsert_many(read_events_file(seed_path("events.geojson")))
    store.load_reference_layers()
    store.compact()
    return store


__all__ = [
    "ALL_FILTERS",
    "BACKENDS",
    "SCHEMES",
    "EventStore",
    "GeoJSONFileStore",
    "backend_of",
    "iter_matches",
    "open_store",
    "redact",
    "seed_store",
    "store_target",
]
