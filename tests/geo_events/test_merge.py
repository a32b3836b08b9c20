"""The multi-source merge rule and its thresholds (geo_events.merge)."""

from __future__ import annotations

import copy
from contextlib import contextmanager
from pathlib import Path

import pytest

from geo_events.merge import combine, events_match, match_reasons, merge_event, merge_many
from geo_events.models import stable_id
from geo_events.store import GeoJSONFileStore

KHASHAM = (40.28916, 35.30088)  # lon, lat


def event(
    *,
    date: str = "2018-02-07",
    lonlat: tuple[float, float] = KHASHAM,
    sub: str = "Air/drone strike",
    etype: str = "Explosions/Remote violence",
    actor1: str | None = "US-led coalition",
    actor2: str | None = "Pro-government forces",
    source: str = "src-a",
    precision: int = 2,
    admin1: str | None = "Deir ez-Zor",
    location: str = "Khasham",
    claims: list[dict] | None = None,
    date_precision: str = "day",
) -> dict:
    event_id = stable_id("evt", date, admin1, etype, sub, actor1, actor2, source)
    return {
        "type": "Feature",
        "id": event_id,
        "geometry": {"type": "Point", "coordinates": list(lonlat)},
        "properties": {
            "id": event_id, "event_date": date, "date_precision": date_precision, "event_type": etype,
            "sub_event_type": sub, "actor1": actor1, "actor2": actor2, "location": location, "admin1": admin1,
            "country": "Syria", "iso3": "SYR", "geo_precision": precision, "place_id": f"p-{location}",
            "claims": claims if claims is not None else [
                {"source_id": source, "claimant": "US official", "kind": "killed", "low": 100, "high": None,
                 "evidence": [{"start": 0, "end": 5}]}],
            "sources": [{"id": source, "publisher": source, "published": "2018-02-08"}],
            "geocoder": "geo-events extract (offline gazetteer)",
        },
    }


@pytest.fixture
def store(tmp_path: Path) -> GeoJSONFileStore:
    return GeoJSONFileStore(tmp_path / "events.geojson")


def test_same_strike_from_two_outlets_merges(store: GeoJSONFileStore) -> None:
    first = event(source="src-a")
    second = event(source="src-b", lonlat=(40.3, 35.1), precision=3, location="Deir ez-Zor",
                   claims=[{"source_id": "src-b", "claimant": "Russia", "kind": "wounded", "low": 25, "high": 25}])
    assert merge_event(store, first) == (first["id"], "created")
    assert merge_event(store, second) == (first["id"], "merged")
    (stored,) = list(store)
    p = stored["properties"]
    assert {s["id"] for s in p["sources"]} == {"src-a", "src-b"}
    assert {(c["claimant"], c["kind"]) for c in p["claims"]} == {("US official", "killed"), ("Russia", "wounded")}
    assert p["location"] == "Khasham" and p["geo_precision"] == 2  # the more precise location wins
    assert p["fatalities_best"] == 100


def test_reingesting_changes_nothing(store: GeoJSONFileStore) -> None:
    merge_event(store, event(source="src-a"))
    merge_event(store, event(source="src-b"))
    before = list(store)
    assert merge_event(store, event(source="src-a"))[1] == "unchanged"
    assert merge_event(store, event(source="src-b"))[1] == "unchanged"
    assert list(store) == before


def test_order_does_not_change_the_result(tmp_path: Path) -> None:
    a = event(source="src-a", claims=[{"source_id": "src-a", "claimant": "X", "kind": "killed", "low": 40,
                                        "high": None, "vague": True}])
    b = event(source="src-b", date="2018-02-08", lonlat=(40.3, 35.1), precision=3, location="Deir ez-Zor",
              actor2="Iran-backed militias", sub="Shelling/artillery/missile attack")
    results = []
    for order in ((a, b), (b, a)):
        store = GeoJSONFileStore(tmp_path / f"{len(results)}.geojson")
        for feature in order:
            merge_event(store, copy.deepcopy(feature))
        (stored,) = list(store)
        props = {k: v for k, v in stored["properties"].items() if k not in ("id", "extracted_at")}
        results.append((stored["geometry"], props))
    assert results[0] == results[1]
    props = results[0][1]
    assert props["event_date"] == "2018-02-07" and props["sub_event_type"] == "Air/drone strike"
    assert props["actor2"] == "Pro-government forces" and props["assoc_actors"] == ["Iran-backed militias"]


