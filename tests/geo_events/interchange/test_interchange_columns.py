"""The column-at-a-time ACLED reader gives what the row parser gives: the same Features, problems, notices."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo_events.interchange import acled, open_dataset, read_dataset
from geo_events.interchange.columns import acled_block
from geo_events.interchange.rows import RowError
from geo_events.models import Event
from tests.geo_events.interchange.test_interchange_rows import BAD_CELLS

#: Cells the row parser accepts in an unusual spelling, or cuts with a notice.
ODD_CELLS = [
    {"latitude": "35,3008"},  # decimal comma
    {"timestamp": "2018-02-20T10:00:00+02:00"},
    {"timestamp": "0"},
    {"timestamp": "253402300799"},
    {"timestamp": "253402300800"},  # one second past 9999
    {"notes": "n" * 4001},
    {"source": "s" * 1001},
    {"notes": "nul \x00 inside"},
    {"event_date": "07 February 2018"},
    {"time_precision": "2.0", "geo_precision": "3", "fatalities": "1e3"},
    {"iso": "SYR", "country": ""},
    {"iso": "", "country": "Syrian Arab Republic"},
    {"iso": "999", "country": "Nowhere"},
    {"assoc_actor_1": ";; a ;b;", "assoc_actor_2": "b; c"},
    {"assoc_actor_1": "y" * 301},
    {"event_id_cnty": ""},
    {"event_type": " battles ", "sub_event_type": "armed clash"},
    {"latitude": "inf"},
    {"latitude": "1_0.5"},
]


def _both(path: Path) -> tuple[tuple, tuple]:
    reading = open_dataset(path, "acled")
    fast = [f for batch in reading.features() for f in batch]
    report = read_dataset(path, "acled")
    by_rows = [e.to_feature() for e in report.events]
    fast_report = reading.report
    return (
        (json.dumps(fast), [str(p) for p in fast_report.problems], fast_report.notices, fast_report.accepted),
        (json.dumps(by_rows), [str(p) for p in report.problems], report.notices, report.accepted),
    )


def test_every_kind_of_row_reads_as_the_row_parser_reads_it(
    write_acled: Callable[..., Path], acled_rows: Callable
) -> None:
    changes = [cells for cells, _, _ in BAD_CELLS] + ODD_CELLS
    rows = acled_rows(len(changes) + 8)
    for row, cells in zip(rows, changes):
        row.update(cells)
    rows.append(dict(rows[-1]))  # a repeated id
    fast, by_rows = _both(write_acled(rows, encoding="utf-8"))
    assert fast == by_rows
    assert len(fast[1]) > len(BAD_CELLS) and fast[2]  # the bad rows are refused, the cuts noticed
    for feature in json.loads(fast[0]):
        assert Event.model_validate(feature).to_feature() == feature  # no second validation is needed


def test_cp1252_semicolons_and_the_zones_agree_too(write_acled: Callable[..., Path], acled_rows: Callable) -> None:
    rows = acled_rows(6)
    rows[2]["location"] = "Café-town"
    fast, by_rows = _both(write_acled(rows, delimiter=";", encoding="cp1252"))
    assert fast == by_rows and len(json.loads(fast[0])) == 6
    assert any(f["properties"]["control_zone"] for f in json.loads(fast[0]))


CELL = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x85\u2028\u2029"), max_size=40)
NUMBERISH = st.sampled_from(["0", "1", "3", "4", "2.0", "-1", "1e3", "x", "", " 7 ", "nan", "1_0", "35,5"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(date=st.one_of(CELL, st.dates().map(str)), lat=st.one_of(NUMBERISH, st.floats().map(str)),
       lon=st.one_of(NUMBERISH, st.floats(-200, 200).map(str)), precision=NUMBERISH, fatalities=NUMBERISH,
       timestamp=st.one_of(NUMBERISH, st.integers(0, 10**13).map(str), CELL), actor=CELL, iso=CELL)
def test_random_cells_read_as_the_row_parser_reads_them(
    acled_row: dict, date: str, lat: str, lon: str, precision: str, fatalities: str, timestamp: str, actor: str,
    iso: str
) -> None:  # fmt: skip
    row = {**acled_row, "event_date": date, "latitude": lat, "longitude": lon, "time_precision": precision,
           "fatalities": fatalities, "timestamp": timestamp, "assoc_actor_2": actor, "iso": iso}  # fmt: skip
    header = list(acled.COLUMNS)
    notices: list[str] = []
    [(number, feature, problem)] = acled_block(header, [(7, [row[c] for c in header])], notices)
    stripped = {k: v.strip() for k, v in row.items()}
    try:
        expected = acled.row_to_event(stripped, [], 7).to_feature()
    except RowError as err:
        assert feature is None and problem is not None
        assert (number, problem.column, problem.reason) == (7, err.column, err.reason)
        return
    assert problem is None and feature == expected


@pytest.mark.parametrize(("cells", "refused_column"), [
    ({"iso": "²"}, None),  # a digit int() cannot read: the country's name decides, no crash
    ({"timestamp": "²"}, "timestamp"),
])
def test_unicode_digits_int_cannot_read_are_cells_not_crashes(acled_row: dict, cells: dict, refused_column) -> None:
    row = {**acled_row, **cells}
    header = list(acled.COLUMNS)
    [(number, feature, problem)] = acled_block(header, [(7, [row[c] for c in header])], [])
    if refused_column is None:
        assert problem is None and feature is not None
        assert feature == acled.row_to_event(row, [], 7).to_feature()
    else:
        assert feature is None and problem.column == refused_column
