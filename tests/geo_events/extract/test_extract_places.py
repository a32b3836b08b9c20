"""Place mentions found with the gazetteer (geo_events.extract.places)."""

from __future__ import annotations

import pytest

from geo_events.extract.places import find_places


@pytest.fixture(scope="module")
def gazetteer():
    from geo_events.gazetteer import Gazetteer

    return Gazetteer.default()


def place_ids(text: str, gazetteer) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.place.id) for m in find_places(text, gazetteer)]


@pytest.mark.parametrize(
    ("text", "written", "place_id"),
    [
        ("oilfields in Khusham that had been", "Khusham", "geonames:167899"),
        ("fighting near Khasham village overnight", "Khasham", "geonames:167899"),
        ("in eastern Deir az-Zour province", "Deir az-Zour", "ge:admin1-deir-ez-zor"),
        ("parts of Deir Ezzor province controlled by", "Deir Ezzor", "ge:admin1-deir-ez-zor"),
        ("strikes on Dayr az Zawr city", "Dayr az Zawr", "geonames:170794"),
        ("The Euphates river Valley has been", "Euphates", "ge:euphrates"),
        ("clashes near Ain Issa in northern Syria", "Ain Issa", "geonames:172134"),
        ("troops entered al-Mayadeen on Saturday", "Mayadeen", "geonames:173480"),
        ("the town of Al-Bukamal on the border", "Al-Bukamal", "geonames:174448"),
    ],
)
def test_spellings_resolve(text: str, written: str, place_id: str, gazetteer) -> None:
    found = dict(place_ids(text, gazetteer))
    assert any(written in w and pid == place_id for w, pid in found.items()), found


def test_lower_case_words_are_not_places(gazetteer) -> None:
    assert place_ids("the army said the bridge and the market were hit", gazetteer) == []


def test_context_picks_the_country(gazetteer) -> None:
    # Sinjar is a town in Iraq (Nineveh) and a village in Idlib; Mosul in the same text decides.
    found = place_ids("Fighting near Sinjar and Mosul continued.", gazetteer)
    assert ("Sinjar", "geonames:448149") in found


def test_offsets_point_into_the_text(gazetteer) -> None:
    text = "Shelling hit Hajin and Baghuz."
    for written, _ in place_ids(text, gazetteer):
        assert written in ("Hajin", "Baghuz")


def test_a_border_town_filed_under_the_neighbouring_province_may_still_lie_in_the_one_the_text_names() -> None:
    from geo_events.extract.places import _near_border_of
    from geo_events.gazetteer.place import Place

    def place(name: str, kind: str, lat: float, lon: float, admin1: str, **extra) -> Place:
        return Place(id=f"t:{name}", name=name, alt_names=(), kind=kind, lat=lat, lon=lon,
                     geometry={"type": "Point", "coordinates": [lon, lat]}, admin1=admin1, country="SY",
                     country_name="Syria", iso3="SYR", population=None, source="test", **extra)

    idlib = place("Idlib", "admin1", 35.93, 36.63, "Idlib", bbox=(35.9, 35.4, 36.9, 36.4))
    assert _near_border_of(idlib, place("Border town", "town", 36.18, 36.72, "Aleppo"))
    assert not _near_border_of(idlib, place("Aleppo", "city", 36.20, 37.16, "Aleppo"))
    assert not _near_border_of(place("Hama", "city", 35.13, 36.75, "Hama"), place("Border town", "town", 36.18, 36.72, "Aleppo"))


def test_a_word_that_only_a_country_code_spells_is_not_that_country(gazetteer) -> None:
    from geo_events.extract.places import _only_by_code

    aland, armenia = gazetteer.get("geonames-country:AX"), gazetteer.get("geonames-country:AM")
    assert _only_by_code(aland, "Ala") and _only_by_code(armenia, "Arm")  # ALA and ARM are codes, not names
    assert not _only_by_code(aland, "ALA") and not _only_by_code(armenia, "Armenia")
