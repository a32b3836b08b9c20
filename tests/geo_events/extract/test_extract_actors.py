"""Curated actors, aliases and roles (geo_events.extract.actors / roles)."""

from __future__ import annotations

import pytest

from geo_events.extract.actors import default_actors
from geo_events.extract.matcher import TokenText
from geo_events.extract.roles import RoleVotes, decide, vote

CANONICAL = ["US-led coalition", "Syrian Democratic Forces", "Pro-government forces", "Syrian government", "Russia",
             "Iran-backed militias", "ISIS", "Turkey", "Syrian opposition"]


def names(text: str) -> list[str]:
    return [m.actor.name for m in default_actors().find(TokenText.of(text), text)]


def test_canonical_names_are_listed() -> None:
    assert set(CANONICAL) <= set(default_actors().actors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the United States-led coalition", "US-led coalition"),
        ("CJTF-OIR aircraft", "US-led coalition"),
        ("Kurdish-led forces", "Syrian Democratic Forces"),
        ("pro-regime fighters", "Pro-government forces"),
        ("forces loyal to President Bashar al-Assad", "Pro-government forces"),
        ("the Syrian army", "Syrian government"),
        ("Wagner contractors", "Russia"),
        ("Iranian-backed militias", "Iran-backed militias"),
        ("Daesh", "ISIS"),
        ("the Islamic State group", "ISIS"),
        ("TFSA fighters", "Turkey"),
        ("Syrian rebels", "Syrian opposition"),
    ],
)
def test_aliases(text: str, expected: str) -> None:
    assert names(text) == [expected]


def test_short_capital_aliases_need_capitals() -> None:
    assert names("it is what it is, let us go") == []
    assert names("IS fighters and US forces") == ["ISIS", "US-led coalition"]


def roles(sentence: str) -> tuple[str | None, str | None, list[str]]:
    from geo_events.extract.claims import CASUALTY_RE
    from geo_events.extract.event_types import find_triggers

    actors = default_actors()
    votes = RoleVotes()
    pivots = [t.start for t in find_triggers(sentence)] + [m.start() for m in CASUALTY_RE.finditer(sentence)]
    vote(sentence, 0, len(sentence), pivots, actors.find(TokenText.of(sentence), sentence), 1.0, votes)
    return decide(votes, actors)


@pytest.mark.parametrize(
    ("sentence", "actor1", "actor2"),
    [
        ("Coalition air strikes hit ISIS positions near Hajin.", "US-led coalition", "ISIS"),
        ("Syrian militias came under fire of the US-led coalition.", "US-led coalition", "Pro-government forces"),
        ("A US-led coalition said it killed at least 100 pro-regime fighters.", "US-led coalition",
         "Pro-government forces"),
        ("Clashes broke out between the SDF and Islamic State fighters.", "Syrian Democratic Forces", "ISIS"),
        ("Russian warplanes bombed rebel positions in Idlib.", "Russia", "Syrian opposition"),
        ("Civilians were killed by Turkish shelling.", "Turkey", "Civilians"),
    ],
)
def test_roles(sentence: str, actor1: str, actor2: str) -> None:
    got1, got2, _ = roles(sentence)
    assert (got1, got2) == (actor1, actor2)


def test_blame_gives_a_weaker_attacker_vote() -> None:
    from geo_events.extract.roles import vote_blame

    actors = default_actors()
    sentence = "Activists blamed government forces and Russian warplanes for the attack on civilians."
    votes = RoleVotes()
    vote_blame(sentence, 0, len(sentence), actors.find(TokenText.of(sentence), sentence), 1.0, votes)
    assert votes.attacker == {"Syrian government": 0.6, "Russia": 0.6}


