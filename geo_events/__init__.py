"""geo-events: geocode conflict reporting into GeoJSON events, control zones and maps.

The core library. ``api/`` (FastAPI) and ``maps/`` (Folium) build on it; it never imports them.
Heavy parts (gazetteer, extraction) load lazily on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # the same names as _LAZY, as plain imports for readers and type checkers
    from geo_events.extract import extract_events
    from geo_events.gazetteer import Gazetteer, Place
    from geo_events.geocoder import OfflineGeocoder
    from geo_events.ingest import ingest_articles
    from geo_events.merge import merge_event
    from geo_events.models import Claim, Event, EventCollection, EventProperties, Evidence, Source
    from geo_events.query import EventQuery, QueryResult
    from geo_events.store import EventStore, GeoJSONFileStore, open_store
    from geo_events.zones import side_of_line, zone_at

#: Public names imported on first use (PEP 562), so ``import geo_events`` (and every CLI start) stays cheap:
#: pydantic, numpy and the store load only when a command needs them. Keep in step with the
#: ``TYPE_CHECKING`` imports above (tests/test_imports.py checks they agree).
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
