"""Dates in news text, absolute or relative to the publication date, with their precision.

Absolute forms: ``2018-02-07`` (or ``2018/02/07``), ``07/02/2018`` (day first unless only month first reads, or is nearer before
publication), ``7 February 2018``, ``7th of Feb.``, ``February 7, 2018``, ``Feb 7``
(a missing year is the publication year, or the year before when that would lie in the future) and
``February 2018`` (month precision). Relative forms are resolved against ``published``:

* weekdays ("on Wednesday", "late on Wednesday", "overnight Wednesday to Thursday", "Tuesday night")
  → the latest such day on or before publication (the first weekday of a range), precision ``day``;
* "yesterday", "last night", "overnight" → the day before; "today", "this morning/afternoon/evening" → the same day;
* "two days ago", "48 hours ago" → N days before; "last week" → 7 days before, precision ``week``;
* "this week" / "earlier this week" → the publication date, precision ``week``;
* "earlier this month" → the 1st of the publication month, "last month" → the 1st of the month
  before, precision ``month``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from geo_events.extract.matcher import PrefixScanner, lower_same_length
from geo_events.extract.numbers import words_to_int

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
#: Month names and their abbreviations (lower case) → month number.
MONTH_NUMBERS = _MONTHS
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "tues": 1, "weds": 2, "thurs": 3}  # (headline abbreviations: "on Thurs.")
_MONTH = r"(?P<{g}>january|february|march|april|may|june|july|august|september|october|november|december" \
         r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
# (a range or pair of days, or two days told as uncertain, "on 24 or 25 August": coded on the first)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:[-–/]|and|to|or)\s*[0-3]?\d(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<iso>(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?!\d))"  # (and 2024/06/12)
    # "01/05/2024", "1.5.2024": day and month in either order (see ``_numeric_date``)
    r"|(?P<num>(?P<n1>[0-3]?\d)(?P<nsep>[/.])(?P<n2>[0-3]?\d)(?P=nsep)(?P<ny>(?:19|20)\d\d))(?![/.]?\d)"
    rf"|(?P<dmy>{_DAY.format(g='d1')}(?:\s+of)?\s+{_MONTH.format(g='m1')}(?:,?\s+{_YEAR.format(g='y1')})?)"
    # (a comma after the month before an ordinal day: "on March, 24th")
    rf"|(?P<mdy>{_MONTH.format(g='m2')}(?:,(?=\s+[0-3]?\d(?:st|nd|rd|th)\b))?\s+{_DAY.format(g='d2')}(?!\d|:\d)"
    rf"(?:,?\s+{_YEAR.format(g='y2')})?)"
    rf"|(?P<my>(?:in\s+|early\s+|late\s+|mid-?)?{_MONTH.format(g='m3')}\s+{_YEAR.format(g='y3')})"
    # "on the 19th": a day of the month the text is in (not "on the 19th of October", read above)
    # (nor a storey, a round or an anniversary: "units on the 11th-12th floors", "on the 5th day of the siege")
    r"|(?P<dom>on\s+the\s+(?P<domd>[0-3]?\d)(?:st|nd|rd|th)(?!\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
    r"|dec))(?!\s*(?:[-–/]\s*\d{1,2}(?:st|nd|rd|th)?\s*)?(?:and\s+\d{1,2}(?:st|nd|rd|th)\s+)?(?:floors?|stor(?:e?y|eys|ies)|"
    r"levels?|rounds?|anniversary|century|day\s+of|week\s+of|minute|lap|place|grade|row)\b))"
    r"|(?P<wd>(?P<wlast>last\s+)?(?:(?:late|early)\s+(?:on\s+)?|overnight\s+(?:on\s+)?|on\s+)?"
    r"(?P<wname>monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs)"
    r"(?:\s+(?:night|morning|evening|afternoon))?"
    r"(?:\s+(?:to|into|and)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))?)"
    r"|(?P<ago>(?P<agon>\w+|\d+)\s+(?P<agou>days?|hours)\s+ago)"
    # a feast day: "on Christmas Day", "on New Year's Eve"
    r"|(?P<hol>(?P<holname>christmas\s+(?:day|eve)|new\s+year['’]?s\s+(?:day|eve))(?:,?\s+(?P<hy>(?:19|20)\d\d))?)"
    r"|(?P<rel>the\s+day\s+before\s+yesterday|yesterday|last\s+(?:night|evening)|overnight|earlier\s+today|today"
    r"|(?:earlier\s+|late\s+)?this\s+(?:morning|afternoon|evening)|tonight"
    r"|(?:over\s+|in\s+|during\s+)?the\s+(?:past|last)\s+(?:day|24\s+hours)"
    r"|earlier\s+this\s+week|this\s+week|last\s+week|earlier\s+this\s+month|last\s+month)"
    r")\b",
    re.IGNORECASE,
)
_DATE_LOWER_RE = re.compile(DATE_RE.pattern)
_DATE_STEMS = (
    *_MONTHS, *_WEEKDAYS, "late", "early", "overnight", "on", "in", "mid", "yesterday", "last", "earlier", "today",
    "this", "tonight", "over", "the", "during", "christmas", "new", *["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty"],
)
_SCANNER = PrefixScanner(_DATE_LOWER_RE, _DATE_STEMS, digits=True)


#: Feast days reporting dates incidents by: (month, day).
_FEAST_DAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1), "new years day": (1, 1),
               "new year's eve": (12, 31), "new years eve": (12, 31)}


@dataclass(frozen=True)
class DateMention:
    """A date found in text: span, resolved date, precision (day/week/month) and how it was written."""

    start: int
    end: int
    date: date
    precision: str
    kind: str  # absolute | month | weekday | relative | dateline | overnight
    text: str


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _with_year(published: date, month: int, day: int, year: str | None) -> date | None:
    """The date of a "7 February" written on ``published``: this year's, or last year's when this year's
    would lie more than two months ahead (a date a few weeks ahead is a future date, not an event's)."""
    if year:
        return _safe_date(int(year), month, day)
    found = _safe_date(published.year, month, day)
    limit = _shift(published, 1) or published
    if found is not None and found > limit:
        ahead = (found - published).days
        found = _safe_date(published.year - 1, month, day) if ahead > 60 else None
    return found


def _nearest_year(near: date, month: int, day: int) -> date | None:
    """The "7 February" nearest ``near`` (a full date the text gave before it): that year's, the year before's
    or the year after's ("28 December 2022 … on 3 January" is 2023's). A text told in order moves forward, so a
    day before ``near`` counts twice as far ("13 April 2024 … On 26 August … On 23 November" is November
    2024's, not 2023's; "5 March 2020 … on 28 February" is still the week before)."""
    found = [d for d in (_safe_date(near.year + k, month, day) for k in (0, -1, 1)) if d is not None]
    return min(found, key=lambda d: (d - near).days if d >= near else 2 * (near - d).days) if found else None


_WEEKDAY_BEFORE_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
                                r"(?:\s+(?:morning|afternoon|evening|night))?,?\s*(?:\(\s*)?$",  # "Sunday morning, April 24"
                                re.IGNORECASE)


