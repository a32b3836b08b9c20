"""``/events``: filtered, paged GeoJSON; one event; the same filters as CSV (ACLED columns) and GeoPackage."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import orjson
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response, StreamingResponse

from api.deps import ApiKeyDep, EventQueryDep, StoreDep, StrictEventParams
from api.responses import GeoJSONResponse, feature_collection_bytes, paging_links
from api.schemas import ERROR_RESPONSES, FEATURE_SCHEMA, ErrorBody, geojson_response
from geo_events.query import EventQuery
from geo_events.store import EventStore

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

#: Events parsed at a time while streaming CSV (bounds memory on large exports).
CSV_CHUNK = 1000

EventId = PathParam(
    description="Event id, e.g. evt-20c8fef169f3.", examples=["evt-20c8fef169f3"], max_length=200
)


def _export_query(request: Request, store: EventStore, query: EventQuery) -> EventQuery:
    """Exports return every match unless the request asked for a page with ``limit``."""
    if "limit" in request.query_params:
        return query
    return replace(query, limit=max(store.count(query), 1))


@router.get(
    "/events",
    response_class=GeoJSONResponse,
    responses=geojson_response("One page of matching events."),
    summary="Search events",
    dependencies=[StrictEventParams],
)
def list_events(request: Request, store: StoreDep, query: EventQueryDep) -> Response:
    """Return one page of events matching every filter, with `numberMatched` and `next`/`prev` links.

    Example: `/events?bbox=40,34.5,41,35.5&start=2018-02-01&end=2018-02-28&sort=-fatalities`
    """
    result = store.query(query)
    links = paging_links(request, query.offset, query.limit, result.number_matched, result.number_returned)
    body = feature_collection_bytes(result.raw_features(), result.number_matched, links)
    return GeoJSONResponse(body)


@router.get(
    "/events.csv",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "ACLED-style CSV."}
    },
    summary="Search events as CSV",
    dependencies=[StrictEventParams],
)
def events_csv(request: Request, store: StoreDep, query: EventQueryDep) -> Response:
    """Return matching events as CSV with ACLED column names first (all matches unless `limit` is given)."""
    raws = store.query(_export_query(request, store, query)).raw_features()
    return StreamingResponse(
        csv_chunks(raws),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


def csv_chunks(raws: list[bytes], chunk_size: int = CSV_CHUNK) -> Iterator[bytes]:
    """Yield CSV text (header first) ``chunk_size`` events at a time, parsing only one chunk at once."""
    from geo_events.formats import features_to_csv

    yield features_to_csv([]).encode("utf-8")
    for start in range(0, len(raws), chunk_size):
        chunk = [orjson.loads(raw) for raw in raws[start : start + chunk_size]]
        yield features_to_csv(chunk).split("\n", 1)[1].encode("utf-8")


@router.get(
    "/events.gpkg",
    response_class=Response,
    responses={
        200: {
            "content": {"application/geopackage+sqlite3": {"schema": {"type": "string", "format": "binary"}}},
            "description": "GeoPackage.",
        },
    },
    summary="Search events as GeoPackage",
    dependencies=[StrictEventParams],
)
def events_gpkg(request: Request, store: StoreDep, query: EventQueryDep) -> Response:
    """Return matching events as a GeoPackage (layer `events`, EPSG:4326).

    Every match is exported unless `limit` is given.
    """
    from geo_events.formats import write_events

    features = store.query(_export_query(request, store, query)).features
    with tempfile.TemporaryDirectory(prefix="geo-events-") as folder:
        path = write_events(features, Path(folder) / "events.gpkg", "gpkg")
        data = path.read_bytes()
    return Response(
        data,
        media_type="application/geopackage+sqlite3",
        headers={"Content-Disposition": 'attachment; filename="events.gpkg"'},
    )


@router.get(
    "/events/{event_id}",
    response_class=GeoJSONResponse,
    responses=geojson_response("One event Feature.", FEATURE_SCHEMA),
    summary="Get one event",
)
def get_event(store: StoreDep, event_id: str = EventId) -> Response:
    """Return one event as a GeoJSON Feature (404 when no event has this id)."""
    get_raw = getattr(store, "get_raw", None)
    body = get_raw(event_id) if get_raw is not None else orjson.dumps(store.get(event_id))
    return GeoJSONResponse(body)


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
