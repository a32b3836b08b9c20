"""Bad rows and awkward files: each kind is reported by row number with the reason, the rest imports."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from geo_events.errors import DataError
from geo_events.interchange import acled, import_dataset, read_dataset, ucdp
from geo_events.store import GeoJSONFileStore

BAD_CELLS = [
    ({"event_date": "2018-02-30"}, "event_date", "not a real date"),
    ({"event_date": "yesterday"}, "event_date", "not a date"),
    ({"event_date": ""}, "event_date", "is empty"),
    ({"latitude": ""}, "latitude", "is missing"),
    ({"longitude": "east"}, "longitude", "not a number"),
    ({"latitude": "0", "longitude": "0"}, "latitude", "both 0"),
    ({"latitude": "95.5", "longitude": "40.2"}, "latitude", "look swapped"),  # out of range, and swapped
    ({"latitude": "40.2891", "longitude": "35.3008"}, "latitude", "look swapped"),  # in range: by country
    ({"longitude": "190"}, "longitude", "outside [-180, 180]"),
    ({"event_type": "Massacre"}, "event_type", "not an ACLED event type"),
    ({"sub_event_type": "Air/drone strike"}, "sub_event_type", "not a sub-event type of Battles"),
    ({"time_precision": "4"}, "time_precision", "outside 1–3"),
    ({"fatalities": "-2"}, "fatalities", "outside"),
    ({"fatalities": "a dozen"}, "fatalities", "not a number"),
    ({"location": ""}, "location", "is empty"),
    ({"actor1": "x" * 301}, "actor1", "at most 300"),
    ({"timestamp": "soon"}, "timestamp", "neither Unix seconds"),
]  # fmt: skip


@pytest.mark.parametrize(("cells", "column", "words"), BAD_CELLS, ids=[c for _, c, _ in BAD_CELLS])
def test_each_bad_cell_is_reported_by_row_and_the_rest_imports(
    cells: dict,
    column: str,
    words: str,
    write_acled: Callable[..., Path],
    acled_rows: Callable,
    tmp_path: Path,
) -> None:
    rows = acled_rows(3)
    rows[1].update(cells)
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    report = import_dataset(store, write_acled(rows), "acled")
    [problem] = report.problems
    assert problem.row == 3 and problem.column == column and words in problem.reason, problem
    assert report.created == 2 and len(store) == 2
    assert str(problem).startswith(f"row 3: {column}: ")


def test_strict_imports_nothing_when_a_row_is_bad(
    write_acled: Callable[..., Path], acled_rows: Callable, tmp_path: Path
) -> None:
    rows = acled_rows(3)
    rows[2]["event_date"] = "2018-13-01"
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    report = import_dataset(store, write_acled(rows), "acled", strict=True)
    assert [p.row for p in report.problems] == [4] and not report.written
    assert len(store) == 0 and not store.path.exists()
    assert import_dataset(store, write_acled(rows[:2]), "acled", strict=True).created == 2


def test_cp1252_file_is_read(write_acled: Callable[..., Path], acled_row: dict) -> None:
    path = write_acled(
        [{**acled_row, "location": "Saint-Étienne-de-Test", "notes": "Café – “quoted”"}], encoding="cp1252"
    )
    report = read_dataset(path, "acled")
    assert report.problems == [] and report.encoding == "cp1252"
    props = report.events[0].properties
    assert props.location == "Saint-Étienne-de-Test" and props.notes == "Café – “quoted”"
    assert any("Windows-1252" in n for n in report.notices)


def test_one_cp1252_row_in_a_utf8_file(write_acled: Callable[..., Path], acled_rows: Callable) -> None:
    rows = acled_rows(3)
    rows[0]["location"] = "Ünïcode town"
    rows[2]["location"] = "Khasham-town"
    path = write_acled(rows)
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(
        b"Khasham-town", "Kh\u00e2sham".encode("cp1252")
    )  # row 4 written by another tool
    path.write_bytes(b"\n".join(lines))
    report = read_dataset(path, "acled")
    assert report.problems == [] and [e.properties.location for e in report.events][::2] == [
        "Ünïcode town",
        "Kh\u00e2sham",
    ]
    assert any("rows 4 are not UTF-8" in n for n in report.notices)


def test_utf8_with_bom(write_acled: Callable[..., Path], acled_row: dict) -> None:
    report = read_dataset(write_acled([{**acled_row, "location": "Ḫašam"}], encoding="utf-8-sig"), "acled")
    assert report.problems == [] and report.encoding == "utf-8-sig"
    assert report.events[0].properties.location == "Ḫašam" and report.events[0].id == acled.event_id(
        "SYR9001"
    )


@pytest.mark.parametrize(("delimiter", "word"), [(";", "semicolons"), ("\t", "tabs"), ("|", "pipes")])
def test_other_delimiters(
    delimiter: str, word: str, write_acled: Callable[..., Path], acled_rows: Callable
) -> None:
    rows = acled_rows(3)
    rows[0]["notes"] = "A note with, commas, inside"
    report = read_dataset(write_acled(rows, delimiter=delimiter), "acled")
    assert report.problems == [] and len(report.events) == 3 and report.delimiter == delimiter
    assert report.events[0].properties.notes == "A note with, commas, inside"
    assert any(word in n for n in report.notices)


def test_a_row_with_another_delimiter(write_acled: Callable[..., Path], acled_rows: Callable) -> None:
    rows = acled_rows(3)
    path = write_acled(rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",", ";")
    path.write_text("\n".join(lines), encoding="utf-8")
    report = read_dataset(path, "acled")
    [problem] = report.problems
    assert problem.row == 3 and "separated by semicolons while the header uses commas" in problem.reason
    assert len(report.events) == 2


def test_cell_count_unclosed_quote_and_duplicate_ids(
    write_acled: Callable[..., Path], acled_rows: Callable
) -> None:
    rows = acled_rows(4)
    rows[3]["event_id_cnty"] = rows[0]["event_id_cnty"]
    path = write_acled(rows)
    text = path.read_text(encoding="utf-8") + "SYR1,2018-02-07,too,few\n"
    path.write_text(text, encoding="utf-8")
    report = read_dataset(path, "acled")
    assert [(p.row, p.column) for p in report.problems] == [(5, "event_id_cnty"), (6, None)]
    assert "already on row 2" in report.problems[0].reason and "4 cells where the header has 31" in str(
        report.problems[1]
    )
    opened = path.read_text(encoding="utf-8") + 'SYR2,"2018-02-07\n' + "x,y\n" * 250
    path.write_text(opened, encoding="utf-8")
    assert "not closed" in read_dataset(path, "acled").problems[-1].reason


def test_short_files_import_with_the_required_columns_only(
    write_acled: Callable[..., Path], acled_row: dict
) -> None:
    report = read_dataset(write_acled([acled_row], columns=(*acled.REQUIRED, "comment")), "acled")
    assert report.problems == [] and report.events[0].properties.fatalities_best == 0
    assert any("ignored column(s) not in the ACLED layout: comment" in n for n in report.notices)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"PK\x03\x04\x14\x00binary", "Excel workbook"),
        (b"a\x00b\x00c\x00", "not a text file"),
        (b"name,lat,lon\nx,1,2\n", "no ACLED columns"),
        (b"event_id_cnty,event_date\nX1,2018-02-07\n", "lacks ACLED's column(s) event_type"),
        (b"event_id_cnty,event_date,event_date\n", "appears twice"),
    ],
)
def test_unreadable_files_raise_one_data_error(content: bytes, words: str, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises(DataError, match=re.escape(words)):
        read_dataset(path, "acled")


def test_the_wrong_layout_names_the_right_command(write_ucdp: Callable[..., Path], ucdp_row: dict) -> None:
    with pytest.raises(DataError, match=r"geo-events import ucdp FILE"):
        read_dataset(write_ucdp([ucdp_row]), "acled")
    assert read_dataset(write_ucdp([ucdp_row], delimiter=";"), "ucdp").events[0].id == ucdp.event_id("990001")


def test_utf16_with_bom_as_excel_writes_unicode_text(write_acled: Callable[..., Path], acled_row: dict) -> None:
    path = write_acled([{**acled_row, "location": "Ḫašam"}], delimiter="\t", encoding="utf-16")
    report = read_dataset(path, "acled")
    assert report.problems == [] and report.encoding == "utf-16" and report.delimiter == "\t"
    assert report.events[0].properties.location == "Ḫašam"
