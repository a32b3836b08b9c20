"""The coverage set of issue 14: places conflict reporting names that GeoNames cities500 lacks or misplaces
(tests/data/geocoder_coverage.csv), with lookalikes where the bigger town must keep its name."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo_events.gazetteer import Gazetteer

COVERAGE = Path(__file__).resolve().parents[2] / "data" / "geocoder_coverage.csv"
GROUPS = ["cov_places", "cov_facilities", "cov_maritime", "cov_present", "cov_lookalikes"]


def _rows() -> list[dict[str, str]]:
    with COVERAGE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_coverage_set_is_large_and_varied() -> None:
    rows = _rows()
    assert {row["group"] for row in rows} == set(GROUPS)
    assert len(rows) >= 400 and len({row["country"] for row in rows}) >= 30


@pytest.mark.parametrize("group", GROUPS)
def test_coverage_rows_resolve_at_least_95_percent_per_group(group: str) -> None:
    from benchmarks.bench_geocoder import world_misses

    rows = [row for row in _rows() if row["group"] == group]
    misses = world_misses(Gazetteer.default(), rows)
    assert len(misses) <= 0.05 * len(rows), misses


def test_numbered_sites_are_places_but_numbered_channels_are_not() -> None:
    gazetteer = Gazetteer.default()
    tower = gazetteer.search("Tower 22", context=["Jordan"], limit=1)
    assert tower and tower[0].place.id == "ge:tower-22"
    assert gazetteer.search("France 24") == [] and gazetteer.search("Kurdistan 24") == []


def test_curated_villages_do_not_take_the_name_of_a_bigger_town() -> None:
    gazetteer = Gazetteer.default()
    assert gazetteer.search("Palma", limit=1)[0].place.country == "ES"
    assert gazetteer.search("Palma", context=["Mozambique", "Cabo Delgado"], limit=1)[0].place.id == "ge:palma-mz"
    assert gazetteer.search("Blida", limit=1)[0].place.country == "DZ"
    assert gazetteer.search("Blida", context=["Lebanon"], limit=1)[0].place.id == "ge:blida-lb"
    assert gazetteer.search("Erbil", context=["Iraq"], limit=1)[0].place.kind == "city"
