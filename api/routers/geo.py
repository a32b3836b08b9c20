"""``/geocode``, ``/reverse``, ``/zones``, ``/zones/at`` and ``/deconfliction-line`` (offline gazetteer).

The geocoder and zone modules load lazily (``geo_events.geocoder``, ``geo_events.zones``) through the
``GeocoderDep`` and ``ZonesDep`` dependencies, so tests can swap them and the app starts without them.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime, timezone
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.errors import ServiceUnavailable
from api.responses import FastJSONResponse, GeoJSONResponse
from api.schemas import ERROR_RESPONSES, geojson_response, json_response
from geo_events.errors import InvalidQuery
from geo_events.query import parse_date

router = APIRouter(tags=["geo"], responses=ERROR_RESPONSES)


class LazyModule:
    """A library module imported on first use, so bad parameters are reported before a missing part."""

    def __init__(self, module_name: str, what: str) -> None:
        self.module_name = module_name
        self.what = what

    def __getattr__(self, name: str) -> Any:
        try:
            module = importlib.import_module(self.module_name)
        except ModuleNotFoundError as err:
            if err.name and self.module_name.startswith(err.name):
                raise ServiceUnavailable(f"{self.what} is not available on this server") from err
            raise
        return getattr(module, name)


def geocoder_service() -> Any:
    """Return the geocoder (``geocode_record``, ``reverse_record``), loaded lazily; overridable in tests."""
    return LazyModule("geo_events.geocoder", "the offline geocoder")


def zones_service(request: Request, store: StoreDep) -> Any:
    """Return the served zone answers (``zones_on``, ``deconfliction_line``, ``zone_at``, ``side_of_line``): the
    active history of ``geo_events.zone_history.provider`` (the bundled zones unless user history files are set)."""
    from api.routers.zone_history import get_active_zones

    return get_active_zones(request, store)


GeocoderDep = Annotated[Any, Depends(geocoder_service)]
ZonesDep = Annotated[Any, Depends(zones_service)]

DateParam = Annotated[
    str | None,
    Query(
        description=(
            "Day (YYYY-MM-DD) the answer is for: control zones and the line change over time. "
            "Default: today (UTC)."
        ),
        examples=["2018-02-07"],
    ),
]
LatParam = Annotated[
    float, Query(ge=-90, le=90, description="Latitude in WGS84 degrees.", examples=[35.30088])
]
LonParam = Annotated[
    float, Query(ge=-180, le=180, description="Longitude in WGS84 degrees.", examples=[40.28916])
]


def _day(value: str | None, field: str = "date") -> date:
    if not value:
        return datetime.now(timezone.utc).date()
    return parse_date(value, field)


@router.get("/geocode", response_class=FastJSONResponse, responses=json_response("The best matching place."))
def geocode(
    geocoder: GeocoderDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="Place name in any common spelling.",
            examples=["Deir Ezzor"],
        ),
    ],
    date: Annotated[
        str | None,
        Query(
            description="Event date (YYYY-MM-DD); adds who controlled the place that day.",
            examples=["2018-02-07"],
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=60,
            description="Only places of this country (ISO 3166 alpha-2/alpha-3 code or English name).",
            examples=["SY"],
        ),
    ] = None,
    near: Annotated[
        str | None,
        Query(description="`lat,lon` the place is near: closer places rank first.", examples=["36.3,41.9"]),
    ] = None,
    context: Annotated[
        str | None,
        Query(
            max_length=1000,
            description="Comma-separated countries and provinces the document already names (ranking, not a filter).",
            examples=["SY,Deir ez-Zor"],
        ),
    ] = None,
    kind: Annotated[
        str | None,
        Query(
            description="Only this kind (Nominatim `featuretype`): city, admin1 (state/province), country, "
            "facility, river, region.",
            examples=["admin1"],
        ),
    ] = None,
    candidates: Annotated[
        int | None,
        Query(ge=1, le=50, description="Return a list of the N best matches instead of one object.", examples=[5]),
    ] = None,
) -> Response:
    """Resolve a place name offline, anywhere in the world: `name, lat, lon, kind, admin1, country, score,
    id, control_zone` (+ `candidates`, the other places the name could be).

    Same fields as `geo-events geocode --json`; 404 when nothing matches (the message says what is covered).
    """
    day = parse_date(date, "date") if date else None
    options: dict[str, Any] = {}
    if near:
        options["near"] = _point(near, "near")
    if context:
        options["context"] = [item.strip() for item in context.split(",") if item.strip()]
    if kind:
        options["kind"] = kind
    try:
        if candidates:
            records = geocoder.geocode_records(q, date=day, country=country, limit=candidates, **options)
            record: Any = records or None
        else:
            record = geocoder.geocode_record(q, date=day, country=country, **options)
    except ValueError as err:
        if "kind" in str(err):
            raise InvalidQuery(str(err), "kind") from err
        raise
    if record is None:
        coverage = getattr(geocoder, "COVERAGE", "")
        detail = f"no place matches {q!r}" + (f"; {coverage}" if isinstance(coverage, str) and coverage else "")
        return FastJSONResponse({"detail": detail, "field": "q"}, status_code=404)
    return FastJSONResponse(record)


def _point(value: str, field: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError as err:
        raise InvalidQuery(f"{field} must be 'lat,lon', got {value!r}", field) from err
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidQuery(f"{field} is off the globe: {value!r}", field)
    return lat, lon


@router.get("/reverse", response_class=FastJSONResponse, responses=json_response("The place at the point."))
def reverse(
    geocoder: GeocoderDep,
    lat: LatParam,
    lon: LonParam,
    date: Annotated[
        str | None,
        Query(
            description="Date (YYYY-MM-DD) for the control zone and side of the line.",
            examples=["2018-02-07"],
        ),
    ] = None,
    max_distance: Annotated[
        float | None,
        Query(gt=0, le=20000, description="Answer 404 when the nearest place is farther than this (km; default 100).",
              examples=[50]),
    ] = None,
) -> Response:
    """Name the place at a point: the nearest gazetteer place with its `distance_km`.

    Same fields as `geo-events reverse --json`; 404 when no place lies within `max_distance` km.
    """
    day = parse_date(date, "date") if date else None
    options = {"max_distance_km": max_distance} if max_distance is not None else {}
    record = geocoder.reverse_record(lat, lon, date=day, **options)
    if record is None:
        limit = max_distance if max_distance is not None else 100
        return FastJSONResponse(
            {"detail": f"no gazetteer place within {limit:g} km of {lat}, {lon}", "field": "max_distance"},
            status_code=404)
    return FastJSONResponse(record)


@router.get(
    "/zones",
    response_class=GeoJSONResponse,
    responses=geojson_response("Control-zone polygons valid that day."),
)
def zones(
    zones_module: ZonesDep,
    date: Annotated[
        str | None,
        Query(
            description="Day (YYYY-MM-DD) the zones are for: required, since control changes over time.",
            examples=["2018-02-07"],
        ),
    ] = None,
) -> Response:
    """Return the control-zone polygons valid on `date` (required: without it, 400 naming the days covered).

    Properties: controller, valid_from, valid_to, confidence, source.
    """
    if not date:  # used to answer today's zones silently (an empty answer outside the data's years)
        covered = ""
        try:
            starts, ends = zip(*(
                (p.get("valid_from"), p.get("valid_to"))
                for p in (f.get("properties") or {} for f in zones_module.all_zones()["features"])
            ))  # fmt: skip
            last = "today" if None in ends else max(ends)
            covered = f"; the zones cover {min(starts)} to {last}"
        except (AttributeError, ImportError, KeyError, TypeError, ValueError):
            pass
        raise InvalidQuery(f"date is required (YYYY-MM-DD){covered}; e.g. /zones?date=2018-02-07", "date")
    return GeoJSONResponse(zones_module.zones_on(_day(date)))


@router.get("/zones/at", response_class=FastJSONResponse, responses=json_response("The zone at the point."))
def zone_at(zones_module: ZonesDep, lat: LatParam, lon: LonParam, date: DateParam = None) -> Response:
    """Return who controlled the point on `date` (the zone's properties) and its side of the line."""
    day = _day(date)
    zone = zones_module.zone_at((lat, lon), day)
    if zone is None:
        return FastJSONResponse(
            {"detail": "no control zone covers this point on this date", "field": None}, status_code=404
        )
    side = zones_module.side_of_line((lat, lon), day)
    return FastJSONResponse({**zone, "side_of_line": side, "date": day.isoformat()})


@router.get(
    "/deconfliction-line",
    response_class=GeoJSONResponse,
    responses=geojson_response("The line valid that day."),
)
def deconfliction_line(zones_module: ZonesDep, date: DateParam = None) -> Response:
    """Return the US–Russia de-confliction line valid on `date` as a FeatureCollection."""
    return GeoJSONResponse(zones_module.deconfliction_line(_day(date)))


__all__ = ["GeocoderDep", "ZonesDep", "geocoder_service", "router", "zones_service"]
