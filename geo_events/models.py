"""The event data model: one conflict event is one RFC 7946 GeoJSON Feature (WGS84, lon/lat).

Fields follow ACLED and UCDP GED names where they exist, so analysts can compare data sets;
``docs/data-model.md`` documents every field and ``schemas/event.schema.json`` publishes the JSON Schema.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    field_validator,
    model_serializer,
    model_validator,
)

from geo_events.fatalities import fatality_range
from geo_events.taxonomy import EVENT_TYPES, canonical_event_type, canonical_sub_event_type

DatePrecision = Literal["day", "week", "month"]
ClaimKind = Literal["killed", "wounded", "captured", "other"]
SideOfLine = Literal["east", "west", "on_line"]

#: ACLED ``time_precision`` code for each date precision.
TIME_PRECISION_CODES: dict[str, int] = {"day": 1, "week": 2, "month": 3}

NonEmptyStr = Annotated[str, Field(min_length=1, max_length=500)]
#: Upper bound of every count (fatalities, claim figures) and text offset: keeps numbers in 64-bit JSON range.
MAX_COUNT = 10**9


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=False)

    @model_validator(mode="after")
    def _no_nul_characters(self) -> _Model:
        # GDAL (GeoPackage, KML) and many C tools cut strings at NUL: reject it instead of losing text later.
        for name, value in self.__dict__.items():
            values = value if isinstance(value, list) else [value]
            if any(isinstance(v, str) and "\x00" in v for v in values):
                raise ValueError(f"{name} contains a NUL character (\\x00)")
        return self


class Evidence(_Model):
    """A character span ``[start, end)`` in one source's text that supports a claim or field."""

    start: int = Field(
        ge=0,
        le=MAX_COUNT,
        description="Offset of the first character (0-based, Unicode code points).",
    )
    end: int = Field(ge=0, le=MAX_COUNT, description="Offset one past the last character.")
    field: str | None = Field(
        default=None, description="Which event field the span supports (location, event_date, actor1, …)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end must be >= start")
        return self


class Claim(_Model):
    """One casualty (or other) claim made in one source, attributed to whoever makes it."""

    source_id: NonEmptyStr = Field(description="Id of the source (see ``sources``) that reports the claim.")
    claimant: NonEmptyStr = Field(
        description="Who makes the claim: 'US official', 'Russian defence ministry', 'Syrian state media'…"
    )
    kind: ClaimKind = Field(description="What is counted: killed, wounded, captured or other.")
    low: int | None = Field(
        default=None,
        ge=0,
        le=MAX_COUNT,
        description="Lower bound of the number claimed (None: open).",
    )
    high: int | None = Field(
        default=None,
        ge=0,
        le=MAX_COUNT,
        description="Upper bound of the number claimed (None: open).",
    )
    vague: bool = Field(
        default=False, description="True when the number comes from a vague quantifier ('dozens', 'scores')."
    )
    detail: str | None = Field(
        default=None,
        max_length=300,
        description="Short own-words qualifier, e.g. 'dead and wounded together'.",
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Spans in the source's text.")

    @model_validator(mode="after")
    def _bounds(self) -> Claim:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"claim low ({self.low}) must be <= high ({self.high})")
        return self


class Source(_Model):
    """A report the event is coded from."""

    id: NonEmptyStr = Field(description="Stable id of the source within the event (see ``source_id``).")
    publisher: str | None = Field(default=None, max_length=300, description="Outlet, e.g. 'The New Arab'.")
    title: str | None = Field(default=None, max_length=1000, description="Headline of the report.")
    url: str | None = Field(default=None, max_length=2000, description="Where the report was published.")
    published: date | None = Field(default=None, description="Publication date (ISO 8601).")


class EventProperties(_Model):
    """The ``properties`` of an event Feature."""

    id: NonEmptyStr = Field(description="Stable event id; re-ingesting the same event keeps it.")
    event_date: date = Field(description="Date of the event (ISO 8601, YYYY-MM-DD).")
    date_precision: DatePrecision = Field(
        default="day", description="day, week or month (ACLED time_precision 1, 2, 3)."
    )
    event_type: str = Field(description="ACLED event type (6 values).")
    sub_event_type: str = Field(description="ACLED sub-event type (25 values), consistent with event_type.")
    actor1: str | None = Field(default=None, max_length=300, description="Initiating actor (attacker).")
    actor2: str | None = Field(default=None, max_length=300, description="Target / other side.")
    assoc_actors: list[Annotated[str, Field(max_length=300)]] = Field(
        default_factory=list, description="Associated actors (allies, units, militias)."
    )
    location: NonEmptyStr = Field(description="Place name the event is coded to.")
    admin1: str | None = Field(
        default=None, max_length=200, description="First-level admin unit (governorate)."
    )
    admin2: str | None = Field(
        default=None, max_length=200, description="Second-level admin unit (district)."
    )
    country: str | None = Field(default=None, max_length=100, description="Country name.")
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code.")
    geo_precision: Literal[1, 2, 3] = Field(
        default=1,
        description="1 = the place itself, 2 = near / part of a region, 3 = only the province known.",
    )
    place_id: str | None = Field(default=None, max_length=100, description="Gazetteer id of the place.")
    fatalities_best: int = Field(
        default=0,
        ge=0,
        le=MAX_COUNT,
        description="Conservative best estimate of fatalities.",
    )
    fatalities_low: int = Field(default=0, ge=0, le=MAX_COUNT, description="Lowest credible fatality figure.")
    fatalities_high: int = Field(
        default=0,
        ge=0,
        le=MAX_COUNT,
        description="Highest fatality figure claimed.",
    )
    claims: list[Claim] = Field(default_factory=list, description="Every claim of every source, attributed.")
    sources: list[Source] = Field(default_factory=list, description="Reports the event is coded from.")
    control_zone: str | None = Field(
        default=None, max_length=200, description="Who controlled the location on the event date."
    )
    side_of_line: SideOfLine | None = Field(
        default=None, description="Side of the US–Russia de-confliction line on the event date."
    )
    notes: str | None = Field(default=None, max_length=4000, description="Own short summary of the event.")
    geocoder: str | None = Field(default=None, max_length=100, description="How the location was resolved.")
    confidence: float | None = Field(default=None, ge=0, le=1, description="Coder confidence 0–1.")
    extracted_at: datetime | None = Field(default=None, description="When the event was coded (UTC).")

    @field_validator("event_type")
    @classmethod
    def _event_type(cls, value: str) -> str:
        return canonical_event_type(value)

    @model_validator(mode="after")
    def _consistency(self) -> EventProperties:
        self.sub_event_type = canonical_sub_event_type(self.sub_event_type, self.event_type)
        if not (self.fatalities_low <= self.fatalities_best <= self.fatalities_high):
            raise ValueError(
                "fatalities must satisfy low <= best <= high "
                f"(got {self.fatalities_low}, {self.fatalities_best}, {self.fatalities_high})"
            )
        source_ids = {s.id for s in self.sources}
        for claim in self.claims:
            if source_ids and claim.source_id not in source_ids:
                raise ValueError(f"claim refers to unknown source_id {claim.source_id!r}")
        return self

    def recompute_fatalities(self) -> None:
        """Set ``fatalities_best/low/high`` from the killed claims (see ``geo_events.fatalities``)."""
        self.fatalities_best, self.fatalities_low, self.fatalities_high = fatality_range(self.claims)


