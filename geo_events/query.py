"""A backend-neutral description of an event query (filters, sort, paging) with validation."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

import orjson

from geo_events.errors import InvalidQuery
from geo_events.taxonomy import canonical_event_type, canonical_sub_event_type

SortKey = Literal["date", "-date", "fatalities", "-fatalities", "id"]
SORT_KEYS: tuple[str, ...] = ("date", "-date", "fatalities", "-fatalities", "id")
MAX_LIMIT = 10_000


def parse_bbox(value: str | list[float] | tuple[float, ...]) -> tuple[float, float, float, float]:
    """Parse ``minx,miny,maxx,maxy`` (WGS84 lon/lat) and validate it; raise ``InvalidQuery(field='bbox')``."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",")]
        try:
            numbers = [float(p) for p in parts]
        except ValueError as err:
            raise InvalidQuery(f"bbox must be 4 numbers minx,miny,maxx,maxy; got {value!r}", "bbox") from err
    else:
        numbers = [float(v) for v in value]
    if len(numbers) == 6:  # 3D bbox (OGC allows it): drop the heights
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4:
        raise InvalidQuery(f"bbox must have 4 numbers minx,miny,maxx,maxy; got {len(numbers)}", "bbox")
    if not all(math.isfinite(n) for n in numbers):
        raise InvalidQuery("bbox numbers must be finite", "bbox")
    minx, miny, maxx, maxy = numbers
    if not (-180 <= minx <= 180 and -180 <= maxx <= 180):
        raise InvalidQuery("bbox longitudes must be within [-180, 180]", "bbox")
    if not (-90 <= miny <= 90 and -90 <= maxy <= 90):
        raise InvalidQuery("bbox latitudes must be within [-90, 90]", "bbox")
    if miny > maxy:
        raise InvalidQuery(f"bbox miny ({miny}) is greater than maxy ({maxy})", "bbox")
    if minx > maxx:
        raise InvalidQuery(
            f"bbox minx ({minx}) is greater than maxx ({maxx}); bboxes crossing the antimeridian are not supported",
            "bbox",
        )
    return minx, miny, maxx, maxy


def parse_near(value: str) -> tuple[float, float]:
    """Parse ``lat,lon`` (WGS84 degrees) into a tuple; raise ``InvalidQuery(field='near')``."""
    parts = [p.strip() for p in value.split(",")]
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError as err:
        raise InvalidQuery(f"near must be 'lat,lon' (two numbers); got {value!r}", "near") from err
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InvalidQuery("near must hold finite numbers", "near")
    return lat, lon


def parse_choices(value: str, field_name: str, choices: tuple[Any, ...]) -> tuple[Any, ...]:
    """Parse a comma-separated list of ``choices`` (``1,2`` or ``day,week``); raise ``InvalidQuery``.

    Each item is converted to the type of the choices (``int`` for ``(1, 2, 3)``) and must be one of them.
    """
    kind = type(choices[0])
    names = [str(c) for c in choices]
    said = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
    problem = InvalidQuery(f"{field_name} must be {said} (comma-separated); got {value!r}", field_name)
    try:
        items = tuple(kind(p.strip()) for p in value.split(","))
    except ValueError as err:
        raise problem from err
    if not items or any(item not in choices for item in items):
        raise problem
    return items


#: ``geo_precision`` codes: 1 the place itself, 2 near / part of a region, 3 only the province known.
GEO_PRECISIONS: tuple[int, ...] = (1, 2, 3)
#: ``date_precision`` values: the day is known, or only its week or month.
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month")


def parse_precision(value: str) -> tuple[int, ...]:
    """Parse ``geo_precision`` such as ``1`` or ``1,2`` into a tuple of 1, 2 or 3."""
    return parse_choices(value, "geo_precision", GEO_PRECISIONS)


