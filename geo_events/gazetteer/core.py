"""The ``Gazetteer``: the whole world's place names with exact, phonetic and typo-tolerant search.

Lookups go through three levels, cheapest first: the normalised name (``normalize``), the phonetic key
(``phonetic_key``), then typo tolerance within a budget (one edit for keys of 5–7 letters, two for longer
ones; shorter keys are exact only), found through hashed deletion neighbourhoods (SymSpell-style, see
:mod:`geo_events.gazetteer.typo`) and checked by OSA distance. Typo tolerance is never used when a name matches exactly or phonetically.
Common English words are never place names, and outlet/organisation names ("Kurdistan 24") match nothing.

Candidates are ranked by match quality, the kind the query names ("… province" → the admin unit), feature
class and admin level, population, how well-known the place is (its number of recorded names), and the
caller's context — the countries, admin-1 units and points the document already names. There is no
home region: without context a name goes to its best-known bearer anywhere.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.distance import OSA

from geo_events.gazetteer import cache as index_cache
from geo_events.gazetteer.index import FLAG_CURATED, MIN_FUZZY_KEY, open_or_build
from geo_events.gazetteer.normalize import consonants, key_of_normalized, normalize
from geo_events.gazetteer.not_places import is_not_place
from geo_events.gazetteer.place import AREA_KINDS, KINDS, Match, Place
from geo_events.gazetteer.query import Context, kind_agrees, kind_filter, make_context, query_forms
from geo_events.gazetteer.sources import (
    admin1_places,
    country_code,
    country_places,
    curated_places,
    geonames_places,
    load_overrides,
)
from geo_events.gazetteer.stopwords import COMMON_ZIPF, FAMILIAR_ZIPF, STOPWORDS
from geo_events.gazetteer.user_sources import check_paths, extra_paths, extra_places
from geo_events.geodesy import haversine_km, haversine_km_radians

#: ``None``: every country is loaded by default (the whole world).
DEFAULT_COUNTRIES: tuple[str, ...] | None = None
#: Countries whose names carry the Arabic article (al-, el-) attached in some spellings.
ARABIC_COUNTRIES = frozenset({"SY", "IQ", "JO", "LB", "YE", "SA", "LY", "EG", "SD", "PS", "TN", "DZ", "MA"})
#: Countries whose place names come from scripts that write no short vowels (Arabic, Persian, Pashto).
_UNVOCALISED_COUNTRIES = ARABIC_COUNTRIES | {"IR", "AF", "PK", "KW", "AE", "QA", "BH", "OM", "MR"}
_VOWELS = frozenset("aeiou")
#: The Arabic article written as its own word or with a hyphen ("al-Hol", "As Susah", "El Fasher").
_ARTICLE_RE = re.compile(r"^(?:al|el|as|ash|ad|ar|az|at|an|ad|ed|es|ez|adh|ath)(?:[-‑]|\s+)(?=\w)", re.IGNORECASE)


def _short_vowel_drops(key: str) -> list[str]:
    """The key without one vowel standing between two consonants (not the first or last letter)."""
    return [key[:i] + key[i + 1:] for i in range(1, len(key) - 1)
            if key[i] in _VOWELS and key[i - 1] not in _VOWELS and key[i + 1] not in _VOWELS]
MAX_QUERY_CHARS = 300
#: Names of up to this many letters (normalised, spaces removed) get one edit as written, longer ones two.
SHORT_NAME = 5

#: Feature class / admin level: what a bare name most likely means when several places bear it.
_KIND_BONUS = {
    "city": 3.0, "town": 2.0, "village": 1.0, "oilfield": 1.5, "gasfield": 1.5, "facility": 1.5,
    "dam": 1.5, "base": 1.5, "river": 8.0, "admin2": 8.0, "region": 8.0, "admin1": 12.0, "country": 18.0,
}
#: GeoNames cities500 lists towns of 500+ people *or seats of an administrative division*: a town without
#: a recorded population is such a seat, ranked as if it had this many people.
_SEAT_POPULATION = 5_000
#: Rank bonus of an exact (normalised) match over a phonetic-only one.
_EXACT_BONUS = 12.0


_NO_CONTEXT = Context()
#: ``key_of_normalized`` of query forms, cached (each form is keyed by the exact and the typo stage).
query_key = lru_cache(maxsize=65536)(key_of_normalized)


def fuzzy_cutoff(key_length: int) -> int | None:
    """Return the typo budget (most edits) for a phonetic key of this length (``None``: exact only).

    One edit up to 7 letters of key (names of about 5–9 letters once folded), two beyond: two edits in a
    short key reach too many unrelated names of the whole world.
    """
    if key_length < MIN_FUZZY_KEY:
        return None
    return 1 if key_length <= 7 else 2


class Gazetteer:
    """Searchable places of the whole world: GeoNames cities500, admin-1 units, countries, curated supplement.

    Parameters
    ----------
    countries : Sequence[str] | None
        ISO2 codes of the GeoNames countries to load; ``None`` (the default) loads every country.
    places : Iterable[Place] | None
        Use exactly these places instead of the bundled data (tests, user gazetteers).
    include_curated : bool
        Add the curated supplement from ``seeds/gazetteer/``.
    extra : Sequence[str | Path] | None
        More places: GeoNames country dumps (``SY.zip``, ``ML.txt``) or CSV files in the curated layout
        (:mod:`geo_events.gazetteer.user_sources`). ``None`` (the default) reads ``GEO_EVENTS_GAZETTEER_EXTRA``.
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(
        self,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        places: Iterable[Place] | None = None,
        include_curated: bool = True,
        extra: Sequence[str | Path] | None = None,
    ) -> None:
        blocked = {place_id: frozenset(normalize(n) for n in fix["drop"])
                   for place_id, fix in load_overrides().items() if fix["drop"]}
        if places is None:
            files = extra_paths() if extra is None else tuple(Path(p) for p in extra)
            check_paths(files)  # a missing file fails before any work; its rows are read only when building
            folder = index_cache.index_folder(countries, include_curated, files)
            self._table = open_or_build(folder, lambda: (
                _bundled(countries, include_curated, extra_places(files, countries) if files else []), blocked))
        else:
            given = list(places)
            self._table = open_or_build(None, lambda: (given, blocked))
            self._table._cache.update(enumerate(given))
        rows = {place_id: self._table.row_of(place_id) for place_id in blocked}
        #: row → normalised names that are NOT this place (curated), even when they sound alike
        self._blocked_rows = {row: blocked[pid] for pid, row in rows.items() if row is not None}
        self._point_rows: np.ndarray | None = None
        self._prior: list[float] | None = None
        self._cached_search = lru_cache(maxsize=65536)(self._search_uncached)
        self._cached_lookup = lru_cache(maxsize=262144)(self._lookup_uncached)

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the shared gazetteer of the bundled data (built once per process, thread-safe)."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    # ------------------------------------------------------------------ access
    def __iter__(self) -> Iterator[Place]:
        table = self._table
        return (table._cache.get(row) or table.make(row) for row in range(table.count))

    def __len__(self) -> int:
        return self._table.count

    def places_where(self, min_population: int = 0, kinds: Iterable[str] = ()) -> Iterator[Place]:
        """Yield the places of a kind in ``kinds`` or with at least ``min_population`` people, and every curated
        (``ge:``) entry — filtered on the index columns before any ``Place`` is made (cheap on the world)."""
        table = self._table
        wanted = frozenset(kinds)
        population, kind = table.population, table.kind
        for row in range(table.count):
            if kind[row] in wanted or population[row] >= min_population > 0 or (
                    table.string(int(table.cols["id"][row])).startswith("ge:")):
                yield table._cache.get(row) or table.make(row)

    def __contains__(self, place_id: object) -> bool:
        return isinstance(place_id, str) and self._table.row_of(place_id) is not None

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id (``geonames:167899``, ``ge:conoco-gas-plant``) or ``None``."""
        row = self._table.row_of(place_id) if isinstance(place_id, str) else None
        return None if row is None else self._table.place(row)

    def name_variants(self) -> Iterator[tuple[str, str]]:
        """Yield ``(normalised name variant, place_id)`` for every indexed name (for text matching)."""
        table = self._table
        ids = table.cols["id"]
        for norm, row in table.norms():
            yield norm, table.string(int(ids[row]))

    def country_place(self, code: str) -> Place | None:
        """Return the ``country`` place of an ISO2/ISO3 code or English name, or ``None``."""
        iso2 = country_code(code) if code else None
        return self.get(f"geonames-country:{iso2}") if iso2 else None

    def admin1_of(self, country: str, name: str) -> Place | None:
        """Return the admin-1 unit of ``country`` called ``name`` ("Idlib", "Donetsk Oblast", "Nord Kivu"),
        tolerant of spelling (phonetic keys, then one or two edits), or ``None``."""
        iso2 = country_code(country) if country else None
        if not iso2 or not isinstance(name, str) or not name.strip():
            return None
        found = self.search(name, country=iso2, kind="admin1", limit=1)
        if not found and " " in name.strip():
            found = self.search(name.strip().rsplit(" ", 1)[0], country=iso2, kind="admin1", limit=1)
        return found[0].place if found and found[0].score >= 70 else None

    # ------------------------------------------------------------------ exact look-up
    def lookup(self, name: str) -> list[Match]:
        """Return every place whose name or spelling variant equals ``name`` (normalised or phonetic key).

        No typo tolerance, no filter, no ranking beyond exact (score 100) before phonetic (95): the raw
        candidates a caller with its own context (the extractor's document) disambiguates itself. Fast: two
        trie look-ups (results are cached).
        """
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_QUERY_CHARS:
            return []
        return list(self._cached_lookup(name))

    def _lookup_uncached(self, name: str) -> tuple[Match, ...]:
        norm = normalize(name)
        if not norm or norm in STOPWORDS:
            return ()
        table = self._table
        found: dict[int, Match] = {}
        for entries, score in ((table.by_norm(norm), 100.0), (table.by_key(key_of_normalized(norm)), 95.0)):
            for row, ref in entries:
                if row not in found and norm not in self._blocked_rows.get(row, ()):
                    found[row] = Match(table.place(row), score, table.name_of(ref))
        return tuple(found.values())

    # ------------------------------------------------------------------ search
    def search(
        self,
        query: str,
        country: str | Sequence[str] | None = None,
        bbox: Sequence[float] | None = None,
        near: Sequence[Any] | None = None,
        limit: int = 5,
        *,
        date: Any = None,
        context: Any = None,
        kind: str | Iterable[str] | None = None,
    ) -> list[Match]:
        """Find the places a name refers to, best first.

        Parameters
        ----------
        query : str
            A place name in any common spelling ("Deir Ezzor", "Dayr az Zawr", "دير الزور", "Kharkov").
        country : str | Sequence[str] | None
            Keep only places of this country or these countries (ISO2, ISO3 or English name).
        bbox : Sequence[float] | None
            Keep only places whose representative point is in ``(min_lon, min_lat, max_lon, max_lat)``.
        near : Sequence | None
            ``(lat, lon)`` pairs or ``Place`` objects mentioned nearby; closer places rank higher.
        limit : int
            Most matches returned.
        date : date | str | None
            Accepted for symmetry with the geocoder (place names do not change with the date here).
        context : Any
            What the document already names: ISO2 codes or country names, admin-1 names, ``Place``/``Match``
            objects, ``(lat, lon)`` points, a dict with ``countries``/``admin1``/``points``, or a ``Context``.
            Places in those countries and units, and near those points, rank higher (never a filter).
        kind : str | Iterable[str] | None
            Keep only these kinds (``city``/``settlement``, ``admin1``/``state``, ``country``, ``facility``,
            ``river``, ``region`` or any of ``KINDS``), like Nominatim's ``featuretype``.

        Returns
        -------
        list[Match]
            Empty when nothing matches well enough, or the query is empty, a stop word, an outlet or
            organisation name, or absurd.

        Raises
        ------
        ValueError
            When ``kind`` names no known kind.
        """
        if not isinstance(query, str) or not query.strip() or len(query) > MAX_QUERY_CHARS:
            return []
        if country is None and bbox is None and near is None and context is None and kind is None:
            return list(self._cached_search(query, None, None, _NO_CONTEXT, None, int(limit)))  # the common call
        codes: frozenset[str] | None = None
        if country:
            wanted = [country] if isinstance(country, str) else list(country)
            resolved = {country_code(c) for c in wanted}
            if None in resolved:
                return []
            codes = frozenset(c for c in resolved if c)
        box = tuple(float(v) for v in bbox) if bbox is not None else None
        scope = make_context(context, near, country_code)
        if any(not country for country, _ in scope.admin1s):
            scope = self._resolve_names(scope)
        kinds = kind_filter(kind)
        return list(self._cached_search(query, codes, box, scope, kinds, int(limit)))

    def _resolve_names(self, scope: Context) -> Context:
        """Turn context names that are not countries ("Akkar", "Donetsk Oblast", "Goma") into what they
        are: an admin-1 unit or a place, adding its country, unit and point to the context."""
        countries, admin1s, points = set(scope.countries), set(), list(scope.points)
        for country, name in scope.admin1s:
            if country:
                admin1s.add((country, name))
                continue
            found = self.search(name, limit=1)
            if not found or found[0].score < 90:
                admin1s.add((country, name))
                continue
            place = found[0].place
            countries.add(place.country)
            if place.admin1:
                admin1s.add((place.country, place.admin1))
            if place.kind != "country":
                points.append((place.lat, place.lon))
        return Context(frozenset(countries), frozenset(admin1s), tuple(dict.fromkeys(points)))

    def _search_uncached(
        self,
        query: str,
        codes: frozenset[str] | None,
        box: tuple[float, ...] | None,
        scope: Context,
        kinds: frozenset[str] | None,
        limit: int,
    ) -> tuple[Match, ...]:
        if is_not_place(query) and not any(
                m.score >= 100 and m.place.id.startswith("ge:") for m in self._cached_lookup(query)):
            return ()  # (a curated row called so wins: "Kurram Agency" is a district, not an agency)
        full = normalize(query)
        forms, hint = query_forms(full)
        table = self._table
        zipf = table.english_zipf(full) if full and " " not in full and full.isascii() else 0.0

        blocked_rows = self._blocked_rows

        def allowed(row: int) -> bool:
            if row in blocked_rows and any(form in blocked_rows[row] for form in forms):
                return False  # a curated "this name is not this place" (e.g. Sousse is not As Susah)
            if codes and table.country_of[row] not in codes:
                return False
            if kinds and table.kind[row] not in kinds:
                return False
            return not box or (box[0] <= table.lon[row] <= box[2] and box[1] <= table.lat[row] <= box[3])

        if not codes and not kinds and not box:  # the common call: only the curated blocks apply
            def allowed(row: int) -> bool:
                return row not in blocked_rows or not any(form in blocked_rows[row] for form in forms)

        def notable(row: int) -> bool:  # what a common English word may still name: a major or expected place
            country = table.country_of[row]
            return (table.population[row] >= 100_000 or table.kind[row] in ("admin1", "country")
                    or bool(table.flags[row] & FLAG_CURATED) or bool(codes and country in codes)
                    or country in scope.countries)

        candidates: dict[int, tuple[float, int, int]] = {}
        for step, form in enumerate(forms):  # a kind word may belong to the name: "Tabqa Dam", "Euphrates valley"
            for row, (quality, ref) in self._exact(form).items():
                if zipf >= COMMON_ZIPF and (quality < 100.0 or not notable(row)):
                    continue
                if zipf >= FAMILIAR_ZIPF and quality < 100.0 and not notable(row):
                    continue  # "clan" is not Clane, "fierce" not Fercé
                if allowed(row) and (row not in candidates or quality - 4 * step > candidates[row][0] - 4 * candidates[row][2]):
                    candidates[row] = (quality, ref, step)
        typo_form = None
        if not candidates and zipf < FAMILIAR_ZIPF:  # typo tolerance: no exact/phonetic hit survived the filters
            for step, form in enumerate(forms):
                for row, (quality, ref) in self._fuzzy(form).items():
                    if allowed(row) and (row not in candidates or quality > candidates[row][0]):
                        candidates[row] = (quality, ref, step)
                if candidates:
                    typo_form = form
                    break
        if not candidates:
            return ()
        article = _ARTICLE_RE.match(query.strip()) is not None
        rank_of = self._rank
        # best rank first, ties by row (rows are distinct: the tuples never compare further)
        ranked = sorted((-(rank_of(row, quality - 4 * step, ref, hint, scope, quality >= 100.0) + (
                             self._article_agreement(row, ref) if article else 0.0)), row, quality, ref, step)
                        for row, (quality, ref, step) in candidates.items())
        out: list[Match] = []
        for _rank, row, quality, ref, step in ranked:
            if typo_form is not None and not self._spelled_close(typo_form, ref):
                continue
            if quality < 100.0 and typo_form is None and len(forms[step].replace(" ", "")) <= SHORT_NAME and (
                    not self._sounds_close(forms[step], ref)):
                continue  # a short key sounds like too many names: "Shifa" is not Haifa's "Chaifa"
            if article and quality < 100.0 and self._article_agreement(row, ref) < 0:
                continue  # "al-Shifa" is not a "Shefa" outside the Arabic-speaking world
            penalty = 0 if kind_agrees(hint, table.kind[row]) else 10
            out.append(Match(table.place(row), round(quality - penalty, 1), table.name_of(ref)))
            if len(out) >= limit:
                break
        return tuple(out)

    def _article_agreement(self, row: int, ref: int) -> float:
        """A query written with the Arabic article ("al-Hol", "As Susah") points to a name that has it, in a
        country whose names are romanised from Arabic or Persian: not Norway's Hol, not Tunisia's "Susah"."""
        table = self._table
        if _ARTICLE_RE.match(table.name_of(ref)) or _ARTICLE_RE.match(table.string(int(table.cols["name"][row]))):
            return 4.0
        return 0.0 if self._table.country_of[row] in _UNVOCALISED_COUNTRIES else -6.0

    def _rank(self, row: int, quality: float, ref: int, hint: str | None, scope: Context, exact: bool) -> float:
        """``quality`` after the kind-word step; ``exact``: the name itself matched exactly (the "Kauru" of
        "Kauru district" is exact though a kind word went, Kovrov's spelling "Kaurou" is not)."""
        rank = quality + (self._prior or self._priors())[row] + (3.0 if ref < 0 else 0.0)
        if exact:
            rank += _EXACT_BONUS
        if hint:
            kind = self._table.kind[row]
            if kind_agrees(hint, kind) and (hint == kind or hint in ("admin1", "region")):
                rank += 20.0
        if scope:
            table = self._table
            rank += scope.weight(table.country_of[row], table.admin1(row), table.lat[row], table.lon[row])
        return rank

    def _priors(self) -> list[float]:
        """Each row's rank before the query: feature class and admin level, population (settlements and
        sites), how well-known the place is (its number of recorded names), curated or not."""
        if self._prior is None:
            table = self._table
            kinds = np.asarray(table.cols["kind"])
            prior = np.array([_KIND_BONUS.get(kind, 0.0) for kind in KINDS])[kinds]
            population = np.asarray(table.cols["population"], dtype=np.float64)
            population[population == 0] = _SEAT_POPULATION
            area = np.isin(kinds, [KINDS.index(kind) for kind in AREA_KINDS])
            prior += np.where(area, 0.0, np.minimum(12.0, 2.0 * np.log10(population + 1)))
            alt_off = np.asarray(table.cols["alt_off"])
            prior += np.minimum(10.0, 2.0 * np.log2(1.0 + (alt_off[1:] - alt_off[:-1])))
            prior += np.where(np.asarray(table.cols["flags"]) & FLAG_CURATED, 3.0, 0.0)
            self._prior = prior.tolist()
        return self._prior

    def _exact(self, norm: str) -> dict[int, tuple[float, int]]:
        table = self._table
        found: dict[int, tuple[float, int]] = {}
        for row, ref in table.by_norm(norm):
            found.setdefault(row, (100.0, ref))
        key = query_key(norm)
        for row, ref in table.by_key(key):
            found.setdefault(row, (95.0, ref))
        if not found and " " not in norm and norm[:2] in ("al", "el") and len(norm) > 5 and norm[2] not in "aeiou":
            for row, ref in table.by_key(query_key(norm[2:])):  # attached article: "Elmayadin"
                if table.country_of[row] in ARABIC_COUNTRIES:
                    found.setdefault(row, (92.0, ref))
        if not found and " " not in norm and len(key) >= 5:
            # a short vowel written where the romanisation of an Arabic or Persian name leaves none
            # ("Bidama" for Bdama): too short a name for typo tolerance, yet one vowel from a listed one
            for variant in _short_vowel_drops(key):
                for row, ref in table.by_key(variant):
                    if table.country_of[row] in _UNVOCALISED_COUNTRIES:
                        found.setdefault(row, (90.0, ref))
        return found

    def _fuzzy(self, norm: str) -> dict[int, tuple[float, int]]:
        key = query_key(norm)
        budget = fuzzy_cutoff(len(key))
        if budget is None or norm in STOPWORDS:
            return {}
        table = self._table
        near = table.typo_keys(key)
        hits = _within(key, near, 1)
        if not hits and budget >= 2:
            near = table.typo_keys(key, two_edits=True, known=near)  # the one-edit keys are not looked up again
            hits = _within(key, near, 2)
        if not hits:
            return {}
        best = min(edits for _, edits in hits)
        found: dict[int, tuple[float, int]] = {}
        rows_of, length = table.fuzzy_rows_of, len(key)
        for candidate, edits in sorted(hits):  # a fixed order: the same answer in every process
            if edits > best:
                continue
            quality = round(90.0 * (1 - edits / max(length, len(candidate))), 1)
            for row, ref in rows_of(near[candidate]):
                held = found.get(row)
                # of a place's equally close names, its primary name (a negative ref) is the one matched
                if held is None or quality > held[0] or (quality == held[0] and ref < 0 <= held[1]):
                    found[row] = (quality, ref)
        return found

    def _spelled_close(self, norm: str, ref: int) -> bool:
        """True when a typo-tolerant hit is also close as written, not only once folded ("although" folds
        to "altug", one edit from Alton's "altun"): one edit for names of up to ``SHORT_NAME`` letters, as
        for the key; for longer ones the key's two edits and one more for what folding hid."""
        flat_query = norm.replace(" ", "")
        budget = 1 if len(flat_query) <= SHORT_NAME else 3
        written = self._table.norm_of(ref).replace(" ", "")
        return OSA.distance(flat_query, written, score_cutoff=budget) <= budget

    def _sounds_close(self, norm: str, ref: int) -> bool:
        """True when a short name matched by its phonetic key only is a spelling of the same name: one edit
        away as written, or the same consonants in the same order once vowels are set aside ("Edleb" and
        "Idlib", "Rakka" and "Raqqa"), not consonants the key folded together ("Shifa" and "Chaifa"). A name
        whose key has three letters or fewer must also be within two edits ("El Dher" is not Győr)."""
        flat_query = norm.replace(" ", "")
        written = self._table.norm_of(ref).replace(" ", "")
        edits = OSA.distance(flat_query, written, score_cutoff=3)
        if edits > 2 and len(query_key(norm)) <= 3:
            return False
        return edits <= 1 or consonants(flat_query) == consonants(written)

    # ------------------------------------------------------------------ reverse
    def _points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._point_rows is None:
            table = self._table
            kinds = np.array([k not in AREA_KINDS for k in table.kind], dtype=bool)
            self._point_rows = np.flatnonzero(kinds)
            self._point_lat = np.radians(np.asarray(table.cols["lat"])[self._point_rows])
            self._point_lon = np.radians(np.asarray(table.cols["lon"])[self._point_rows])
        return self._point_rows, self._point_lat, self._point_lon

    def nearest(self, lat: float, lon: float, k: int = 1, kinds: Iterable[str] | None = None) -> list[
        tuple[Place, float]
    ]:
        """Return the ``k`` nearest settlements/sites (not rivers or areas) with their distance in km."""
        rows, lats, lons = self._points()
        if not len(rows):
            return []
        distances = haversine_km_radians(math.radians(lat), math.radians(lon), lats, lons)
        wanted = set(kinds) if kinds else None
        order = np.argsort(distances) if wanted or k > 16 else np.argpartition(distances, min(k, len(rows) - 1))[:k]
        order = sorted(order, key=lambda i: distances[i])
        out: list[tuple[Place, float]] = []
        for index in order:
            row = int(rows[index])
            if wanted and self._table.kind[row] not in wanted:
                continue
            out.append((self._table.place(row), float(distances[index])))
            if len(out) >= k:
                break
        return out

    def containing(self, lat: float, lon: float, kinds: Iterable[str] = ("admin1", "region")) -> list[Place]:
        """Return the area places (admin1, regions) whose outline contains the point (curated outlines)."""
        from shapely.geometry import Point, shape

        point = Point(lon, lat)
        wanted = set(kinds)
        table = self._table
        rows = np.flatnonzero(np.asarray(table.cols["geometry"]) >= 0)
        places = [table.place(int(r)) for r in rows if table.kind[int(r)] in wanted]
        return [p for p in places if p.geometry.get("type") in ("Polygon", "MultiPolygon")
                and shape(p.geometry).covers(point)]


def _bundled(countries: Sequence[str] | None, include_curated: bool, added: Sequence[Place] = ()) -> list[Place]:
    towns = geonames_places(countries)
    curated = curated_places() if include_curated else []
    outlined = {(p.country, p.admin1 or p.name) for p in curated if p.kind == "admin1"}
    known = {p.id for p in towns} | {p.id for p in curated}
    extra = [p for p in added if p.id not in known]  # a user's dump repeats the bundled cities500 rows
    return [*towns, *admin1_places(towns, skip=outlined), *country_places(towns), *curated, *extra]


def _within(key: str, candidates: Iterable[str], budget: int) -> list[tuple[str, int]]:
    hits = []
    for candidate in candidates:
        if candidate == key:
            continue
        edits = OSA.distance(key, candidate, score_cutoff=budget)
        if edits <= budget:
            hits.append((candidate, edits))
    return hits


__all__ = ["DEFAULT_COUNTRIES", "STOPWORDS", "Gazetteer", "fuzzy_cutoff", "haversine_km"]
