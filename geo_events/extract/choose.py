"""Choosing an event's location and date among the places and dates an article mentions.

Mixed into the extraction context of :mod:`geo_events.extract.pipeline` (which provides ``text``,
``article``, ``places``, ``dates``, ``published``, ``headline_index`` and ``weight``). The rules are
described in ``docs/merge.md`` ("Extraction conventions").
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from geo_events.extract.dates import DateMention
from geo_events.extract.places import PlaceMention

if TYPE_CHECKING:
    from geo_events.extract.pipeline import _Segment

_METONYM_AFTER_RE = re.compile(
    r"^\W*(?:has|have|had|said|says|condemned|claimed|accused|denied|called|warned|demanded|described|insisted"
    r"|wants|responded|announced|blamed|rejected|urged|is|was|and\s+\w+\s+(?:said|were|have))\b",
    re.IGNORECASE,
)
_METONYM_BEFORE_RE = re.compile(r"(?:backing|backed\s+by|loyal\s+to|support(?:ed|ing)?(?:\s+for)?|allies\s+of|ally\s+of"
                                r"|pro-|with|and|between|from|to)\s*$", re.IGNORECASE)
_STATEMENT_BEFORE_RE = re.compile(r"(?:said|says|told|statement|announced|claimed|reported|added|stated)"
                                  r"(?:\s+\w+){0,4}\s*$", re.IGNORECASE)
_AREA_KINDS = frozenset({"river", "region", "admin1", "admin2", "country"})


#: Country names (lower case) → ISO 3166-1 alpha-2, for "in eastern Syria"-style mentions.
COUNTRY_CODES = {"syria": "SY", "iraq": "IQ", "turkey": "TR", "lebanon": "LB", "jordan": "JO", "israel": "IL",
                 "iran": "IR", "yemen": "YE", "libya": "LY", "egypt": "EG", "afghanistan": "AF", "russia": "RU"}
_COUNTRY_PLACE_RE = re.compile(
    r"\b(?:in|of|across|inside|into|throughout|from)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|central|northern|southern|eastern"
    r"|western|north-eastern|north-western|south-eastern|south-western)(?:ern)?\s+)?"
    rf"(?P<country>{'|'.join(['syria', 'iraq', 'turkey', 'lebanon', 'jordan', 'israel', 'iran', 'yemen', 'libya', 'egypt', 'afghanistan', 'russia'])})\b"
)


class LocationAndDateChoice:
    """Location, precision, control zone and date selection for one segment of an article."""

    text: str
    low: str
    actor_starts: frozenset[int]
    article: Any
    places: list[PlaceMention]
    dates: list[DateMention]
    published: date
    headline_index: int | None

    def weight(self, index: int, segment_first: int) -> float:  # pragma: no cover - provided by the pipeline
        raise NotImplementedError

    def _is_metonym(self, mention: PlaceMention) -> bool:
        if mention.cue_before in ("in", "near", "at", "outside", "around", "into", "village", "town", "city"):
            return False
        if mention.start in self.actor_starts:
            return True  # "Ankara pressed on", "forces backing Damascus": the government, not the place
        after = self.text[mention.end : mention.end + 40]
        before = self.text[max(0, mention.start - 30) : mention.start]
        return bool(_METONYM_AFTER_RE.match(after) or _METONYM_BEFORE_RE.search(before))

    def _is_dateline(self, mention: PlaceMention) -> bool:
        """True for "BEIRUT (Reuters) -" / "DAMASCUS, Syria —": where the reporter files from, not the event."""
        written = self.text[mention.start : mention.end]
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        return (written.isupper() and len(written) > 2 and not self.text[line_start : mention.start].strip()
                and bool(re.match(r"\s*(?:,|\(|—|–|-)", self.text[mention.end : mention.end + 3])))

    def _location(self, segment: _Segment, event_sentences: dict[int, float]) -> PlaceMention | None:
        found = self._choose_location(segment, event_sentences, skip_metonyms=True)
        if found is None:  # "Damascus was hit by missiles": a capital is better than no place at all
            found = self._choose_location(segment, event_sentences, skip_metonyms=False)
        return found

    def _choose_location(self, segment: _Segment, event_sentences: dict[int, float],
                         skip_metonyms: bool) -> PlaceMention | None:
        sentence_of = {s.start: i for i, s in segment.sentences}
        candidates: list[tuple[PlaceMention, float]] = []
        for mention in self.places:
            if not (segment.start <= mention.start < segment.end):
                continue
            if (skip_metonyms and self._is_metonym(mention)) or self._is_dateline(mention):
                continue
            index = self.article.sentence_index(mention.start)
            sentence = self.article.sentences[index] if index < len(self.article.sentences) else None
            if sentence is None or sentence.start not in sentence_of:
                continue
            weight = event_sentences.get(index, 0.0) * 2 + self.weight(index, segment.sentences[0][0]) * 0.5
            candidates.append((mention, weight))
        if not candidates:
            return None
        country_weight: dict[str, float] = defaultdict(float)
        admin_weight: dict[str, float] = defaultdict(float)
        first_seen: dict[str, int] = {}
        for mention, weight in candidates:
            country = getattr(mention.place, "country", "")
            country_weight[country] += weight + 0.1
            first_seen.setdefault(country, mention.start)
            admin1 = admin1_of(mention.place)
            if admin1 and mention.place.kind != "country":
                admin_weight[admin1] += weight + (0.5 if mention.place.kind == "admin1" else 0.1)
                first_seen.setdefault(admin1, mention.start)
        for code, weight in self._country_mentions(segment, event_sentences).items():
            country_weight[code] += weight
            first_seen.setdefault(code, segment.end)
        # ties go to the name mentioned first (stable, and usually the one the lead is about)
        focus_country = max(country_weight.items(), key=lambda kv: (round(kv[1], 6), -first_seen[kv[0]]))[0]
        focus_admin = (max(admin_weight.items(), key=lambda kv: (round(kv[1], 6), -first_seen[kv[0]]))[0]
                       if admin_weight else None)

        def consistent(mention: PlaceMention) -> int:
            place = mention.place
            if getattr(place, "country", "") != focus_country:
                return 2
            admin1 = admin1_of(place)
            if focus_admin and admin1 and admin1 != focus_admin:
                return 1
            return 0

        best = min(
            candidates,
            key=lambda mw: (consistent(mw[0]), mw[0].rank if mw[1] > 0.3 else mw[0].rank + 0.5, -mw[1],
                            mw[0].start),
        )
        return best[0]

    def _country_mentions(self, segment: Any, event_sentences: dict[int, float]) -> dict[str, float]:
        """Weights of countries named as places ("in eastern Syria", "areas of northern Iraq")."""
        found: dict[str, float] = defaultdict(float)
        for match in _COUNTRY_PLACE_RE.finditer(self.low, segment.start, segment.end):
            index = self.article.sentence_index(match.start())
            weight = event_sentences.get(index, 0.0) * 2 + self.weight(index, segment.sentences[0][0]) * 0.5
            found[COUNTRY_CODES[match.group("country")]] += weight
        return found

    def _geo_precision(self, mention: PlaceMention, event_sentences: dict[int, float]) -> int:
        kind = getattr(mention.place, "kind", "town")
        if kind in ("admin1", "country"):
            return 3
        if kind in _AREA_KINDS:
            return 2
        index = self.article.sentence_index(mention.start)
        direct = mention.cue_before in ("in", "at", "on", "village", "town", "city") or mention.cue_after in (
            "village", "town", "city")
        return 1 if index in event_sentences and direct else 2

    def _zone(self, place: Any, geo_precision: int, day: date) -> tuple[str | None, str | None]:
        if geo_precision > 2 or getattr(place, "kind", "") in _AREA_KINDS:
            return None, None
        try:
            from geo_events import zones
        except ImportError:
            return None, None
        return _zone_of(zones, place.lat, place.lon, day)

    # ------------------------------------------------------------------ date
    def _event_date(self, segment: _Segment, event_sentences: dict[int, float]) -> tuple[date, str, DateMention | None]:
        best: tuple[float, int, DateMention] | None = None
        for mention in self.dates:
            if not (segment.start <= mention.start < segment.end) or mention.kind == "dateline":
                continue
            index = self.article.sentence_index(mention.start)
            if index == self.headline_index:
                continue
            score = event_sentences.get(index, 0.0) * 2 + self.weight(index, segment.sentences[0][0]) * 0.25
            sentence = self.article.sentences[index]
            before = self.text[max(sentence.start, mention.start - 40) : mention.start]
            if _STATEMENT_BEFORE_RE.search(before) and mention.kind in ("weekday", "relative", "absolute"):
                score *= 0.4 if index not in event_sentences or mention.kind != "relative" else 0.9
            if mention.precision == "day":
                score *= 1.2
            if mention.kind == "overnight":
                score *= 0.8
            if best is None or score > best[0]:
                best = (score, -mention.start, mention)
        if best is None or best[0] <= 0:
            return self.published, "week", None
        mention = best[2]
        return mention.date, mention.precision, mention

    # ------------------------------------------------------------------ claims


@lru_cache(maxsize=8192)
def _zone_of(zones: Any, lat: float, lon: float, day: date) -> tuple[str | None, str | None]:
    """Controller and side of the line at a point on a day (cached: many events share both)."""
    try:
        zone = zones.zone_at((lat, lon), day)
        side = zones.side_of_line((lat, lon), day)
    except Exception:  # noqa: BLE001 - zones are optional context, never a reason to lose the event
        return None, None
    return (zone or {}).get("controller"), side


def admin1_of(place: Any) -> str | None:
    """Return the governorate name of a place (the name itself for a governorate)."""
    if getattr(place, "kind", "") == "admin1":
        name = getattr(place, "admin1", None) or place.name
        return re.sub(r"\s+(?:Governorate|Province)$", "", name)
    return getattr(place, "admin1", None)


def display_name(place: Any) -> str:
    """Return the name an event is coded to ("Deir ez-Zor (governorate)" for a governorate)."""
    name = place.name
    if getattr(place, "kind", "") == "admin1":
        return re.sub(r"\s+(?:Governorate|Province)$", "", name) + " (governorate)"
    return name
