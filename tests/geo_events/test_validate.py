"""validate_file lists every bad feature and field."""

from __future__ import annotations

import json
from pathlib import Path

from geo_events.validate import validate_file


def test_seed_file_is_valid() -> None:
    count, problems = validate_file(Path(__file__).resolve().parents[2] / "seeds" / "events.geojson")
    assert count == 1 and problems == []


def test_every_bad_feature_is_listed(seed_feature_collection: dict, tmp_path: Path) -> None:
    good = seed_feature_collection["features"][0]
    bad_date = json.loads(json.dumps(good))
    bad_date["properties"]["id"] = bad_date["id"] = "evt-b"
    bad_date["properties"]["event_date"] = "2018-02-30"
    bad_lat = json.loads(json.dumps(good))
    bad_lat["properties"]["id"] = bad_lat["id"] = "evt-c"
    bad_lat["geometry"]["coordinates"] = [40.0, 95.0]
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, bad_date, bad_lat, good]}))
    count, problems = validate_file(path)
    assert count == 4
    found = {(p.index, p.feature_id, p.field) for p in problems}
    assert (1, "evt-b", "properties.event_date") in found
    assert (2, "evt-c", "geometry.coordinates") in found
    assert (3, good["id"], "id") in found  # duplicate id


def test_not_json_nan_and_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    path.write_text("{not json")
    assert validate_file(path)[1][0].field == "file"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
                    '{"type": "Point", "coordinates": [NaN, 1]}, "properties": {}}]}')
    assert "NaN" in validate_file(path)[1][0].message
    path.write_text('{"type": "Topology"}')
    assert validate_file(path)[1][0].field == "type"
    assert validate_file(tmp_path / "missing.geojson")[1][0].field == "path"


def _variant(good: dict, **props) -> dict:
    feature = json.loads(json.dumps(good))
    feature["properties"].update(props)
    return feature


def test_both_bad_coordinates_are_reported(seed_feature_collection: dict) -> None:
    """Longitude 200 and latitude 95 are two problems (the model stops at the first)."""
    from geo_events.validate import validate_features

    feature = _variant(seed_feature_collection["features"][0])
    feature["geometry"]["coordinates"] = [200.0, 95.0]
    messages = [p.message for p in validate_features([feature]) if p.field == "geometry.coordinates"]
    assert len(messages) == 2
    assert any("longitude 200.0" in m for m in messages) and any("latitude 95.0" in m for m in messages)


def test_low_above_best_is_reported_beside_other_errors(seed_feature_collection: dict) -> None:
    from geo_events.validate import validate_features

    feature = _variant(seed_feature_collection["features"][0], fatalities_low=500, event_date="2018-02-30")
    problems = validate_features([feature])
    fields = [p.field for p in problems]
    assert "properties.event_date" in fields
    assert any("low <= best <= high" in p.message for p in problems)
    alone = validate_features([_variant(seed_feature_collection["features"][0], fatalities_low=500)])
    assert len([p for p in alone if "low <= best <= high" in p.message]) == 1  # reported once
