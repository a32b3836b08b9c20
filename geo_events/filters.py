"""The ``/events`` filter vocabulary, written once: one ``Filter`` row per filter.

Everything that speaks the vocabulary is generated from ``FILTERS``: the FastAPI parameters of ``/events``
(``api.deps``), the filters of ``/collections/events/items`` and their OpenAPI parameters
(``api.ogc_support``, ``api.openapi``) and the typer options of ``export`` and ``map``
(``geo_events.cli._common``). Adding a filter is one row here, its ``EventQuery`` field and its test in
each store backend (see ``docs/architecture.md``).

``event_property_schemas`` gives the JSON Schema of every event property, read from the pydantic model
``geo_events.models.EventProperties`` (with the ACLED vocabularies of ``geo_events.taxonomy``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from geo_events.query import (
    DATE_PRECISIONS,
    GEO_PRECISIONS,
    EventQuery,
    parse_bbox,
    parse_choices,
    parse_date,
    parse_near,
)
from geo_events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

#: How a filter's text is read: a bounding box, a date, free text, a whole number, a number, one value of
#: ``choices``, a ``lat,lon`` point, or a comma-separated list of ``choices``.
FilterKind = Literal["bbox", "date", "text", "integer", "number", "choice", "lat_lon", "list"]

#: The store backends (``EventStore.backend``).
BACKENDS: frozenset[str] = frozenset({"geojson", "postgis"})


@dataclass(frozen=True)
class Filter:
    """One ``/events`` filter: its name (the query parameter and the ``EventQuery`` field) and how to read it.

    Attributes
    ----------
    name
        Query parameter, ``EventQuery`` field and (with ``cli``) ``--option`` name.
    kind
        How the text is parsed (``FilterKind``).
    description
        One sentence for the API documents and ``--help``.
    example
        A value that matches the seed events.
    pushdown
        The backends that answer the filter in their own engine (index masks, SQL).
    choices
        The allowed values of a ``choice`` or ``list`` filter.
    default
        The value when the parameter is absent (None: no filter).
    minimum, exclusive_minimum, maximum, max_length
        Bounds checked before parsing (FastAPI and OpenAPI say them too).
    cli
        Whether ``export`` and ``map`` take it as an option.
    """

    name: str
    kind: FilterKind
    description: str
    example: Any
    pushdown: frozenset[str] = BACKENDS
    choices: tuple[Any, ...] | None = None
    default: Any = None
    minimum: float | None = None
    exclusive_minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    cli: bool = False

    @property
    def option(self) -> str:
        """The command-line option (``--event-type``)."""
        return "--" + self.name.replace("_", "-")

    def parse(self, value: Any) -> Any:
        """Turn one given value (text, or a number FastAPI already converted) into the ``EventQuery`` value.

        Raises ``InvalidQuery`` naming the filter.
        """
        if self.kind == "bbox":
            return parse_bbox(value)
        if self.kind == "date":
            return parse_date(value, self.name)
        if self.kind == "lat_lon":
            return parse_near(value)
        if self.kind == "list":
            return parse_choices(value, self.name, self.choices or ())
        if self.kind == "integer":
            return int(value)
        if self.kind == "number":
            return float(value)
        return value


_PLACE = "Keep only these location precisions (1 place, 2 near/region, 3 province)."

#: Every ``/events`` filter, in the order the API documents them.
FILTERS: tuple[Filter, ...] = (
    Filter("bbox", "bbox", "Bounding box minx,miny,maxx,maxy in WGS84 longitude/latitude degrees.",
           "40,34.5,41,35.5", cli=True),
    Filter("start", "date", "First event date (inclusive), YYYY-MM-DD (or an RFC 3339 timestamp), 1900–2100.",
           "2018-02-01", cli=True),
    Filter("end", "date", "Last event date (inclusive), YYYY-MM-DD (or an RFC 3339 timestamp), 1900–2100.",
           "2018-02-28", cli=True),
    Filter("event_type", "text", "ACLED event type (case-insensitive).", "Explosions/Remote violence", cli=True),
    Filter("sub_event_type", "text", "ACLED sub-event type (case-insensitive).", "Air/drone strike", cli=True),
    Filter("actor", "text", "Text matched (case-insensitive) in actor1, actor2 and assoc_actors.", "Russia",
           cli=True),
    Filter("country", "text", "Country name or ISO 3166-1 alpha-3 code.", "SYR", cli=True),
    Filter("admin1", "text", "First-level administrative unit (governorate).", "Deir ez-Zor", cli=True),
    Filter("min_fatalities", "integer", "Smallest fatalities_best (inclusive).", 10, minimum=0, cli=True),
    Filter("max_fatalities", "integer", "Largest fatalities_best (inclusive).", 1000, minimum=0),
    Filter("control_zone", "text", "Controller of the location on the event date.", "Syrian government & allies"),
    Filter("side_of_line", "choice", "Side of the US–Russia de-confliction line: east, west or on_line.", "east",
           choices=("east", "west", "on_line")),
    Filter("near", "lat_lon", "Centre 'lat,lon' (WGS84) of a radius search; see radius_km.", "35.30,40.29"),
    Filter("radius_km", "number", "Radius of the `near` search in kilometres.", 25, default=25.0,
           exclusive_minimum=0, maximum=20_000),
    Filter("q", "text", "Free text searched in every field of the event.", "Khasham", max_length=500, cli=True),
    Filter("source", "text", "Text matched in source ids, publishers and URLs.", "The New Arab", cli=True),
    Filter("geo_precision", "list", _PLACE, "1,2", choices=GEO_PRECISIONS, cli=True),
    Filter("date_precision", "list", "Keep only these date precisions (day, week, month; comma-separated).",
           "day", choices=DATE_PRECISIONS, cli=True),
)  # fmt: skip

#: The filters by name.
FILTERS_BY_NAME: dict[str, Filter] = {f.name: f for f in FILTERS}


def query_from_values(values: Mapping[str, Any], **paging: Any) -> EventQuery:
    """Build an ``EventQuery`` (not yet validated) from given filter values, by name.

    A missing or None value is no filter, and so is empty text (``?actor=``), except for ``bbox``, which
    must then be a box. ``paging`` passes ``sort``, ``limit`` and ``offset`` through.
    """
    fields: dict[str, Any] = {}
    for f in FILTERS:
        value = values.get(f.name)
        if value is None or (value == "" and f.kind != "bbox"):
            continue
        fields[f.name] = f.parse(value)
    return EventQuery(**fields, **paging)


# ------------------------------------------------------------------------- event property schemas
#: Properties whose values come from a vocabulary the model checks in a validator (not in its schema).
_VOCABULARIES: dict[str, list[Any]] = {"event_type": list(EVENT_TYPES), "sub_event_type": list(SUB_EVENT_TYPES)}
_KEPT = ("type", "format", "enum", "minimum", "maximum", "description")


def _plain(schema: dict[str, Any]) -> dict[str, Any]:
    """One property's schema without the null option, ``$ref``s as objects and only the keys clients read."""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    found = dict(options[0]) if options else {}
    if "$ref" in found:
        found = {"type": "object"}
    if found.get("type") == "array":
        found["items"] = _plain(found.get("items") or {})
    if "const" in found:
        found["enum"] = [found.pop("const")]
    out = {key: found[key] for key in (*_KEPT, "items") if key in found}
    if "description" in schema and "description" not in out:
        out["description"] = schema["description"]
    return out


def event_property_schemas() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema of every event property (``EventProperties``), in the model's order."""
    from geo_events.models import EventProperties  # pydantic: not loaded by the CLI's start

    properties = EventProperties.model_json_schema()["properties"]
    schemas = {name: _plain(schema) for name, schema in properties.items()}
    for name, values in _VOCABULARIES.items():
        schemas[name]["enum"] = values
    return schemas


__all__ = [
    "BACKENDS",
    "FILTERS",
    "FILTERS_BY_NAME",
    "Filter",
    "FilterKind",
    "event_property_schemas",
    "query_from_values",
]
