"""Fast whole-word phrase matching (Aho-Corasick over folded word keys) with offsets into the text.

Text and phrases go through the same folding (:func:`geo_events.extract.text.key_of`), so "Deir
az-Zour", "deir az zour" and "DEIR AZ-ZOUR" match one another. Matching is linear in the text length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate

import ahocorasick

from geo_events.extract.text import tokens


@dataclass(frozen=True)
class TokenText:
    """An article's folded words joined by spaces, with the map back to character offsets."""

    joined: str
    token_spans: list[tuple[int, int]]
    token_starts_in_joined: list[int]

    @classmethod
    def of(cls, text: str) -> TokenText:
        """Tokenise ``text`` once for all matchers."""
        found = [t for t in tokens(text) if t[2]]
        parts = [folded for _, _, folded in found]
        spans = [(start, end) for start, end, _ in found]
        # the joined text starts with a space sentinel; each word is followed by one space
        starts = list(accumulate((len(p) + 1 for p in parts), initial=1))[:-1]
        return cls(" " + " ".join(parts) + " ", spans, starts)

    def token_index(self, joined_offset: int) -> int:
        """Return the index of the token starting at or before ``joined_offset``."""
        return bisect_right(self.token_starts_in_joined, joined_offset) - 1


@dataclass(frozen=True)
class PhraseMatch:
    """One phrase occurrence: character span in the text, token span, the key and its payloads."""

    start: int
    end: int
    first_token: int
    last_token: int
    key: str
    payloads: tuple[Hashable, ...]


class PhraseMatcher:
    """Aho-Corasick automaton over folded phrase keys; each key carries one or more payloads."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]]) -> None:
        payloads: dict[str, list[Hashable]] = {}
        for key, payload in entries:
            if not key:
                continue
            bucket = payloads.setdefault(key, [])
            if payload not in bucket:
                bucket.append(payload)
        self._automaton = ahocorasick.Automaton()
        for key, bucket in payloads.items():
            self._automaton.add_word(f" {key} ", (key, tuple(bucket)))
        self.size = len(payloads)
        if payloads:
            self._automaton.make_automaton()

    def find(self, token_text: TokenText, longest_only: bool = True) -> list[PhraseMatch]:
        """Return whole-word matches in text order (overlaps resolved to the longest when asked)."""
        if not self.size:
            return []
        found: list[PhraseMatch] = []
        for end_in_joined, (key, bucket) in self._automaton.iter(token_text.joined):
            start_in_joined = end_in_joined - len(key)  # the leading space is at start_in_joined - 1
            first = token_text.token_index(start_in_joined)
            last = token_text.token_index(end_in_joined - 1)
            start = token_text.token_spans[first][0]
            end = token_text.token_spans[last][1]
            found.append(PhraseMatch(start, end, first, last, key, bucket))
        found.sort(key=lambda m: (m.first_token, -(m.last_token - m.first_token)))
        if not longest_only:
            return found
        kept: list[PhraseMatch] = []
        covered_until = -1
        for match in found:
            if match.first_token > covered_until:
                kept.append(match)
                covered_until = match.last_token
        return kept


def lower_same_length(text: str) -> str:
    """Return ``text`` in lower case with every offset unchanged (characters whose lower case is longer stay)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class PrefixScanner:
    """``finditer`` for a regex that only tries positions where a word starts with one of ``stems``.

    An Aho-Corasick pass over the lower-cased text finds the candidate word starts; the (case-sensitive,
    lower-case) ``pattern`` is then matched anchored there. Same results as ``pattern.finditer`` as long as
    every match begins with a listed stem (or a digit when ``digits`` is set) — tests check this against the
    plain regex — at a fraction of the cost of scanning every position with a long alternation.
    """

    def __init__(self, pattern: re.Pattern[str], stems: Iterable[str], digits: bool = False) -> None:
        self.pattern = pattern
        self.digits = digits
        self._automaton = ahocorasick.Automaton()
        for stem in {s.lower() for s in stems if s}:
            self._automaton.add_word(stem, len(stem))
        self._automaton.make_automaton()

    def positions(self, low: str, start: int = 0, end: int | None = None) -> list[int]:
        """Return the sorted word starts in ``low[start:end]`` where a stem (or a digit) begins."""
        stop = len(low) if end is None else end
        found: set[int] = set()
        for last, length in self._automaton.iter(low, start, stop):
            first = last - length + 1
            if first >= start and (first == 0 or not low[first - 1].isalnum()):
                found.add(first)
        if self.digits:
            found.update(m.start() for m in _DIGIT_START_RE.finditer(low, start, stop))
        return sorted(found)

    def finditer(self, low: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Yield non-overlapping matches in ``low[start:end]`` (``low`` must already be lower case)."""
        stop = len(low) if end is None else end
        covered = -1
        for position in self.positions(low, start, stop):
            if position < covered:
                continue
            match = self.pattern.match(low, position, stop)
            if match is not None and match.end() > match.start():
                covered = match.end()
                yield match


_DIGIT_START_RE = re.compile(r"(?<![\w])\d")
