"""km² gained and lost per controller, measured in an equal-area projection."""

from __future__ import annotations

import csv
import io

import pytest
from pyproj import Geod
from shapely.geometry import box

from geo_events.errors import InvalidQuery
from geo_events.zone_history import area_km2, default_history, diff_csv, read_series, territory_diff
from tests.geo_events.zone_history.helpers import DATA

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize("lat", [0.0, 35.0, 50.0, 60.0])
def test_area_matches_the_ellipsoid_at_any_latitude(lat):
    square = box(30.0, lat, 31.0, lat + 1.0)
    geodesic = abs(GEOD.geometry_area_perimeter(square)[0]) / 1e6
    assert area_km2(square) == pytest.approx(geodesic, rel=0.002)


def test_a_degree_square_shrinks_towards_the_pole():
    assert area_km2(box(30, 60, 31, 61)) < 0.5 * area_km2(box(30, 0, 31, 1)) * 1.05


def test_diff_of_the_snapshot_series_counts_what_each_side_gained_and_lost():
    history = read_series(DATA / "snapshots", controller_field="side").history()
    cell = area_km2(box(30.1, 50.0, 30.2, 50.1))
    rows = {r.controller: r for r in territory_diff(history, "2022-03-01", "2022-03-15")}
    assert rows["Blue"].gained_km2 == pytest.approx(cell, rel=0.01)  # cell 2 (cell 1 is back where it was)
    assert rows["Blue"].lost_km2 == pytest.approx(0.0, abs=1e-6)
    assert rows["Red"].lost_km2 == pytest.approx(cell, rel=0.01)
    assert rows["Blue"].km2_to == pytest.approx(3 * cell, rel=0.01)
    assert rows["Blue"].net_km2 == pytest.approx(-rows["Red"].net_km2, rel=1e-6)
    middle = {r.controller: r for r in territory_diff(history, "2022-03-01", "2022-03-08")}
    assert middle["Red"].gained_km2 == pytest.approx(cell, rel=0.01)


def test_diff_of_the_bundled_zones_shows_isis_losing_its_pockets():
    rows = {r.controller: r for r in territory_diff(default_history(), "2018-06-01", "2019-06-01")}
    assert rows["ISIS"].km2_to == 0 and rows["ISIS"].lost_km2 > 400
    assert rows["SDF & US-led coalition"].gained_km2 == pytest.approx(rows["ISIS"].lost_km2, rel=0.01)
    presence = {r.controller: r for r in territory_diff(default_history(), "2018-06-01", "2019-06-01",
                                                         include_presence=True)}
    assert presence["ISIS"].km2_to > 1000  # the Badia cells count only when asked


def test_csv_has_one_row_per_controller_with_the_dates():
    history = read_series(DATA / "snapshots", controller_field="side").history()
    rows = territory_diff(history, "2022-03-01", "2022-03-15")
    table = list(csv.DictReader(io.StringIO(diff_csv(rows, "2022-03-01", "2022-03-15"))))
    assert [r["controller"] for r in table] == ["Blue", "Red"]
    assert table[0]["from"] == "2022-03-01" and float(table[0]["gained_km2"]) > 70


def test_from_after_to_is_refused():
    with pytest.raises(InvalidQuery) as err:
        territory_diff(default_history(), "2019-01-01", "2018-01-01")
    assert err.value.field == "from"


def test_overlay_survives_geometry_that_makes_geos_throw():
    from shapely.geometry import Polygon

    from geo_events.zone_history.diff import overlay

    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])  # self-intersecting: plain GEOS raises
    assert overlay("difference", bowtie, box(0.2, 0.2, 0.6, 0.6)).area == pytest.approx(0.5 - 0.08)
