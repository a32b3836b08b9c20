"""Static feature data held in memory: the engine that queries it and the sources it is read from.

``MemoryCollection.items`` answers bbox / datetime / property filters, sorting and paging over a list of
features. The sources (``ZoneLayer``: dated control zones and de-confliction lines of a ``ZoneData``;
``HistoryLayer``: the same layers of the served zone history; ``GazetteerLayer``: the gazetteer's places,
lines and areas) give the features of the static OGC collections (``api.collections.StaticCollection``); a
source that cannot load yet answers None.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from geo_events.errors import GeoEventsError

if TYPE_CHECKING:
    from geo_events.zones import ZoneData

log = logging.getLogger("geo_events.api")

Interval = tuple[date | None, date | None]
Bbox = tuple[float, float, float, float]


def _coordinates(geometry: dict[str, Any] | None) -> Iterator[tuple[float, float]]:
    if not geometry:
        return
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            yield from _coordinates(part)
        return
    stack = [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if not isinstance(item, (list, tuple)) or not item:
            continue
        if isinstance(item[0], (int, float)):
            yield float(item[0]), float(item[1])
        else:
            stack.extend(item)


def geometry_bbox(geometry: dict[str, Any] | None) -> Bbox | None:
    """Return (minx, miny, maxx, maxy) of a GeoJSON geometry, or None when it is empty."""
    xs, ys = [], []
    for x, y in _coordinates(geometry):
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _as_date(value: Any) -> date | None:
    if value in (None, "", ".."):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def json_type(value: Any) -> dict[str, Any] | None:
    """Return the JSON Schema type of a property value (None for null / nested values)."""
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        if len(value) == 10 and _as_date(value) is not None and value[4] == "-":
            return {"type": "string", "format": "date"}
        return {"type": "string"}
    return None


@dataclass
class MemoryCollection:
    """One in-memory feature collection with a per-feature bbox and validity interval."""

    id: str
    title: str
    description: str
    features: list[dict[str, Any]] = field(default_factory=list)
    temporal_keys: tuple[str, str] | None = None  # (from, to) property names
    available: bool = True
    geometry_type: str | None = None  # the one GeoJSON geometry type of every feature, when there is one

    def __post_init__(self) -> None:
        self._columns: dict[tuple[str, str], list[Any]] = {}
        self._types: dict[str, dict[str, Any]] | None = None
        self._by_id = {str(f.get("id")): f for f in self.features}
        self._bboxes = [geometry_bbox(f.get("geometry")) for f in self.features]
        self._raw = [orjson.dumps(f) for f in self.features]
        self._intervals: list[Interval] = []
        if self.temporal_keys:
            start_key, end_key = self.temporal_keys
            for f in self.features:
                props = f.get("properties") or {}
                self._intervals.append((_as_date(props.get(start_key)), _as_date(props.get(end_key))))

    def _column(self, key: str, kind: str) -> list[Any]:
        """One property of every feature, as folded text (``text``) or sort rank (``sort``), built once."""
        cache = self._columns
        found = cache.get((key, kind))
        if found is None:
            values = [_prop(f, key) for f in self.features]
            if kind == "text":
                found = [_text(v).casefold() for v in values]
            else:  # dense rank of the sort key: equal values share a rank, so sorts by several keys hold
                found = [None] * len(values)
                order = sorted((i for i, v in enumerate(values) if v is not None), key=lambda i: _sort_key(values[i]))
                rank, previous = -1, object()
                for i in order:
                    key_value = _sort_key(values[i])
                    if key_value != previous:
                        rank, previous = rank + 1, key_value
                    found[i] = rank
            cache[(key, kind)] = found
        return found

    def __len__(self) -> int:
        return len(self.features)

    def get(self, feature_id: str) -> dict[str, Any] | None:
        """Return the feature with this id, or None."""
        return self._by_id.get(feature_id)

    def property_types(self) -> dict[str, dict[str, Any]]:
        """Return a JSON Schema type for every scalar property (first non-null value decides; built once)."""
        if self._types is None:
            types: dict[str, dict[str, Any]] = {}
            for f in self.features:
                for key, value in (f.get("properties") or {}).items():
                    if key not in types:
                        found = json_type(value)
                        if found is not None:
                            types[key] = found
            self._types = types
        return {key: dict(schema) for key, schema in self._types.items()}

    def extent(self) -> tuple[Bbox | None, Interval | None]:
        """Return the bbox of all features and their overall validity interval (None ends are open)."""
        boxes = [b for b in self._bboxes if b is not None]
        bbox = (
            (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            if boxes
            else None
        )
        if not self._intervals:
            return bbox, None
        starts = [s for s, _ in self._intervals]
        ends = [e for _, e in self._intervals]
        first = None if any(s is None for s in starts) else min(starts)  # type: ignore[type-var]
        last = None if any(e is None for e in ends) else max(ends)  # type: ignore[type-var]
        return bbox, (first, last)

    def items(
        self,
        bbox: Bbox | None = None,
        interval: Interval | None = None,
        filters: dict[str, str] | None = None,
        sortby: list[tuple[str, bool]] | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> tuple[int, list[bytes]]:
        """Return (number matched, page of serialised features) for the filters.

        ``interval`` keeps features whose validity overlaps it; ``filters`` compare property values as
        case-insensitive text; ``sortby`` is a list of (property, descending).
        """
        rows: Iterable[int] = range(len(self.features))
        if bbox is not None:
            minx, miny, maxx, maxy = bbox
            rows = [
                i
                for i in rows
                if (b := self._bboxes[i]) is not None
                and b[0] <= maxx
                and b[2] >= minx
                and b[1] <= maxy
                and b[3] >= miny
            ]
        if interval is not None and self._intervals:
            start, end = interval
            rows = [
                i
                for i in rows
                if (end is None or self._intervals[i][0] is None or self._intervals[i][0] <= end)
                and (start is None or self._intervals[i][1] is None or self._intervals[i][1] >= start)
            ]
        for key, wanted in (filters or {}).items():
            folded, texts = wanted.casefold(), self._column(key, "text")
            rows = [i for i in rows if texts[i] == folded]
        rows = list(rows)
        for key, descending in reversed(sortby or []):
            keys = self._column(key, "sort")
            present = [i for i in rows if keys[i] is not None]
            missing = [i for i in rows if keys[i] is None]
            present.sort(key=keys.__getitem__, reverse=descending)
            rows = present + missing
        page = rows[offset : offset + limit]
        return len(rows), [self._raw[i] for i in page]


def _prop(feature: dict[str, Any], key: str) -> Any:
    if key == "id":
        return feature.get("id")
    return (feature.get("properties") or {}).get(key)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value)
    return (1, str(value))


# ---------------------------------------------------------------------------------------------- builders
def _with_ids(features: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    out = []
    for number, feature in enumerate(features):
        props = dict(feature.get("properties") or {})
        fid = feature.get("id") or props.get("id") or f"{prefix}-{number + 1}"
        props.setdefault("id", str(fid))
        out.append(
            {"type": "Feature", "id": str(fid), "geometry": feature.get("geometry"), "properties": props}
        )
    return out


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    return value


class ZoneLayer:
    """The dated features of one zone layer (``zones`` or ``lines``) of a ``ZoneData``, flattened for OGC.

    ``data`` returns the zone data to serve: the bundled history by default (``ZoneData.default``); a
    server serving other histories passes its own (user history files, a PostGIS table, …).
    """

    temporal_keys: tuple[str, str] | None = ("valid_from", "valid_to")

    def __init__(self, layer: str, data: Callable[[], ZoneData] | None = None) -> None:
        if layer not in ("zones", "lines"):
            raise ValueError(f"layer must be zones or lines; got {layer!r}")
        self.layer = layer
        self.data = data

    def features(self) -> list[dict[str, Any]] | None:
        """Every dated feature with a string id and flat properties (lists joined, objects as JSON)."""
        from geo_events.zones import ZoneData, all_lines, all_zones  # on first use: the server starts faster

        data = (self.data or ZoneData.default)()
        collection = all_zones(data) if self.layer == "zones" else all_lines(data)
        return flat_features(collection, "zone" if self.layer == "zones" else "line")


def flat_features(collection: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """The features of a FeatureCollection with string ids (``<prefix>-N`` when missing) and flat properties."""
    features = _with_ids(list(collection.get("features") or []), prefix)
    for f in features:
        f["properties"] = {k: _flat(v) for k, v in f["properties"].items()}
    return features


class HistoryLayer:
    """The dated features of one layer (``zones`` or ``lines``) of a served zone history, flattened for OGC.

    ``active`` is a ``geo_events.zone_history.provider.ActiveZones`` (what ``/zones`` answers with): its
    zone states (``all_zones``) or its dated lines (``all_lines``).
    """

    temporal_keys: tuple[str, str] | None = ("valid_from", "valid_to")

    def __init__(self, layer: str, active: Any) -> None:
        if layer not in ("zones", "lines"):
            raise ValueError(f"layer must be zones or lines; got {layer!r}")
        self.layer = layer
        self.active = active

    def features(self) -> list[dict[str, Any]] | None:
        """Every dated feature of the history's layer with a string id and flat properties."""
        if self.layer == "lines":
            return flat_features(self.active.all_lines(), "line")
        features = flat_features(self.active.all_zones(), "zone")
        for feature in features:  # an area has a state per period: the state is the feature (a unique id)
            feature["id"] = str(feature["properties"].get("state_id") or feature["id"])
        return features


