"""Ingesting articles into a store, including the two shared seed articles (geo_events.ingest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo_events.errors import ExtractionError
from geo_events.geodesy import haversine_km as distance_km
from geo_events.ingest import ingest_article, ingest_articles, read_articles
from geo_events.store import GeoJSONFileStore

KHASHAM_LAT, KHASHAM_LON = 35.30088, 40.28916


def ingest_all(store: GeoJSONFileStore, articles: list[dict]) -> list[dict]:
    rows = []
    for a in articles:
        rows.extend(ingest_article(store, a["text"], a["published"], a["publisher"], a["title"], a["url"]))
    return rows


def test_seed_articles_give_exactly_one_event(tmp_path: Path, seed_articles: list[dict],
                                              seed_feature_collection: dict) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    rows = ingest_all(store, seed_articles)
    assert [r["action"] for r in rows] == ["created", "merged"]
    (event,) = list(store)
    p = event["properties"]
    lon, lat = event["geometry"]["coordinates"]
    assert distance_km(lat, lon, KHASHAM_LAT, KHASHAM_LON) <= 10
    assert p["event_date"] == "2018-02-07" and p["date_precision"] == "day"
    assert p["admin1"] == "Deir ez-Zor" and p["side_of_line"] == "east"
    assert (p["actor1"], p["actor2"]) == ("US-led coalition", "Pro-government forces")
    assert (p["event_type"], p["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    seed = seed_feature_collection["features"][0]["properties"]
    assert {s["id"] for s in p["sources"]} == {s["id"] for s in seed["sources"]}
    # every hand-coded claim is found, attributed to the same claimant within the same source
    def rows(claims: list[dict]) -> list[tuple]:
        return sorted((c["source_id"], c["claimant"], c["kind"],
                       str(c["low"]), str(c["high"]), c["vague"]) for c in claims)

    assert rows(p["claims"]) == rows(seed["claims"])
    assert (p["fatalities_best"], p["fatalities_low"], p["fatalities_high"]) == (
        seed["fatalities_best"], seed["fatalities_low"], seed["fatalities_high"])


def test_seed_articles_order_and_repetition_do_not_matter(tmp_path: Path, seed_articles: list[dict]) -> None:
    results = []
    for name, order in (("ab", seed_articles), ("ba", seed_articles[::-1])):
        store = GeoJSONFileStore(tmp_path / f"{name}.geojson")
        ingest_all(store, order)
        again = ingest_all(store, order)
        assert {r["action"] for r in again} == {"unchanged"}
        (event,) = list(store)
        event["properties"].pop("extracted_at")
        results.append(event)
    assert results[0] == results[1]


def test_seed_articles_into_the_seed_store_change_nothing(seed_store: GeoJSONFileStore,
                                                          seed_articles: list[dict]) -> None:
    before = list(seed_store)
    rows = ingest_all(seed_store, seed_articles)
    assert {r["action"] for r in rows} == {"unchanged"}
    assert list(seed_store) == before


@pytest.mark.parametrize("text", ["", "\x00\x00", "x" * (5 * 1024 * 1024)])
def test_bad_articles_store_nothing(tmp_path: Path, text: str) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    with pytest.raises(ExtractionError):
        ingest_article(store, text, "2018-02-08")
    assert len(store) == 0


def test_garbage_stores_nothing(tmp_path: Path) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    assert ingest_article(store, "lorem ipsum dolor sit amet " * 200, "2018-02-08") == []
    assert len(store) == 0


def test_ingest_articles_reports_failures_and_continues(tmp_path: Path) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    good = {"text": "Turkish artillery pounded villages around Afrin late on Wednesday, killing a family of five.",
            "published": "2018-01-26", "title": "Afrin"}
    rows = ingest_articles(store, [{"text": "", "published": "2018-01-26", "title": "empty"}, good])
    assert rows[0]["article"] == "empty" and "empty" in rows[0]["error"]
    assert rows[1]["action"] == "created" and rows[1]["event_date"] == "2018-01-24"
    assert len(store) == 1


def test_read_articles_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"articles": [{"body": "B", "date": "2018-01-01"}]}), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "C", "published": "2018-01-02", "source": "Wire"}\n\n'
                                      '{"text": "D"}\n', encoding="utf-8")
    txt = list(read_articles(tmp_path / "a.txt", published="2018-02-08", publisher="P"))
    assert txt[0]["text"] == "Some text." and txt[0]["published"] == "2018-02-08" and txt[0]["publisher"] == "P"
    (b,) = read_articles(tmp_path / "b.json")
    assert (b["text"], b["published"]) == ("B", "2018-01-01")
    c, d = read_articles(tmp_path / "c.jsonl", published="2019-01-01")
    assert (c["publisher"], c["published"], d["published"]) == ("Wire", "2018-01-02", "2019-01-01")
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match="bad.jsonl:1"):
        list(read_articles(tmp_path / "bad.jsonl"))
