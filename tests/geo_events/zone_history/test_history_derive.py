"""Histories from reporting: self-written capture/withdrawal reports and a contradictory pair, day by day.

``tests/data/zones/reports.jsonl`` holds the reports and the event each should give. The first tests feed
those hand-coded events (the derivation alone); the last runs the extractor on the texts first.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from shapely.geometry import Point

from geo_events.zone_history import CONTESTED, OPEN_END, SourceRef, ZoneState, default_history
from geo_events.zone_history.derive import claims_from_events, history_from_reporting
from geo_events.zone_history.diff import area_km2
from tests.geo_events.zone_history.helpers import DATA, reference_changes

#: GeoNames points of the villages the reports name (lon, lat).
POINTS = {"geonames:174506": (40.83138, 34.69508), "geonames:172415": (40.95819, 34.53366),
          "geonames:173927": (40.42716, 35.15618)}
HAJIN, SUSAH, BUSAYRAH = ((POINTS[k][1], POINTS[k][0]) for k in POINTS)
SDF, GOV, ISIS = "SDF & US-led coalition", "Syrian government & allies", "ISIS"


def reports() -> list[dict]:
    return [json.loads(line) for line in (DATA / "reports.jsonl").read_text().splitlines() if line.strip()]


def coded_event(report: dict) -> dict:
    """The event a careful coder gives the report (its ``expect``), as an event Feature."""
    expect = report["expect"]
    return {"type": "Feature", "id": f"evt-{report['id']}",
            "geometry": {"type": "Point", "coordinates": list(POINTS[expect["place_id"]])},
            "properties": {"actor2": None, **expect, "country": "Syria", "iso3": "SYR", "geo_precision": 1,
                           "location": "x", "sources": [{"id": f"src-{report['id']}", "publisher": report["publisher"],
                                                        "title": report["id"], "published": report["published"]}]}}


def day_by_day(history, point, first="2018-03-01", last="2018-03-31") -> list[tuple[str, str, str]]:
    """(first day, controller, origin) of each run of days with the same answer."""
    runs: list[tuple[str, str, str]] = []
    day, end = date.fromisoformat(first), date.fromisoformat(last)
    while day <= end:
        answer = history.controller_at(point, day)
        key = (answer["controller"], answer["origin"]) if answer else (None, None)
        if not runs or runs[-1][1:] != key:
            runs.append((day.isoformat(), *key))
        day += timedelta(days=1)
    return runs


EXPECTED_HAJIN = [("2018-03-01", ISIS, "curated"), ("2018-03-05", SDF, "derived"),
                  ("2018-03-09", ISIS, "derived"), ("2018-03-20", CONTESTED, "derived")]
EXPECTED_SUSAH = [("2018-03-01", ISIS, "curated"), ("2018-03-12", SDF, "derived")]
EXPECTED_BUSAYRAH = [("2018-03-01", SDF, "curated"), ("2018-03-25", SDF, "derived")]


def test_reports_change_control_day_by_day():
    history, derivation = history_from_reporting([coded_event(r) for r in reports()], default_history())
    assert day_by_day(history, HAJIN) == EXPECTED_HAJIN
    assert day_by_day(history, SUSAH) == EXPECTED_SUSAH
    assert day_by_day(history, BUSAYRAH) == EXPECTED_BUSAYRAH
    assert [event_id for event_id, _ in derivation.skipped] == ["evt-r7"]
    assert "withdrawal of ISIS" in derivation.skipped[0][1]  # left inside its own pocket: new holder unknown


def test_each_state_cites_the_reports_it_rests_on():
    history, _ = history_from_reporting([coded_event(r) for r in reports()], default_history())
    recaptured = history.controller_at(HAJIN, "2018-03-10")
    assert [s["event_id"] for s in recaptured["sources"]] == ["evt-r2"]
    assert recaptured["sources"][0]["text"].startswith("Test Monitor")
    assert recaptured["confidence"] == "reported"
    assert recaptured["valid_from"] == "2018-03-09" and recaptured["valid_to"] == "2018-03-19"
    contested = history.controller_at(HAJIN, "2018-03-25")
    claims = {c["controller"]: [s["event_id"] for s in c["sources"]] for c in contested["claims"]}
    assert claims == {SDF: ["evt-r4"], GOV: ["evt-r5"]}
    assert contested["valid_to"] is None  # until a later report settles it
    assert [w["area_id"] for w in contested["within"]][:1] == ["zone-isis-hajin"]


def test_changes_carry_the_events_as_sources():
    history, _ = history_from_reporting([coded_event(r) for r in reports()], default_history())
    changes = history.changes("2018-03-01", "2018-03-31")
    summary = [(c.date.isoformat(), c.before, c.after, [s.event_id for s in c.sources]) for c in changes]
    assert ("2018-03-05", ISIS, SDF, ["evt-r1"]) in summary
    assert ("2018-03-09", SDF, ISIS, ["evt-r2"]) in summary
    assert ("2018-03-12", ISIS, SDF, ["evt-r3"]) in summary
    assert ("2018-03-20", ISIS, CONTESTED, ["evt-r4", "evt-r5"]) in summary


def test_a_curated_edit_wins_over_the_derived_dispute():
    base = default_history()
    derived = claims_from_events([coded_event(r) for r in reports()], base).claims
    hajin = next(c for c in derived if c.area_id == "place:geonames:174506")
    edit = ZoneState(area_id=hajin.area_id, controller=ISIS, valid_from=date(2018, 3, 20), valid_to=OPEN_END,
                     geometry=hajin.geometry, origin="curated", sources=(SourceRef("analyst edit"),),
                     name="Hajin (analyst edit)")
    history = base.extended([*derived, edit])
    answer = history.controller_at(HAJIN, "2018-03-25")
    assert (answer["controller"], answer["origin"], answer["sources"]) == (ISIS, "curated", [{"text": "analyst edit"}])
    assert history.controller_at(HAJIN, "2018-03-10")["origin"] == "derived"  # before the edit: the reports
    disputed = {c.controller for c in history.claims if c.area_id == hajin.area_id and str(c.valid_from) == "2018-03-20"}
    assert disputed == {SDF, GOV, ISIS}  # the overruled reports are still kept as claims


def test_a_place_is_sized_by_kind_and_stops_at_the_river_and_at_its_neighbour():
    base = default_history()

    def event(eid, lon, lat, kind):
        return {"type": "Feature", "id": eid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"event_date": "2018-03-05", "sub_event_type": "Non-state actor overtakes territory",
                               "actor1": "Syrian Democratic Forces", "iso3": "SYR", "place_kind": kind,
                               "place_id": eid, "location": eid}}

    alone = claims_from_events([event("v", 40.0, 36.6, "village")], None).claims[0]
    assert area_km2(alone.geometry) == pytest.approx(3.1416 * 2.0 ** 2, rel=0.02)
    city = claims_from_events([event("c", 40.0, 36.6, "city")], None).claims[0]
    assert area_km2(city.geometry) == pytest.approx(3.1416 * 8.0 ** 2, rel=0.02)
    pair = claims_from_events([event("a", 40.0, 36.6, "village"), event("b", 40.025, 36.6, "village")], None)
    a, b = pair.claims
    assert a.geometry.intersection(b.geometry).area < 1e-12  # split half-way between the two villages
    assert 0.5 * area_km2(alone.geometry) < area_km2(a.geometry) < 0.9 * area_km2(alone.geometry)
    # Khasham pocket village on the east bank: the buffer does not cross into the west-bank zone
    (khasham,) = claims_from_events([event("k", 40.28916, 35.30088, "town")], base).claims
    west = next(s for s in base.states if s.area_id == "zone-dez-west-bank")
    assert area_km2(khasham.geometry.intersection(west.geometry)) < 0.01
    assert khasham.geometry.covers(Point(40.28916, 35.30088))


def test_events_that_change_no_territory_are_ignored_and_coarse_places_skipped():
    other = {"type": "Feature", "id": "e1", "geometry": {"type": "Point", "coordinates": [40.0, 35.0]},
             "properties": {"event_date": "2018-03-05", "sub_event_type": "Armed clash", "actor1": "ISIS"}}
    coarse = {"type": "Feature", "id": "e2", "geometry": {"type": "Point", "coordinates": [40.0, 35.0]},
              "properties": {"event_date": "2018-03-05", "sub_event_type": "Government regains territory",
                             "actor1": "Syrian government", "place_kind": "admin1"}}
    derivation = claims_from_events([other, coarse])
    assert derivation.claims == [] and [s[0] for s in derivation.skipped] == ["e2"]


def test_outside_syria_the_actor_is_the_controller():
    event = {"type": "Feature", "id": "e", "geometry": {"type": "Point", "coordinates": [37.8, 48.0]},
             "properties": {"event_date": "2022-05-01", "sub_event_type": "Non-state actor overtakes territory",
                            "actor1": "Military Forces of Russia", "iso3": "UKR", "place_kind": "town"}}
    (derived,) = claims_from_events([event]).claims
    assert derived.controller == "Military Forces of Russia"


def test_extracted_reports_give_the_same_history():
    """End to end: the extractor codes the self-written reports, then they change the zones."""
    from geo_events import extract_events

    events = []
    for report in reports():
        found = extract_events(report["text"], published=report["published"], publisher=report["publisher"])
        territorial = [f for f in found["features"] if f["properties"]["sub_event_type"] == report["expect"][
            "sub_event_type"]]
        assert territorial, f"{report['id']}: no {report['expect']['sub_event_type']} event extracted"
        got = territorial[0]["properties"]
        assert (got["actor1"], got["place_id"], got["event_date"]) == (
            report["expect"]["actor1"], report["expect"]["place_id"], report["expect"]["event_date"]), report["id"]
        events.extend(territorial)
    history, _ = history_from_reporting(events, default_history())
    assert day_by_day(history, HAJIN) == EXPECTED_HAJIN
    assert day_by_day(history, SUSAH) == EXPECTED_SUSAH
    assert day_by_day(history, BUSAYRAH) == EXPECTED_BUSAYRAH


def test_changes_found_on_the_changed_ground_only_equal_a_full_overlay():
    """``changes`` overlays only where states start or end; a whole-map overlay must find the same."""
    history, _ = history_from_reporting([coded_event(r) for r in reports()], default_history())
    fast = {(c.date, c.before, c.after): c.area_km2 for c in history.changes("2018-03-01", "2018-03-31")}
    slow = reference_changes(history, date(2018, 3, 1), date(2018, 3, 31))
    assert fast and fast.keys() == slow.keys()
    assert all(fast[k] == pytest.approx(slow[k], rel=1e-4) for k in fast)
