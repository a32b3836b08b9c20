"""The only place that knows HTTP status codes: library exceptions → status + ``{"detail", "field"}`` JSON.

Every error body has the same two keys so clients can point at the bad parameter:
``{"detail": "bbox must have 4 numbers minx,miny,maxx,maxy; got 3", "field": "bbox"}``.
Bodies never carry tracebacks or server paths.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.deps import TooBusy, WriteForbidden
from api.middleware import allowed_methods
from geo_events.errors import (
    DataError,
    EventNotFound,
    ExtractionError,
    GeocodingError,
    GeoEventsError,
    InvalidQuery,
    StoreCorrupted,
    StoreError,
    StoreLocked,
    ValidationFailed,
)

log = logging.getLogger("geo_events.api")

#: Library exception → HTTP status (first match in order wins, so subclasses come first).
STATUS_CODES: tuple[tuple[type[BaseException], int], ...] = (
    (EventNotFound, 404),
    (StoreLocked, 503),
    (StoreError, 503),
    (InvalidQuery, 400),
    (GeocodingError, 400),
    (ExtractionError, 422),
    (ValidationFailed, 422),
    (DataError, 500),
    (GeoEventsError, 400),
)


class ServiceUnavailable(Exception):
    """Raised when an optional part (gazetteer, zones, extraction) is not installed or failed to load."""


class PayloadTooLarge(Exception):
    """Raised when a request body exceeds ``settings.max_body_bytes``."""


def error_body(detail: str, field: str | None = None) -> dict[str, Any]:
    """Return the JSON body every error response uses."""
    return {"detail": detail, "field": field}


def error_response(
    status_code: int, detail: str, field: str | None = None, headers: dict | None = None
) -> JSONResponse:
    """Return a JSON error response with the standard body."""
    return JSONResponse(error_body(detail, field), status_code=status_code, headers=headers)


def status_for(err: BaseException) -> int:
    """Return the HTTP status for a library exception."""
    for cls, code in STATUS_CODES:
        if isinstance(err, cls):
            return code
    return 500


def _field_for(err: GeoEventsError) -> str | None:
    field = getattr(err, "field", None)
    if field:
        return str(field)
    if isinstance(err, GeocodingError):
        return "q"
    if isinstance(err, ExtractionError):
        return "text"
    problems = getattr(err, "problems", None)
    if problems:
        return str(problems[0][1])
    return None


async def _geo_events_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, GeoEventsError)
    code = status_for(err)
    if isinstance(err, StoreError) and not isinstance(err, EventNotFound):
        log.error("store error on %s: %s", request.url.path, err)
        if isinstance(err, StoreCorrupted):  # never served; the operator repairs (paths stay in the log)
            detail = (
                "the event store is damaged on disk and is not served until it is repaired; "
                "the operator can run `geo-events store check --repair`"
            )
            return error_response(code, detail, None, headers={"Retry-After": "60"})
        detail = (
            "the event store is busy, try again"
            if isinstance(err, StoreLocked)
            else "the event store is unavailable"
        )
        return error_response(code, detail, None, headers={"Retry-After": "1"})
    if code >= 500:
        log.error("data error on %s: %s", request.url.path, err)
        return error_response(code, "the server's bundled data could not be loaded", None)
    return error_response(code, str(err), _field_for(err))


def _loc_field(loc: tuple | list) -> str | None:
    parts = [str(p) for p in loc]
    if not parts:
        return None
    if parts[0] == "body":
        if len(parts) == 1:
            return "body"
        rest = [p for p in parts[1:] if not p.isdigit()] or parts[1:]
        return ".".join(rest) if rest else "body"
    return ".".join(parts[1:]) if len(parts) > 1 else parts[0]


async def _validation_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, RequestValidationError)
    errors = err.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    loc = tuple(first.get("loc") or ())
    field = _loc_field(loc)
    kind = first.get("type", "")
    if kind == "json_invalid":
        detail, field = "request body is not valid JSON", "body"
    elif kind == "missing":
        detail = f"{field} is required"
    else:
        shown = first.get("input")
        shown = shown if isinstance(shown, (str, int, float)) and len(str(shown)) < 80 else None
        detail = f"{field}: {first.get('msg', 'invalid value')}" + (
            f" (got {shown!r})" if shown is not None else ""
        )
    # OGC API – Features: bad query/path parameters are 400; body problems keep FastAPI's 422.
    code = 422 if loc and loc[0] == "body" else 400
    return error_response(code, detail, field)


async def _http_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, StarletteHTTPException)
    detail = err.detail if isinstance(err.detail, str) else "error"
    if err.status_code == 404 and detail == "Not Found":
        detail = f"no such resource: {request.url.path}"
    headers = getattr(err, "headers", None)
    if err.status_code == 405:
        detail = f"method {request.method} is not allowed on {request.url.path}"
        methods = allowed_methods(request.app, request.scope)
        if methods:
            headers = {**(headers or {}), "Allow": ", ".join(methods)}
    return error_response(err.status_code, detail, None, headers=headers)


async def _write_forbidden(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, WriteForbidden)
    headers = {"WWW-Authenticate": "ApiKey"} if err.status_code == 401 else None
    return error_response(err.status_code, str(err), "X-API-Key", headers=headers)


async def _too_busy(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, TooBusy)
    return error_response(429, str(err), None, headers={"Retry-After": str(err.retry_after)})


async def _unavailable(request: Request, err: Exception) -> JSONResponse:
    return error_response(503, str(err), None)


async def _too_large(request: Request, err: Exception) -> JSONResponse:
    return error_response(413, str(err), "body")


async def _unexpected(request: Request, err: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal server error", None)


def install_error_handlers(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""
    app.add_exception_handler(GeoEventsError, _geo_events_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(WriteForbidden, _write_forbidden)
    app.add_exception_handler(TooBusy, _too_busy)
    app.add_exception_handler(ServiceUnavailable, _unavailable)
    app.add_exception_handler(PayloadTooLarge, _too_large)
    app.add_exception_handler(Exception, _unexpected)


__all__ = [
    "STATUS_CODES",
    "PayloadTooLarge",
    "ServiceUnavailable",
    "error_body",
    "error_response",
    "install_error_handlers",
    "status_for",
]
