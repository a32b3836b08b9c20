"""Article → events: the extraction pipeline that ties places, dates, actors, types and claims together.

Steps for one article (all linear in its length):

1. check and prepare the text (:mod:`.text`): size cap, HTML stripping, sentences;
2. split it into *segments*: the whole article, or parts introduced by "In a separate attack",
   "Elsewhere", "Separately" … — each segment may yield one event;
3. per segment: score ACLED sub-event types from trigger words (headline and lead weigh most); no
   violent or political trigger → no event;
4. actors by role (:mod:`.roles`), the event date (mentions in event sentences first, statement dates
   such as "said on Thursday" last), the location (most specific place consistent with the governorate
   and country the segment is about; capitals used for governments — "Damascus condemned" — are not
   locations), and the casualty claims of every sentence attributed to their claimants (:mod:`.claims`);
5. build and validate an :class:`geo_events.models.Event`.

Evidence offsets are character offsets into the prepared text: the caller's text itself unless it was
HTML (then into the tag-stripped text; the result says ``"html_stripped": true``).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from geo_events.errors import ExtractionError, InvalidQuery, ValidationFailed
from geo_events.extract.actors import ActorList, default_actors
from geo_events.extract.choose import LocationAndDateChoice, admin1_of, display_name
from geo_events.extract.claims import CASUALTY_RE, CASUALTY_SCANNER, FoundClaim, find_claims
from geo_events.extract.dates import DateMention, find_dates
from geo_events.extract.event_types import classify, find_triggers
from geo_events.extract.matcher import TokenText, lower_same_length
from geo_events.extract.places import KIND_RANK, find_places
from geo_events.extract.roles import RoleVotes, decide, vote, vote_blame
from geo_events.extract.text import Article, Sentence, english_ratio, prepare_text
from geo_events.models import Event, Source, source_id_for, stable_id
from geo_events.query import parse_date

#: Below this share of English function words a text is treated as not English (no events).
MIN_ENGLISH_RATIO = 0.12
_SEGMENT_RE = re.compile(
    r"^(?:in\s+(?:a\s+)?(?:separate|another|an\s+unrelated)\b|separately\b|elsewhere\b|meanwhile,?\s+in\b"
    r"|in\s+other\s+(?:news|developments)\b)",
    re.IGNORECASE,
)


@dataclass
class _Segment:
    start: int
    end: int
    sentences: list[tuple[int, Sentence]]


def parse_published(published: object) -> date:
    """Return the publication date from a date, datetime or ISO string (``ExtractionError`` otherwise)."""
    try:
        return parse_date(published, "published")  # type: ignore[arg-type]
    except InvalidQuery as err:
        raise ExtractionError(f"published must be an ISO 8601 date (YYYY-MM-DD); got {published!r}") from err


def extract_events(
    text: str,
    published: str | date,
    publisher: str | None = None,
    title: str | None = None,
    url: str | None = None,
    *,
    gazetteer: Any = None,
    actors: ActorList | None = None,
) -> dict[str, Any]:
    """Extract the conflict events an article reports, as a GeoJSON FeatureCollection.

    Parameters
    ----------
    text : str
        Article text (plain text, or HTML which is stripped first). At most 2,000,000 characters.
    published : str or datetime.date
        Publication date, ``YYYY-MM-DD``; relative dates ("yesterday", "on Wednesday") resolve against it.
    publisher, title, url : str, optional
        Metadata of the source; the source id comes from ``url``, else publisher + title + published.
    gazetteer : Gazetteer, optional
        Place list to use (default: ``Gazetteer.default()``).
    actors : ActorList, optional
        Actor list to use (default: ``seeds/actors.csv``).

    Returns
    -------
    dict
        ``{"type": "FeatureCollection", "features": [...], "evidence": [...], "article": {...}}``:
        ``features`` are valid events (``geo_events.models.Event``); ``evidence`` lists
        ``{event_id, field, start, end, text}`` spans supporting location, date, type and actors;
        ``article`` says whether HTML was stripped. Non-English or event-free text gives no features.

    Raises
    ------
    ExtractionError
        When the text is empty, not text, larger than the cap, or ``published`` is not a date.

    Examples
    --------
    >>> fc = extract_events("Coalition air strikes killed 12 ISIS fighters in Hajin on Monday.",
    ...                     published="2018-10-03")  # doctest: +SKIP
    """
    published_day = parse_published(published)
    article = prepare_text(text)
    result: dict[str, Any] = {
        "type": "FeatureCollection",
        "features": [],
        "evidence": [],
        "article": {"chars": len(article.text), "html_stripped": article.html_stripped, "english": True},
    }
    if english_ratio(article.text) < MIN_ENGLISH_RATIO:
        result["article"]["english"] = False
        return result
    if gazetteer is None:
        from geo_events.gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    actors = actors or default_actors()
    source = Source(id=source_id(article.text, published_day, publisher, title, url), publisher=publisher,
                    title=title, url=url, published=published_day)
    context = _Context(article, published_day, source, title, gazetteer, actors)
    seen_ids: set[str] = set()
    for segment in context.segments():
        built = context.build_event(segment)
        if built is None:
            continue
        feature, evidence = built
        if feature["id"] in seen_ids:
            continue
        seen_ids.add(feature["id"])
        result["features"].append(feature)
        result["evidence"].extend(evidence)
    return result


def source_id(text: str, published: date, publisher: str | None, title: str | None, url: str | None) -> str:
    """Return the source id: ``source_id_for`` (url, else publisher + title + date); a text hash without either."""
    if url or title:
        return source_id_for(url, publisher, title, published)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return stable_id("src", (publisher or "").strip().lower(), digest, published)


class _Context(LocationAndDateChoice):
    """Everything computed once per article and shared by its segments."""

    def __init__(self, article: Article, published: date, source: Source, title: str | None, gazetteer: Any,
                 actors: ActorList) -> None:
        self.article = article
        self.text = article.text
        self.published = published
        self.source = source
        self.source_dict = source.model_dump(mode="json")
        self.outlet = source.publisher or "reporting outlet"
        self.actors = actors
        token_text = TokenText.of(self.text)
        self.low = lower_same_length(self.text)
        self.places = find_places(self.text, token_text, gazetteer)
        self.actor_mentions = actors.find(token_text, self.text)
        self.dates = find_dates(self.text, published, self.low)
        self.triggers = find_triggers(self.text, low=self.low)
        self.casualty_offsets = [m.start() for m in CASUALTY_SCANNER.finditer(self.low)]
        self.headline_index = self._headline_index(title)
        self.title = title if title and self.headline_index is None else None
        self.alias_names = {m.alias.lower().replace("-", " "): m.actor.name for m in self.actor_mentions}
        # per-sentence buckets keep every later step linear in the text length
        self.triggers_in = self._bucket(self.triggers, lambda t: t.start)
        self.casualties_in = self._bucket(self.casualty_offsets, lambda o: o)
        self.actors_in = self._bucket(self.actor_mentions, lambda m: m.start)
        self.actor_starts = frozenset(m.start for m in self.actor_mentions)

    def _bucket(self, items: list[Any], offset: Any) -> dict[int, list[Any]]:
        buckets: dict[int, list[Any]] = defaultdict(list)
        for item in items:
            buckets[self.article.sentence_index(offset(item))].append(item)
        return buckets

    # ------------------------------------------------------------------ structure
    def _headline_index(self, title: str | None) -> int | None:
        sentences = self.article.sentences
        if not sentences:
            return None
        first = sentences[0]
        if title and first.text.strip().casefold() == title.strip().casefold():
            return 0
        following = self.text[first.end : first.end + 3]
        if not title and len(first.text) < 160 and first.text[-1:] not in ".!?\"”" and "\n\n" in following + "\n":
            return 0
        return None

    def segments(self) -> list[_Segment]:
        """Split the article where a new, separate incident starts."""
        indexed = list(enumerate(self.article.sentences))
        cuts = [i for i, s in indexed if i >= 1 and _SEGMENT_RE.match(s.text)]
        bounds = [0, *cuts, len(indexed)]
        out = []
        for a, b in zip(bounds, bounds[1:]):
            part = indexed[a:b]
            if part:
                out.append(_Segment(part[0][1].start, part[-1][1].end, part))
        return out

    def weight(self, index: int, segment_first: int) -> float:
        """Weight of a sentence: the headline and the lead count most, later sentences less."""
        if index == self.headline_index:
            return 2.5
        position = index - segment_first - (1 if self.headline_index == segment_first else 0)
        return 1.0 / (1.0 + max(position, 0) / 3.0)

    # ------------------------------------------------------------------ one event
    def build_event(self, segment: _Segment) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """Return the event (Feature dict) and its evidence for one segment, or None."""
        first_index = segment.sentences[0][0]
        scores: dict[str, float] = defaultdict(float)
        votes = RoleVotes()
        event_sentences: dict[int, float] = {}
        type_evidence: list[tuple[int, int]] = []
        for index, sentence in segment.sentences:
            weight = self.weight(index, first_index)
            triggers = self.triggers_in.get(index, [])
            casualties = self.casualties_in.get(index, [])
            for trigger in triggers:
                scores[trigger.sub_event_type] += trigger.weight * weight
                if trigger.weight >= 3 and len(type_evidence) < 3:
                    type_evidence.append((trigger.start, trigger.end))
            pivots = [t.start for t in triggers] + casualties
            if pivots:
                event_sentences[index] = weight
                vote(self.text, sentence.start, sentence.end, pivots, self.actors_in.get(index, []), weight, votes)
            if index in self.actors_in:
                vote_blame(self.text, sentence.start, sentence.end, self.actors_in[index], weight, votes)
        if self.title and segment.start == 0 and len(self.segments()) == 1:
            self._vote_title(scores, votes)
        actor1, actor2, assoc = decide(votes, self.actors)
        classified = classify(scores, self.actors.side(actor1))
        if classified is None:
            return None
        event_type, sub_event_type, type_score = classified
        location = self._location(segment, event_sentences)
        if location is None:
            return None
        place, geo_precision = location.place, self._geo_precision(location, event_sentences)
        event_date, date_precision, date_mention = self._event_date(segment, event_sentences)
        claims, claim_spans = self._claims(segment)
        if event_type == "Violence against civilians" and actor2 != "Civilians":
            if actor2 is not None and actor2 not in assoc:
                assoc = [*assoc, actor2][:3]
            actor2 = "Civilians"  # ACLED: the target of violence against civilians is civilians
        if event_type == "Protests":
            actor1, actor2, assoc = "Protesters", None, []
        elif event_type == "Riots" and actor1 is None:
            actor1 = "Rioters"
        event_id = stable_id("evt", event_date.isoformat(), place.admin1 or place.country, event_type,
                             sub_event_type, actor1, actor2 if event_type != "Protests" else None)
        control_zone, side = self._zone(place, geo_precision, event_date)
        notes = _notes(sub_event_type, actor1, actor2, place.name, place.admin1, event_date, self.outlet)
        properties = {
            "id": event_id,
            "event_date": event_date.isoformat(),
            "date_precision": date_precision,
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "actor1": actor1,
            "actor2": actor2,
            "assoc_actors": assoc,
            "location": display_name(place),
            "admin1": admin1_of(place),
            "admin2": None,
            "country": getattr(place, "country_name", None),
            "iso3": getattr(place, "iso3", None) or None,
            "geo_precision": geo_precision,
            "place_id": place.id,
            "claims": claims,
            "sources": [self.source_dict],
            "control_zone": control_zone,
            "side_of_line": side,
            "notes": notes,
            "geocoder": "geo-events extract (offline gazetteer)",
            "confidence": _confidence(place, date_mention, actor1, actor2, claims, type_score),
            "extracted_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        }
        feature = {"type": "Feature", "id": event_id,
                   "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}, "properties": properties}
        try:
            event = Event.model_validate(feature)
        except ValueError as err:  # pydantic ValidationError is a ValueError
            raise ValidationFailed(f"extracted event is invalid: {err}") from err
        event.properties.recompute_fatalities()
        evidence = [self._span(event_id, "location", location.start, location.end)]
        if date_mention is not None:
            evidence.append(self._span(event_id, "event_date", date_mention.start, date_mention.end))
        evidence.extend(self._span(event_id, "event_type", s, e) for s, e in type_evidence)
        for field, name in (("actor1", actor1), ("actor2", actor2)):
            for s, e in votes.evidence.get(name or "", [])[:2]:
                evidence.append(self._span(event_id, field, s, e))
        evidence.extend(self._span(event_id, "claims", s, e) for s, e in claim_spans)
        return event.to_feature(), evidence

    def _span(self, event_id: str, field: str, start: int, end: int) -> dict[str, Any]:
        return {"event_id": event_id, "field": field, "start": start, "end": end, "text": self.text[start:end]}

    def _vote_title(self, scores: dict[str, float], votes: RoleVotes) -> None:
        """Use a title that is not part of the text for type and actors (no evidence offsets)."""
        assert self.title is not None
        title_tokens = TokenText.of(self.title)
        triggers = find_triggers(self.title)
        for trigger in triggers:
            scores[trigger.sub_event_type] += trigger.weight * 2.0
        pivots = [t.start for t in triggers] + [m.start() for m in CASUALTY_RE.finditer(self.title)]
        mentions = self.actors.find(title_tokens, self.title)
        vote(self.title, 0, len(self.title), pivots, mentions, 2.0, votes, offset_valid=False)

    # ------------------------------------------------------------------ location
    def _claims(self, segment: _Segment) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
        found: dict[tuple[Any, ...], FoundClaim] = {}
        for index, sentence in segment.sentences:
            if index == self.headline_index or index not in self.casualties_in:
                continue
            previous = self.article.sentences[index - 1] if index > 0 else None
            for claim in find_claims(self.text, sentence, self.outlet, self.alias_names, previous):
                key = (claim.claimant, claim.kind, claim.low, claim.high, claim.vague)
                found.setdefault(key, claim)
        claims = [
            {"source_id": self.source.id, "claimant": c.claimant[:500], "kind": c.kind, "low": c.low, "high": c.high,
             "vague": c.vague, "detail": c.detail[:300] if c.detail else None,
             "evidence": [{"start": c.start, "end": c.end, "field": None}]}
            for c in found.values()  # validated with the event (geo_events.models.Claim)
        ]
        return claims, [(c.start, c.end) for c in found.values()]


def _notes(sub: str, actor1: str | None, actor2: str | None, location: str, admin1: str | None, day: date,
           outlet: str) -> str:
    who = f" by {actor1}" if actor1 else ""
    whom = f" against {actor2}" if actor2 else ""
    where = f"{location}, {admin1}" if admin1 and admin1 != location else location
    return f"{sub}{who}{whom} at/near {where} on {day.isoformat()} (coded automatically from {outlet})."


def _confidence(place: Any, date_mention: DateMention | None, actor1: str | None, actor2: str | None,
                claims: list[dict[str, Any]], type_score: float) -> float:
    score = 0.3
    score += 0.2 if KIND_RANK.get(getattr(place, "kind", "town"), 0) == 0 else 0.05
    score += 0.15 if date_mention is not None and date_mention.precision == "day" else 0.0
    score += 0.1 if actor1 else 0.0
    score += 0.05 if actor2 else 0.0
    score += 0.05 if claims else 0.0
    score += 0.05 if type_score >= 6 else 0.0
    return round(min(score, 0.9), 2)
