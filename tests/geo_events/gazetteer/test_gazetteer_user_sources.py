"""Places users add to the gazetteer: GeoNames dumps and their own CSV (geo_events.gazetteer.user_sources).

The rows below are invented (ids 9990000xx, names no gazetteer holds), written in GeoNames' dump layout.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from geo_events import extract_events
from geo_events.errors import DataError
from geo_events.gazetteer import Gazetteer
from geo_events.gazetteer import cache as gazetteer_cache
from geo_events.gazetteer.user_sources import ENV_VAR, extra_paths, extra_places


def _row(gid: int, name: str, alts: str, lat: float, lon: float, fclass: str, fcode: str, country: str,
         admin1: str, population: int) -> str:
    cols = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, country, "", admin1, "", "", "",
            str(population), "", "250", "Asia/Damascus", "2024-01-01"]
    return "\t".join(cols) + "\n"


DUMP = (
    _row(999000001, "Tall Qurmuzan", "Tell Qurmuzan,Qurmuzan", 35.11, 40.52, "P", "PPL", "SY", "07", 0)
    + _row(999000002, "Qurmuzan Airstrip", "", 35.09, 40.49, "S", "AIRF", "SY", "07", 0)
    + _row(999000003, "Jabal Qurmuzan", "", 35.2, 40.6, "T", "MT", "SY", "07", 0)  # a hill: skipped
    + _row(999000004, "Wadi Zarqun", "", 12.1, -1.2, "P", "PPL", "BF", "", 0)
)


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


def test_a_geonames_dump_adds_its_villages_and_sites_but_not_its_hills(dump: Path) -> None:
    places = {p.name: p for p in extra_places([dump])}
    assert set(places) == {"Tall Qurmuzan", "Qurmuzan Airstrip", "Wadi Zarqun"}
    village = places["Tall Qurmuzan"]
    assert (village.kind, village.admin1, village.country, village.id) == (
        "village", "Deir ez-Zor", "SY", "geonames:999000001")
    assert places["Qurmuzan Airstrip"].kind == "base"
    assert "user" in village.source and "GeoNames" in village.source  # provenance travels with the place
    assert {p.name for p in extra_places([dump], ["BF"])} == {"Wadi Zarqun"}  # the country selection applies


def test_a_zipped_dump_reads_like_the_text_file(dump: Path, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(dump, "SY.txt")
        handle.writestr("readme.txt", "about the dump")
    assert [p.id for p in extra_places([archive])] == [p.id for p in extra_places([dump])]


def test_the_gazetteer_and_the_extractor_find_the_added_places(dump: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEO_EVENTS_CACHE_DIR", str(tmp_path / "cache"))
    plain = Gazetteer(countries=["SY"])
    assert not plain.lookup("Tall Qurmuzan")
    gazetteer = Gazetteer(countries=["SY"], extra=[dump])
    assert gazetteer.lookup("Tell Qurmuzan")[0].place.id == "geonames:999000001"
    assert gazetteer.search("Qurmuzan airstrip", limit=1)[0].place.kind == "base"
    text = "Warplanes struck the village of Tell Qurmuzan in Deir ez-Zor province on Monday, killing four people."
    (feature,) = extract_events(text, "2018-02-06", gazetteer=gazetteer)["features"]
    assert feature["properties"]["location"] == "Tall Qurmuzan"
    assert feature["geometry"]["coordinates"] == [40.52, 35.11]
    # the index of each configuration is cached under its own name
    assert gazetteer_cache.cache_key(["SY"], True) != gazetteer_cache.cache_key(["SY"], True, [dump])


def test_a_csv_of_the_desks_own_places_is_read_with_its_sources(tmp_path: Path) -> None:
    path = tmp_path / "desk.csv"
    path.write_text("# our own list\nid,name,alt_names,kind,lat,lon,admin1,country,population,source\n"
                    "desk:zarqun-camp,Zarqun camp,Zarqun,facility,12.3,-1.4,,BF,,field team 2024-05\n",
                    encoding="utf-8")
    (place,) = extra_places([path])
    assert (place.id, place.kind, place.source) == ("desk:zarqun-camp", "facility", "field team 2024-05")


@pytest.mark.parametrize(("content", "message"), [
    ("999\tonly three\tcolumns\n", "line 1: 3 tab-separated columns"),
    (_row(1, "X", "", 95.0, 10.0, "P", "PPL", "SY", "07", 0), "outside WGS84"),
    (_row(1, "X", "", 1.0, 10.0, "P", "PPL", "SY", "07", 0).replace("\t0\t", "\tmany\t"), "bad latitude"),
])
def test_a_bad_dump_names_the_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        extra_places([path])


def test_missing_files_and_bad_csv_say_how_to_fix_them(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=ENV_VAR):
        Gazetteer(countries=["SY"], extra=[tmp_path / "nope.txt"])
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nX,1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing column"):
        extra_places([bad])


def test_the_environment_variable_lists_the_files(monkeypatch: pytest.MonkeyPatch, dump: Path) -> None:
    import os

    monkeypatch.setenv(ENV_VAR, f"{dump}{os.pathsep}{dump.parent / 'b.csv'}")
    assert extra_paths() == (dump, dump.parent / "b.csv")
    monkeypatch.setenv(ENV_VAR, "")
    assert extra_paths() == ()
