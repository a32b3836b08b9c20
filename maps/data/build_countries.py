"""Rebuild ``countries_110m.geojson`` (offline basemap outlines) from Natural Earth 1:110m countries.

The input is the ``naturalearth_lowres`` shapefile that the ``pyogrio`` wheel on PyPI ships among its test
fixtures (Natural Earth "Admin 0 – Countries" at 1:110m, public domain). Only ``name`` and ``iso_a3`` are
kept and coordinates are rounded to 3 decimals (~100 m), which is finer than the 1:110m source.

Run: ``python -m maps.data.build_countries``
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("countries_110m.geojson")


def _round(coords: object) -> object:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), 3) for c in coords[:2]]
    return [_round(c) for c in coords]  # type: ignore[union-attr]


def build(out: Path = OUT) -> Path:
    """Write the simplified country outlines to ``out`` and return it."""
    import pyogrio
    from shapely.geometry import mapping

    source = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    frame = pyogrio.read_dataframe(source)
    features = []
    for row in frame.itertuples():
        geometry = mapping(row.geometry)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row.name, "iso_a3": row.iso_a3},
                "geometry": {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "name": "Natural Earth 1:110m countries (public domain), via the pyogrio test fixture",
        "features": features,
    }
    out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return out


if __name__ == "__main__":
    print(build())
