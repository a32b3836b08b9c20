"""ACLED rows read a column at a time: the checks of ``acled.row_to_event`` on whole columns, then JSON.

A block of rows is checked column by column (each distinct date, code, type or country parsed once,
coordinates compared as arrays) and every row that passes becomes its GeoJSON Feature dict directly,
without building and serialising a model instance per row. A row any check does not pass on — a cell the
row parser would refuse, cut, or read in an unusual way (a decimal comma, an ISO timestamp) — is handed to
``acled.row_to_event`` itself, so every bad-row message is the row parser's own. The checks are at least
as strict as the row parser's: a row is never accepted here that it would refuse (tests compare both on
every kind of row and on random cells), so the Features need no second validation by the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from geo_events.interchange import acled
from geo_events.interchange.common import NOTES_LIMIT, TITLE_LIMIT
from geo_events.interchange.countries import _extents
from geo_events.interchange.rows import RowError, RowProblem, day, whole_number

#: A block result: (row number, Feature or None, problem or None) per row, in row order.
Converted = list[tuple[int, dict[str, Any] | None, RowProblem | None]]
_BAD = object()
_LAST_SECOND = 253402300799  # 9999-12-31T23:59:59Z, the row parser's bound for Unix seconds
#: Longest cell ``text`` accepts per column (as in ``acled.row_to_event``).
_TEXT_LIMITS = {"actor1": 300, "actor2": 300, "location": 500, "admin1": 200, "admin2": 200, "country": 100}


def _mapped(cells: Sequence[str], parse: Callable[[str], Any], slow: np.ndarray) -> list[Any]:
    """``parse`` of each distinct cell once; rows whose cell it refuses are marked ``slow``."""
    known: dict[str, Any] = {}
    for cell in set(cells):
        try:
            known[cell] = parse(cell)
        except (RowError, ValueError):
            known[cell] = _BAD
    values = [known[c] for c in cells]
    if any(v is _BAD for v in known.values()):
        slow |= np.fromiter((v is _BAD for v in values), dtype=bool, count=len(values))
    return values


def _texts(cells: Sequence[str], limit: int, slow: np.ndarray, *, required: bool = False) -> list[str | None]:
    """Cells as ``rows.text`` returns them; rows it would refuse (too long, NUL, empty if required) are slow."""
    lengths = np.fromiter(map(len, cells), dtype=np.int64, count=len(cells))
    bad = lengths > limit
    if required:
        bad |= lengths == 0
    if "\x00" in "".join(cells):
        bad |= np.fromiter(("\x00" in c for c in cells), dtype=bool, count=len(cells))
    slow |= bad
    return [c or None for c in cells]


def _floats(cells: Sequence[str]) -> np.ndarray:
    """Cells as Python's ``float`` reads them (NaN where it cannot: those rows take the row parser)."""
    try:
        return np.fromiter(map(float, cells), dtype=float, count=len(cells))
    except ValueError:
        return np.array([_float_or_nan(c) for c in cells], dtype=float)


def _float_or_nan(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        return float("nan")


def _point_ok(lats: np.ndarray, lons: np.ndarray, iso3s: list[str | None]) -> np.ndarray:
    """True where ``rows.point`` accepts the point as it is (finite, in range, not 0/0, not swapped)."""
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(lats) & np.isfinite(lons) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180)
        ok &= ~((lats == 0) & (lons == 0))
    boxes = _extents()
    codes = np.array([c or "" for c in iso3s], dtype=object)
    for iso3 in set(iso3s):
        box = boxes.get(iso3) if iso3 else None
        if box is None:
            continue
        rows = codes == iso3
        lat, lon = lats[rows], lons[rows]
        outside = ~((box[0] <= lat) & (lat <= box[1]) & (box[2] <= lon) & (lon <= box[3]))
        swapped_in = (np.abs(lon) <= 90) & (box[0] <= lon) & (lon <= box[1]) & (box[2] <= lat) & (lat <= box[3])
        ok[rows] &= ~(outside & swapped_in)
    return ok


def _stamps(cells: Sequence[str], slow: np.ndarray) -> list[str | None]:
    """``timestamp`` cells as the JSON of ``extracted_at``: Unix seconds at once, other spellings one by one."""
    out: list[str | None] = [None] * len(cells)
    seconds: list[int] = []
    where: list[int] = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        if cell.isascii() and cell.isdigit() and len(cell) <= 12 and int(cell) <= _LAST_SECOND:
            seconds.append(int(cell))
            where.append(i)
            continue
        try:
            stamp = acled._timestamp(cell)
        except RowError:
            slow[i] = True
            continue
        out[i] = None if stamp is None else stamp.isoformat().replace("+00:00", "Z")
    if seconds:
        texts = np.datetime_as_string(np.array(seconds, dtype="datetime64[s]"), unit="s")
        for i, value in zip(where, texts.tolist()):
            out[i] = value + "Z"
    return out


def _sub_type(pair: tuple[str, Any]) -> str:
    cell, event_type = pair
    if event_type is _BAD:
        raise ValueError(cell)
    return acled._sub_event_type(cell, event_type)


