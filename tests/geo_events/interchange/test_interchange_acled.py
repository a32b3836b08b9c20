"""ACLED layout: row → event mapping, idempotent re-import, newer releases, export → import round trip."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from geo_events.interchange import acled, dataset_csv, import_dataset, read_dataset, write_dataset
from geo_events.store import GeoJSONFileStore


def _events(store: GeoJSONFileStore) -> dict[str, dict]:
    return {f["id"]: f for f in store}


def test_row_maps_onto_the_event_model(write_acled: Callable[..., Path], acled_row: dict) -> None:
    report = read_dataset(write_acled([acled_row]), "acled")
    assert report.problems == [] and len(report.events) == 1
    feature = report.events[0].to_feature()
    p = feature["properties"]
    assert feature["id"] == acled.event_id("SYR9001") and feature["geometry"]["coordinates"] == [
        40.2891,
        35.3008,
    ]
    assert (p["event_date"], p["date_precision"], p["geo_precision"]) == ("2018-02-07", "day", 2)
    assert (p["event_type"], p["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (p["actor1"], p["actor2"]) == ("Test Air Force", "Test Militia")
    assert p["assoc_actors"] == ["Ally One", "Ally Two", "Unit Three"]
    assert (p["country"], p["iso3"], p["admin1"], p["location"]) == ("Syria", "SYR", "Deir ez-Zor", "Khasham")
    assert p["sources"] == [
        {
            "id": "acled:SYR9001",
            "publisher": "ACLED",
            "title": "Outlet A; Outlet B",
            "url": None,
            "published": None,
        }
    ]
    claim = p["claims"][0]
    assert (claim["source_id"], claim["claimant"], claim["kind"], claim["low"], claim["high"]) == (
        "acled:SYR9001",
        "ACLED",
        "killed",
        12,
        12,
    )
    assert (p["fatalities_best"], p["fatalities_low"], p["fatalities_high"]) == (12, 12, 12)
    assert p["extracted_at"] == "2018-02-20T10:00:00Z" and p["notes"].startswith("Invented test note")
    assert (
        p["control_zone"] == "Syrian government & allies" and p["side_of_line"] == "east"
    )  # from seeds/zones


def test_precision_codes_and_date_spellings(write_acled: Callable[..., Path], acled_row: dict) -> None:
    rows = [
        {**acled_row, "event_id_cnty": f"X{code}", "time_precision": str(code), "geo_precision": str(code)}
        for code in (1, 2, 3)
    ]
    rows.append({**acled_row, "event_id_cnty": "X4", "event_date": "07 February 2018"})
    report = read_dataset(write_acled(rows), "acled")
    got = [
        (e.properties.date_precision, e.properties.geo_precision, str(e.properties.event_date))
        for e in report.events
    ]
    assert got == [
        ("day", 1, "2018-02-07"),
        ("week", 2, "2018-02-07"),
        ("month", 3, "2018-02-07"),
        ("day", 2, "2018-02-07"),
    ]


def test_reimport_changes_nothing_and_newer_release_updates(
    write_acled: Callable[..., Path], acled_rows: Callable[[int], list[dict]], tmp_path: Path
) -> None:
    store = GeoJSONFileStore(tmp_path / "store" / "events.geojson")
    rows = acled_rows(4)
    first = import_dataset(store, write_acled(rows), "acled")
    assert (first.created, first.updated, first.unchanged) == (4, 0, 0)
    files = sorted(p for p in store.path.parent.iterdir() if not p.name.endswith(".lock"))
    before = {p.name: p.read_bytes() for p in files}
    again = import_dataset(store, write_acled(rows), "acled")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert {p.name: p.read_bytes() for p in files} == before  # not even a journal record was written
    newer = [dict(r) for r in rows]
    newer[1].update(fatalities="7", timestamp="1600000000", notes="Revised invented note.")
    update = import_dataset(store, write_acled(newer, name="acled_v2.csv"), "acled")
    assert (update.created, update.updated, update.unchanged) == (0, 1, 3)
    stored = store.get(acled.event_id(rows[1]["event_id_cnty"]))["properties"]
    assert stored["fatalities_best"] == 7 and stored["notes"] == "Revised invented note."
    assert [c["low"] for c in stored["claims"]] == [7]
    assert len(store) == 4


def test_update_keeps_reports_merged_in_from_elsewhere(
    write_acled: Callable[..., Path], acled_row: dict, tmp_path: Path
) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    import_dataset(store, write_acled([acled_row]), "acled")
    event_id = acled.event_id("SYR9001")
    feature = store.get(event_id)
    article = {
        "id": "src-0123456789ab",
        "publisher": "Invented Daily",
        "title": "Invented",
        "url": None,
        "published": "2018-02-08",
    }
    feature["properties"]["sources"].append(article)
    feature["properties"]["claims"].append(
        {
            "source_id": "src-0123456789ab",
            "claimant": "Invented official",
            "kind": "killed",
            "low": 9,
            "high": None,
        }
    )
    store.upsert(feature)
    report = import_dataset(store, write_acled([{**acled_row, "fatalities": "15"}]), "acled")
    assert report.updated == 1
    p = store.get(event_id)["properties"]
    assert sorted(s["id"] for s in p["sources"]) == ["acled:SYR9001", "src-0123456789ab"]
    assert sorted((c["claimant"], c["low"]) for c in p["claims"]) == [("ACLED", 15), ("Invented official", 9)]
    assert p["fatalities_best"] == 9 and p["fatalities_high"] == 15  # the project's conservative rule
    assert import_dataset(store, write_acled([{**acled_row, "fatalities": "15"}]), "acled").unchanged == 1


def test_export_then_import_gives_identical_events(
    write_acled: Callable[..., Path], acled_rows: Callable[[int], list[dict]], tmp_path: Path
) -> None:
    rows = acled_rows(8)
    rows[0]["notes"] = 'Quoted "cell", with a comma\nand a second line; and ünïcödé'
    rows[2]["assoc_actor_2"] = ""
    original = GeoJSONFileStore(tmp_path / "a" / "events.geojson")
    assert import_dataset(original, write_acled(rows), "acled").created == 8
    path, written, skipped = write_dataset(list(original), tmp_path / "out" / "acled.csv", "acled")
    assert (written, skipped) == (8, 0)
    with open(path, newline="", encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == acled.COLUMNS
    copy = GeoJSONFileStore(tmp_path / "b" / "events.geojson")
    report = import_dataset(copy, path, "acled")
    assert report.problems == [] and report.created == 8
    assert _events(copy) == _events(original)


def test_export_of_events_coded_from_articles(seed_feature_collection: dict) -> None:
    text, written, _ = dataset_csv(seed_feature_collection["features"], "acled")
    row = next(csv.DictReader(text.splitlines()))
    seed = seed_feature_collection["features"][0]["properties"]
    assert written == 1 and row["event_id_cnty"] == seed["id"]
    assert row["iso"] == "760" and row["fatalities"] == str(seed["fatalities_best"])
    assert row["disorder_type"] == "Political violence" and row["time_precision"] == "1"
    assert row["source"] == "; ".join(s["publisher"] for s in seed["sources"])


def test_reimport_after_an_article_was_merged_in_changes_nothing(
    write_acled: Callable[..., Path], acled_row: dict, tmp_path: Path
) -> None:
    from geo_events.merge import EXTRACTOR, merge_event

    store = GeoJSONFileStore(tmp_path / "events.geojson")
    path = write_acled([acled_row])
    import_dataset(store, path, "acled")
    article = store.get(acled.event_id("SYR9001"))
    p = article["properties"]
    source = {"id": "src-aaaaaaaaaaaa", "publisher": "Invented Daily", "title": "Invented", "url": None,
              "published": "2018-02-08"}
    p.update(id="evt-aaaaaaaaaaaa", location="Khushām", geo_precision=1, geocoder=EXTRACTOR, notes=None,
             sources=[source], claims=[{"source_id": source["id"], "claimant": "Invented official",
                                        "kind": "killed", "low": 20, "high": None}])
    article["id"] = p["id"]
    assert merge_event(store, article) == (acled.event_id("SYR9001"), "merged")
    merged = store.get(acled.event_id("SYR9001"))
    assert merged["properties"]["location"] == "Khushām"  # the more precise report's place
    assert import_dataset(store, path, "acled").unchanged == 1
    assert store.get(acled.event_id("SYR9001")) == merged
    newer = import_dataset(store, write_acled([{**acled_row, "fatalities": "30"}], name="v2.csv"), "acled")
    assert newer.updated == 1
    q = store.get(acled.event_id("SYR9001"))["properties"]
    assert sorted((c["claimant"], c["low"]) for c in q["claims"]) == [("ACLED", 30), ("Invented official", 20)]
    assert q["location"] == "Khushām" and len(q["sources"]) == 2 and len(store) == 1


def _article_event(write_acled: Callable[..., Path], row: dict, name: str, **props: object) -> dict:
    """An event as extraction would store it (own id, an article source and claim), from an ACLED-like row."""
    from geo_events.merge import EXTRACTOR

    feature = read_dataset(write_acled([row], name=f"{name}.csv"), "acled").events[0].to_feature()
    p = feature["properties"]
    source = {"id": f"src-{name:0>12}", "publisher": "Invented Daily", "title": name, "url": None,
              "published": "2018-02-08"}
    p.update(id=f"evt-{name:0>12}", geocoder=EXTRACTOR, notes=None, sources=[source], fatalities_best=20,
             fatalities_low=20, fatalities_high=20,
             claims=[{"source_id": source["id"], "claimant": "Invented official", "kind": "killed", "low": 20,
                      "high": 20}], **props)
    feature["id"] = p["id"]
    return feature


def test_a_row_reporting_a_stored_article_event_merges_into_it(
    write_acled: Callable[..., Path], acled_row: dict, tmp_path: Path
) -> None:
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    store.upsert(_article_event(write_acled, acled_row, "a1", location="Khushām", geo_precision=1))
    path = write_acled([acled_row, {**acled_row, "event_id_cnty": "SYR9002", "notes": "A second strike."}])
    report = import_dataset(store, path, "acled")
    assert (report.merged, report.created) == (1, 1)  # one article event takes one row, the other is new
    merged = store.get("evt-0000000000a1")["properties"]
    assert sorted(s["id"] for s in merged["sources"]) == ["acled:SYR9001", "src-0000000000a1"]
    assert sorted(c["claimant"] for c in merged["claims"]) == ["ACLED", "Invented official"]
    again = import_dataset(store, path, "acled")
    assert (again.unchanged, again.created, again.merged, len(store)) == (2, 0, 0, 2)


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"event_date": "2018-02-10"}, "same town, three days later"),
        ({"latitude": "35.5700", "longitude": "40.2891"}, "same day, 30 km away"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "a protest, not a strike"),
        ({"event_type": "Battles", "sub_event_type": "Armed clash"}, "ACLED codes a battle, the article a strike"),
    ],
)
def test_near_misses_stay_apart(changes: dict, why: str, write_acled: Callable[..., Path], acled_row: dict,
                                tmp_path: Path) -> None:
    acled_row["geo_precision"] = "1"  # both coded to the place itself: the 25 km rule (not 50 km for "near")
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    store.upsert(_article_event(write_acled, acled_row, "a2"))
    report = import_dataset(store, write_acled([{**acled_row, **changes}], name="row.csv"), "acled")
    assert (report.created, report.merged, len(store)) == (1, 0, 2), why


def test_large_files_are_stored_chunk_by_chunk(
    write_acled: Callable[..., Path], acled_rows: Callable[[int], list[dict]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo_events import interchange

    monkeypatch.setattr(interchange, "STORE_CHUNK", 2)
    rows = acled_rows(7)
    rows[3]["event_date"] = "not a date"
    rows[5]["location"] = "Café-town"
    path = write_acled(rows, encoding="cp1252")
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    strict = import_dataset(store, path, "acled", strict=True)
    assert [p.row for p in strict.problems] == [5] and len(store) == 0 and not strict.written
    report = import_dataset(store, path, "acled")
    assert (report.rows, report.accepted, report.created, len(store)) == (7, 6, 6, 6)
    assert [p.row for p in report.problems] == [5] and any("Windows-1252" in n for n in report.notices)
    assert report.events == []  # streamed: read_dataset is the call that keeps the events
    assert store.get(acled.event_id(rows[5]["event_id_cnty"]))["properties"]["location"] == "Café-town"
    rows[3]["event_date"] = "2018-02-09"
    fixed = import_dataset(store, write_acled(rows, name="fixed.csv", encoding="cp1252"), "acled", strict=True)
    assert (fixed.created, fixed.unchanged, fixed.problems) == (1, 6, [])
    assert any("Windows-1252" in n for n in fixed.notices)  # strict reads twice: the notices survive
