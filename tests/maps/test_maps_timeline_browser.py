"""The time map in real headless Chromium, network blocked: it plays, zones recolour on their change day,
events appear in their step, the line moves, the date lives in the URL, labels are readable offline.

One page for the whole module (opened on ``#date=2018-01-09``, the day before the village changes hands);
the tests run in order and each moves the slider from where the previous one left it.
Set ``GEO_EVENTS_SCREENSHOT=1`` to also rewrite docs/img/map-timeline.png.
"""

from __future__ import annotations

import copy
import json
import os
from datetime import date
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from geo_events.zone_history import SourceRef, ZoneHistory, ZoneState
from maps.browser import browser_available, open_map
from maps.render import PageOptions
from maps.styles import controller_color
from maps.timeline import render_timeline_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser_available(), reason="needs /usr/bin/chromium and playwright"),
]

ISIS, SDF = "ISIS", "SDF & US-led coalition"
HOSTILE = '<img src=x onerror="window.__pwned=1">'
VILLAGE = Polygon([(40.25, 35.28), (40.33, 35.28), (40.33, 35.34), (40.25, 35.34)])
BANK = Polygon([(40.0, 35.0), (40.8, 35.0), (40.8, 35.7), (40.0, 35.7)])


def _history() -> ZoneHistory:
    def claim(area: str, controller: str, first: date, last: date, geometry: Polygon, name: str) -> ZoneState:
        return ZoneState(area_id=area, controller=controller, valid_from=first, valid_to=last, geometry=geometry,
                         sources=(SourceRef(f"test report {name}"),), origin="derived", name=name)

    return ZoneHistory([
        claim("bank", SDF, date(2018, 1, 1), date(2018, 1, 31), BANK, "East bank"),
        claim("village", ISIS, date(2018, 1, 1), date(2018, 1, 9), VILLAGE, HOSTILE),
        claim("village", SDF, date(2018, 1, 10), date(2018, 1, 31), VILLAGE, "Village (taken)"),
    ])


def _line(coordinates: list[list[float]], first: str, last: str) -> dict:
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coordinates},
            "properties": {"name": "test line", "valid_from": first, "valid_to": last}}


SEED_EVENTS = Path(__file__).resolve().parents[2] / "seeds" / "events.geojson"


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    template = json.loads(SEED_EVENTS.read_text(encoding="utf-8"))["features"][0]  # the seed event, re-dated
    events = []
    for i, day in enumerate(("2018-01-02", "2018-01-10", "2018-01-20")):
        event = copy.deepcopy(template)
        event["id"] = event["properties"]["id"] = f"evt-{i}"
        event["properties"]["event_date"] = day
        event["geometry"]["coordinates"] = [40.3 + 0.1 * i, 35.3]
        events.append(event)
    lines = [_line([[40.2, 35.7], [40.2, 35.0]], "2018-01-01", "2018-01-14"),
             _line([[40.5, 35.7], [40.5, 35.0]], "2018-01-15", "2018-01-31")]
    states = [s.to_feature() for s in _history().states]
    changes = [c.to_feature() for c in _history().changes()]
    page_html = render_timeline_html(events, states, lines, changes=changes, start=date(2018, 1, 1),
                                     end=date(2018, 1, 31), step="day", page=PageOptions(title="Test front", river=None))
    path = tmp_path_factory.mktemp("timeline") / "timeline.html"
    path.write_text(page_html, encoding="utf-8")
    with open_map(path, fragment="#date=2018-01-09") as (page, log):
        yield page, log


def state(page) -> dict:
    return page.evaluate(
        """() => {
          const village = document.querySelector('path.ge-zone[data-group="village"]');
          const line = document.querySelector('path.ge-line');
          return {
            date: document.querySelector('.ge-timeline-date').textContent,
            iso: document.querySelector('.ge-timeline-date').getAttribute('data-date'),
            info: document.querySelector('.ge-timeline-info').textContent,
            slider: Number(document.querySelector('.ge-tl-slider').value),
            hash: location.hash,
            village_fill: village ? village.getAttribute('fill') : null,
            village_shown: village ? village.style.display !== 'none' : false,
            line_d: line ? line.getAttribute('d') : null,
            drawn: GeoEvents.layers[0].drawn,
            playing: GeoEvents.timeline.playing,
          };
        }"""
    )


def test_opens_on_the_date_of_the_url(timeline):
    page, log = timeline
    now = state(page)
    assert now["date"] == "9 January 2018" and now["iso"] == "2018-01-09" and now["slider"] == 8
    assert now["village_shown"] and now["village_fill"] == controller_color(ISIS)
    assert log["errors"] == [] and log["blocked"] == []


def test_a_zone_changes_colour_on_its_change_date_and_the_url_follows(timeline):
    page, _ = timeline
    page.click(".ge-tl-next")
    now = state(page)
    assert now["date"] == "10 January 2018" and now["slider"] == 9 and now["hash"] == "#date=2018-01-10"
    assert now["village_fill"] == controller_color(SDF)
    assert "1 zone change" in now["info"]
    page.click(".ge-tl-prev")
    assert state(page)["village_fill"] == controller_color(ISIS)


