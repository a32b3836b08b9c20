"""The time map of a history read from files, in headless Chromium (network blocked): the made-up front of
``tests/data/zones`` (a zone series and a three-snapshot line series, merged by ``HistoryProvider``) — the
line moves on its change dates and a change mark shows on each day territory changes hands.

Its own module: the page of ``test_maps_timeline_browser`` stays open for that whole module.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from maps.browser import browser_available, open_map
from maps.render import PageOptions
from maps.timeline import render_timeline_html
from tests.maps.test_maps_timeline_browser import marks

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser_available(), reason="needs /usr/bin/chromium and playwright"),
]


def test_a_line_series_from_files_moves_on_its_change_dates_with_the_zone_changes(tmp_path):
    """The made-up front of tests/data/zones: zones and the three-snapshot line, through the provider."""
    from geo_events.zone_history.provider import HistoryProvider
    from maps.sources import dated_lines

    data = Path(__file__).resolve().parents[1] / "data" / "zones"
    history = HistoryProvider([data / "dated_states.geojson", data / "lines"]).history()
    start, end = date(2022, 3, 1), date(2022, 3, 15)
    states = [s.to_feature() for s in history.states if s.valid_from <= end and s.valid_to >= start]
    page_html = render_timeline_html(
        [], states, dated_lines(history, start, end), changes=[c.to_feature() for c in history.changes(start, end)],
        start=start, end=end, step="day", page=PageOptions(title="Made-up front", river=None))
    path = tmp_path / "front.html"
    path.write_text(page_html, encoding="utf-8")
    with open_map(path, fragment="#date=2022-03-01") as (page, log):
        def at(day: str) -> tuple:
            page.evaluate(f"() => {{ location.hash = '#date={day}'; }}")
            page.wait_for_function(f"() => GeoEvents.timeline.day === '{day}'")
            now = marks(page)
            return (page.evaluate("() => document.querySelector('path.ge-line').getAttribute('d')"),
                    [(m["date"], m["after"]) for m in now["marks"]])

        first, seventh, eighth, fifteenth = at("2022-03-01"), at("2022-03-07"), at("2022-03-08"), at("2022-03-15")
        assert first[0] == seventh[0] != eighth[0] != fifteenth[0]
        assert seventh[1] == [] and eighth[1] == [("2022-03-08", "Red")] and fifteenth[1] == [("2022-03-15", "Blue")]
        assert log["errors"] == [] and log["blocked"] == []
