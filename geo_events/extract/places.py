"""Place mentions: every gazetteer name in an article, found in one linear pass and disambiguated.

An Aho-Corasick automaton is built once per gazetteer over the folded keys of every place name,
alternate name and normalised variant (``Gazetteer.name_variants()``), plus hyphen-joined forms
("Deir ez-Zor" also as "deir ezzor"). A match must be written with a capital letter. A few capitalised
words next to a geographic cue ("… river", "… province", "near …") that match nothing exactly are looked
up with the gazetteer's typo-tolerant ``search`` (e.g. "Euphates"). Names with several places are resolved
with the context: countries and governorates named in the same article, other places nearby, the cue
word ("province" → governorate, "river" → river), kind and population.
"""

from __future__ import annotations

import math
import re
import weakref
from bisect import bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from geo_events.extract.matcher import PhraseMatcher, TokenText
from geo_events.extract.text import key_of

#: How specific a place kind is (lower = more specific). Unknown kinds count as towns.
KIND_RANK: dict[str, int] = {
    "facility": 0, "oilfield": 0, "gasfield": 0, "dam": 0, "base": 0, "airport": 0, "neighbourhood": 0,
    "village": 0, "town": 0, "city": 0, "river": 2, "region": 2, "admin2": 2, "admin1": 3, "country": 4,
}
_ADMIN_CUES = ("province", "governorate", "region", "countryside", "district", "provinces")
_WATER_CUES = ("river", "valley", "basin", "banks", "bank")
_BEFORE_CUE_RE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|of|from|village|town|city|into|towards|toward|east|west|north|south)"
    r"\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_AFTER_CUE_RE = re.compile(
    r"^\s+(?:province|governorate|river|valley|village|town|city|district|countryside|area|region|dam"
    r"|oilfield|oil\s+field|gas\s+field|base|airport)\b",
    re.IGNORECASE,
)
_RUN_WORD_RE = re.compile(r"(?:[a-z]{1,3}-)?[A-Z][a-z'’]+")
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z'’]+(?:[- ](?:[a-z]{1,3}-)?[A-Z][a-z'’]+){0,2}\b")
_STOP_KEYS = frozenset(
    ["the", "and", "for", "are", "was", "were", "has", "have", "had", "said", "says", "will", "with", "from", "that", "this", "these", "those", "they", "them", "their", "there", "here", "also", "other", "more", "most", "some", "many", "much", "such", "only", "then", "than", "when", "where", "which", "while", "after", "before", "during", "under", "over", "into", "onto", "upon", "about", "above", "below", "again", "against", "between", "both", "each", "few", "same", "very", "just", "army", "police", "state", "states", "union", "force", "forces", "group", "people", "city", "town", "village", "river", "valley", "province", "north", "south", "east", "west", "central", "new", "old", "red", "white", "black", "green", "mount", "lake", "sea", "gulf", "bay", "port", "airport", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "president", "minister", "official", "officials", "reuters", "agency", "press", "news", "media", "television", "security", "council", "government", "regime", "coalition", "military", "ministry", "defence", "defense", "deal", "line", "hope", "victory", "peace", "salt", "police", "station", "camp", "church", "mosque", "market", "school", "hospital", "bridge", "deir", "dayr", "tal", "tell", "abu", "ras", "ain", "bir", "jabal", "jebel", "wadi", "qasr", "khirbet", "hay", "kafr", "umm", "bab"]
)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: span, the resolved gazetteer place, and what surrounds it."""

    start: int
    end: int
    place: Any  # geo_events.gazetteer.Place
    key: str
    candidates: int
    cue_before: str
    cue_after: str
    fuzzy: bool = False

    @property
    def rank(self) -> int:
        """Specificity of the place kind (0 = a town or site, 3 = a governorate, 4 = a country)."""
        return KIND_RANK.get(getattr(self.place, "kind", "town"), 0)


_MATCHERS: weakref.WeakKeyDictionary[Any, tuple[Any, ...]] = weakref.WeakKeyDictionary()


def _keys_for(name: str) -> set[str]:
    keys = {key_of(name)}
    if "-" in name:
        keys.add(key_of(name.replace("-", "")))
    return {k for k in keys if len(k) >= 3 and k not in _STOP_KEYS and not k.isdigit()}


def place_matcher(
    gazetteer: Any,
) -> tuple[PhraseMatcher, dict[str, Any], dict[str, tuple[str, ...]], dict[str, Any]]:
    """Return (automaton over name keys → ids, id → place, phonetic key → ids, admin1 → place) for a gazetteer.

    Built once per gazetteer object and cached.
    """
    try:
        return _MATCHERS[gazetteer]
    except (KeyError, TypeError):
        pass
    phonetic = _phonetic_function()
    places: dict[str, Any] = {}
    entries: list[tuple[str, str]] = []
    by_phonetic: dict[str, list[str]] = {}
    for place in gazetteer:
        places[place.id] = place
        for name in (place.name, *getattr(place, "alt_names", ())):
            if name and any(c.isascii() and c.isalpha() for c in name):
                entries.extend((key, place.id) for key in _keys_for(name))
    variants = getattr(gazetteer, "name_variants", None)
    if variants is not None:
        for variant, place_id in variants():
            if place_id not in places:
                continue
            entries.extend((key, place_id) for key in _keys_for(variant))
            if phonetic is not None and len(variant) >= 4 and variant.isascii():
                key = phonetic(variant)
                if len(key) >= 4:
                    bucket = by_phonetic.setdefault(key, [])
                    if place_id not in bucket:
                        bucket.append(place_id)
    admin_index = {p.admin1 or p.name: p for p in places.values() if getattr(p, "kind", "") == "admin1"}
    result = (PhraseMatcher(entries), places, {k: tuple(v) for k, v in by_phonetic.items()}, admin_index)
    try:
        _MATCHERS[gazetteer] = result
    except TypeError:
        pass
    return result


def _phonetic_function() -> Any:
    try:
        from geo_events.gazetteer import phonetic_key
    except ImportError:  # pragma: no cover - the gazetteer package is part of geo_events
        return None
    return phonetic_key


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    try:
        from geo_events.gazetteer import STOPWORDS
    except ImportError:  # pragma: no cover
        return _STOP_KEYS
    return _STOP_KEYS | STOPWORDS


def _cues(text: str, start: int, end: int) -> tuple[str, str]:
    before = _BEFORE_CUE_RE.search(text[max(0, start - 24) : start])
    after = _AFTER_CUE_RE.match(text[end : end + 16])
    cue_before = before.group(0).split()[0].lower() if before else ""
    cue_after = after.group(0).split()[0].lower() if after else ""
    return cue_before, cue_after


def find_places(text: str, token_text: TokenText, gazetteer: Any, fuzzy_limit: int = 8) -> list[PlaceMention]:
    """Return resolved place mentions in text order.

    Parameters
    ----------
    text : str
        Prepared article text.
    token_text : TokenText
        Its folded words (shared with the actor matcher).
    gazetteer : Gazetteer
        Iterable of places with ``name_variants()`` and ``search()`` (the gazetteer contract).
    fuzzy_limit : int
        Most typo-tolerant look-ups per article (bounds the time on long texts).

    Returns
    -------
    list of PlaceMention
        Exact matches (Aho-Corasick), then phonetic matches of capitalised words ("Deir Alzour"),
        then typo-tolerant matches of capitalised words next to a geographic cue ("Euphates river").
    """
    matcher, places, by_phonetic, admin_index = place_matcher(gazetteer)
    raw: list[tuple[int, int, str, list[Any], bool]] = []
    taken: list[tuple[int, int]] = []
    stop = _stopwords()
    for match in matcher.find(token_text):
        written = text[match.start : match.end]
        if not written[:1].isupper() or match.key in stop:
            continue
        candidates = [places[pid] for pid in match.payloads if pid in places]
        if candidates:
            raw.append((match.start, match.end, match.key, candidates, False))
            taken.append((match.start, match.end))
    others = _other_mentions(text, gazetteer, places, by_phonetic, taken, fuzzy_limit)
    if others:  # a longer phonetic match ("Deir az-Zour") replaces the exact matches inside it ("Deir")
        longer = sorted((o[0], o[1]) for o in others)
        same = set(longer)
        raw = [r for r in raw if not (_covered(longer, r[0], r[1]) and (r[0], r[1]) not in same)]
        raw.extend(others)
    raw.sort(key=lambda item: item[0])
    return _resolve(text, raw, admin_index)


def _other_mentions(
    text: str,
    gazetteer: Any,
    places: dict[str, Any],
    by_phonetic: dict[str, tuple[str, ...]],
    taken: list[tuple[int, int]],
    limit: int,
) -> list[tuple[int, int, str, list[Any], bool]]:
    phonetic = _phonetic_function()
    stop = _stopwords()
    search = getattr(gazetteer, "search", None)
    found: list[tuple[int, int, str, list[Any], bool]] = []
    fuzzy_done: set[str] = set()
    taken_sorted = sorted(taken)
    for match in _CAPITALISED_RE.finditer(text):
        for start, end in _sub_runs(match):
            if _covered(taken_sorted, start, end):
                continue
            word = text[start:end]
            key = key_of(word)
            if len(key) < 4 or key in stop or all(part in stop for part in key.split()):
                continue
            if phonetic is not None and by_phonetic:
                ids = by_phonetic.get(phonetic(word), ())
                if ids:
                    found.append((start, end, key, [places[i] for i in ids], False))
                    insort(taken_sorted, (start, end))
                    break
            if search is None or len(fuzzy_done) >= limit or key in fuzzy_done or len(key) < 6:
                continue
            cue_before, cue_after = _cues(text, start, end)
            if not (cue_after or cue_before in ("near", "outside", "village", "town", "city")):
                continue
            fuzzy_done.add(key)
            query = f"{word} {cue_after}" if cue_after else word  # "Euphates river": the cue hints the kind
            try:
                matches = search(query, limit=3)
            except Exception:  # noqa: BLE001 - a failing fuzzy look-up must not lose the exact matches
                continue
            good = [m.place for m in matches if getattr(m, "score", 0) >= 80]
            if good:
                found.append((start, end, key, good, True))
                insort(taken_sorted, (start, end))
                break
    return found


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the sorted, non-overlapping ``spans``."""
    index = bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


