"""What ``geo-events ingest`` can read in bulk, as units of work: folders, feeds, stdin, URL lists.

* a folder: every article file below it (``.txt``, ``.md``, ``.html``/``.htm``, ``.json``, ``.jsonl``/
  ``.ndjson``; one unit per file) and every feed (``.xml``, ``.rss``, ``.atom``; one unit per entry),
  in sorted path order;
* a feed file: one unit per entry;
* ``-``: stdin as JSON lines (one article object per line, one unit per line), or else one plain-text
  (or HTML) article;
* with ``--fetch`` only, a ``.txt`` file whose lines are all ``http(s)://`` URLs: one unit per URL.

Each unit has a ``key`` for the journal: for a file its absolute path, size and modification time (an
edited file is ingested again), for an entry or a line a hash of its content.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class Unit:
    """One unit of work: a file to read, an article already read, or a URL to fetch."""

    key: str
    label: str
    path: str | None = None
    article: dict[str, Any] | None = None
    url: str | None = None
    source: str = field(default="")  # the input it came from (for the summary by file)


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _file_unit(path: Path, source: str) -> Unit:
    st = path.stat()
    return Unit(
        _hash("file", path.resolve(), st.st_size, st.st_mtime_ns), str(path), path=str(path), source=source
    )


def _article_unit(article: dict[str, Any], label: str, source: str) -> Unit:
    identity = json.dumps(article, sort_keys=True, ensure_ascii=False, default=str)
    return Unit(_hash("article", identity), label, article=article, source=source)


def _feed_units(path: Path, defaults: dict[str, Any]) -> Iterator[Unit]:
    from geo_events.bulk.pages import feed_articles

    for article in feed_articles(path.read_bytes(), defaults, str(path)):
        yield _article_unit(article, article["path"], str(path))


def is_url_list(path: Path) -> bool:
    """True when every non-blank line of a (small enough) ``.txt`` file is an http(s) URL."""
    if path.suffix.lower() != ".txt" or path.stat().st_size > 50_000_000:
        return False
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except UnicodeDecodeError:
        return False
    return bool(lines) and all(line.startswith(("http://", "https://")) and " " not in line for line in lines)


def _stdin_units(defaults: dict[str, Any]) -> Iterator[Unit]:
    from geo_events.ingest import article_from_record, json_lines

    first = sys.stdin.readline()
    if not first.lstrip().startswith("{"):
        text = first + sys.stdin.read()
        yield _article_unit({**defaults, "text": text, "path": "stdin"}, "stdin", "-")
        return
    for label, record in json_lines([first, *sys.stdin], "stdin"):
        yield _article_unit(article_from_record(record, defaults, label), label, "-")


def discover(inputs: list[str], defaults: dict[str, Any], *, fetch: bool = False) -> Iterator[Unit]:
    """Yield the units of work of the command's inputs, in a stable order (see the module docstring)."""
    for name in inputs:
        if name == "-":
            yield from _stdin_units(defaults)
            continue
        path = Path(name)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                suffix = found.suffix.lower()
                if suffix in FEED_SUFFIXES:
                    yield from _feed_units(found, defaults)
                elif suffix in ARTICLE_SUFFIXES:
                    yield _file_unit(found, name)
            continue
        if not path.exists():
            raise FileNotFoundError(os.strerror(2), name)
        if path.suffix.lower() in FEED_SUFFIXES:
            yield from _feed_units(path, defaults)
        elif fetch and is_url_list(path):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield Unit(_hash("url", line.strip()), line.strip(), url=line.strip(), source=name)
        else:
            yield _file_unit(path, name)


def read_unit(unit: Unit, defaults: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the articles of a unit (reads the file, cleans HTML, fetches a URL).

    Raises ``ExtractionError`` when the unit cannot be read; runs in a worker process.
    """
    from geo_events.bulk.pages import fetch, html_to_article, looks_like_html
    from geo_events.ingest import read_articles

    if unit.article is not None:
        return [unit.article]
    if unit.url is not None:
        return [html_to_article(fetch(unit.url), {**defaults, "url": unit.url}, unit.label)]
    path = Path(unit.path or "")
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            html = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            html = path.read_bytes().decode("cp1252", errors="replace")
        return [html_to_article(html, defaults, unit.label)]
    articles = list(read_articles(path, **defaults))
    for article in articles:
        if looks_like_html(article.get("text") or ""):
            article.update(html_to_article(article["text"], article, article.get("path") or unit.label))
    return articles


__all__ = ["ARTICLE_SUFFIXES", "FEED_SUFFIXES", "Unit", "discover", "is_url_list", "read_unit"]
