"""Tests for geo_events.zones: the Feb 2018 facts, dated changes, the line, inputs and data validation."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from shapely.geometry import Point, shape

from geo_events.errors import DataError, InvalidQuery
from geo_events.gazetteer import Gazetteer
from geo_events.zones import (
    CONTROLLERS,
    ZoneData,
    all_lines,
    all_zones,
    deconfliction_line,
    side_of_line,
    zone_at,
    zones_on,
)

FEB_7 = "2018-02-07"
GOV, SDF, ISIS = "Syrian government & allies", "SDF & US-led coalition", "ISIS"


def _place(place_id: str):
    place = Gazetteer.default().get(place_id)
    assert place is not None
    return place


def test_khasham_on_7_feb_2018_is_a_government_pocket_east_of_the_line() -> None:
    khasham = _place("geonames:167899")
    zone = zone_at(khasham, FEB_7)
    assert zone is not None and zone["controller"] == GOV
    assert zone["id"] == "zone-seven-villages" and zone["confidence"] == "control" and zone["source"]
    assert side_of_line(khasham, FEB_7) == "east"


def test_conoco_plant_is_held_by_the_sdf_and_coalition() -> None:
    assert zone_at(_place("ge:conoco-gas-plant"), FEB_7)["controller"] == SDF  # type: ignore[index]
    assert side_of_line(_place("ge:conoco-gas-plant"), FEB_7) == "east"


@pytest.mark.parametrize("place_id", ["geonames:170794", "geonames:173480", "geonames:174036",
                                      "geonames:174448", "ge:deir-ez-zor-airbase"])
def test_west_bank_towns_are_government_held_and_west(place_id: str) -> None:
    place = _place(place_id)
    assert zone_at(place, FEB_7)["controller"] == GOV  # type: ignore[index]
    assert side_of_line(place, FEB_7) == "west"


@pytest.mark.parametrize("place_id", ["ge:husseiniyah", "ge:salihiyah", "ge:hatlah", "ge:marrat", "ge:mazlum",
                                      "geonames:167899", "ge:tabiyah"])
def test_all_seven_villages_are_in_the_pocket(place_id: str) -> None:
    assert zone_at(_place(place_id), FEB_7)["id"] == "zone-seven-villages"  # type: ignore[index]


@pytest.mark.parametrize("place_id", ["geonames:173927", "geonames:170691", "ge:omar-oilfield", "ge:izba",
                                      "ge:jadid-ukaydat", "ge:abu-hamam"])
def test_east_bank_outside_the_pocket_is_sdf_held(place_id: str) -> None:
    place = _place(place_id)
    assert zone_at(place, FEB_7)["controller"] == SDF  # type: ignore[index]
    assert side_of_line(place, FEB_7) == "east"


@pytest.mark.parametrize(
    ("place_id", "day", "controller"),
    [
        ("geonames:174506", "2018-06-01", ISIS),  # Hajin before the SDF took it
        ("geonames:174506", "2018-12-20", SDF),
        ("geonames:172415", "2019-01-10", ISIS),  # al-Susah
        ("geonames:172415", "2019-02-10", SDF),
        ("ge:baghuz", "2019-03-01", ISIS),
        ("ge:baghuz", "2019-03-23", ISIS),  # valid_to is inclusive
        ("ge:baghuz", "2019-03-24", SDF),
    ],
)
def test_isis_pockets_shrink_with_the_dates(place_id: str, day: str, controller: str) -> None:
    assert zone_at(_place(place_id), day)["controller"] == controller  # type: ignore[index]


def test_desert_presence_is_marked_as_presence_not_control() -> None:
    zone = zone_at((34.60, 40.30), FEB_7)  # Badia south-west of Mayadin, far from the river
    assert zone is not None and zone["controller"] == ISIS and zone["confidence"] == "presence"
    assert zone_at(_place("geonames:173480"), FEB_7)["confidence"] == "control"  # type: ignore[index]


def test_outside_coverage_or_dates_is_none() -> None:
    assert zone_at((33.51, 36.29), FEB_7) is None  # Damascus: not covered
    assert zone_at(_place("geonames:167899"), "2016-01-01") is None
    assert side_of_line((35.30, 40.29), "2016-01-01") is None
    assert side_of_line((36.20, 37.15), FEB_7) is None  # Aleppo: beyond the upstream end of the line


def test_point_inputs_are_equivalent() -> None:
    khasham = _place("geonames:167899")
    as_tuple = zone_at((khasham.lat, khasham.lon), FEB_7)
    as_point = zone_at(Point(khasham.lon, khasham.lat), date(2018, 2, 7))
    as_place = zone_at(khasham, datetime(2018, 2, 7, 12, 0))
    assert as_tuple == as_point == as_place


@pytest.mark.parametrize("bad", ["not a point", (1, 2, 3), (95.0, 40.0), None])
def test_bad_points_raise_invalid_query(bad: object) -> None:
    with pytest.raises(InvalidQuery):
        zone_at(bad, FEB_7)


def test_bad_date_raises_invalid_query() -> None:
    with pytest.raises(InvalidQuery):
        zone_at((35.3, 40.3), "07/02/2018")


def test_zones_on_and_line_collections() -> None:
    day = zones_on(FEB_7)
    ids = {f["properties"]["id"] for f in day["features"]}
    assert {"zone-seven-villages", "zone-dez-west-bank", "zone-dez-east-bank-sdf", "zone-isis-hajin"} <= ids
    assert "zone-isis-baghuz" not in ids
    line = deconfliction_line(FEB_7)
    assert len(line["features"]) == 1 and line["features"][0]["geometry"]["type"] == "LineString"
    assert deconfliction_line("2016-01-01")["features"] == []
    euphrates = shape(_place("ge:euphrates").geometry)
    assert shape(line["features"][0]["geometry"]).hausdorff_distance(euphrates) < 1.5  # same river, shorter


def test_all_zones_and_lines_are_complete_and_independent_copies() -> None:
    zones = all_zones()
    assert len(zones["features"]) >= 8
    for feature in zones["features"]:
        props = feature["properties"]
        assert props["controller"] in CONTROLLERS
        assert props["confidence"] in ("control", "presence")
        assert props["valid_from"] <= props["valid_to"] and props["source"] and props["id"] and props["name"]
        assert shape(feature["geometry"]).is_valid
    zones["features"].clear()
    assert all_zones()["features"]
    assert all_lines()["features"][0]["properties"]["valid_from"] == "2017-09-15"


def _feature(controller: str = GOV, **props: object) -> dict:
    base = {"id": "z", "name": "z", "controller": controller, "valid_from": "2018-01-01",
            "valid_to": "2018-12-31", "confidence": "control", "source": "test"}
    base.update(props)
    return {"type": "Feature", "geometry": {"type": "Polygon",
            "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}, "properties": base}


@pytest.mark.parametrize(
    "feature",
    [_feature("Martians"), _feature(valid_from="yesterday"), _feature(confidence="maybe"), _feature(source="")],
)
def test_invalid_zone_data_raises_data_error(feature: dict) -> None:
    with pytest.raises(DataError):
        ZoneData({"features": [feature]}, {"features": []})


def test_custom_data_and_smallest_zone_wins(tmp_path) -> None:
    big = _feature(SDF, id="big")
    small = _feature(ISIS, id="small")
    small["geometry"]["coordinates"] = [[[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6], [0.4, 0.4]]]
    zones_path = tmp_path / "zones.geojson"
    lines_path = tmp_path / "lines.geojson"
    zones_path.write_text(json.dumps({"features": [big, small]}), encoding="utf-8")
    line = {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 1], [1, 0]]},
            "properties": {"id": "l", "valid_from": "2018-01-01", "valid_to": "2018-12-31",
                           "confidence": "presence", "source": "test"}}
    lines_path.write_text(json.dumps({"features": [line]}), encoding="utf-8")
    data = ZoneData.from_files(zones_path, lines_path)
    assert zone_at((0.5, 0.5), "2018-06-01", data=data)["id"] == "small"  # type: ignore[index]
    assert zone_at((0.9, 0.1), "2018-06-01", data=data)["id"] == "big"  # type: ignore[index]
    # the line runs from (lon 0, lat 1) to (lon 1, lat 0): north-east of it is "east"
    assert side_of_line((0.9, 0.9), "2018-06-01", data=data) == "east"
    assert side_of_line((0.1, 0.1), "2018-06-01", data=data) == "west"
    with pytest.raises(DataError):
        ZoneData.from_files(tmp_path / "missing.geojson", lines_path)
