"""The synthetic event generator: deterministic, valid events, the store's snapshot layout, honest counts."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from benchmarks.generate import (
    BACKGROUND_BBOX,
    FIRST_DAY,
    LAST_DAY,
    TOWNS,
    expected_count,
    iter_features,
    load_columns,
    write_store_file,
)
from geo_events.models import Event
from geo_events.query import EventQuery
from geo_events.store import GeoJSONFileStore
from geo_events.taxonomy import EVENT_TYPES


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gen") / "events.geojson"
    return write_store_file(path, 600, seed=11)


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path, generated: Path) -> None:
    again = write_store_file(tmp_path / "again.geojson", 600, seed=11)
    other = write_store_file(tmp_path / "other.geojson", 600, seed=12)
    assert again.read_bytes() == generated.read_bytes()
    assert other.read_bytes() != generated.read_bytes()


def test_every_event_is_valid_and_realistic() -> None:
    features = list(iter_features(400, seed=3))
    events = [Event.model_validate(f) for f in features]
    assert len({e.id for e in events}) == 400
    assert {e.properties.event_type for e in events} <= set(EVENT_TYPES)
    assert all(FIRST_DAY <= e.properties.event_date <= LAST_DAY for e in events)
    assert all(1 <= len(e.properties.claims) <= 3 and e.properties.sources for e in events)
    minx, miny, maxx, maxy = BACKGROUND_BBOX
    assert all(minx - 1 <= e.lon <= maxx + 1 and miny - 1 <= e.lat <= maxy + 1 for e in events)
    # clustered: most events lie within ~0.3° of a Euphrates town
    towns = np.array([(lon, lat) for _, lat, lon, *_ in TOWNS])
    near = [np.min(np.hypot(towns[:, 0] - e.lon, towns[:, 1] - e.lat)) < 0.3 for e in events]
    assert sum(near) / len(near) > 0.6


def test_file_is_exactly_the_snapshot_the_store_writes(tmp_path: Path, generated: Path) -> None:
    copy = tmp_path / "copy.geojson"
    shutil.copy(generated, copy)
    store = GeoJSONFileStore(copy)
    assert len(store) == 600
    store.compact()
    assert copy.read_bytes() == generated.read_bytes()


def test_expected_count_matches_the_store(generated: Path) -> None:
    columns = load_columns(generated)
    store = GeoJSONFileStore(generated)
    bbox = (39.5, 34.4, 41.0, 35.6)
    start, end = date(2017, 6, 1), date(2018, 6, 30)
    want = expected_count(columns, bbox, start, end)
    assert 0 < want < 600
    assert store.count(EventQuery(bbox=bbox, start=start, end=end)) == want
    assert expected_count(columns) == 600
