"""Web pages and feeds → article dicts: HTML cleaned to text by trafilatura, RSS/Atom read by feedparser.

Both libraries are used offline on bytes already read; nothing here opens a network connection except
``fetch``, which the command line calls only with ``--fetch``. Without trafilatura installed, HTML is
passed on as it is (the extractor strips tags itself); without feedparser, feeds cannot be read.
"""

from __future__ import annotations

import re
import time
from datetime import date
from typing import Any

from geo_events.errors import ExtractionError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document or fragment."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<?xml"))


def html_to_article(html: str, defaults: dict[str, Any], label: str) -> dict[str, Any]:
    """Return ``{text, published, publisher, title, url, path}`` of a web page (page metadata first)."""
    try:
        import trafilatura
    except ImportError:  # optional: the extractor copes with tags itself
        return {**defaults, "text": html, "path": label}
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = data.get("text") or ""
    if not text.strip():
        raise ExtractionError(f"{label}: no article text found in the page")
    published = data.get("date")
    return {
        "text": text,
        "published": published
        if isinstance(published, str) and _DATE.match(published)
        else defaults.get("published"),
        "publisher": data.get("sitename") or data.get("hostname") or defaults.get("publisher"),
        "title": data.get("title") or defaults.get("title"),
        "url": data.get("url") or defaults.get("url"),
        "path": label,
    }


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    return None


def _entry_text(entry: Any) -> str:
    parts = [c.get("value", "") for c in entry.get("content") or []]
    if not any(p.strip() for p in parts):
        parts = [entry.get("summary") or entry.get("description") or ""]
    return "\n\n".join(p for p in parts if p)


def feed_articles(data: bytes, defaults: dict[str, Any], label: str) -> list[dict[str, Any]]:
    """Return the articles of an RSS or Atom feed (one per entry), their HTML cleaned to text."""
    try:
        import feedparser
    except ImportError as err:
        raise ExtractionError(f"{label}: reading feeds needs feedparser (pip install feedparser)") from err
    feed = feedparser.parse(data)
    if feed.get("bozo") and not feed.get("entries"):
        raise ExtractionError(f"{label}: not an RSS or Atom feed ({feed.get('bozo_exception')})")
    outlet = (feed.get("feed") or {}).get("title") or defaults.get("publisher")
    articles = []
    for number, entry in enumerate(feed.get("entries") or [], 1):
        text = _entry_text(entry)
        meta = {
            "published": _entry_date(entry) or defaults.get("published"),
            "publisher": outlet,
            "title": entry.get("title") or None,
            "url": entry.get("link") or None,
        }
        where = f"{label}#{number}"
        if looks_like_html(text) or "<" in text:
            article = html_to_article(f"<html><body><article>{text}</article></body></html>", meta, where)
            article.update({k: v for k, v in meta.items() if v})  # the feed's metadata beats the fragment's
        else:
            article = {**meta, "text": text, "path": where}
        article["entry_id"] = entry.get("id") or entry.get("link") or f"{number}"
        articles.append(article)
    return articles


def fetch(url: str, timeout: float = 20.0) -> str:
    """Download one page (only called with ``--fetch``); raise ``ExtractionError`` saying why it failed."""
    import urllib.error
    import urllib.request

    if not url.startswith(("http://", "https://")):
        raise ExtractionError(f"{url}: only http(s) URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "geo-events (+offline-first ingest)"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(20_000_000)
            charset = response.headers.get_content_charset() or "utf-8"
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise ExtractionError(
            f"{url}: could not fetch ({err}) after {time.monotonic() - started:.0f} s"
        ) from err
    return body.decode(charset, errors="replace")


__all__ = ["feed_articles", "fetch", "html_to_article", "looks_like_html"]
