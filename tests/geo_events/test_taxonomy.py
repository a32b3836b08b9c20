"""The ACLED taxonomy: 6 types, 25 sub-types, strict lookups."""

from __future__ import annotations

import pytest

from geo_events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES, canonical_event_type, canonical_sub_event_type


def test_counts() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25


def test_lookups() -> None:
    assert canonical_event_type(" battles ") == "Battles"
    assert canonical_sub_event_type("shelling/artillery/missile attack") == "Shelling/artillery/missile attack"
    with pytest.raises(ValueError, match="unknown event_type"):
        canonical_event_type("Airstrike")
    with pytest.raises(ValueError, match="belongs to"):
        canonical_sub_event_type("Armed clash", "Protests")
