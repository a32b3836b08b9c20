"""The ``Gazetteer``: indexed place names with exact, phonetic and typo-tolerant search, and reverse lookup.

Lookups go through three levels, cheapest first: the normalised name (``normalize``), the phonetic key
(``phonetic_key``), then typo tolerance: keys one edit away (a SymSpell-style index of one-letter
deletions, scored by OSA distance) and, for long keys, rapidfuzz over keys sharing their first or last two
letters.
Short queries never go fuzzy and common English words are never place names, so "the", "said" or
"army" match nothing. Candidates are ranked by match quality, then kind, population, curated entries,
the home country (Syria) and, when given, the distance to places mentioned nearby.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from geo_events.gazetteer import cache as name_cache
from geo_events.gazetteer.normalize import key_of_normalized, normalize
from geo_events.gazetteer.place import AREA_KINDS, Match, Place
from geo_events.gazetteer.query import context_points, kind_agrees, query_forms
from geo_events.gazetteer.sources import (
    admin1_places,
    country_code,
    country_places,
    curated_places,
    geonames_places,
    load_overrides,
)
from geo_events.gazetteer.stopwords import STOPWORDS

#: ``None``: every country is loaded by default (the whole world).
DEFAULT_COUNTRIES: tuple[str, ...] | None = None
HOME_COUNTRY = "SY"
#: Countries whose names carry the Arabic article (al-, el-) attached in some spellings.
ARABIC_COUNTRIES = frozenset({"SY", "IQ", "JO", "LB"})
#: Governorates the curated data covers best (eastern Syria): their places rank a little higher.
FOCUS_ADMIN1 = frozenset({"Deir ez-Zor", "Raqqa", "Al-Hasakah"})
EARTH_RADIUS_KM = 6371.0088

_KIND_BONUS = {
    "city": 3.0, "town": 2.0, "village": 1.0, "oilfield": 1.5, "gasfield": 1.5, "facility": 1.5,
    "dam": 1.5, "base": 1.5, "river": 1.0, "region": 1.0, "admin1": 0.5, "country": 0.5,
}
MAX_QUERY_CHARS = 300


def fuzzy_cutoff(key_length: int) -> float | None:
    """Return the smallest rapidfuzz ratio accepted for a key of this length (``None``: exact only)."""
    if key_length <= 4:
        return None
    if key_length <= 8:
        return 86.0
    if key_length <= 11:
        return 80.0
    return 76.0


class Gazetteer:
    """Searchable collection of ``Place`` objects (GeoNames cities500 + the curated supplement).

    Parameters
    ----------
    countries : Sequence[str] | None
        ISO2 codes of the GeoNames countries to load; ``None`` (the default) loads every country.
    places : Iterable[Place] | None
        Use exactly these places instead of the bundled data (tests, user gazetteers).
    include_curated : bool
        Add the curated eastern-Syria supplement from ``seeds/gazetteer/``.
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(
        self,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        places: Iterable[Place] | None = None,
        include_curated: bool = True,
    ) -> None:
        key = None
        payload = None
        if places is None:
            key = name_cache.cache_key(countries, include_curated)
            payload = name_cache.load(key)
            if payload is None:
                towns = geonames_places(countries)
                curated = curated_places() if include_curated else []
                outlined = {(p.country, p.admin1 or p.name) for p in curated if p.kind == "admin1"}
                places = [*towns, *admin1_places(towns, skip=outlined), *country_places(towns), *curated]
        if payload is not None:
            self._places, self._blocked, self._by_norm, self._by_key = payload
        else:
            self._places = list(places or ())
            self._blocked = {
                place_id: frozenset(normalize(n) for n in fix["drop"])
                for place_id, fix in load_overrides().items() if fix["drop"]
            }
            self._build_name_indexes()
            if key is not None:
                name_cache.save(key, (self._places, self._blocked, self._by_norm, self._by_key))
        self._by_id: dict[str, Place] = {p.id: p for p in self._places}
        self._build_other_indexes()
        self._cached_search = lru_cache(maxsize=131072)(self._search_uncached)

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the shared gazetteer of the bundled data (built once per process, thread-safe)."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    # ------------------------------------------------------------------ indexes
    def _build_name_indexes(self) -> None:
        by_norm: dict[str, list[tuple[int, bool, str]]] = defaultdict(list)
        by_key: dict[str, list[tuple[int, bool, str]]] = defaultdict(list)
        for index, place in enumerate(self._places):
            seen: set[str] = set()
            for position, name in enumerate((place.name, *place.alt_names)):
                norm = normalize(name)
                if not norm or norm in STOPWORDS or norm in seen or len(norm) < 2:
                    continue
                seen.add(norm)
                by_norm[norm].append((index, position == 0, name))
                by_key[key_of_normalized(norm)].append((index, position == 0, name))
        self._by_norm = dict(by_norm)
        self._by_key = dict(by_key)

    def _build_other_indexes(self) -> None:
        # fuzzy indexes (keys of 5+ letters; shorter ones are matched exactly only): every key under itself
        # and its one-letter deletions; and, for longer typos, blocks of keys of similar length sharing the
        # first or last two letters (one edit never changes both ends)
        deletion_index: dict[str, list[str]] = defaultdict(list)
        blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._fuzzy_entries: dict[str, list[tuple[int, bool, str]]] = {}
        for key, entries in self._by_key.items():
            eligible = [e for e in entries if _fuzzy_eligible(self._places[e[0]])]
            if len(key) < 5 or not eligible:
                continue
            self._fuzzy_entries[key] = eligible
            for variant in (key, *_deletions(key)):
                deletion_index[variant].append(key)
            for length in range(len(key) - 2, len(key) + 3):
                blocks[("^" + key[:2], length)].append(key)
                blocks[(key[-2:] + "$", length)].append(key)
        self._deletion_index = dict(deletion_index)
        self._blocks = dict(blocks)
        self._point_rows = np.array(
            [i for i, p in enumerate(self._places) if p.kind not in AREA_KINDS], dtype=np.int64
        )
        coords = np.array([(self._places[i].lat, self._places[i].lon) for i in self._point_rows], dtype=float)
        self._point_lat = np.radians(coords[:, 0]) if len(coords) else np.zeros(0)
        self._point_lon = np.radians(coords[:, 1]) if len(coords) else np.zeros(0)

    # ------------------------------------------------------------------ access
    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id (``geonames:167899``, ``ge:conoco-gas-plant``) or ``None``."""
        return self._by_id.get(place_id)

    def name_variants(self) -> Iterator[tuple[str, str]]:
        """Yield ``(normalised name variant, place_id)`` for every indexed name (for text matching)."""
        for norm, entries in self._by_norm.items():
            for index, _primary, _name in entries:
                yield norm, self._places[index].id

    # ------------------------------------------------------------------ exact look-up
    def lookup(self, name: str) -> list[Match]:
        """Return every place whose name or spelling variant equals ``name`` (normalised or phonetic key).

        No typo tolerance, no filter, no ranking beyond exact (score 100) before phonetic (95): the raw
        candidates a caller with its own context (the extractor's document) disambiguates itself. Fast: two
        dict look-ups.
        """
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_QUERY_CHARS:
            return []
        norm = normalize(name)
        if not norm or norm in STOPWORDS:
            return []
        found: dict[int, Match] = {}
        for entries, score in ((self._by_norm.get(norm, ()), 100.0),
                               (self._by_key.get(key_of_normalized(norm), ()), 95.0)):
            for index, _primary, matched in entries:
                if index not in found and norm not in self._blocked.get(self._places[index].id, ()):
                    found[index] = Match(self._places[index], score, matched)
        return list(found.values())

    # ------------------------------------------------------------------ search
    def search(
        self,
        query: str,
        country: str | None = None,
        bbox: Sequence[float] | None = None,
        near: Sequence[Any] | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Find the places a name refers to, best first.

        Parameters
        ----------
        query : str
            A place name in any common spelling ("Deir Ezzor", "Dayr az Zawr", "دير الزور").
        country : str | None
            Keep only places of this country (ISO2, ISO3 or English name).
        bbox : Sequence[float] | None
            Keep only places whose representative point is in ``(min_lon, min_lat, max_lon, max_lat)``.
        near : Sequence | None
            Context: ``(lat, lon)`` pairs or ``Place`` objects mentioned nearby; closer places rank higher.
        limit : int
            Most matches returned.

        Returns
        -------
        list[Match]
            Empty when nothing matches well enough (or the query is empty, a stop word or absurd).
        """
        if not isinstance(query, str) or not query.strip() or len(query) > MAX_QUERY_CHARS:
            return []
        code = country_code(country) if country else None
        if country and code is None:
            return []
        box = tuple(float(v) for v in bbox) if bbox is not None else None
        context = context_points(near)
        return list(self._cached_search(query, code, box, context, int(limit)))

    def _search_uncached(
        self,
        query: str,
        code: str | None,
        box: tuple[float, ...] | None,
        context: tuple[tuple[float, float], ...],
        limit: int,
    ) -> tuple[Match, ...]:
        full = normalize(query)
        forms, kind_hint = query_forms(full)
        candidates: dict[int, tuple[float, bool, str]] = {}
        for form in forms:  # a kind word may belong to the name: "Tabqa Dam", "Euphrates valley"
            for index, entry in self._candidates(form).items():
                if index not in candidates or entry[0] > candidates[index][0]:
                    candidates[index] = entry
        if not candidates:
            return ()
        ranked: list[tuple[float, float, Place, str]] = []
        for index, (quality, primary, name) in candidates.items():
            place = self._places[index]
            if any(form in self._blocked.get(place.id, ()) for form in forms):
                continue  # a curated "this name is not this place" (e.g. Sousse is not As Susah)
            if code and place.country != code:
                continue
            if box and not (box[0] <= place.lon <= box[2] and box[1] <= place.lat <= box[3]):
                continue
            rank = quality + _KIND_BONUS.get(place.kind, 0.0) + (1.5 if primary else 0.0)
            rank += min(10.0, 2.0 * math.log10((place.population or 0) + 1))
            rank += 4.0 if place.id.startswith("ge:") else 0.0  # curated for this reporting
            rank += 6.0 if place.country == HOME_COUNTRY and not code else 0.0
            rank += 8.0 if place.admin1 in FOCUS_ADMIN1 and place.country == HOME_COUNTRY else 0.0
            rank += 20.0 if kind_hint and place.kind == kind_hint else 0.0
            if context:
                nearest = min(_haversine_km(place.lat, place.lon, lat, lon) for lat, lon in context)
                rank += 12.0 * max(0.0, 1.0 - nearest / 300.0)
            ranked.append((rank, quality, place, name))
        ranked.sort(key=lambda row: (-row[0], row[2].id))
        return tuple(
            Match(place, round(quality - (0 if kind_agrees(kind_hint, place.kind) else 10), 1), name)
            for _rank, quality, place, name in ranked[:limit]
        )

    def _candidates(self, norm: str) -> dict[int, tuple[float, bool, str]]:
        found: dict[int, tuple[float, bool, str]] = {}

        def add(entries: list[tuple[int, bool, str]], quality: float) -> None:
            for index, primary, name in entries:
                best = found.get(index)
                if best is None or (quality, primary) > (best[0], best[1]):
                    found[index] = (quality, primary, name)

        add(self._by_norm.get(norm, []), 100.0)
        key = key_of_normalized(norm)
        add(self._by_key.get(key, []), 95.0)
        if found:
            return found
        if " " not in norm and norm[:2] in ("al", "el") and len(norm) > 5 and norm[2] not in "aeiou":
            arabic = [e for e in self._by_key.get(key_of_normalized(norm[2:]), [])
                      if self._places[e[0]].country in ARABIC_COUNTRIES]
            add(arabic, 92.0)  # an attached Arabic article: "Elmayadin", "Alomar"
            if found:
                return found
        cutoff = fuzzy_cutoff(len(key))
        if cutoff is None:
            return found
        for fuzzy_key, score in self._fuzzy_keys(key, cutoff):
            add(self._fuzzy_entries[fuzzy_key], round(0.9 * score, 1))
        return found

    def _fuzzy_keys(self, key: str, cutoff: float) -> list[tuple[str, float]]:
        # 1) one edit away: keys sharing the query or one of its one-letter deletions (SymSpell-style)
        near: dict[str, None] = {}
        for variant in (key, *_deletions(key)):
            for candidate in self._deletion_index.get(variant, ()):
                near[candidate] = None
        hits = []
        for candidate in near:
            if candidate == key:
                continue
            edits = OSA.distance(key, candidate, score_cutoff=1)  # transposition counts as one edit
            if edits <= 1 and (len(key) >= 6 or fuzz.ratio(key, candidate) >= cutoff):
                hits.append((candidate, round(100.0 * (1 - edits / max(len(key), len(candidate))), 1)))
        # 2) otherwise, for long keys, rapidfuzz over the keys sharing the first or last two letters
        if not hits and len(key) >= 10:
            block = [*self._blocks.get(("^" + key[:2], len(key)), ()), *self._blocks.get((key[-2:] + "$", len(key)), ())]
            hits = [(c, score) for c, score, _ in process.extract(key, block, scorer=fuzz.ratio,
                                                                    score_cutoff=cutoff, limit=5)]
        if not hits:
            return []
        hits.sort(key=lambda hit: -hit[1])
        top = hits[0][1]
        return list(dict.fromkeys((c, score) for c, score in hits[:5] if score >= top - 3))

    # ------------------------------------------------------------------ reverse
    def nearest(self, lat: float, lon: float, k: int = 1, kinds: Iterable[str] | None = None) -> list[
        tuple[Place, float]
    ]:
        """Return the ``k`` nearest settlements/sites (not rivers or areas) with their distance in km."""
        if not len(self._point_rows):
            return []
        distances = _haversine_array(math.radians(lat), math.radians(lon), self._point_lat, self._point_lon)
        wanted = set(kinds) if kinds else None
        order = np.argsort(distances)
        out: list[tuple[Place, float]] = []
        for row in order:
            place = self._places[int(self._point_rows[row])]
            if wanted and place.kind not in wanted:
                continue
            out.append((place, float(distances[row])))
            if len(out) >= k:
                break
        return out

    def containing(self, lat: float, lon: float, kinds: Iterable[str] = ("admin1", "region")) -> list[Place]:
        """Return the area places (admin1, regions) whose polygon contains the point."""
        from shapely.geometry import Point, shape

        point = Point(lon, lat)
        wanted = set(kinds)
        return [p for p in self._places if p.kind in wanted and shape(p.geometry).covers(point)]


def _fuzzy_eligible(place: Place) -> bool:
    """Typo tolerance is kept for places reporting here names: Syria and Iraq, towns of 10,000+ and
    curated entries. Elsewhere (thousands of small Turkish villages) a one-letter slip of an English word
    ("border", "nurses") would too often land on some hamlet."""
    return place.country in ("SY", "IQ") or (place.population or 0) >= 10_000 or place.id.startswith("ge:")


def _deletions(key: str) -> set[str]:
    """Every string made by deleting one letter of ``key``."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _haversine_array(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    a = np.sin((lats - lat) / 2) ** 2 + np.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    return _haversine_km(lat1, lon1, lat2, lon2)


__all__ = ["DEFAULT_COUNTRIES", "STOPWORDS", "Gazetteer", "fuzzy_cutoff", "haversine_km"]
