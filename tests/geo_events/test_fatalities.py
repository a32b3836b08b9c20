"""Conservative fatality figures from attributed claims."""

from __future__ import annotations

from geo_events.fatalities import fatality_range
from geo_events.models import Claim


def claim(kind: str = "killed", low: int | None = None, high: int | None = None, vague: bool = False) -> Claim:
    return Claim(source_id="s", claimant="c", kind=kind, low=low, high=high, vague=vague)


def test_no_killed_claims_means_zero() -> None:
    assert fatality_range([]) == (0, 0, 0)
    assert fatality_range([claim("wounded", 25, 25), claim("other", 12, None, True)]) == (0, 0, 0)


def test_best_is_lowest_specific_claim() -> None:
    claims = [claim(low=100), claim(high=100), claim(low=150, high=200), claim(low=40, vague=True)]
    assert fatality_range(claims) == (100, 40, 200)


def test_vague_claims_count_when_nothing_specific() -> None:
    assert fatality_range([claim(low=12, vague=True), claim(low=40, vague=True)]) == (12, 12, 40)


def test_wounded_never_counts_as_killed() -> None:
    assert fatality_range([claim(low=2, high=2), claim("wounded", 300, 300)]) == (2, 2, 2)


def test_seed_event_figures(seed_feature_collection: dict) -> None:
    props = seed_feature_collection["features"][0]["properties"]
    claims = [Claim(**c) for c in props["claims"]]
    assert fatality_range(claims) == (props["fatalities_best"], props["fatalities_low"], props["fatalities_high"])
    assert props["fatalities_best"] == 100
