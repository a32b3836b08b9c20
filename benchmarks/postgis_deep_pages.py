"""Deep pages and counts of the PostGIS store: ``OFFSET`` + ``count(*)`` against the seek + remembered count.

``python -m benchmarks.postgis_deep_pages --url postgresql://…`` on a database already holding generated
events (e.g. copied by ``python -m benchmarks.postgis_vs_file`` or ``geo-events migrate``). Each deep page is
asked once of a fresh store (nothing remembered: plain OFFSET and count) and once right after the page before
it (as a client following ``next`` links); both answers must be equal. Not a ``bench_*`` module: it needs a
database.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from datetime import date
from typing import Any

from geo_events.query import EventQuery
from geo_events.store import open_store


def _timed(store: Any, query: EventQuery) -> tuple[float, Any]:
    started = time.perf_counter()
    result = store.query(query)
    return (time.perf_counter() - started) * 1000, result


def main(argv: list[str] | None = None) -> None:
    """Print one line per measured page."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.postgis_deep_pages", description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="a PostGIS database holding the generated events")
    args = parser.parse_args(argv)
    window = {"bbox": (38.0, 33.5, 42.0, 36.8), "start": date(2018, 1, 1), "end": date(2019, 12, 31)}
    for label, base in (("sort=date, no filter", EventQuery(sort="date", limit=100)),
                        ("bbox+date window", EventQuery(sort="date", limit=100, **window))):
        for offset in (10_000, 100_000):
            fresh = open_store(args.url)
            fresh.query(EventQuery(limit=1))  # open the pool
            offset_ms, plain = _timed(fresh, replace(base, offset=offset))
            fresh.close()
            following = open_store(args.url)
            following.query(replace(base, offset=offset - base.limit))
            seek_ms, seeked = _timed(following, replace(base, offset=offset))
            following.close()
            assert (plain.raw, plain.number_matched) == (seeked.raw, seeked.number_matched)
            print(f"{label}, offset {offset:,}: OFFSET + count(*) {offset_ms:.0f} ms; "
                  f"seek + remembered count {seek_ms:.0f} ms; {plain.number_matched:,} matched")
    store = open_store(args.url)
    query = EventQuery(sort="date", limit=100, bbox=(39.0, 34.5, 41.0, 36.0), start=date(2018, 1, 1),
                       end=date(2018, 12, 31))
    times = [_timed(store, replace(query, offset=n * 100)) for n in range(3)]
    store.close()
    print(f"window of {times[0][1].number_matched:,} matches, pages 1-3: "
          + " / ".join(f"{ms:.0f} ms" for ms, _ in times))


if __name__ == "__main__":
    main()
