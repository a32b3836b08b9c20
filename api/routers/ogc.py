"""OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) plus queryables, property filters and sortby.

Collections: ``events`` (the store), ``control-zones``, ``deconfliction-line``, ``places`` (one point per
place) and ``place-lines`` / ``place-areas`` (the gazetteer's rivers and regions; static data, see
``api.collections``); each has one geometry type. QGIS and GDAL (``OAPIF:http://host:port``) read them directly: the landing page
links the API document and the collections, items pages carry ``numberMatched`` and ``next``/``prev``
links, and the OpenAPI document declares ``limit``'s maximum (10,000) so clients page correctly.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from api.collections import COLLECTION_IDS, Collection, get_collection
from api.deps import HeavySlotsDep, StoreDep
from api.ogc_support import CONFORMANCE, CRS84, FORMAT_PATTERN, check_format
from api.patterns import BBOX, DATETIME
from api.responses import GEOJSON, FastJSONResponse, GeoJSONResponse
from api.routers.events import BUSY
from api.schemas import ERROR_RESPONSES, FEATURE_SCHEMA, geojson_response, json_response
from geo_events.query import MAX_LIMIT
from geo_events.settings import get_settings

router = APIRouter(tags=["ogc"], responses=ERROR_RESPONSES)

CollectionId = Annotated[
    str,
    Path(
        description=f"Collection id: one of {', '.join(COLLECTION_IDS)}.",
        examples=["events"],
        max_length=100,
    ),
]
FormatParam = Annotated[
    str | None,
    Query(
        description="Output format; only `json` (GeoJSON for items) is offered (also `geojson`, "
        "`application/json`, `application/geo+json`; any letter case).",
        examples=["json"],
        json_schema_extra={"pattern": FORMAT_PATTERN},
    ),
]
NestedParam = Annotated[
    Literal["json", "text"] | None,
    Query(
        description="Events only: `json` serves claims, sources and assoc_actors as lists; `text` as JSON "
        "text (one stable String field; QGIS 3.22 reads lists of objects as NULL). Default: `text` for "
        "QGIS (User-Agent), `json` otherwise.",
        examples=["text"],
    ),
]
#: The names of CRS84 a client may give in ``crs`` / ``bbox-crs`` (URI, CURIE, URN; a safe CURIE in brackets).
CrsName = Literal[
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "https://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "OGC:CRS84",
    "[OGC:CRS84]",
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
]
_SCHEMA_200 = {
    200: {
        "description": "A JSON Schema.",
        "content": {"application/schema+json": {"schema": {"type": "object"}}},
    }
}
_CRS_HEADER = {"Content-Crs": f"<{CRS84}>"}


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _landing_links(base: str) -> list[dict[str, Any]]:
    return [
        {"href": f"{base}/", "rel": "self", "type": "application/json", "title": "this document"},
        {
            "href": f"{base}/openapi.json",
            "rel": "service-desc",
            "type": "application/vnd.oai.openapi+json;version=3.0",
            "title": "the API definition",
        },
        {
            "href": f"{base}/docs",
            "rel": "service-doc",
            "type": "text/html",
            "title": "the API documentation",
        },
        {
            "href": f"{base}/conformance",
            "rel": "conformance",
            "type": "application/json",
            "title": "conformance classes",
        },
        {
            "href": f"{base}/conformance",
            "rel": "http://www.opengis.net/def/rel/ogc/1.0/conformance",
            "type": "application/json",
            "title": "conformance classes",
        },
        {
            "href": f"{base}/collections",
            "rel": "data",
            "type": "application/json",
            "title": "collections",
        },
        {
            "href": f"{base}/collections",
            "rel": "http://www.opengis.net/def/rel/ogc/1.0/data",
            "type": "application/json",
            "title": "collections",
        },
    ]


@router.get(
    "/",
    response_class=FastJSONResponse,
    summary="Landing page",
    responses=json_response("Links to the API and data."),
)
def landing_page(request: Request, f: FormatParam = None) -> Response:
    """OGC API landing page: links to the API definition, its docs, the conformance classes and the data."""
    check_format(f)
    base = _base(request)
    links = _landing_links(base)
    if "api.routers.maps" in getattr(request.app.state, "optional_routers", ()):
        links.append(
            {"href": f"{base}/maps/events.html", "rel": "related", "type": "text/html", "title": "map"}
        )
    return FastJSONResponse(
        {
            "title": "geo-events",
            "description": (
                "Conflict events, dated control zones, the de-confliction line and gazetteer places."
            ),
            "links": links,
        }
    )


@router.get(
    "/conformance",
    response_class=FastJSONResponse,
    summary="Conformance classes",
    responses=json_response("`conformsTo` list."),
)
def conformance(f: FormatParam = None) -> Response:
    """List the OGC conformance classes this service implements."""
    check_format(f)
    return FastJSONResponse({"conformsTo": list(CONFORMANCE)})


@router.get(
    "/collections",
    response_class=FastJSONResponse,
    summary="Feature collections",
    responses=json_response("The collections."),
)
def collections(request: Request, store: StoreDep, f: FormatParam = None) -> Response:
    """List the four collections with their spatial and temporal extents."""
    check_format(f)
    base = _base(request)
    return FastJSONResponse(
        {
            "links": [
                {
                    "href": f"{base}/collections",
                    "rel": "self",
                    "type": "application/json",
                    "title": "this document",
                }
            ],
            "collections": [get_collection(cid, store, request).describe(base) for cid in COLLECTION_IDS],
        }
    )


@router.get(
    "/collections/{collection_id}",
    response_class=FastJSONResponse,
    summary="One collection",
    responses=json_response("The collection."),
)
def collection(
    request: Request, store: StoreDep, collection_id: CollectionId, f: FormatParam = None
) -> Response:
    """Describe one collection: extent, CRS, and links to its items, queryables and schema."""
    check_format(f)
    return FastJSONResponse(get_collection(collection_id, store, request).describe(_base(request)))


@router.get(
    "/collections/{collection_id}/queryables",
    response_class=Response,
    summary="Queryable properties (JSON Schema)",
    responses=_SCHEMA_200,
)
def queryables(
    request: Request, store: StoreDep, collection_id: CollectionId, f: FormatParam = None
) -> Response:
    """JSON Schema of the properties that can be used as `property=value` filters on the items."""
    check_format(f)
    body = get_collection(collection_id, store, request).queryables(_base(request), full=False)
    return Response(orjson.dumps(body), media_type="application/schema+json")


@router.get(
    "/collections/{collection_id}/schema",
    response_class=Response,
    summary="Feature schema (JSON Schema)",
    responses=_SCHEMA_200,
)
def schema(
    request: Request, store: StoreDep, collection_id: CollectionId, f: FormatParam = None
) -> Response:
    """JSON Schema of every property of the collection's features, with types, so clients get typed fields."""
    check_format(f)
    body = get_collection(collection_id, store, request).queryables(_base(request), full=True)
    return Response(orjson.dumps(body), media_type="application/schema+json")


