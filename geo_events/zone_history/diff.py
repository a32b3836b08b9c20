"""Territory analytics: km² gained and lost per controller between two days, in an equal-area projection.

Areas are measured in EPSG:6933 (WGS 84 / NSIDC EASE-Grid 2.0 Global, cylindrical equal-area), so a km²
in the north of Syria counts as much as one in the south. Only ``control`` states count; ``presence``
(insurgent cells in someone else's territory) is left out unless asked for.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

import shapely
from pyproj import Transformer
from shapely import get_coordinates, set_coordinates
from shapely.geometry.base import BaseGeometry

from geo_events.errors import InvalidQuery
from geo_events.zones import as_date

#: The equal-area CRS areas are measured in.
EQUAL_AREA_CRS = "EPSG:6933"
_TO_EQUAL_AREA = Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)


def to_equal_area(geometry: BaseGeometry) -> BaseGeometry:
    """Return ``geometry`` (WGS84 lon/lat) projected to EPSG:6933 metres (repaired if projecting broke it)."""
    coords = get_coordinates(geometry)
    x, y = _TO_EQUAL_AREA.transform(coords[:, 0], coords[:, 1])
    coords[:, 0], coords[:, 1] = x, y
    projected = set_coordinates(geometry, coords)  # a new geometry: shapely geometries are immutable
    return projected if projected.is_valid else shapely.make_valid(projected)


def overlay(operation: str, a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """Return ``a.<operation>(b)`` (difference, intersection, union), robust to precision trouble.

    GEOS can fail with a TopologyException on nearly coincident edges; the operation is then retried on
    repaired inputs, and last on a 1e-9 grid (a millimetre in degrees, a nanometre in metres).
    """
    func = getattr(shapely, operation)
    try:
        return func(a, b)
    except shapely.errors.GEOSException:
        try:
            return func(shapely.make_valid(a), shapely.make_valid(b))
        except shapely.errors.GEOSException:
            return func(shapely.make_valid(a), shapely.make_valid(b), grid_size=1e-9)


def area_km2(geometry: BaseGeometry) -> float:
    """Return the area of a WGS84 geometry in km² (equal-area projection)."""
    if geometry.is_empty:
        return 0.0
    return float(to_equal_area(geometry).area) / 1e6


@dataclass(frozen=True)
class ControllerDiff:
    """Territory of one controller on two days and what it gained and lost in between (km²)."""

    controller: str
    km2_from: float
    km2_to: float
    gained_km2: float
    lost_km2: float

    @property
    def net_km2(self) -> float:
        """Gained minus lost."""
        return self.gained_km2 - self.lost_km2

    def to_dict(self) -> dict[str, Any]:
        """Return the row as JSON values rounded to 0.001 km²."""
        return {"controller": self.controller, "km2_from": round(self.km2_from, 3),
                "km2_to": round(self.km2_to, 3), "gained_km2": round(self.gained_km2, 3),
                "lost_km2": round(self.lost_km2, 3), "net_km2": round(self.net_km2, 3)}


def territory_diff(history: Any, start: date | str, end: date | str,
                   include_presence: bool = False) -> list[ControllerDiff]:
    """Return km² held, gained and lost per controller between ``start`` and ``end``.

    Parameters
    ----------
    history : ZoneHistory
        The history to measure.
    start, end : date | str
        The two days compared (``start`` may not be after ``end``).
    include_presence : bool
        Count ``presence`` states as territory too.

    Returns
    -------
    list[ControllerDiff]
        One row per controller present on either day, largest net gain first.
    """
    first, last = as_date(start), as_date(end)
    if first > last:
        raise InvalidQuery(f"--from {first} is after --to {last}", field="from")
    before = {c: to_equal_area(g) for c, g in history.coverage_on(first, include_presence).items()}
    after = {c: to_equal_area(g) for c, g in history.coverage_on(last, include_presence).items()}
    rows = []
    for controller in sorted(set(before) | set(after)):
        old, new = before.get(controller), after.get(controller)
        gained = (overlay("difference", new, old).area if old is not None else new.area) if new is not None else 0.0
        lost = (overlay("difference", old, new).area if new is not None else old.area) if old is not None else 0.0
        rows.append(ControllerDiff(controller, (old.area if old is not None else 0.0) / 1e6,
                                   (new.area if new is not None else 0.0) / 1e6, gained / 1e6, lost / 1e6))
    rows.sort(key=lambda r: (-r.net_km2, r.controller))
    return rows


def diff_csv(rows: list[ControllerDiff], start: date | str, end: date | str) -> str:
    """Return the rows as CSV (``from,to,controller,km2_from,km2_to,gained_km2,lost_km2,net_km2``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["from", "to", "controller", "km2_from", "km2_to", "gained_km2", "lost_km2", "net_km2"])
    for row in rows:
        d = row.to_dict()
        writer.writerow([as_date(start).isoformat(), as_date(end).isoformat(), d["controller"], d["km2_from"],
                         d["km2_to"], d["gained_km2"], d["lost_km2"], d["net_km2"]])
    return out.getvalue()


__all__ = [
    "EQUAL_AREA_CRS", "ControllerDiff", "area_km2", "diff_csv", "overlay", "territory_diff", "to_equal_area",
]
