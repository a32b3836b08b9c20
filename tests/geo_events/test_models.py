"""The event model: valid events pass, each kind of bad field is rejected with the field named."""

from __future__ import annotations

import copy
import math

import pytest
from pydantic import ValidationError

from geo_events.models import Event, event_json_schema, source_id_for, stable_id


@pytest.fixture
def seed_event(seed_feature_collection: dict) -> dict:
    return copy.deepcopy(seed_feature_collection["features"][0])


def test_seed_event_is_valid_and_round_trips(seed_event: dict) -> None:
    event = Event.model_validate(seed_event)
    assert event.lat == pytest.approx(35.30088)
    assert event.lon == pytest.approx(40.28916)
    again = Event.model_validate(event.to_feature())
    assert again == event
    assert event.to_feature()["geometry"]["coordinates"] == [40.28916, 35.30088]  # lon, lat order


def _errors(feature: dict) -> list[str]:
    with pytest.raises(ValidationError) as info:
        Event.model_validate(feature)
    return [".".join(str(p) for p in e["loc"]) for e in info.value.errors()]


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("properties", "event_date"), "2018-02-30", "properties.event_date"),
        (("properties", "event_type"), "Massacres", "properties.event_type"),
        (("properties", "date_precision"), "year", "properties.date_precision"),
        (("properties", "geo_precision"), 4, "properties.geo_precision"),
        (("properties", "iso3"), "Syria", "properties.iso3"),
        (("properties", "fatalities_best"), -1, "properties.fatalities_best"),
        (("geometry", "coordinates"), [40.0, 91.0], "geometry.coordinates"),
        (("geometry", "coordinates"), [181.0, 35.0], "geometry.coordinates"),
        (("geometry", "coordinates"), [math.nan, 35.0], "geometry.coordinates"),
        (("geometry", "type"), "Polygon", "geometry.type"),
    ],
)
def test_bad_fields_are_named(seed_event: dict, path: tuple[str, str], value: object, field: str) -> None:
    seed_event[path[0]][path[1]] = value
    assert field in _errors(seed_event)


def test_missing_required_fields(seed_event: dict) -> None:
    del seed_event["properties"]["location"]
    del seed_event["properties"]["event_date"]
    errors = _errors(seed_event)
    assert "properties.location" in errors and "properties.event_date" in errors


def test_sub_event_type_must_belong_to_event_type(seed_event: dict) -> None:
    seed_event["properties"]["sub_event_type"] = "Peaceful protest"
    with pytest.raises(ValidationError, match="belongs to event_type 'Protests'"):
        Event.model_validate(seed_event)


def test_event_type_spelling_is_canonicalised(seed_event: dict) -> None:
    seed_event["properties"]["event_type"] = "explosions/remote VIOLENCE"
    seed_event["properties"]["sub_event_type"] = "air/drone strike"
    props = Event.model_validate(seed_event).properties
    assert (props.event_type, props.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_fatalities_must_be_ordered(seed_event: dict) -> None:
    seed_event["properties"].update(fatalities_low=50, fatalities_best=10, fatalities_high=100)
    with pytest.raises(ValidationError, match="low <= best <= high"):
        Event.model_validate(seed_event)


def test_claim_must_cite_a_listed_source(seed_event: dict) -> None:
    seed_event["properties"]["claims"][0]["source_id"] = "src-nowhere"
    with pytest.raises(ValidationError, match="unknown source_id"):
        Event.model_validate(seed_event)


def test_claim_bounds_and_unknown_fields(seed_event: dict) -> None:
    bad = copy.deepcopy(seed_event)
    bad["properties"]["claims"][0].update(low=10, high=5)
    with pytest.raises(ValidationError, match="low"):
        Event.model_validate(bad)
    seed_event["properties"]["favourite_colour"] = "red"
    assert "properties.favourite_colour" in _errors(seed_event)


def test_feature_id_must_match_properties_id(seed_event: dict) -> None:
    seed_event["id"] = "evt-other"
    with pytest.raises(ValidationError, match="differs"):
        Event.model_validate(seed_event)
    del seed_event["id"]
    assert Event.model_validate(seed_event).id == seed_event["properties"]["id"]


def test_ids_are_stable_and_distinct() -> None:
    assert stable_id("evt", "2018-02-07", "x") == stable_id("evt", "2018-02-07", "x")
    assert stable_id("evt", "2018-02-07", "x") != stable_id("evt", "2018-02-08", "x")
    assert source_id_for("HTTPS://a.example/x ", None, None) == source_id_for("https://a.example/x", "P", "T")
    assert source_id_for(None, "P", "T", "2018-02-08") != source_id_for(None, "P", "T2", "2018-02-08")


def test_published_json_schema_matches_model(seed_event: dict) -> None:
    import json
    from pathlib import Path

    schema = event_json_schema()
    props = schema["$defs"]["EventProperties"]["properties"]
    for name in ("id", "event_date", "date_precision", "event_type", "claims", "control_zone", "side_of_line"):
        assert name in props
    published = Path(__file__).resolve().parents[2] / "schemas" / "event.schema.json"
    assert json.loads(published.read_text()) == schema, "run `geo-events schema > schemas/event.schema.json`"
