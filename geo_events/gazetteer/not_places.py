"""Names that contain a place word but are not places: outlets, organisations, companies, armed groups.

The list is ``seeds/gazetteer/not_places.csv`` (one name a row, with its type and a note), maintained by
hand; beside it, words that mark a name as an organisation ("Observatory", "Radio", "Agency"…) and a
trailing channel number ("Kurdistan 24", "France 24"). ``is_not_place`` is what ``Gazetteer.search``
checks before resolving a query.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from geo_events.gazetteer.normalize import normalize
from geo_events.settings import seed_path

#: Words that make a multi-word name an organisation or outlet rather than a place.
ORGANISATION_WORDS = frozenset(
    ["observatory", "radio", "tv", "television", "channel", "agency", "news", "newspaper", "press", "times", "herald", "tribune", "gazette", "journal", "daily", "today", "online", "review", "independent", "direct", "express", "standard", "observer", "chronicle", "eye", "post", "railways", "railway", "administration", "network", "broadcasting", "broadcaster", "media", "monitor", "institute", "foundation", "committee", "commission", "council", "ministry", "organisation", "organization", "company", "corporation", "corp", "inc", "ltd", "airlines", "airways", "petroleum", "university", "association", "federation", "party", "movement", "front", "brigade", "brigades", "battalion", "regiment", "division", "army", "forces", "militia", "coalition", "rights", "watch", "amnesty", "relief", "fund", "programme", "program", "office", "authority", "police", "guard", "guards", "service", "services"]
)
_CHANNEL_NUMBER = re.compile(r"^\D+\s\d{1,3}$")
#: First words of numbered sites that are places, not channels ("Tower 22", "Camp 5", "Checkpoint 300").
_NUMBERED_SITE_WORDS = frozenset({"tower", "camp", "base", "outpost", "checkpoint", "site", "hill", "gate"})


@lru_cache(maxsize=1)
def not_place_names() -> frozenset[str]:
    """Return the normalised names of the maintained list."""
    path = seed_path("gazetteer/not_places.csv")
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return frozenset(normalize(row["name"]) for row in rows if row.get("name"))


def is_listed_not_place(query: str) -> bool:
    """True when ``query`` is a name of the maintained list itself ("Mada Masr"), not only organisation-like."""
    norm = normalize(query)
    return bool(norm) and norm in not_place_names()


def is_not_place(query: str) -> bool:
    """True when ``query`` names an outlet, organisation or company (so it must not resolve to a place)."""
    norm = normalize(query)
    if not norm:
        return False
    if norm in not_place_names():
        return True
    words = norm.split()
    if len(words) > 1 and any(word in ORGANISATION_WORDS for word in words):
        return True
    return bool(_CHANNEL_NUMBER.match(query.strip())) and words[0] not in _NUMBERED_SITE_WORDS


__all__ = ["ORGANISATION_WORDS", "is_listed_not_place", "is_not_place", "not_place_names"]
