"""Absolute and relative dates resolved against the publication date (geo_events.extract.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from geo_events.extract.dates import find_dates, infer_anchor

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
        ("this afternoon", date(2018, 2, 8), "day"),
        ("earlier this evening", date(2018, 2, 8), "day"),
        ("last evening", date(2018, 2, 7), "day"),
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


def _days(text: str) -> list[tuple[str, str]]:
    from geo_events.extract import extract_events

    out = extract_events(text, published=None)
    return [(f["properties"]["location"], f["properties"]["event_date"]) for f in out["features"]]


def test_undated_text_year_less_day_takes_the_year_of_the_full_date_before_it() -> None:
    # no publication date: "5 March" lies after the text's latest full date (the stand-in anchor), and was
    # dropped as a "future" date before; it is the year of the date written before it
    text = ("Gunmen killed five villagers in Kauru on 3 March 2023. "
            "On 5 March, troops clashed with bandits near Birnin Gwari.")
    assert _days(text) == [("Kauru", "2023-03-03"), ("Birnin Gwari", "2023-03-05")]


def test_undated_text_year_less_day_crosses_new_year() -> None:
    text = ("Gunmen killed five villagers in Kauru on 28 December 2022. "
            "On 3 January, troops clashed with bandits near Birnin Gwari.")
    assert _days(text)[1] == ("Birnin Gwari", "2023-01-03")


def test_written_dates_give_the_nearest_year_and_relative_words_keep_the_limit() -> None:
    text = "The raid on 28 December 2022 was followed by an ambush on 3 January and strikes in April."
    anchor = date(2022, 12, 28)
    written = [(text.index("28 December"), anchor)]
    found = {m.text: m.date for m in find_dates(text, anchor, written=written)}
    assert found["3 January"] == date(2023, 1, 3)
    assert "April" not in " ".join(found)  # a month alone after the stand-in anchor stays dropped


@pytest.mark.parametrize("phrase, published, expected", [
    ("on the 19th", date(2023, 10, 24), date(2023, 10, 19)),
    ("on the 28th", date(2023, 11, 3), date(2023, 10, 28)),  # a day after publication: the month before
    ("on the 19th of October", date(2023, 10, 24), date(2023, 10, 19)),
])
def test_a_day_of_the_month_alone(phrase: str, published: date, expected: date) -> None:
    assert [m.date for m in find_dates(phrase, published)] == [expected]


def test_an_undated_weekday_and_day_give_the_latest_year_they_fit() -> None:
    from geo_events.extract.dates import find_dates

    found = [m.date for m in find_dates("On Friday April 22, a bomb exploded at a shrine.", None)]
    latest = max(y for y in range(2000, date.today().year + 1)
                 if date(y, 4, 22).weekday() == 4 and date(y, 4, 22) <= date.today())
    assert found == [date(latest, 4, 22)] and latest >= 2022  # the latest past year whose 22 April is a Friday
    assert [m.date for m in find_dates("On April 22, a bomb exploded.", None)] == []  # no weekday: no year


@pytest.mark.parametrize(("phrase", "published", "expected"), [
    ("on 25/04/2024", date(2024, 5, 4), date(2024, 4, 25)),  # only day first reads
    ("on 4/25/2024", date(2024, 5, 4), date(2024, 4, 25)),  # only month first reads
    ("on 01/05/2024", date(2024, 5, 4), date(2024, 5, 1)),  # both read: the one just before publication
    ("on 5/1/2024", date(2024, 5, 4), date(2024, 5, 1)),
    ("on 05/01/2024", date(2024, 1, 9), date(2024, 1, 5)),
    ("on 3.5.2024", date(2024, 5, 4), date(2024, 5, 3)),
    ("on 01/05/2024", None, date(2024, 5, 1)),  # undated text: day first
])
def test_numeric_dates(phrase: str, published: date | None, expected: date) -> None:
    (found,) = find_dates(f"The strike came {phrase}.", published)
    assert (found.date, found.precision) == (expected, "day")


def test_numbers_that_are_no_dates() -> None:
    assert find_dates("The vote was 3/4 in 2024; code 1.5.20245; ratio 12/31/19.", date(2024, 5, 4)) == []


@pytest.mark.parametrize(("phrase", "expected"), [
    ("on Thurs.", date(2024, 3, 7)),  # headline abbreviations of a weekday
    ("late Tues", date(2024, 3, 5)),
    ("48 hours ago", date(2024, 3, 7)),  # hours counted in whole days back
    ("about 12 hours ago", date(2024, 3, 9)),
])
def test_weekday_abbreviations_and_hours_ago(phrase: str, expected: date) -> None:
    (found,) = find_dates(f"The post was hit {phrase}, officials said.", date(2024, 3, 9))
    assert (found.date, found.precision) == (expected, "day")


def test_a_night_written_with_a_slash_is_its_first_day() -> None:
    (found,) = find_dates("On the night of 14/15 March 2021, militants attacked the town.", None)
    assert (found.date, found.precision) == (date(2021, 3, 14), "day")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("2024/06/12", date(2024, 6, 12)),  # year first with slashes, as many sites print it
    ("2024-6-3", date(2024, 6, 3)),
    ("2024.06.12", date(2024, 6, 12)),
])
def test_year_first_dates_with_any_separator(phrase: str, expected: date) -> None:
    (found,) = find_dates(f"Posted on {phrase}.", None)
    assert (found.date, found.precision) == (expected, "day")
    assert find_dates("Code 2024/13/45 and 2024-02-30.", None) == []


def test_a_year_the_text_writes_beats_one_guessed_from_a_weekday() -> None:
    text = ("On October 4, rockets hit the city, which has been on fire since Friday, October 2.\n"
            "Aftermath of the shelling in the city, October 4, 2020. REUTERS")
    assert infer_anchor(text) == date(2020, 10, 4)  # not the latest October 2 that was a Friday (2026)
    # with no year written at all, the weekday still gives one
    assert infer_anchor("Rockets have hit the city since Friday, October 2.") is not None


def test_an_undated_page_takes_its_year_from_the_month_its_url_files_it_under() -> None:
    text = "Rebels fired on the police post in the early hours of March 26, residents said."
    assert infer_anchor(text, "https://news.example.org/a/2020/03/rebels-fire-on-post.html") == date(2020, 3, 31)
    assert infer_anchor(text, "https://news.example.org/2019-11/rebels-fire") == date(2019, 11, 30)
    # a dump's name is no filing month, and a year the text writes outranks the URL's
    assert infer_anchor(text, "https://mirror.example.org/wikipedia_en_all_maxi_2023-10/A/Post") is None
    assert infer_anchor("Fighting resumed on 4 May 2018 in the town.", "https://x.example/2020/03/a") == date(2018, 5, 4)


def test_a_storey_is_no_day_of_the_month() -> None:
    found = find_dates("Flats on the 11th-12th floors caught fire; a shell hit on the 9th floor.", date(2024, 9, 10))
    assert found == []
    assert [m.date for m in find_dates("Shelling resumed on the 8th, residents said.", date(2024, 9, 10))] == [
        date(2024, 9, 8)]


def test_an_undated_chronicle_reads_its_year_less_days_forward_from_the_last_full_date() -> None:
    from geo_events import extract_events

    text = ("The militia has shelled the camp since its offensive began on 13 April 2024.\n\n"
            "On 26 August, shelling of the camp killed 24 people.\n\n"
            "On 23 November, shelling of the camp near Kadugli killed seven people.\n\n"
            "The siege ended on 12 April 2025.")
    days = sorted(f["properties"]["event_date"] for f in extract_events(text, None)["features"])
    assert "2024-11-23" in days and "2023-11-23" not in days
    # a day a little before the full date is still the one before it
    back = extract_events("On 5 March 2020 the army retook Saraqib. Rebels had shelled Kadugli on 28 February.",
                          None)["features"]
    assert "2020-02-28" in {f["properties"]["event_date"] for f in back}


def test_a_comma_after_the_month_before_an_ordinal_day() -> None:
    found = find_dates("The attacks started on March, 24th and went on.", date(2021, 3, 26))
    assert [(d.date, d.precision) for d in found] == [(date(2021, 3, 24), "day")]
    assert find_dates("In May, 5 people died.", date(2021, 3, 26)) == []


def test_feast_days_date_incidents() -> None:
    found = find_dates("The officer died on Christmas day when his vehicle hit a bomb.", date(2015, 12, 26))
    assert [(d.date, d.precision) for d in found] == [(date(2015, 12, 25), "day")]
    assert [d.date for d in find_dates("Gunmen struck on New Year's Eve.", date(2016, 1, 2))] == [date(2015, 12, 31)]
    assert [d.date for d in find_dates("A bomb went off on Christmas Day 2016.", None)] == [date(2016, 12, 25)]


def test_two_days_told_as_uncertain_are_the_first_and_make_no_second_event() -> None:
    [mention] = find_dates("Rebels fired on a police post on 4 or 5 February, wounding a soldier.", PUBLISHED)
    assert (mention.date, mention.text) == (date(2018, 2, 4), "4 or 5 February")
    from geo_events import extract_events
    found = extract_events("Rebels fired on the police post in Hacarí on 4 or 5 February, wounding a soldier.",
                           "2018-02-08")["features"]
    assert [f["properties"]["event_date"] for f in found] == ["2018-02-04"]
