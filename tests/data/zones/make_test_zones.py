"""Write the made-up snapshot series and the dated-states file of ``tests/data/zones/`` (run from the repo root).

Four 0.1° cells in a row (lon 30.0-30.4, lat 50.0-50.1). 2022-03-01: Blue holds cells 0-1, Red 2-3;
2022-03-08: Red has taken cell 1; 2022-03-15: Blue has retaken cell 1 and taken cell 2.
The line series (``lines/``, ``dated_lines.geojson``) is the front line between Blue and Red on those days:
lon 30.2, then 30.1, then 30.3, from lat 49.95 to 50.15 with a kink at 50.05.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
SNAPSHOTS = {"2022-03-01": ["Blue", "Blue", "Red", "Red"], "2022-03-08": ["Blue", "Red", "Red", "Red"],
             "2022-03-15": ["Blue", "Blue", "Blue", "Red"]}
SOURCE = "made-up test front, geo-events tests (2026-12)"
LINE_X = {"2022-03-01": 30.2, "2022-03-08": 30.1, "2022-03-15": 30.3}


def front_line(x: float) -> dict:
    """Return the made-up front line at lon ``x`` as a GeoJSON LineString (south to north)."""
    return {"type": "LineString", "coordinates": [[x, 49.95], [round(x + 0.01, 2), 50.05], [x, 50.15]]}


def cell(index: int) -> dict:
    """Return cell ``index`` as a GeoJSON Polygon (counter-clockwise, RFC 7946)."""
    x0, y0 = round(30.0 + 0.1 * index, 1), 50.0
    x1, y1 = round(x0 + 0.1, 1), 50.1
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def main() -> None:
    """Write the three snapshots and ``dated_states.geojson``."""
    (HERE / "snapshots").mkdir(exist_ok=True)
    for day, owners in SNAPSHOTS.items():
        features = [{"type": "Feature", "geometry": cell(i), "properties": {"side": owner, "cell": i}}
                    for i, owner in enumerate(owners)]
        collection = {"type": "FeatureCollection", "name": f"front {day}", "source": SOURCE, "features": features}
        (HERE / "snapshots" / f"{day}.geojson").write_text(json.dumps(collection, indent=1) + "\n")
    days = list(SNAPSHOTS)
    ends = ["2022-03-07", "2022-03-14", "2022-03-15"]
    features = []
    for i in range(4):
        for day, end in zip(days, ends):
            features.append({"type": "Feature", "geometry": cell(i), "properties": {
                "area_id": f"cell-{i}", "controller": SNAPSHOTS[day][i], "valid_from": day, "valid_to": end,
                "confidence": "control", "sources": [SOURCE]}})
    collection = {"type": "FeatureCollection", "name": "made-up front as dated states", "source": SOURCE,
                  "features": features}
    (HERE / "dated_states.geojson").write_text(json.dumps(collection, indent=1) + "\n")
    (HERE / "lines").mkdir(exist_ok=True)
    for day, x in LINE_X.items():
        feature = {"type": "Feature", "geometry": front_line(x), "properties": {"name": "Blue-Red front line"}}
        collection = {"type": "FeatureCollection", "name": f"front line {day}", "source": SOURCE, "features": [feature]}
        (HERE / "lines" / f"front-line_{day}.geojson").write_text(json.dumps(collection, indent=1) + "\n")
    features = [{"type": "Feature", "id": f"front-line-{day}", "geometry": front_line(x),
                 "properties": {"name": "Blue-Red front line", "valid_from": day, "valid_to": end, "source": SOURCE}}
                for (day, x), end in zip(LINE_X.items(), ends)]
    collection = {"type": "FeatureCollection", "name": "made-up front line as dated lines", "source": SOURCE,
                  "features": features}
    (HERE / "dated_lines.geojson").write_text(json.dumps(collection, indent=1) + "\n")


if __name__ == "__main__":
    main()
