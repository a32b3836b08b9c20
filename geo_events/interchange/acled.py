"""ACLED's published CSV layout: one row ↔ one event (mapping documented field by field in docs/formats.md).

The row's ``event_id_cnty`` is kept as the id of the event's ACLED source (``acled:<event_id_cnty>``) and
fixes the event id, so importing the same row again changes nothing and a newer release replaces it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from geo_events.interchange import countries
from geo_events.interchange.common import (
    NOTES_LIMIT,
    TITLE_LIMIT,
    build_event,
    dataset_source,
    source_of,
)
from geo_events.interchange.rows import RowError, day, fitted, point, text, whole_number
from geo_events.models import TIME_PRECISION_CODES, Event, stable_id
from geo_events.taxonomy import DISORDER_TYPES, EVENT_TYPES, canonical_event_type, canonical_sub_event_type

NAME = "ACLED"
#: The claimant of the fatality figure and the publisher of the source of every imported row.
CLAIMANT = "ACLED"
SOURCE_PREFIX = "acled:"
#: The columns of an ACLED export, in ACLED's order.
COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)  # fmt: skip
#: Columns a row cannot do without (the others may be absent from the file or empty).
REQUIRED: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "location",
    "latitude",
    "longitude",
)
HINT = " (a UCDP GED file? use `geo-events import ucdp FILE`)"
_PRECISIONS = {code: name for name, code in TIME_PRECISION_CODES.items()}
GEOCODER = "ACLED"


def _actors(**cells: str | None) -> list[str]:
    found: list[str] = []
    for column, cell in cells.items():
        for name in (cell or "").split(";"):
            name = text(name, column, 300)
            if name and name not in found:
                found.append(name)
    return found


def _iso3(row: dict[str, str]) -> str | None:
    return _iso3_of((row.get("iso") or "").strip(), row.get("country"))


@lru_cache(maxsize=4096)
def _iso3_of(code: str, country: str | None) -> str | None:
    if code.isdecimal():  # (not isdigit: "²" is a digit int() cannot read)
        found = countries.iso3_from_numeric(int(code))
        if found:
            return found
    elif len(code) == 3 and code.isalpha() and countries.known_iso3(code.upper()):
        return code.upper()
    return countries.iso3_from_name(country)


#: The taxonomy's canonical spellings, looked up once per distinct cell (a file repeats a handful).
_event_type = lru_cache(maxsize=256)(canonical_event_type)
_sub_event_type = lru_cache(maxsize=1024)(canonical_sub_event_type)


def _timestamp(value: str | None) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    if value.isdecimal():
        seconds = whole_number(value, "timestamp", high=253402300799)
        return datetime.fromtimestamp(seconds, tz=UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise RowError("timestamp", f"{value[:40]!r} is neither Unix seconds nor an ISO 8601 time") from None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def row_to_event(row: dict[str, str], notices: list[str], number: int) -> Event:
    """Turn one ACLED row into an event; raise ``RowError`` naming the first unusable cell."""
    acled_id = text(row.get("event_id_cnty"), "event_id_cnty", 200, required=True)
    when = day(row.get("event_date"), "event_date")
    precision = whole_number(row.get("time_precision"), "time_precision", low=1, high=3, default=1)
    try:
        event_type = _event_type(row.get("event_type") or "")
    except ValueError:
        raise RowError(
            "event_type",
            f"{(row.get('event_type') or '')[:60]!r} is not an ACLED event type "
            "(Battles, Explosions/Remote violence, Violence against civilians, "
            "Protests, Riots, Strategic developments)",
        ) from None
    try:
        sub_event_type = _sub_event_type(row.get("sub_event_type") or "", event_type)
    except ValueError:
        raise RowError(
            "sub_event_type",
            f"{(row.get('sub_event_type') or '')[:60]!r} is not a sub-event type "
            f"of {event_type} ({', '.join(EVENT_TYPES[event_type])})",
        ) from None
    iso3 = _iso3(row)
    lat, lon = point(row.get("latitude"), row.get("longitude"), iso3)
    fatalities = whole_number(row.get("fatalities"), "fatalities", default=0)
    geo_precision = whole_number(row.get("geo_precision"), "geo_precision", low=1, high=3, default=1)
    source_id = SOURCE_PREFIX + acled_id
    title, cut = fitted(text(row.get("source"), "source", 100_000), TITLE_LIMIT)
    if cut:
        notices.append(f"row {number}: source cut to {TITLE_LIMIT} characters")
    notes, cut = fitted(text(row.get("notes"), "notes", 1_000_000), NOTES_LIMIT)
    if cut:
        notices.append(f"row {number}: notes cut to {NOTES_LIMIT} characters")
    props: dict[str, Any] = {
        "event_date": when,
        "date_precision": _PRECISIONS[precision],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": text(row.get("actor1"), "actor1", 300),
        "actor2": text(row.get("actor2"), "actor2", 300),
        "assoc_actors": _actors(
            assoc_actor_1=row.get("assoc_actor_1"), assoc_actor_2=row.get("assoc_actor_2")
        ),
        "location": text(row.get("location"), "location", 500, required=True),
        "admin1": text(row.get("admin1"), "admin1", 200),
        "admin2": text(row.get("admin2"), "admin2", 200),
        "country": text(row.get("country"), "country", 100),
        "iso3": iso3,
        "geo_precision": geo_precision,
        "fatalities_best": fatalities,
        "fatalities_low": fatalities,
        "fatalities_high": fatalities,
        "claims": [
            {
                "source_id": source_id,
                "claimant": CLAIMANT,
                "kind": "killed",
                "low": fatalities,
                "high": fatalities,
            }
        ],
        "sources": [dataset_source(source_id, CLAIMANT, title)],
        "notes": notes,
        "geocoder": GEOCODER,
        "extracted_at": _timestamp(row.get("timestamp")),
    }
    return build_event(event_id(acled_id), lat, lon, props)


def event_id(acled_id: str) -> str:
    """Return the geo-events id of the event imported from ACLED row ``event_id_cnty``."""
    return stable_id("evt", "acled", acled_id)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def feature_to_row(feature: dict[str, Any]) -> dict[str, str]:
    """Write one event Feature as an ACLED row (columns geo-events does not keep are left empty)."""
    p = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"][:2]
    own = source_of(p, SOURCE_PREFIX)
    if own is not None:
        acled_id, source = own["id"][len(SOURCE_PREFIX) :], own.get("title")
    else:
        acled_id = p["id"]
        source = "; ".join(s.get("publisher") or s["id"] for s in p.get("sources") or []) or None
    event_date = str(p["event_date"])
    extracted = p.get("extracted_at")
    timestamp = ""
    if extracted:
        moment = datetime.fromisoformat(str(extracted))
        timestamp = str(int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()))
    numeric = countries.numeric_from_iso3(p.get("iso3"))
    return {
        "event_id_cnty": acled_id,
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": str(TIME_PRECISION_CODES.get(p.get("date_precision") or "day", 1)),
        "disorder_type": DISORDER_TYPES.get(p["event_type"], ""),
        "event_type": p["event_type"],
        "sub_event_type": p["sub_event_type"],
        "actor1": _cell(p.get("actor1")),
        "assoc_actor_1": "; ".join(p.get("assoc_actors") or []),
        "inter1": "",
        "actor2": _cell(p.get("actor2")),
        "assoc_actor_2": "",
        "inter2": "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if p["event_type"] == "Violence against civilians" else "",
        "iso": "" if numeric is None else str(numeric),
        "region": "",
        "country": _cell(p.get("country")),
        "admin1": _cell(p.get("admin1")),
        "admin2": _cell(p.get("admin2")),
        "admin3": "",
        "location": p["location"],
        "latitude": repr(float(lat)),
        "longitude": repr(float(lon)),
        "geo_precision": str(p.get("geo_precision") or 1),
        "source": _cell(source),
        "source_scale": "",
        "notes": _cell(p.get("notes")),
        "fatalities": str(p.get("fatalities_best") or 0),
        "tags": "",
        "timestamp": timestamp,
    }


__all__ = ["CLAIMANT", "COLUMNS", "REQUIRED", "SOURCE_PREFIX", "event_id", "feature_to_row", "row_to_event"]
