"""Changes of control, found state by state: only the states that start, end or are uncovered are overlaid.

A day's *painting* gives every point to the smallest non-``presence`` state covering it (as
``ZoneHistory.coverage_on``). A change on day D is a piece painted by controller A on D-1 and by B on D.
Paintings of one day do not overlap, so every changed point lies in the painted piece of a state that
starts or ends on D, or of a state whose painting changed (a smaller state over it started or ended): the
*touched* states. Only pairs with a touched state are intersected (a state's painting is cached across the
days it stays the same), pieces of one controller pair are joined, and ground that nobody held before
(or holds after) is looked for only when the areas say some is there. For a front redrawn every day this
is two intersections a day instead of overlaying every controller's territory twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely import box
from shapely.geometry.base import BaseGeometry

from geo_events.zone_history.diff import area_km2, overlay
from geo_events.zone_history.model import ZoneChange

if TYPE_CHECKING:
    from geo_events.zone_history.query import ZoneHistory

#: Pieces of change smaller than this (km²) are slivers of redrawn outlines, not changes of control.
MIN_CHANGE_KM2 = 0.5
#: No lon/lat square degree is larger than this in km² (WGS84 radii of curvature ≤ 6,399.6 km), so a
#: piece whose planar area times this is under ``MIN_CHANGE_KM2`` is dropped without projecting it.
KM2_PER_SQUARE_DEGREE_MAX = 12_500.0


class ChangeFinder:
    """Finds the changes of a history day by day, keeping the paintings and overlap tests it computed."""

    def __init__(self, history: ZoneHistory) -> None:
        self.history = history
        states = history.states
        self._control = np.array([s.confidence != "presence" for s in states], dtype=bool)
        self._rank = {i: r for r, i in enumerate(sorted(range(len(states)), key=lambda i: (history._areas[i], i)))}
        self._overlaps: dict[tuple[int, int], bool] = {}
        self._painted: dict[tuple[int, tuple[int, ...]], BaseGeometry] = {}
        self._neighbours: dict[int, np.ndarray] = {}

    def _active(self, day: date) -> np.ndarray:
        ordinal = day.toordinal()
        h = self.history
        return (h._from <= ordinal) & (h._to >= ordinal) & self._control

    def _overlap(self, i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        found = self._overlaps.get(key)
        if found is None:  # interiors meet: touching along a shared border is no overlap
            geometries = self.history._geometries
            found = self._overlaps[key] = bool(shapely.relate_pattern(geometries[i], geometries[j], "T********"))
        return found

    def _near(self, i: int, active: np.ndarray) -> list[int]:
        """Active states whose envelope meets state ``i``'s."""
        candidates = self._neighbours.get(i)
        if candidates is None:
            candidates = self._neighbours[i] = self.history._tree.query(self.history._geometries[i])
        return [int(j) for j in candidates[active[candidates]]]

    def _cover(self, i: int, active: np.ndarray) -> tuple[int, ...]:
        """The active states smaller than ``i`` painted over it (their interiors overlap)."""
        rank = self._rank[i]
        return tuple(sorted(j for j in self._near(i, active) if self._rank[j] < rank and self._overlap(i, j)))

    def painted(self, i: int, active: np.ndarray) -> BaseGeometry:
        """State ``i``'s painted ground among the ``active`` states (cached by the states over it)."""
        cover = self._cover(i, active)
        key = (i, cover)
        found = self._painted.get(key)
        if found is None:
            geometry = self.history._geometries[i]
            if cover:
                over = self.history._geometries[list(cover)]
                geometry = overlay("difference", geometry, over[0] if len(over) == 1 else shapely.union_all(over))
            found = self._painted[key] = geometry
        return found

    def _local(self, i: int, active: np.ndarray, region: BaseGeometry | None) -> BaseGeometry:
        """State ``i``'s painting, or only its part inside ``region`` (painted by the states over it there)."""
        if region is None:
            return self.painted(i, active)
        geometries = self.history._geometries
        # cut the (often large) state to the region's box first: the exact overlay then sees few vertices
        with np.errstate(invalid="ignore"):  # GEOS flags degenerate clips; the overlay below repairs them
            clipped = shapely.clip_by_rect(geometries[i], *region.bounds)
        geometry = overlay("intersection", clipped, region)
        rank = self._rank[i]
        candidates = self.history._tree.query(geometry)
        cover = [geometries[j] for j in candidates[active[candidates]]
                 if self._rank[int(j)] < rank and self._overlap(i, int(j))]
        if cover:
            geometry = overlay("difference", geometry, cover[0] if len(cover) == 1 else shapely.union_all(cover))
        return _polygons(geometry)

    def changes_on(self, day: date, clip: BaseGeometry | None = None) -> list[ZoneChange]:
        """Return the changes of control on ``day`` (against the day before), optionally inside ``clip``."""
        h = self.history
        before_day = day - timedelta(days=1)
        before, after = self._active(before_day), self._active(day)
        starting = [int(i) for i in np.flatnonzero(after & (h._from == day.toordinal()))]
        ending = [int(i) for i in np.flatnonzero(before & (h._to == before_day.toordinal()))]
        if clip is not None:
            starting = [i for i in starting if h._geometries[i].intersects(clip)]
            ending = [i for i in ending if h._geometries[i].intersects(clip)]
        if not starting and not ending:
            return []
        # continuing states whose painting changed (a smaller state over them started or ended): only the
        # ground of those smaller states can change for them, so they are painted there alone
        continuing = before & after
        moved = [*starting, *ending]
        local: dict[int, BaseGeometry] = {}
        for j in sorted({j for i in moved for j in self._near(i, continuing)}):
            rank = self._rank[j]  # its painting may differ iff a smaller moved state lies over it
            gone = [h._geometries[i] for i in ending if self._rank[i] < rank and self._overlap(i, j)]
            new = [h._geometries[i] for i in starting if self._rank[i] < rank and self._overlap(i, j)]
            if _same_ground(gone, new):  # a pocket changed hands within the same outline
                continue
            over = gone + new
            local[j] = over[0] if len(over) == 1 else shapely.union_all(over)
        paint_before = {a: self._local(a, before, local.get(a)) for a in [*ending, *local]}
        paint_after = {b: self._local(b, after, local.get(b)) for b in [*starting, *local]}
        # a changed point is painted by a touched state on both days (an untouched one paints it on both)
        tree_after = shapely.STRtree(list(paint_after.values())) if paint_after else None
        keys_after = list(paint_after)
        pieces: dict[tuple[str | None, str | None], list[tuple[BaseGeometry, int, int | None]]] = {}
        covered_after: dict[int, float] = {}
        covered_before: dict[int, float] = {}
        met_after: dict[int, list[BaseGeometry]] = {}
        met_before: dict[int, list[BaseGeometry]] = {}
        pairs = sorted((a, keys_after[int(k)]) for a, geometry in paint_before.items()
                       for k in (tree_after.query(geometry) if tree_after is not None else ()))
        for a, b in pairs:
            old, new = paint_before[a], paint_after[b]
            if not old.intersects(new):
                continue
            piece = overlay("intersection", old, new)
            area = piece.area
            if area <= 0:
                continue
            covered_after[b] = covered_after.get(b, 0.0) + area
            covered_before[a] = covered_before.get(a, 0.0) + area
            met_after.setdefault(b, []).append(old)
            met_before.setdefault(a, []).append(new)
            if h.states[a].controller != h.states[b].controller:
                pieces.setdefault((h.states[a].controller, h.states[b].controller), []).append((piece, a, b))
        for b, painting in paint_after.items():  # ground nobody held the day before
            fresh = self._uncovered(painting, covered_after.get(b, 0.0), met_after.get(b, []))
            if fresh is not None:
                pieces.setdefault((None, h.states[b].controller), []).append((fresh, -1, b))
        for a, painting in paint_before.items():  # ground nobody holds any more
            gone = self._uncovered(painting, covered_before.get(a, 0.0), met_before.get(a, []))
            if gone is not None:
                pieces.setdefault((h.states[a].controller, None), []).append((gone, a, None))
        result = []
        for (old_controller, new_controller), parts in pieces.items():
            change = self._change(day, old_controller, new_controller, parts, set(starting), set(ending), clip)
            if change is not None:
                result.append(change)
        result.sort(key=lambda c: (c.before is None, c.after is None, c.before or "", c.after or ""))
        return result

    def _uncovered(self, geometry: BaseGeometry, covered: float, met: list[BaseGeometry]) -> BaseGeometry | None:
        """``geometry`` minus what ``met`` covers, when the areas say more than a sliver is left."""
        if (geometry.area - covered) * KM2_PER_SQUARE_DEGREE_MAX < MIN_CHANGE_KM2:
            return None
        if met:
            geometry = overlay("difference", geometry, met[0] if len(met) == 1 else shapely.union_all(met))
        return geometry if not geometry.is_empty and geometry.area > 0 else None

    def _change(self, day: date, old: str | None, new: str | None, parts: list[tuple[BaseGeometry, int, int | None]],
                starting: set[int], ending: set[int], clip: BaseGeometry | None) -> ZoneChange | None:
        geometries = [p for p, _, _ in parts]
        piece = _polygons(geometries[0] if len(geometries) == 1 else shapely.union_all(geometries))
        if clip is not None:
            piece = _polygons(overlay("intersection", piece, clip))
        if piece.is_empty or piece.area * KM2_PER_SQUARE_DEGREE_MAX < MIN_CHANGE_KM2:
            return None
        km2 = area_km2(piece)
        if km2 < MIN_CHANGE_KM2:
            return None
        states = self.history.states
        # the states behind it: those that start there, else the old controller's states that ended there
        causes = list(dict.fromkeys(b for _, _, b in parts if b is not None and b in starting))
        if not causes:
            causes = list(dict.fromkeys(a for _, a, _ in parts if a in ending))
        behind = [states[i] for i in causes]
        return ZoneChange(
            date=day, before=old, after=new, geometry=piece, area_km2=km2,
            area_ids=tuple(dict.fromkeys(s.area_id for s in behind)),
            names=tuple(dict.fromkeys(s.name for s in behind if s.name)),
            sources=tuple(dict.fromkeys(src for s in behind for src in s.sources)),
        )