#: The gazetteer's shapes by collection: ``places`` has one Point per place (every place, its
#: representative lat/lon), so the layer has ONE geometry type for QGIS and ogr2ogr; the rivers and the
#: regions' outlines are served as their own single-type layers (promoted to Multi* so parts mix).
PLACE_COLLECTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "places": ("Point", "Gazetteer places", ()),
    "place-lines": ("MultiLineString", "Gazetteer lines (rivers)", ("LineString", "MultiLineString")),
    "place-areas": ("MultiPolygon", "Gazetteer areas (regions, governorates)", ("Polygon", "MultiPolygon")),
}


def _shape(geometry: dict[str, Any] | None) -> str:
    kind = (geometry or {}).get("type", "Point")
    if kind in ("LineString", "MultiLineString"):
        return "line"
    if kind in ("Polygon", "MultiPolygon"):
        return "area"
    return "point"


def _as_multi(geometry: dict[str, Any]) -> dict[str, Any]:
    if geometry["type"] in ("LineString", "Polygon"):
        return {"type": "Multi" + geometry["type"], "coordinates": [geometry["coordinates"]]}
    return geometry


_gazetteer_split: dict[str, list[dict[str, Any]]] = {}


#: Towns below this population are left out of the ``places`` collection (the whole world's 239k places would
#: cost the server ~7 s and ~500 MB); every place stays reachable through ``/geocode`` and ``/reverse``.
MIN_SERVED_POPULATION = 15_000


