"""Histories from reporting: territorial-change events change control of the place they name.

An ACLED "Government regains territory", "Non-state actor overtakes territory" or "Non-violent transfer
of territory" event says its ``actor1`` took the place on ``event_date`` (the ACLED convention: actor1
acquires). A transfer with no armed ``actor2`` (none, or civilians) is a withdrawal by actor1: the neighbouring controller fills in
when there is one other than actor1, else the event is skipped (the new holder is not reported).

The place becomes a polygon sized by its kind (``RADIUS_KM``: a geodesic disc on the WGS84 ellipsoid),
cut by its neighbours: the Voronoi cell among the places of the same batch, and
every baseline zone valid that day that does not contain the place. Each claim holds until the next
report on the place; two reports of one day that name different controllers make the place contested,
both kept. Claims are ``origin="derived"``: a curated or imported state of the same area wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import numpy as np
from pyproj import Geod
from shapely import voronoi_polygons
from shapely.geometry import MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from geo_events.zone_history.model import OPEN_END, SourceRef, ZoneState
from geo_events.zone_history.query import ZoneHistory

#: ACLED sub-event types that change who holds a place.
TERRITORY_SUB_EVENTS = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
)
#: Radius (km) of the area a report about a place of this kind changes.
RADIUS_KM = {"village": 2.0, "town": 4.0, "city": 8.0, "facility": 1.5, "base": 1.5, "oilfield": 3.0,
             "gasfield": 3.0, "dam": 1.5, "region": 15.0, "district": 15.0}
#: Kinds too coarse to draw from one report (a governorate or a country is not taken by one event).
TOO_COARSE = frozenset({"admin1", "country", "river"})
_PRECISION_KIND = {1: "village", 2: "town", 3: "region"}
_GEOD = Geod(ellps="WGS84")
#: Controllers of the bundled vocabulary for Syrian actors, by actor side (``seeds/actors.csv``).
_SYRIA_SIDES = {"coalition": "SDF & US-led coalition", "government": "Syrian government & allies",
                "isis": "ISIS", "opposition": "Syrian opposition"}


@dataclass
class Derivation:
    """Claims derived from events, and the events skipped with the reason."""

    claims: list[ZoneState] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    used: list[str] = field(default_factory=list)


def is_territorial(properties: dict[str, Any]) -> bool:
    """True for an event whose sub-event type changes control of territory."""
    return properties.get("sub_event_type") in TERRITORY_SUB_EVENTS


def kind_from_precision(properties: dict[str, Any]) -> str | None:
    """Return a place kind from the event alone: its ``place_kind``, else from ``geo_precision``."""
    if properties.get("place_kind"):
        return str(properties["place_kind"])
    return _PRECISION_KIND.get(int(properties.get("geo_precision") or 1))


def kind_from_gazetteer(properties: dict[str, Any]) -> str | None:
    """Return the gazetteer kind of the event's ``place_id`` (falls back to ``kind_from_precision``)."""
    place_id = properties.get("place_id")
    if place_id:
        try:
            from geo_events.gazetteer.core import Gazetteer

            place = Gazetteer.default().get(str(place_id))
        except Exception:  # noqa: BLE001 - no index: the event's precision is the fallback
            place = None
        if place is not None:
            return place.kind
    return kind_from_precision(properties)


def controller_for(properties: dict[str, Any], actor: str | None) -> str | None:
    """Return the controller an actor stands for: the bundled vocabulary in Syria, else the actor's name."""
    if not actor:
        return None
    side = _actor_side(actor)
    if str(properties.get("iso3") or "").upper() == "SYR" or properties.get("country") == "Syria":
        if side == "opposition" and re.search(r"turk", actor, re.I):
            return "Turkey & TFSA"
        if side in _SYRIA_SIDES:
            return _SYRIA_SIDES[side]
    return actor


def _armed(actor: str | None) -> bool:
    """True for an actor that can hold ground (civilians, protesters and unknown groups cannot)."""
    return bool(actor) and _actor_side(str(actor)) not in ("civilians", "protesters", "rioters", "unknown")


def _actor_side(actor: str) -> str | None:
    return _actor_sides().get(actor.strip().casefold())