def _sub_runs(match: re.Match[str]) -> Iterator[tuple[int, int]]:
    """Yield the spans to try for a run of capitalised words: the whole run, then its pairs and words."""
    yield match.start(), match.end()
    run = match.group(0)
    if " " not in run and "-" not in run:
        return
    words = [(m.start() + match.start(), m.end() + match.start()) for m in _RUN_WORD_RE.finditer(run)]
    if len(words) > 2:
        yield from ((words[i][0], words[i + 1][1]) for i in range(len(words) - 1))
    if len(words) > 1:
        yield from words


def _governorate_of(place: Any, key: str, admin_index: dict[str, Any]) -> Any:
    """Return the governorate a "<name> province" mention means, when the town shares its name."""
    admin1 = getattr(place, "admin1", None)
    if not admin1 or key_of(admin1) != key and not key_of(admin1).endswith(key):
        return None
    return admin_index.get(admin1)


def _resolve(text: str, raw: list[tuple[int, int, str, list[Any], bool]],
             admin_index: dict[str, Any] | None = None) -> list[PlaceMention]:
    countries: dict[str, int] = {}
    admin1s: dict[str, int] = {}
    anchors: list[Any] = []
    for _, _, _, candidates, _ in raw:
        if len(candidates) == 1:
            only = candidates[0]
            countries[getattr(only, "country", "")] = countries.get(getattr(only, "country", ""), 0) + 1
            if getattr(only, "kind", "") == "admin1":
                admin1s[only.name] = admin1s.get(only.name, 0) + 1
            elif KIND_RANK.get(getattr(only, "kind", "town"), 0) == 0 and only not in anchors:
                anchors.append(only)
        for candidate in candidates:
            if getattr(candidate, "kind", "") == "country":
                code = getattr(candidate, "country", "")
                countries[code] = countries.get(code, 0) + 1
    mentions = []
    for start, end, key, candidates, fuzzy in raw:
        cue_before, cue_after = _cues(text, start, end)
        best = max(
            candidates,
            key=lambda p: (_score(p, cue_after, countries, admin1s, anchors), getattr(p, "id", "")),
        )
        if admin_index and cue_after in _ADMIN_CUES and getattr(best, "kind", "") not in ("admin1", "region"):
            best = _governorate_of(best, key, admin_index) or best
        mentions.append(PlaceMention(start, end, best, key, len(candidates), cue_before, cue_after, fuzzy))
    return mentions


def _score(place: Any, cue_after: str, countries: dict[str, int], admin1s: dict[str, int], anchors: list[Any]) -> float:
    kind = getattr(place, "kind", "town")
    score = 0.0
    if cue_after in _ADMIN_CUES:
        score += 6 if kind in ("admin1", "admin2", "region") else -2
    elif cue_after in _WATER_CUES:
        score += 6 if kind in ("river", "region") else -2
    elif cue_after:
        score += 2 if KIND_RANK.get(kind, 0) == 0 else -1
    else:
        score += 1 if kind in ("city", "town", "country") else 0
    score += 3 * min(countries.get(getattr(place, "country", ""), 0), 3) / 3
    if getattr(place, "admin1", None) in admin1s:
        score += 2
    lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
    if lat is not None and anchors and any(_km(lat, lon, a.lat, a.lon) < 60 for a in anchors if a is not place):
        score += 2
    population = getattr(place, "population", None) or 0
    score += min(math.log10(population + 1), 7) / 3.5
    return score


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


distance_km = _km