def test_protest_and_airstrike_same_day_same_town_do_not_merge(store: GeoJSONFileStore) -> None:
    strike = event(source="src-a")
    protest = event(source="src-b", etype="Protests", sub="Peaceful protest", actor1="Protesters", actor2=None,
                    claims=[])
    assert "incompatible types" in " ".join(match_reasons(strike, protest))
    merge_event(store, strike)
    assert merge_event(store, protest)[1] == "created"
    assert len(store) == 2


def test_two_strikes_by_different_actors_do_not_merge(store: GeoJSONFileStore) -> None:
    coalition_on_isis = event(source="src-a", actor2="ISIS")
    russia_on_rebels = event(source="src-b", actor1="Russia", actor2="Syrian opposition")
    coalition_on_regime = event(source="src-c")
    merge_event(store, coalition_on_isis)
    assert merge_event(store, russia_on_rebels)[1] == "created"
    assert merge_event(store, coalition_on_regime)[1] == "created"
    assert len(store) == 3


@pytest.mark.parametrize(
    ("changes", "matches"),
    [
        ({"date": "2018-02-08"}, True),  # one day apart: within the day window
        ({"date": "2018-02-09"}, False),  # two days apart
        ({"date": "2018-02-12", "date_precision": "week"}, True),
        ({"lonlat": (40.45, 35.30)}, True),  # ~15 km
        ({"lonlat": (40.95, 35.30)}, False),  # ~60 km
        ({"lonlat": (40.9, 34.8), "precision": 3}, True),  # same governorate, region-level
        ({"lonlat": (39.0, 35.9), "precision": 3, "admin1": "Raqqa"}, False),
        ({"etype": "Battles", "sub": "Armed clash"}, True),  # strikes vs clashes: compatible
        ({"actor2": "Russia"}, True),  # same side as pro-government forces
        ({"actor2": "ISIS"}, False),
        ({"actor1": None}, True),  # unknown attacker is compatible
    ],
)
def test_thresholds(changes: dict, matches: bool) -> None:
    stored = event(source="src-a", precision=1)
    incoming = event(source="src-b", **{"precision": 1, **changes})
    assert events_match(stored, incoming) is matches, match_reasons(stored, incoming)


@pytest.mark.parametrize(
    ("stored_source", "matches"),
    [
        ("src-a", True),  # two articles: one outlet's "clashes" is another's "strikes"
        ("acled:SYR1", False),  # ACLED's coders chose "battle": an air strike there is another incident
        ("ucdp-ged:1", True),  # UCDP GED codes strikes and clashes alike as state-based violence
    ],
)
def test_a_battle_and_a_strike_merge_unless_a_data_set_coded_the_type(stored_source: str, matches: bool) -> None:
    battle = event(source=stored_source, etype="Battles", sub="Armed clash", precision=1)
    strike = event(source="src-b", precision=1)
    for stored, incoming in ((battle, strike), (strike, battle)):
        assert events_match(stored, incoming) is matches, match_reasons(stored, incoming)
    if not matches:
        assert match_reasons(battle, strike) == [
            "different types coded by a data set (Battles / Explosions/Remote violence)"]
    assert events_match(battle, event(source="src-b", etype="Battles", sub="Armed clash", precision=1))


