"""``/geocode``, ``/reverse``, ``/zones``, ``/zones/at`` and ``/deconfliction-line`` (offline gazetteer).

The geocoder and zone modules load lazily (``geo_events.geocoder``, ``geo_events.zones``) through the
``GeocoderDep`` and ``ZonesDep`` dependencies, so tests can swap them and the app starts without them.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime, timezone
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.errors import ServiceUnavailable
from api.responses import FastJSONResponse, GeoJSONResponse
from api.schemas import ERROR_RESPONSES, geojson_response, json_response
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


def zones_service() -> Any:
    """Return the zones module (``zones_on``, ``deconfliction_line``, ``zone_at``, ``side_of_line``)."""
    return LazyModule("geo_events.zones", "control-zone data")


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
            max_length=3,
            description="Prefer places in this country (ISO 3166 code).",
            examples=["SY"],
        ),
    ] = None,
) -> Response:
    """Resolve a place name offline: `name, lat, lon, kind, admin1, country, score, id, control_zone`.

    Same fields as `geo-events geocode --json`; 404 when nothing matches.
    """
    day = parse_date(date, "date") if date else None
    record = geocoder.geocode_record(q, date=day, country=country)
    if record is None:
        return FastJSONResponse({"detail": f"no place matches {q!r}", "field": "q"}, status_code=404)
    return FastJSONResponse(record)


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
) -> Response:
    """Name the place at a point (the nearest gazetteer place, and the admin area it falls in).

    Same fields as `geo-events reverse --json`.
    """
    day = parse_date(date, "date") if date else None
    return FastJSONResponse(geocoder.reverse_record(lat, lon, date=day))


@router.get(
    "/zones",
    response_class=GeoJSONResponse,
    responses=geojson_response("Control-zone polygons valid that day."),
)
def zones(zones_module: ZonesDep, date: DateParam = None) -> Response:
    """Return the control-zone polygons valid on `date`.

    Properties: controller, valid_from, valid_to, confidence, source.
    """
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
