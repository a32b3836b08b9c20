"""``extract_events``: article text → a GeoJSON FeatureCollection of the conflict events it reports.

The function runs an :class:`~geo_events.extract.base.Extractor` (the rules of
:mod:`geo_events.extract.rules` unless another is given) and assembles its drafts into validated events
(:mod:`geo_events.extract.assemble`). Evidence offsets are character offsets into the prepared text: the
caller's text itself unless it was HTML (then into the tag-stripped text; ``article.html_stripped``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from geo_events.errors import ExtractionError, InvalidQuery
from geo_events.extract.actors import ActorList
from geo_events.extract.assemble import assemble
from geo_events.extract.base import ArticleInput, Extractor
from geo_events.query import parse_date


def parse_published(published: object) -> date | None:
    """Return the publication date from a date, datetime or ISO string; ``None`` stays ``None``.

    Raises ``ExtractionError`` for anything else (a number, a malformed or out-of-range date).
    """
    if published is None or (isinstance(published, str) and not published.strip()):
        return None
    if isinstance(published, bool) or isinstance(published, (int, float)):
        raise ExtractionError(f"published must be an ISO 8601 date string (YYYY-MM-DD); got {published!r}")
    try:
        return parse_date(published, "published")  # type: ignore[arg-type]
    except InvalidQuery as err:
        raise ExtractionError(str(err)) from err  # says the accepted forms and range


def extract_events(
    text: str,
    published: str | date | None = None,
    publisher: str | None = None,
    title: str | None = None,
    url: str | None = None,
    *,
    gazetteer: Any = None,
    actors: ActorList | None = None,
    extractor: Extractor | None = None,
    area_events: bool = False,
) -> dict[str, Any]:
    """Extract every conflict event an article reports, as a GeoJSON FeatureCollection.

    Parameters
    ----------
    text : str
        Article text (plain text, or HTML which is stripped first). At most 2,000,000 characters.
    published : str or datetime.date, optional
        Publication date, ``YYYY-MM-DD``; relative dates ("yesterday", "on Wednesday") resolve against it.
        Without it, dates come from the text (its URL or its latest full date anchors relative ones);
        events whose date stays unknown are listed under ``unplaced``, never a refusal.
    publisher, title, url : str, optional
        Metadata of the source; the source id comes from ``url``, else publisher + title + published.
    gazetteer : Gazetteer, optional
        Place list to use (default: ``Gazetteer.default()``, the whole world).
    actors : ActorList, optional
        Actor list to use (default: ``seeds/actors.csv``).
    extractor : Extractor, optional
        Another extractor (anything with ``extract(ArticleInput) -> Extraction``); default: the rules.
    area_events : bool
        Also emit events located only by a province or country (at its point, ``geo_precision`` 3).

    Returns
    -------
    dict
        ``{"type": "FeatureCollection", "features": [...], "evidence": [...], "explain": {...},
        "unplaced": [...], "diagnostics": [...], "article": {...}}``: ``features`` are valid events
        (``geo_events.models.Event``); ``evidence`` lists ``{event_id, field, start, end, text}`` spans;
        ``explain`` says per event id why this place, date and type; ``unplaced`` lists events found
        without a date or a point, with the reason; ``diagnostics`` lists rejected candidates and why.

    Raises
    ------
    ExtractionError
        When the text is empty, not text, larger than the cap, or ``published`` is not a date.

    Examples
    --------
    >>> fc = extract_events("Coalition air strikes killed 12 ISIS fighters in Hajin on Monday.",
    ...                     published="2018-10-03")  # doctest: +SKIP
    """
    article = ArticleInput(text=text, published=parse_published(published), publisher=publisher, title=title,
                           url=url)
    if extractor is None:
        from geo_events.extract.rules import RuleExtractor, default_extractor

        extractor = (RuleExtractor(gazetteer, actors) if gazetteer is not None or actors is not None
                     else default_extractor())
    if not isinstance(text, (str, bytes)):
        raise ExtractionError(f"article text must be a string, not {type(text).__name__}")
    return assemble(extractor.extract(article), article, area_events=area_events)
