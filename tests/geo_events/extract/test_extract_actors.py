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