def marks(page) -> dict:
    return page.evaluate(
        """() => ({
          marks: Array.from(document.querySelectorAll('path.ge-change-mark')).map((e) => ({
            date: e.getAttribute('data-date'), after: e.getAttribute('data-after'),
            stroke: e.getAttribute('stroke'), animation: getComputedStyle(e).animationName,
            shown: e.getBoundingClientRect().width > 0})),
          listed: document.querySelector('.ge-tl-change-list').textContent,
          count: document.querySelector('.ge-tl-change-list').getAttribute('data-count'),
        })"""
    )


def test_a_change_mark_flashes_on_its_day_and_is_listed_in_the_panel(timeline):
    page, _ = timeline
    page.evaluate("() => { location.hash = '#date=2018-01-09'; }")
    page.wait_for_function("() => GeoEvents.timeline.day === '2018-01-09'")
    assert marks(page)["marks"] == [] and marks(page)["count"] == "0"
    page.click(".ge-tl-next")
    now = marks(page)
    assert [(m["date"], m["after"], m["shown"]) for m in now["marks"]] == [("2018-01-10", SDF, True)]
    assert now["marks"][0]["stroke"] == controller_color(SDF) and now["marks"][0]["animation"] == "ge-flash"
    assert now["count"] == "1" and f"ISIS \u2192 {SDF}" in now["listed"] and "Village (taken)" in now["listed"]
    page.click(".ge-tl-next")
    assert marks(page)["marks"] == []


def test_events_appear_in_their_step(timeline):
    page, _ = timeline
    page.evaluate("() => { location.hash = '#date=2018-01-02'; }")
    page.wait_for_function("() => document.querySelector('.ge-timeline-date').textContent === '2 January 2018'")
    assert state(page)["drawn"] == 1 and "1 event" in state(page)["info"]
    page.click(".ge-tl-next")
    assert state(page)["drawn"] == 0
    page.check(".ge-tl-keep")  # keep earlier events
    assert state(page)["drawn"] == 1
    page.uncheck(".ge-tl-keep")


def test_the_line_moves_when_it_changes(timeline):
    page, _ = timeline
    page.evaluate("() => { location.hash = '#date=2018-01-14'; }")
    page.wait_for_function("() => location.hash === '#date=2018-01-14' && GeoEvents.timeline.day === '2018-01-14'")
    before = state(page)["line_d"]
    page.click(".ge-tl-next")
    after = state(page)["line_d"]
    assert before and after and before != after


def test_it_plays_and_pauses(timeline):
    page, _ = timeline
    page.evaluate("() => { GeoEvents.timeline.options.interval = 150; location.hash = '#date=2018-01-05'; }")
    page.wait_for_function("() => GeoEvents.timeline.day === '2018-01-05'")
    page.click(".ge-tl-play")
    # no timing asserted: wait (up to 10 s) until the slider has moved three steps on its own
    page.wait_for_function("() => Number(document.querySelector('.ge-tl-slider').value) >= 7", timeout=10000)
    page.click(".ge-tl-play")
    now = state(page)
    assert not now["playing"] and now["slider"] >= 7
    assert now["date"] != "5 January 2018" and now["hash"] == f"#date={now['iso']}"


def test_embed_snippet_keeps_the_date(timeline):
    page, _ = timeline
    page.click(".ge-tl-embed")
    snippet = page.input_value(".ge-tl-snippet")
    iso = state(page)["iso"]
    assert snippet.startswith("<iframe ") and f"#date={iso}" in snippet


def test_zone_tooltip_shows_markup_as_text(timeline):
    page, _ = timeline
    page.evaluate("() => { location.hash = '#date=2018-01-03'; }")
    page.wait_for_function("() => GeoEvents.timeline.day === '2018-01-03'")
    page.hover('path.ge-zone[data-group="village"]', position={"x": 6, "y": 6})
    page.wait_for_selector(".ge-zone-tip")
    tip = page.inner_text(".ge-zone-tip")
    assert HOSTILE in tip and "test report" in tip
    assert page.evaluate("() => window.__pwned || null") is None
    assert page.evaluate("() => document.querySelectorAll('.leaflet-tooltip img').length") == 0


def test_town_labels_are_visible_offline_and_nothing_left_the_machine(timeline):
    page, log = timeline
    labels = page.evaluate(
        """() => Array.from(document.querySelectorAll('.ge-place-label')).map((e) => {
             const box = e.getBoundingClientRect();
             const style = getComputedStyle(e);
             return {text: e.textContent, x: box.x, y: box.y, w: box.width,
                     seen: style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0};
           })"""
    )
    names = {label["text"] for label in labels if label["seen"] and 0 <= label["x"] < 1200 and 0 <= label["y"] < 760}
    assert "Deir ez-Zor" in names  # the governorate's capital, ~15 km from the test village
    assert len(names) >= 5
    if os.environ.get("GEO_EVENTS_SCREENSHOT"):
        from maps import screenshot

        screenshot.take_timeline()
    assert log["errors"] == [] and log["blocked"] == []

