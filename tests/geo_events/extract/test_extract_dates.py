"""Absolute and relative dates resolved against the publication date (geo_events.extract.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from geo_events.extract.dates import find_dates

PUBLISHED = date(2018, 2, 8)  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("yesterday", date(2018, 2, 7), "day"),
        ("late on Wednesday", date(2018, 2, 7), "day"),
        ("overnight Wednesday to Thursday", date(2018, 2, 7), "day"),
        ("on Thursday", date(2018, 2, 8), "day"),
        ("on Monday", date(2018, 2, 5), "day"),
        ("Tuesday night", date(2018, 2, 6), "day"),
        ("two days ago", date(2018, 2, 6), "day"),
        ("last week", date(2018, 2, 1), "week"),
        ("earlier this month", date(2018, 2, 1), "month"),
        ("last month", date(2018, 1, 1), "month"),
        ("on 7 February 2018", date(2018, 2, 7), "day"),
        ("on February 7, 2018", date(2018, 2, 7), "day"),
        ("on Feb. 7", date(2018, 2, 7), "day"),
        ("on the 7th of February", date(2018, 2, 7), "day"),
        ("on 2018-02-07", date(2018, 2, 7), "day"),
        ("in January 2018", date(2018, 1, 1), "month"),
        ("on 30 December", date(2017, 12, 30), "day"),
    ],
)
def test_date_phrases(phrase: str, expected: date, precision: str) -> None:
    mentions = find_dates(f"The strike happened {phrase}, officials said.", PUBLISHED)
    assert mentions, phrase
    assert (mentions[0].date, mentions[0].precision) == (expected, precision)


def test_future_dates_are_dropped() -> None:
    assert find_dates("A vote is planned on 20 March 2018.", PUBLISHED) == []


def test_dateline_is_marked() -> None:
    text = "Headline\n08 February, 2018\nDamascus has condemned overnight strikes."
    kinds = [m.kind for m in find_dates(text, PUBLISHED)]
    assert kinds == ["dateline", "overnight"]


def test_offsets_point_into_the_text() -> None:
    text = "Coalition jets struck late on Wednesday near Hajin."
    (mention,) = find_dates(text, PUBLISHED)
    assert text[mention.start : mention.end] == "late on Wednesday"
