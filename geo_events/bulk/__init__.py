"""Bulk ingest: thousands of articles from folders, feeds or stdin, over several processes, resumable.

>>> summary = ingest_bulk(store, ["scraped/"], workers=2, journal="events.ingest.jsonl")  # doctest: +SKIP
>>> summary["created"], summary["merged"], summary["failed"]  # doctest: +SKIP
(812, 190, 3)

Workers read and extract articles (the costly part) in parallel; the calling process merges their events
into the store in input order, so the result does not depend on the number of workers. The merges of a
batch of units (8 at first, doubling up to ``BATCH_UNITS``, or what arrived within ``BATCH_SECONDS``) share one transaction, one
read of the stored events they may match and one durable write (``merge.merge_many``: the same result as
merging them one by one). Each unit is written to the journal once its events are stored: a rerun after
Ctrl-C or ``kill -9`` skips what was done and redoes at most the batch that was cut short, whose merge
then changes nothing.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from geo_events.bulk.journal import Journal
from geo_events.bulk.sources import Unit, discover, read_unit
from geo_events.errors import ExtractionError, GeoEventsError
from geo_events.merge import merge_many

#: Units handed to a worker at a time (amortises the inter-process round trip).
CHUNK = 8
#: Most units whose events are merged in one transaction and stored by one durable write. Batches start
#: at ``FIRST_BATCH`` units and double up to it, so the first results (progress, journal) come at once.
BATCH_UNITS = 512
FIRST_BATCH = 8
#: A batch is stored once its first unit has waited this long, even when not full (progress, Ctrl-C).
BATCH_SECONDS = 0.5
ACTIONS = ("created", "merged", "unchanged")


def extract_unit(unit: Unit, defaults: dict[str, Any]) -> dict[str, Any]:
    """Read one unit and extract the events of its articles (runs in a worker; never raises for bad input)."""
    from geo_events.extract import extract_events

    result: dict[str, Any] = {"articles": 0, "features": [], "errors": []}
    try:
        articles = read_unit(unit, defaults)
    except (ExtractionError, OSError, UnicodeDecodeError, ValueError) as err:
        result["errors"].append(_reason(err, unit.label))
        return result
    for article in articles:
        result["articles"] += 1
        try:
            collection = extract_events(
                article.get("text") or "",
                article.get("published"),
                publisher=article.get("publisher"),
                title=article.get("title"),
                url=article.get("url"),
                area_events=True,
            )
        except (ExtractionError, ValueError) as err:
            result["errors"].append(_reason(err, article.get("path") or unit.label))
            continue
        if not collection["features"]:
            result.setdefault("empty", 0)
            result["empty"] += 1
        result["features"].extend(collection["features"])
    return result


def _reason(err: BaseException, label: str) -> str:
    text = str(err) or type(err).__name__
    return text if text.startswith(label) else f"{label}: {text}"


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the command (which stops them): no traceback from every process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(units: list[Unit], defaults: dict[str, Any], workers: int) -> Iterator[dict[str, Any]]:
    if workers <= 1 or len(units) < 2:
        for unit in units:
            yield extract_unit(unit, defaults)
        return
    from geo_events.extract import extract_events

    try:
        extract_events("Warm-up.", None)  # load the gazetteer once before forking: the workers share it
    except ExtractionError:
        pass
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker)
    try:
        yield from pool.map(extract_unit, units, [defaults] * len(units), chunksize=CHUNK)
    finally:  # Ctrl-C or an error: drop the queued work instead of finishing it
        pool.shutdown(wait=False, cancel_futures=True)


def plan(
    inputs: list[str], defaults: dict[str, Any], journal: Journal | None, *, fetch: bool = False
) -> tuple[list[Unit], int]:
    """Return (units still to do, units skipped because the journal has them)."""
    todo, skipped = [], 0
    for unit in discover(inputs, defaults, fetch=fetch):
        if journal is not None and unit.key in journal:
            skipped += 1
        else:
            todo.append(unit)
    return todo, skipped


def ingest_bulk(
    store: Any,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    defaults: dict[str, Any] | None = None,
    workers: int = 1,
    journal: str | os.PathLike[str] | None = None,
    fetch: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Ingest every article of ``inputs`` into ``store``; return the summary.

    Parameters
    ----------
    store : EventStore
        Target store; events are merged in input order, a batch at a time (``geo_events.merge.merge_many``).
    inputs : iterable of path-like
        Folders, feed files, article files, ``-`` (stdin), URL lists (only with ``fetch``).
    defaults : dict, optional
        ``published``, ``publisher``, ``title``, ``url`` for articles that carry none.
    workers : int
        Processes that read and extract (1: in this process).
    journal : path-like, optional
        Journal of done units; units it holds are skipped. None: no journal.
    fetch : bool
        Allow downloading the URLs of URL lists (offline otherwise).
    progress : callable, optional
        Called as ``progress(done, total)`` after each unit.

    Returns
    -------
    dict
        ``units``, ``skipped``, ``articles``, ``created``, ``merged``, ``unchanged``, ``no_events``,
        ``failed`` and ``failures`` (``{"input", "error"}``), and ``by_input``: the same counts per input.
    """
    defaults = {k: v for k, v in (defaults or {}).items() if v is not None}
    book = Journal(journal) if journal is not None else None
    units, skipped = plan([str(i) for i in inputs], defaults, book, fetch=fetch)
    summary: dict[str, Any] = {
        "units": len(units) + skipped,
        "skipped": skipped,
        "articles": 0,
        **dict.fromkeys(ACTIONS, 0),
        "no_events": 0,
        "failed": 0,
        "failures": [],
        "by_input": {},
    }
    results = _results(units, defaults, workers)
    done = 0

    def store_batch(batch: list[tuple[Unit, dict[str, Any]]]) -> None:
        nonlocal done
        for (unit, result), counts in zip(batch, _store_units(store, [r for _, r in batch])):
            _add(summary, unit.source or unit.label, counts, result)
            if book is not None:
                book.record(unit.key, unit.label, counts)
            done += 1
            if progress is not None:
                progress(done, len(units))

    try:
        batch: list[tuple[Unit, dict[str, Any]]] = []
        started, size = 0.0, FIRST_BATCH
        for unit, result in zip(units, results):
            if not batch:
                started = time.monotonic()
            batch.append((unit, result))
            if len(batch) >= size or time.monotonic() - started >= BATCH_SECONDS:
                store_batch(batch)
                batch, size = [], min(BATCH_UNITS, 2 * size)
        if batch:
            store_batch(batch)
    finally:
        results.close()
        if book is not None:
            book.close()
    return summary


