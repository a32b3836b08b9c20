"""``open_store`` dispatches by URL scheme through the backend registry (no PostgreSQL needed here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo_events.errors import StoreError
from geo_events.store import BACKENDS, SCHEMES, backend_of, open_store, redact, seed_store, store_target


@pytest.mark.parametrize(
    ("target", "backend"),
    [
        ("events.geojson", "geojson"),
        ("/data/events.geojson", "geojson"),
        ("file:///data/events.geojson", "geojson"),
        ("C:/data/events.geojson", "geojson"),
        ("postgresql://u@h:5432/db", "postgis"),
        ("postgres://u@h/db", "postgis"),
        (Path("postgresql://u@h:5432/db"), "postgis"),  # a CLI option typed as a path folds the //
    ],
)
def test_backend_of_reads_the_scheme(target: object, backend: str) -> None:
    assert backend_of(target) == backend  # type: ignore[arg-type]
    assert backend in BACKENDS and set(SCHEMES.values()) <= set(BACKENDS)


def test_a_url_folded_by_pathlib_is_repaired() -> None:
    assert store_target(Path("postgresql://u@h:5432/db?sslmode=require")) == "postgresql://u@h:5432/db?sslmode=require"
    assert store_target("relative/events.geojson") == "relative/events.geojson"


def test_unknown_schemes_are_refused_with_the_fix() -> None:
    with pytest.raises(StoreError, match="unknown store URL scheme 'mysql'.*postgresql://"):
        open_store("mysql://db.example/events")
    with pytest.raises(StoreError, match="unknown store backend 'nope'"):
        open_store("x.geojson", backend="nope")


def test_redact_hides_passwords_only() -> None:
    assert redact("postgresql://ana:s3cret@h:5432/db") == "postgresql://ana:***@h:5432/db"
    assert redact("postgresql://ana@h/db") == "postgresql://ana@h/db"


def test_file_url_and_seed_store_open_the_file_store(tmp_path: Path) -> None:
    seeded = seed_store(tmp_path / "seed.geojson")
    assert seeded.backend == "geojson" and len(seeded) >= 1
    again = open_store(f"file://{tmp_path / 'seed.geojson'}")
    assert len(again) == len(seeded)
