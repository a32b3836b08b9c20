"""Dated lines from files: a de-confliction or front line as a series of snapshots or dated features.

The same two shapes as ``read_series`` for zones: a **folder of snapshots** (``2022-03-01.geojson``, one
LineString/MultiLineString feature each, the date in the file name; a snapshot holds until the day before
the next, the last on its own date unless ``until``), or **one file** whose line features have
``valid_from`` and optional ``valid_to`` (empty: still so). ``LineSeries.line_on(day)`` answers like
``geo_events.zones.ZoneData.line_on`` (the latest-starting line valid that day), so a ``ZoneHistory``
takes either; ``MergedLines`` asks several in turn (imported before bundled).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo_events.errors import DataError
from geo_events.zone_history.snapshots import dated_snapshots
from geo_events.zone_history.model import OPEN_END

_LINES = ("LineString", "MultiLineString")


@dataclass(frozen=True)
class DatedLine:
    """A line valid from ``valid_from`` to ``valid_to`` (inclusive), with its properties."""

    properties: dict[str, Any]
    geometry: BaseGeometry
    valid_from: date
    valid_to: date

    def valid_on(self, day: date) -> bool:
        """True when the line holds on ``day``."""
        return self.valid_from <= day <= self.valid_to


class LineSource(Protocol):
    """Anything that answers the line of a day (``ZoneData``, ``LineSeries``, ``MergedLines``)."""

    def line_on(self, day: date) -> Any:
        """Return the line valid on ``day`` (with ``properties`` and ``geometry``) or None."""


class LineSeries:
    """Dated lines read from files; ``line_on(day)`` is the latest-starting line valid that day."""

    def __init__(self, lines: Sequence[DatedLine]) -> None:
        self.lines = sorted(lines, key=lambda line: line.valid_from)

    def line_on(self, day: date) -> DatedLine | None:
        """Return the line valid on ``day`` (the latest starting one), or None."""
        valid = [line for line in self.lines if line.valid_on(day)]
        return valid[-1] if valid else None

    def change_dates(self) -> list[date]:
        """The days a line starts (the line moves on them)."""
        return sorted({line.valid_from for line in self.lines})

    def features(self) -> list[dict[str, Any]]:
        """Every dated line as an RFC 7946 Feature with ``valid_from`` / ``valid_to`` (None: still so)."""
        return [
            {"type": "Feature", "id": line.properties.get("id"), "geometry": line.geometry.__geo_interface__,
             "properties": {**line.properties, "valid_from": line.valid_from.isoformat(),
                            "valid_to": None if line.valid_to == OPEN_END else line.valid_to.isoformat()}}
            for line in self.lines
        ]


class MergedLines:
    """Several line sources asked in turn: the first that has a line for the day answers."""

    def __init__(self, sources: Sequence[LineSource]) -> None:
        self.sources = [s for s in sources if s is not None]

    def line_on(self, day: date) -> Any:
        """Return the first source's line valid on ``day``, or None."""
        for source in self.sources:
            line = source.line_on(day)
            if line is not None:
                return line
        return None


def is_line_file(path: str | Path) -> bool:
    """True when a GeoJSON file, or the first snapshot of a folder, holds lines rather than polygons."""
    source = Path(path)
    if source.is_dir():
        files = sorted(f for f in source.iterdir() if f.suffix.lower() in (".geojson", ".json"))
        if not files:
            return False
        source = files[0]
    if source.suffix.lower() not in (".geojson", ".json"):
        return False
    try:
        features = json.loads(source.read_text(encoding="utf-8")).get("features") or []
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return False  # read_series reports what is wrong with it
    types = {(f.get("geometry") or {}).get("type") for f in features if isinstance(f, dict)}
    return bool(types) and types <= set(_LINES)


