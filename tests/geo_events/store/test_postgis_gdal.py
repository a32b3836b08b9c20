"""GDAL reads the PostGIS store's tables as QGIS does: ``ogrinfo``/``ogr2ogr`` over the ``PG:`` driver.

pyogrio's wheels bundle a GDAL without the PostgreSQL driver, so ``pyogrio.read_dataframe("PG:…")`` works
only with a pyogrio built against a GDAL that has it (docs/postgis.md shows both routes); Debian's
``gdal-bin`` (GDAL 3.6, installed by ``bash scripts/setup.sh test`` as root) has it. Checked: the layer's
field types, the values of every event, and an ``ogr2ogr`` copy to GeoPackage that pyogrio reads back
with typed columns.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg", reason="the PostGIS driver is not installed (pip install '.[postgis]')")

from geo_events.store import open_store  # noqa: E402

pytestmark = pytest.mark.postgis


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (Debian gdal-bin, with the PostgreSQL driver) is not installed")
    return path


def _pg(url: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(url)
    return f"PG:host={info['host']} port={info['port']} dbname={info['dbname']} user={info['user']}"


@pytest.fixture
def loaded(pg_url: str, seed_feature_collection: dict, events_120: list) -> tuple[str, list[dict]]:
    features = [*seed_feature_collection["features"], *events_120]
    store = open_store(pg_url)
    try:
        store.upsert_many(features)
        store.load_reference_layers()
    finally:
        store.close()
    return pg_url, features


def test_ogrinfo_lists_the_events_layer_with_typed_fields(loaded: tuple[str, list[dict]]) -> None:
    url, features = loaded
    done = subprocess.run([_tool("ogrinfo"), "-ro", "-so", _pg(url), "events"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"Feature Count: {len(features)}" in out
    assert "Geometry Column NOT NULL = geom" in out and 'ID["EPSG",4326]' in out
    for field in ("event_date: Date", "fatalities_best: Integer", "geo_precision: Integer(Int16)",
                  "confidence: Real", "extracted_at: DateTime", "event_type: String", "claims: String(JSON)"):
        assert field in out, field
    layers = subprocess.run([_tool("ogrinfo"), "-ro", "-q", _pg(url)], capture_output=True, text=True, timeout=60)
    names = {line.split(": ", 1)[1].split(" (")[0] for line in layers.stdout.splitlines() if ": " in line}
    assert {"events", "places", "zones", "deconfliction_line"} <= names, layers.stdout


def test_ogr2ogr_copies_the_layer_to_a_geopackage_pyogrio_reads_typed(
    loaded: tuple[str, list[dict]], tmp_path: Path
) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    url, features = loaded
    out = tmp_path / "events.gpkg"
    columns = "id,event_date,event_type,fatalities_best,geo_precision,confidence,claims"
    done = subprocess.run([_tool("ogr2ogr"), "-f", "GPKG", str(out), _pg(url), "events", "-select", columns],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    frame = pyogrio.read_dataframe(out).set_index("id").sort_index()
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert str(frame["fatalities_best"].dtype) == "int32"
    assert str(frame["confidence"].dtype) == "float64"
    assert frame.crs.to_epsg() == 4326
    expected = {f["properties"]["id"]: f for f in features}
    assert sorted(frame.index) == sorted(expected)
    for fid, row in frame.iterrows():
        props = expected[fid]["properties"]
        assert row["event_date"].date().isoformat() == props["event_date"]
        assert row["fatalities_best"] == props["fatalities_best"]
        assert row["event_type"] == props["event_type"]
        assert (row.geometry.x, row.geometry.y) == pytest.approx(tuple(expected[fid]["geometry"]["coordinates"][:2]))


def test_pyogrio_reads_pg_directly_when_its_gdal_has_the_driver(loaded: tuple[str, list[dict]]) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    if "PostgreSQL" not in pyogrio.list_drivers():
        pytest.skip(f"this pyogrio's GDAL {pyogrio.__gdal_version_string__} has no PostgreSQL driver (the PyPI "
                    "wheels); see docs/postgis.md for ogr2ogr → GPKG or pyogrio built on Debian's GDAL")
    url, features = loaded
    frame = pyogrio.read_dataframe(_pg(url), layer="events", columns=["id", "event_date", "fatalities_best"])
    assert len(frame) == len(features)
    assert str(frame["fatalities_best"].dtype) == "int32"
    assert str(frame["event_date"].dtype).startswith("datetime64")
