"""Read a delimited data file whatever its encoding and delimiter, and report bad rows by row number.

Row numbers are the file's line numbers with the header as row 1, as a spreadsheet shows them (a record
whose quoted notes span several lines is numbered by its first line). ``read_table`` raises
``DataError`` only when the file cannot be read at all, with a message saying how to fix it; every other
problem belongs to one row and is reported as a ``RowProblem`` while the other rows are read.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from geo_events.errors import DataError

#: Delimiters recognised in the header line, most common first.
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
#: A record spanning more lines than this is an unclosed quote, not a multi-line note.
MAX_RECORD_LINES = 200


class RowError(ValueError):
    """Raised by a cell parser: the cell (``column``) of the current row is unusable."""

    def __init__(self, column: str | None, reason: str) -> None:
        super().__init__(f"{column}: {reason}" if column else reason)
        self.column = column
        self.reason = reason


@dataclass(frozen=True)
class RowProblem:
    """One rejected row: its number in the file, the column at fault (if one) and why."""

    row: int
    reason: str
    column: str | None = None

    def __str__(self) -> str:
        where = f"row {self.row}"
        return f"{where}: {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"

    def as_dict(self) -> dict[str, object]:
        """Return the problem as a JSON-ready dict."""
        return {"row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class Table:
    """A decoded table: its header, how it was read, and its records with their row numbers.

    ``records`` is read once, lazily; ``problems`` and ``rows`` are complete when it is exhausted.
    """

    path: Path
    header: list[str]
    delimiter: str
    encoding: str
    records: Iterator[tuple[int, dict[str, str]]] = field(default_factory=lambda: iter(()))
    #: The same well-formed records as ``cells`` in header order, unstripped (read one or the other).
    cells: Iterator[tuple[int, list[str]]] = field(default_factory=lambda: iter(()))
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0  # data rows read so far (good and bad; blank lines not counted)
    notices: list[str] = field(default_factory=list)


def _decode(path: Path, data: bytes) -> tuple[str, str, set[int], list[str]]:
    """Return (text, encoding, undecodable line numbers, notices) for the bytes of a file."""
    name = path.name
    if data.startswith(b"PK\x03\x04"):
        raise DataError(f"{name} is a zip or Excel workbook, not CSV; save it as CSV (UTF-8) and import that")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", set(), [f"{name}: read as UTF-16 (its byte-order mark)"]
        except UnicodeDecodeError as err:
            raise DataError(f"{name} is damaged UTF-16; save it again as CSV (UTF-8)") from err
    if b"\x00" in data[:4096]:
        raise DataError(f"{name} is not a text file (it holds NUL bytes); export the data as CSV (UTF-8)")
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    try:
        return data.decode("utf-8"), encoding, set(), []
    except UnicodeDecodeError:
        pass
    # Not UTF-8 throughout: decode line by line, Windows-1252 (Excel on Windows) where UTF-8 fails.
    lines = data.split(b"\n")
    out: list[str] = []
    legacy: list[int] = []
    unreadable: set[int] = set()
    for number, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode("cp1252"))
            legacy.append(number)
        except UnicodeDecodeError:
            out.append(line.decode("latin-1"))
            unreadable.add(number)
    notices: list[str] = []
    non_ascii_utf8 = sum(
        1 for n, line in enumerate(lines, 1) if n not in legacy and n not in unreadable and not line.isascii()
    )
    if legacy and not non_ascii_utf8 and not unreadable:
        encoding = "cp1252"
        notices.append(f"{name}: not UTF-8; read as Windows-1252 (cp1252)")
    else:
        encoding = "mixed"
        shown = ", ".join(str(n) for n in legacy[:10]) + (" …" if len(legacy) > 10 else "")
        if legacy:
            notices.append(f"{name}: rows {shown} are not UTF-8; read them as Windows-1252 (cp1252)")
    return "\n".join(out), encoding, unreadable, notices


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _choose_delimiter(header_line: str, expected: Sequence[str]) -> tuple[str, int]:
    """Return the delimiter that splits the header into the most expected column names, and that count."""
    wanted = set(expected)
    best, best_hits = ",", -1
    for delimiter in DELIMITERS:
        hits = len({_normal(c) for c in _split(header_line, delimiter)} & wanted)
        if hits > best_hits:
            best, best_hits = delimiter, hits
    return best, best_hits


def _normal(column: str) -> str:
    return column.strip().strip("\ufeff").strip().lower()


def read_table(
    path: str | Path, expected: Sequence[str], required: Sequence[str], dataset: str, other_hint: str = ""
) -> Table:
    """Read ``path`` as a table of ``dataset`` rows (raises ``DataError`` when it cannot be read at all).

    Parameters
    ----------
    path : str or Path
        The file (CSV with any of ``DELIMITERS``; UTF-8 with or without BOM, UTF-16 or Windows-1252).
    expected, required : sequence of str
        The dataset's published columns, and those a row cannot do without.
    dataset : str
        Name used in messages ("ACLED").
    other_hint : str
        Appended to the message when the header has none of the expected columns.
    """
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise DataError(f"{path.name} is empty; export the {dataset} data as CSV with its header row")
    text, encoding, unreadable, notices = _decode(path, data)
    header_line = text.split("\n", 1)[0].rstrip("\r")
    delimiter, hits = _choose_delimiter(header_line, expected)
    if hits <= 0:
        raise DataError(
            f"{path.name} has no {dataset} columns in its first line (expected "
            f"{', '.join(required[:4])}, …){other_hint}"
        )
    if delimiter != ",":
        notices.append(f"{path.name}: columns are separated by {_DELIMITER_NAMES[delimiter]}s, not commas")
    header = [_normal(c) for c in _split(header_line, delimiter)]
    duplicates = sorted({c for c in header if c and header.count(c) > 1})
    if duplicates:
        raise DataError(
            f"{path.name}: column {', '.join(duplicates)} appears twice in the header; "
            "keep one and import again"
        )
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(
            f"{path.name}: the header lacks {dataset}'s column(s) {', '.join(missing)}; add them "
            f"(the published {dataset} layout is in docs/formats.md){other_hint}"
        )
    ignored = [c for c in header if c and c not in expected]
    if ignored:
        notices.append(
            f"{path.name}: ignored column(s) not in the {dataset} layout: {', '.join(ignored[:10])}"
        )
    table = Table(path, header, delimiter, encoding, notices=notices)
    table.cells = _good_cells(table, text, unreadable)
    table.records = _as_dicts(header, table.cells)
    return table


def _as_dicts(
    header: list[str], cells: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, stripped cells by column) of each record of ``cells``."""
    for row, values in cells:
        yield row, {name: value.strip() for name, value in zip(header, values) if name}


