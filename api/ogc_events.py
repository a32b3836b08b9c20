"""The ``events`` OGC API collection: the event store behind the ``Collection`` protocol.

Its property schemas come from the event model (``geo_events.filters.event_property_schemas``) and its
filters from the ``/events`` filter table (``geo_events.filters.FILTERS``): a property that is also a
filter (``event_type``, ``geo_precision``…) is answered by the store's own filter, the other properties as
``property=value`` filters (``EventQuery.extra``), and the filters that are no property (``start``,
``actor``, ``near``…) are accepted as they are on ``/events``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import orjson
from fastapi import Request

from api.ogc_support import (
    NESTED_FIELDS,
    STANDARD_PARAMS,
    Bbox,
    Interval,
    check_filter,
    collection_document,
    extra_params,
    filter_schema,
    interval_of,
    nested_as_text,
    nested_mode,
    parse_ogc_bbox,
    parse_sortby,
    schema_document,
)
from api.patterns import DATE, LAT_LON, anchored
from api.responses import feature_collection_bytes, paging_links
from geo_events.errors import InvalidQuery
from geo_events.filters import FILTERS, FILTERS_BY_NAME, Filter, event_property_schemas
from geo_events.query import MAX_LIMIT, EventQuery
from geo_events.settings import get_settings
from geo_events.store import EventStore, iter_matches
from geo_events.store.base import PROPERTY_FILTERS
from geo_events.store.index import property_matches

_AS_TEXT = "JSON text with nested=text (the default for QGIS)."


#: Display labels GIS clients show for some properties (the model has descriptions, not labels).
_TITLES = {
    "id": "Event id", "event_date": "Event date", "actor1": "Initiating actor", "actor2": "Target / other side",
    "assoc_actors": "Associated actors", "location": "Place name", "geo_precision": "1 place, 2 near/region, 3 province",
    "claims": "Attributed casualty claims", "sources": "Reports the event is coded from",
    "control_zone": "Controller of the location on the event date",
}  # fmt: skip


def _event_properties() -> dict[str, dict[str, Any]]:
    schemas = event_property_schemas()
    for name, title in _TITLES.items():
        schemas[name]["title"] = title
    for name in NESTED_FIELDS:
        schemas[name]["description"] = f"{schemas[name].get('description', '').rstrip('.')}; a list, {_AS_TEXT}"
    return schemas


#: Every property of an event Feature with its JSON Schema (from ``geo_events.models.EventProperties``).
EVENT_PROPERTIES: dict[str, dict[str, Any]] = _event_properties()
#: Event properties that can be filtered with ``property=value`` on the items (in the model's order).
EVENT_QUERYABLES: tuple[str, ...] = tuple(name for name in EVENT_PROPERTIES if name in PROPERTY_FILTERS)
#: Queryables answered by the ``EventQuery`` filter of another name.
_SAME_AS = {"iso3": "country"}
#: ``/events`` filters that are no property, also accepted on ``/collections/events/items``.
EVENT_QUERY_PARAMS: tuple[str, ...] = tuple(
    f.name for f in FILTERS if f.name not in EVENT_QUERYABLES and f.name not in STANDARD_PARAMS
)
_SORT_KEYS = {"event_date": "date", "date": "date", "fatalities_best": "fatalities", "fatalities": "fatalities",
              "id": "id"}  # fmt: skip
#: Example values of the event queryables (the seed event's).
EVENT_EXAMPLES: dict[str, Any] = {
    "id": "evt-20c8fef169f3", "date_precision": "day", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike", "actor1": "US-led coalition", "actor2": "Pro-government forces",
    "location": "Khasham", "admin1": "Deir ez-Zor", "admin2": "Deir ez-Zor", "country": "Syria",
    "iso3": "SYR", "geo_precision": 2, "place_id": "geonames:167899", "fatalities_best": 100,
    "control_zone": "Syrian government & allies", "side_of_line": "east", "geocoder": "hand-coded",
}  # fmt: skip


def _parameter_schema(f: Filter) -> dict[str, Any]:
    """The schema of a filter that is no property, as ``/collections/events/items`` takes it (never empty)."""
    if f.kind == "date":
        return {"type": "string", "pattern": anchored(DATE)}
    if f.kind == "lat_lon":
        return {"type": "string", "pattern": LAT_LON}
    if f.kind in ("integer", "number"):
        bounds = {"minimum": f.minimum, "exclusiveMinimum": f.exclusive_minimum, "maximum": f.maximum}
        return {"type": f.kind, **{k: v for k, v in bounds.items() if v is not None}}
    schema: dict[str, Any] = {"type": "string"}
    if f.max_length is not None:
        schema["maxLength"] = f.max_length
    return schema


def _listed(name: str) -> tuple[Any, ...] | None:
    found = FILTERS_BY_NAME.get(_SAME_AS.get(name, name))
    return found.choices if found is not None and found.kind == "list" else None


def event_filter_schemas() -> dict[str, dict[str, Any]]:
    """Return the query-parameter schema of every filter of ``/collections/events/items`` but ``event_date``."""
    schemas = {
        name: filter_schema(EVENT_PROPERTIES[name], _listed(name)) for name in EVENT_QUERYABLES if name != "event_date"
    }
    schemas.update({name: _parameter_schema(FILTERS_BY_NAME[name]) for name in EVENT_QUERY_PARAMS})
    return schemas


def event_query(
    extra: dict[str, str], bbox: str | None, interval: Interval | None
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
        row = FILTERS_BY_NAME.get(_SAME_AS.get(name, name))
        if row is not None:
            fields[row.name] = row.parse(value)
        elif name == "fatalities_best":
            post[name] = str(int(value))
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


def _queryable_parameter(name: str) -> dict[str, Any]:
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"Keep features whose `{name}` equals this value (text comparison, case-insensitive).",
        "schema": filter_schema(EVENT_PROPERTIES[name], _listed(name)),
    }
    if name in EVENT_EXAMPLES:
        parameter["example"] = EVENT_EXAMPLES[name]
    return parameter


class EventsCollection:
    """The ``events`` collection: one page of the store per items request, one stored event per item.

    The store is only read by ``describe``, ``extent``, ``items`` and ``get``; the OpenAPI document
    (``filter_parameters``, ``queryables``, ``sortable``) is made without it.
    """

    id = "events"
    title = "Conflict events"
    description = "Geocoded conflict events (ACLED-style fields, attributed claims)."
    #: The answer depends on the User-Agent when ``nested`` is not given (QGIS gets ``nested=text``).
    vary_on_agent = True

    def __init__(self, store: EventStore | None = None) -> None:
        self._store = store

    @property
    def store(self) -> EventStore:
        """The event store (given when the collection is opened for a request)."""
        if self._store is None:
            raise RuntimeError("the events collection was opened without a store")
        return self._store

    def extent(self) -> tuple[Bbox | None, Interval | None]:
        """The bbox and the first and last day of the stored events."""
        return self.store.extent()

    def describe(self, base: str) -> dict[str, Any]:
        """The OGC collection document."""
        return collection_document(self.id, base, self.title, self.description, self.extent(), dated=True)

    def queryables(self, base: str, full: bool) -> dict[str, Any]:
        """The JSON Schema of the queryables, or (``full``) of every property."""
        props = EVENT_PROPERTIES if full else {name: EVENT_PROPERTIES[name] for name in EVENT_QUERYABLES}
        return schema_document(self.id, base, props, "Point", full)

    def sortable(self) -> set[str]:
        """The property names ``sortby`` accepts."""
        return set(_SORT_KEYS)

    def filter_parameters(self) -> list[dict[str, Any]]:
        """The OpenAPI parameters of the filters the items take besides the standard ones."""
        params = [_queryable_parameter(name) for name in EVENT_QUERYABLES if name != "event_date"]
        for name in EVENT_QUERY_PARAMS:
            row = FILTERS_BY_NAME[name]
            params.append({"name": name, "in": "query", "required": False, "description": row.description,
                           "schema": _parameter_schema(row), "example": row.example})  # fmt: skip
        return params

    def items(
        self,
        request: Request,
        bbox: str | None,
        datetime: str | None,
        limit: int,
        offset: int,
        sortby: str | None,
        nested: str | None = None,
    ) -> bytes:
        """A FeatureCollection body with paging links.

        ``nested`` (default: ``text`` for QGIS) ``text`` serves ``claims``, ``sources`` and
        ``assoc_actors`` as JSON text (``NESTED_FIELDS``).
        """
        store = self.store
        max_limit = min(get_settings().max_limit, MAX_LIMIT)
        extra = extra_params(request, set(EVENT_QUERYABLES) | set(EVENT_QUERY_PARAMS))
        query, post = event_query(extra, bbox, interval_of(request, datetime))
        keys = parse_sortby(sortby, self.sortable())
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
        if nested_mode(request, nested) == "text":
            raws = [nested_as_text(raw) for raw in raws]
        links = paging_links(request, offset, limit, matched, len(raws))
        return feature_collection_bytes(raws, matched, links)

    def get(self, request: Request, feature_id: str, nested: str | None = None) -> bytes:
        """One stored event, serialised (``EventNotFound`` when the id is unknown)."""
        raw = self.store.get_raw(feature_id)
        return nested_as_text(raw) if nested_mode(request, nested) == "text" else raw


__all__ = [
    "EVENT_EXAMPLES",
    "EVENT_PROPERTIES",
    "EVENT_QUERYABLES",
    "EVENT_QUERY_PARAMS",
    "EventsCollection",
    "event_filter_schemas",
    "event_query",
]