# --- actors of other theatres (rows compiled 2026-12-02); the sentences are written for these tests ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukrainian troops", "Military Forces of Ukraine"),
        ("Russian soldiers", "Military Forces of Russia"),
        ("Wagner fighters", "Wagner Group"),
        ("the Qassam Brigades", "Hamas"),
        ("Hezbollah fighters", "Hezbollah"),
        ("Ansar Allah", "Houthis (Ansar Allah)"),
        ("the paramilitary Rapid Support Forces", "Rapid Support Forces"),
        ("forces loyal to Khalifa Haftar", "Libyan National Army"),
        ("Burkinabè soldiers", "Military Forces of Burkina Faso"),
        ("ISWAP fighters", "ISWAP"),
        ("al-Shabab militants", "Al-Shabaab"),
        ("FARDC troops", "Military Forces of the Democratic Republic of Congo"),
        ("the Tatmadaw", "Military Forces of Myanmar"),
        ("ISIS-K militants", "Islamic State Khorasan Province"),
        ("Peshmerga fighters", "Peshmerga (Kurdistan Regional Government)"),
        ("Tigrayan forces", "TPLF: Tigray People's Liberation Front"),
        ("an angry mob", "Rioters"),
    ],
)
def test_aliases_of_other_theatres(text: str, expected: str) -> None:
    assert names(text) == [expected]


def test_several_new_actors_in_one_sentence() -> None:
    sentence = ("Houthi rebels fired drones at Saudi-led coalition positions while AQAP militants attacked a "
                "checkpoint.")
    assert names(sentence) == ["Houthis (Ansar Allah)", "Saudi-led coalition", "AQAP"]


def test_country_and_capital_names_are_places_not_new_actors() -> None:
    # the new rows carry no bare country or capital names: "in Mali" is a place, not the Malian army
    text = "Markets reopened in Bamako, Kyiv and Mogadishu as Mali, Ukraine and Somalia held talks."
    assert names(text) == []


def test_short_capital_aliases_of_new_actors_need_capitals() -> None:
    assert names("the report is attached as a pdf") == []
    assert names("PDF fighters ambushed a convoy") == ["People's Defence Force"]


def test_opposing_forces_are_on_different_sides() -> None:
    actors = default_actors()
    for a, b in [("Military Forces of Russia", "Military Forces of Ukraine"),
                 ("Military Forces of Sudan", "Rapid Support Forces"),
                 ("Government of National Accord forces", "Libyan National Army"),
                 ("Military Forces of Israel", "Hamas"),
                 ("Military Forces of Yemen (Hadi government)", "Houthis (Ansar Allah)"),
                 ("Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims"),
                 ("Military Forces of Myanmar", "People's Defence Force"),
                 ("Military Forces of Ethiopia", "TPLF: Tigray People's Liberation Front")]:
        assert actors.side(a) and actors.side(b) and actors.side(a) != actors.side(b), (a, b)
    # a row added for an actor an older row already covers keeps that row's side (the merge stays compatible)
    for new, old in [("Military Forces of Russia", "Russia"), ("Wagner Group", "Russia"),
                     ("Hezbollah", "Iran-backed militias"), ("Military Forces of Israel", "Israel"),
                     ("Military Forces of Iraq", "Iraqi security forces"),
                     ("Military Forces of Turkey", "Turkey")]:
        assert actors.side(new) == actors.side(old), (new, old)


@pytest.mark.parametrize(
    ("sentence", "actor1", "actor2", "sub_event_type"),
    [
        # "Russian troops" is an alias of the older "Russia" row, which wins over the newer rows
        ("Ukrainian forces recaptured the village from Russian troops.", "Military Forces of Ukraine",
         "Russia", "Government regains territory"),
        ("Malian troops retook the town from JNIM militants.", "Military Forces of Mali",
         "JNIM: Group for Support of Islam and Muslims", "Government regains territory"),
        ("JNIM fighters seized the town from Malian soldiers.",
         "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali",
         "Non-state actor overtakes territory"),
    ],
)
def test_roles_and_territory_of_new_actors(sentence: str, actor1: str, actor2: str,
                                           sub_event_type: str) -> None:
    from geo_events.extract.event_types import classify, find_triggers

    got1, got2, _ = roles(sentence)
    assert (got1, got2) == (actor1, actor2)
    scores: dict[str, float] = {}
    for trigger in find_triggers(sentence):
        scores[trigger.sub_event_type] = scores.get(trigger.sub_event_type, 0.0) + trigger.weight
    classified = classify(scores, default_actors().side(got1))
    assert classified is not None and classified[1] == sub_event_type
