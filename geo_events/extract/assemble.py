"""Drafts → validated events: ACLED normalisation, ids, control zone, claims, evidence, GeoJSON.

Shared by every :class:`~geo_events.extract.base.Extractor`, so how events are *found* never changes how
they are *stored*. A draft without a date or without a point (a province-only location) is not emitted
as a feature: it is reported under ``unplaced`` with the reason, the way a coder leaves such a mention
uncoded rather than pinning it on the province's capital.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from geo_events.errors import ExtractionError, ValidationFailed
from geo_events.extract.base import ArticleInput, EventDraft, Extraction
from geo_events.models import Event, Source, source_id_for, stable_id

GEOCODER = "geo-events extract (offline gazetteer)"
_AREA_KINDS = frozenset({"river", "region", "admin1", "admin2", "country"})
#: Areas an event is not pinned on (a province's, a region's or a country's point says nothing about where it
#: happened); a district (``admin2``) is coded at its seat, as ACLED coders do (geo_precision 2), unless the
#: text names it as a province (geo_precision 3: "Yatenga province", "Surigao del Sur").
_UNPINNED_KINDS = frozenset({"river", "region", "admin1", "country"})


def source_id(text: str, published: date | None, publisher: str | None, title: str | None,
              url: str | None) -> str:
    """Return the source id: ``source_id_for`` (url, else publisher + title + date); a text hash without either."""
    if url or title:
        return source_id_for(url, publisher, title, published)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return stable_id("src", (publisher or "").strip().lower(), digest, published)


def admin1_of(place: Any) -> str | None:
    """Return the province name of a place (the name itself for a province)."""
    if getattr(place, "kind", "") == "admin1":
        name = getattr(place, "admin1", None) or place.name
        return re.sub(r"\s+(?:Governorate|Province|Oblast|State|Region)$", "", name)
    return getattr(place, "admin1", None)


def display_name(place: Any) -> str:
    """Return the name an event is coded to ("Deir ez-Zor (governorate)" for a province)."""
    if getattr(place, "kind", "") == "admin1":
        return re.sub(r"\s+(?:Governorate|Province|Oblast|State|Region)$", "", place.name) + " (governorate)"
    return place.name


@lru_cache(maxsize=8192)
def _zone_of(lat: float, lon: float, day: date) -> tuple[str | None, str | None]:
    """Controller and side of the line at a point on a day (cached: many events share both)."""
    from geo_events import zones

    try:
        zone = zones.zone_at((lat, lon), day)
        side = zones.side_of_line((lat, lon), day)
    except Exception:  # noqa: BLE001 - zones are optional context, never a reason to lose the event
        return None, None
    return (zone or {}).get("controller"), side


def assemble(extraction: Extraction, article: ArticleInput, *, area_events: bool = False) -> dict[str, Any]:
    """Return the GeoJSON FeatureCollection of an extraction (the ``extract_events`` result shape).

    ``area_events=True`` also emits events located only by a province or country, at its point, with
    ``geo_precision`` 3.
    """
    published = article.published
    try:
        source = Source(id=source_id(extraction.text, published, article.publisher, article.title, article.url),
                        publisher=article.publisher, title=article.title, url=article.url, published=published)
    except ValueError as err:  # pydantic's ValidationError: a NUL or an over-long publisher, title or url
        first = str(err).splitlines()
        raise ExtractionError("article metadata is invalid (publisher, title or url): "
                              + " ".join(line.strip() for line in first[1:3])) from err
    source_dict = source.model_dump(mode="json")
    outlet = article.publisher or "reporting outlet"
    result: dict[str, Any] = {
        "type": "FeatureCollection", "features": [], "evidence": [], "unplaced": [], "explain": {},
        "diagnostics": [d.to_dict() for d in extraction.diagnostics],
        "article": {"chars": len(extraction.text), "html_stripped": extraction.html_stripped,
                    "english": extraction.english, "published": published.isoformat() if published else None,
                    "date_anchor": extraction.anchor.isoformat() if extraction.anchor else None,
                    "date_anchor_source": extraction.anchor_source},
    }
    seen: set[str] = set()
    extracted_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    for draft in extraction.drafts:
        place = draft.place
        kind = getattr(place, "kind", "")
        area = kind in _UNPINNED_KINDS or (kind == "admin2" and draft.geo_precision >= 3)  # a province below admin-1
        if draft.event_date is None or (area and not area_events):
            reason = ("no date: the text gives a relative date and no publication date to read it against"
                      if draft.event_date is None else
                      f"located only by {getattr(place, 'kind', 'area')} '{place.name}': not pinned on its point")
            result["unplaced"].append({"event_type": draft.event_type, "sub_event_type": draft.sub_event_type,
                                       "location": display_name(place), "country": getattr(place, "country_name", None),
                                       "event_date": draft.event_date.isoformat() if draft.event_date else None,
                                       "reason": reason, "explain": draft.explain})
            continue
        feature, evidence = _feature(draft, source, source_dict, outlet, extraction.text, extracted_at, seen)
        if feature["id"] in seen:
            continue
        seen.add(feature["id"])
        result["features"].append(feature)
        result.setdefault("explain", {})[feature["id"]] = dict(draft.explain)
        result["evidence"].extend(evidence)
    return result


def _feature(draft: EventDraft, source: Source, source_dict: dict[str, Any], outlet: str, text: str,
             extracted_at: str, seen: set[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    place = draft.place
    event_date = draft.event_date
    assert event_date is not None
    actor1, actor2, assoc = draft.actor1, draft.actor2, list(draft.assoc_actors)
    if draft.event_type == "Violence against civilians" and actor2 != "Civilians":
        if actor2 is not None and actor2 not in assoc:
            assoc = [*assoc, actor2][:3]
        actor2 = "Civilians"  # ACLED: the target of violence against civilians is civilians
    if draft.event_type == "Protests":
        actor1, actor2, assoc = "Protesters", None, []
    elif draft.event_type == "Riots" and actor1 is None:
        actor1 = "Rioters"
    # the id names the day and the province, so two reports of one incident share it whatever their precision,
    # type or actors (the merge then keeps one event); a second event of the same article on that day and
    # province adds its type, a third its place
    day_and_area = (event_date.isoformat(), admin1_of(place) or getattr(place, "country", ""))
    event_id = stable_id("evt", *day_and_area)
    if event_id in seen:
        event_id = stable_id("evt", *day_and_area, draft.event_type, draft.sub_event_type)
    if event_id in seen:
        event_id = stable_id("evt", *day_and_area, draft.event_type, draft.sub_event_type,
                             getattr(place, "id", place.name))
    control_zone, side = (None, None)
    if draft.geo_precision <= 2 and getattr(place, "kind", "") not in _AREA_KINDS:
        control_zone, side = _zone_of(place.lat, place.lon, event_date)
    claims = [dict(c, source_id=source.id) for c in draft.claims]
    notes = _notes(draft.sub_event_type, actor1, actor2, place.name, admin1_of(place), event_date, outlet,
                   draft.dated_by_text)
    properties = {
        "id": event_id, "event_date": event_date.isoformat(), "date_precision": draft.date_precision,
        "event_type": draft.event_type, "sub_event_type": draft.sub_event_type,
        "actor1": actor1, "actor2": actor2, "assoc_actors": assoc,
        "location": display_name(place), "admin1": admin1_of(place), "admin2": None,
        "country": getattr(place, "country_name", None), "iso3": getattr(place, "iso3", None) or None,
        "geo_precision": draft.geo_precision, "place_id": getattr(place, "id", None), "claims": claims,
        "sources": [source_dict], "control_zone": control_zone, "side_of_line": side, "notes": notes,
        "geocoder": GEOCODER, "confidence": _confidence(draft, actor1, actor2, claims),
        "extracted_at": extracted_at,
    }
    feature = {"type": "Feature", "id": event_id,
               "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}, "properties": properties}
    try:
        event = Event.model_validate(feature)
    except ValueError as err:  # pydantic ValidationError is a ValueError
        raise ValidationFailed(f"extracted event is invalid: {err}") from err
    event.properties.recompute_fatalities()
    evidence = [{"event_id": event_id, "field": name, "start": s, "end": e, "text": text[s:e]}
                for name, spans in draft.spans.items() for s, e in spans]
    return event.to_feature(), evidence


def _notes(sub: str, actor1: str | None, actor2: str | None, location: str, admin1: str | None, day: date,
           outlet: str, dated_by_text: bool) -> str:
    who = f" by {actor1}" if actor1 else ""
    whom = f" against {actor2}" if actor2 else ""
    where = f"{location}, {admin1}" if admin1 and admin1 != location else location
    when = "" if dated_by_text else " (no date in the text: the publication date)"
    return f"{sub}{who}{whom} at/near {where} on {day.isoformat()}{when} (coded automatically from {outlet})."


def _confidence(draft: EventDraft, actor1: str | None, actor2: str | None, claims: list[dict[str, Any]]) -> float:
    score = 0.3
    score += 0.2 if draft.geo_precision == 1 else 0.1 if draft.geo_precision == 2 else 0.0
    score += 0.15 if draft.dated_by_text and draft.date_precision == "day" else 0.0
    score += 0.1 if actor1 else 0.0
    score += 0.05 if actor2 else 0.0
    score += 0.05 if claims else 0.0
    score += 0.05 if draft.type_score >= 6 else 0.0
    return round(min(score, 0.9), 2)
