"""The OpenAPI document, extended with one ``/collections/{id}/items`` path per collection.

OGC clients read the API definition to learn what they may send: GDAL's OAPIF driver looks up the
concrete path ``/collections/events/items`` and forwards attribute filters (``event_type = 'Battles'``)
to the server only for the query parameters listed there. FastAPI documents the generic
``/collections/{collection_id}/items`` route; this adds the concrete paths with every queryable
property as a described, typed parameter.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.ogc_support import COLLECTION_IDS, EVENT_PROPERTIES, EVENT_QUERYABLES

log = logging.getLogger("geo_events.api")

GENERIC_ITEMS = "/collections/{collection_id}/items"

#: Descriptions of the /events filters also accepted on /collections/events/items.
EVENT_FILTER_PARAMS: dict[str, tuple[dict[str, Any], str, Any]] = {
    "start": ({"type": "string", "format": "date"}, "First event date (inclusive).", "2018-02-01"),
    "end": ({"type": "string", "format": "date"}, "Last event date (inclusive).", "2018-02-28"),
    "actor": ({"type": "string"}, "Text matched in actor1, actor2 and assoc_actors.", "Russia"),
    "min_fatalities": ({"type": "integer", "minimum": 0}, "Smallest fatalities_best.", 10),
    "max_fatalities": ({"type": "integer", "minimum": 0}, "Largest fatalities_best.", 1000),
    "near": ({"type": "string"}, "Centre 'lat,lon' of a radius search (see radius_km).", "35.30,40.29"),
    "radius_km": (
        {"type": "number", "exclusiveMinimum": 0},
        "Radius of the `near` search in km (default 25).",
        25,
    ),
    "q": ({"type": "string", "maxLength": 500}, "Free text searched in every field.", "Khasham"),
    "source": ({"type": "string"}, "Text matched in source ids, publishers and URLs.", "The New Arab"),
}


#: Example values of the event queryables (the seed event's).
EVENT_EXAMPLES: dict[str, Any] = {
    "id": "evt-20c8fef169f3", "date_precision": "day", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike", "actor1": "US-led coalition", "actor2": "Pro-government forces",
    "location": "Khasham", "admin1": "Deir ez-Zor", "admin2": "Deir ez-Zor", "country": "Syria",
    "iso3": "SYR",
    "geo_precision": 2, "place_id": "geonames:167899", "fatalities_best": 100,
    "control_zone": "Syrian government & allies", "side_of_line": "east", "geocoder": "hand-coded",
}  # fmt: skip


def _property_parameter(name: str, schema: dict[str, Any], example: Any = None) -> dict[str, Any]:
    clean = {k: v for k, v in schema.items() if k in ("type", "format", "enum", "minimum", "maximum")}
    if clean.get("type") == "array":
        clean = {"type": "string"}
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"Keep features whose `{name}` equals this value (text comparison, case-insensitive).",
        "schema": clean,
    }
    if example is not None:
        parameter["example"] = example
    return parameter


def _queryable_parameters(collection_id: str) -> list[dict[str, Any]]:
    if collection_id == "events":
        params = [
            _property_parameter(name, EVENT_PROPERTIES[name], EVENT_EXAMPLES.get(name))
            for name in EVENT_QUERYABLES
            if name != "event_date"
        ]
        for name, (schema, description, example) in EVENT_FILTER_PARAMS.items():
            params.append(
                {
                    "name": name,
                    "in": "query",
                    "required": False,
                    "description": description,
                    "schema": schema,
                    "example": example,
                }
            )
        return params
    from api.collections import memory_collection

    found = memory_collection(collection_id)
    examples: dict[str, Any] = {}
    for feature in found.features:
        for key, value in (feature.get("properties") or {}).items():
            if value is not None and not isinstance(value, (list, dict)):
                examples.setdefault(key, value)
    return [
        _property_parameter(name, schema, examples.get(name))
        for name, schema in found.property_types().items()
        if schema.get("format") != "date"
    ]


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """Return the app's OpenAPI document with a concrete items path per collection."""
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    generic = schema.get("paths", {}).get(GENERIC_ITEMS, {}).get("get")
    if generic is None:
        return schema
    for collection_id in COLLECTION_IDS:
        operation = copy.deepcopy(generic)
        operation["operationId"] = f"items_{collection_id.replace('-', '_')}"
        operation["summary"] = f"Features of the {collection_id} collection"
        base = [p for p in operation.get("parameters", []) if p.get("name") != "collection_id"]
        known = {p["name"] for p in base}
        try:
            extra = [p for p in _queryable_parameters(collection_id) if p["name"] not in known]
        except Exception as err:  # a data part failing to load must not take /openapi.json down
            log.warning("queryables of %s unavailable: %s", collection_id, err)
            extra = []
        operation["parameters"] = base + extra
        schema["paths"][f"/collections/{collection_id}/items"] = {"get": operation}
    return schema


#: What the ``QueryRules`` middleware enforces on every query parameter, said in the document.
NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001f\\u007f]*$"


def _document_query_rules(schema: dict[str, Any]) -> None:
    """Say on every string query parameter that control characters are refused (as the server does)."""
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("in") != "query":
                    continue
                target = parameter.get("schema") or {}
                options = target.get("anyOf") or [target]
                for option in options:
                    if option.get("type") == "string" and "pattern" not in option and "enum" not in option:
                        if "pattern" not in target:
                            option["pattern"] = NO_CONTROL_CHARACTERS


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` build (once) the extended document."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build_openapi(app)
            _document_query_rules(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


__all__ = ["build_openapi", "install_openapi"]
