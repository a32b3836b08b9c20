"""Casualty claims attributed to their claimants (geo_events.extract.claims)."""

from __future__ import annotations

import pytest

from geo_events.extract.claims import find_claims, normalise_claimant
from geo_events.extract.text import Sentence


def claims_of(body: str, outlet: str = "Outlet") -> list:
    return find_claims(body, Sentence(0, len(body), body), outlet, {"russia": "Russia", "sdf": "Syrian Democratic Forces"})


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "low", "high", "detail"),
    [
        ("The US-led coalition said yesterday its strikes killed at least 100 pro-regime gunmen.",
         "US-led coalition", "killed", 100, None, None),
        ("Reuters later cited a US official as saying, on condition of anonymity, that more than 100 "
         "pro-government fighters had been killed.", "US official", "killed", 100, None, "cited by Reuters, anonymous"),
        ('"We estimate more than 100 fighters were killed," a US military official told AFP.',
         "US military official", "killed", 100, None, "quoted by AFP"),
        ("Russia said the raids had only wounded 25 fighters.", "Russia", "wounded", 25, 25, None),
        ("Syrian state television said the coalition strikes left dozens of dead and wounded.",
         "Syrian state media", "other", 12, None, "dead and wounded together"),
        ("Scores were killed in the strikes.", "Outlet", "killed", 40, None, None),
        ("The Syrian Observatory for Human Rights said at least 12 people were killed.",
         "Syrian Observatory for Human Rights", "killed", 12, None, None),
        ("Five fighters were captured, the SDF said.", "Syrian Democratic Forces", "captured", 5, 5, None),
        ("The blast killed two civilians, the group said.", "Outlet", "killed", 2, 2, None),
    ],
)
def test_claims(sentence: str, claimant: str, kind: str, low: int | None, high: int | None, detail: str | None) -> None:
    found = claims_of(sentence)
    assert len(found) == 1, found
    claim = found[0]
    assert (claim.claimant, claim.kind, claim.low, claim.high, claim.detail) == (claimant, kind, low, high, detail)
    assert sentence[claim.start : claim.end].strip()  # evidence span is inside the sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes in 2014 killed fighters across the province.",
        "The attack on 13 March 2018 killed fighters, officials said.",
        "Government forces advanced 10 km after the fighters were killed.",
        "It was one of the deadliest days, and many died.",
        "The convoy of 40 trucks was hit.",
    ],
)
def test_numbers_that_are_not_casualty_counts(sentence: str) -> None:
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("The Syrian Observatory for Human Rights, a Britain-based war monitor, said 41 fighters were killed.",
         "Syrian Observatory for Human Rights"),
        ("The SDF, which relies on coalition air strikes, said 17 militants were killed.", "Syrian Democratic Forces"),
        ("Coalition spokesman Colonel Sean Ryan said 12 militants were killed.", "US-led coalition"),
    ],
)
def test_appositions_and_relative_clauses(sentence: str, claimant: str) -> None:
    assert [c.claimant for c in claims_of(sentence)] == [claimant]


def test_it_said_takes_the_previous_sentence_source() -> None:
    text = "The Observatory reported the fighting on Tuesday. It said 23 civilians had died."
    first, second = Sentence(0, 49, text[:49]), Sentence(50, len(text), text[50:])
    found = find_claims(text, second, "Outlet", {}, previous=first)
    assert [(c.claimant, c.low) for c in found] == [("Syrian Observatory for Human Rights", 23)]


def test_single_victims_count_as_one() -> None:
    found = claims_of("A child was killed when a shell hit the house, residents said.")
    assert [(c.kind, c.low, c.high) for c in found] == [("killed", 1, 1)]


@pytest.mark.parametrize(
    ("sentence", "total"),
    [("Shelling killed a woman and two children, residents said.", 3),
     ("The blast killed three soldiers and two civilians.", 5),
     ("The raid killed four fighters, two women and a child.", 7)],
)
def test_enumerated_victims_are_added_up(sentence: str, total: int) -> None:
    (claim,) = claims_of(sentence)
    assert (claim.kind, claim.low, claim.high) == ("killed", total, total)


def test_killed_and_wounded_in_one_sentence() -> None:
    found = claims_of("Four Syrian soldiers were killed and six wounded, the Russian defence ministry said.")
    assert [(c.kind, c.low, c.claimant) for c in found] == [
        ("killed", 4, "Russian defence ministry"), ("wounded", 6, "Russian defence ministry")]


def test_the_group_said_resolves_to_the_actor_named_before() -> None:
    found = claims_of("A drone killed three members of the SDF, the group said.")
    assert found[0].claimant == "Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("a United States official", "US official"), ("SANA", "Syrian state media"),
     ("Russia's defence ministry", "Russian defence ministry"), ("he", None), ("the Observatory", "Syrian Observatory for Human Rights")],
)
def test_normalise_claimant(phrase: str, expected: str | None) -> None:
    assert normalise_claimant(phrase, {}) == expected
