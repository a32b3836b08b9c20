"""geo_events.actor_sides: the side/rank table merging reads agrees with the extraction's actor list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from geo_events.actor_sides import default_actor_sides, read_actor_sides
from geo_events.errors import DataError
from geo_events.extract.actors import default_actors


def test_every_actor_has_the_side_and_rank_the_extractor_gives_it() -> None:
    table, actors = default_actor_sides(), default_actors()
    assert len(table.sides) == len(actors.actors) > 20
    for name in actors.actors:
        assert (table.side(name), table.rank(name)) == (actors.side(name), actors.rank(name)), name
    for unknown in ("Nobody in particular", ""):
        assert table.side(unknown) is None and table.rank(unknown) == actors.rank(unknown)
    assert table.side("Syrian Democratic Forces") == table.side("US-led coalition") == "coalition"


def test_merge_reads_the_table_without_loading_the_extraction_package() -> None:
    code = "import sys, geo_events.merge as m; m._actors(); print([k for k in sys.modules if k.startswith('geo_events.extract')])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_row_without_a_side_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("name,kind\nSomeone,state\n", encoding="utf-8")
    with pytest.raises(DataError, match="row 2 lacks name/side"):
        read_actor_sides(path)
    with pytest.raises(DataError, match="cannot read actor list"):
        read_actor_sides(tmp_path / "missing.csv")
