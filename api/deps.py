"""FastAPI dependencies shared by every router: the event store, the /events filters and the API key.

``StoreDep`` and ``EventQueryDep`` are ``Annotated`` aliases, so a route just declares
``store: StoreDep, query: EventQueryDep``; tests swap the store through ``app.dependency_overrides``
(override ``get_store``) or simply build the app with ``create_app(store_path=tmp)``.
"""

from __future__ import annotations

import hmac
import inspect
import math
import threading
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Query, Request

from geo_events.errors import InvalidQuery
from geo_events.query import OPTIONAL_DATE_PATTERN, MAX_LIMIT, SORT_KEYS, EventQuery, parse_bbox, parse_date
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


def parse_near(value: str) -> tuple[float, float]:
    """Parse ``lat,lon`` into a tuple; raise ``InvalidQuery(field='near')``."""
    parts = [p.strip() for p in value.split(",")]
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError as err:
        raise InvalidQuery(f"near must be 'lat,lon' (two numbers); got {value!r}", "near") from err
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InvalidQuery("near must hold finite numbers", "near")
    return lat, lon


def parse_precision(value: str) -> tuple[int, ...]:
    """Parse ``geo_precision`` such as ``1`` or ``1,2`` into a tuple of 1, 2 or 3."""
    try:
        codes = tuple(int(p) for p in value.split(","))
    except ValueError as err:
        raise InvalidQuery(
            f"geo_precision must be 1, 2 or 3 (comma-separated); got {value!r}", "geo_precision"
        ) from err
    if not codes or any(c not in (1, 2, 3) for c in codes):
        raise InvalidQuery(
            f"geo_precision must be 1, 2 or 3 (comma-separated); got {value!r}", "geo_precision"
        )
    return codes


def event_query(
    bbox: Annotated[
        str | None,
        Query(
            description="Bounding box minx,miny,maxx,maxy in WGS84 longitude/latitude degrees.",
            examples=["40,34.5,41,35.5"],
        ),
    ] = None,
    start: Annotated[
        str | None,
        Query(
            description="First event date (inclusive), YYYY-MM-DD (or an RFC 3339 timestamp), 1900–2100.",
            examples=["2018-02-01"],
            json_schema_extra={"pattern": OPTIONAL_DATE_PATTERN},
        ),
    ] = None,
    end: Annotated[
        str | None,
        Query(
            description="Last event date (inclusive), YYYY-MM-DD (or an RFC 3339 timestamp), 1900–2100.",
            examples=["2018-02-28"],
            json_schema_extra={"pattern": OPTIONAL_DATE_PATTERN},
        ),
    ] = None,
    event_type: Annotated[
        str | None,
        Query(description="ACLED event type (case-insensitive).", examples=["Explosions/Remote violence"]),
    ] = None,
    sub_event_type: Annotated[
        str | None,
        Query(description="ACLED sub-event type (case-insensitive).", examples=["Air/drone strike"]),
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            description="Text matched (case-insensitive) in actor1, actor2 and assoc_actors.",
            examples=["Russia"],
        ),
    ] = None,
    country: Annotated[
        str | None, Query(description="Country name or ISO 3166-1 alpha-3 code.", examples=["SYR"])
    ] = None,
    admin1: Annotated[
        str | None,
        Query(description="First-level administrative unit (governorate).", examples=["Deir ez-Zor"]),
    ] = None,
    min_fatalities: Annotated[
        int | None, Query(ge=0, description="Smallest fatalities_best (inclusive).", examples=[10])
    ] = None,
    max_fatalities: Annotated[
        int | None, Query(ge=0, description="Largest fatalities_best (inclusive).", examples=[1000])
    ] = None,
    control_zone: Annotated[
        str | None,
        Query(
            description="Controller of the location on the event date.",
            examples=["Syrian government & allies"],
        ),
    ] = None,
    side_of_line: Annotated[
        Literal["east", "west", "on_line"] | None,
        Query(
            description="Side of the US–Russia de-confliction line: east, west or on_line.", examples=["east"]
        ),
    ] = None,
    near: Annotated[
        str | None,
        Query(
            description="Centre 'lat,lon' (WGS84) of a radius search; see radius_km.",
            examples=["35.30,40.29"],
        ),
    ] = None,
    radius_km: Annotated[
        float, Query(gt=0, le=20_000, description="Radius of the `near` search in kilometres.", examples=[25])
    ] = 25.0,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Free text searched in every field of the event.",
            examples=["Khasham"],
        ),
    ] = None,
    source: Annotated[
        str | None,
        Query(description="Text matched in source ids, publishers and URLs.", examples=["The New Arab"]),
    ] = None,
    geo_precision: Annotated[
        str | None,
        Query(
            description="Keep only these location precisions (1 place, 2 near/region, 3 province).",
            examples=["1,2"],
        ),
    ] = None,
    sort: Annotated[
        Literal["date", "-date", "fatalities", "-fatalities", "id"],
        Query(
            description=f"Sort order, one of: {', '.join(SORT_KEYS)} ('-' = descending).",
            examples=["-fatalities"],
        ),
    ] = "date",
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT}).", examples=[100])
    ] = 100,
    offset: Annotated[int, Query(ge=0, description="Number of matches to skip (paging).", examples=[0])] = 0,
) -> EventQuery:
    """Parse the /events filter parameters into a validated ``EventQuery`` (raises ``InvalidQuery``)."""
    query = EventQuery(
        bbox=parse_bbox(bbox) if bbox is not None else None,
        start=parse_date(start, "start") if start else None,
        end=parse_date(end, "end") if end else None,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        country=country or None,
        admin1=admin1 or None,
        min_fatalities=min_fatalities,
        max_fatalities=max_fatalities,
        control_zone=control_zone or None,
        side_of_line=side_of_line or None,
        near=parse_near(near) if near else None,
        radius_km=radius_km,
        q=q or None,
        source=source or None,
        geo_precision=parse_precision(geo_precision) if geo_precision else None,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    query = query.validate(max_limit=min(get_settings().max_limit, MAX_LIMIT))
    if query.event_type and query.sub_event_type:
        parent = SUB_EVENT_TYPES.get(query.sub_event_type)
        if parent != query.event_type:
            raise InvalidQuery(
                f"sub_event_type {query.sub_event_type!r} belongs to {parent!r}, not {query.event_type!r}",
                "sub_event_type",
            )
    return query


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
    "ApiKeyDep",
    "EVENT_QUERY_NAMES",
    "StrictEventParams",
    "reject_unknown_parameters",
    "strict_parameters",
    "EventQueryDep",
    "StoreDep",
    "HeavySlots",
    "HeavySlotsDep",
    "TooBusy",
    "WriteForbidden",
    "get_heavy_slots",
    "event_query",
    "get_store",
    "parse_near",
    "parse_precision",
    "require_api_key",
]
