"""The bundled curated history: who held a point on a day (with sources), the zones and line of a day, changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from geo_events.errors import InvalidQuery
from geo_events.zone_history import ZoneHistory, default_history
from geo_events.zones import zone_at
from tests.geo_events.zone_history.helpers import claim, square

KHASHAM = (35.30088, 40.28916)


def test_who_held_khasham_on_7_february_2018_cites_the_sources():
    answer = default_history().controller_at(KHASHAM, "2018-02-07")
    assert answer["controller"] == "Syrian government & allies"
    assert answer["area_id"] == "zone-seven-villages"
    assert answer["origin"] == "curated" and answer["confidence"] == "control"
    assert any("Reuters" in s["text"] and "Khasham" in s["text"] for s in answer["sources"])
    assert [w["controller"] for w in answer["within"]] == ["SDF & US-led coalition"]  # the pocket sits in the bank


@pytest.mark.parametrize("lat, lon", [KHASHAM, (34.69508, 40.83138), (35.33, 40.14), (35.15618, 40.42716),
                                      (34.9, 40.2), (34.45, 40.92), (36.5, 40.0)])
@pytest.mark.parametrize("day", ["2017-10-01", "2018-02-07", "2018-12-20", "2019-02-01", "2019-06-01"])
def test_answers_agree_with_zone_at_of_the_zones_module(lat, lon, day):
    expected = zone_at((lat, lon), day)
    answer = default_history().controller_at((lat, lon), day)
    if expected is None:
        assert answer is None
    else:
        assert (answer["controller"], answer["area_id"]) == (expected["controller"], expected["id"])


def test_zones_at_a_day_are_the_states_valid_that_day():
    features = default_history().zones_at("2019-02-01")["features"]
    ids = {f["properties"]["area_id"] for f in features}
    assert "zone-isis-baghuz" in ids and "zone-isis-hajin" not in ids
    assert all(f["properties"]["valid_from"] <= "2019-02-01" for f in features)


def test_line_at_follows_the_dated_line():
    assert default_history().line_at("2018-02-07")["geometry"]["type"] == "LineString"
    assert default_history().line_at("2019-11-01") is None


def test_changes_name_who_lost_and_who_gained_with_the_sources():
    changes = default_history().changes("2018-12-01", "2019-12-31")
    hajin = [c for c in changes if c.date == date(2018, 12, 15) and c.before == "ISIS"]
    assert [c.after for c in hajin] == ["SDF & US-led coalition"]
    assert hajin[0].area_ids == ("zone-isis-hajin",)
    assert any("Hajin" in s.text for s in hajin[0].sources)
    assert 100 < hajin[0].area_km2 < 1000
    assert not [c for c in changes if c.date == date(2020, 1, 1)]  # the end of the data is no change


def test_changes_respect_the_bbox():
    everything = default_history().changes("2018-12-01", "2019-12-31")
    far_away = default_history().changes("2018-12-01", "2019-12-31", bbox=(10.0, 10.0, 11.0, 11.0))
    assert everything and far_away == []


def test_start_after_end_is_refused():
    with pytest.raises(InvalidQuery, match="after"):
        default_history().changes("2019-01-01", "2018-01-01")


def test_smallest_state_wins_and_presence_is_left_out_of_coverage():
    big = claim("Blue", "2022-01-01", area="bank", geometry=square(30.0, 50.0, 1.0))
    pocket = claim("Red", "2022-01-05", area="pocket", geometry=square(30.4, 50.4, 0.2))
    import dataclasses

    cells = dataclasses.replace(claim("Green", "2022-01-01", area="cells", geometry=square(30.0, 50.0, 0.1)),
                                confidence="presence")
    history = ZoneHistory([big, pocket, cells])
    assert history.controller_at((50.5, 30.5), "2022-01-04")["controller"] == "Blue"
    assert history.controller_at((50.5, 30.5), "2022-01-05")["controller"] == "Red"
    assert history.controller_at((50.05, 30.05), "2022-01-05")["confidence"] == "presence"
    coverage = history.coverage_on("2022-01-05")
    assert set(coverage) == {"Blue", "Red"}
    assert coverage["Blue"].area == pytest.approx(1.0 - 0.04)
    (change,) = history.changes("2022-01-02", "2022-01-31")
    assert (change.date, change.before, change.after, change.area_ids) == (date(2022, 1, 5), "Blue", "Red",
                                                                           ("pocket",))


def test_a_day_outside_every_state_has_no_answer():
    assert default_history().controller_at(KHASHAM, date(2017, 9, 25) - timedelta(days=30)) is None


def test_bad_point_and_date_are_refused_naming_the_field():
    with pytest.raises(InvalidQuery) as err:
        default_history().controller_at((95.0, 40.0), "2018-02-07")
    assert err.value.field == "point"
    with pytest.raises(InvalidQuery) as err:
        default_history().controller_at(KHASHAM, "7 Feb")
    assert err.value.field == "date"


def test_who_held_a_place_by_name():
    from geo_events.zone_history import controller_at_place

    answer = controller_at_place("Khusham", "2018-02-07")  # a spelling variant of Khasham
    assert (answer["place_id"], answer["controller"]) == ("geonames:167899", "Syrian government & allies")
    assert answer["sources"]
    with pytest.raises(InvalidQuery) as err:
        controller_at_place("Xyzzyqq", "2018-02-07")
    assert err.value.field == "place"
