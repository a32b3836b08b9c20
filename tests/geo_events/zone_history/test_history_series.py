"""Histories from files: three snapshots → the expected changes; a dated file; GeoJSON and GeoPackage out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import box

from geo_events.errors import DataError
from geo_events.zone_history import read_series, write_geojson, write_gpkg
from tests.geo_events.zone_history.helpers import DATA

GEOD = Geod(ellps="WGS84")


def geodesic_km2(geometry) -> float:
    """Area on the ellipsoid (an independent check of the equal-area projection)."""
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def cells(*indices: int):
    """The union of made-up cells (see tests/data/zones/make_test_zones.py)."""
    low, high = min(indices), max(indices)
    return box(30.0 + 0.1 * low, 50.0, 30.0 + 0.1 * (high + 1), 50.1)


def test_three_snapshots_import_to_the_expected_changes():
    imported = read_series(DATA / "snapshots", controller_field="side")
    assert imported.snapshot_dates == [date(2022, 3, 1), date(2022, 3, 8), date(2022, 3, 15)]
    history = imported.history()
    changes = history.changes()
    got = [(c.date.isoformat(), c.before, c.after) for c in changes if c.before is not None]
    assert got == [("2022-03-08", "Blue", "Red"), ("2022-03-15", "Red", "Blue")]
    took, retook = [c for c in changes if c.before is not None]
    assert took.geometry.equals(cells(1)) or took.geometry.symmetric_difference(cells(1)).area < 1e-12
    assert retook.geometry.symmetric_difference(cells(1, 2)).area < 1e-12
    assert took.area_km2 == pytest.approx(geodesic_km2(cells(1)), rel=0.005)
    assert retook.area_km2 == pytest.approx(geodesic_km2(cells(1, 2)), rel=0.005)
    assert any("2022-03-15.geojson" in s.text for s in retook.sources)


def test_snapshot_states_hold_until_the_next_snapshot():
    history = read_series(DATA / "snapshots", controller_field="side").history()
    cell1 = (50.05, 30.15)
    by_day = {day: history.controller_at(cell1, f"2022-03-{day:02d}") for day in (1, 7, 8, 14, 15, 16)}
    assert [a["controller"] if a else None for a in by_day.values()] == ["Blue", "Blue", "Red", "Red", "Blue",
                                                                         None]
    assert history.controller_at(cell1, "2022-03-07")["valid_from"] == "2022-03-01"


def test_one_dated_file_gives_the_same_answers_as_the_snapshots():
    snapshots = read_series(DATA / "snapshots", controller_field="side").history()
    dated = read_series(DATA / "dated_states.geojson").history()
    for day in ("2022-03-01", "2022-03-08", "2022-03-12", "2022-03-15"):
        for x in (30.05, 30.15, 30.25, 30.35):
            a, b = snapshots.controller_at((50.05, x), day), dated.controller_at((50.05, x), day)
            assert a["controller"] == b["controller"], (day, x)
    assert [(c.date, c.before, c.after) for c in dated.changes() if c.before] == [
        (c.date, c.before, c.after) for c in snapshots.changes() if c.before]


def test_geojson_export_imports_back_unchanged(tmp_path: Path):
    history = read_series(DATA / "snapshots", controller_field="side").history()
    out = tmp_path / "states.geojson"
    assert write_geojson(history, out) == len(history.states)
    document = json.loads(out.read_text())
    assert document["type"] == "FeatureCollection"
    props = document["features"][0]["properties"]
    assert {"area_id", "controller", "valid_from", "valid_to", "sources", "origin"} <= set(props)
    again = read_series(out).history()
    assert [(s.area_id, s.controller, s.valid_from, s.valid_to) for s in again.states] == [
        (s.area_id, s.controller, s.valid_from, s.valid_to) for s in history.states]
    changes = tmp_path / "changes.geojson"
    write_geojson(history, changes, what="changes")
    kinds = [f["properties"]["kind"] for f in json.loads(changes.read_text())["features"]]
    assert kinds.count("transfer") == 2


def test_geopackage_has_states_and_changes_layers_gdal_reads(tmp_path: Path):
    import pyogrio

    history = read_series(DATA / "snapshots", controller_field="side").history()
    out = tmp_path / "zones.gpkg"
    counts = write_gpkg(history, out)
    layers = dict(pyogrio.list_layers(out))
    assert set(layers) == {"zone_states", "zone_changes"}
    info = pyogrio.read_info(out, layer="zone_states")
    assert info["crs"] == "EPSG:4326" and info["features"] == counts["zone_states"]
    frame = pyogrio.read_dataframe(out, layer="zone_changes")
    assert sorted(frame["after"].dropna()) == ["Blue", "Blue", "Red", "Red"]  # 2 starts + 2 transfers
    again = read_series(out).history()  # an exported GeoPackage imports back
    assert len(again.states) == len(history.states)
    assert again.controller_at((50.05, 30.15), "2022-03-08")["controller"] == "Red"


def write_snapshot(folder: Path, name: str, features: list) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps({"type": "FeatureCollection", "features": features}))


def feature(props: dict, geometry=None) -> dict:
    return {"type": "Feature", "properties": props,
            "geometry": (geometry or box(30, 50, 30.1, 50.1)).__geo_interface__}


@pytest.mark.parametrize("files, message", [
    ({"front.geojson": [feature({"controller": "Red"})]}, "no YYYY-MM-DD date in the file name"),
    ({"2022-02-30.geojson": [feature({"controller": "Red"})]}, "not a real date"),
    ({"2022-03-01.geojson": [feature({"owner": "Red"})]}, "--controller-field"),
    ({"2022-03-01.geojson": [feature({"controller": "Red"}, box(300, 50, 301, 51))]}, "reproject"),
    ({"2022-03-01.geojson": [{"type": "Feature", "properties": {"controller": "Red"},
                              "geometry": {"type": "Point", "coordinates": [30, 50]}}]}, "Polygon"),
    ({"a_2022-03-01.geojson": [feature({"controller": "Red"})],
      "b_2022-03-01.geojson": [feature({"controller": "Red"})]}, "keep one per day"),
])
def test_bad_snapshot_folders_are_refused_with_a_hint(tmp_path: Path, files, message):
    for name, features in files.items():
        write_snapshot(tmp_path / "series", name, features)
    with pytest.raises(DataError, match=message):
        read_series(tmp_path / "series")


def test_missing_path_and_file_without_dates_are_refused(tmp_path: Path):
    with pytest.raises(DataError, match="no such file"):
        read_series(tmp_path / "nope")
    path = tmp_path / "undated.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature({"controller": "Red"})]}))
    with pytest.raises(DataError, match="valid_from"):
        read_series(path)
    path.write_text('{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": '
                    '"urn:ogc:def:crs:EPSG::3857"}}, "features": []}')
    with pytest.raises(DataError, match="EPSG:4326"):
        read_series(path)


def test_a_self_intersecting_polygon_is_repaired_not_refused(tmp_path: Path):
    bowtie = {"type": "Polygon", "coordinates": [[[30, 50], [30.1, 50.1], [30.1, 50], [30, 50.1], [30, 50]]]}
    write_snapshot(tmp_path / "s", "2022-03-01.geojson",
                   [{"type": "Feature", "properties": {"controller": "Red"}, "geometry": bowtie}])
    (state,) = read_series(tmp_path / "s").claims
    assert state.geometry.is_valid and state.geometry.area > 0


def test_id_field_keeps_areas_apart_and_until_extends_the_last_snapshot():
    imported = read_series(DATA / "snapshots", controller_field="side", id_field="cell", until=date(2022, 3, 31))
    history = imported.history()
    assert {s.area_id for s in history.states} == {f"snapshots:{i}" for i in range(4)}
    cell1 = [(s.controller, str(s.valid_from), str(s.valid_to)) for s in history.states if s.area_id == "snapshots:1"]
    assert cell1 == [("Blue", "2022-03-01", "2022-03-07"), ("Red", "2022-03-08", "2022-03-14"),
                     ("Blue", "2022-03-15", "2022-03-31")]
    cell0 = [s for s in history.states if s.area_id == "snapshots:0"]
    assert len(cell0) == 1  # unchanged outline and holder: one state over the three snapshots
    with pytest.raises(DataError, match="before the last snapshot"):
        read_series(DATA / "snapshots", controller_field="side", until=date(2022, 3, 1))


@pytest.mark.skipif(__import__("shutil").which("ogrinfo") is None, reason="GDAL's ogrinfo is not installed")
def test_the_system_gdal_reads_the_geopackage_without_warnings(tmp_path: Path):
    import subprocess

    out = tmp_path / "zones.gpkg"
    write_gpkg(read_series(DATA / "snapshots", controller_field="side").history(), out)
    done = subprocess.run(["ogrinfo", "-ro", "-so", str(out), "zone_changes"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Feature Count: 4" in done.stdout and "Warning" not in done.stderr
