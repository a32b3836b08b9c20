"""Article → events: find places, dates, actors, event types and attributed casualty claims in news text.

>>> from geo_events.extract import extract_events
>>> fc = extract_events(text, published="2018-02-08", publisher="The New Arab")  # doctest: +SKIP

The seam is :class:`Extractor` (``base``): an article in, event drafts and diagnostics out; ``rules`` is
today's implementation and ``assemble`` turns any extractor's drafts into validated events. Parts:
``text`` (checks, HTML, sentences), ``matcher`` (phrase matching), ``countries``, ``places``, ``dates``,
``numbers``, ``actors``, ``roles``, ``event_types``, ``claims``.
"""

from __future__ import annotations

from geo_events.extract.base import ArticleInput, Diagnostic, EventDraft, Extraction, Extractor
from geo_events.extract.pipeline import extract_events, parse_published
from geo_events.extract.rules import RuleExtractor, default_extractor
from geo_events.extract.text import MAX_CHARS

__all__ = ["MAX_CHARS", "ArticleInput", "Diagnostic", "EventDraft", "Extraction", "Extractor", "RuleExtractor",
           "default_extractor", "extract_events", "parse_published"]