def _good_cells(table: Table, text: str, unreadable: set[int]) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number, cells) of each well-formed record; record the others as problems.

    A generator, so a 100,000-row file never holds all its rows at once.
    """
    header, delimiter = table.header, table.delimiter
    for row, values, last_line in _records(text, delimiter):
        if row == 1:
            continue
        if len(values) == 1 and not values[0].strip():
            continue  # a blank line
        table.rows += 1
        if any(line in unreadable for line in range(row, last_line + 1)):
            table.problems.append(
                RowProblem(row, "bytes that are neither UTF-8 nor Windows-1252; re-save the file as UTF-8")
            )
            continue
        if last_line - row >= MAX_RECORD_LINES:
            table.problems.append(
                RowProblem(
                    row,
                    f"a quote opened here is not closed before line {last_line}; "
                    "close it (or double the quotes inside the cell)",
                )
            )
            continue
        if len(values) != len(header):
            table.problems.append(RowProblem(row, _count_reason(values, header, delimiter)))
            continue
        yield row, values


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str], int]]:
    """Yield (first line, cells, last line) per record; a malformed record is yielded as what was read."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    previous = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as err:  # e.g. a NUL inside a cell: that record only
            yield previous + 1, [f"\x00{err}"], reader.line_num
            previous = reader.line_num
            continue
        yield previous + 1, values, reader.line_num
        previous = reader.line_num


