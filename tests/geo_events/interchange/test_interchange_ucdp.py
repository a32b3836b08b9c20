"""UCDP GED layout: row → event mapping, precision codes, estimates as a claim, round trip, scope."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from geo_events.interchange import dataset_csv, import_dataset, read_dataset, ucdp, write_dataset
from geo_events.store import GeoJSONFileStore


def test_row_maps_onto_the_event_model(write_ucdp: Callable[..., Path], ucdp_row: dict) -> None:
    report = read_dataset(write_ucdp([ucdp_row]), "ucdp")
    assert report.problems == []
    feature = report.events[0].to_feature()
    p = feature["properties"]
    assert feature["id"] == ucdp.event_id("990001")
    assert (p["event_type"], p["sub_event_type"]) == ("Battles", "Armed clash")
    assert (p["actor1"], p["actor2"]) == ("Government of Testland", "Test Front")
    assert (p["location"], p["admin1"], p["admin2"]) == (
        "Khasham village",
        "Dayr az Zawr governorate",
        "Dayr az Zawr district",
    )
    assert (p["country"], p["iso3"], p["geo_precision"], p["date_precision"]) == ("Syria", "SYR", 1, "day")
    assert (p["fatalities_best"], p["fatalities_low"], p["fatalities_high"]) == (12, 10, 20)
    claim = p["claims"][0]
    assert (claim["claimant"], claim["source_id"], claim["low"], claim["high"]) == (
        "UCDP GED",
        "ucdp-ged:990001",
        10,
        20,
    )
    assert claim["detail"] == "deaths_a 1, deaths_b 9, deaths_civilians 2, deaths_unknown 0"
    assert p["sources"][0] == {
        "id": "ucdp-ged:990001",
        "publisher": "UCDP GED",
        "title": "Invented headline",
        "url": None,
        "published": None,
    }


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"type_of_violence": "3"}, ("Violence against civilians", "Attack", 1, "day")),
        ({"where_prec": "3"}, ("Battles", "Armed clash", 2, "day")),
        (
            {"where_prec": "4", "date_prec": "2", "date_end": "2018-02-10"},
            ("Battles", "Armed clash", 3, "week"),
        ),
        (
            {"where_prec": "6", "date_prec": "4", "date_end": "2018-02-27"},
            ("Battles", "Armed clash", 3, "month"),
        ),
        ({"date_prec": "", "date_end": "2018-02-09"}, ("Battles", "Armed clash", 1, "week")),
    ],
)
def test_violence_and_precision_codes(
    cells: dict, expected: tuple, write_ucdp: Callable[..., Path], ucdp_row: dict
) -> None:
    event = read_dataset(write_ucdp([{**ucdp_row, **cells}]), "ucdp").events[0].properties
    assert (event.event_type, event.sub_event_type, event.geo_precision, event.date_precision) == expected


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"date_prec": "5"}, "date_prec", "only the year"),
        ({"type_of_violence": "4"}, "type_of_violence", "not a UCDP type"),
        ({"best": "30"}, "best", "does not hold"),
        ({"date_end": "2018-02-01"}, "date_end", "before date_start"),
        ({"where_coordinates": "", "adm_1": "", "adm_2": "", "country": ""}, "where_coordinates", "no place"),
    ],
)
def test_bad_ucdp_rows(
    cells: dict, column: str, words: str, write_ucdp: Callable[..., Path], ucdp_row: dict
) -> None:
    report = read_dataset(write_ucdp([ucdp_row, {**ucdp_row, "id": "2", **cells}]), "ucdp")
    assert len(report.events) == 1
    [problem] = report.problems
    assert problem.row == 3 and problem.column == column and words in problem.reason


def test_export_then_import_gives_identical_events(
    write_ucdp: Callable[..., Path], ucdp_rows: Callable[[int], list[dict]], tmp_path: Path
) -> None:
    original = GeoJSONFileStore(tmp_path / "a" / "events.geojson")
    assert import_dataset(original, write_ucdp(ucdp_rows(6)), "ucdp").created == 6
    path, written, skipped = write_dataset(list(original), tmp_path / "ged.csv", "ucdp")
    assert (written, skipped) == (6, 0)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert tuple(rows[0]) == ucdp.COLUMNS
    first = next(r for r in rows if r["id"] == "990001")
    assert (first["deaths_b"], first["best"], first["low"], first["high"]) == ("9", "12", "10", "20")
    copy = GeoJSONFileStore(tmp_path / "b" / "events.geojson")
    assert import_dataset(copy, path, "ucdp").created == 6
    assert {f["id"]: f for f in copy} == {f["id"]: f for f in original}
    assert import_dataset(copy, path, "ucdp").unchanged == 6


def test_export_leaves_out_what_ucdp_does_not_code(seed_feature_collection: dict) -> None:
    strike = seed_feature_collection["features"][0]
    protest = {
        **strike,
        "id": "evt-protest",
        "properties": {
            **strike["properties"],
            "id": "evt-protest",
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
        },
    }
    text, written, skipped = dataset_csv([strike, protest], "ucdp")
    [row] = list(csv.DictReader(text.splitlines()))
    assert (written, skipped) == (1, 1)
    assert row["type_of_violence"] == "2"  # no "Government of …" side: non-state
    assert row["deaths_unknown"] == row["best"] == str(strike["properties"]["fatalities_best"])
    assert row["geom_wkt"].startswith("POINT (40.28916 35.30088")


def test_priogrid_cells() -> None:
    assert ucdp.priogrid_gid(-89.9, -179.9) == 1
    assert ucdp.priogrid_gid(-89.9, 179.9) == 720
    assert ucdp.priogrid_gid(89.9, 179.9) == 259200
    assert ucdp.priogrid_gid(35.3008, 40.2891) == 250 * 720 + 440 + 1
