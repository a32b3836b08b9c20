"""FastAPI dependencies shared by every router: the event store, the /events filters and the API key.

``StoreDep`` and ``EventQueryDep`` are ``Annotated`` aliases, so a route just declares
``store: StoreDep, query: EventQueryDep``; tests swap the store through ``app.dependency_overrides``
(override ``get_store``) or simply build the app with ``create_app(store_path=tmp)``.
"""

from __future__ import annotations

import hmac
import inspect
import threading
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Query, Request

from geo_events.errors import InvalidQuery
from geo_events.filters import FILTERS, Filter, query_from_values
from geo_events.query import MAX_LIMIT, OPTIONAL_DATE_PATTERN, SORT_KEYS, EventQuery
from geo_events.settings import get_settings
from geo_events.store import EventStore, open_store
from geo_events.taxonomy import SUB_EVENT_TYPES

_OPEN_LOCK = threading.Lock()


class WriteForbidden(Exception):
    """Raised by ``require_api_key`` when a write request lacks a valid key (mapped to 401/403)."""

    def __init__(self, message: str, status_code: int = 403) -> None:
        super().__init__(message)
        self.status_code = status_code


def get_store(request: Request) -> EventStore:
    """Return the app's event store (opened once per app, on first use)."""
    store = getattr(request.app.state, "store", None)
    if store is None:
        with _OPEN_LOCK:
            store = getattr(request.app.state, "store", None)
            if store is None:
                store = open_store(getattr(request.app.state, "store_path", None))
                seconds = get_settings().flush_seconds
                if seconds > 0:  # keep the .geojson complete for QGIS (a no-op on PostGIS)
                    store.flush_when_idle(seconds)
                # check every row once in the background: /health knows of damage (a no-op on PostGIS)
                threading.Thread(target=store.scrub, name="geo-events-scrub", daemon=True).start()
                request.app.state.store = store
    return store


StoreDep = Annotated[EventStore, Depends(get_store)]

_PROVIDER_LOCK = threading.Lock()


def get_zone_provider(request: Request) -> Any:
    """Return the app's ``HistoryProvider`` (``app.state.zone_history_provider``; made from the settings).

    ``serve --history FILE`` (or a test) sets ``app.state.zone_history_provider`` itself; otherwise one is
    made from ``GEO_EVENTS_ZONE_HISTORY`` on first use and kept while that setting stays the same.
    """
    from geo_events.settings import get_settings
    from geo_events.zone_history.provider import HistoryProvider

    state = request.app.state
    provider = getattr(state, "zone_history_provider", None)
    if provider is not None and getattr(state, "zone_history_setting", None) is None:
        return provider
    configured = get_settings().zone_history or ""
    with _PROVIDER_LOCK:
        if provider is None or state.zone_history_setting != configured:
            provider = state.zone_history_provider = HistoryProvider.from_settings()
            state.zone_history_setting = configured
    return provider


class TooBusy(Exception):
    """Raised when every slot for heavy requests (exports, large pages) is taken (mapped to 429)."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _trim_memory() -> None:
    """Give freed heap back to the OS after a heavy request (glibc keeps it otherwise)."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        try:
            import ctypes

            _MALLOC_TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM: Any = None


class HeavySlots:
    """A fixed number of slots for requests that read many events; the rest are refused with 429.

    Use ``slot = slots.take()`` then ``slot()`` exactly once when the response is done (idempotent).
    """

    def __init__(self, size: int) -> None:
        self.size = max(int(size), 1)
        self._free = threading.BoundedSemaphore(self.size)

    def take(self, what: str = "this request") -> Any:
        """Take a slot or raise ``TooBusy``; return the function that gives it back."""
        if not self._free.acquire(blocking=False):
            raise TooBusy(
                f"the server is busy with {self.size} exports or large pages; {what} can be retried "
                "in a few seconds"
            )
        done = threading.Event()

        def release() -> None:
            if not done.is_set():
                done.set()
                self._free.release()
                _trim_memory()

        return release


def get_heavy_slots(request: Request) -> HeavySlots:
    """Return the app's slots for heavy requests (``GEO_EVENTS_MAX_HEAVY_REQUESTS``)."""
    slots = getattr(request.app.state, "heavy_slots", None)
    if slots is None:
        with _OPEN_LOCK:
            slots = getattr(request.app.state, "heavy_slots", None)
            if slots is None:
                slots = request.app.state.heavy_slots = HeavySlots(get_settings().max_heavy_requests)
    return slots


HeavySlotsDep = Annotated[HeavySlots, Depends(get_heavy_slots)]


def _annotation(f: Filter) -> Any:
    """The type FastAPI reads a filter as (None allowed unless the filter has a default)."""
    kind: Any = {"integer": int, "number": float}.get(f.kind, str)
    if f.kind == "choice" and f.choices:
        kind = Literal[f.choices]
    return kind if f.default is not None else kind | None


