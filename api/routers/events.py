"""``/events``: filtered, paged GeoJSON; one event; the same filters as CSV (ACLED columns) and GeoPackage."""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response, StreamingResponse

from api.deps import ApiKeyDep, EventQueryDep, HeavySlotsDep, StoreDep, StrictEventParams
from api.responses import GeoJSONResponse, feature_collection_bytes, paging_links
from api.schemas import ERROR_RESPONSES, FEATURE_SCHEMA, ErrorBody, geojson_response
from geo_events.errors import InvalidQuery
from geo_events.query import MAX_LIMIT, EventQuery
from geo_events.settings import get_settings
from geo_events.store import EventStore

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

#: Events parsed at a time while streaming CSV (bounds memory on large exports).
CSV_CHUNK = 1000

EventId = PathParam(
    description="Event id, e.g. evt-20c8fef169f3.", examples=["evt-20c8fef169f3"], max_length=200
)


BUSY = {429: {"model": ErrorBody, "description": "Too many exports or large pages at once; see Retry-After."}}


def _export_query(request: Request, store: EventStore, query: EventQuery) -> EventQuery:
    """Exports return every match (at most ``GEO_EVENTS_MAX_EXPORT``) unless the request asks for a page."""
    if "limit" in request.query_params:
        return query
    cap = get_settings().max_export
    matched = store.count(query)
    remaining = max(matched - query.offset, 0)
    if remaining > cap:
        raise InvalidQuery(
            f"this export matches {remaining:,} events, more than the {cap:,} one request may return; "
            f"narrow the filters or page with limit (at most {query_max_limit()}) and offset",
            "limit",
        )
    return replace(query, limit=max(remaining, 1))


def query_max_limit() -> int:
    """The largest ``limit`` of one page."""
    return min(get_settings().max_limit, MAX_LIMIT)


def _export_headers(request: Request, store: EventStore, query: EventQuery, filename: str) -> dict[str, str]:
    """``Content-Disposition``, the number matched and a ``Link: rel=next`` when a page has more after it."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if "limit" in request.query_params:
        matched = store.count(query)
        headers["X-Number-Matched"] = str(matched)
        if query.offset + query.limit < matched:
            next_url = request.url.include_query_params(offset=query.offset + query.limit, limit=query.limit)
            headers["Link"] = f'<{next_url}>; rel="next"'
    return headers


def _prefetched(chunks: Iterator[list[bytes]]) -> Iterator[list[bytes]]:
    """Produce the first chunk now, so damage found before it (503) comes before the response starts."""
    try:
        first = next(chunks)
    except StopIteration:
        return iter(())
    return itertools.chain([first], chunks)


def _raw_chunks(store: EventStore, query: EventQuery, chunk: int) -> Iterator[list[bytes]]:
    """A query's raw features ``chunk`` at a time (rows chosen, and checked, once by the store)."""
    yield from store.iter_query(query, chunk)


def _guarded(chunks: Iterator[bytes], release: Callable[[], None]) -> Iterator[bytes]:
    """Run ``chunks`` and call ``release`` when it ends, fails or is dropped (a client that left).

    The first chunk is produced here, so the generator has started: closing or collecting it then runs
    its ``finally`` even when the server never iterates it further.
    """

    def run() -> Iterator[bytes]:
        try:
            yield from chunks
        finally:
            release()

    body = run()
    try:
        first = next(body)
    except StopIteration:
        return iter(())
    return itertools.chain([first], body)


@router.get(
    "/events",
    response_class=GeoJSONResponse,
    responses={**geojson_response("One page of matching events."), **BUSY},
    summary="Search events",
    dependencies=[StrictEventParams],
)
def list_events(request: Request, store: StoreDep, query: EventQueryDep, slots: HeavySlotsDep) -> Response:
    """Return one page of events matching every filter, with `numberMatched` and `next`/`prev` links.

    Example: `/events?bbox=40,34.5,41,35.5&start=2018-02-01&end=2018-02-28&sort=-fatalities`
    """
    release = slots.take("a page of more than %d events" % get_settings().heavy_limit) if (
        query.limit > get_settings().heavy_limit
    ) else None
    try:
        result = store.query(query)
        links = paging_links(request, query.offset, query.limit, result.number_matched, result.number_returned)
        body = feature_collection_bytes(result.raw_features(), result.number_matched, links)
        del result
    finally:
        if release is not None:
            release()
    return GeoJSONResponse(body)


