"""Reading a place query: filler words, kind words ("… dam", "… province"), kind filters and the context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from geo_events.gazetteer.place import KINDS, Match, Place
from geo_events.gazetteer.stopwords import STOPWORDS
from geo_events.geodesy import haversine_km

#: Trailing words that say what kind of place is meant ("Deir ez-Zor province", "Tabqa dam").
_KIND_HINTS = {
    "city": "city", "town": "town", "village": "village", "province": "admin1", "governorate": "admin1",
    "oblast": "admin1", "state": "admin1", "krai": "admin1", "kray": "admin1", "prefecture": "admin1",
    "wilaya": "admin1", "wilayat": "admin1", "muhafazat": "admin1", "region": "region",
    "countryside": "admin1", "river": "river", "valley": "region", "desert": "region",
    "oilfield": "oilfield", "oilfields": "oilfield", "field": "oilfield", "fields": "oilfield",
    "gasfield": "gasfield", "plant": "gasfield", "dam": "dam", "airport": "base", "airbase": "base",
    "base": "base", "camp": "facility",
}
_LEADING_NOISE = frozenset(
    ["the", "in", "at", "near", "of", "outskirts", "eastern", "western", "northern", "southern", "central",
     "rural", "greater", "downtown", "east", "west", "north", "south", "northeastern", "northwestern",
     "southeastern", "southwestern"]
)
_TRAILING_NOISE = frozenset(
    ["area", "outskirts", "suburbs", "environs", "vicinity", "district", "oil", "gas", "military", "air"]
)
#: Nominatim-style ``featuretype`` names and their gazetteer kinds.
KIND_GROUPS: dict[str, frozenset[str]] = {
    "settlement": frozenset({"city", "town", "village"}),
    "city": frozenset({"city", "town", "village"}),
    "town": frozenset({"city", "town", "village"}),
    "village": frozenset({"village", "town"}),
    "admin1": frozenset({"admin1"}), "state": frozenset({"admin1"}), "province": frozenset({"admin1"}),
    "governorate": frozenset({"admin1"}), "oblast": frozenset({"admin1"}),
    "country": frozenset({"country"}), "river": frozenset({"river"}), "region": frozenset({"region"}),
    "admin2": frozenset({"admin2"}), "district": frozenset({"admin2"}), "county": frozenset({"admin2"}),
    "facility": frozenset({"facility", "oilfield", "gasfield", "dam", "base"}),
    **{kind: frozenset({kind}) for kind in ("oilfield", "gasfield", "dam", "base")},
}


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
    if len(words) > 1 and words[0] in ("muhafazat", "wilayat", "province", "governorate"):
        hint, words = "admin1", words[1:]  # "Muhafazat Idlib", "Province of …" (after "of" went as noise)
        forms.append(" ".join(words))
    while len(words) > 1 and (words[-1] in _KIND_HINTS or words[-1] in _TRAILING_NOISE):
        hint = hint or _KIND_HINTS.get(words[-1])
        words = words[:-1]
        forms.append(" ".join(words))
    return [f for f in dict.fromkeys(forms) if f and f not in STOPWORDS], hint


def kind_agrees(hint: str | None, kind: str) -> bool:
    """True unless the query named a kind ("… dam") that the place is not (then its score drops by 10)."""
    settlements = ("city", "town", "village")
    return hint is None or hint == kind or (hint in settlements and kind in settlements) or (
        hint in ("oilfield", "gasfield") and kind in ("oilfield", "gasfield")) or (
        hint == "region" and kind == "admin1") or (  # "Donetsk region" is the oblast
        hint == "admin1" and kind == "admin2")  # "Soum province", "Surigao del Sur province": admin-2 units


def kind_filter(kind: str | Iterable[str] | None) -> frozenset[str] | None:
    """Return the gazetteer kinds a ``kind=`` filter allows (``None``: all); unknown names raise ValueError."""
    if kind is None or kind == "":
        return None
    names = [kind] if isinstance(kind, str) else list(kind)
    allowed: set[str] = set()
    for name in names:
        for part in str(name).lower().replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if part in KIND_GROUPS:
                allowed |= KIND_GROUPS[part]
            elif part in KINDS:
                allowed.add(part)
            else:
                raise ValueError(f"unknown kind {part!r}; use one of {', '.join(sorted({*KIND_GROUPS, *KINDS}))}")
    return frozenset(allowed) or None


@dataclass(frozen=True)
class Context:
    """What the caller already knows about a document: countries, admin-1 units and points it names.

    ``countries`` are ISO2 codes; ``admin1s`` are ``(country, admin-1 name)`` pairs (country ``""`` when
    unknown); ``points`` are ``(lat, lon)`` pairs. Hashable, so searches with a context are cached too.
    """

    countries: frozenset[str] = frozenset()
    admin1s: frozenset[tuple[str, str]] = frozenset()
    points: tuple[tuple[float, float], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.countries or self.admin1s or self.points)

    def weight(self, country: str, admin1: str | None, lat: float, lon: float) -> float:
        """Return the rank bonus of a place under this context (0 when the context says nothing of it)."""
        bonus = 0.0
        if country in self.countries:
            bonus += 15.0
        if admin1 and ((country, admin1) in self.admin1s or ("", admin1) in self.admin1s):
            bonus += 10.0
        if self.points:
            nearest = min(haversine_km(lat, lon, plat, plon) for plat, plon in self.points)
            bonus += 12.0 * max(0.0, 1.0 - nearest / 300.0)
        return bonus


def make_context(context: Any, near: Any = None, country_code: Any = None) -> Context:
    """Return a ``Context`` from what callers pass: a Context, a dict (``countries``, ``admin1``,
    ``points``), or an iterable of ISO2/ISO3/country names, admin-1 names, ``Place``/``Match`` objects and
    ``(lat, lon)`` pairs; ``near`` adds points."""
    if isinstance(context, Context) and near is None:
        return context
    countries: set[str] = set()
    admin1s: set[tuple[str, str]] = set()
    points: list[tuple[float, float]] = list(context_points(near))
    items: list[Any] = []
    if isinstance(context, Context):
        countries |= context.countries
        admin1s |= context.admin1s
        points.extend(context.points)
    elif isinstance(context, dict):
        items.extend(context.get("countries") or ())
        admin1s |= {("", str(name)) for name in context.get("admin1") or context.get("admin1s") or ()}
        points.extend(context_points(context.get("points")))
    elif isinstance(context, (str, Place, Match)) or _is_point(context):
        items.append(context)
    elif context:
        items.extend(context)
    for item in items:
        if isinstance(item, Match):
            item = item.place
        if isinstance(item, Place):
            countries.add(item.country)
            if item.admin1:
                admin1s.add((item.country, item.admin1))
            points.append((item.lat, item.lon))
        elif _is_point(item):
            points.append((float(item[0]), float(item[1])))
        elif isinstance(item, str) and item.strip():
            code = country_code(item) if country_code else None
            if code:
                countries.add(code)
            else:
                admin1s.add(("", item.strip()))
    return Context(frozenset(countries), frozenset(admin1s), tuple(dict.fromkeys(points)))


def _is_point(value: Any) -> bool:
    return (isinstance(value, (tuple, list)) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value))


def context_points(near: Sequence[Any] | None) -> tuple[tuple[float, float], ...]:
    """Return ``(lat, lon)`` pairs of a point, a Place, or a sequence of them."""
    if not near:
        return ()
    if isinstance(near, (Place, Match)) or _is_point(near):
        near = [near]
    points = []
    for item in near:
        if isinstance(item, Match):
            item = item.place
        if isinstance(item, Place):
            points.append((item.lat, item.lon))
        else:
            lat, lon = item
            points.append((float(lat), float(lon)))
    return tuple(points)


__all__ = ["KIND_GROUPS", "Context", "context_points", "kind_agrees", "kind_filter", "make_context", "query_forms"]
