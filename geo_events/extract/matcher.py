"""Fast whole-word phrase matching (Aho-Corasick over folded word keys) with offsets into the text.

Text and phrases go through the same folding (:func:`geo_events.extract.text.key_of`), so "Deir
az-Zour", "deir az zour" and "DEIR AZ-ZOUR" match one another. Matching is linear in the text length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

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
        spans: list[tuple[int, int]] = []
        starts: list[int] = []
        parts: list[str] = []
        position = 1  # joined text starts with a space sentinel
        for start, end, folded in tokens(text):
            if not folded:
                continue
            spans.append((start, end))
            starts.append(position)
            parts.append(folded)
            position += len(folded) + 1
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