def _parameter(f: Filter) -> inspect.Parameter:
    """One ``/events`` query parameter, generated from its ``Filter`` row."""
    query = Query(
        description=f.description,
        examples=[f.example],
        ge=f.minimum,
        gt=f.exclusive_minimum,
        le=f.maximum,
        max_length=f.max_length,
        json_schema_extra={"pattern": OPTIONAL_DATE_PATTERN} if f.kind == "date" else None,
    )
    return inspect.Parameter(
        f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=Annotated[_annotation(f), query]
    )


#: Paging and order of ``/events`` (not filters).
_PAGING = (
    inspect.Parameter(
        "sort",
        inspect.Parameter.KEYWORD_ONLY,
        default="date",
        annotation=Annotated[
            Literal["date", "-date", "fatalities", "-fatalities", "id"],
            Query(
                description=f"Sort order, one of: {', '.join(SORT_KEYS)} ('-' = descending).",
                examples=["-fatalities"],
            ),
        ],
    ),
    inspect.Parameter(
        "limit",
        inspect.Parameter.KEYWORD_ONLY,
        default=100,
        annotation=Annotated[
            int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT}).", examples=[100])
        ],
    ),
    inspect.Parameter(
        "offset",
        inspect.Parameter.KEYWORD_ONLY,
        default=0,
        annotation=Annotated[int, Query(ge=0, description="Number of matches to skip (paging).", examples=[0])],
    ),
)


def event_query(**values: Any) -> EventQuery:
    """Parse the /events filter parameters into a validated ``EventQuery`` (raises ``InvalidQuery``).

    Its parameters are generated from ``geo_events.filters.FILTERS`` (see ``__signature__``).
    """
    paging = {name: values.pop(name) for name in ("sort", "limit", "offset") if name in values}
    query = query_from_values(values, **paging)
    query = query.validate(max_limit=min(get_settings().max_limit, MAX_LIMIT))
    if query.event_type and query.sub_event_type:
        parent = SUB_EVENT_TYPES.get(query.sub_event_type)
        if parent != query.event_type:
            raise InvalidQuery(
                f"sub_event_type {query.sub_event_type!r} belongs to {parent!r}, not {query.event_type!r}",
                "sub_event_type",
            )
    return query


event_query.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [*(_parameter(f) for f in FILTERS), *_PAGING], return_annotation=EventQuery
)


EventQueryDep = Annotated[EventQuery, Depends(event_query)]

#: Names of the /events filter parameters (what ``event_query`` reads).
EVENT_QUERY_NAMES: frozenset[str] = frozenset(inspect.signature(event_query).parameters)


def reject_unknown_parameters(request: Request, allowed: frozenset[str] = EVENT_QUERY_NAMES) -> None:
    """Refuse query parameters a route does not know (a typo like ``evnt_type`` must not match everything).

    A plain function: use it as a dependency through ``strict_parameters(allowed)``, never directly with
    ``Depends`` (FastAPI would read ``allowed`` from the request body, letting a client replace the list).
    """
    for name in request.query_params:
        if name not in allowed:
            raise InvalidQuery(f"unknown parameter {name!r}; known: {', '.join(sorted(allowed))}", name)


def strict_parameters(allowed: frozenset[str]) -> Any:
    """Return a ``Depends`` that refuses query parameters outside ``allowed`` (fixed by the server)."""
    fixed = frozenset(allowed)

    def _reject(request: Request) -> None:
        reject_unknown_parameters(request, fixed)

    return Depends(_reject)


StrictEventParams = strict_parameters(EVENT_QUERY_NAMES)


def require_api_key(
    x_api_key: Annotated[
        str | None,
        Header(
            description="API key for write endpoints (server env GEO_EVENTS_API_KEY).", examples=["change-me"]
        ),
    ] = None,
) -> None:
    """Allow the request only when ``X-API-Key`` matches ``GEO_EVENTS_API_KEY`` (constant-time compare)."""
    configured = get_settings().api_key
    if not configured:
        raise WriteForbidden(
            "writes are disabled: no API key is configured on the server; "
            "set the GEO_EVENTS_API_KEY environment variable and restart `geo-events serve`",
            403,
        )
    if x_api_key is None:
        raise WriteForbidden("this endpoint needs an X-API-Key header", 401)
    if not hmac.compare_digest(x_api_key.encode("utf-8"), configured.encode("utf-8")):
        raise WriteForbidden("the X-API-Key header does not match the server's key", 403)


ApiKeyDep = Depends(require_api_key)

__all__ = [
    "EVENT_QUERY_NAMES",
    "ApiKeyDep",
    "EventQueryDep",
    "HeavySlots",
    "HeavySlotsDep",
    "StoreDep",
    "StrictEventParams",
    "TooBusy",
    "WriteForbidden",
    "event_query",
    "get_heavy_slots",
    "get_store",
    "reject_unknown_parameters",
    "require_api_key",
    "strict_parameters",
]
