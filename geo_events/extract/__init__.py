"""Article → events: find places, dates, actors, event types and attributed casualty claims in news text.

>>> from geo_events.extract import extract_events
>>> fc = extract_events(text, published="2018-02-08", publisher="The New Arab")  # doctest: +SKIP

Modules: ``text`` (checks, HTML, sentences), ``matcher`` (Aho-Corasick phrase matching), ``places``,
``dates``, ``numbers``, ``actors``, ``roles``, ``event_types``, ``claims`` and ``pipeline``.
"""

from __future__ import annotations

from geo_events.extract.pipeline import extract_events, parse_published
from geo_events.extract.text import MAX_CHARS

__all__ = ["MAX_CHARS", "extract_events", "parse_published"]
