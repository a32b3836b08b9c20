"""Reading a place query: filler words, trailing kind words ("… dam", "… province") and context points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geo_events.gazetteer.place import Place
from geo_events.gazetteer.stopwords import STOPWORDS

#: Trailing words that say what kind of place is meant ("Deir ez-Zor province", "Tabqa dam").
_KIND_HINTS = {
    "city": "city", "town": "town", "village": "village", "province": "admin1", "governorate": "admin1",
    "countryside": "admin1", "river": "river", "region": "region", "valley": "region", "desert": "region",
    "oilfield": "oilfield", "oilfields": "oilfield", "field": "oilfield", "fields": "oilfield",
    "gasfield": "gasfield", "plant": "gasfield", "dam": "dam", "airport": "base", "airbase": "base",
    "base": "base", "camp": "facility",
}
_LEADING_NOISE = frozenset(
    ["the", "in", "at", "near", "of", "outskirts", "eastern", "western", "northern", "southern", "central", "rural", "greater", "downtown", "east", "west", "north", "south", "northeastern", "northwestern", "southeastern", "southwestern"]
)
_TRAILING_NOISE = frozenset(["area", "outskirts", "suburbs", "environs", "vicinity", "district", "oil", "gas", "military", "air"])


def query_forms(full: str) -> tuple[list[str], str | None]:
    """Return the forms of a normalised query to look up, and the kind its trailing words hint at.

    "the Euphrates valley region" gives ["the euphrates valley region", "euphrates valley region",
    "euphrates valley", "euphrates"] and the hint "region": leading filler ("the", "eastern") and
    trailing kind words are dropped one at a time, since a kind word may also be part of the name.
    """
    words = full.split()
    forms = [full]
    while len(words) > 1 and words[0] in _LEADING_NOISE:
        words = words[1:]
    forms.append(" ".join(words))
    hint = None
    while len(words) > 1 and (words[-1] in _KIND_HINTS or words[-1] in _TRAILING_NOISE):
        hint = hint or _KIND_HINTS.get(words[-1])
        words = words[:-1]
        forms.append(" ".join(words))
    return [f for f in dict.fromkeys(forms) if f and f not in STOPWORDS], hint


def kind_agrees(hint: str | None, kind: str) -> bool:
    """True unless the query named a kind ("… dam") that the place is not (then its score drops by 10)."""
    settlements = ("city", "town", "village")
    return hint is None or hint == kind or (hint in settlements and kind in settlements) or (
        hint in ("oilfield", "gasfield") and kind in ("oilfield", "gasfield"))


def context_points(near: Sequence[Any] | None) -> tuple[tuple[float, float], ...]:
    if not near:
        return ()
    if isinstance(near, Place) or (len(near) == 2 and all(isinstance(v, (int, float)) for v in near)):
        near = [near]
    points = []
    for item in near:
        if isinstance(item, Place):
            points.append((item.lat, item.lon))
        else:
            lat, lon = item
            points.append((float(lat), float(lon)))
    return tuple(points)


__all__ = ["context_points", "kind_agrees", "query_forms"]
