"""Tests for geo_events.geocoder and ``geo-events geocode/reverse``: geopy interface, records, variants."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from geopy.location import Location
from shapely.geometry import Point, shape

from geo_events import GeocodingError, OfflineGeocoder
from geo_events.gazetteer import Gazetteer, haversine_km
from geo_events.geocoder import RECORD_FIELDS, geocode_record, reverse_record

VARIANTS = Path(__file__).resolve().parents[1] / "data" / "geocoder_variants.csv"


def _variants() -> list[dict[str, str]]:
    with VARIANTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def geocoder() -> OfflineGeocoder:
    return OfflineGeocoder()


def test_variant_file_is_large_and_sourced() -> None:
    rows = _variants()
    assert len(rows) >= 60
    assert all(row["source"].strip() and row["variant"].strip() for row in rows)
    assert len({row["variant"] for row in rows}) == len(rows)


@pytest.mark.parametrize("row", _variants(), ids=lambda row: row["variant"])
def test_variant_resolves_within_5_km_or_on_the_feature(geocoder: OfflineGeocoder, row: dict[str, str]) -> None:
    expected = Gazetteer.default().get(row["expected_id"])
    assert expected is not None, row["expected_id"]
    # the documents these spellings come from are about Syria: that is the context a caller passes
    location = geocoder.geocode(row["variant"], context=["SY"])
    assert location is not None, f"{row['variant']!r} did not resolve"
    if expected.is_area:
        assert shape(expected.geometry).distance(Point(location.longitude, location.latitude)) < 1e-6
    else:
        assert haversine_km(location.latitude, location.longitude, expected.lat, expected.lon) <= 5.0


def test_geocode_returns_a_geopy_location_with_raw_fields(geocoder: OfflineGeocoder) -> None:
    location = OfflineGeocoder().geocode("Khusham")
    assert isinstance(location, Location)
    assert (location.latitude, location.longitude) == (35.30088, 40.28916)
    assert "Khushām" in location.address and "Syria" in location.address
    raw = location.raw
    for key in ("id", "kind", "admin1", "country", "score", "matched_name", "source"):
        assert key in raw
    assert raw["id"] == "geonames:167899" and raw["country"] == "SY" and raw["control_zone"] is None
    assert "geometry" not in raw  # points carry no extra geometry


def test_date_fills_control_zone_and_side_of_line(geocoder: OfflineGeocoder) -> None:
    raw = geocoder.geocode("Khasham", date="2018-02-07").raw
    assert raw["control_zone"] == "Syrian government & allies"
    assert raw["side_of_line"] == "east"
    assert raw["zone"]["id"] == "zone-seven-villages"
    assert geocoder.geocode("Conoco gas plant", date="2018-02-07").raw["control_zone"] == "SDF & US-led coalition"


def test_non_point_features_return_their_geometry_and_no_single_controller(geocoder: OfflineGeocoder) -> None:
    raw = geocoder.geocode("Euphrates").raw
    assert raw["kind"] == "river" and raw["geometry"]["type"] == "LineString"
    dated = geocoder.geocode("Deir ez-Zor province", date="2018-02-07").raw
    assert dated["kind"] == "admin1" and dated["control_zone"] is None and dated["side_of_line"] is None


def test_exactly_one_false_returns_ranked_list(geocoder: OfflineGeocoder) -> None:
    locations = geocoder.geocode("Hajin", exactly_one=False, limit=3)
    assert isinstance(locations, list) and 2 <= len(locations) <= 3
    assert locations[0].raw["country"] == "SY"
    assert geocoder.geocode("qxzvj", exactly_one=False) == []


def test_no_match_is_none(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Qwxzvbnm") is None
    assert geocoder.geocode("the") is None


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000, "Deir\x00Ezzor", "Khasham\x1b[31m", 42, None])
def test_unusable_queries_raise_geocoding_error(geocoder: OfflineGeocoder, query: object) -> None:
    with pytest.raises(GeocodingError):
        geocoder.geocode(query)  # type: ignore[arg-type]


def test_country_and_bbox_options(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Hajin", country="TR").raw["country"] == "TR"
    assert OfflineGeocoder(country="TR").geocode("Hajin").raw["country"] == "TR"
    assert geocoder.geocode("Hajin", bbox="30,36,40,42").raw["country"] == "TR"
    with pytest.raises(GeocodingError):
        geocoder.geocode("Hajin", bbox="1,2,3")


def test_reverse_accepts_string_tuple_and_geopy_point(geocoder: OfflineGeocoder) -> None:
    from geopy.point import Point as GeopyPoint

    for query in ("35.30, 40.29", (35.30, 40.29), GeopyPoint(35.30, 40.29)):
        location = geocoder.reverse(query)
        assert location.raw["id"] == "geonames:167899"
        assert location.raw["distance_km"] < 1.0
    with pytest.raises(GeocodingError):
        geocoder.reverse("not a point")
    assert len(geocoder.reverse("35.0, 40.5", exactly_one=False, limit=4)) == 4


def test_works_with_geopandas_geocode() -> None:
    from geopandas.tools import geocode

    frame = geocode(["Khasham", "Deir Ezzor", "Qwxzvbnm"], provider=OfflineGeocoder)
    assert list(frame["address"].iloc[:2].str.split(",").str[0]) == ["Khushām", "Deir ez-Zor"]
    assert frame.geometry.iloc[0].equals(Point(40.28916, 35.30088))
    assert frame.geometry.iloc[2].is_empty


def test_works_with_geopy_rate_limiter(geocoder: OfflineGeocoder) -> None:
    from geopy.extra.rate_limiter import RateLimiter

    limited = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert limited("Hajin", date="2018-02-07").raw["control_zone"] == "ISIS"


def test_geocode_record_has_exactly_the_cli_fields() -> None:
    record = geocode_record("Deir Ezzor", date="2018-02-07", country="SY")
    assert record is not None
    assert set(record) == {*RECORD_FIELDS, "side_of_line", "geometry", "candidates"}
    assert record["id"] == "geonames:170794" and record["kind"] == "city" and record["admin1"] == "Deir ez-Zor"
    assert record["control_zone"] == "Syrian government & allies" and record["side_of_line"] == "west"
    assert geocode_record("Qwxzvbnm") is None
    assert geocode_record("Khasham")["control_zone"] is None  # type: ignore[index]


def test_reverse_record_zone_is_taken_at_the_point() -> None:
    record = reverse_record(35.30, 40.29, date="2018-02-07")
    assert record is not None
    assert set(record) == {*RECORD_FIELDS, "side_of_line", "geometry", "distance_km"}
    assert record["id"] == "geonames:167899" and record["control_zone"] == "Syrian government & allies"
    west = reverse_record(35.336, 40.141, date="2018-02-07")
    assert west is not None and west["control_zone"] == "Syrian government & allies" and west["side_of_line"] == "west"


# ---------------------------------------------------------------------------- CLI


def _invoke(args: list[str]):
    from typer.testing import CliRunner

    from geo_events.cli import app

    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:
        runner = CliRunner()
    return runner.invoke(app, args)


def test_cli_geocode_json_contract() -> None:
    result = _invoke(["geocode", "Deir Ezzor", "--date", "2018-02-07", "--country", "SY", "--json"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert {"name", "lat", "lon", "kind", "admin1", "country", "score", "id", "control_zone"} <= set(record)
    assert record["control_zone"] == "Syrian government & allies"


def test_cli_reverse_json_contract() -> None:
    result = _invoke(["reverse", "35.30", "40.29", "--json"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["id"] == "geonames:167899" and record["control_zone"] is None


def test_cli_no_match_exits_1_and_bad_input_exits_2() -> None:
    missing = _invoke(["geocode", "Qwxzvbnm"])
    assert missing.exit_code == 1 and "no place matches" in missing.stderr
    assert "Traceback" not in missing.stderr
    empty = _invoke(["geocode", ""])
    assert empty.exit_code == 2 and empty.stderr.count("\n") == 1
    control = _invoke(["geocode", "Deir\x01"])
    assert control.exit_code == 2
    bad_date = _invoke(["geocode", "Hajin", "--date", "2018-13-40"])
    assert bad_date.exit_code == 2
    off_world = _invoke(["reverse", "95", "40"])
    assert off_world.exit_code == 2


def test_cli_candidates_lists_ranked_records() -> None:
    result = _invoke(["geocode", "Hajin", "--candidates", "2", "--json"])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["country"] for r in records] == ["SY", "TR"]
    assert _invoke(["geocode", "Qwxzvbnm", "-n", "3"]).exit_code == 1


def test_cli_zones_lists_the_day_and_help_has_examples() -> None:
    listed = _invoke(["zones", "--date", "2018-02-07"])
    assert listed.exit_code == 0 and "seven villages" in listed.stdout
    line = _invoke(["zones", "--date", "2018-02-07", "--line", "--json"])
    assert json.loads(line.stdout)["features"][0]["geometry"]["type"] == "LineString"
    for command in ("geocode", "reverse", "zones"):
        help_text = _invoke([command, "--help"]).stdout
        assert "Examples" in help_text and f"geo-events {command}" in help_text


# ---------------------------------------------------------------------------- the world variant set


def _world_groups() -> dict[str, list[dict[str, str]]]:
    from benchmarks.bench_geocoder import world_rows

    groups: dict[str, list[dict[str, str]]] = {}
    for row in world_rows():
        groups.setdefault(row["group"], []).append(row)
    return groups


def test_world_variant_set_is_large_varied_and_sourced() -> None:
    groups = _world_groups()
    rows = [row for group in groups.values() for row in group]
    assert len(rows) >= 300
    assert len({row["country"] for row in rows if row["country"]}) >= 25
    assert {"syria", "neighbours", "theatres", "admin", "lookalikes", "typos", "not_place"} <= set(groups)
    assert len(groups["not_place"]) >= 30


@pytest.mark.parametrize(
    "group", ["syria", "neighbours", "theatres", "admin", "facilities", "lookalikes", "typos", "not_place"]
)
def test_world_variants_resolve_at_least_95_percent_per_group(group: str) -> None:
    from benchmarks.bench_geocoder import world_misses

    rows = _world_groups()[group]
    misses = world_misses(Gazetteer.default(), rows)
    assert len(misses) <= 0.05 * len(rows), misses


def test_geocode_kharkiv_and_context_and_kind() -> None:
    geocoder = OfflineGeocoder()
    kharkiv = geocoder.geocode("Kharkov")
    assert kharkiv.raw["country"] == "UA" and kharkiv.raw["kind"] == "city"
    assert {"score", "kind", "admin1", "country", "source", "candidates"} <= set(kharkiv.raw)
    assert any(c["kind"] == "admin1" for c in kharkiv.raw["candidates"])
    assert geocoder.geocode("Kharkiv", kind="admin1").raw["kind"] == "admin1"
    assert geocoder.geocode("Borno State").raw["id"].startswith("geonames-admin1:NG.")
    assert geocoder.geocode("Tripoli").raw["country"] == "LY"
    assert geocoder.geocode("Tripoli", context=["Akkar"]).raw["country"] == "LB"
    assert geocoder.geocode("Tripoli", country_codes=["LB"]).raw["country"] == "LB"
    assert geocoder.geocode("Kurdistan 24") is None and geocoder.geocode("Radio Dabanga") is None
    with pytest.raises(GeocodingError):
        geocoder.geocode("Kharkiv", kind="spaceport")


def test_admin1_of_and_country_place() -> None:
    gazetteer = Gazetteer.default()
    for country, name, expected in [("SY", "Idlib Governorate", "Idlib"), ("UA", "Donetsk Oblast", "Donetsk"),
                                    ("NG", "Borno State", "Borno"), ("CD", "Nord Kivu", "North Kivu"),
                                    ("MM", "Sagaing", "Sagaing"), ("SO", "Lower Shabelle", "Lower Shabeelle")]:
        unit = gazetteer.admin1_of(country, name)
        assert unit is not None and unit.kind == "admin1" and unit.admin1 == expected, (country, name)
        assert unit.bbox is not None and unit.bbox[0] <= unit.lon <= unit.bbox[2]
    assert gazetteer.admin1_of("SY", "Donetsk") is None
    syria = gazetteer.country_place("SYR")
    assert syria is not None and syria.kind == "country" and syria.country == "SY"
    assert gazetteer.country_place("Narnia") is None


def test_lookup_is_exact_and_world_wide() -> None:
    gazetteer = Gazetteer.default()
    countries = {m.place.country for m in gazetteer.lookup("Tripoli")}
    assert {"LY", "LB"} <= countries
    assert all(m.score in (100.0, 95.0) for m in gazetteer.lookup("Kharkov"))
    assert gazetteer.lookup("Kharkif") == []  # no typo tolerance
    assert gazetteer.lookup("the") == []


def test_cli_geocode_kharkiv_and_reverse_distance_and_refusal() -> None:
    found = _invoke(["geocode", "Kharkiv", "--json"])
    assert found.exit_code == 0 and json.loads(found.stdout)["country"] == "UA"
    near = _invoke(["reverse", "50.0", "36.2", "--json"])
    assert near.exit_code == 0 and json.loads(near.stdout)["distance_km"] < 10
    far = _invoke(["reverse", "--", "0", "-30"])
    assert far.exit_code == 1 and "km" in far.stderr and "nearest" in far.stderr
    missing = _invoke(["geocode", "Qwxzvbnm"])
    assert "covers every country" in missing.stderr
    kind = _invoke(["geocode", "Donetsk", "--kind", "admin1", "--json"])
    assert kind.exit_code == 0 and json.loads(kind.stdout)["kind"] == "admin1"
