"""One exception hierarchy for geo-events: every error the library raises derives from GeoEventsError.

Subclasses also inherit a builtin (ValueError, KeyError, OSError) so callers that only know the
builtins still catch them. HTTP status codes live in ``api/errors.py``, never here.
"""

from __future__ import annotations


class GeoEventsError(Exception):
    """Root of every exception raised by geo-events."""


class InvalidQuery(GeoEventsError, ValueError):
    """Raised when a query parameter (bbox, date range, limit, …) is malformed.

    ``field`` names the offending parameter so the CLI and API can point at it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ValidationFailed(GeoEventsError, ValueError):
    """Raised when an event or a file does not satisfy the event model.

    ``problems`` lists ``(feature, field, message)`` tuples, one per bad field.
    """

    def __init__(self, message: str, problems: list[tuple[str, str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class StoreError(GeoEventsError, OSError):
    """Raised when the event store cannot be read or written."""


class StoreCorrupted(StoreError):
    """Raised when the files of a store are damaged; ``geo-events store check --repair`` fixes them."""


class StoreLocked(StoreError):
    """Raised when another process holds the store's write lock for too long."""


class StoreUnavailable(StoreError, ConnectionError):
    """Raised when the store's database cannot be reached (down, wrong address, login refused).

    The message says how to fix it; the API answers 503 while it lasts and recovers once it is back.
    """


class SchemaMismatch(StoreError):
    """Raised when a database's schema is older (run ``geo-events db upgrade``) or newer than this code's,
    or lacks what the store needs (the PostGIS extension)."""


class EventNotFound(StoreError, KeyError):
    """Raised when no event has the requested id."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else "event not found"


class GeocodingError(GeoEventsError, ValueError):
    """Raised when a geocoder query is unusable (empty, too long, control characters…)."""


class ExtractionError(GeoEventsError, ValueError):
    """Raised when an article cannot be processed (empty, too large, not text)."""


class DataError(GeoEventsError, ValueError):
    """Raised when a bundled or user-supplied data file (gazetteer, zones, actors) is invalid."""
