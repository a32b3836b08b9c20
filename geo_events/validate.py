"""Check GeoJSON (or CSV) event files against the event model and list every bad feature and field."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from geo_events.models import Event


@dataclass(frozen=True)
class Problem:
    """One problem: which feature (index and id), which field, what is wrong."""

    index: int | None
    feature_id: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = "file" if self.index is None else f"feature {self.index}"
        if self.feature_id:
            where += f" (id {self.feature_id})"
        return f"{where}: {self.field}: {self.message}"


def _reject_constant(value: str) -> float:
    raise ValueError(f"{value} is not allowed in JSON")


def validate_features(features: list[Any]) -> list[Problem]:
    """Validate each feature with the event model; return all problems (empty list: valid)."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        fid = None
        if isinstance(feature, dict):
            fid = feature.get("id") or (feature.get("properties") or {}).get("id")
            fid = str(fid) if fid is not None else None
        else:
            problems.append(Problem(index, None, "feature", "is not a JSON object"))
            continue
        try:
            Event.model_validate(feature)
        except ValidationError as err:
            found = [(".".join(str(p) for p in e["loc"]) or "feature", e["msg"]) for e in err.errors()]
            problems.extend(Problem(index, fid, loc, msg) for loc, msg in _with_independent_checks(feature, found))
            continue
        if fid in seen:
            problems.append(Problem(index, fid, "id", f"duplicate of feature {seen[fid]}"))
        else:
            seen[fid] = index  # type: ignore[index]
    return problems


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _independent_checks(feature: dict[str, Any]) -> list[tuple[str, str]]:
    """Checks the model stops short of: it reports the first bad coordinate only, and checks
    ``low <= best <= high`` only when every other field is valid. Each of these stands on its own."""
    found: list[tuple[str, str]] = []
    geometry = feature.get("geometry")
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if isinstance(coordinates, list) and len(coordinates) >= 2:
        lon, lat = coordinates[0], coordinates[1]
        if _number(lon) and math.isfinite(lon) and not -180 <= lon <= 180:
            found.append(("geometry.coordinates", f"longitude {float(lon)} out of range [-180, 180]"))
        if _number(lat) and math.isfinite(lat) and not -90 <= lat <= 90:
            found.append(("geometry.coordinates", f"latitude {float(lat)} out of range [-90, 90]"))
    props = feature.get("properties")
    if isinstance(props, dict):
        low, best, high = (props.get(f"fatalities_{k}") for k in ("low", "best", "high"))
        if all(isinstance(v, int) and not isinstance(v, bool) for v in (low, best, high)):
            if not low <= best <= high:  # type: ignore[operator]
                found.append(
                    ("properties", f"fatalities must satisfy low <= best <= high (got {low}, {best}, {high})")
                )
    return found


def _with_independent_checks(feature: dict[str, Any], found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Add the independent checks' problems to the model's, once each (the model words them the same)."""
    merged = list(found)
    for field, message in _independent_checks(feature):
        if not any(loc == field and msg.endswith(message) for loc, msg in found):
            merged.append((field, message))
    return merged


def validate_file(path: str | os.PathLike[str]) -> tuple[int, list[Problem]]:
    """Validate an events file; return (number of features, problems)."""
    path = Path(path)
    if not path.exists():
        return 0, [Problem(None, None, "path", f"{path} does not exist")]
    if path.suffix.lower() == ".csv":
        from geo_events.formats import read_events_file

        try:
            features = read_events_file(path)
        except (ValueError, UnicodeDecodeError) as err:
            return 0, [Problem(None, None, "file", f"cannot read CSV: {err}")]
        return len(features), validate_features(features)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        return 0, [Problem(None, None, "file", "is not UTF-8 text")]
    except (json.JSONDecodeError, ValueError) as err:
        return 0, [Problem(None, None, "file", f"is not valid JSON: {err}")]
    except RecursionError:
        return 0, [Problem(None, None, "file", "is not valid JSON: nested too deeply")]
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        return 0, [Problem(None, None, "type", "must be a GeoJSON FeatureCollection or Feature")]
    features = [data] if data["type"] == "Feature" else data.get("features")
    if not isinstance(features, list):
        return 0, [Problem(None, None, "features", "must be a list")]
    return len(features), validate_features(features)