def _assoc(pair: tuple[str, str]) -> list[str]:
    return acled._actors(assoc_actor_1=pair[0], assoc_actor_2=pair[1])


def acled_block(header: Sequence[str], block: Sequence[tuple[int, list[str]]], notices: list[str]) -> Converted:
    """Check and convert a block of ACLED records (cells in ``header`` order); see the module docstring.

    Features carry no control zone yet (``control_zone`` and ``side_of_line`` are None); rows the column
    checks do not pass on go through ``acled.row_to_event`` (its notices are added to ``notices``).
    """
    n = len(block)
    if not n:
        return []
    index = {name: i for i, name in enumerate(header) if name}
    transposed = list(zip(*(values for _, values in block)))
    empty = [""] * n

    def column(name: str) -> list[str]:
        i = index.get(name)
        return empty if i is None else list(map(str.strip, transposed[i]))

    slow = np.zeros(n, dtype=bool)
    ids = _texts(column("event_id_cnty"), 200, slow, required=True)
    dates = _mapped(column("event_date"), lambda c: day(c, "event_date").isoformat(), slow)
    precisions = _mapped(column("time_precision"), lambda c: acled._PRECISIONS[whole_number(
        c, "time_precision", low=1, high=3, default=1)], slow)  # fmt: skip
    types = _mapped(column("event_type"), acled._event_type, slow)
    sub_types = _mapped(list(zip(column("sub_event_type"), types)), _sub_type, slow)  # type: ignore[arg-type]
    pairs = list(zip(column("iso"), column("country")))
    iso3_of = {pair: acled._iso3_of(pair[0], pair[1] or None) for pair in set(pairs)}
    iso3s = [iso3_of[pair] for pair in pairs]
    lats, lons = _floats(column("latitude")), _floats(column("longitude"))
    slow |= ~_point_ok(lats, lons, iso3s)
    fatalities = _mapped(column("fatalities"), lambda c: whole_number(c, "fatalities", default=0), slow)
    geo = _mapped(column("geo_precision"), lambda c: whole_number(c, "geo_precision", low=1, high=3, default=1),
                  slow)  # fmt: skip
    titles = _texts(column("source"), TITLE_LIMIT, slow)  # a longer one is cut with a notice: row parser
    notes = _texts(column("notes"), NOTES_LIMIT, slow)
    texts = {name: _texts(column(name), limit, slow, required=name == "location")
             for name, limit in _TEXT_LIMITS.items()}  # fmt: skip
    assoc = _mapped(list(zip(column("assoc_actor_1"), column("assoc_actor_2"))), _assoc, slow)  # type: ignore[arg-type]
    stamps = _stamps(column("timestamp"), slow)
    lat_list, lon_list = lats.tolist(), lons.tolist()
    actor1, actor2, location = texts["actor1"], texts["actor2"], texts["location"]
    admin1, admin2, country = texts["admin1"], texts["admin2"], texts["country"]
    out: Converted = []
    for i, is_slow in enumerate(slow.tolist()):
        number = block[i][0]
        if is_slow:
            out.append(_by_row_parser(header, block[i], notices))
            continue
        source_id = acled.SOURCE_PREFIX + ids[i]  # type: ignore[operator]
        event_id = acled.event_id(ids[i])  # type: ignore[arg-type]
        killed = fatalities[i]
        props = {
            "id": event_id, "event_date": dates[i], "date_precision": precisions[i], "event_type": types[i],
            "sub_event_type": sub_types[i], "actor1": actor1[i], "actor2": actor2[i],
            "assoc_actors": list(assoc[i]), "location": location[i], "admin1": admin1[i], "admin2": admin2[i],
            "country": country[i], "iso3": iso3s[i], "geo_precision": geo[i], "place_id": None,
            "fatalities_best": killed, "fatalities_low": killed, "fatalities_high": killed,
            "claims": [{"source_id": source_id, "claimant": acled.CLAIMANT, "kind": "killed", "low": killed,
                        "high": killed, "vague": False, "detail": None, "evidence": []}],
            "sources": [{"id": source_id, "publisher": acled.CLAIMANT, "title": titles[i], "url": None,
                         "published": None}],
            "control_zone": None, "side_of_line": None, "notes": notes[i], "geocoder": acled.GEOCODER,
            "confidence": None, "extracted_at": stamps[i],
        }  # fmt: skip
        geometry = {"type": "Point", "coordinates": [lon_list[i], lat_list[i]]}
        out.append((number, {"type": "Feature", "id": event_id, "geometry": geometry, "properties": props}, None))
    return out


def _by_row_parser(header: Sequence[str], record: tuple[int, list[str]], notices: list[str]) -> tuple[
        int, dict[str, Any] | None, RowProblem | None]:  # fmt: skip
    number, values = record
    row = {name: value.strip() for name, value in zip(header, values) if name}
    try:
        event = acled.row_to_event(row, notices, number)
    except RowError as err:
        return number, None, RowProblem(number, err.reason, err.column)
    return number, event.to_feature(), None


__all__ = ["Converted", "acled_block"]
