"""Deep pages of the PostGIS store (geo_events.store.postgis_paging): pages reached by seeking past the
last key served equal ``OFFSET`` pages in every sort, counts are taken once, and any write (from this or
another process) drops what was remembered."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

import pytest

psycopg = pytest.importorskip("psycopg", reason="the PostGIS driver is not installed (pip install '.[postgis]')")

from geo_events.query import EventQuery  # noqa: E402
from geo_events.store import open_store  # noqa: E402
from geo_events.store.postgis_paging import PageCache, seek_clause  # noqa: E402


@pytest.fixture
def loaded(pg_url: str, events_300: list[dict]) -> Any:
    """A PostGIS store holding the 300 generated events (many ties in date and fatalities)."""
    store = open_store(pg_url)
    store.upsert_many(events_300)
    try:
        yield store
    finally:
        store.close()


def _offset_page(url: str, query: EventQuery) -> tuple[int, list[bytes]]:
    """The page as plain OFFSET / count(*) gives it (a fresh store: nothing remembered)."""
    fresh = open_store(url)
    try:
        result = fresh.query(query)
        return result.number_matched, result.raw
    finally:
        fresh.close()


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities", "id"])
def test_seeked_pages_equal_offset_pages(loaded: Any, pg_url: str, sort: str) -> None:
    query = EventQuery(sort=sort, limit=23, bbox=(38.0, 34.0, 41.0, 36.5))
    seen: list[bytes] = []
    offset = 0
    while True:
        page = loaded.query(replace(query, offset=offset))
        assert (page.number_matched, page.raw) == _offset_page(pg_url, replace(query, offset=offset))
        seen += page.raw
        if len(page.raw) < query.limit:
            break
        offset += query.limit
    assert len(seen) == len(set(seen)) == page.number_matched > 100
    assert loaded._pages.seek(*_sig(loaded, query), offset) is not None  # the later pages did seek


def _sig(store: Any, query: EventQuery) -> tuple[Any, int]:
    from geo_events.store.postgis_paging import signature

    where, params = store._where(query)
    with psycopg.connect(store.url) as conn:
        (generation,) = conn.execute("SELECT n FROM geo_events_writes").fetchone()
    return signature(where, params, query.sort), generation


def test_a_page_jumped_to_and_one_before_a_boundary_are_still_right(loaded: Any, pg_url: str) -> None:
    query = EventQuery(sort="date", limit=40)
    loaded.query(query)
    loaded.query(replace(query, offset=40))  # remembers the key before offset 80
    for offset in (79, 95, 200):  # before, after (seek + a short OFFSET), far past the boundary
        mine = loaded.query(replace(query, offset=offset))
        assert (mine.number_matched, mine.raw) == _offset_page(pg_url, replace(query, offset=offset))


def test_a_write_elsewhere_drops_the_remembered_count_and_keys(loaded: Any, pg_url: str, events_300: list) -> None:
    query = EventQuery(sort="date", limit=50, event_type="Battles")
    assert loaded.query(query).number_matched == 75
    loaded.query(replace(query, offset=50))
    other = open_store(pg_url)  # another API worker or CLI ingest
    try:
        extra = copy.deepcopy(events_300[0])
        extra["id"] = extra["properties"]["id"] = "evt-extra-0001"
        extra["properties"]["event_date"] = "2018-06-01"  # sorts before every page boundary
        other.upsert(extra)
        second = loaded.query(replace(query, offset=50))
        assert second.number_matched == 76
        assert second.raw == _offset_page(pg_url, replace(query, offset=50))[1]
        other.delete("evt-extra-0001")
        assert loaded.query(replace(query, offset=50)).number_matched == 75
    finally:
        other.close()


def test_counts_are_taken_once_per_query_and_generation(loaded: Any) -> None:
    query = EventQuery(sort="date", limit=10, country="Syria")
    first = loaded.query(query).number_matched
    sig, generation = _sig(loaded, query)
    assert loaded._pages.count(sig, generation) == first == 270
    assert loaded._pages.count(sig, generation + 1) is None  # another generation: not trusted


def test_nothing_is_remembered_inside_a_transaction(loaded: Any) -> None:
    query = EventQuery(sort="id", limit=10, admin1="Raqqa")
    with loaded.transaction():
        assert loaded.query(replace(query, offset=10)).number_matched == 100
    sig, generation = _sig(loaded, query)
    assert loaded._pages.count(sig, generation) is None


def test_seek_clause_orders_mixed_directions() -> None:
    assert seek_clause("date", ("2019-01-01", 5)) == ("(event_date, seq) > (%s, %s)", ["2019-01-01", 5])
    sql, params = seek_clause("-fatalities", (3, 9))
    assert sql == "(fatalities_best < %s OR (fatalities_best = %s AND seq > %s))" and params == [3, 3, 9]
    assert seek_clause("id", ("evt-1",)) == ("id > %s", ["evt-1"])


def test_page_cache_forgets_the_least_recent_query() -> None:
    cache = PageCache(queries=2, seeks_per_query=2)
    for n in range(3):
        cache.remember_count(("q", n), 1, n)
    assert cache.count(("q", 0), 1) is None and cache.count(("q", 2), 1) == 2
    for offset in (10, 20, 30):
        cache.remember_seek(("q", 2), 1, offset, (offset,))
    assert cache.seek(("q", 2), 1, 15) is None  # the oldest boundary (10) was dropped
    assert cache.seek(("q", 2), 1, 35) == (30, (30,))
