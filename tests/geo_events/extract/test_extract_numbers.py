"""Quantities in words or digits with their qualifiers (geo_events.extract.numbers)."""

from __future__ import annotations

import pytest

from geo_events.extract.numbers import find_quantities, words_to_int


@pytest.mark.parametrize(
    ("text", "low", "high", "vague"),
    [
        ("at least 100", 100, None, False),
        ("more than 100", 100, None, False),
        ("over 1,200", 1200, None, False),
        ("as many as 100", None, 100, False),
        ("up to 30", None, 30, False),
        ("nearly a hundred", None, 100, False),
        ("some 25", 25, 25, False),
        ("two", 2, 2, False),
        ("a hundred", 100, 100, False),
        ("twenty-five", 25, 25, False),
        ("between 10 and 20", 10, 20, False),
        ("10-15", 10, 15, False),
        ("dozens", 12, None, True),
        ("scores", 40, None, True),
        ("hundreds", 100, None, True),
    ],
)
def test_quantity_bounds(text: str, low: int | None, high: int | None, vague: bool) -> None:
    found = find_quantities(f"officials said {text} people were killed")
    assert found, text
    first = found[0]
    assert (first.low, first.high, first.vague) == (low, high, vague)
    assert first.text.lower() == text.lower()


@pytest.mark.parametrize(
    ("words", "value"),
    [("one", 1), ("twelve", 12), ("forty two", 42), ("two hundred and fifty", 250), ("a thousand", 1000),
     ("3,400", 3400), ("banana", None)],
)
def test_words_to_int(words: str, value: int | None) -> None:
    assert words_to_int(words) == value


def test_offsets_point_into_the_text() -> None:
    text = "The toll rose to at least 31 on Monday."
    (quantity,) = find_quantities(text)
    assert text[quantity.start : quantity.end] == "at least 31"