def test_two_events_from_one_report_stay_apart(store: GeoJSONFileStore) -> None:
    first = event(source="src-a", sub="Shelling/artillery/missile attack")
    second = event(source="src-a")
    merge_event(store, first)
    assert merge_event(store, second)[1] == "created"


def test_combine_keeps_the_stored_id_and_recomputes_fatalities() -> None:
    a = event(source="src-a")
    b = event(source="src-b", claims=[{"source_id": "src-b", "claimant": "Outlet", "kind": "killed", "low": None,
                                       "high": 200}])
    merged = combine(a, b)
    assert merged["id"] == a["id"]
    p = merged["properties"]
    assert (p["fatalities_best"], p["fatalities_low"], p["fatalities_high"]) == (100, 100, 200)


def test_merge_reads_and_writes_inside_the_store_transaction(store: GeoJSONFileStore) -> None:
    held = {"depth": 0}
    calls: list[tuple[str, int]] = []
    original_transaction, original_query, original_upsert = store.transaction, store.query, store.upsert

    @contextmanager
    def transaction():
        held["depth"] += 1
        try:
            with original_transaction() as inner:
                yield inner
        finally:
            held["depth"] -= 1

    def query(q):
        calls.append(("query", held["depth"]))
        return original_query(q)

    def upsert(feature):
        calls.append(("upsert", held["depth"]))
        return original_upsert(feature)

    store.transaction, store.query, store.upsert = transaction, query, upsert  # type: ignore[method-assign]
    merge_event(store, event(source="src-a"))
    merge_event(store, event(source="src-b"))
    assert [name for name, _ in calls].count("upsert") == 2
    assert all(depth >= 1 for _, depth in calls)


def test_merging_into_a_hand_coded_event_keeps_it(seed_store: GeoJSONFileStore) -> None:
    (seed,) = list(seed_store)
    source_id = seed["properties"]["sources"][0]["id"]
    incoming = event(source=source_id, precision=2)
    assert merge_event(seed_store, incoming) == (seed["id"], "unchanged")
    assert list(seed_store) == [seed]


def _varied_events(n: int) -> list[dict]:
    """``n`` reports mixing repeats, near misses, id collisions and an invalid one (seeded)."""
    import random

    rng = random.Random(19)
    kinds = [("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"),
             ("Protests", "Peaceful protest")]
    out = []
    for i in range(n):
        etype, sub = rng.choice(kinds)
        out.append(event(
            date=f"2018-02-{rng.randint(1, 12):02d}", lonlat=(40.28916 + rng.choice((0, 0.1, 0.4)), 35.30088),
            etype=etype, sub=sub, actor2=rng.choice(("Pro-government forces", "ISIS", None)),
            source=rng.choice(("src-a", "src-b", "src-c", "acled:X1", f"src-{i}")), precision=rng.choice((1, 2, 3)),
            date_precision=rng.choice(("day", "day", "week"))))
    out[5] = copy.deepcopy(out[2])  # the same report again
    out[7]["properties"]["event_type"] = "Not a type"  # refused, the others stored
    return out


def test_merge_many_gives_what_merging_one_by_one_gives(tmp_path: Path) -> None:
    reports = _varied_events(60)
    one_by_one = GeoJSONFileStore(tmp_path / "one.geojson")
    expected = []
    for report in copy.deepcopy(reports):
        try:
            expected.append(merge_event(one_by_one, report))
        except Exception as err:  # noqa: BLE001 - compared by type below
            expected.append(type(err).__name__)
    batched = GeoJSONFileStore(tmp_path / "many.geojson")
    got = [r if isinstance(r, tuple) else type(r).__name__
           for part in (reports[:25], reports[25:]) for r in merge_many(batched, copy.deepcopy(part))]
    assert got == expected
    assert {a for a in got if isinstance(a, str)} == {"ValidationFailed"}
    assert {a for _, a in (g for g in got if isinstance(g, tuple))} == {"created", "merged", "unchanged"}
    assert sorted(map(str, one_by_one)) == sorted(map(str, batched))
