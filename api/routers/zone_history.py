"""``/zones/history``, ``/zones/history/at``, ``/zones/changes`` and ``/zones/diff``: zones through time.

The history is ``geo_events.zone_history.provider.HistoryProvider``'s: the bundled curated zones, plus the
zone and line series named by ``GEO_EVENTS_ZONE_HISTORY`` (``os.pathsep``-separated), plus the claims
derived from the store's territorial-change events (recomputed when the number of stored events
changes). ``/zones/line?date=`` is the line of a day from the same history. ``/zones/history/at`` is the
answer with sources.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse, Response

from api.deps import StoreDep, get_zone_provider
from api.responses import FastJSONResponse, GeoJSONResponse
from api.schemas import ERROR_RESPONSES
from geo_events.errors import InvalidQuery
from geo_events.query import parse_bbox, parse_date

router = APIRouter(tags=["geo"], responses=ERROR_RESPONSES)

KHASHAM_ANSWER = {
    "date": "2018-02-07", "lat": 35.30088, "lon": 40.28916, "id": "zone-seven-villages@2017-09-25",
    "area_id": "zone-seven-villages", "name": "Khasham pocket (the seven villages)",
    "controller": "Syrian government & allies", "valid_from": "2017-09-25", "valid_to": "2019-12-31",
    "confidence": "control", "origin": "curated",
    "sources": [{"text": "Reuters/AP Feb 2018 on the 7 Feb 2018 Khasham battle; Syrian state media Sept 2017 "
                         "crossings"}],
    "notes": "", "within": [{"area_id": "zone-dez-east-bank-sdf", "name": "Deir ez-Zor east (left) bank",
                             "controller": "SDF & US-led coalition"}],
}
DIFF_EXAMPLE = {"from": "2018-06-01", "to": "2019-06-01", "crs": "EPSG:6933", "controllers": [
    {"controller": "SDF & US-led coalition", "km2_from": 8643.57, "km2_to": 9121.127, "gained_km2": 477.556,
     "lost_km2": 0.0, "net_km2": 477.556},
    {"controller": "ISIS", "km2_from": 477.898, "km2_to": 0.0, "gained_km2": 0.0, "lost_km2": 477.898,
     "net_km2": -477.898}]}
CHANGES_EXAMPLE = {"type": "FeatureCollection", "name": "zone changes", "features": [{
    "type": "Feature", "id": "change-2018-12-15-ISIS-SDF & US-led coalition",
    "geometry": {"type": "Polygon", "coordinates": [[[40.8, 34.6], [40.9, 34.6], [40.9, 34.7], [40.8, 34.6]]]},
    "properties": {"date": "2018-12-15", "kind": "transfer", "before": "ISIS", "after": "SDF & US-led coalition",
                   "area_km2": 246.3, "area_ids": ["zone-isis-hajin"], "names": ["ISIS pocket Hajin-Susah-Baghuz"],
                   "sources": [{"text": "CJTF-OIR releases 2018; Reuters 14 Dec 2018 (SDF takes Hajin)"}]}}]}


def _example(description: str, example: Any, media: str = "application/json") -> dict:
    return {200: {"description": description, "content": {media: {"schema": {"type": "object"},
                                                                   "example": example}}}}


def get_zone_history(request: Request, store: StoreDep) -> Any:
    """Return the served history: the provider's (bundled + history files + the store's events)."""
    return get_zone_provider(request).history(store)


def get_active_zones(request: Request, store: StoreDep) -> Any:
    """Return the ``geo_events.zones``-style answers (``zones_on``, ``zone_at`` …) of the served history."""
    return get_zone_provider(request).zones(store)


ZoneHistoryDep = Annotated[Any, Depends(get_zone_history)]

DayParam = Annotated[str, Query(description="Day (YYYY-MM-DD).", examples=["2018-02-07"])]
BboxParam = Annotated[
    str | None, Query(description="minx,miny,maxx,maxy in WGS84 lon/lat.", examples=["40,34.5,41,35.5"])
]


@router.get("/zones/history/at", response_class=FastJSONResponse,
            responses=_example("Who held the point that day, with the sources.", KHASHAM_ANSWER),
            summary="Who held a point on a day, citing the sources")
def history_at(
    history: ZoneHistoryDep,
    date: DayParam,
    lat: Annotated[float | None, Query(ge=-90, le=90, description="Latitude (WGS84), with `lon`.",
                                       examples=[35.30088])] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180, description="Longitude (WGS84), with `lat`.",
                                       examples=[40.28916])] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=300,
                                       description="A place name instead of lat/lon (offline gazetteer).",
                                       examples=["Khasham"])] = None,
) -> Response:
    """Return the controller of the smallest zone state covering the point (or the named place) on `date`,
    its dates, origin (curated / imported / derived), confidence, the sources it rests on, the claims of a
    contested state and the larger zones around it; 404 when no state covers it."""
    day = parse_date(date, "date")
    if place is not None:
        from geo_events.zone_history import controller_at_place

        answer = controller_at_place(place, day, history)
    elif lat is None or lon is None:
        raise InvalidQuery("give lat and lon, or place; e.g. /zones/history/at?place=Khasham&date=2018-02-07",
                           field="lon" if lat is not None else "lat")
    else:
        answer = history.controller_at((lat, lon), day)
    if answer is None:
        return FastJSONResponse({"detail": "no zone state covers this point on this date", "field": None},
                                status_code=404)
    return FastJSONResponse(answer)


@router.get("/zones/history", response_class=GeoJSONResponse,
            responses=_example("The zone states valid that day.", {"type": "FeatureCollection", "features": []},
                               "application/geo+json"),
            summary="Zone states valid on a day, with sources")
def history_states(history: ZoneHistoryDep, date: DayParam, bbox: BboxParam = None) -> Response:
    """Return the dated zone states valid on `date` (optionally intersecting `bbox`) as GeoJSON, each with
    `controller`, `valid_from`, `valid_to` (null: still so), `confidence`, `origin` and `sources`."""
    box = parse_bbox(bbox) if bbox else None
    return GeoJSONResponse(history.zones_at(parse_date(date, "date"), box))


@router.get("/zones/changes", response_class=GeoJSONResponse,
            responses=_example("Changes of control in the period.", CHANGES_EXAMPLE, "application/geo+json"),
            summary="Changes of control between two days")
def zone_changes(
    history: ZoneHistoryDep,
    start: Annotated[str | None, Query(description="First day (YYYY-MM-DD).", examples=["2018-12-01"])] = None,
    end: Annotated[str | None, Query(description="Last day (YYYY-MM-DD).", examples=["2019-04-01"])] = None,
    bbox: BboxParam = None,
) -> Response:
    """Return every piece of territory that changed hands from `start` to `end` (inclusive) as GeoJSON:
    `date`, `kind` (transfer / start / end / contested), `before`, `after`, `area_km2` (EPSG:6933), the
    areas and the sources of the states behind it."""
    first = parse_date(start, "start") if start else None
    last = parse_date(end, "end") if end else None
    if first and last and first > last:
        raise InvalidQuery(f"start {first} is after end {last}", field="start")
    box = parse_bbox(bbox) if bbox else None
    found = history.changes(first, last, box)
    return GeoJSONResponse({"type": "FeatureCollection", "name": "zone changes",
                            "features": [c.to_feature() for c in found]})


@router.get("/zones/diff", response_class=FastJSONResponse,
            responses=_example("km² per controller on both days, gained and lost.", DIFF_EXAMPLE),
            summary="km² gained and lost per controller between two days")
def zone_diff(
    history: ZoneHistoryDep,
    from_: Annotated[str, Query(alias="from", description="First day (YYYY-MM-DD).", examples=["2018-06-01"])],
    to: Annotated[str, Query(description="Second day (YYYY-MM-DD).", examples=["2019-06-01"])],
    format: Annotated[str, Query(pattern="^(json|csv)$", description="`json` or `csv` (for charts).",
                                 examples=["csv"])] = "json",
    include_presence: Annotated[bool, Query(description="Count `presence` zones as territory.",
                                            examples=[False])] = False,
) -> Response:
    """Return km² held on each day, gained, lost and net per controller, measured in the equal-area
    EPSG:6933; `presence` zones (insurgent cells) count only with `include_presence=true`."""
    from geo_events.zone_history import diff_csv, territory_diff

    first, last = parse_date(from_, "from"), parse_date(to, "to")
    rows = territory_diff(history, first, last, include_presence)
    if format == "csv":
        return PlainTextResponse(diff_csv(rows, first, last), media_type="text/csv; charset=utf-8")
    return FastJSONResponse({"from": first.isoformat(), "to": last.isoformat(), "crs": "EPSG:6933",
                             "controllers": [r.to_dict() for r in rows]})


@router.get("/zones/line", response_class=GeoJSONResponse,
            responses=_example("The de-confliction / front line valid that day (empty when none).",
                               {"type": "FeatureCollection", "features": []}, "application/geo+json"),
            summary="The de-confliction or front line on a day, from the served history")
def zone_line(history: ZoneHistoryDep, date: DayParam) -> Response:
    """Return the line valid on `date` as a GeoJSON FeatureCollection (none or one Feature): the bundled
    de-confliction line, or a line series given in `GEO_EVENTS_ZONE_HISTORY` on the days it covers, with
    `valid_from`, `valid_to` (null: still so), `source` and `origin`."""
    line = history.line_at(parse_date(date, "date"))
    return GeoJSONResponse({"type": "FeatureCollection", "name": f"line on {date}",
                            "features": [line] if line else []})


ActiveZonesDep = Annotated[Any, Depends(get_active_zones)]

__all__ = ["ActiveZonesDep", "ZoneHistoryDep", "get_active_zones", "get_zone_history", "get_zone_provider",
           "router"]