def read_lines(path: str | Path, until: date | None = None, origin: str = "imported") -> LineSeries:
    """Read a folder of dated line snapshots or one file of dated line features (module docstring).

    Raises ``DataError`` naming the file, the feature and the field, with a fix.
    """
    source = Path(path)
    if not source.exists():
        raise DataError(f"{source}: no such file or folder; give a folder of YYYY-MM-DD*.geojson line "
                        "snapshots or one GeoJSON file of lines with valid_from/valid_to")
    if source.is_dir():
        return _read_snapshots(source, until, origin)
    lines = []
    for index, feature in enumerate(_features(source)):
        props = dict(feature.get("properties") or {})
        geometry = _line(feature, source.name, index)
        try:
            valid_from = date.fromisoformat(str(props["valid_from"])[:10])
        except (KeyError, ValueError) as err:
            raise DataError(f"{source.name}: line feature {index} needs valid_from as YYYY-MM-DD (field "
                            "'valid_from'), or pass a folder of dated snapshots") from err
        raw_to = props.get("valid_to")
        try:
            valid_to = date.fromisoformat(str(raw_to)[:10]) if raw_to not in (None, "") else OPEN_END
        except ValueError as err:
            raise DataError(f"{source.name}: line feature {index}: valid_to must be YYYY-MM-DD or empty "
                            "(field 'valid_to')") from err
        if valid_to < valid_from:
            raise DataError(f"{source.name}: line feature {index}: valid_to {valid_to} is before valid_from "
                            f"{valid_from} (field 'valid_to')")
        props.setdefault("id", feature.get("id") or f"{source.stem}-{index}")
        props.setdefault("source", source.name)
        props.setdefault("origin", origin)
        lines.append(DatedLine(_properties(props, valid_from, valid_to), geometry, valid_from, valid_to))
    if not lines:
        raise DataError(f"{source.name}: no line features to import")
    return LineSeries(lines)


def _read_snapshots(folder: Path, until: date | None, origin: str) -> LineSeries:
    days, dated, last_day = dated_snapshots(folder, (".geojson", ".json"), "line snapshots", until)
    lines = []
    for position, day in enumerate(days):
        end = days[position + 1] - timedelta(days=1) if position + 1 < len(days) else last_day
        features = _features(dated[day])
        if len(features) != 1:
            raise DataError(f"{dated[day].name}: a line snapshot holds exactly one line feature, found "
                            f"{len(features)}; merge the parts into one MultiLineString")
        props = dict(features[0].get("properties") or {})
        props.update(id=f"{folder.name}@{day.isoformat()}", source=props.get("source") or f"snapshot {dated[day].name}",
                     origin=origin)
        lines.append(DatedLine(_properties(props, day, end), _line(features[0], dated[day].name, 0), day, end))
    return LineSeries(lines)


def _properties(props: dict[str, Any], valid_from: date, valid_to: date) -> dict[str, Any]:
    props = {**props, "valid_from": valid_from.isoformat(),
             "valid_to": None if valid_to == OPEN_END else valid_to.isoformat()}
    props.setdefault("confidence", "control")
    return props


def _features(file: Path) -> list[dict[str, Any]]:
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise DataError(f"{file.name}: not a readable GeoJSON file ({err})") from err
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" or not isinstance(
            document.get("features"), list):
        raise DataError(f"{file.name}: expected a GeoJSON FeatureCollection with a 'features' list")
    return document["features"]


def _line(feature: dict[str, Any], file: str, index: int) -> BaseGeometry:
    try:
        geometry = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise DataError(f"{file}: feature {index} has no valid geometry ({err})") from err
    if geometry.geom_type not in _LINES or geometry.is_empty:
        raise DataError(f"{file}: feature {index} is a {geometry.geom_type}; a line series holds "
                        "LineStrings or MultiLineStrings")
    minx, miny, maxx, maxy = geometry.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise DataError(f"{file}: feature {index} has coordinates outside lon/lat range; GeoJSON is WGS84 "
                        "lon,lat (RFC 7946) — reproject it")
    return geometry


__all__ = ["DatedLine", "LineSeries", "LineSource", "MergedLines", "is_line_file", "read_lines"]