@lru_cache(maxsize=1)
def _actor_sides() -> dict[str, str]:
    """Side of every canonical actor name and alias in ``seeds/actors.csv`` (read directly: light)."""
    import csv

    from geo_events.settings import seed_path

    sides: dict[str, str] = {}
    try:
        with open(seed_path("actors.csv"), encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for name in [row.get("name") or "", *(row.get("aliases") or "").split("|")]:
                    if name.strip():
                        sides.setdefault(name.strip().casefold(), (row.get("side") or "").strip())
    except OSError:  # no actor list: the actor's own name is the controller
        return {}
    return sides


def event_sources(feature: dict[str, Any]) -> tuple[SourceRef, ...]:
    """Return the sources of an event as ``SourceRef`` (publisher, title, URL, the event id)."""
    props = feature.get("properties") or {}
    event_id = str(feature.get("id") or props.get("id") or "") or None
    refs = []
    for source in props.get("sources") or []:
        if not isinstance(source, dict):
            continue
        title = source.get("title")
        text = " — ".join(str(p) for p in (source.get("publisher"), f"'{title}'" if title else None) if p)
        refs.append(SourceRef(text or "unnamed source", source.get("url") or None, event_id,
                              str(source.get("published") or "") or None))
    if not refs:
        refs.append(SourceRef(f"event {event_id}", None, event_id, None))
    return tuple(refs)


def claims_from_events(
    events: Iterable[dict[str, Any]],
    base: ZoneHistory | None = None,
    place_kind: Callable[[dict[str, Any]], str | None] = kind_from_precision,
) -> Derivation:
    """Return derived claims from territorial-change events (other events are ignored).

    Parameters
    ----------
    events : Iterable[dict]
        GeoJSON event Features (the event model: ``event_date``, ``sub_event_type``, ``actor1``, ``actor2``,
        ``location``, ``place_id``, ``sources``; a Point geometry).
    base : ZoneHistory | None
        The history the claims will join: neighbours' zones clip the places, and a withdrawal's new
        holder is the neighbouring controller.
    place_kind : callable
        Kind of the event's place (``kind_from_gazetteer`` asks the gazetteer; the default reads the event).
    """
    result = Derivation()
    reports: dict[str, list[tuple[date, str, dict[str, Any], str]]] = {}
    points: dict[str, Point] = {}
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for feature in events:
        props = feature.get("properties") or {}
        if not is_territorial(props):
            continue
        event_id = str(feature.get("id") or props.get("id") or "?")
        try:
            day = date.fromisoformat(str(props.get("event_date"))[:10])
            lon, lat = (feature.get("geometry") or {}).get("coordinates")[:2]
            point = Point(float(lon), float(lat))
        except (TypeError, ValueError, IndexError):
            result.skipped.append((event_id, "no usable event_date or point geometry"))
            continue
        kind = place_kind(props) or "village"
        if kind in TOO_COARSE:
            result.skipped.append((event_id, f"place is a {kind}: too coarse to draw from one report"))
            continue
        key = str(props.get("place_id") or f"{props.get('location')}@{lat:.3f},{lon:.3f}")
        area_id = f"place:{key}"
        gainer = controller_for(props, props.get("actor1"))
        if props.get("sub_event_type") == "Non-violent transfer of territory" and not _armed(props.get("actor2")):
            around = base.controller_at(point, day) if base is not None else None
            holder = around["controller"] if around else None
            if holder is None or holder == gainer:
                result.skipped.append((event_id, f"withdrawal of {props.get('actor1')}: the new holder is not "
                                                 "reported and no neighbouring zone names one"))
                continue
            gainer = holder
        if not gainer:
            result.skipped.append((event_id, "no actor1: who took the place is not known"))
            continue
        reports.setdefault(area_id, []).append((day, gainer, feature, event_id))
        points[area_id] = point
        names[area_id] = str(props.get("location") or key)
        kinds[area_id] = kind
    cells = _voronoi_cells(points)
    for area_id, items in reports.items():
        items.sort(key=lambda item: item[0])
        days = sorted({item[0] for item in items})
        for position, day in enumerate(days):
            end = days[position + 1] - timedelta(days=1) if position + 1 < len(days) else OPEN_END
            by_controller: dict[str, list[tuple[dict[str, Any], str]]] = {}
            for item_day, controller, feature, event_id in items:
                if item_day == day:
                    by_controller.setdefault(controller, []).append((feature, event_id))
            geometry = _place_polygon(points[area_id], kinds[area_id], cells.get(area_id), base, day)
            if geometry is None:
                for entries in by_controller.values():
                    result.skipped.extend((eid, "the place lies wholly inside its neighbours' zones")
                                          for _, eid in entries)
                continue
            for controller, entries in by_controller.items():
                sources = tuple(dict.fromkeys(s for f, _ in entries for s in event_sources(f)))
                distinct = {(s.text, s.url) for s in sources}
                result.claims.append(ZoneState(
                    area_id=area_id, controller=controller, valid_from=day, valid_to=end, geometry=geometry,
                    confidence="corroborated" if len(distinct) > 1 else "reported", sources=sources,
                    origin="derived", name=names[area_id],
                    notes=f"{kinds[area_id]} of {RADIUS_KM.get(kinds[area_id], 2.0):g} km radius, from "
                          f"{len(entries)} report(s): " + ", ".join(eid for _, eid in entries),
                ))
                result.used.extend(eid for _, eid in entries)
    return result


def history_from_reporting(
    events: Iterable[dict[str, Any]],
    base: ZoneHistory | None = None,
    place_kind: Callable[[dict[str, Any]], str | None] = kind_from_precision,
) -> tuple[ZoneHistory, Derivation]:
    """Return ``base`` extended with the claims derived from ``events``, and the derivation."""
    derivation = claims_from_events(events, base, place_kind)
    history = base.extended(derivation.claims) if base is not None else ZoneHistory(derivation.claims)
    return history, derivation


def _voronoi_cells(points: dict[str, Point]) -> dict[str, BaseGeometry]:
    if len(points) < 2:
        return {}
    keys = list(points)
    extent = MultiPoint([points[k] for k in keys]).envelope.buffer(1.0)
    cells = voronoi_polygons(MultiPoint([points[k] for k in keys]), extend_to=extent)
    result = {}
    for cell in cells.geoms:
        for key in keys:
            if key not in result and cell.covers(points[key]):
                result[key] = cell
                break
    return result


def _place_polygon(point: Point, kind: str, cell: BaseGeometry | None, base: ZoneHistory | None,
                   day: date) -> BaseGeometry | None:
    circle = geodesic_disc(point, RADIUS_KM.get(kind, RADIUS_KM["village"]))
    if cell is not None:
        circle = circle.intersection(cell)
    if base is not None:
        neighbours = [s.geometry for s in base.states_on(day)
                      if s.confidence != "presence" and not s.geometry.covers(point)
                      and s.geometry.intersects(circle)]
        if neighbours:
            circle = circle.difference(unary_union(neighbours))
    return _largest_polygonal(circle)


def _largest_polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    parts = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type in ("Polygon", "MultiPolygon")
             and not g.is_empty]
    if not parts:
        return None
    return unary_union(parts)