_SERVED_KINDS = ("admin1", "country", "river", "region", "facility", "oilfield", "gasfield", "dam", "base", "airport")


def _served(place: Any) -> bool:
    """Curated entries, provinces, countries, sites and towns of ``MIN_SERVED_POPULATION`` or more."""
    return (place.id.startswith("ge:") or place.kind in _SERVED_KINDS
            or (place.population or 0) >= MIN_SERVED_POPULATION)


def _gazetteer_features() -> dict[str, list[dict[str, Any]]] | None:
    """Return the features of the three gazetteer collections, made in one pass over the places (cached)."""
    if _gazetteer_split:
        return _gazetteer_split
    from geo_events.gazetteer import Gazetteer  # on first use: loading it takes seconds

    try:
        places = list(Gazetteer.default().places_where(MIN_SERVED_POPULATION, _SERVED_KINDS))
    except GeoEventsError as err:  # no gazetteer data: the collection is empty, and tried again later
        log.warning("gazetteer unavailable: %s", err)
        return None
    split: dict[str, list[dict[str, Any]]] = {name: [] for name in PLACE_COLLECTIONS}
    for place in places:
        if not _served(place):
            continue
        properties = {
            "id": place.id,
            "name": place.name,
            "alt_names": "; ".join(place.alt_names),
            "kind": place.kind,
            "shape": _shape(place.geometry),
            "admin1": place.admin1,
            "country": place.country,
            "country_name": place.country_name,
            "iso3": place.iso3,
            "population": int(place.population or 0),  # 0 = unknown (GeoNames): one Integer type
            "lat": float(place.lat),
            "lon": float(place.lon),
            "source": place.source,
        }
        point = {"type": "Point", "coordinates": [float(place.lon), float(place.lat)]}
        split["places"].append({"type": "Feature", "id": place.id, "geometry": point, "properties": properties})
        shape = properties["shape"]
        if shape != "point":
            target = "place-lines" if shape == "line" else "place-areas"
            feature = {"type": "Feature", "id": place.id, "geometry": _as_multi(place.geometry), "properties": properties}
            split[target].append(feature)
    _gazetteer_split.update(split)
    return _gazetteer_split


class GazetteerLayer:
    """The features of one gazetteer collection (``places``, ``place-lines`` or ``place-areas``)."""

    temporal_keys: tuple[str, str] | None = None

    def __init__(self, collection_id: str) -> None:
        if collection_id not in PLACE_COLLECTIONS:
            raise ValueError(f"no gazetteer collection {collection_id!r}; one of {', '.join(PLACE_COLLECTIONS)}")
        self.collection_id = collection_id

    def features(self) -> list[dict[str, Any]] | None:
        """The collection's features (None while the gazetteer cannot be loaded)."""
        found = _gazetteer_features()
        return None if found is None else found[self.collection_id]


__all__ = [
    "PLACE_COLLECTIONS",
    "GazetteerLayer",
    "HistoryLayer",
    "MemoryCollection",
    "ZoneLayer",
    "flat_features",
    "geometry_bbox",
    "json_type",
]