def _same_ground(a: list[BaseGeometry], b: list[BaseGeometry]) -> bool:
    """True when two lists of polygons cover exactly the same ground (both non-empty)."""
    if not a or not b:
        return False
    if len(a) == 1 and len(b) == 1:
        return a[0] is b[0] or bool(shapely.equals(a[0], b[0]))
    return bool(shapely.equals(shapely.union_all(a), shapely.union_all(b)))


def _polygons(geometry: BaseGeometry) -> BaseGeometry:
    """The polygonal part of an overlay result (shared borders come out of intersections as lines)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon") or geometry.is_empty:
        return geometry
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def find_changes(history: ZoneHistory, days: Iterable[date],
                 bbox: tuple[float, float, float, float] | None = None) -> list[ZoneChange]:
    """Return the changes of control on each of ``days`` (change dates of ``history``), within ``bbox``."""
    finder = ChangeFinder(history)
    clip = box(*bbox) if bbox is not None else None
    span = history.span()
    data_end = span[1] if span else None
    result: list[ZoneChange] = []
    for day in days:
        if data_end is not None and day > data_end:  # the end of the data is not a change of control
            continue
        if day == date.min:
            continue
        result.extend(finder.changes_on(day, clip))
    return result


__all__ = ["KM2_PER_SQUARE_DEGREE_MAX", "MIN_CHANGE_KM2", "ChangeFinder", "find_changes"]