@router.get(
    "/collections/{collection_id}/items",
    response_class=GeoJSONResponse,
    summary="Features of a collection",
    responses={**geojson_response("A page of features."), **BUSY},
)
def items(
    request: Request,
    store: StoreDep,
    slots: HeavySlotsDep,
    collection_id: CollectionId,
    f: FormatParam = None,
    bbox: Annotated[
        str | None,
        Query(
            description="minx,miny,maxx,maxy (4 or 6 numbers) in CRS84 longitude/latitude.",
            examples=["40,34.5,41,35.5"],
            json_schema_extra={"pattern": BBOX},
        ),
    ] = None,
    bbox_crs: Annotated[
        CrsName | None,
        Query(alias="bbox-crs", description=f"CRS of `bbox`; only {CRS84} is supported.", examples=[CRS84]),
    ] = None,
    crs: Annotated[
        CrsName | None, Query(description=f"CRS of the response; only {CRS84} is supported.", examples=[CRS84])
    ] = None,
    datetime: Annotated[
        str | None,
        Query(
            description=(
                "Instant (`2018-02-07` or RFC 3339) or interval (`2018-02-01/2018-02-28`, open ends `..`). "
                "Events match by event_date; zones and lines by overlap of valid_from–valid_to."
            ),
            examples=["2018-02-01/2018-02-28"],
            json_schema_extra={"pattern": DATETIME},
        ),
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT}).", examples=[100])
    ] = 10,
    offset: Annotated[
        int, Query(ge=0, description="Number of matches to skip (follow `next` links instead).", examples=[0])
    ] = 0,
    sortby: Annotated[
        str | None,
        Query(
            description="Comma-separated properties, `-` for descending, e.g. `-fatalities_best`.",
            examples=["-event_date"],
        ),
    ] = None,
    nested: NestedParam = None,
) -> Response:
    """Return a page of features with `numberMatched`, `numberReturned` and `next`/`prev` links.

    Besides the standard parameters, every queryable property can be used as a filter (`event_type=Battles`,
    `kind=town`, `controller=ISIS`); the `events` collection also accepts the `/events` filters
    (`start`, `end`, `actor`, `q`, `min_fatalities`, `near`, `radius_km`, …).
    """
    check_format(f)
    found = get_collection(collection_id, store, request)
    heavy = get_settings().heavy_limit
    release = slots.take(f"a page of more than {heavy} features") if limit > heavy else None
    try:  # a large page holds a heavy-request slot, as /events pages and exports do (429 when all are taken)
        body = found.items(request, bbox, datetime, limit, offset, sortby, nested)
        return GeoJSONResponse(body, headers={**_CRS_HEADER, **_vary(found, nested)})
    finally:
        if release is not None:
            release()


def _vary(found: Collection, nested: str | None) -> dict[str, str]:
    """The answer depends on the User-Agent (QGIS gets nested=text) unless ``nested`` was given."""
    return {"Vary": "User-Agent"} if found.vary_on_agent and nested is None else {}


@router.get(
    "/collections/{collection_id}/items/{feature_id}",
    response_class=GeoJSONResponse,
    summary="One feature",
    responses=geojson_response("One feature.", FEATURE_SCHEMA),
)
def item(
    request: Request,
    store: StoreDep,
    collection_id: CollectionId,
    feature_id: Annotated[
        str, Path(description="Feature id.", examples=["evt-20c8fef169f3"], max_length=200)
    ],
    f: FormatParam = None,
    nested: NestedParam = None,
) -> Response:
    """Return one feature of a collection (404 when the id is unknown)."""
    check_format(f)
    base = _base(request)
    found = get_collection(collection_id, store, request)
    raw = found.get(request, feature_id, nested)
    links = [
        {"href": str(request.url), "rel": "self", "type": GEOJSON, "title": "this feature"},
        {
            "href": f"{base}/collections/{collection_id}",
            "rel": "collection",
            "type": "application/json",
            "title": "the collection",
        },
    ]
    headers = {**_CRS_HEADER, **_vary(found, nested)}
    return GeoJSONResponse(raw[:-1] + b',"links":' + orjson.dumps(links) + b"}", headers=headers)


__all__ = ["router"]
