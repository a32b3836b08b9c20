"""Map pages: ``GET /maps/events.html`` (a Folium map of the filtered events), ``GET /maps/timeline.html``
(the same events with the zone history on a slider) and ``GET /maps/embed`` (the iframe snippet of either).

Both take the same filters as ``/events`` (parsed by ``api.deps.EventQueryDep``) plus ``date`` for the
control zones and the de-confliction line. ``limit`` defaults to the whole selection (up to
``maps.sources.MAP_MAX_EVENTS``) instead of one /events page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import EVENT_QUERY_NAMES, EventQueryDep, StoreDep, strict_parameters
from api.routers.zone_history import ActiveZonesDep, ZoneHistoryDep
from api.schemas import ERROR_RESPONSES
from geo_events.errors import InvalidQuery
from geo_events.query import parse_date

router = APIRouter(prefix="/maps", tags=["maps"], responses=ERROR_RESPONSES)

DateParam = Annotated[
    str | None,
    Query(
        description="Day of the control zones and de-confliction line (YYYY-MM-DD); "
        "default: `end`, else the latest matching event.",
        examples=["2018-02-07"],
    ),
]
SelfContainedParam = Annotated[
    bool,
    Query(description="Inline Leaflet and every asset so the page works with no network (default true)."),
]
TitleParam = Annotated[str | None, Query(max_length=200, description="Map title (escaped).")]
#: Parameters of /maps/embed that are not passed on to the map page.
EMBED_ONLY = ("format", "aspect_ratio", "height", "map")
#: Query parameters of the map page: the /events filters plus the page's own. Anything else is refused
#: like on /events (a typo such as ``evnt_type`` must not silently draw every event), and the embed
#: snippet never copies an unknown parameter into the iframe.
MAP_PARAMS: frozenset[str] = EVENT_QUERY_NAMES | {"date", "self_contained", "title"}
TIMELINE_PARAMS: frozenset[str] = MAP_PARAMS | {"step"}
EMBED_PARAMS: frozenset[str] = TIMELINE_PARAMS | set(EMBED_ONLY)
StepParam = Annotated[
    Literal["day", "week", "month"],
    Query(description="Slider step of the time map.", examples=["week"]),
]


@router.get(
    "/events.html",
    response_class=HTMLResponse,
    summary="Interactive map of the filtered events, control zones and the de-confliction line",
    dependencies=[strict_parameters(MAP_PARAMS)],
)
def events_map(
    request: Request,
    store: StoreDep,
    zones: ActiveZonesDep,
    query: EventQueryDep,
    date: DateParam = None,
    self_contained: SelfContainedParam = True,
    title: TitleParam = None,
) -> HTMLResponse:
    """Return an HTML map (Folium/Leaflet) of the events matching the /events filters, with the zones and line
    of the served zone history on the map's day (as ``/zones?date=``).

    Example: ``/maps/events.html?date=2018-02-07&bbox=38,33,42,37&event_type=Battles``
    """
    from maps.sources import map_data

    selection, day, limit = _selection(request, query, date)
    return _page(map_data(store, selection, day, limit=limit, zones=zones), title, self_contained)


def _selection(request: Request, query: Any, date: str | None) -> tuple[Any, Any, int]:
    """Return ``(query from offset 0, the day asked for or None, most events to draw)`` of a map request.

    Without ``limit`` a map draws the whole selection (up to ``MAP_MAX_EVENTS``), not one /events page.
    """
    from maps.sources import MAP_MAX_EVENTS

    day = parse_date(date, "date") if date else None
    limit = query.limit if "limit" in request.query_params else MAP_MAX_EVENTS
    return replace(query, offset=0), day, limit


def _page(data: Any, title: str | None, self_contained: bool) -> HTMLResponse:
    """Render a map's data as a page with its nonce CSP and the event counts in headers."""
    from maps.assets import with_csp_nonce

    page, policy = with_csp_nonce(data.render(title=title, self_contained=self_contained), self_contained)
    headers = {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "X-Events-Matched": str(data.number_matched),
        "X-Events-Drawn": str(len(data.events["features"])),
    }
    return HTMLResponse(page, headers=headers)