#: Years accepted in every date input (event dates, filters, publication dates): outside this range date
#: arithmetic (``± 62`` days around a merge, month spans) could overflow, and no conflict report is dated there.
MIN_YEAR = 1900
MAX_YEAR = 2100
#: The same rule as a JSON Schema ``pattern`` (for OpenAPI documents): years 1900–2100, an optional time.
DATE_PATTERN = (
    r"^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"([Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?$"
)
#: ``YYYY-MM-DD`` only, in the supported years.
DAY_PATTERN = DATE_PATTERN.split("([Tt]")[0] + "$"
#: ``DATE_PATTERN`` or empty (an empty filter means no filter).
OPTIONAL_DATE_PATTERN = "^$|" + DATE_PATTERN
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
#: RFC 3339 time after the ``T`` of a full timestamp (seconds required, optional fraction and offset).
_RFC3339_TIME = re.compile(
    r"([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)?", re.ASCII
)


def _date_error(field_name: str, value: object, why: str = "") -> InvalidQuery:
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    reason = f" ({why})" if why else ""
    return InvalidQuery(
        f"{field_name} must be an ISO 8601 date YYYY-MM-DD (or an RFC 3339 timestamp) between "
        f"{MIN_YEAR}-01-01 and {MAX_YEAR}-12-31; got {shown}{reason}",
        field_name,
    )


def parse_date(value: str | date, field_name: str, allow_time: bool = True) -> date:
    """Parse one date input: ``YYYY-MM-DD`` or an RFC 3339 timestamp (cut to its date).

    The one parser behind every date the API, the CLI and the importers accept. It refuses other ISO 8601
    forms (``2018-W05``, ``20180203``), invalid times (``T25:00:00``), non-strings (a JSON ``0`` is not a
    date) and years outside ``MIN_YEAR``–``MAX_YEAR``, raising ``InvalidQuery`` naming ``field_name``.
    ``allow_time=False`` takes ``YYYY-MM-DD`` only (what a JSON Schema ``format: date`` promises).
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise _date_error(field_name, value.isoformat(), "year out of range")
        return value
    if not isinstance(value, str):
        raise _date_error(field_name, value, "not a string")
    text = value.strip()
    day_part, sep, time_part = text.partition("T") if "T" in text else text.partition("t")
    match = _ISO_DATE.fullmatch(day_part)
    if match is None or (sep and (not allow_time or _RFC3339_TIME.fullmatch(time_part) is None)):
        raise _date_error(field_name, value)
    try:
        parsed = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as err:
        raise _date_error(field_name, value, str(err)) from err
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise _date_error(field_name, value, "year out of range")
    return parsed


@dataclass(frozen=True)
class EventQuery:
    """Filters, sort and paging for ``EventStore.query``; ``validate()`` raises ``InvalidQuery``."""

    bbox: tuple[float, float, float, float] | None = None
    start: date | None = None
    end: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    min_fatalities: int | None = None
    max_fatalities: int | None = None
    control_zone: str | None = None
    side_of_line: str | None = None
    near: tuple[float, float] | None = None  # (lat, lon)
    radius_km: float = 25.0
    q: str | None = None
    source: str | None = None
    geo_precision: tuple[int, ...] | None = None
    date_precision: tuple[str, ...] | None = None
    ids: tuple[str, ...] | None = None
    sort: str = "date"
    limit: int = 100
    offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def validate(self, max_limit: int = MAX_LIMIT) -> EventQuery:
        """Return a normalised copy or raise ``InvalidQuery`` naming the bad field."""
        changes: dict[str, object] = {}
        if self.bbox is not None:
            changes["bbox"] = parse_bbox(self.bbox)
        if self.start and self.end and self.start > self.end:
            raise InvalidQuery(f"start ({self.start}) is after end ({self.end})", "start")
        if self.event_type is not None:
            try:
                changes["event_type"] = canonical_event_type(self.event_type)
            except ValueError as err:
                raise InvalidQuery(str(err), "event_type") from err
        if self.sub_event_type is not None:
            try:
                changes["sub_event_type"] = canonical_sub_event_type(self.sub_event_type)
            except ValueError as err:
                raise InvalidQuery(str(err), "sub_event_type") from err
        for name in ("min_fatalities", "max_fatalities"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise InvalidQuery(f"{name} must be >= 0", name)
        if (
            self.min_fatalities is not None
            and self.max_fatalities is not None
            and self.min_fatalities > self.max_fatalities
        ):
            raise InvalidQuery("min_fatalities is greater than max_fatalities", "min_fatalities")
        if self.near is not None:
            lat, lon = self.near
            if not (math.isfinite(lat) and -90 <= lat <= 90):
                raise InvalidQuery(f"near latitude {lat} out of range [-90, 90]", "near")
            if not (math.isfinite(lon) and -180 <= lon <= 180):
                raise InvalidQuery(f"near longitude {lon} out of range [-180, 180]", "near")
        if not (math.isfinite(self.radius_km) and 0 < self.radius_km <= 20_000):
            raise InvalidQuery("radius_km must be > 0 and <= 20000", "radius_km")
        if self.side_of_line is not None and self.side_of_line not in ("east", "west", "on_line"):
            raise InvalidQuery("side_of_line must be east, west or on_line", "side_of_line")
        if self.date_precision:
            changes["date_precision"] = parse_choices(",".join(self.date_precision), "date_precision",
                                                      DATE_PRECISIONS)
        if self.sort not in SORT_KEYS:
            raise InvalidQuery(f"sort must be one of {', '.join(SORT_KEYS)}", "sort")
        if not 1 <= self.limit <= max_limit:
            raise InvalidQuery(f"limit must be between 1 and {max_limit}", "limit")
        if self.offset < 0:
            raise InvalidQuery("offset must be >= 0", "offset")
        if self.q is not None and len(self.q) > 500:
            raise InvalidQuery("q must be at most 500 characters", "q")
        return replace(self, **changes) if changes else self


class QueryResult:
    """One page of matching events plus the total number of matches.

    Backends may hand over each feature as already-serialised JSON bytes (``raw``) so servers can
    write them out without a parse/serialise round trip; ``features`` parses them on first use.
    """

    __slots__ = ("_features", "number_matched", "raw")

    def __init__(
        self, number_matched: int, features: list[dict] | None = None, raw: list[bytes] | None = None
    ) -> None:
        if features is None and raw is None:
            raise ValueError("QueryResult needs features or raw")
        self.number_matched = number_matched
        self._features = features
        self.raw = raw

    @property
    def features(self) -> list[dict]:
        """The page's features as GeoJSON dicts."""
        if self._features is None:
            self._features = [orjson.loads(b) for b in self.raw or []]
        return self._features

    def raw_features(self) -> list[bytes]:
        """The page's features as serialised JSON bytes."""
        if self.raw is None:
            self.raw = [orjson.dumps(f) for f in self._features or []]
        return self.raw

    @property
    def number_returned(self) -> int:
        """How many features this page holds."""
        return len(self.raw) if self.raw is not None else len(self._features or [])
