"""Building blocks of the OGC API router: collection metadata, JSON Schemas, datetime/sortby parsing, items.

Kept apart from ``api.routers.ogc`` so the route module stays a thin list of endpoints.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import orjson
from fastapi import Request

from api.collections import memory_collection
from api.deps import parse_near, parse_precision
from api.patterns import BBOX, DATE, DATETIME, LAT_LON, INTEGER, NUMBER, WHOLE_NUMBER, anchored, any_case, full_match, sort_list
from api.responses import CRS84, GEOJSON, feature_collection_bytes, paging_links
from geo_events.errors import InvalidQuery
from geo_events.query import EventQuery, parse_bbox, parse_date
from geo_events.settings import get_settings
from geo_events.store import EventStore, iter_matches
from geo_events.store.index import property_matches
from geo_events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

COLLECTION_IDS: tuple[str, ...] = (
    "events", "control-zones", "deconfliction-line", "places", "place-lines", "place-areas",
)  # fmt: skip
#: Collections without a time dimension.
_UNDATED = frozenset({"places", "place-lines", "place-areas"})
#: OGC API – Features Part 5 geometry formats of the single-type collections.
_GEOMETRY_FORMATS = {
    "Point": "geometry-point",
    "LineString": "geometry-linestring",
    "Polygon": "geometry-polygon",
    "MultiLineString": "geometry-multilinestring",
    "MultiPolygon": "geometry-multipolygon",
}
CONFORMANCE: tuple[str, ...] = (
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
    "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
    "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting",
)
TRS = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
STANDARD_PARAMS = frozenset({"f", "bbox", "bbox-crs", "crs", "datetime", "limit", "offset", "sortby", "nested"})
#: Event properties that are lists (of objects, or of strings). QGIS 3.22's OAPIF provider types its
#: fields from the first page and reads a list of objects as NULL, and GDAL types ``assoc_actors`` as a
#: string list or as JSON depending on whether the first page has a non-empty one. With ``nested=text``
#: (the default for QGIS) they are served as JSON text: one stable String field in every client, read
#: back with ``from_json("claims")`` in a QGIS expression.
NESTED_FIELDS: tuple[str, ...] = ("claims", "sources", "assoc_actors")
_QGIS_AGENT = re.compile(r"\bQGIS/")

_STR = {"type": "string"}
#: Every property of an event Feature with its JSON Schema type (see geo_events.models.EventProperties).
EVENT_PROPERTIES: dict[str, dict[str, Any]] = {
    "id": {**_STR, "title": "Event id"},
    "event_date": {"type": "string", "format": "date", "title": "Event date"},
    "date_precision": {"type": "string", "enum": ["day", "week", "month"]},
    "event_type": {"type": "string", "enum": list(EVENT_TYPES)},
    "sub_event_type": {"type": "string", "enum": list(SUB_EVENT_TYPES)},
    "actor1": {**_STR, "title": "Initiating actor"},
    "actor2": {**_STR, "title": "Target / other side"},
    "assoc_actors": {
        "type": "array",
        "items": _STR,
        "title": "Associated actors",
        "description": "A list; JSON text with nested=text (the default for QGIS).",
    },
    "location": {**_STR, "title": "Place name"},
    "admin1": _STR,
    "admin2": _STR,
    "country": _STR,
    "iso3": _STR,
    "geo_precision": {"type": "integer", "enum": [1, 2, 3], "title": "1 place, 2 near/region, 3 province"},
    "place_id": _STR,
    "fatalities_best": {"type": "integer", "minimum": 0},
    "fatalities_low": {"type": "integer", "minimum": 0},
    "fatalities_high": {"type": "integer", "minimum": 0},
    "claims": {
        "type": "array",
        "items": {"type": "object"},
        "title": "Attributed casualty claims",
        "description": "A list of objects; JSON text with nested=text (the default for QGIS).",
    },
    "sources": {
        "type": "array",
        "items": {"type": "object"},
        "title": "Reports the event is coded from",
        "description": "A list of objects; JSON text with nested=text (the default for QGIS).",
    },
    "control_zone": {**_STR, "title": "Controller of the location on the event date"},
    "side_of_line": {"type": "string", "enum": ["east", "west", "on_line"]},
    "notes": _STR,
    "geocoder": _STR,
    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    "extracted_at": {"type": "string", "format": "date-time"},
}
#: Event properties that can be filtered with ``property=value`` on the items.
EVENT_QUERYABLES: tuple[str, ...] = (
    "id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "admin1", "admin2", "country", "iso3", "geo_precision", "place_id", "fatalities_best", "control_zone",
    "side_of_line", "geocoder",
)  # fmt: skip
#: Queryables that are ``EventQuery`` filters of their own (the others become ``EventQuery.extra``).
_INDEXED = {"event_type", "sub_event_type", "country", "iso3", "admin1", "control_zone", "side_of_line"}
#: ``/events`` filter parameters also accepted on ``/collections/events/items``.
EVENT_QUERY_PARAMS: tuple[str, ...] = (
    "start", "end", "actor", "min_fatalities", "max_fatalities", "near", "radius_km", "q", "source",
)  # fmt: skip
_SORT_KEYS = {
    "event_date": "date",
    "date": "date",
    "fatalities_best": "fatalities",
    "fatalities": "fatalities",
    "id": "id",
}


def _ogc_day(text: str) -> date:
    text = text.strip()
    if len(text) == 11 and text.endswith("T"):  # GDAL's OAPIF client writes a day as "2019-01-01T"
        text = text[:-1]
    return parse_date(text, "datetime")


def parse_datetime(value: str | None) -> tuple[date | None, date | None] | None:
    """Parse an OGC ``datetime`` (instant, ``a/b``, open ``../b`` or ``a/..``) into (first day, last day).

    Exactly the values of ``api.patterns.DATETIME`` (the pattern the OpenAPI document gives) are accepted;
    an interval that ends before it starts is refused too. Raises ``InvalidQuery(field='datetime')``.
    """
    if value is None or value == "":
        return None
    if not full_match(DATETIME, value):
        raise InvalidQuery(
            "datetime must be a day or RFC 3339 timestamp (1900–2100), or an interval a/b with open ends "
            f"'..'; got {value[:80]!r}",
            "datetime",
        )
    text = value.strip()
    if "/" in text:
        left, right = text.split("/", 1)
        start = None if left.strip() in ("", "..") else _ogc_day(left)
        end = None if right.strip() in ("", "..") else _ogc_day(right)
        if start and end and start > end:
            raise InvalidQuery(f"datetime interval starts ({start}) after it ends ({end})", "datetime")
        return start, end
    day = _ogc_day(text)
    return day, day


def parse_ogc_bbox(value: str) -> tuple[float, float, float, float]:
    """Parse ``bbox`` as ``api.patterns.BBOX`` says (4 or 6 plain numbers), then check min ≤ max."""
    if not full_match(BBOX, value):
        raise InvalidQuery(
            f"bbox must be 4 numbers minx,miny,maxx,maxy (or 6 with heights) in WGS84 degrees; got {value[:80]!r}",
            "bbox",
        )
    return parse_bbox(value)


def parse_datetimes(values: list[str]) -> tuple[date | None, date | None] | None:
    """Parse one or more ``datetime`` values into the interval they all allow (their intersection).

    GDAL's OAPIF client turns ``event_date >= A AND event_date <= B`` into ``datetime=A/..&datetime=../B``.
    An empty intersection is the interval itself (matching nothing), not an error.
    """
    intervals = [found for found in (parse_datetime(v) for v in values) if found is not None]
    if not intervals:
        return None
    starts = [s for s, _ in intervals if s is not None]
    ends = [e for _, e in intervals if e is not None]
    return (max(starts) if starts else None), (min(ends) if ends else None)


def sortable(collection_id: str) -> set[str]:
    """Return the property names ``sortby`` accepts on a collection."""
    if collection_id == "events":
        return set(_SORT_KEYS)
    return set(memory_collection(collection_id).property_types()) | {"id"}


#: Values of ``f`` (any letter case): the one format served, by its short and its media-type names.
FORMATS: tuple[str, ...] = ("json", "geojson", "application/json", GEOJSON)
FORMAT_PATTERN = anchored(any_case(FORMATS))


def check_format(f: str | None) -> None:
    """Refuse an ``f`` other than ``FORMATS`` (any case): ``InvalidQuery(field='f')``."""
    if f is not None and not full_match(FORMAT_PATTERN, f):
        raise InvalidQuery(f"f must be json (the only format served); got {f[:80]!r}", "f")


def parse_sortby(value: str | None, allowed: set[str] | None = None) -> list[tuple[str, bool]]:
    """Parse ``sortby=-a,+b,c`` into [(property, descending)]; raise ``InvalidQuery(field='sortby')``.

    With ``allowed``, exactly the values of ``api.patterns.sort_list(allowed)`` are accepted.
    """
    if not value:
        return []
    if allowed is not None and not full_match(sort_list(allowed), value):
        choices = ", ".join(sorted(allowed))
        raise InvalidQuery(f"cannot sort by {value[:80]!r}; sortable properties: {choices} ('-' descending)",
                           "sortby")
    keys = []
    for part in value.split(","):
        part = part.strip()
        descending = part.startswith("-")
        name = part[1:].strip() if part[:1] in "+-" and part else part
        if not name:
            raise InvalidQuery(f"cannot sort by {part!r}: no property name", "sortby")
        keys.append((name, descending))
    return keys


#: ``geo_precision`` filters take one code or a comma-separated list (``1,2``).
PRECISION_LIST = "^[1-3](,[1-3])*$"


def filter_schema(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Return the query-parameter schema of a ``property=value`` filter: exactly what ``check_filter`` accepts.

    Enumerated properties take exactly their values (``event_type=Battles``, as the queryables say).
    """
    kind = schema.get("type")
    if name == "geo_precision":
        return {"type": "string", "pattern": PRECISION_LIST}
    if kind == "string" and "enum" in schema:
        return {"type": "string", "enum": list(schema["enum"])}
    if kind in ("integer", "number"):
        return {k: v for k, v in schema.items() if k in ("type", "minimum", "maximum", "exclusiveMinimum")}
    if kind == "boolean":
        return {"type": "boolean"}
    return {"type": "string"}