@router.get(
    "/events.csv",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "ACLED-style CSV."},
        **BUSY,
    },
    summary="Search events as CSV",
    dependencies=[StrictEventParams],
)
def events_csv(request: Request, store: StoreDep, query: EventQueryDep, slots: HeavySlotsDep) -> Response:
    """Return matching events as CSV with ACLED column names first, streamed.

    Every match is returned (at most `GEO_EVENTS_MAX_EXPORT`, 100,000 by default: more is a 400 naming
    `limit`) unless `limit` asks for a page; a page carries `X-Number-Matched` and a `Link: rel="next"`.
    """
    release = slots.take("an export")
    try:
        query = _export_query(request, store, query)
        headers = _export_headers(request, store, query, "events.csv")
        body = _guarded(_csv_stream(_prefetched(_raw_chunks(store, query, CSV_CHUNK))), release)
    except BaseException:
        release()
        raise
    return StreamingResponse(body, media_type="text/csv; charset=utf-8", headers=headers)


def _csv_stream(chunks: Iterator[list[bytes]]) -> Iterator[bytes]:
    from geo_events.formats import features_to_csv

    yield features_to_csv([]).encode("utf-8")
    for raws in chunks:
        if raws:
            features = [orjson.loads(raw) for raw in raws]
            yield features_to_csv(features).split("\n", 1)[1].encode("utf-8")


def csv_chunks(raws: list[bytes], chunk_size: int = CSV_CHUNK) -> Iterator[bytes]:
    """Yield CSV text (header first) ``chunk_size`` events at a time, parsing only one chunk at once."""
    return _csv_stream(raws[start : start + chunk_size] for start in range(0, len(raws), chunk_size))


@router.get(
    "/events.gpkg",
    response_class=Response,
    responses={
        200: {
            "content": {"application/geopackage+sqlite3": {"schema": {"type": "string", "format": "binary"}}},
            "description": "GeoPackage.",
        },
        **BUSY,
    },
    summary="Search events as GeoPackage",
    dependencies=[StrictEventParams],
)
def events_gpkg(request: Request, store: StoreDep, query: EventQueryDep, slots: HeavySlotsDep) -> Response:
    """Return matching events as a GeoPackage (layer `events`, EPSG:4326).

    Every match is exported (at most `GEO_EVENTS_MAX_EXPORT`) unless `limit` is given; the file is
    streamed from disk.
    """
    from geo_events.formats import write_events

    release = slots.take("an export")
    try:
        query = _export_query(request, store, query)
        headers = _export_headers(request, store, query, "events.gpkg")
        features = [orjson.loads(raw) for raws in _raw_chunks(store, query, CSV_CHUNK) for raw in raws]
        with tempfile.TemporaryDirectory(prefix="geo-events-") as folder:
            path = write_events(features, Path(folder) / "events.gpkg", "gpkg")
            del features
            handle = open(path, "rb")  # noqa: SIM115 - closed by the stream; the folder goes now
        headers["Content-Length"] = str(os.fstat(handle.fileno()).st_size)
        body = _guarded(_file_chunks(handle), release)
    except BaseException:
        release()
        raise
    return StreamingResponse(body, media_type="application/geopackage+sqlite3", headers=headers)


def _file_chunks(handle: Any, size: int = 1 << 20) -> Iterator[bytes]:
    with handle:
        while True:
            block = handle.read(size)
            if not block:
                return
            yield block


@router.get(
    "/events/{event_id}",
    response_class=GeoJSONResponse,
    responses=geojson_response("One event Feature.", FEATURE_SCHEMA),
    summary="Get one event",
)
def get_event(store: StoreDep, event_id: str = EventId) -> Response:
    """Return one event as a GeoJSON Feature (404 when no event has this id)."""
    return GeoJSONResponse(store.get_raw(event_id))


@router.delete(
    "/events/{event_id}",
    status_code=204,
    dependencies=[ApiKeyDep],
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Delete one event (needs X-API-Key)",
)
def delete_event(store: StoreDep, event_id: str = EventId) -> Response:
    """Remove one event from the store; needs the `X-API-Key` header."""
    store.delete(event_id)
    return Response(status_code=204)
