"""The OGC API collections: one ``Collection`` protocol, registered by id.

``events`` is ``api.ogc_events.EventsCollection`` over the event store; ``control-zones``,
``deconfliction-line``, ``places``, ``place-lines`` and ``place-areas`` are ``StaticCollection``s, each
over a source of features (``api.static_data``: a zone layer of a ``ZoneData``, a gazetteer layer). The
router and the OpenAPI document only call the protocol, so a new collection is one entry in
``STATIC_COLLECTIONS`` (or a new class), never an ``if collection_id == …``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

import orjson
from fastapi import Request

from api.ogc_events import EventsCollection
from api.ogc_support import (
    Bbox,
    Interval,
    check_filter,
    collection_document,
    extra_params,
    filter_schema,
    interval_of,
    parse_ogc_bbox,
    parse_sortby,
    schema_document,
)
from api.responses import feature_collection_bytes, paging_links
from api.static_data import GazetteerLayer, HistoryLayer, MemoryCollection, ZoneLayer
from geo_events.errors import EventNotFound
from geo_events.store import EventStore


@runtime_checkable
class Collection(Protocol):
    """What the OGC API router asks of a collection (pygeoapi's provider verbs, as one small protocol)."""

    id: str
    title: str
    description: str
    #: True when an answer depends on the User-Agent (``Vary: User-Agent``).
    vary_on_agent: bool

    def describe(self, base: str) -> dict[str, Any]:
        """The OGC collection document (extent, CRS, links) under the service URL ``base``."""

    def extent(self) -> tuple[Bbox | None, Interval | None]:
        """The bbox of the features and their time span (None: unknown or undated)."""

    def queryables(self, base: str, full: bool) -> dict[str, Any]:
        """The JSON Schema of the queryable properties, or (``full``) of every property and the geometry."""

    def sortable(self) -> set[str]:
        """The property names ``sortby`` accepts."""

    def filter_parameters(self) -> list[dict[str, Any]]:
        """The OpenAPI parameters of the filters the items take besides the standard ones."""

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
        """One page of features: a FeatureCollection body with ``numberMatched`` and paging links."""

    def get(self, request: Request, feature_id: str, nested: str | None = None) -> bytes:
        """One feature, serialised; ``EventNotFound`` when the id is unknown."""


class FeatureSource(Protocol):
    """Where a static collection's features come from (a zone history, the gazetteer, …)."""

    #: The (from, to) properties of each feature's validity, or None for undated features.
    temporal_keys: tuple[str, str] | None

    def features(self) -> list[dict[str, Any]] | None:
        """Every feature (ids and flat properties), or None while the source cannot be read."""


class StaticCollection:
    """A collection of features held in memory, read once from its ``source`` (again while it answers None)."""

    vary_on_agent = False

    def __init__(
        self, collection_id: str, title: str, description: str, geometry_type: str, source: FeatureSource
    ) -> None:
        self.id, self.title, self.description = collection_id, title, description
        self.geometry_type = geometry_type
        self.source = source
        self._data: MemoryCollection | None = None
        self._lock = threading.Lock()

    @property
    def dated(self) -> bool:
        """Whether the features have a validity interval (``datetime`` filters them)."""
        return self.source.temporal_keys is not None

    @property
    def data(self) -> MemoryCollection:
        """The features and their query engine (an empty collection while the source cannot be read)."""
        with self._lock:
            if self._data is None:
                features = self.source.features()
                found = MemoryCollection(
                    id=self.id, title=self.title, description=self.description, features=features or [],
                    temporal_keys=self.source.temporal_keys, available=features is not None,
                    geometry_type=self.geometry_type,
                )  # fmt: skip
                if features is None:
                    return found
                self._data = found
            return self._data

    def _properties(self) -> dict[str, dict[str, Any]]:
        return self.data.property_types()

    def extent(self) -> tuple[Bbox | None, Interval | None]:
        """The bbox of all features and their overall validity interval."""
        return self.data.extent()

    def describe(self, base: str) -> dict[str, Any]:
        """The OGC collection document."""
        return collection_document(self.id, base, self.title, self.description, self.extent(), self.dated)

    def queryables(self, base: str, full: bool) -> dict[str, Any]:
        """The JSON Schema of the non-date properties, or (``full``) of every property."""
        props = self._properties()
        if not full:
            props = {name: schema for name, schema in props.items() if schema.get("format") != "date"}
        return schema_document(self.id, base, props, self.geometry_type, full)

    def sortable(self) -> set[str]:
        """Every scalar property and ``id``."""
        return set(self._properties()) | {"id"}

    def filter_parameters(self) -> list[dict[str, Any]]:
        """A ``property=value`` parameter per non-date property, with the first value found as example."""
        examples: dict[str, Any] = {}
        for feature in self.data.features:
            for key, value in (feature.get("properties") or {}).items():
                if value is not None and not isinstance(value, (list, dict)):
                    examples.setdefault(key, value)
        params = []
        for name, schema in self._properties().items():
            if schema.get("format") == "date":
                continue
            parameter: dict[str, Any] = {
                "name": name,
                "in": "query",
                "required": False,
                "description": f"Keep features whose `{name}` equals this value (text comparison, case-insensitive).",
                "schema": filter_schema(schema),
            }
            if name in examples:
                parameter["example"] = examples[name]
            params.append(parameter)
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
        """One page of features (``nested`` is for events only and is ignored here)."""
        types = {"id": {"type": "string"}, **self._properties()}
        extra = extra_params(request, set(types))
        for name, value in extra.items():
            check_filter(name, value, filter_schema(types[name]))
        keys = parse_sortby(sortby, self.sortable())
        matched, raws = self.data.items(
            bbox=parse_ogc_bbox(bbox) if bbox is not None else None,
            interval=interval_of(request, datetime),
            filters=extra,
            sortby=keys,
            limit=limit,
            offset=offset,
        )
        links = paging_links(request, offset, limit, matched, len(raws))
        return feature_collection_bytes(raws, matched, links)

    def get(self, request: Request, feature_id: str, nested: str | None = None) -> bytes:
        """One feature by id."""
        feature = self.data.get(feature_id)
        if feature is None:
            raise EventNotFound(f"no feature {feature_id!r} in collection {self.id!r}")
        return orjson.dumps(feature)


_PLACES = (
    "Places the offline geocoder knows: towns, oil and gas fields, facilities, regions — one point each "
    "(`shape` says whether the place also has a line or area in place-lines / place-areas)."
)

#: The static collections, by id (built once per process; their data is read on first use).
STATIC_COLLECTIONS: dict[str, StaticCollection] = {
    c.id: c
    for c in (
        StaticCollection("control-zones", "Control zones",
                         "Dated areas of control (controller, valid_from, valid_to, confidence, source).",
                         "Polygon", ZoneLayer("zones")),
        StaticCollection("deconfliction-line", "US–Russia de-confliction line",
                         "The dated de-confliction line along the Euphrates (valid_from, valid_to, source).",
                         "LineString", ZoneLayer("lines")),
        StaticCollection("places", "Gazetteer places", _PLACES, "Point", GazetteerLayer("places")),
        StaticCollection("place-lines", "Gazetteer lines (rivers)",
                         "The gazetteer's MultiLineString shapes (the same ids as in `places`).",
                         "MultiLineString", GazetteerLayer("place-lines")),
        StaticCollection("place-areas", "Gazetteer areas (regions, governorates)",
                         "The gazetteer's MultiPolygon shapes (the same ids as in `places`).",
                         "MultiPolygon", GazetteerLayer("place-areas")),
    )
}  # fmt: skip

#: Opens a collection for a request: from the event store and the request (None: outside a request).
Opener = Callable[[EventStore | None, Request | None], Collection]


def _always(found: StaticCollection) -> Opener:
    """The opener of a static collection: the same collection whatever the store."""

    def opener(store: EventStore | None, request: Request | None) -> Collection:
        return found

    return opener


def _events(store: EventStore | None, request: Request | None) -> Collection:
    return EventsCollection(store)


class HistoryOpener:
    """Opens ``control-zones`` / ``deconfliction-line`` on the zone history the server answers ``/zones`` with.

    While only the bundled zones are active (no history files, nothing derived from the store's reports) it
    is the static collection; otherwise a collection over the active history's states or lines
    (``HistoryLayer``), built once per history (a new one when the history changes).
    """

    def __init__(self, bundled: StaticCollection, layer: str) -> None:
        self.bundled = bundled
        self.layer = layer
        self._lock = threading.Lock()
        self._last: tuple[Any, StaticCollection] | None = None

    def __call__(self, store: EventStore | None, request: Request | None) -> Collection:
        if request is None:
            return self.bundled
        from api.deps import get_zone_provider

        active = get_zone_provider(request).zones(store)
        if active.bundled:
            return self.bundled
        with self._lock:
            if self._last is None or self._last[0] is not active.history:
                made = StaticCollection(self.bundled.id, self.bundled.title, self.bundled.description,
                                        self.bundled.geometry_type, HistoryLayer(self.layer, active))
                self._last = (active.history, made)
            return self._last[1]


#: How to open each collection for a request, by id (the static ones ignore the store).
REGISTRY: dict[str, Opener] = {
    EventsCollection.id: _events,
    **{cid: _always(found) for cid, found in STATIC_COLLECTIONS.items()},
    "control-zones": HistoryOpener(STATIC_COLLECTIONS["control-zones"], "zones"),
    "deconfliction-line": HistoryOpener(STATIC_COLLECTIONS["deconfliction-line"], "lines"),
}
#: Every collection id, in the order ``/collections`` lists them.
COLLECTION_IDS: tuple[str, ...] = tuple(REGISTRY)


def get_collection(
    collection_id: str, store: EventStore | None = None, request: Request | None = None
) -> Collection:
    """Return the collection with this id for a request (``events`` over ``store``; the zone collections over
    the served zone history of ``request``'s app); ``EventNotFound`` for an unknown id."""
    opener = REGISTRY.get(collection_id)
    if opener is None:
        raise EventNotFound(f"no collection {collection_id!r}; collections: {', '.join(COLLECTION_IDS)}")
    return opener(store, request)


__all__ = [
    "COLLECTION_IDS",
    "REGISTRY",
    "STATIC_COLLECTIONS",
    "Collection",
    "FeatureSource",
    "HistoryOpener",
    "StaticCollection",
    "get_collection",
]
