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
