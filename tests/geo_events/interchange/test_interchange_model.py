"""Rows become events the model accepts unchanged, and bulk zones answer as ``geo_events.zones`` does."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo_events import zones
from geo_events.interchange import acled, context, read_dataset, ucdp
from geo_events.interchange.common import validated
from geo_events.interchange.rows import RowError
from geo_events.models import Event


def test_every_kind_of_row_validates_unchanged(
    write_acled: Callable[..., Path], write_ucdp: Callable[..., Path], acled_rows: Callable, ucdp_rows: Callable
) -> None:
    rows = acled_rows(8)
    rows[0].update(notes="n" * 5000, source="s" * 1200, actor1="  padded actor  ", assoc_actor_1=";; a ;b;")
    rows[1].update(timestamp="2018-02-20T10:00:00+02:00", iso="SYR")
    events = read_dataset(write_acled(rows), "acled").events + read_dataset(write_ucdp(ucdp_rows(6)), "ucdp").events
    assert len(events) == 14
    for event in events:
        assert validated(event).to_feature() == event.to_feature()
        # the direct JSON form is pydantic's, key order included
        assert json.dumps(event.to_feature()) == json.dumps(Event.to_feature(event))
    first = events[0].properties
    assert len(first.notes) == 4000 and first.notes.endswith("…") and len(first.sources[0].title) == 1000
    assert first.actor1 == "padded actor" and first.assoc_actors == ["a", "b", "Unit Three"]
    assert str(events[1].properties.extracted_at) == "2018-02-20 08:00:00+00:00"


CELL = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x85\u2028\u2029"), max_size=320)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actor1=CELL, location=CELL, notes=CELL, admin1=CELL, assoc=CELL, fatalities=st.sampled_from(
    ["0", "7", "1e3", "-1", "x", "", "1000000001", "2.5"]))
def test_any_cells_give_a_valid_event_or_a_row_problem(
    acled_row: dict, actor1: str, location: str, notes: str, admin1: str, assoc: str, fatalities: str
) -> None:
    row = {**acled_row, "actor1": actor1, "location": location, "notes": notes, "admin1": admin1,
           "assoc_actor_1": assoc, "fatalities": fatalities}
    try:
        event = acled.row_to_event(row, [], 2)
    except RowError as err:
        assert err.column in {"actor1", "location", "notes", "admin1", "assoc_actor_1", "fatalities"}
        return
    assert validated(event).to_feature() == event.to_feature()
    assert json.dumps(event.to_feature()) == json.dumps(Event.to_feature(event))


def test_bulk_zones_answer_like_zones_module() -> None:
    assert context._LINE_END_TOLERANCE == zones._LINE_END_TOLERANCE
    days = [date(2017, 9, 1) + timedelta(days=45 * i) for i in range(14)]
    points = [(34.2 + 0.08 * i, 39.6 + 0.09 * j, day) for i in range(25) for j in range(25) for day in days[::3]]
    points += [(35.3008, 40.2891, day) for day in days] + [(48.85, 2.35, days[0]), (-33.9, 18.4, days[1])]
    expected = []
    for lat, lon, day in points:
        zone = zones.zone_at((lat, lon), day)
        expected.append(((zone or {}).get("controller"), zones.side_of_line((lat, lon), day)))
    got = context.zone_contexts(points)
    assert got == expected
    assert sum(1 for c, _ in got if c) > 500 and {s for _, s in got} == {"east", "west", None}


@pytest.mark.parametrize("module", [acled, ucdp])
def test_event_ids_are_stable(module: object) -> None:
    assert module.event_id("X1") == module.event_id("X1") != module.event_id("X2")  # type: ignore[attr-defined]


def test_assembly_falls_back_to_pydantic_when_the_model_changes_shape() -> None:
    from geo_events.interchange.common import _trusted
    from geo_events.models import Source

    partial = _trusted(Source, {"id": "acled:X1", "publisher": "ACLED"})  # as if Source had gained fields
    assert (partial.id, partial.publisher, partial.title, partial.published) == ("acled:X1", "ACLED", None, None)
    assert partial.model_fields_set == {"id", "publisher"}
    full = _trusted(Source, {"id": "a", "publisher": None, "title": None, "url": None, "published": None})
    assert full.model_dump() == Source(id="a").model_dump()


def test_fast_and_general_assembly_agree(
    write_acled: Callable[..., Path], acled_rows: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo_events.interchange import common

    path = write_acled(acled_rows(6))
    assert common._SAME_SHAPE  # the models have the fields build_event fills in
    fast = [e.to_feature() for e in read_dataset(path, "acled").events]
    monkeypatch.setattr(common, "_SAME_SHAPE", False)
    general = [e.to_feature() for e in read_dataset(path, "acled").events]
    assert json.dumps(fast) == json.dumps(general)
