"""The ``Extractor`` protocol: an article in, events and diagnostics out.

Every extractor — today's rules (:class:`geo_events.extract.rules.RuleExtractor`), a statistical one
later — reads an :class:`ArticleInput` and returns an :class:`Extraction`: the event *drafts* it found
(place, date, type, actors, claims and the evidence spans for each) and diagnostics saying why. Turning
drafts into validated events (ACLED normalisation, ids, control zone, fatalities, GeoJSON) is shared
(:mod:`geo_events.extract.assemble`), so ingest, merge and the API never depend on how events were found.

>>> from geo_events.extract import default_extractor
>>> fc = default_extractor().extract(ArticleInput(text, published=None)).to_feature_collection()  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class ArticleInput:
    """One article to read: its text and what is known about it (every field but ``text`` optional)."""

    text: str
    published: date | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class Diagnostic:
    """Why something was or was not taken: ``subject`` (event id, place name…), ``what`` and ``why``."""

    subject: str
    what: str
    why: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"subject": self.subject, "what": self.what, "why": self.why, "start": self.start, "end": self.end}


@dataclass
class EventDraft:
    """An event as an extractor found it, before assembly into a validated ``Event``.

    ``place`` is a gazetteer ``Place`` (or any object with its attributes); ``event_date`` may be ``None``
    when the text gives no anchor for a relative date (the event is then reported, not emitted);
    ``spans`` maps a field name to the ``(start, end)`` evidence offsets supporting it.
    """

    place: Any
    event_date: date | None
    date_precision: str
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    geo_precision: int = 1
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    explain: dict[str, str] = field(default_factory=dict)
    type_score: float = 0.0
    dated_by_text: bool = True


@dataclass
class Extraction:
    """What an extractor returns: drafts, diagnostics, and facts about the text it read."""

    drafts: list[EventDraft] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""
    html_stripped: bool = False
    english: bool = True
    anchor: date | None = None
    anchor_source: str | None = None


@runtime_checkable
class Extractor(Protocol):
    """Anything that reads an article and returns drafts with diagnostics."""

    name: str

    def extract(self, article: ArticleInput) -> Extraction:
        """Read one article (never raises for text it merely finds no events in)."""
        ...


__all__ = ["ArticleInput", "Diagnostic", "EventDraft", "Extraction", "Extractor"]