@router.get(
    "/timeline.html",
    response_class=HTMLResponse,
    summary="Time map: a slider through the period; zones recolour at each change, events appear in their step",
    dependencies=[strict_parameters(TIMELINE_PARAMS)],
)
def timeline_map(
    request: Request,
    store: StoreDep,
    query: EventQueryDep,
    history: ZoneHistoryDep,
    step: StepParam = "week",
    date: Annotated[
        str | None, Query(description="Day the page opens on (YYYY-MM-DD); `#date=` in the URL wins.",
                          examples=["2018-02-07"])
    ] = None,
    self_contained: SelfContainedParam = True,
    title: TitleParam = None,
) -> HTMLResponse:
    """Return the time map of the events matching the /events filters from `start` to `end` by `step`.

    Zones come from the served zone history (bundled + ``GEO_EVENTS_ZONE_HISTORY`` + the store's
    territorial-change events). Example: ``/maps/timeline.html?start=2017-12-01&end=2019-04-30&step=week``
    """
    from maps.sources import timeline_data

    selection, day, limit = _selection(request, query, date)
    return _page(timeline_data(store, selection, history, step, day, limit=limit), title, self_contained)


@router.get(
    "/embed",
    summary="An iframe snippet (responsive) that embeds the map in an article",
    response_model=None,
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}, "application/json": {}}}},
    dependencies=[strict_parameters(EMBED_PARAMS)],
)
def embed(
    request: Request,
    query: EventQueryDep,
    date: DateParam = None,
    self_contained: SelfContainedParam = True,
    title: TitleParam = None,
    aspect_ratio: Annotated[float, Query(ge=0.25, le=4, description="Width / height of the frame.")] = 1.6,
    height: Annotated[
        int | None, Query(ge=150, le=4000, description="Fixed frame height in pixels (overrides aspect_ratio).")
    ] = None,
    format: Annotated[
        Literal["html", "json"], Query(description="html: the snippet itself; json: {snippet, src}.")
    ] = "html",
    map_kind: Annotated[
        Literal["events", "timeline"],
        Query(alias="map", description="events: /maps/events.html; timeline: /maps/timeline.html, opening on `date` "
                          "(kept in the URL as #date=)."),
    ] = "events",
    step: Annotated[
        Literal["day", "week", "month"] | None, Query(description="Time map step (with map=timeline).")
    ] = None,
) -> Response:
    """Return the ``<iframe>`` snippet for ``/maps/events.html`` (or, with ``map=timeline``,
    ``/maps/timeline.html#date=…``) with the same filters.

    Example: ``/maps/embed?date=2018-02-07&start=2018-02-01&end=2018-02-28&format=json``;
    ``/maps/embed?map=timeline&step=week&start=2017-12-01&end=2019-04-30&date=2018-02-07``
    """
    from maps.embed import embed_snippet
    from maps.render import DEFAULT_TITLE

    del query  # validated by the dependency: a bad filter fails here, not inside the reader's article
    if date:
        parse_date(date, "date")
    if step is not None and map_kind != "timeline":
        raise InvalidQuery("step is for the time map; add map=timeline", field="step")
    page = "timeline_map" if map_kind == "timeline" else "events_map"
    passed = [(k, v) for k, v in request.query_params.multi_items() if k not in EMBED_ONLY]
    src = str(request.url_for(page).include_query_params(**dict(passed)))
    if not passed:
        src = str(request.url_for(page))
    if map_kind == "timeline" and date:
        src += f"#date={date}"
    snippet = embed_snippet(src, title=title or DEFAULT_TITLE, aspect_ratio=aspect_ratio, height=height)
    if format == "json":
        return JSONResponse({"snippet": snippet, "src": src})
    return HTMLResponse(snippet)
