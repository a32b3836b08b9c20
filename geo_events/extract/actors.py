"""Actors: the curated list in ``seeds/actors.csv`` (canonical name, side, aliases) and their mentions.

Each canonical actor belongs to a *side* ("coalition", "government", "isis", "opposition", …); the merge
treats actors of one side as compatible. Short all-capital aliases ("US", "IS", "SDF") only match
when written in capitals, so "us" and "is" in running text are not actors.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo_events.errors import DataError
from geo_events.extract.matcher import PhraseMatcher, TokenText
from geo_events.extract.text import key_of
from geo_events.settings import seed_path


@dataclass(frozen=True)
class Actor:
    """A canonical actor: name as written in events, side (for compatibility) and kind."""

    name: str
    side: str
    kind: str
    rank: int  # position in actors.csv: lower wins ties deterministically
    countries: tuple[str, ...] = ()  # ISO2 codes of the theatres it fights in (empty: many, or a foreign force)


@dataclass(frozen=True)
class ActorMention:
    """One actor mention: character span and the canonical actor."""

    start: int
    end: int
    actor: Actor
    alias: str


@dataclass(frozen=True)
class _Alias:
    actor: Actor
    alias: str
    case_sensitive: bool


class ActorList:
    """The canonical actors and an Aho-Corasick matcher over their aliases."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or seed_path("actors.csv")
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except OSError as err:
            raise DataError(f"cannot read actor list {path}: {err}") from err
        self.actors: dict[str, Actor] = {}
        entries = []
        for rank, row in enumerate(rows):
            try:
                actor = Actor(row["name"].strip(), row["side"].strip(), row["kind"].strip(), rank,
                              tuple(c.strip() for c in (row.get("countries") or "").split("|") if c.strip()))
                aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
            except (KeyError, AttributeError) as err:
                raise DataError(f"{path}: row {rank + 2} lacks name/side/kind/aliases") from err
            self.actors[actor.name] = actor
            for alias in [actor.name, *aliases]:
                letters = [c for c in alias if c.isalpha()]
                case_sensitive = len(letters) <= 5 and all(c.isupper() for c in letters)
                entries.append((key_of(alias), _Alias(actor, alias, case_sensitive)))
        self._matcher = PhraseMatcher(entries)

    def is_state(self, name: str | None) -> bool:
        """True for a state's own forces or a coalition of states (kind ``state`` / ``state-coalition``)."""
        actor = self.actors.get(name or "")
        return actor is not None and actor.kind in ("state", "state-coalition")

    def side(self, name: str | None) -> str | None:
        """Return the side of a canonical actor name (None when unknown)."""
        actor = self.actors.get(name or "")
        return actor.side if actor else None

    def rank(self, name: str) -> int:
        """Return the position of an actor in the list (unknown names sort last)."""
        actor = self.actors.get(name)
        return actor.rank if actor else len(self.actors)

    def find(self, token_text: TokenText, text: str) -> list[ActorMention]:
        """Return actor mentions in text order."""
        mentions: list[ActorMention] = []
        for match in self._matcher.find(token_text):
            chosen = None
            for alias in match.payloads:
                assert isinstance(alias, _Alias)
                if alias.case_sensitive and not _same_capitals(text[match.start : match.end], alias.alias):
                    continue
                chosen = alias
                break
            if chosen is not None:
                mentions.append(ActorMention(match.start, match.end, chosen.actor, chosen.alias))
        return mentions


def _same_capitals(written: str, alias: str) -> bool:
    return [c for c in written if c.isalpha()] == [c for c in alias if c.isalpha()]


@lru_cache(maxsize=1)
def default_actors() -> ActorList:
    """Return the bundled actor list (cached)."""
    return ActorList()