def _count_reason(values: list[str], header: list[str], delimiter: str) -> str:
    if values and values[0].startswith("\x00"):
        return f"unreadable CSV ({values[0][1:]})"
    joined = delimiter.join(values)
    near = max(2, len(header) // 10)  # a cell holding the other delimiter ("A; B") still counts
    for other in DELIMITERS:
        if (
            other != delimiter
            and len(values) <= len(header) // 2
            and abs(len(_split(joined, other)) - len(header)) <= near
        ):
            return (
                f"separated by {_DELIMITER_NAMES[other]}s while the header uses "
                f"{_DELIMITER_NAMES[delimiter]}s; use one delimiter throughout"
            )
    return (f"{len(values)} cells where the header has {len(header)} "
            "(a missing or extra delimiter, or an unquoted one)")


# ---------------------------------------------------------------------------------------------- cell parsers
def text(value: str | None, column: str, limit: int, *, required: bool = False) -> str | None:
    """Return a stripped cell (None when empty); raise ``RowError`` if required and empty, too long or NUL."""
    value = (value or "").strip()
    if not value:
        if required:
            raise RowError(column, "is empty")
        return None
    if "\x00" in value:
        raise RowError(column, "holds a NUL character")
    if len(value) > limit:
        raise RowError(column, f"is {len(value)} characters long; at most {limit} fit")
    return value


def fitted(value: str | None, limit: int) -> tuple[str | None, bool]:
    """Return ``value`` cut to ``limit`` characters (ending in "…") and whether it was cut."""
    if value is None or len(value) <= limit:
        return value, False
    return value[: limit - 1].rstrip() + "…", True


def whole_number(
    value: str | None, column: str, *, low: int = 0, high: int = 10**9, default: int | None = None
) -> int:
    """Return a cell as an int in ``[low, high]`` (``3`` and ``3.0`` both read); raise ``RowError``."""
    value = (value or "").strip()
    if not value:
        if default is not None:
            return default
        raise RowError(column, "is empty; a whole number is needed")
    try:
        number = float(value)
    except ValueError:
        raise RowError(column, f"{value[:40]!r} is not a number") from None
    if not math.isfinite(number) or number != int(number):
        raise RowError(column, f"{value[:40]!r} is not a whole number")
    if not low <= number <= high:
        raise RowError(column, f"{int(number)} is outside {low}–{high}")
    return int(number)


@lru_cache(maxsize=8192)
def _iso_day(head: str) -> date:
    """``date.fromisoformat`` of a ``YYYY-MM-DD`` head, cached (a file repeats its days)."""
    if len(head) != 10 or head[4] != "-" or head[7] != "-":
        raise ValueError(head)
    return date.fromisoformat(head)


_MONTH_FORMATS = ("%d %B %Y", "%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%d-%B-%Y")


def day(value: str | None, column: str) -> date:
    """Return a cell as a date: ISO 8601 (``2018-02-07``, a time after it ignored) or ``07 February 2018``."""
    value = (value or "").strip()
    if not value:
        raise RowError(column, "is empty; a date YYYY-MM-DD is needed")
    try:
        return _iso_day(value[:10])
    except ValueError:
        pass
    head = value[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-":
        try:
            return date.fromisoformat(head)
        except ValueError:
            raise RowError(column, f"{value[:40]!r} is not a real date (YYYY-MM-DD)") from None
    for fmt in _MONTH_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise RowError(column, f"{value[:40]!r} is not a date; write it as YYYY-MM-DD")


def degrees(value: str | None, column: str) -> float:
    """Return a coordinate cell as a finite float (a decimal comma is accepted); raise ``RowError``."""
    value = (value or "").strip()
    if not value:
        raise RowError(column, "is missing")
    try:
        number = float(value.replace(",", ".") if value.count(",") == 1 and "." not in value else value)
    except ValueError:
        raise RowError(column, f"{value[:40]!r} is not a number") from None
    if not math.isfinite(number):
        raise RowError(column, f"{value[:40]!r} is not a finite number")
    return number


def point(lat_cell: str | None, lon_cell: str | None, iso3: str | None) -> tuple[float, float]:
    """Return ``(lat, lon)`` of a row; raise ``RowError`` when missing, out of range or visibly swapped."""
    lat = degrees(lat_cell, "latitude")
    lon = degrees(lon_cell, "longitude")
    if lat == 0 and lon == 0:
        raise RowError("latitude", "latitude and longitude are both 0 (a placeholder for a missing point)")
    if not -90 <= lat <= 90:
        hint = "; latitude and longitude look swapped" if -90 <= lon <= 90 and -180 <= lat <= 180 else ""
        raise RowError("latitude", f"{lat} is outside [-90, 90]{hint}")
    if not -180 <= lon <= 180:
        raise RowError("longitude", f"{lon} is outside [-180, 180]")
    if iso3:
        from geo_events.interchange.countries import looks_swapped

        if looks_swapped(lat, lon, iso3):
            raise RowError(
                "latitude",
                f"({lat}, {lon}) lies outside {iso3} but ({lon}, {lat}) inside it: "
                "latitude and longitude look swapped",
            )
    return lat, lon


__all__ = [
    "RowError",
    "RowProblem",
    "Table",
    "day",
    "degrees",
    "fitted",
    "point",
    "read_table",
    "text",
    "whole_number",
]