def check_filter(name: str, value: str, schema: dict[str, Any]) -> None:
    """Refuse a filter value its parameter schema (``filter_schema``) refuses: ``InvalidQuery`` naming it."""
    kind, pattern = schema.get("type"), schema.get("pattern")
    if kind == "integer":
        pattern, what = (WHOLE_NUMBER, "a whole number") if schema.get("minimum", -1) >= 0 else (INTEGER, "an integer")
    elif kind == "number":
        pattern, what = NUMBER, "a number"
    elif kind == "boolean":
        pattern, what = "^(true|false)$", "true or false"
    else:
        what = "1, 2 or 3 (comma-separated)" if pattern == PRECISION_LIST else "text"
    if pattern is not None and not full_match(pattern, value):
        raise InvalidQuery(f"{name} must be {what}; got {value[:80]!r}", name)
    if "enum" in schema and value not in schema["enum"]:
        raise InvalidQuery(f"{name} must be one of: {', '.join(map(str, schema['enum']))}; got {value[:80]!r}", name)
    if kind in ("integer", "number"):
        number = float(value)
        low, high = schema.get("minimum"), schema.get("maximum")
        above = schema.get("exclusiveMinimum")
        if (low is not None and number < low) or (high is not None and number > high) or (
            above is not None and number <= above
        ):
            raise InvalidQuery(f"{name} is out of range; got {value[:80]!r}", name)


