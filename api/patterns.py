"""JSON Schema ``pattern`` strings that say exactly what the server's parsers accept.

Each is written once and used twice: as the pattern documented in ``/openapi.json`` and (compiled) by the
parser itself, so the document and the server cannot drift apart. The patterns are ECMA-262 compatible
(what JSON Schema uses) and anchored with ``^…$``; Python matches them with ``fullmatch`` of the inner part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_YEAR = r"(19[0-9]{2}|20[0-9]{2}|2100)"
#: Years divisible by 4 in 1900–2100, except 1900 and 2100 (2000 is one).
_LEAP_YEAR = r"(19(0[48]|[2468][048]|[13579][26])|20(0[048]|[2468][048]|[13579][26]))"
_MONTH_DAY = r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
#: A real calendar day ``YYYY-MM-DD`` in 1900–2100 (2018-02-30 and 2100-02-29 do not match).
DAY = rf"({_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
#: The RFC 3339 time after ``T`` that ``geo_events.query.parse_date`` accepts (seconds required).
TIME = r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?"
#: ``YYYY-MM-DD`` or an RFC 3339 timestamp: every date ``parse_date`` accepts.
DATE = rf"{DAY}([Tt]{TIME})?"


def anchored(inner: str, empty: bool = False) -> str:
    """Return ``^(inner)$``, or ``^(inner)?$`` when an empty value is accepted too (it means "not given")."""
    return f"^({inner}){'?' if empty else ''}$"


def full_match(pattern: str, value: str) -> bool:
    """True when ``value`` matches an anchored pattern of this module, as a JSON Schema validator would."""
    return _compiled(pattern).fullmatch(value) is not None


_cache: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    found = _cache.get(pattern)
    if found is None:
        found = _cache[pattern] = re.compile(pattern[1:-1] if pattern.startswith("^") else pattern)
    return found


def any_case(words: Iterable[str]) -> str:
    """Return the inner pattern of the words in any letter case (JSON Schema regexes have no ``i`` flag)."""

    def letter(char: str) -> str:
        if char.lower() != char.upper():
            return f"[{char.lower()}{char.upper()}]"
        return re.escape(char) if char in "+.*?()[]{}|\\^$" else char

    return "|".join("".join(letter(c) for c in word) for word in words)


def sort_list(names: Iterable[str]) -> str:
    """Return the anchored pattern of a ``sortby`` value: ``-a,+b,c`` over ``names`` (empty: no sort).

    A ``+`` sent unencoded arrives as a space, so spaces around each key are allowed.
    """
    choice = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    key = rf" *[+-]?({choice}) *"
    return anchored(rf"{key}(,{key})*", empty=True)


def choice_list(choices: Iterable[object]) -> str:
    """Return the anchored pattern of a comma-separated list of ``choices`` (``1,3``; ``day,week``)."""
    choice = "|".join(re.escape(str(c)) for c in choices)
    return anchored(f"({choice})(,({choice}))*")


#: One end of an OGC ``datetime``: a date or timestamp, or a day with a bare ``T`` (GDAL writes that).
_INSTANT = rf"{DAY}(T|[Tt]{TIME})?"
#: The OGC ``datetime`` parameter: an instant, or an interval ``a/b`` with open ends ``..`` or empty.
DATETIME = anchored(rf" *{_INSTANT} *| *({_INSTANT}|\.\.)? */ *({_INSTANT}|\.\.)? *", empty=True)
_LON = r"-?((0|[1-9][0-9]?|1[0-7][0-9])(\.[0-9]+)?|180(\.0+)?)"
_LAT = r"-?(([0-9]|[1-8][0-9])(\.[0-9]+)?|90(\.0+)?)"
_HEIGHT = r"-?[0-9]+(\.[0-9]+)?"
#: ``lat,lon`` in WGS84 degrees.
LAT_LON = anchored(f"{_LAT},{_LON}")
#: ``minx,miny,maxx,maxy`` (or with heights ``minx,miny,minz,maxx,maxy,maxz``) in WGS84 degrees; that the
#: minimum is not above the maximum is a rule between the numbers a pattern cannot say (400 when broken).
BBOX = anchored(f"{_LON},{_LAT},{_LON},{_LAT}|{_LON},{_LAT},{_HEIGHT},{_LON},{_LAT},{_HEIGHT}")
#: A whole number (no sign, ASCII digits).
WHOLE_NUMBER = "^[0-9]+$"
#: An integer (ASCII digits, optional minus sign).
INTEGER = "^-?[0-9]+$"
#: A finite decimal number as JSON writes it.
NUMBER = r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"

__all__ = [
    "BBOX",
    "DATE",
    "DATETIME",
    "DAY",
    "INTEGER",
    "LAT_LON",
    "NUMBER",
    "TIME",
    "WHOLE_NUMBER",
    "anchored",
    "any_case",
    "choice_list",
    "full_match",
    "sort_list",
]  # fmt: skip