def geodesic_disc(point: Point, radius_km: float, vertices: int = 64) -> Polygon:
    """Return the polygon of the points ``radius_km`` from ``point`` on the WGS84 ellipsoid (lon/lat)."""
    azimuths = np.linspace(0.0, 360.0, vertices, endpoint=False)
    lons, lats, _ = _GEOD.fwd(np.full(vertices, point.x), np.full(vertices, point.y), azimuths,
                              np.full(vertices, radius_km * 1000.0))
    return Polygon(list(zip(lons[::-1], lats[::-1])))  # counter-clockwise (RFC 7946)


def territorial_events(store: Any) -> list[dict[str, Any]]:
    """Return the territorial-change events of an event store (every page of each sub-event type)."""
    from geo_events.query import MAX_LIMIT, EventQuery

    events: list[dict[str, Any]] = []
    for sub_event_type in TERRITORY_SUB_EVENTS:
        offset = 0
        while True:
            page = store.query(EventQuery(sub_event_type=sub_event_type, limit=MAX_LIMIT, offset=offset))
            events.extend(page.features)
            offset += MAX_LIMIT
            if offset >= page.number_matched or not page.features:
                break
    return events


__all__ = [
    "RADIUS_KM", "TERRITORY_SUB_EVENTS", "Derivation", "claims_from_events", "controller_for",
    "event_sources", "geodesic_disc", "history_from_reporting", "is_territorial", "kind_from_gazetteer", "kind_from_precision",
    "territorial_events",
]