_LONE_YEAR_RE = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


def _year_of_weekday(match: re.Match[str], month: int, day: int) -> str | None:
    """The year of an undated text's "Friday April 22": the latest year, not after today, in which that day is
    that weekday, one the text writes if one fits (None without a weekday before the date)."""
    before = _WEEKDAY_BEFORE_RE.search(match.string, max(0, match.start() - 26), match.start())
    if before is None:
        return None
    weekday = _WEEKDAYS[before.group(1).lower()]
    today = date.today()
    fitting = [year for year in range(today.year, today.year - 12, -1)
               if (found := _safe_date(year, month, day)) is not None and found <= today and found.weekday() == weekday]
    # one the text writes ("… murdered in 2020" beside "Saturday 15 August": 2020, not 2026)
    written = _years_written(match.string)
    return str(next((year for year in fitting if year in written), fitting[0])) if fitting else None


@lru_cache(maxsize=4)
def _years_written(text: str) -> frozenset[int]:
    """The years a text writes on their own ("in 2020"), read once per text however many dates ask."""
    return frozenset(int(y) for y in _LONE_YEAR_RE.findall(text))


def _numeric_date(first: int, second: int, year: int, published: date | None) -> date | None:
    """The date of "01/05/2024": day first as most of the world writes it, month first when only that reads
    as a date, and with both readable the one on or before ``published`` nearest it (a US outlet's "5/1/2024"
    written on 4 May is 1 May, not 5 January)."""
    readings = [d for d in (_safe_date(year, second, first), _safe_date(year, first, second)) if d is not None]
    if published is not None and len(readings) == 2:
        limit = _shift(published, 1) or published
        past = [d for d in readings if d <= limit]
        return max(past) if past else min(readings)
    return readings[0] if readings else None


