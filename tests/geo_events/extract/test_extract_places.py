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
