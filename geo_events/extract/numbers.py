"""Quantities in news text: digits or words, with qualifiers ("at least 100", "as many as 100", "dozens").

``find_quantities`` returns every quantity with its span and its bounds, using these rules:

========================================  ==========================  =====
phrase                                    low / high                  vague
========================================  ==========================  =====
"100", "a hundred", "two"                 100 / 100                   no
"some / about / around / roughly 25"      25 / 25                     no
"at least / more than / over 100"         100 / open                  no
"up to / as many as / nearly 100"         open / 100                  no
"between 10 and 20", "10 to 20", "10-20"  10 / 20                     no
"dozens", "scores", "hundreds", "several"  12, 40, 100, 3 / open      yes
========================================  ==========================  =====
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12}
_VAGUE = {"dozens": 12, "scores": 40, "hundreds": 100, "several": 3, "thousands": 1000, "tens": 10}

_NUMWORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS = rf"(?:an?\s+(?=hundred|thousand|dozen))?(?:{_NUMWORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMWORD}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
_AT_LEAST = r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of"
_AT_MOST = r"up\s+to|as\s+many\s+as|nearly|almost|fewer\s+than|less\s+than|under|at\s+most|as\s+much\s+as"
_ABOUT = r"some|about|around|roughly|approximately|an\s+estimated|close\s+to|at\s+an\s+estimated|estimated"

QUANTITY_RE = re.compile(
    rf"\b(?:between\s+(?P<r1>{_NUMBER})\s+and\s+(?P<r2>{_NUMBER})"
    rf"|(?P<s1>{_DIGITS})\s*(?:-|–|to)\s*(?P<s2>{_DIGITS})(?![\d,])"
    rf"|(?:(?P<qual>{_AT_LEAST}|{_AT_MOST}|{_ABOUT})\s+)?(?P<num>{_NUMBER})(?P<plus>\+)?"
    rf"|(?P<vague>{'|'.join(_VAGUE)})"
    rf")\b",
    re.IGNORECASE,
)
_AT_LEAST_RE = re.compile(rf"^(?:{_AT_LEAST})$", re.IGNORECASE)
_AT_MOST_RE = re.compile(rf"^(?:{_AT_MOST})$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: ``[start, end)`` span, bounds (None = open) and whether it is vague."""

    start: int
    end: int
    low: int | None
    high: int | None
    vague: bool
    text: str

    @property
    def value(self) -> int:
        """The single number the quantity stands for (lower bound, else upper bound)."""
        return self.low if self.low is not None else (self.high or 0)


def words_to_int(text: str) -> int | None:
    """Parse a number written in digits or English words ("1,200", "a hundred", "twenty-five")."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdecimal():
        return int(cleaned)
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", cleaned):
        if word in ("a", "an", "and", ""):
            if word in ("a", "an"):
                current = max(current, 1)
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Return every quantity in ``text[start:end]`` with offsets into ``text``."""
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(text, start, len(text) if end is None else end):
        quantity = _quantity(match)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity(match: re.Match[str]) -> Quantity | None:
    span_text = match.group(0)
    if match.group("vague"):
        value = _VAGUE[match.group("vague").lower()]
        return Quantity(match.start(), match.end(), value, None, True, span_text)
    if match.group("r1") or match.group("s1"):
        low = words_to_int(match.group("r1") or match.group("s1"))
        high = words_to_int(match.group("r2") or match.group("s2"))
        if low is None or high is None or low > high:
            return None
        return Quantity(match.start(), match.end(), low, high, False, span_text)
    value = words_to_int(match.group("num"))
    if value is None:
        return None
    qualifier = (match.group("qual") or "").lower()
    qualifier = " ".join(qualifier.split())
    if match.group("plus") or (qualifier and _AT_LEAST_RE.match(qualifier)):
        return Quantity(match.start(), match.end(), value, None, False, span_text)
    if qualifier and _AT_MOST_RE.match(qualifier):
        return Quantity(match.start(), match.end(), None, value, False, span_text)
    return Quantity(match.start(), match.end(), value, value, False, span_text)
