"""Short names in geo_events.gazetteer: one edit as written, codes matched only as written, the article."""

from __future__ import annotations

import pytest

from geo_events.gazetteer import Gazetteer
from geo_events.gazetteer.index import is_code
from geo_events.gazetteer.normalize import consonants


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_a_code_is_matched_as_written_not_by_sound(gazetteer: Gazetteer) -> None:
    assert is_code("SOM") and is_code("UAE") and not is_code("Som") and not is_code("Sumy")
    assert all(m.place.country != "SO" for m in gazetteer.search("Soum", limit=10))  # not Somalia's "SOM"
    assert gazetteer.search("SOM", limit=1)[0].place.id == "geonames-country:SO"  # the code itself still is


def test_folded_consonants_do_not_make_a_short_name_another(gazetteer: Gazetteer) -> None:
    """"Shifa" and Haifa's German spelling "Chaifa" share a key (ch→sh, ai→i), but not their consonants."""
    assert consonants("shifa") != consonants("chaifa")
    assert all(m.place.name != "Haifa" for m in gazetteer.search("Shifa", limit=10))


def test_article_query_does_not_resolve_by_sound_outside_the_arabic_speaking_world(gazetteer: Gazetteer) -> None:
    found = gazetteer.search("al-Shifa", limit=10)  # a hospital's name: no Haifa, no Vanuatu's Shefa
    assert all(m.place.country in ("SY", "IQ", "JO", "LB", "YE", "SA", "LY", "EG", "SD", "PS", "IR", "AF", "PK",
                                   "KW", "AE", "QA", "BH", "OM", "MR", "TN", "DZ", "MA") for m in found)


@pytest.mark.parametrize(("query", "country", "name"), [
    ("Edleb", "SY", "Idlib"),  # vowels differ: same consonants
    ("Rakka", "SY", "Raqqa"),  # q written k
    ("Hims", "SY", "Homs"),
    ("Deraa", "SY", "Daraa"),
])
def test_short_transliterations_still_resolve(gazetteer: Gazetteer, query: str, country: str, name: str) -> None:
    top = gazetteer.search(query, limit=1)[0].place
    assert top.country == country and name.lower() in {n.lower() for n in (top.name, *top.alt_names)}


@pytest.mark.parametrize("query", ["Araue", "Taute", "Kmara", "Alers", "Wared", "Dugri"])
def test_a_short_name_gets_one_edit_as_written(gazetteer: Gazetteer, query: str) -> None:
    """A typo-tolerant hit on a name of five letters or fewer is one edit from it as written (normalised)."""
    from rapidfuzz.distance import OSA

    from geo_events.gazetteer.normalize import normalize

    for match in gazetteer.search(query, limit=5):
        if match.score < 90:  # typo tolerance (exact and phonetic hits score 90+)
            assert OSA.distance(normalize(query), normalize(match.matched_name).replace(" ", "")) <= 1
