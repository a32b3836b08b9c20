"""QGIS 3.22 (Debian's, headless) as a real OGC API – Features client of a live ``geo-events serve``.

Skipped when QGIS is not installed (``apt-get install -y qgis python3-qgis``, ~3.5 min). PyQGIS lives in
Debian's own Python, so the layer is read in a ``/usr/bin/python3`` subprocess that prints JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from geo_events.store import GeoJSONFileStore

ROOT = Path(__file__).resolve().parents[2]
QGIS_PYTHON = os.environ.get("GEO_EVENTS_QGIS_PYTHON", "/usr/bin/python3")

PROBE = r"""
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes
app = QgsApplication([], False)
app.initQgis()
out = {}
for name in sys.argv[2:]:
    layer = QgsVectorLayer(f"url='{sys.argv[1]}' typename='{name}'", name, "OAPIF")
    fields = {f.name(): f.typeName() for f in layer.fields()}
    rows = []
    for number, feature in enumerate(layer.getFeatures()):
        if number >= 20:
            break
        rows.append({k: (None if feature[k] is None or str(feature[k]) == "NULL" else str(feature[k]))
                     for k in fields})
    out[name] = {"valid": layer.isValid(), "geometry": QgsWkbTypes.displayString(layer.wkbType()),
                 "fields": fields, "rows": rows}
    del layer
app.exitQgis()
print(json.dumps(out))
"""


def _qgis_available() -> bool:
    if not shutil.which(QGIS_PYTHON) and not Path(QGIS_PYTHON).exists():
        return False
    done = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True, timeout=60)
    return done.returncode == 0


pytestmark = pytest.mark.skipif(not _qgis_available(), reason="QGIS (python3-qgis) is not installed")


@pytest.fixture(scope="module")
def live(tmp_path_factory, live_server_class) -> Iterator:
    folder = tmp_path_factory.mktemp("qgis")
    seed = json.loads((ROOT / "seeds" / "events.geojson").read_text(encoding="utf-8"))["features"]
    store = GeoJSONFileStore(folder / "events.geojson")
    store.upsert_many(seed)
    store.compact()
    server = live_server_class(folder / "events.geojson")
    httpx.get(f"{server.url}/collections", timeout=300, trust_env=False)  # build the gazetteer layers first
    try:
        yield server
    finally:
        server.close()


def qgis_read(url: str, *layers: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "NO_PROXY": "127.0.0.1,localhost"})
    done = subprocess.run([QGIS_PYTHON, "-c", PROBE, url, *layers], capture_output=True, text=True,
                          timeout=300, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_qgis_reads_claims_sources_and_actors(live):
    """QGIS 3.22 typed `claims`/`sources` from the first page as JSON and read every value as NULL."""
    layer = qgis_read(live.url, "events")["events"]
    assert layer["valid"] and layer["geometry"] == "Point"
    assert layer["fields"]["event_date"] == "Date"
    for name in ("claims", "sources", "assoc_actors"):
        assert layer["fields"][name] == "String", (name, layer["fields"][name])
    (row,) = layer["rows"]
    served = live.get("/events/evt-20c8fef169f3").json()["properties"]
    for name in ("claims", "sources", "assoc_actors"):
        assert row[name] is not None, name
        assert json.loads(row[name]) == served[name]


def test_qgis_types_each_gazetteer_layer_with_its_one_geometry_type(live):
    layers = qgis_read(live.url, "place-lines", "place-areas")
    if not layers["place-areas"]["rows"]:
        pytest.skip("the gazetteer is not installed")
    assert layers["place-lines"]["geometry"] == "MultiLineString"
    assert layers["place-areas"]["geometry"] == "MultiPolygon"
    assert layers["place-areas"]["fields"]["population"] == "Integer"
