"""What ACLED and UCDP rows share once parsed: the dataset's source and claim, control zones, validation."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from geo_events.interchange.rows import RowError
from geo_events.models import Claim, Event, EventProperties, PointGeometry, Source

#: Longest ``Source.title`` and ``notes`` the model holds (longer cells are cut, with a notice).
TITLE_LIMIT = 1000
_M = TypeVar("_M", bound=BaseModel)
NOTES_LIMIT = 4000


def dataset_source(source_id: str, publisher: str, title: str | None) -> dict[str, Any]:
    """Return the ``Source`` standing for one dataset row (``id`` = prefix + the row's own id)."""
    return {"id": source_id, "publisher": publisher, "title": title, "url": None, "published": None}


def source_of(props: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    """Return the event's source that came from the dataset with this id ``prefix``, or None."""
    for source in props.get("sources") or []:
        if str(source.get("id", "")).startswith(prefix):
            return source
    return None


class ParsedEvent(Event):
    """An ``Event`` assembled from checked cells; ``to_feature`` writes its JSON form directly.

    The same dict as ``Event.to_feature`` (pydantic's ``model_dump(mode="json")``), key order included —
    the tests compare both on every kind of row — at a fraction of the cost, which matters when the store
    serialises 100,000 of them.
    """

    def to_feature(self) -> dict[str, Any]:
        """Return the event as a plain GeoJSON Feature dict (JSON-ready)."""
        p = self.properties.__dict__
        props = {name: p[name] for name in _PROPERTY_NAMES}
        props["event_date"] = p["event_date"].isoformat()
        props["assoc_actors"] = list(p["assoc_actors"])
        props["claims"] = [
            {**c.__dict__, "evidence": [e.model_dump(mode="json") for e in c.evidence]} for c in p["claims"]
        ]
        props["sources"] = [_source_json(s) for s in p["sources"]]
        stamp = p["extracted_at"]
        if stamp is not None:
            props["extracted_at"] = stamp.isoformat().replace("+00:00", "Z")
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": {"type": "Point", "coordinates": list(self.geometry.coordinates)},
            "properties": props,
        }


def _source_json(source: Source) -> dict[str, Any]:
    values = dict(source.__dict__)
    if values["published"] is not None:
        values["published"] = values["published"].isoformat()
    return values


_PROPERTY_NAMES = tuple(EventProperties.model_fields)


def build_event(event_id: str, lat: float, lon: float, props: dict[str, Any]) -> Event:
    """Return the event of one row whose every cell the row parser has checked (no second validation).

    The parsers (``rows.text``, ``rows.whole_number``, ``rows.point`` …) enforce every constraint of the
    model on the values they return: lengths, NUL characters, ranges, the ACLED taxonomy, finite
    coordinates. The event is therefore assembled without running pydantic's validators a second time
    (they cost ~80 µs an event, most of a 100,000-row import); ``validated`` — used by the tests on every
    kind of row and on random cells — checks that the model accepts the result unchanged.
    """
    if not _SAME_SHAPE:  # a model gained or lost a field: the general (slower) path
        return _assembled_generally(event_id, lat, lon, props)
    claims = [
        _instance(
            Claim,
            {
                "source_id": c["source_id"],
                "claimant": c["claimant"],
                "kind": c["kind"],
                "low": c["low"],
                "high": c["high"],
                "vague": False,
                "detail": c.get("detail"),
                "evidence": [],
            },
        )
        for c in props["claims"]
    ]
    sources = [
        _instance(
            Source,
            {
                "id": s["id"],
                "publisher": s["publisher"],
                "title": s["title"],
                "url": s["url"],
                "published": s["published"],
            },
        )
        for s in props["sources"]
    ]
    merged = {**_DEFAULTS, **props, "id": event_id, "claims": claims, "sources": sources}
    merged["assoc_actors"] = list(merged["assoc_actors"])
    properties = _instance(EventProperties, {name: merged[name] for name in _PROPERTY_NAMES})
    geometry = _instance(
        PointGeometry, {"type": "Point", "coordinates": (float(lon), float(lat)), "bbox": None}
    )
    return _instance(
        ParsedEvent,
        {"type": "Feature", "id": event_id, "bbox": None, "geometry": geometry, "properties": properties},
    )


def _assembled_generally(event_id: str, lat: float, lon: float, props: dict[str, Any]) -> Event:
    claims = [_trusted(Claim, {"vague": False, "detail": None, "evidence": [], **c}) for c in props["claims"]]
    sources = [_trusted(Source, s) for s in props["sources"]]
    fields = {**_DEFAULTS, **props, "id": event_id, "claims": claims, "sources": sources}
    fields["assoc_actors"] = list(fields["assoc_actors"])
    geometry = _trusted(
        PointGeometry, {"type": "Point", "coordinates": (float(lon), float(lat)), "bbox": None}
    )
    properties = _trusted(EventProperties, fields)
    return _trusted(
        ParsedEvent,
        {"type": "Feature", "id": event_id, "bbox": None, "geometry": geometry, "properties": properties},
    )


def _instance(cls: type[_M], values: dict[str, Any]) -> _M:
    """A model instance from values given for every field, in field order (what ``_trusted`` checks)."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", set(values))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


def _trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """``cls.model_construct(**values)`` for a complete set of checked values, without its per-field loop."""
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = (tuple(cls.model_fields), frozenset(cls.model_fields))
    names, name_set = known
    if values.keys() != name_set or cls.__pydantic_post_init__:
        return cls.model_construct(**values)  # the model changed shape: let pydantic fill in defaults
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", {name: values[name] for name in names})
    object.__setattr__(model, "__pydantic_fields_set__", set(values))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


_FIELDS: dict[type, tuple[tuple[str, ...], frozenset[str]]] = {}
_CLAIM_FIELDS = ("source_id", "claimant", "kind", "low", "high", "vague", "detail", "evidence")
_SOURCE_FIELDS = ("id", "publisher", "title", "url", "published")
_REQUIRED_PROPS = frozenset(
    {"id", "event_date", "event_type", "sub_event_type", "location", "claims", "sources"}
)
#: Model defaults of the fields a data-set row may leave out.
_DEFAULTS: dict[str, Any] = {
    "date_precision": "day", "actor1": None, "actor2": None, "assoc_actors": (), "admin1": None,
    "admin2": None, "country": None, "iso3": None, "geo_precision": 1, "place_id": None,
    "fatalities_best": 0, "fatalities_low": 0, "fatalities_high": 0, "control_zone": None,
    "side_of_line": None, "notes": None, "geocoder": None, "confidence": None, "extracted_at": None,
}  # fmt: skip


#: True while the models have exactly the fields ``build_event`` fills in (checked once, at import).
_SAME_SHAPE = (
    tuple(Claim.model_fields) == _CLAIM_FIELDS
    and tuple(Source.model_fields) == _SOURCE_FIELDS
    and tuple(PointGeometry.model_fields) == ("type", "coordinates", "bbox")
    and tuple(Event.model_fields) == ("type", "id", "bbox", "geometry", "properties")
    and set(EventProperties.model_fields) == set(_DEFAULTS) | _REQUIRED_PROPS
    and not any(
        m.__pydantic_post_init__ for m in (Claim, Source, PointGeometry, EventProperties, ParsedEvent)
    )
)


def validated(event: Event) -> Event:
    """Return ``event`` validated by the model (raises ``RowError`` naming the field the model refuses)."""
    try:
        return Event.model_validate(event.to_feature())
    except ValidationError as err:
        first = err.errors()[0]
        loc = [str(p) for p in first["loc"] if p not in ("properties",)]
        raise RowError(loc[-1] if loc else None, str(first["msg"]).removeprefix("Value error, ")) from None


__all__ = ["NOTES_LIMIT", "TITLE_LIMIT", "build_event", "dataset_source", "source_of", "validated"]
