"""Which side each canonical actor fights on, and its rank in ``seeds/actors.csv``: the facts merging needs.

A small neutral table, so ``geo_events.merge`` (and anything else outside extraction) reads the actor list
without loading the extraction package and its text matcher. ``geo_events.extract.actors`` reads the same
file for its aliases; the two agree on every name (tested).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo_events.errors import DataError
from geo_events.settings import seed_path


@dataclass(frozen=True)
class ActorSides:
    """Side and rank (position in the list, lower wins ties) of every canonical actor name."""

    sides: dict[str, str]
    ranks: dict[str, int]

    def side(self, name: str | None) -> str | None:
        """Return the side of a canonical actor name (None when unknown)."""
        return self.sides.get(name or "")

    def rank(self, name: str) -> int:
        """Return the position of an actor in the list (unknown names sort last)."""
        return self.ranks.get(name, len(self.ranks))


def read_actor_sides(path: Path) -> ActorSides:
    """Read an actor list in the layout of ``seeds/actors.csv`` (columns ``name``, ``side``, …).

    Raises
    ------
    geo_events.errors.DataError
        When the file cannot be read or a row lacks its name or side.
    """
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as err:
        raise DataError(f"cannot read actor list {path}: {err}") from err
    sides: dict[str, str] = {}
    ranks: dict[str, int] = {}
    for rank, row in enumerate(rows):
        try:
            name, side = row["name"].strip(), row["side"].strip()
        except (KeyError, AttributeError) as err:
            raise DataError(f"{path}: row {rank + 2} lacks name/side") from err
        sides[name], ranks[name] = side, rank
    return ActorSides(sides, ranks)


@lru_cache(maxsize=1)
def default_actor_sides() -> ActorSides:
    """Return the sides and ranks of the bundled actor list (cached)."""
    return read_actor_sides(seed_path("actors.csv"))


__all__ = ["ActorSides", "default_actor_sides", "read_actor_sides"]
