"""Helpers of the zone-history tests: where the test data is, square geometries, one-line claims."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from shapely.geometry import box

from geo_events.zone_history import ZoneState

DATA = Path(__file__).resolve().parents[2] / "data" / "zones"


def square(x: float, y: float, size: float = 0.1):
    """A lon/lat square with its south-west corner at (x, y)."""
    return box(x, y, x + size, y + size)


def claim(controller: str, start: str, end: str | None = None, *, area: str = "a", origin: str = "curated",
          geometry=None, source: str = "src") -> ZoneState:
    """A claim on area ``area`` (default geometry: a 0.1° square at 30E 50N)."""
    from geo_events.zone_history import OPEN_END, SourceRef

    return ZoneState(area_id=area, controller=controller, valid_from=date.fromisoformat(start),
                     valid_to=date.fromisoformat(end) if end else OPEN_END,
                     geometry=geometry if geometry is not None else square(30.0, 50.0),
                     sources=(SourceRef(source),), origin=origin, name=area)


def reference_transitions(before: dict, after: dict):
    """Yield ``(old, new, piece)`` from two whole-map paintings (``ZoneHistory.coverage_on``): the plain
    definition of a change, overlaying every controller's territory of both days (the test oracle)."""
    from shapely.ops import unary_union

    from geo_events.zone_history.diff import overlay

    all_before = unary_union(list(before.values())) if before else None
    all_after = unary_union(list(after.values())) if after else None
    for new, geom_new in after.items():
        for old, geom_old in before.items():
            if old != new and geom_old.intersects(geom_new):
                yield old, new, overlay("intersection", geom_old, geom_new)
        yield None, new, overlay("difference", geom_new, all_before) if all_before is not None else geom_new
    for old, geom_old in before.items():
        yield old, None, overlay("difference", geom_old, all_after) if all_after is not None else geom_old


def reference_changes(history, start, end, bbox=None) -> dict:
    """``{(day, before, after): km²}`` of the whole-map overlay of consecutive days (pieces ≥ 0.5 km²)."""
    from datetime import timedelta

    from shapely.geometry import box as make_box

    from geo_events.zone_history.changes import MIN_CHANGE_KM2
    from geo_events.zone_history.diff import area_km2, overlay

    span = history.span()
    found = {}
    for day in history.change_dates(start, end):
        if span and day > span[1]:
            continue
        for old, new, piece in reference_transitions(history.coverage_on(day - timedelta(days=1)),
                                                     history.coverage_on(day)):
            if bbox is not None:
                piece = overlay("intersection", piece, make_box(*bbox))
            km2 = area_km2(piece) if not piece.is_empty else 0.0
            if km2 >= MIN_CHANGE_KM2:
                found[(day, old, new)] = km2
    return found
