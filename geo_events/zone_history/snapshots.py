"""A folder of dated snapshots (``2022-03-01.geojson``, …): their days, files and the last day they cover."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from geo_events.errors import DataError

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


def dated_snapshots(folder: Path, suffixes: tuple[str, ...], what: str,
                    until: date | None = None) -> tuple[list[date], dict[date, Path], date]:
    """Return the snapshot days in order, the file of each day and the last day covered (``until`` or the last
    snapshot's day); ``DataError`` with the fix for a file without a date, a bad date, two files of one day, an
    empty folder or an ``until`` before the last snapshot. ``what`` names the snapshots in messages."""
    dated: dict[date, Path] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in suffixes:
            continue
        found = _DATE_IN_NAME.search(file.name)
        if not found:
            raise DataError(f"{file.name}: no YYYY-MM-DD date in the file name; name snapshots like 2022-03-01.geojson")
        try:
            day = date.fromisoformat(found.group(1))
        except ValueError as err:
            raise DataError(f"{file.name}: {found.group(1)} is not a real date") from err
        if day in dated:
            raise DataError(f"{file.name} and {dated[day].name} are both snapshots of {day}; keep one per day")
        dated[day] = file
    if not dated:
        raise DataError(f"{folder}: no *.geojson {what}; name them by date, e.g. 2022-03-01.geojson")
    days = sorted(dated)
    last_day = until or days[-1]
    if last_day < days[-1]:
        raise DataError(f"until {last_day} is before the last snapshot {days[-1]}")
    return days, dated, last_day


__all__ = ["dated_snapshots"]
