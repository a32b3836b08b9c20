"""Dates in news text, absolute or relative to the publication date, with their precision.

Absolute forms: ``2018-02-07``, ``7 February 2018``, ``7th of Feb.``, ``February 7, 2018``, ``Feb 7``
(a missing year is the publication year, or the year before when that would lie in the future) and
``February 2018`` (month precision). Relative forms are resolved against ``published``:

* weekdays ("on Wednesday", "late on Wednesday", "overnight Wednesday to Thursday", "Tuesday night")
  → the latest such day on or before publication (the first weekday of a range), precision ``day``;
* "yesterday", "last night", "overnight" → the day before; "today", "this morning" → the same day;
* "two days ago" → N days before; "last week" → 7 days before, precision ``week``;
* "this week" / "earlier this week" → the publication date, precision ``week``;
* "earlier this month" → the 1st of the publication month, "last month" → the 1st of the month
  before, precision ``month``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from geo_events.extract.matcher import PrefixScanner, lower_same_length
from geo_events.extract.numbers import words_to_int

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = r"(?P<{g}>january|february|march|april|may|june|july|august|september|october|november|december" \
         r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    rf"|(?P<dmy>{_DAY.format(g='d1')}(?:\s+of)?\s+{_MONTH.format(g='m1')}(?:,?\s+{_YEAR.format(g='y1')})?)"
    rf"|(?P<mdy>{_MONTH.format(g='m2')}\s+{_DAY.format(g='d2')}(?![\d:])(?:,?\s+{_YEAR.format(g='y2')})?)"
    rf"|(?P<my>(?:in\s+|early\s+|late\s+|mid-?)?{_MONTH.format(g='m3')}\s+{_YEAR.format(g='y3')})"
    r"|(?P<wd>(?:(?:late|early)\s+(?:on\s+)?|overnight\s+(?:on\s+)?|on\s+)?"
    r"(?P<wname>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?"
    r"(?:\s+(?:to|into|and)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))?)"
    r"|(?P<ago>(?P<agon>\w+|\d+)\s+days?\s+ago)"
    r"|(?P<rel>yesterday|last\s+night|overnight|earlier\s+today|today|this\s+morning|tonight"
    r"|earlier\s+this\s+week|this\s+week|last\s+week|earlier\s+this\s+month|last\s+month)"
    r")\b",
    re.IGNORECASE,
)
_DATE_LOWER_RE = re.compile(DATE_RE.pattern)
_DATE_STEMS = (
    *_MONTHS, *_WEEKDAYS, "late", "early", "overnight", "on", "in", "mid", "yesterday", "last", "earlier", "today",
    "this", "tonight", *["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty"],
)
_SCANNER = PrefixScanner(_DATE_LOWER_RE, _DATE_STEMS, digits=True)


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
    except ValueError:
        return None


def _with_year(published: date, month: int, day: int, year: str | None) -> date | None:
    if year:
        return _safe_date(int(year), month, day)
    found = _safe_date(published.year, month, day)
    if found is not None and found > published + timedelta(days=1):
        found = _safe_date(published.year - 1, month, day)
    return found


def _month_start(day: date, back: int = 0) -> date:
    year, month = day.year, day.month - back
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def resolve(match: re.Match[str], published: date) -> tuple[date, str, str] | None:
    """Return ``(date, precision, kind)`` for one ``DATE_RE`` match, or None when it is not a date."""
    group = match.group
    if group("iso"):
        found = _safe_date(int(group("iy")), int(group("im")), int(group("id")))
        return (found, "day", "absolute") if found else None
    if group("dmy") or group("mdy"):
        month = _MONTHS[(group("m1") or group("m2")).lower().rstrip(".")]
        day = int(group("d1") or group("d2"))
        found = _with_year(published, month, day, group("y1") or group("y2"))
        return (found, "day", "absolute") if found else None
    if group("my"):
        month = _MONTHS[group("m3").lower().rstrip(".")]
        return date(int(group("y3")), month, 1), "month", "month"
    if group("wd"):
        target = _WEEKDAYS[group("wname").lower()]
        back = (published.weekday() - target) % 7
        return published - timedelta(days=back), "day", "weekday"
    if group("ago"):
        count = words_to_int(group("agon"))
        if count is None or count > 31:
            return None
        return published - timedelta(days=count), "day", "relative"
    rel = " ".join(group("rel").lower().split())
    if rel in ("yesterday", "last night"):
        return published - timedelta(days=1), "day", "relative"
    if rel == "overnight":
        return published - timedelta(days=1), "day", "overnight"
    if rel in ("today", "earlier today", "this morning", "tonight"):
        return published, "day", "relative"
    if rel in ("this week", "earlier this week"):
        return published, "week", "relative"
    if rel == "last week":
        return published - timedelta(days=7), "week", "relative"
    if rel == "earlier this month":
        return _month_start(published), "month", "relative"
    if rel == "last month":
        return _month_start(published, 1), "month", "relative"
    return None


def find_dates(text: str, published: date, low: str | None = None) -> list[DateMention]:
    """Return every date mention in ``text`` resolved against ``published``.

    Parameters
    ----------
    text : str
        Prepared article text.
    published : datetime.date
        Publication date, the anchor of relative expressions.

    Returns
    -------
    list of DateMention
        In text order. A lone line holding the publication date is marked ``kind="dateline"``;
        dates more than a day after publication are dropped (they cannot be the event's).
    """
    mentions: list[DateMention] = []
    low = lower_same_length(text) if low is None else low
    for match in _SCANNER.finditer(low):
        resolved = resolve(match, published)
        if resolved is None:
            continue
        found, precision, kind = resolved
        if found > published + timedelta(days=1):
            continue
        if kind == "absolute" and found == published and _alone_on_line(text, match.start(), match.end()):
            kind = "dateline"
        mentions.append(DateMention(match.start(), match.end(), found, precision, kind,
                                    text[match.start() : match.end()]))
    return mentions


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(line.strip()) <= (end - start) + 12
