"""Tests for geo_events.gazetteer.sources and cache: bundled data is valid, sourced and placed sensibly."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from geo_events.errors import DataError
from geo_events.gazetteer import KINDS, Gazetteer, Place
from geo_events.gazetteer import cache as gazetteer_cache
from geo_events.gazetteer.sources import (
    bracketed_names,
    country_code,
    curated_places,
    geonames_places,
    iter_geonames,
    load_overrides,
    short_name,
)
from geo_events.settings import seed_path

ROOT = Path(__file__).resolve().parents[3]


def test_curated_rows_are_complete_and_sourced() -> None:
    places = curated_places()
    assert 35 <= len(places)
    ids = [p.id for p in places]
    assert len(ids) == len(set(ids))
    for place in places:
        assert place.id.startswith("ge:")
        assert place.kind in KINDS
        assert place.source.strip()
        assert place.iso3 and place.country_name != place.country, place.id
    facilities = [p for p in places if p.kind in ("base", "dam", "facility")]
    assert len({p.country for p in facilities}) >= 8
    eastern_syria = _ids_of("places.csv") | {p.id for p in places if p.geometry["type"] != "Point"}
    for place in places:
        if place.id in eastern_syria or place.id in _ids_of("facilities.csv"):  # spellings are their point
            assert place.alt_names, place.id
        if place.id in eastern_syria and place.kind not in ("base", "dam", "facility"):
            assert place.country == "SY" and 32 <= place.lat <= 37.5 and 35.5 <= place.lon <= 42.5, place.id


def _ids_of(name: str) -> set[str]:
    with seed_path(f"gazetteer/{name}").open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))}


def _rows_of(name: str) -> list[dict[str, str]]:
    with seed_path(f"gazetteer/{name}").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_coverage_rows_are_many_sourced_rounded_and_in_their_country() -> None:
    """conflict_places.csv and maritime.csv (issue 14's coverage gap): several countries, a source per row, points
    rounded to 0.01°, and every land point has a GeoNames town of its own country among its nearest ones."""
    from geo_events.gazetteer.sources import CURATED_POINT_FILES

    assert {"conflict_places.csv", "maritime.csv"} <= set(CURATED_POINT_FILES)
    gazetteer = Gazetteer.default()
    places = _rows_of("conflict_places.csv")
    seas = _rows_of("maritime.csv")
    assert len(places) >= 90 and len({row["country"] for row in places}) >= 20
    assert len(seas) >= 10
    for row in places + seas:
        assert row["source"].strip() and row["id"].startswith("ge:"), row["id"]
        assert float(row["lat"]) == round(float(row["lat"]), 2) and float(row["lon"]) == round(float(row["lon"]), 2)
        assert gazetteer.get(row["id"]) is not None, row["id"]
    for row in (row for row in places if row["kind"] != "region"):  # areas (Golan) may lie among another's towns
        near = gazetteer.nearest(float(row["lat"]), float(row["lon"]), k=8)
        assert row["country"] in {p.country for p, _ in near} and near[0][1] < 200, row["id"]


def test_curated_points_in_deir_ez_zor_lie_inside_the_governorate_outline() -> None:
    outline = shape(Gazetteer.default().get("ge:admin1-deir-ez-zor").geometry)  # type: ignore[union-attr]
    for place in curated_places():
        if place.admin1 == "Deir ez-Zor" and not place.is_area:
            assert outline.contains(Point(place.lon, place.lat)), place.id


def test_geonames_ids_admin1_and_alternate_name_filtering() -> None:
    places = {p.id: p for p in geonames_places(["SY"])}
    khusham = places["geonames:167899"]
    assert khusham.name == "Khushām" and khusham.admin1 == "Deir ez-Zor"
    assert "Khasham" in khusham.alt_names  # curated override adds it
    assert "khsham" not in khusham.alt_names  # automatic consonant skeletons are dropped
    assert "Sousse" not in places["geonames:172415"].alt_names  # curated drop
    assert all(p.country == "SY" for p in places.values())
    assert not any(any(ch.isdigit() for ch in n) for p in places.values() for n in p.alt_names)


def test_iter_geonames_prefilter_matches_a_full_parse_for_one_country() -> None:
    quick = {r["geonameid"] for r in iter_geonames(["LB"])}
    assert quick and all(isinstance(i, int) for i in quick)
    import orjson

    from geo_events.gazetteer.sources import _geonames_dir

    full = orjson.loads((_geonames_dir() / "cities500.json").read_bytes())
    assert quick == {r["geonameid"] for r in full.values() if r["countrycode"] == "LB"}


def test_overrides_and_country_codes() -> None:
    overrides = load_overrides()
    assert "Khasham" in overrides["geonames:167899"]["add"]
    assert country_code("SY") == country_code("SYR") == country_code("Syria") == "SY"
    assert country_code("Atlantis") is None and country_code(None) is None


def test_bad_curated_rows_raise_data_error(tmp_path: Path) -> None:
    header = "id,name,alt_names,kind,lat,lon,admin1,country,population,source\n"
    (tmp_path / "places.csv").write_text(header + "ge:x,X,,volcano,35,40,,SY,,somewhere\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown kind"):
        curated_places(tmp_path)
    (tmp_path / "places.csv").write_text(header + "ge:x,X,,village,35,40,,SY,,\n", encoding="utf-8")
    with pytest.raises(DataError, match="no source"):
        curated_places(tmp_path)


def test_seed_files_document_their_provenance() -> None:
    readme = seed_path("gazetteer/README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "places.csv" in readme and "features.geojson" in readme
    with seed_path("gazetteer/geonames_overrides.csv").open(encoding="utf-8") as handle:
        assert all(row["source"].strip() for row in csv.DictReader(handle))
    features = json.loads(seed_path("gazetteer/features.geojson").read_text(encoding="utf-8"))
    assert all(f["properties"]["source"] for f in features["features"])


def test_cache_round_trip_gives_the_same_gazetteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEO_EVENTS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GEO_EVENTS_NO_CACHE", raising=False)
    built = Gazetteer(countries=["LB"])
    folders = [p for p in tmp_path.glob("gazetteer-*") if p.is_dir()]
    assert len(folders) == 1 and (folders[0] / "meta.json").exists()
    assert not list(folders[0].glob("*.pickle"))  # numpy columns and tries, no pickle
    loaded = Gazetteer(countries=["LB"])
    assert [p.id for p in loaded] == [p.id for p in built]
    assert loaded.search("Tyre")[0].place.id == built.search("Tyre")[0].place.id
    # a damaged index is ignored and rebuilt, never an error
    (folders[0] / "meta.json").write_text("not json", encoding="utf-8")
    assert len(Gazetteer(countries=["LB"])) == len(built)


def test_cache_key_follows_the_seed_content_not_where_it_lies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    key = gazetteer_cache.cache_key(None, True)
    copy = tmp_path / "seeds"
    shutil.copytree(seed_path("gazetteer"), copy / "gazetteer")  # a wheel's copy of the same data, new file times
    monkeypatch.setenv("GEO_EVENTS_SEEDS", str(copy))
    assert gazetteer_cache.cache_key(None, True) == key
    places = copy / "gazetteer" / "places.csv"
    places.write_text(places.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert gazetteer_cache.cache_key(None, True) != key


@pytest.mark.parametrize("name", ["admin2.csv", "conflict_places.csv", "maritime.csv", "admin1.csv"])
def test_every_seed_file_the_index_reads_is_part_of_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            name: str) -> None:
    import shutil

    copy = tmp_path / "seeds"
    shutil.copytree(seed_path("gazetteer"), copy / "gazetteer")
    monkeypatch.setenv("GEO_EVENTS_SEEDS", str(copy))
    key = gazetteer_cache.cache_key(None, True)
    edited = copy / "gazetteer" / name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert gazetteer_cache.cache_key(None, True) != key  # an edited admin2.csv must not reuse a stale index


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEO_EVENTS_NO_CACHE", "1")
    assert gazetteer_cache.cache_dir() is None
    assert gazetteer_cache.index_folder(None, True) is None


def test_admin1_names_cover_every_country() -> None:
    from geo_events.gazetteer.sources import admin1_table

    table = admin1_table()
    assert len(table) > 3000 and len({country for country, _ in table}) > 200
    gazetteer = Gazetteer.default()
    for place_id, admin1 in [("geonames:706483", "Kharkiv"), ("geonames:2331447", "Borno"),
                             ("geonames:169389", "Idlib"), ("geonames:709717", "Donetsk")]:
        place = gazetteer.get(place_id)
        assert place is not None and place.admin1 == admin1, place_id


def test_place_is_hashable_and_serialisable() -> None:
    place = Gazetteer.default().get("ge:euphrates")
    assert isinstance(place, Place)
    assert hash(place) == hash(place)
    data = place.to_dict()
    assert data["geometry"]["type"] == "LineString" and json.dumps(data)


@pytest.mark.parametrize(("name", "expected"), [
    ("Bonifacio Moreno (El Aguaje)", ("Bonifacio Moreno", "El Aguaje")),  # the name it is known by, in brackets
    ("Tlaxco (Santiago Tlaxco)", ("Tlaxco", "Santiago Tlaxco")),
    ("Veltheim (Kreis 5)", ("Veltheim",)),  # a bracketed part of a city is no name of its own
    ("Kalibo (poblacion)", ("Kalibo",)),
    ("Aguililla", ()),
])
def test_both_names_of_a_bracketed_geonames_name(name: str, expected: tuple[str, ...]) -> None:
    assert bracketed_names(name) == expected


def test_a_locality_is_found_by_the_name_geonames_writes_in_brackets() -> None:
    found = Gazetteer.default().search("El Aguaje", country="MX", limit=10)
    aguaje = [m for m in found if m.place.id == "geonames:8858635"]  # Bonifacio Moreno (El Aguaje), Michoacán
    assert aguaje and aguaje[0].matched_name == "El Aguaje" and abs(aguaje[0].place.lat - 18.99) < 0.01


@pytest.mark.parametrize(("name", "population", "expected"), [
    ("Tlajomulco de Zúñiga", 30_273, "Tlajomulco"),  # an honour after "de": reporting leaves it off
    ("Heroica Caborca", 59_922, "Caborca"),
    ("Nioro du Sahel", 30_000, "Nioro"),
    ("Aranda de Duero", 33_000, None),  # a common word in Spanish ("aranda" is not; "casas" is)
    ("Casas del Monte", 3_000, None),
    ("Tacámbaro de Codallos", 1_500, None),  # too small: a hamlet's head may be anything
    ("Kabul", 4_000_000, None),  # nothing to leave off
    ("San Juan de los Lagos", 50_000, None),  # a head of two words is no head
])
def test_the_head_of_a_qualified_geonames_name(name: str, population: int, expected: str | None) -> None:
    assert short_name(name, population) == expected


def test_a_town_is_found_by_the_head_of_its_qualified_name_unless_another_place_has_it() -> None:
    gazetteer = Gazetteer.default()
    (tlajomulco, *_) = gazetteer.search("Tlajomulco", country="MX")
    assert tlajomulco.place.name == "Tlajomulco de Zúñiga" and abs(tlajomulco.place.lat - 20.47) < 0.01
    # "Nioro" is a town of Mali's Kayes: the Senegalese "Nioro du Rip" does not take its name
    (nioro, *_) = gazetteer.search("Nioro")
    assert nioro.place.country == "ML" and nioro.place.name == "Nioro"


@pytest.mark.parametrize(("kurdish", "expected"), [
    ("Tirbespiyê", "geonames:165757"),  # al-Qahtaniyah, in the oblique form Kurdish outlets write
    ("Şedadê", "geonames:172837"),  # al-Shaddadi
    ("Til Rifet", "geonames:163476"),  # Tal Rifaat
])
def test_kurdish_names_of_syrian_towns(kurdish: str, expected: str) -> None:
    (found, *_) = Gazetteer.default().search(kurdish, country="SY")
    assert found.place.id == expected