def _extra_params(request: Request, allowed: set[str]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if name in STANDARD_PARAMS:
            continue
        if name not in allowed:
            raise InvalidQuery(
                f"unknown parameter {name!r}; filterable properties: {', '.join(sorted(allowed))}", name
            )
        extra[name] = value
    return extra


def nested_mode(request: Request, nested: str | None) -> str:
    """Return how list properties are served: ``nested`` when given, else ``text`` for QGIS, ``json`` otherwise."""
    if nested is not None:
        return nested
    return "text" if _QGIS_AGENT.search(request.headers.get("user-agent", "")) else "json"


def nested_as_text(raw: bytes) -> bytes:
    """Return a serialised event Feature with its list properties as JSON text (see ``NESTED_FIELDS``)."""
    feature = orjson.loads(raw)
    props = feature.get("properties") or {}
    for name in NESTED_FIELDS:
        if name in props and not isinstance(props[name], str):
            props[name] = orjson.dumps(props[name] if props[name] is not None else []).decode()
    return orjson.dumps(feature)


def _isoday(value: date | None) -> str | None:
    return f"{value.isoformat()}T00:00:00Z" if value is not None else None


def collection_document(collection_id: str, base: str, store: EventStore) -> dict[str, Any]:
    """Return the OGC collection description (extent, CRS, itemType and links) of one collection."""
    if collection_id == "events":
        title, description = (
            "Conflict events",
            "Geocoded conflict events (ACLED-style fields, attributed claims).",
        )
        bbox, days = store.extent()
        interval = [[_isoday(days[0]), _isoday(days[1])]] if days else [[None, None]]
    else:
        found = memory_collection(collection_id)
        title, description = found.title, found.description
        bbox, span = found.extent()
        interval = [[_isoday(span[0]), _isoday(span[1])]] if span else [[None, None]]
    url = f"{base}/collections/{collection_id}"
    extent: dict[str, Any] = {
        "spatial": {"bbox": [list(bbox) if bbox else [-180.0, -90.0, 180.0, 90.0]], "crs": CRS84}
    }
    if collection_id not in _UNDATED:
        extent["temporal"] = {"interval": interval, "trs": TRS}
    return {
        "id": collection_id,
        "title": title,
        "description": description,
        "itemType": "feature",
        "extent": extent,
        "crs": [CRS84],
        "storageCrs": CRS84,
        "links": [
            {"href": url, "rel": "self", "type": "application/json", "title": "this collection"},
            {"href": f"{url}/items", "rel": "items", "type": GEOJSON, "title": "the features"},
            {
                "href": f"{url}/queryables",
                "rel": "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "type": "application/schema+json",
                "title": "queryable properties",
            },
            {
                "href": f"{url}/schema",
                "rel": "describedby",
                "type": "application/schema+json",
                "title": "feature schema",
            },
        ],
    }


def _properties_of(collection_id: str) -> dict[str, dict[str, Any]]:
    if collection_id == "events":
        return EVENT_PROPERTIES
    return memory_collection(collection_id).property_types()


def queryables_document(collection_id: str, base: str, full: bool) -> dict[str, Any]:
    """Return the JSON Schema of the queryables (``full=False``) or of every property (``full=True``)."""
    props = _properties_of(collection_id)
    if not full and collection_id == "events":
        props = {name: EVENT_PROPERTIES[name] for name in EVENT_QUERYABLES}
    elif not full:
        props = {name: schema for name, schema in props.items() if schema.get("format") != "date"}
    kind = "schema" if full else "queryables"
    properties: dict[str, Any] = {name: dict(schema) for name, schema in props.items()}
    if full:
        kind_of = "Point" if collection_id == "events" else memory_collection(collection_id).geometry_type
        geometry_format = _GEOMETRY_FORMATS.get(kind_of or "", "geometry-any")
        properties["geometry"] = {"format": geometry_format, "x-ogc-role": "primary-geometry"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}/collections/{collection_id}/{kind}",
        "type": "object",
        "title": f"{collection_id} {kind}",
        "properties": properties,
        "additionalProperties": not full,
    }


