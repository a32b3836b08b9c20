"""Self-written ACLED- and UCDP-layout rows (invented events, not copied from either data set)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from geo_events.interchange import acled, ucdp

ACLED_ROW: dict[str, str] = {
    "event_id_cnty": "SYR9001", "event_date": "2018-02-07", "year": "2018", "time_precision": "1",
    "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike", "actor1": "Test Air Force", "assoc_actor_1": "Ally One; Ally Two",
    "inter1": "8", "actor2": "Test Militia", "assoc_actor_2": "Unit Three", "inter2": "3", "interaction": "38",
    "civilian_targeting": "", "iso": "760", "region": "Middle East", "country": "Syria",
    "admin1": "Deir ez-Zor", "admin2": "Deir ez-Zor", "admin3": "Khasham", "location": "Khasham",
    "latitude": "35.3008", "longitude": "40.2891", "geo_precision": "2", "source": "Outlet A; Outlet B",
    "source_scale": "National", "notes": "Invented test note: an air strike hit a convoy.", "fatalities": "12",
    "tags": "", "timestamp": "1519120800",
}  # fmt: skip

UCDP_ROW: dict[str, str] = {
    "id": "990001", "relid": "SYR-2018-1-999-1", "year": "2018", "active_year": "1", "code_status": "Clear",
    "type_of_violence": "1", "conflict_dset_id": "1", "conflict_new_id": "1", "conflict_name": "Testland: Government",
    "dyad_dset_id": "1", "dyad_new_id": "1", "dyad_name": "Government of Testland - Test Front",
    "side_a_dset_id": "1", "side_a_new_id": "1", "side_a": "Government of Testland", "side_b_dset_id": "2",
    "side_b_new_id": "2", "side_b": "Test Front", "number_of_sources": "2", "source_article": "Invented wire",
    "source_office": "Invented Office", "source_date": "2018-02-08", "source_headline": "Invented headline",
    "source_original": "Invented spokesman", "where_prec": "1", "where_coordinates": "Khasham village",
    "where_description": "invented description", "adm_1": "Dayr az Zawr governorate", "adm_2": "Dayr az Zawr district",
    "latitude": "35.3008", "longitude": "40.2891", "geom_wkt": "POINT (40.2891 35.3008)", "priogrid_gid": "180441",
    "country": "Syria", "country_id": "652", "region": "Middle East", "event_clarity": "1", "date_prec": "1",
    "date_start": "2018-02-07", "date_end": "2018-02-07", "deaths_a": "1", "deaths_b": "9",
    "deaths_civilians": "2", "deaths_unknown": "0", "best": "12", "high": "20", "low": "10",
}  # fmt: skip


def table_text(columns: Sequence[str], rows: Sequence[dict[str, str]], delimiter: str = ",") -> str:
    """Return a CSV text with ``columns`` as header and ``rows`` (missing cells empty)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return buffer.getvalue()


def make_acled_rows(n: int = 3) -> list[dict[str, str]]:
    """``n`` distinct ACLED rows of different kinds."""
    kinds = [
        {},
        {
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "time_precision": "2",
            "geo_precision": "1",
            "assoc_actor_1": "",
            "assoc_actor_2": "",
            "fatalities": "0",
            "timestamp": "",
            "location": "Hajin",
            "latitude": "34.6913",
            "longitude": "40.8304",
            "notes": "",
        },
        {
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "time_precision": "3",
            "geo_precision": "3",
            "actor2": "Civilians (Syria)",
            "location": "Deir ez-Zor",
            "iso": "",
            "latitude": "35.336",
            "longitude": "40.14",
            "event_date": "2018-03-15",
            "fatalities": "3",
        },
        {
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "actor1": "Protesters (Syria)",
            "actor2": "",
            "location": "Raqqa",
            "latitude": "35.9528",
            "longitude": "39.0079",
            "fatalities": "0",
            "assoc_actor_1": "",
            "assoc_actor_2": "",
        },
    ]
    rows = []
    for i in range(n):
        row = {**ACLED_ROW, **kinds[i % len(kinds)], "event_id_cnty": f"SYR{9001 + i}"}
        rows.append(row)
    return rows


def make_ucdp_rows(n: int = 3) -> list[dict[str, str]]:
    """``n`` distinct UCDP GED rows of different kinds."""
    kinds = [
        {},
        {
            "type_of_violence": "2",
            "side_a": "Test Front",
            "side_b": "Other Front",
            "where_prec": "4",
            "date_prec": "2",
            "date_end": "2018-02-11",
            "deaths_a": "",
            "deaths_b": "",
            "deaths_civilians": "",
            "deaths_unknown": "",
            "best": "4",
            "low": "4",
            "high": "4",
            "source_headline": "",
        },
        {
            "type_of_violence": "3",
            "side_b": "Civilians",
            "where_prec": "2",
            "date_prec": "3",
            "date_start": "2018-03-01",
            "date_end": "2018-03-31",
            "latitude": "34.6913",
            "longitude": "40.8304",
            "where_coordinates": "Hajin town",
        },
    ]
    return [{**UCDP_ROW, **kinds[i % len(kinds)], "id": str(990001 + i)} for i in range(n)]


@pytest.fixture
def write_acled(tmp_path: Path) -> Callable[..., Path]:
    """Write ACLED rows to a CSV file; ``encoding``, ``delimiter`` and ``name`` can be chosen."""

    def write(
        rows: Sequence[dict[str, str]],
        name: str = "acled.csv",
        delimiter: str = ",",
        encoding: str = "utf-8",
        columns: Sequence[str] = acled.COLUMNS,
    ) -> Path:
        path = tmp_path / name
        path.write_bytes(table_text(columns, rows, delimiter).encode(encoding))
        return path

    return write


@pytest.fixture
def write_ucdp(tmp_path: Path) -> Callable[..., Path]:
    """Write UCDP GED rows to a CSV file."""

    def write(rows: Sequence[dict[str, str]], name: str = "ged.csv", delimiter: str = ",") -> Path:
        path = tmp_path / name
        path.write_text(table_text(ucdp.COLUMNS, rows, delimiter), encoding="utf-8")
        return path

    return write


@pytest.fixture
def acled_row() -> dict[str, str]:
    """One complete ACLED row (a fresh copy)."""
    return dict(ACLED_ROW)


@pytest.fixture
def ucdp_row() -> dict[str, str]:
    """One complete UCDP GED row (a fresh copy)."""
    return dict(UCDP_ROW)


@pytest.fixture
def acled_rows() -> Callable[[int], list[dict[str, str]]]:
    """Make ``n`` distinct ACLED rows of different event types and precisions."""
    return make_acled_rows


@pytest.fixture
def ucdp_rows() -> Callable[[int], list[dict[str, str]]]:
    """Make ``n`` distinct UCDP GED rows of the three types of violence."""
    return make_ucdp_rows
