"""``changes``: the state-by-state search must find what a whole-map overlay of consecutive days finds.

The oracle (``helpers.reference_changes``) paints both days completely (``coverage_on``) and overlays
every controller's territory; the histories below are made to hit each shortcut of
``geo_events.zone_history.changes``: pockets over a bank (repainted states), a pocket changing hands
within the same outline, presence cells, a contested day, a front that moves and leaves ground nobody
holds, and a bbox.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from shapely.geometry import Polygon

from geo_events.zone_history import ZoneHistory, default_history
from tests.geo_events.zone_history.helpers import claim, reference_changes, square


def front(x: float, top: float = 50.5) -> Polygon:
    """A wavy-edged western half of a 1° box, edge near lon ``x``, up to lat ``top``."""
    edge = [(x + 0.03 * ((i % 3) - 1), 50.0 + i * (top - 50.0) / 10) for i in range(11)]
    return Polygon([(30.0, 50.0), *edge, (30.0, top)])


def east(x: float) -> Polygon:
    edge = [(x + 0.03 * ((i % 3) - 1), 50.0 + i * 0.05) for i in range(11)]
    return Polygon([(31.0, 50.0), (31.0, 50.5), *reversed(edge)])


def mixed_history() -> ZoneHistory:
    claims = [
        claim("Blue", "2022-01-01", "2022-03-31", area="bank", geometry=square(30.0, 50.0, 1.0)),
        claim("Red", "2022-01-10", "2022-01-19", area="pocket", geometry=square(30.4, 50.4, 0.2)),
        claim("Green", "2022-01-20", "2022-02-09", area="pocket", geometry=square(30.4, 50.4, 0.2)),
        claim("Red", "2022-02-10", "2022-02-28", area="pocket", geometry=square(30.45, 50.45, 0.1)),
        claim("Red", "2022-01-15", "2022-02-15", area="inner", geometry=square(30.42, 50.42, 0.05)),
        claim("Green", "2022-02-01", "2022-02-05", area="inner", geometry=square(30.42, 50.42, 0.05),
              origin="curated", source="other"),
        dataclasses.replace(claim("Red", "2022-01-05", "2022-03-31", area="cells",
                                  geometry=square(30.0, 50.0, 0.1)), confidence="presence"),
        claim("Blue", "2022-03-01", "2022-03-31", area="outside", geometry=square(31.0, 50.0, 0.3)),
    ]
    for day, (x, top) in enumerate([(30.5, 50.5), (30.6, 50.5), (30.55, 50.45), (30.7, 50.5)]):
        start = date(2022, 4, 1 + day).isoformat()
        claims.append(claim("West", start, start, area="west", geometry=front(x, top)))
        claims.append(claim("East", start, start, area="east", geometry=east(x)))
    return ZoneHistory(claims)


@pytest.mark.parametrize("bbox", [None, (30.4, 50.4, 30.47, 50.47), (30.0, 50.0, 30.62, 50.2)])
def test_changes_equal_the_whole_map_overlay(bbox):
    history = mixed_history()
    fast = {(c.date, c.before, c.after): c.area_km2 for c in history.changes(bbox=bbox)}
    slow = reference_changes(history, None, None, bbox)
    assert fast and fast.keys() == slow.keys()
    assert all(fast[k] == pytest.approx(slow[k], rel=1e-4) for k in fast)


def test_the_shortcuts_are_exercised():
    changes = mixed_history().changes()
    kinds = {(c.date.isoformat(), c.kind) for c in changes}
    assert ("2022-02-01", "contested") in kinds  # two curated claims on one day
    assert ("2022-01-20", "transfer") in kinds  # the pocket changed hands within its outline
    assert "end" in {c.kind for c in changes if c.date == date(2022, 4, 3)}  # ground the front left empty
    assert "start" in {c.kind for c in changes if c.date == date(2022, 4, 4)}  # and retook
    assert not [c for c in changes if "cells" in c.area_ids]  # presence is not control
    pocket = [c for c in changes if c.date == date(2022, 1, 20)]
    assert [(c.before, c.after, c.area_ids) for c in pocket] == [("Red", "Green", ("pocket",))]


def test_bundled_history_changes_equal_the_whole_map_overlay():
    history = default_history()
    fast = {(c.date, c.before, c.after): c.area_km2 for c in history.changes()}
    slow = reference_changes(history, None, None)
    assert fast.keys() == slow.keys()
    assert all(fast[k] == pytest.approx(slow[k], rel=1e-4) for k in fast)
