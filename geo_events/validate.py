"""Check GeoJSON (or CSV) event files against the event model and list every bad feature and field."""

from __future__ import annotations

import json
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
            for e in err.errors():
                loc = ".".join(str(p) for p in e["loc"]) or "feature"
                problems.append(Problem(index, fid, loc, e["msg"]))
            continue
        if fid in seen:
            problems.append(Problem(index, fid, "id", f"duplicate of feature {seen[fid]}"))
        else:
            seen[fid] = index  # type: ignore[index]
    return problems


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
