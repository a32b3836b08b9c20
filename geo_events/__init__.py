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
from geo_events.models import Claim, Event, EventCollection, EventProperties, Evidence, Source
from geo_events.query import EventQuery, QueryResult
from geo_events.store import EventStore, GeoJSONFileStore, open_store

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
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


__all__ = [
    "Claim",
    "DataError",
    "Event",
    "EventCollection",
    "EventNotFound",
    "EventProperties",
    "EventQuery",
    "EventStore",
    "Evidence",
    "ExtractionError",
    "GeoEventsError",
    "GeoJSONFileStore",
    "GeocodingError",
    "InvalidQuery",
    "QueryResult",
    "Source",
    "StoreCorrupted",
    "StoreError",
    "ValidationFailed",
    "__version__",
    "open_store",
    *_LAZY,
]