def _without_empty_bbox(data: dict[str, Any]) -> dict[str, Any]:
    """RFC 7946 allows ``bbox`` to be absent, never null: leave it out when unset."""
    if data.get("bbox", ...) is None:
        del data["bbox"]
    return data


class PointGeometry(_Model):
    """An RFC 7946 Point in WGS84, ``[lon, lat]``."""

    type: Literal["Point"] = "Point"
    coordinates: tuple[StrictFloat, StrictFloat] | tuple[StrictFloat, StrictFloat, StrictFloat] = Field(
        description="[lon, lat] in WGS84 degrees, optionally followed by an altitude (RFC 7946 §3.1.1)."
    )
    bbox: list[StrictFloat] | None = Field(default=None, description="Optional RFC 7946 bounding box.")

    @model_serializer(mode="wrap")
    def _drop_empty_bbox(self, handler: Any) -> dict[str, Any]:
        return _without_empty_bbox(handler(self))

    @field_validator("coordinates")
    @classmethod
    def _in_range(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        lon, lat = value[0], value[1]
        if len(value) == 3 and not math.isfinite(value[2]):
            raise ValueError("altitude must be a finite number")
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError("coordinates must be finite numbers (no NaN or infinity)")
        if not -180 <= lon <= 180:
            raise ValueError(f"longitude {lon} out of range [-180, 180]")
        if not -90 <= lat <= 90:
            raise ValueError(f"latitude {lat} out of range [-90, 90]")
        return value

    @property
    def lon(self) -> float:
        """Longitude in degrees."""
        return self.coordinates[0]

    @property
    def lat(self) -> float:
        """Latitude in degrees."""
        return self.coordinates[1]


class Event(_Model):
    """One conflict event as an RFC 7946 GeoJSON Feature."""

    type: Literal["Feature"] = "Feature"
    id: str | None = Field(default=None, description="Same as properties.id (filled in when missing).")
    bbox: list[StrictFloat] | None = Field(default=None, description="Optional RFC 7946 bounding box.")
    geometry: PointGeometry
    properties: EventProperties

    @model_serializer(mode="wrap")
    def _drop_empty_bbox(self, handler: Any) -> dict[str, Any]:
        return _without_empty_bbox(handler(self))

    @model_validator(mode="after")
    def _same_id(self) -> Event:
        if self.id is None:
            self.id = self.properties.id
        elif self.id != self.properties.id:
            raise ValueError(f"feature id {self.id!r} differs from properties.id {self.properties.id!r}")
        return self

    @property
    def lon(self) -> float:
        """Longitude of the event point."""
        return self.geometry.lon

    @property
    def lat(self) -> float:
        """Latitude of the event point."""
        return self.geometry.lat

    def to_feature(self) -> dict[str, Any]:
        """Return the event as a plain GeoJSON Feature dict (JSON-ready)."""
        return self.model_dump(mode="json")


class EventCollection(_Model):
    """An RFC 7946 FeatureCollection of events."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Event] = Field(default_factory=list)


def stable_id(prefix: str, *parts: object) -> str:
    """Return a short deterministic id such as ``evt-3f2a9c1d04b7`` from the given parts."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"


def source_id_for(url: str | None, publisher: str | None, title: str | None, published: object = None) -> str:
    """Return the stable id of a source: from its URL when known, else publisher + title + date."""
    if url:
        return stable_id("src", url.strip().lower())
    return stable_id("src", (publisher or "").strip().lower(), (title or "").strip().lower(), published)


def event_json_schema() -> dict[str, Any]:
    """Return the published JSON Schema of an event Feature."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://geo-events.org/schemas/event.schema.json"
    schema["title"] = "geo-events event (GeoJSON Feature)"
    return schema


__all__ = [
    "EVENT_TYPES",
    "TIME_PRECISION_CODES",
    "Claim",
    "Event",
    "EventCollection",
    "EventProperties",
    "Evidence",
    "PointGeometry",
    "Source",
    "event_json_schema",
    "source_id_for",
    "stable_id",
]