def _shift(day: date, days: int) -> date | None:
    """``day + days``, or None outside the calendar (year 1 to 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _month_start(day: date, back: int = 0) -> date | None:
    year, month = day.year, day.month - back
    while month < 1:
        month += 12
        year -= 1
    return _safe_date(year, month, 1)


def resolve(match: re.Match[str], published: date | None, year: int | None = None,
            near: date | None = None) -> tuple[date, str, str] | None:
    """Return ``(date, precision, kind)`` for one ``DATE_RE`` match, or None when it is not a date.

    Without ``published`` only dates that carry their year resolve ("7 February 2018"), or take ``year``
    (the year a timeline's heading gives); "on Monday", "yesterday" or "7 February" then stay unresolved.
    ``near`` (an undated text's own full date before the match) gives a year-less date the year nearest it.
    """
    group = match.group
    if group("iso"):
        found = _safe_date(int(group("iy")), int(group("im")), int(group("id")))
        return (found, "day", "absolute") if found else None
    if group("num"):
        found = _numeric_date(int(group("n1")), int(group("n2")), int(group("ny")), published)
        return (found, "day", "absolute") if found else None
    if group("dmy") or group("mdy"):
        month = _MONTHS[(group("m1") or group("m2")).lower().rstrip(".")]
        day = int(group("d1") or group("d2"))
        year = group("y1") or group("y2") or (str(year) if published is None and year else None)
        if published is None and not year:
            year = _year_of_weekday(match, month, day)
        if published is None and not year:
            return None
        if year:
            found = _safe_date(int(year), month, day)
        else:
            found = _nearest_year(near, month, day) if near is not None else _with_year(published, month, day, None)
        return (found, "day", "absolute") if found else None
    if group("hol"):
        name = " ".join(group("holname").lower().replace("’", "'").split())
        month, day = _FEAST_DAYS[name]
        if group("hy"):
            found = _safe_date(int(group("hy")), month, day)
            return (found, "day", "absolute") if found else None
        if published is None and not year:
            return None
        found = _safe_date(year, month, day) if published is None else (
            _nearest_year(near, month, day) if near is not None else _with_year(published, month, day, None))
        return (found, "day", "absolute") if found else None
    if group("my"):
        month = _MONTHS[group("m3").lower().rstrip(".")]
        found = _safe_date(int(group("y3")), month, 1)
        return (found, "month", "month") if found else None
    if published is None:
        return None
    if group("wd"):
        target = _WEEKDAYS[group("wname").lower()]
        back = (published.weekday() - target) % 7
        if back == 0 and group("wlast"):
            back = 7  # "last Thursday" written on a Thursday
        found = _shift(published, -back)
        return (found, "day", "weekday") if found else None
    if group("dom"):
        day = int(group("domd"))
        found = _safe_date(published.year, published.month, day)
        if found is None or found > (_shift(published, 1) or published):  # "on the 28th" written on the 3rd
            start = _month_start(published, 1)
            found = _safe_date(start.year, start.month, day) if start else None
        return (found, "day", "relative") if found else None
    if group("ago"):
        count = words_to_int(group("agon"))
        if count is not None and group("agou").lower() == "hours":
            count //= 24  # "48 hours ago": two days back ("a few hours ago": the same day)
        if count is None or count > 31:
            return None
        found = _shift(published, -count)
        return (found, "day", "relative") if found else None
    rel = " ".join(group("rel").lower().split())
    rel = rel.removeprefix("earlier ").removeprefix("late ") if rel.endswith(("morning", "afternoon", "evening")) else rel
    table: dict[str, tuple[int | None, str, str]] = {
        "the day before yesterday": (-2, "day", "relative"),
        "yesterday": (-1, "day", "relative"), "last night": (-1, "day", "relative"),
        "overnight": (-1, "day", "overnight"), "today": (0, "day", "relative"),
        "earlier today": (0, "day", "relative"), "this morning": (0, "day", "relative"),
        "this afternoon": (0, "day", "relative"), "this evening": (0, "day", "relative"),
        "last evening": (-1, "day", "relative"),
        "tonight": (0, "day", "relative"), "this week": (0, "week", "relative"),
        "earlier this week": (0, "week", "relative"), "last week": (-7, "week", "relative"),
    }
    if rel in table:
        days, precision, kind = table[rel]
        found = _shift(published, days or 0)
        return (found, precision, kind) if found else None
    if rel.endswith(("past day", "last day", "24 hours")):
        found = _shift(published, -1)  # a bulletin's "over the past day": the day before it is published
        return (found, "day", "relative") if found else None
    if rel == "earlier this month":
        found = _month_start(published)
        return (found, "month", "relative") if found else None
    if rel == "last month":
        found = _month_start(published, 1)
        return (found, "month", "relative") if found else None
    return None


def find_dates(text: str, published: date | None, low: str | None = None,
               years: list[tuple[int, int]] | None = None,
               written: list[tuple[int, date]] | None = None) -> list[DateMention]:
    """Return every date mention in ``text`` resolved against ``published``.

    Parameters
    ----------
    text : str
        Prepared article text.
    published : datetime.date or None
        Publication date, the anchor of relative expressions; without it only dates that carry their
        year resolve.
    low : str, optional
        ``text`` lower-cased with its length kept (computed when not given).
    years : list of (offset, year), optional
        Without ``published``: the years the text states on their own (``year_headings``); a date written
        without its year takes the last one before it.
    written : list of (offset, date), optional
        When ``published`` is only a stand-in (``infer_anchor``): the text's own full dates. A date written
        without its year then takes the year nearest the last of them before it (else nearest
        ``published``), and is kept though it lies after ``published``.

    Returns
    -------
    list of DateMention
        In text order. A lone line holding the publication date is marked ``kind="dateline"``;
        dates more than a day after publication are dropped (they cannot be the event's).
    """
    mentions: list[DateMention] = []
    low = lower_same_length(text) if low is None else low
    limit = (_shift(published, 1) or published) if published is not None else None
    starts = [offset for offset, _ in years] if years else []
    written_starts = [offset for offset, _ in written] if written else []
    for match in _SCANNER.finditer(low):
        at = bisect_right(starts, match.start()) - 1 if starts else -1
        near = None
        if written is not None:
            before = bisect_right(written_starts, match.start()) - 1
            near = written[before][1] if before >= 0 else published
        heading = years[at][1] if years and at >= 0 else None
        if written is not None and heading is not None and (
                before < 0 or years[at][0] > written[before][0] or (near is not None and near.year == heading)) and (
                _year_less_day(match)):
            # (also when the full date before it lies in the heading's year: "Timeline of the crisis (2019)" over
            # an edit stamp "7 July 2019" and "On January 3": the 3rd of January 2019, not the nearer one of 2020)
            # a timeline's "2004" heading over "February 4 - …": that year (as for an undated text), not the one
            # nearest the text's latest full date (the stand-in publication date)
            resolved = resolve(match, None, heading)
        elif written is None and published is not None and heading is not None and heading <= published.year and (
                _year_less_day(match)) and (headed := resolve(match, None, heading)) is not None and (
                headed[0] <= (limit or published)):
            # a dated page's timeline: "2014" ¶ "May 21: rebels seize Kidal" is 2014's, not the publication year's
            resolved = headed
        else:
            resolved = resolve(match, published, heading, near)
        told = _month_told(mentions, int(match.group("domd"))) if match.group("dom") else None
        if told is not None:
            resolved = (told, "day", "relative")  # "On 7 September, … On the 9th, …": that month's 9th
        if resolved is None:
            continue
        found, precision, kind = resolved
        if limit is not None and found > limit and not (near is not None and (_year_less_day(match) or told)):
            continue
        if kind == "absolute" and found == published and (
                _alone_on_line(text, match.start(), match.end()) or _labelled_date(text, match.start())
                # a page's stamp glued to the story's first words ("August 15, 2017On Monday night, …")
                or (_GLUED_AFTER_RE.match(text, match.end()) and not text[text.rfind("\n", 0, match.start()) + 1:
                                                                         match.start()].strip())):
            kind = "dateline"
        elif kind == "absolute" and _wire_dateline(text, match.start(), match.end()):
            kind = "dateline"  # "NIAMEY, May 22 (AFP) -": when the story was filed, not when it happened
        elif _cited(text, match.start(), match.end()):
            kind = "dateline"  # "(Zitamar 30 Aug, MediaFax 23 Aug)", "reports X in Savana (26 August)": a source's date
        mentions.append(DateMention(match.start(), match.end(), found, precision, kind,
                                    text[match.start() : match.end()]))
    mentions = _month_entry_days(text, mentions, limit)
    return _written_beats_relative(text, mentions)


def _month_told(mentions: list[DateMention], day: int) -> date | None:
    """The ``day`` of the month the last full date before it is in ("On 7 September … On the 9th": 9 September),
    of the next month when that day has passed ("28 September … on the 2nd": 2 October); None without one."""
    told = next((m.date for m in reversed(mentions) if m.precision == "day" and m.kind == "absolute"), None)
    if told is None:
        return None
    if day >= told.day:
        return _safe_date(told.year, told.month, day)
    start = _month_start(told.replace(day=1) + timedelta(days=32))
    return _safe_date(start.year, start.month, day) if start else None


#: A timeline entry that gives only its day, under a month heading: "– 10: militants seize Mosul", "• 15 – …".
_DAY_ENTRY_RE = re.compile(r"^[ \t]*(?:[–—•*-][ \t]*)?([0-3]?\d)[ \t]*(?::|[–—-][ \t])", re.MULTILINE)


def _month_entry_days(text: str, mentions: list[DateMention], limit: date | None) -> list[DateMention]:
    """Add the days of a timeline's entries written as a bare number under a month heading ("JUNE 2014" ¶
    "– 10: militants seize Mosul" is 10 June 2014)."""
    headings = [m for m in mentions if m.precision == "month" and _alone_on_line(text, m.start, m.end)]
    if not headings:
        return mentions
    starts = [m.start for m in headings]
    added = []
    for entry in _DAY_ENTRY_RE.finditer(text):
        index = bisect_right(starts, entry.start()) - 1
        if index < 0:
            continue
        month = headings[index].date
        found = _safe_date(month.year, month.month, int(entry.group(1)))
        if found is None or (limit is not None and found > limit):
            continue
        added.append(DateMention(entry.start(1), entry.end(1), found, "day", "absolute", entry.group(1)))
    if not added:
        return mentions
    taken = {(m.start, m.end) for m in mentions}
    return sorted(mentions + [m for m in added if (m.start, m.end) not in taken], key=lambda m: m.start)


def _year_less_day(match: re.Match[str]) -> bool:
    """True for a day and month written without a year ("on 5 March")."""
    group = match.group
    return bool((group("dmy") or group("mdy")) and not (group("y1") or group("y2")))


#: Between a relative day and the date written beside it: "today, June 10", "yesterday (9 June)", "this morning
#: (Monday 23 March)".
_APPOSITION_RE = re.compile(r"[ \t]*(?:,|\()[ \t]*(?:on[ \t]+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?$",
                            re.IGNORECASE)  # ("yesterday, June 9", "Yesterday, on February 10, 2015")


def _written_beats_relative(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Drop "today" / "yesterday" … when the written date follows it ("yesterday, June 9"): a story republished
    a day later keeps its relative words, the written date stays right."""
    kept = []
    for index, mention in enumerate(mentions):
        after = mentions[index + 1] if index + 1 < len(mentions) else None
        if after is not None and after.kind == "weekday" and index + 2 < len(mentions):
            after = mentions[index + 2]  # "this morning (Monday 23 March)": the written date past its weekday
        if (mention.kind in ("relative", "overnight", "weekday") and after is not None and after.kind == "absolute"
                and after.precision == "day" and after.start - mention.end <= 14
                and (_APPOSITION_RE.match(text[mention.end : after.start]) or (
                    mention.kind == "weekday" and not text[mention.end : after.start].strip()))):
            continue  # (and "on Friday 3 May": the weekday of the written date)
        kept.append(mention)
    return kept


#: The city before a dateline's date, in capitals or not ("BEIRUT, Oct 3 (Reuters) -", "Khost, 11 January 2024 —";
#: a weekday is not a city: "Monday, 8 March 2024 –" dates the text).
_WIRE_BEFORE_RE = re.compile(r"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|Updated\b|Posted\b|Published\b)"
                             r"[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{2,40}(?:,\s*[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{2,30})?,\s*$")
#: The end of a wire dateline: the agency and a dash, or a colon after the agency ("New Delhi, Oct 11 (PTI):",
#: Indian wires), or a dash alone.
#: Wire agencies whose name a dateline may leave in an unclosed bracket ("MEXICO CITY (AP — …").
WIRE_AGENCIES = r"AP|AFP|Reuters|Xinhua|UPI|PTI|IANS|ANI|dpa|Sputnik"
#: (also the agency's bracket left open, "MEXICO CITY (AP — The operation …", and the agency between slashes,
#: "MOSCOW, September 10. /TASS/.")
WIRE_END = (r"(?:\([^)\n]{1,40}\)\s*[-–—:]|\((?:" + WIRE_AGENCIES + r")\s*[-–—]|[-–—]"
            r"|\.?\s*/[A-Z][A-Za-z-]{1,15}/\.?)")
_WIRE_AFTER_RE = re.compile(r"\s*(?:,\s*(?:19|20)\d\d)?\s*" + WIRE_END)
#: "EL GENEINA (15 June 2023) —": the date in brackets after the city
_BRACKET_BEFORE_RE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,40}(?:,\s*[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{2,30})?\s*\(\s*$")
_BRACKET_AFTER_RE = re.compile(r"\s*(?:,\s*(?:19|20)\d\d)?\s*\)\s*[-–—:]")


#: "January 26, 2017 (JUBA) –": the date first, then the city in brackets (Sudan Tribune, Radio Dabanga).
_CITY_AFTER_RE = re.compile(r"\s*\(\s*[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’/-]{2,30}\s*\)\s*[-–—:]")


#: Before a date in brackets: an outlet's name ("(Zitamar 30 Aug", "…, MediaFax 23 Aug"), or a report that names
#: its outlet ("writes a reporter in a long article in Savana (26 August)").
_CITED_IN_BRACKETS_RE = re.compile(r"[(,;]\s*(?:(?!(?:On|In|From|Since|Until|Till|By|Before|After|Between|And|Or|Late|Early|"
                                   r"Mid|End|Last|Next|This|Through|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                                   r"Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b)[A-Z][\w.&'’-]*\s+"
                                   # ("(APP - UrduPoint / Pakistan Point News - 7th Aug, 2023 )": a wire's credit line)
                                   r"(?:[-–/]\s+)?){1,8}$")
_CITED_AFTER_REPORT_RE = re.compile(r"\b(?:reports?|reported|article|wrote|writes|published|according\s+to)\b"
                                    r"[^.;()\n]{0,80}\s\($", re.IGNORECASE)


#: After a page's stamp at a line's start, the story's first word glued on ("August 15, 2017On Monday night").
_GLUED_AFTER_RE = re.compile(r"(?:,?\s*(?:19|20)\d\d)?[A-Z][a-z]")


def _cited(text: str, start: int, end: int) -> bool:
    """True for the date of a cited source: inside brackets after an outlet's name, or bracketed after a report
    (not "the attack on Kumba (24 October)": no report names it)."""
    before = text[max(0, start - 120) : start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or text.find(")", end) < 0 or "\n" in text[end : text.find(")", end)]:
        return False
    return bool(_CITED_IN_BRACKETS_RE.search(before[opened:])) or bool(_CITED_AFTER_REPORT_RE.search(before))


def _wire_dateline(text: str, start: int, end: int) -> bool:
    """True for the date of a wire dateline at a line's start ("BEIRUT, Oct 3 (Reuters) -",
    "EL GENEINA (15 June 2023) —")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return bool(_WIRE_BEFORE_RE.match(before) and _WIRE_AFTER_RE.match(text, end)) or bool(
        _BRACKET_BEFORE_RE.match(before) and _BRACKET_AFTER_RE.match(text, end)) or (
        not before.strip() and bool(_CITY_AFTER_RE.match(text, end)))


def infer_anchor(text: str, url: str | None = None, years: list[int] | None = None) -> date | None:
    """A stand-in publication date for an undated text: a date in its URL, else its latest full date.

    Texts pasted without metadata (monitor bulletins, captions, timelines) usually carry at least one
    date with its year; relative dates ("on Friday") are then read against the latest of them. ``years``
    (the text's year headings, see :func:`year_headings`) outrank a month written only in passing.
    """
    if url:
        found = re.search(r"(?<!\d)((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?!\d)", url)
        if found:
            day = _safe_date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            if day is not None:
                return day
    mentions = find_dates(text, None)
    written = [m for m in mentions if m.precision == "day"]
    filed = [m.date for m in written if _wire_dateline(text, m.start, m.end)]
    if filed:
        # the story's own dateline ("January 26, 2017 (JUBA) –", "BEIRUT, Oct 3 (Reuters) -") beats the date a
        # page banner shows ("Monday, November 18, 2024" over an old story)
        return max(filed)
    # (a year guessed from a weekday, "since Friday, October 2", yields to the years the text writes)
    days = [m.date for m in written if _YEAR_WRITTEN_RE.search(m.text)]
    if days:
        return max(days)
    filed_month = _url_month(url)
    if filed_month is not None:
        # "…/a/2020/03/farc-dissidents-attack…" over "on March 26": the month the page was filed in; its last day,
        # so that the days the text writes without a year fall in it
        return filed_month
    days = [m.date for m in written]
    if days:
        return max(days)
    # a monthly digest ("Cameroon — October 2023 … separatists 4 Oct ambushed …"): the month's last day
    months = [m.date for m in mentions if m.precision == "month"]
    if not months:
        # "major incidents this year (2023): January 3: …": the middle of the year the text is written in
        return date(max(years), 7, 2) if years else None
    last = max(months)
    if years and max(years) > last.year:
        # "Major attacks in Pakistan during 2023" over entries dated "on January 30", beside a background "September
        # 2013": the year the text is about, not its latest month (its middle, so that a day written without a
        # year falls in it: a year-less day takes the year nearest the anchor)
        return date(max(years), 7, 2)
    return _month_end(last.year, last.month)


#: A news page's filing month in its URL path: ".../2020/03/slug.html", ".../2020-03/slug" (a path segment of
#: its own, not a dump's name such as "wikipedia_en_all_maxi_2023-10").
_URL_MONTH_RE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])/")


def _url_month(url: str | None) -> date | None:
    """The last day of the month a URL files its page under, or None."""
    found = _URL_MONTH_RE.search(url or "")
    return _month_end(int(found.group(1)), int(found.group(2))) if found is not None else None


def _month_end(year: int, month: int) -> date:
    """The last day of ``month`` of ``year``."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


#: A year written in a date ("4 October 2020", "04.10.2020", "2020-10-04"), not guessed from its weekday.
_YEAR_WRITTEN_RE = re.compile(r"(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")


_SINCE_BEFORE_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def written_dates(text: str, low: str | None = None) -> list[tuple[int, date]]:
    """The full dates the text writes with their year, as ``(offset, date)`` in text order (a year guessed from
    a weekday, "Friday, October 2", only when the text writes no year at all)."""
    # (a count's start, "Since 7 October 2023, 124 were killed", dates no later day the text writes without year)
    found = [m for m in find_dates(text, None, low) if m.precision == "day" and not _SINCE_BEFORE_RE.search(
        text, max(0, m.start - 8), m.start)]
    explicit = [m for m in found if _YEAR_WRITTEN_RE.search(m.text)]
    return [(m.start, m.date) for m in (explicit or found)]


_YEAR_HEADING_RE = re.compile(
    r"^[ \t#=*|]*(?:(?:in|during|year)\s+)?((?:19|20)\d\d)(?:\s*[:.)–-])?[ \t=*|]*$", re.IGNORECASE | re.MULTILINE)


#: A heading line that names a timeline's year: "FATA Timeline - 2015", "Chronology of attacks, 2016", "2015 timeline".
_TIMELINE_HEADING_RE = re.compile(
    r"^[ \t#=*|]*(?:[^\n.!?]{0,40}?\b(?:timeline|chronology|diary|incidents|attacks|events)\b[^\n.!?\d]{0,20}?"
    r"((?:19|20)\d\d)|((?:19|20)\d\d)\s+(?:timeline|chronology))[ \t:.)=*|]*$", re.IGNORECASE | re.MULTILINE)


#: A sentence that names the year the text is written in: "the major incidents this year (2023)", "so far in 2023",
#: "since the beginning of 2023" (a year told as the present, not as history).
_CURRENT_YEAR_RE = re.compile(
    r"\bthis\s+year\s*[(,]\s*((?:19|20)\d\d)\b|\b(?:so\s+far\s+(?:in|this\s+year,?)|since\s+the\s+(?:beginning|start)\s+of|"
    r"(?:earlier|until\s+now)\s+in)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def year_headings(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """The years an undated text states on their own, as ``(offset, year)`` in text order.

    A timeline gives its year once, in a heading ("2017", "== 2017 ==", "2017:"), and its entries as
    "23 May:"; a title such as "Timeline of the 2017 siege" does the same for the whole text, and so does a
    sentence that names the present year ("the incidents this year (2023)", "so far in 2023"). A year
    inside a sentence ("in 2014 IS seized…") is background and gives nothing.
    """
    found: list[tuple[int, int]] = []
    if title:
        in_title = set(re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])", title))
        if len(in_title) == 1:
            found.append((-1, int(in_title.pop())))
    found.extend((m.start(), int(m.group(1))) for m in _YEAR_HEADING_RE.finditer(text))
    found.extend((m.start(), int(m.group(1) or m.group(2))) for m in _TIMELINE_HEADING_RE.finditer(text))
    found.extend((m.start(), int(m.group(1) or m.group(2))) for m in _CURRENT_YEAR_RE.finditer(text))
    return sorted(found)


#: A page's date label at a line's start ("Published: 12 March 2024", "date 2024-10-29 <title>", "Posted on").
_DATE_LABEL_RE = re.compile(r"(?:date[d]?|published|posted|updated|last updated|first published)(?: on)?\s*:?\s*",
                            re.IGNORECASE)


def _labelled_date(text: str, start: int) -> bool:
    """True when the date follows only a page's date label on its line, whatever the line goes on with."""
    line_start = text.rfind("\n", 0, start) + 1
    return _DATE_LABEL_RE.fullmatch(text, line_start, start) is not None


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(line.strip()) <= (end - start) + 12
