"""Event stores: pick a backend by name; every backend implements ``EventStore``."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from geo_events.errors import StoreError
from geo_events.settings import default_store_path, seed_path
from geo_events.store.base import EventStore
from geo_events.store.geojson import GeoJSONFileStore

#: Backend name → "module:Class", imported lazily so optional drivers are only needed when used.
BACKENDS: dict[str, str] = {
    "geojson": "geo_events.store.geojson:GeoJSONFileStore",
}


def open_store(
    path: str | os.PathLike[str] | None = None, backend: str = "geojson", **kwargs: Any
) -> EventStore:
    """Open (or create) the store at ``path`` with the named backend.

    With ``path=None`` the default store is used (``GEO_EVENTS_STORE`` or the user's data folder); it is
    created from the bundled seed events the first time, so everything works out of the box.
    """
    if path is None:
        path = default_store_path()
        if not Path(path).exists():
            seed_store(path)
    try:
        target = BACKENDS[backend]
    except KeyError:
        raise StoreError(f"unknown store backend {backend!r}; choose one of {', '.join(BACKENDS)}") from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(Path(path), **kwargs)


def seed_store(path: str | os.PathLike[str]) -> GeoJSONFileStore:
    """Create a store at ``path`` holding the bundled seed events (``seeds/events.geojson``)."""
    from geo_events.formats import read_events_file

    store = GeoJSONFileStore(path)
    store.upsert_many(read_events_file(seed_path("events.geojson")))
    store.compact()
    return store


__all__ = ["seed_store", "BACKENDS", "EventStore", "GeoJSONFileStore", "open_store"]