def _store_units(store: Any, results: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Merge the events of several units' results (one ``merge_many``); return each unit's counts."""
    outcomes = iter(merge_many(store, [f for result in results for f in result["features"]]))
    every: list[dict[str, int]] = []
    for result in results:
        counts = {
            **dict.fromkeys(ACTIONS, 0),
            "articles": result["articles"],
            "failed": len(result["errors"]),
            "no_events": result.get("empty", 0),
        }
        for _ in result["features"]:
            outcome = next(outcomes)
            if isinstance(outcome, GeoEventsError):  # an invalid event: reported, the others stored
                result["errors"].append(f"event not stored: {outcome}")
                counts["failed"] += 1
                continue
            counts[outcome[1]] += 1
        every.append(counts)
    return every


def _add(summary: dict[str, Any], source: str, counts: dict[str, int], result: dict[str, Any]) -> None:
    per = summary["by_input"].setdefault(
        source, {"articles": 0, **dict.fromkeys(ACTIONS, 0), "no_events": 0, "failed": 0}
    )
    for key in ("articles", *ACTIONS, "no_events", "failed"):
        summary[key] += counts[key]
        per[key] += counts[key]
    summary["failures"].extend({"input": source, "error": error} for error in result["errors"])


__all__ = ["extract_unit", "ingest_bulk", "plan"]
