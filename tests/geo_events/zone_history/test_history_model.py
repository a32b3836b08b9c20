"""Claims resolved into states: origin precedence, contested days, merged runs, refused states."""

from __future__ import annotations

from datetime import date

import pytest

from geo_events.errors import DataError
from geo_events.zone_history import CONTESTED, OPEN_END, SourceRef, resolve_area
from geo_events.zone_history.model import parse_sources, state_from_feature
from tests.geo_events.zone_history.helpers import claim, square


def test_curated_claim_wins_over_derived_on_the_days_it_covers():
    derived = claim("Red", "2022-01-01", origin="derived", source="report")
    curated = claim("Blue", "2022-01-10", "2022-01-20", origin="curated", source="analyst edit")
    states = resolve_area([derived, curated])
    assert [(s.controller, s.valid_from.isoformat(), s.valid_to, s.origin) for s in states] == [
        ("Red", "2022-01-01", date(2022, 1, 9), "derived"),
        ("Blue", "2022-01-10", date(2022, 1, 20), "curated"),
        ("Red", "2022-01-21", OPEN_END, "derived"),
    ]
    assert states[1].sources == (SourceRef("analyst edit"),)


def test_disagreeing_claims_of_one_origin_make_a_contested_state_keeping_both_sources():
    a = claim("Red", "2022-01-01", "2022-01-31", origin="derived", source="Red statement")
    b = claim("Blue", "2022-01-15", "2022-01-31", origin="derived", source="Blue statement")
    states = resolve_area([a, b])
    assert [(s.controller, str(s.valid_from), str(s.valid_to)) for s in states] == [
        ("Red", "2022-01-01", "2022-01-14"), (CONTESTED, "2022-01-15", "2022-01-31")]
    contested = states[1]
    assert contested.confidence == "contested"
    assert dict(contested.claims) == {"Red": (SourceRef("Red statement"),), "Blue": (SourceRef("Blue statement"),)}
    assert contested.properties()["claims"][0]["sources"] == [{"text": "Red statement"}]


def test_agreeing_claims_keep_every_source_and_consecutive_periods_merge():
    first = claim("Red", "2022-01-01", "2022-01-07", source="one")
    second = claim("Red", "2022-01-08", "2022-01-14", source="one")
    other = claim("Red", "2022-01-01", "2022-01-14", source="two")
    states = resolve_area([first, second, other])
    assert len(states) == 1
    assert (str(states[0].valid_from), str(states[0].valid_to)) == ("2022-01-01", "2022-01-14")
    assert set(states[0].sources) == {SourceRef("one"), SourceRef("two")}


def test_a_gap_between_claims_stays_a_gap():
    states = resolve_area([claim("Red", "2022-01-01", "2022-01-05"), claim("Red", "2022-01-10", "2022-01-12")])
    assert [(str(s.valid_from), str(s.valid_to)) for s in states] == [
        ("2022-01-01", "2022-01-05"), ("2022-01-10", "2022-01-12")]


@pytest.mark.parametrize("change, field", [
    ({"controller": ""}, "controller"),
    ({"valid_to": date(2021, 1, 1)}, "valid_to"),
    ({"origin": "guessed"}, "origin"),
])
def test_unusable_states_are_refused_naming_the_field(change, field):
    import dataclasses

    with pytest.raises(DataError, match=field):
        dataclasses.replace(claim("Red", "2022-01-01"), **change)


def test_a_line_is_not_a_zone():
    from shapely.geometry import LineString

    with pytest.raises(DataError, match="Polygon"):
        claim("Red", "2022-01-01", geometry=LineString([(0, 0), (1, 1)]))


def test_feature_round_trip_keeps_dates_sources_and_claims():
    state = resolve_area([claim("Red", "2022-01-01", origin="derived", source="r"),
                          claim("Blue", "2022-01-01", origin="derived", source="b")])[0]
    again = state_from_feature(state.to_feature())
    assert (again.area_id, again.controller, again.valid_to, again.origin) == ("a", CONTESTED, OPEN_END, "derived")
    assert dict(again.claims) == dict(state.claims)
    assert again.geometry.equals(square(30.0, 50.0))


def test_sources_parse_from_text_json_text_and_objects():
    assert parse_sources("Reuters") == (SourceRef("Reuters"),)
    assert parse_sources('[{"text": "AFP", "url": "https://example.org/x"}]') == (
        SourceRef("AFP", "https://example.org/x"),)
    with pytest.raises(DataError, match="source"):
        parse_sources([{"url": "no text"}])


def test_feature_without_valid_from_names_the_field():
    with pytest.raises(DataError, match="valid_from"):
        state_from_feature({"type": "Feature", "geometry": square(0, 0).__geo_interface__,
                            "properties": {"controller": "Red"}})
