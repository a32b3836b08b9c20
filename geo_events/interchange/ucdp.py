"""UCDP GED's published CSV layout: one row ↔ one event (mapping field by field in docs/formats.md).

The row's ``id`` is kept as the id of the event's UCDP source (``ucdp-ged:<id>``) and fixes the event id,
so importing the same row again changes nothing and a newer GED release replaces it. UCDP's best, low
and high estimates become the event's fatalities and one claim attributed to "UCDP GED"; the breakdown
(``deaths_a``, ``deaths_b``, ``deaths_civilians``, ``deaths_unknown``) is kept in that claim's detail.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from geo_events.interchange import countries
from geo_events.interchange.common import TITLE_LIMIT, build_event, dataset_source, source_of
from geo_events.interchange.rows import RowError, day, fitted, point, text, whole_number
from geo_events.models import Event, stable_id

NAME = "UCDP GED"
CLAIMANT = "UCDP GED"
SOURCE_PREFIX = "ucdp-ged:"
GEOCODER = "UCDP GED"
#: The columns of a UCDP GED release, in UCDP's order.
COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)  # fmt: skip
REQUIRED: tuple[str, ...] = ("id", "type_of_violence", "date_start", "latitude", "longitude", "best")
HINT = " (an ACLED file? use `geo-events import acled FILE`)"
#: UCDP ``type_of_violence`` → ACLED event type and sub-event type.
VIOLENCE_TYPES: dict[int, tuple[str, str]] = {
    1: ("Battles", "Armed clash"),  # state-based conflict
    2: ("Battles", "Armed clash"),  # non-state conflict
    3: ("Violence against civilians", "Attack"),  # one-sided violence
}
#: UCDP ``where_prec`` → ``geo_precision`` (1 exact, 2 near / within 25 km or a linear feature,
#: 3 only a province or the country).
WHERE_PRECISION: dict[int, int] = {1: 1, 2: 2, 3: 2, 4: 3, 5: 2, 6: 3, 7: 3}
#: ``geo_precision`` → ``where_prec`` when exporting.
WHERE_PREC_OUT: dict[int, int] = {1: 1, 2: 2, 3: 4}
#: UCDP ``date_prec`` → ``date_precision`` (5, "only the year", has no equivalent and is refused).
DATE_PRECISION: dict[int, str] = {1: "day", 2: "week", 3: "month", 4: "month"}
DATE_PREC_OUT: dict[str, int] = {"day": 1, "week": 2, "month": 3}
DEATHS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
_DETAIL = re.compile(r"\b(deaths_(?:a|b|civilians|unknown)) (\d+)")


def event_id(ucdp_id: str) -> str:
    """Return the geo-events id of the event imported from UCDP GED row ``id``."""
    return stable_id("evt", "ucdp-ged", ucdp_id)


def _precision(row: dict[str, str], start: date) -> str:
    end = day(row["date_end"], "date_end") if row.get("date_end") else start
    if end < start:
        raise RowError("date_end", f"{end} is before date_start {start}")
    if not row.get("date_prec"):
        span = (end - start).days
        return "day" if span == 0 else "week" if span <= 6 else "month"
    code = whole_number(row.get("date_prec"), "date_prec", low=1, high=5)
    if code not in DATE_PRECISION:
        raise RowError(
            "date_prec",
            f"{code} means only the year is known; geo-events dates an event to a "
            "month at best (give date_prec 3 or 4 with the month, or leave the row out)",
        )
    return DATE_PRECISION[code]


def row_to_event(row: dict[str, str], notices: list[str], number: int) -> Event:
    """Turn one UCDP GED row into an event; raise ``RowError`` naming the first unusable cell."""
    ucdp_id = text(row.get("id"), "id", 200, required=True)
    violence = whole_number(row.get("type_of_violence"), "type_of_violence", low=0, high=10**6)
    if violence not in VIOLENCE_TYPES:
        raise RowError(
            "type_of_violence",
            f"{violence} is not a UCDP type of violence (1 state-based, 2 non-state, 3 one-sided)",
        )
    event_type, sub_event_type = VIOLENCE_TYPES[violence]
    start = day(row.get("date_start"), "date_start")
    precision = _precision(row, start)
    country = text(row.get("country"), "country", 100)
    iso3 = countries.iso3_from_name(country)
    lat, lon = point(row.get("latitude"), row.get("longitude"), iso3)
    where = whole_number(row.get("where_prec"), "where_prec", low=1, high=7, default=1)
    best = whole_number(row.get("best"), "best")
    low = whole_number(row.get("low"), "low", default=best)
    high = whole_number(row.get("high"), "high", default=best)
    if not low <= best <= high:
        raise RowError("best", f"low {low} <= best {best} <= high {high} does not hold")
    deaths = {name: whole_number(row.get(name), name) for name in DEATHS if (row.get(name) or "").strip()}
    detail = ", ".join(f"{name} {value}" for name, value in deaths.items()) or None
    source_id = SOURCE_PREFIX + ucdp_id
    headline, cut = fitted(text(row.get("source_headline"), "source_headline", 1_000_000), TITLE_LIMIT)
    if cut:
        notices.append(f"row {number}: source_headline cut to {TITLE_LIMIT} characters")
    location = (
        text(row.get("where_coordinates"), "where_coordinates", 500)
        or text(row.get("adm_2"), "adm_2", 500)
        or text(row.get("adm_1"), "adm_1", 500)
        or country
    )
    if not location:
        raise RowError("where_coordinates", "is empty, and so are adm_2, adm_1 and country: no place to name")
    props: dict[str, Any] = {
        "event_date": start,
        "date_precision": precision,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": text(row.get("side_a"), "side_a", 300),
        "actor2": text(row.get("side_b"), "side_b", 300),
        "location": location,
        "admin1": text(row.get("adm_1"), "adm_1", 200),
        "admin2": text(row.get("adm_2"), "adm_2", 200),
        "country": country,
        "iso3": iso3,
        "geo_precision": WHERE_PRECISION[where],
        "fatalities_best": best,
        "fatalities_low": low,
        "fatalities_high": high,
        "claims": [
            {
                "source_id": source_id,
                "claimant": CLAIMANT,
                "kind": "killed",
                "low": low,
                "high": high,
                "detail": detail,
            }
        ],
        "sources": [dataset_source(source_id, CLAIMANT, headline)],
        "geocoder": GEOCODER,
    }
    return build_event(event_id(ucdp_id), lat, lon, props)


def _date_end(start: date, precision: str) -> date:
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start


def _violence(p: dict[str, Any]) -> int | None:
    if p["event_type"] == "Violence against civilians":
        return 3
    if p["event_type"] not in ("Battles", "Explosions/Remote violence"):
        return None
    sides = (p.get("actor1") or "", p.get("actor2") or "")
    return 1 if any(side.startswith("Government of") for side in sides) else 2


def in_scope(feature: dict[str, Any]) -> bool:
    """True when the event is organised violence UCDP GED codes (not a protest, riot or development)."""
    return _violence(feature["properties"]) is not None


def priogrid_gid(lat: float, lon: float) -> int:
    """Return the PRIO-GRID cell (0.5°, numbered from 1 at the south-west corner, row by row)."""
    row = min(int((lat + 90) // 0.5), 359)
    col = min(int((lon + 180) // 0.5), 719)
    return row * 720 + col + 1


def feature_to_row(feature: dict[str, Any]) -> dict[str, str]:
    """Write one event Feature as a UCDP GED row (columns geo-events does not keep are left empty)."""
    p = feature["properties"]
    lon, lat = (float(v) for v in feature["geometry"]["coordinates"][:2])
    own = source_of(p, SOURCE_PREFIX)
    ucdp_id = own["id"][len(SOURCE_PREFIX) :] if own is not None else p["id"]
    headline = (
        own.get("title")
        if own is not None
        else "; ".join(s.get("title") or s.get("publisher") or s["id"] for s in p.get("sources") or [])
    )
    deaths: dict[str, str] = {}
    for claim in p.get("claims") or []:
        if own is not None and claim.get("source_id") == own["id"]:
            deaths = dict(_DETAIL.findall(claim.get("detail") or ""))
    if own is None:  # not from UCDP: the total is all UCDP's layout can say
        deaths = {"deaths_unknown": str(p.get("fatalities_best") or 0)}
    start = date.fromisoformat(str(p["event_date"]))
    precision = p.get("date_precision") or "day"
    side_a, side_b = p.get("actor1") or "", p.get("actor2") or ""
    return {
        **dict.fromkeys(COLUMNS, ""),
        "id": ucdp_id,
        "year": str(start.year),
        "type_of_violence": str(_violence(p) or ""),
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "side_a": side_a,
        "side_b": side_b,
        "source_headline": headline or "",
        "where_prec": str(WHERE_PREC_OUT.get(int(p.get("geo_precision") or 1), 1)),
        "where_coordinates": p["location"],
        "adm_1": p.get("admin1") or "",
        "adm_2": p.get("admin2") or "",
        "latitude": repr(lat),
        "longitude": repr(lon),
        "geom_wkt": f"POINT ({lon!r} {lat!r})",
        "priogrid_gid": str(priogrid_gid(lat, lon)),
        "country": p.get("country") or "",
        "date_prec": str(DATE_PREC_OUT.get(precision, 1)),
        "date_start": start.isoformat(),
        "date_end": _date_end(start, precision).isoformat(),
        **{name: deaths.get(name, "") for name in DEATHS},
        "best": str(p.get("fatalities_best") or 0),
        "high": str(p.get("fatalities_high") or 0),
        "low": str(p.get("fatalities_low") or 0),
    }


__all__ = [
    "CLAIMANT",
    "COLUMNS",
    "REQUIRED",
    "SOURCE_PREFIX",
    "event_id",
    "feature_to_row",
    "in_scope",
    "priogrid_gid",
    "row_to_event",
]