#: The /events filters also accepted on /collections/events/items: (query-parameter schema, description,
#: example). The schemas are what ``_event_query`` accepts (``check_filter``), and what the OpenAPI says.
EVENT_FILTER_PARAMS: dict[str, tuple[dict[str, Any], str, Any]] = {
    "start": ({"type": "string", "pattern": anchored(DATE)}, "First event date (inclusive), YYYY-MM-DD.",
              "2018-02-01"),
    "end": ({"type": "string", "pattern": anchored(DATE)}, "Last event date (inclusive), YYYY-MM-DD.", "2018-02-28"),
    "actor": ({"type": "string"}, "Text matched in actor1, actor2 and assoc_actors.", "Russia"),
    "min_fatalities": ({"type": "integer", "minimum": 0}, "Smallest fatalities_best.", 10),
    "max_fatalities": ({"type": "integer", "minimum": 0}, "Largest fatalities_best.", 1000),
    "near": ({"type": "string", "pattern": LAT_LON},
             "Centre 'lat,lon' of a radius search (see radius_km).", "35.30,40.29"),
    "radius_km": ({"type": "number", "exclusiveMinimum": 0, "maximum": 20000},
                  "Radius of the `near` search in km (default 25).", 25),
    "q": ({"type": "string", "maxLength": 500}, "Free text searched in every field.", "Khasham"),
    "source": ({"type": "string"}, "Text matched in source ids, publishers and URLs.", "The New Arab"),
}  # fmt: skip


def event_filter_schemas() -> dict[str, dict[str, Any]]:
    """Return the query-parameter schema of every filter of ``/collections/events/items`` but ``event_date``."""
    schemas = {name: filter_schema(name, EVENT_PROPERTIES[name]) for name in EVENT_QUERYABLES if name != "event_date"}
    schemas.update({name: schema for name, (schema, _, _) in EVENT_FILTER_PARAMS.items()})
    return schemas


