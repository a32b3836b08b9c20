"""geo-events: geocode conflict reporting into GeoJSON events, control zones and maps.

The core library. ``api/`` (FastAPI) and ``maps/`` (Folium) build on it; it never imports them.
Heavy parts (gazetteer, extraction) load lazily on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from geo_events.errors import (
    DataError,
    EventNotFound,
    ExtractionError,
    GeocodingError,
    GeoEventsError,
    InvalidQuery,
    StoreCorrupted,
    StoreError,
    ValidationFailed,
)

__version__ = "0.1.0"

#: Public names imported on first use, so ``import geo_events`` (and every CLI start) stays cheap:
#: pydantic, numpy and the store load only when a command needs them.
_LAZY: dict[str, str] = {
    "Claim": "geo_events.models",
    "Event": "geo_events.models",
    "EventCollection": "geo_events.models",
    "EventProperties": "geo_events.models",
    "Evidence": "geo_events.models",
    "Source": "geo_events.models",
    "EventQuery": "geo_events.query",
    "QueryResult": "geo_events.query",
    "EventStore": "geo_events.store",
    "GeoJSONFileStore": "geo_events.store",
    "open_store": "geo_events.store",
    "OfflineGeocoder": "geo_events.geocoder",
    "Gazetteer": "geo_events.gazetteer",
    "Place": "geo_events.gazetteer",
    "zone_at": "geo_events.zones",
    "side_of_line": "geo_events.zones",
    "extract_events": "geo_events.extract",
    "ingest_articles": "geo_events.ingest",
    "merge_event": "geo_events.merge",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geo_events' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DataError",
    "EventNotFound",
    "ExtractionError",
    "GeoEventsError",
    "GeocodingError",
    "InvalidQuery",
    "StoreCorrupted",
    "StoreError",
    "ValidationFailed",
    "__version__",
    *_LAZY,
]
