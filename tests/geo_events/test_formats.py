"""Export → re-import round trips (GeoJSON, CSV, GPKG) without loss, and ACLED column names."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyogrio
import pytest

from geo_events.formats import CSV_COLUMNS, features_to_csv, read_events_file, write_events
from geo_events.models import Event


def normalised(features: list[dict]) -> dict[str, dict]:
    return {f["properties"]["id"]: Event.model_validate(f).to_feature() for f in features}


@pytest.mark.parametrize("fmt", ["geojson", "csv", "gpkg"])
def test_round_trip_is_lossless(fmt: str, seed_feature_collection: dict, tmp_path: Path) -> None:
    features = seed_feature_collection["features"]
    path = write_events(features, tmp_path / f"events.{fmt}", fmt)
    back = read_events_file(path)
    assert normalised(back) == normalised(features)


def test_kml_is_readable_by_gdal(seed_feature_collection: dict, tmp_path: Path) -> None:
    path = write_events(seed_feature_collection["features"], tmp_path / "events.kml", "kml")
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == 1
    assert frame.geometry.iloc[0].x == pytest.approx(40.28916)


def test_csv_has_acled_columns(seed_feature_collection: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(features_to_csv(seed_feature_collection["features"]))))
    row = rows[0]
    assert list(row)[:21] == list(CSV_COLUMNS[:21])
    assert row["event_id_cnty"] == row["id"]
    assert row["time_precision"] == "1"
    assert row["disorder_type"] == "Political violence"
    assert (row["latitude"], row["longitude"]) == ("35.30088", "40.28916")
    assert row["fatalities"] == "100"
    assert row["source"] == "Unknown (syndicated wire copy); The New Arab"


def test_plain_acled_csv_imports(tmp_path: Path) -> None:
    """A CSV with only ACLED's columns (as exported by ACLED) imports too."""
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,"
        "country,iso3,admin1,location,latitude,longitude,geo_precision,fatalities,notes\n"
        "SYR1,2018-02-07,1,Battles,Armed clash,A; ,B; C,D,Syria,SYR,Deir ez-Zor,Hajin,34.69508,40.83138,1,3,own\n"
    )
    (feature,) = read_events_file(path)
    event = Event.model_validate(feature)
    assert event.properties.id == "SYR1"
    assert event.properties.assoc_actors == ["B", "C"]
    assert event.properties.fatalities_best == 3
    assert (event.lat, event.lon) == (34.69508, 40.83138)


def test_gpkg_has_date_and_datetime_columns_and_is_version_1_2(
    seed_feature_collection: dict, tmp_path: Path
) -> None:
    """QGIS' temporal controller needs real DATE/DATETIME columns; GDAL < 3.7 / QGIS 3.22 warn on GPKG 1.4."""
    import sqlite3

    path = write_events(seed_feature_collection["features"], tmp_path / "events.gpkg", "gpkg")
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["ogr_types"], strict=True))
    assert types["event_date"] == "OFTDate"
    assert types["extracted_at"] == "OFTDateTime"
    assert types["fatalities_best"].startswith("OFTInteger") and types["confidence"] == "OFTReal"
    with sqlite3.connect(path) as db:
        (user_version,) = db.execute("PRAGMA user_version").fetchone()
        (stored,) = db.execute("SELECT event_date FROM events").fetchone()
    assert user_version == 10200
    assert stored == "2018-02-07"


def test_empty_gpkg_export_reads_back_empty(tmp_path: Path) -> None:
    path = write_events([], tmp_path / "none.gpkg", "gpkg")
    assert read_events_file(path) == []


def test_kml_round_trip_keeps_the_event_id(seed_feature_collection: dict, tmp_path: Path) -> None:
    """GDAL names KML placemarks ``events.1``: re-importing an export must update, not duplicate."""
    features = seed_feature_collection["features"]
    path = write_events(features, tmp_path / "events.kml", "kml")
    back = read_events_file(path)
    assert [f["properties"]["id"] for f in back] == [f["properties"]["id"] for f in features]
    assert normalised(back) == normalised(features)
