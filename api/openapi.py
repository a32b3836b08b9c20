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

from api.collections import COLLECTION_IDS, get_collection
from api.patterns import BBOX, DATE, LAT_LON, anchored, any_case, choice_list, sort_list
from geo_events.filters import FILTERS_BY_NAME
from geo_events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

log = logging.getLogger("geo_events.api")

GENERIC_ITEMS = "/collections/{collection_id}/items"


#: ``sortby`` examples per collection (each one a property the collection really sorts by).
SORT_EXAMPLES: dict[str, str] = {"events": "-event_date", "places": "-population"}


def _sortby_parameter(parameter: dict[str, Any], names: set[str], example: str) -> dict[str, Any]:
    """Say which properties ``sortby`` takes, with an example that works there."""
    described = dict(parameter)
    described["schema"] = {"anyOf": [{"type": "string", "pattern": sort_list(names)}, {"type": "null"}]}
    described["description"] = (
        f"Comma-separated properties, `-` for descending; one of: {', '.join(sorted(names))}."
    )
    described["examples"] = [example]
    described.pop("example", None)
    return described


def _sort_example(collection_id: str, names: set[str]) -> str:
    return SORT_EXAMPLES.get(collection_id) or ("-valid_from" if "valid_from" in names else "id")


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
        found = get_collection(collection_id)
        names = found.sortable()
        base = [
            _sortby_parameter(p, names, _sort_example(collection_id, names)) if p.get("name") == "sortby" else p
            for p in operation.get("parameters", [])
            if p.get("name") != "collection_id"
        ]
        known = {p["name"] for p in base}
        try:
            extra = [p for p in found.filter_parameters() if p["name"] not in known]
        except Exception as err:  # a data part failing to load must not take /openapi.json down
            log.warning("queryables of %s unavailable: %s", collection_id, err)
            extra = []
        operation["parameters"] = base + extra
        schema["paths"][f"/collections/{collection_id}/items"] = {"get": operation}
    _describe_generic_items(generic)
    return schema


def _describe_generic_items(operation: dict[str, Any]) -> None:
    """On ``/collections/{collection_id}/items`` say what every collection accepts.

    ``collection_id`` is one of the ids (others are 404), and ``sortby`` names what every collection sorts
    by (``id``); the concrete path of each collection lists its own properties.
    """
    common = set.intersection(*(get_collection(cid).sortable() for cid in COLLECTION_IDS))
    described = []
    for parameter in operation.get("parameters", []):
        if parameter.get("name") == "sortby":
            parameter = _sortby_parameter(parameter, common, "id")
            parameter["description"] += " Each `/collections/<id>/items` path lists the properties of its collection."
        described.append(parameter)
    operation["parameters"] = described


#: What the ``QueryRules`` middleware enforces on every query parameter, said in the document.
_TEXT = "[^\\u0000-\\u001f\\u007f-\\u009f]"
NO_CONTROL_CHARACTERS = f"^{_TEXT}*$"
#: Text with at least one character that is not white space (the geocoder's query).
NOT_BLANK = f"^{_TEXT}*[^\\s\\u0000-\\u001f\\u007f-\\u009f]{_TEXT}*$"


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


#: Query parameters read by ``geo_events.query.parse_date``, by name.
DATE_PARAMETERS = frozenset({"date", "start", "end", "from", "to"})
#: Parameters a route requires although its signature makes them optional (it answers 400 without them).
REQUIRED_BY_THE_ROUTE = {("/zones", "date")}
#: Response bodies some routes give besides the one FastAPI documents.
OTHER_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    # /geocode answers a list of records when `candidates` is given, else one record.
    ("/geocode", "application/json"): {
        "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]
    },
    # /zones/diff?format=csv
    ("/zones/diff", "text/csv"): {"type": "string"},
}


def _set_pattern(parameter: dict[str, Any], pattern: str) -> None:
    """Give a query parameter's string schema ``pattern`` (replacing the control-character rule)."""
    target = parameter.setdefault("schema", {})
    target.pop("pattern", None)
    for option in target.get("anyOf") or []:
        option.pop("pattern", None)
    target["pattern"] = pattern


#: Routes that read an empty ``bbox`` as "no bbox" (``if bbox``); the event routes refuse it.
EMPTY_BBOX_ALLOWED = frozenset({"/zones/history", "/zones/changes"})


def _parser_pattern(path: str, parameter: dict[str, Any]) -> str | None:
    """Return the pattern of what the shared parser behind this (non-OGC) query parameter accepts, or None."""
    name, optional = parameter.get("name"), not parameter.get("required")
    if name in DATE_PARAMETERS:  # optional dates: empty is "not given" (the routes test ``if date``)
        return anchored(DATE, empty=optional)
    if name == "bbox":
        return ("^$|" if path in EMPTY_BBOX_ALLOWED else "") + BBOX
    row = FILTERS_BY_NAME.get(name or "")
    if row is not None and row.kind == "lat_lon":
        return "^$|" + LAT_LON
    if row is not None and row.kind == "list":
        return "^$|" + choice_list(row.choices or ())
    if path == "/geocode" and name == "q":
        return NOT_BLANK
    if path == "/geocode" and name == "kind":  # ``geo_events.gazetteer``: names or groups, comma-separated
        try:
            from geo_events.gazetteer.place import KINDS
            from geo_events.gazetteer.query import KIND_GROUPS
        except ImportError:  # no gazetteer: /geocode answers 503 whatever the kind
            return None
        kinds = any_case(sorted({*KINDS, *KIND_GROUPS}, key=lambda k: (-len(k), k)))
        return rf"^ *({kinds})? *([,;] *({kinds})? *)*$"
    if name in ("event_type", "sub_event_type"):  # ``geo_events.taxonomy``: any letter case
        return anchored(any_case(EVENT_TYPES if name == "event_type" else SUB_EVENT_TYPES), empty=optional)
    return None


def _document_parsers(schema: dict[str, Any]) -> None:
    """Say on every route what the shared parsers accept: dates (``parse_date``), ``bbox``, ``near`` and
    ``geo_precision``; mark what a route requires and the other bodies it answers with.

    The OGC routes (``/collections…``) document their own parameters exactly and are left alone.
    """
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            if not isinstance(operation, dict) or method != "get" or path.startswith("/collections"):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "query":
                    continue
                if (path, parameter.get("name")) in REQUIRED_BY_THE_ROUTE:
                    parameter["required"] = True
                    options = parameter["schema"].pop("anyOf", None) or []
                    parameter["schema"].update(next((o for o in options if o.get("type") == "string"), {}))
                pattern = _parser_pattern(path, parameter)
                if pattern is not None:
                    _set_pattern(parameter, pattern)
            ok = operation.get("responses", {}).get("200", {})
            for (where, media), body in OTHER_BODIES.items():
                if where == path and ok:
                    ok.setdefault("content", {})[media] = {"schema": body}


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` build (once) the extended document."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build_openapi(app)
            _document_parsers(document)
            _document_query_rules(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


__all__ = ["build_openapi", "install_openapi"]
