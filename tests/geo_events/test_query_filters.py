"""The /events filter table (``geo_events.filters``): one row per ``EventQuery`` filter, each row's parser,
the generated API parameters and CLI options, and the event property schemas read from the model."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema_rs
import pytest
from typer.testing import CliRunner

from geo_events.errors import InvalidQuery
from geo_events.filters import FILTERS, FILTERS_BY_NAME, event_property_schemas, query_from_values
from geo_events.models import EventProperties
from geo_events.query import DATE_PRECISIONS, EventQuery, parse_choices, parse_near, parse_precision
from geo_events.store.base import ALL_FILTERS

SEED = Path(__file__).resolve().parents[2] / "seeds" / "events.geojson"
#: ``EventQuery`` fields that are no filter of /events (paging, order, and the internal id / property filters).
NOT_FILTERS = {"sort", "limit", "offset", "ids", "extra"}


def test_every_event_query_filter_has_exactly_one_row() -> None:
    fields = {f.name for f in dataclasses.fields(EventQuery)} - NOT_FILTERS
    names = [f.name for f in FILTERS]
    assert len(names) == len(set(names))
    assert set(names) == fields


def test_every_row_but_the_radius_is_a_store_filter_pushed_down_by_both_backends() -> None:
    from geo_events.store.geojson import GeoJSONFileStore
    from geo_events.store.postgis import PostGISStore

    for row in FILTERS:
        if row.name == "radius_km":  # a parameter of `near`, not a filter of its own
            continue
        assert row.name in ALL_FILTERS
        for backend, store_class in (("geojson", GeoJSONFileStore), ("postgis", PostGISStore)):
            assert (backend in row.pushdown) == (row.name in store_class.capabilities), (row.name, backend)


@pytest.mark.parametrize("row", FILTERS, ids=[f.name for f in FILTERS])
def test_every_example_parses_into_a_valid_query(row) -> None:
    query = query_from_values({row.name: row.example}).validate()
    assert getattr(query, row.name) == row.parse(row.example)
    assert getattr(query, row.name) is not None


def test_empty_text_is_no_filter_but_an_empty_bbox_is_refused() -> None:
    assert query_from_values({"actor": "", "start": "", "date_precision": ""}) == EventQuery()
    with pytest.raises(InvalidQuery) as err:
        query_from_values({"bbox": ""})
    assert err.value.field == "bbox"


def test_list_parsers_name_the_field_and_the_choices() -> None:
    assert parse_precision("1,3") == (1, 3)
    assert parse_choices("day, month", "date_precision", DATE_PRECISIONS) == ("day", "month")
    with pytest.raises(InvalidQuery) as err:
        parse_choices("day,hour", "date_precision", DATE_PRECISIONS)
    assert err.value.field == "date_precision" and "day, week or month" in str(err.value)
    with pytest.raises(InvalidQuery) as err:
        parse_choices("x", "geo_precision", (1, 2, 3))
    assert err.value.field == "geo_precision" and "1, 2 or 3" in str(err.value)
    assert parse_near("35.3, 40.29") == (35.3, 40.29)


def test_event_query_refuses_an_unknown_date_precision() -> None:
    with pytest.raises(InvalidQuery) as err:
        EventQuery(date_precision=("hour",)).validate()
    assert err.value.field == "date_precision"


def test_the_cli_options_are_the_rows_marked_cli() -> None:
    from geo_events.cli import app

    result = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for row in FILTERS:
        assert (f" {row.option} " in result.output) == row.cli, row.name
        if row.cli:
            assert row.description.split(" (")[0].split(",")[0] in result.output


def test_property_schemas_come_from_the_model_and_describe_the_seed_events() -> None:
    schemas = event_property_schemas()
    assert list(schemas) == list(EventProperties.model_fields)
    assert schemas["event_date"]["format"] == "date"
    assert schemas["geo_precision"]["enum"] == [1, 2, 3]
    assert "Air/drone strike" in schemas["sub_event_type"]["enum"]
    document = {"type": "object", "properties": schemas, "required": ["id", "event_date"]}
    validator = jsonschema_rs.Draft202012Validator(document)  # (installed with schemathesis)
    features = json.loads(SEED.read_text(encoding="utf-8"))["features"]
    assert features
    for feature in features:
        assert validator.is_valid(feature["properties"]), list(validator.iter_errors(feature["properties"]))
    assert not validator.is_valid({**features[0]["properties"], "geo_precision": 4})
    assert not validator.is_valid({**features[0]["properties"], "event_type": "Skirmish"})


def test_rows_are_found_by_name() -> None:
    assert FILTERS_BY_NAME["date_precision"].choices == ("day", "week", "month")
    assert FILTERS_BY_NAME["event_type"].option == "--event-type"
