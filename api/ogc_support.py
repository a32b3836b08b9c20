"""Building blocks every OGC API collection uses: the collection and schema documents, ``datetime``,
``bbox``, ``sortby`` and ``f`` parsing, ``property=value`` filter schemas and list properties as text.

Kept apart from ``api.routers.ogc`` (a thin list of endpoints) and from the collections themselves
(``api.collections``: the ``Collection`` protocol, ``api.ogc_events``: the ``events`` collection).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import orjson
from fastapi import Request

from api.patterns import (
    BBOX,
    DATETIME,
    INTEGER,
    NUMBER,
    WHOLE_NUMBER,
    anchored,
    any_case,
    choice_list,
    full_match,
    sort_list,
)
from api.responses import CRS84, GEOJSON
from geo_events.errors import InvalidQuery
from geo_events.query import parse_bbox, parse_date

Bbox = tuple[float, float, float, float]
Interval = tuple[date | None, date | None]
#: OGC API – Features Part 5 geometry formats of the single-type collections.
GEOMETRY_FORMATS = {
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


def filter_schema(schema: dict[str, Any], listed: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """Return the query-parameter schema of a ``property=value`` filter: exactly what ``check_filter`` accepts.

    Enumerated properties take exactly their values (``event_type=Battles``, as the queryables say);
    ``listed`` (the choices of a list filter such as ``geo_precision``) takes them comma-separated.
    """
    kind = schema.get("type")
    if listed:
        return {"type": "string", "pattern": choice_list(listed)}
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
        what = "a comma-separated list of the allowed values" if pattern else "text"
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


def extra_params(request: Request, allowed: set[str]) -> dict[str, str]:
    """Return the non-standard query parameters (``property=value`` filters); refuse any not in ``allowed``."""
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


def interval_of(request: Request, datetime: str | None) -> Interval | None:
    """The ``datetime`` interval of a request (several ``datetime`` values: their intersection)."""
    given = request.query_params.getlist("datetime")
    return parse_datetimes(given) if len(given) > 1 else parse_datetime(datetime)


def isoday(value: date | None) -> str | None:
    """A day as the RFC 3339 instant OGC extents use (None stays None: an open end)."""
    return f"{value.isoformat()}T00:00:00Z" if value is not None else None


def collection_document(
    collection_id: str,
    base: str,
    title: str,
    description: str,
    extent: tuple[Bbox | None, Interval | None],
    dated: bool,
) -> dict[str, Any]:
    """Return the OGC collection description (extent, CRS, itemType and links) of one collection."""
    bbox, span = extent
    url = f"{base}/collections/{collection_id}"
    document_extent: dict[str, Any] = {
        "spatial": {"bbox": [list(bbox) if bbox else [-180.0, -90.0, 180.0, 90.0]], "crs": CRS84}
    }
    if dated:
        interval = [[isoday(span[0]), isoday(span[1])]] if span else [[None, None]]
        document_extent["temporal"] = {"interval": interval, "trs": TRS}
    return {
        "id": collection_id,
        "title": title,
        "description": description,
        "itemType": "feature",
        "extent": document_extent,
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


def schema_document(
    collection_id: str, base: str, properties: dict[str, dict[str, Any]], geometry_type: str | None, full: bool
) -> dict[str, Any]:
    """Return the JSON Schema of the queryables (``full=False``) or of every property with the geometry."""
    kind = "schema" if full else "queryables"
    described: dict[str, Any] = {name: dict(schema) for name, schema in properties.items()}
    if full:
        geometry_format = GEOMETRY_FORMATS.get(geometry_type or "", "geometry-any")
        described["geometry"] = {"format": geometry_format, "x-ogc-role": "primary-geometry"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}/collections/{collection_id}/{kind}",
        "type": "object",
        "title": f"{collection_id} {kind}",
        "properties": described,
        "additionalProperties": not full,
    }


__all__ = [
    "CONFORMANCE",
    "CRS84",
    "FORMAT_PATTERN",
    "GEOMETRY_FORMATS",
    "NESTED_FIELDS",
    "STANDARD_PARAMS",
    "check_filter",
    "check_format",
    "collection_document",
    "extra_params",
    "filter_schema",
    "interval_of",
    "isoday",
    "nested_as_text",
    "nested_mode",
    "parse_datetime",
    "parse_datetimes",
    "parse_ogc_bbox",
    "parse_sortby",
    "schema_document",
]
