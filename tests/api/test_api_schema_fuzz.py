"""Property-based fuzzing of every GET operation from the OpenAPI document (schemathesis): no 500s, and
every error is the JSON ``{"detail", "field"}`` body."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from api.main import create_app  # noqa: E402
from geo_events.store import seed_store  # noqa: E402

_FOLDER = Path(tempfile.mkdtemp(prefix="geo-events-fuzz-"))
seed_store(_FOLDER / "events.geojson")
schema = (
    schemathesis.openapi.from_asgi("/openapi.json", create_app(_FOLDER / "events.geojson"))
    .include(method="GET")
    .exclude(path_regex=r"^/(maps/|events\.gpkg|docs)")
)


@pytest.fixture(scope="module", autouse=True)
def _remove_store():
    yield
    shutil.rmtree(_FOLDER, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_get_operations_never_fail_with_500(case):
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text)
    if response.status_code >= 400:
        assert set(response.json()) == {"detail", "field"}