def _event_query(
    extra: dict[str, str], bbox: str | None, interval: tuple[date | None, date | None] | None
) -> tuple[EventQuery, dict[str, str]]:
    """Turn OGC parameters into an ``EventQuery`` plus its ``property=value`` filters (``EventQuery.extra``).

    Every value is first checked against its documented schema (``event_filter_schemas``).
    """
    schemas = event_filter_schemas()
    fields: dict[str, Any] = {}
    post: dict[str, str] = {}
    for name, value in extra.items():
        if name in schemas:
            check_filter(name, value, schemas[name])
            if len(value) > schemas[name].get("maxLength", len(value)):
                raise InvalidQuery(f"{name} is longer than {schemas[name]['maxLength']} characters", name)
        if name in ("start", "end"):
            fields[name] = parse_date(value, name)
        elif name in ("min_fatalities", "max_fatalities"):
            fields[name] = int(value)
        elif name == "radius_km":
            fields[name] = float(value)
        elif name == "near":
            fields["near"] = parse_near(value)
        elif name == "geo_precision":
            fields["geo_precision"] = parse_precision(value)
        elif name == "iso3":
            fields["country"] = value
        elif name == "fatalities_best":
            post[name] = str(int(value))
        elif name in _INDEXED or name in ("actor", "q", "source"):
            fields[name] = value
        else:
            post[name] = value
    if bbox is not None:
        fields["bbox"] = parse_ogc_bbox(bbox)
    if interval is not None:
        start, end = interval
        if start is not None:
            fields["start"] = max(start, fields.get("start", start))
        if end is not None:
            fields["end"] = min(end, fields.get("end", end))
    return EventQuery(**fields), post


def event_items(
    request: Request,
    store: EventStore,
    bbox: str | None,
    datetime: str | None,
    limit: int,
    offset: int,
    sortby: str | None,
    nested: str = "json",
) -> bytes:
    """Answer ``/collections/events/items``: a FeatureCollection body with paging links.

    ``nested="text"`` serves ``claims``, ``sources`` and ``assoc_actors`` as JSON text (``NESTED_FIELDS``).
    """
    max_limit = min(get_settings().max_limit, 10_000)
    extra = _extra_params(request, set(EVENT_QUERYABLES) | set(EVENT_QUERY_PARAMS))
    query, post = _event_query(extra, bbox, _interval(request, datetime))
    keys = parse_sortby(sortby, sortable("events"))
    sort = "date"
    if keys:
        name, descending = keys[0]
        sort = ("-" if descending else "") + _SORT_KEYS[name]
    query = replace(query, sort=sort, limit=limit, offset=offset).validate(max_limit=max_limit)
    if not post or "extra" in store.capabilities:  # the store answers property=value filters itself
        result = store.query(replace(query, extra=post) if post else query)
        matched, raws = result.number_matched, result.raw_features()
    else:  # a backend without them: filter the streamed matches here
        matches = iter_matches(store, replace(query, offset=0))
        kept = [raw for raw in matches if property_matches(orjson.loads(raw), post)]
        matched, raws = len(kept), kept[offset : offset + limit]
    if nested == "text":
        raws = [nested_as_text(raw) for raw in raws]
    links = paging_links(request, offset, limit, matched, len(raws))
    return feature_collection_bytes(raws, matched, links)


def _interval(request: Request, datetime: str | None) -> tuple[date | None, date | None] | None:
    given = request.query_params.getlist("datetime")
    return parse_datetimes(given) if len(given) > 1 else parse_datetime(datetime)


def memory_items(
    request: Request,
    collection_id: str,
    bbox: str | None,
    datetime: str | None,
    limit: int,
    offset: int,
    sortby: str | None,
) -> bytes:
    """Answer ``/collections/{id}/items`` for a static collection."""
    found = memory_collection(collection_id)
    types = {"id": {"type": "string"}, **found.property_types()}
    extra = _extra_params(request, set(types))
    for name, value in extra.items():
        check_filter(name, value, filter_schema(name, types[name]))
    keys = parse_sortby(sortby, sortable(collection_id))
    matched, raws = found.items(
        bbox=parse_ogc_bbox(bbox) if bbox is not None else None,
        interval=_interval(request, datetime),
        filters=extra,
        sortby=keys,
        limit=limit,
        offset=offset,
    )
    links = paging_links(request, offset, limit, matched, len(raws))
    return feature_collection_bytes(raws, matched, links)


__all__ = [
    "COLLECTION_IDS",
    "CONFORMANCE",
    "CRS84",
    "EVENT_PROPERTIES",
    "EVENT_QUERYABLES",
    "EVENT_QUERY_PARAMS",
    "NESTED_FIELDS",
    "collection_document",
    "event_items",
    "memory_items",
    "nested_as_text",
    "nested_mode",
    "parse_datetime",
    "parse_datetimes",
    "parse_sortby",
    "sortable",
    "check_filter",
    "check_format",
    "event_filter_schemas",
    "filter_schema",
    "FORMAT_PATTERN",
    "EVENT_FILTER_PARAMS",
    "queryables_document",
]
