"""Ingest articles: extract their events and merge them into a store (one transaction per event).

>>> from geo_events.ingest import ingest_article
>>> ingest_article(store, text, "2018-02-08", publisher="The New Arab")  # doctest: +SKIP
[{'id': 'evt-…', 'action': 'created', 'event_date': '2018-02-07', 'location': 'Khushām'}]

``read_articles`` reads the files the ``geo-events ingest`` command accepts: plain ``.txt`` (metadata
from options), JSON (one article object, a list of them, or ``{"articles": [...]}``) and JSONL (one
article object per line). Article objects carry ``text`` (or ``body`` / ``content``) and the metadata
fields ``published`` (or ``date``), ``publisher`` (or ``source``), ``title`` and ``url``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from geo_events.errors import ExtractionError, GeoEventsError
from geo_events.merge import merge_event

_TEXT_KEYS = ("text", "body", "content", "article")
_DATE_KEYS = ("published", "date", "published_at", "publication_date")
_PUBLISHER_KEYS = ("publisher", "source", "outlet")


def ingest_article(
    store: Any,
    text: str,
    published: Any = None,
    publisher: str | None = None,
    title: str | None = None,
    url: str | None = None,
    *,
    extractor: Any = None,
) -> list[dict[str, Any]]:
    """Extract the events of one article and merge each into ``store``.

    Parameters
    ----------
    store : EventStore
        Target store.
    text, published, publisher, title, url
        As for :func:`geo_events.extract.extract_events` (``published`` may be ``None``).
    extractor : Extractor, optional
        The extractor to use (default: the rules); any object with ``extract(ArticleInput)``.

    Returns
    -------
    list of dict
        One ``{"id", "action", "event_date", "location"}`` per extracted event, ``action`` being
        ``created``, ``merged`` or ``unchanged``. Nothing is stored when extraction fails
        (``ExtractionError`` is raised before any write).
    """
    from geo_events.extract import extract_events

    # province-level reports are stored too (geo_precision 3): they merge with the precise event of that
    # province and keep their source's claims, instead of being lost
    collection = extract_events(text, published, publisher=publisher, title=title, url=url, extractor=extractor,
                                area_events=True)
    results = []
    for feature in collection["features"]:
        event_id, action = merge_event(store, feature)
        stored = store.get(event_id)["properties"]
        results.append({"id": event_id, "action": action, "event_date": stored["event_date"],
                        "location": stored["location"]})
    return results


def ingest_articles(
    store: Any,
    articles: Iterable[dict[str, Any]],
    progress: Callable[[dict[str, Any]], None] | None = None,
    *,
    extractor: Any = None,
) -> list[dict[str, Any]]:
    """Ingest many article dicts with one extractor (default: the rules); one bad article is reported, not fatal.

    Returns one row per event as :func:`ingest_article`, plus ``{"article", "error"}`` rows for articles
    that could not be processed. ``progress`` is called after each article.
    """
    rows: list[dict[str, Any]] = []
    for article in articles:
        label = article.get("title") or article.get("url") or article.get("path") or "article"
        try:
            found = ingest_article(store, article.get("text", ""), article.get("published"),
                                   article.get("publisher"), article.get("title"), article.get("url"),
                                   extractor=extractor)
        except ExtractionError as err:
            rows.append({"article": label, "error": str(err)})
        else:
            rows.extend({"article": label, **row} for row in found)
        if progress is not None:
            progress(article)
    return rows


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def article_from_record(record: Any, defaults: dict[str, Any], label: str) -> dict[str, Any]:
    """Return an article dict from one JSON record (metadata from ``defaults`` when missing)."""
    if not isinstance(record, dict):
        raise ExtractionError(f"{label}: an article must be a JSON object with a 'text' field")
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str):
        raise ExtractionError(f"{label}: article has no 'text' field")
    return {
        "text": text,
        "published": _first(record, _DATE_KEYS) or defaults.get("published"),
        "publisher": _first(record, _PUBLISHER_KEYS) or defaults.get("publisher"),
        "title": record.get("title") or defaults.get("title"),
        "url": record.get("url") or defaults.get("url"),
        "path": label,
    }



def json_lines(lines: Iterable[str], name: str, first: int = 1) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``("NAME:LINE", record)`` for each non-blank JSON line; a bad line raises ``ExtractionError``
    naming it."""
    for number, line in enumerate(lines, first):
        if not line.strip():
            continue
        label = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ExtractionError(f"{label}: invalid JSON ({err.msg})") from err
        yield label, record

def read_articles(path: str | Path, **defaults: Any) -> Iterator[dict[str, Any]]:
    """Yield article dicts from a ``.txt``, ``.json`` or ``.jsonl`` file.

    Parameters
    ----------
    path : str or Path
        The file. ``.txt`` (and any other extension) is one article; its metadata comes from
        ``defaults`` (``published``, ``publisher``, ``title``, ``url``).
    **defaults
        Metadata used when a record lacks it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl" or suffix == ".ndjson":
        with open(path, encoding="utf-8") as handle:
            for label, record in json_lines(handle, path.name):
                yield article_from_record(record, defaults, label)
        return
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as err:
            raise ExtractionError(f"{path.name}: not UTF-8 text") from err
        except json.JSONDecodeError as err:
            raise ExtractionError(f"{path.name}: invalid JSON ({err.msg})") from err
        records = data.get("articles", [data]) if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise ExtractionError(f"{path.name}: expected an article object or a list of them")
        for number, record in enumerate(records, 1):
            yield article_from_record(record, defaults, f"{path.name}[{number}]")
        return
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise ExtractionError(f"{path.name}: not UTF-8 text (convert it first, e.g. with iconv)") from err
    yield {"text": text, "path": path.name, **defaults}


__all__ = ["GeoEventsError", "article_from_record", "ingest_article", "ingest_articles", "read_articles"]
