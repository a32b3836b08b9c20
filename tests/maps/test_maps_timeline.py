"""maps.timeline and the time-map parts of maps.sources / maps.cli: steps, payloads, escaping, CLI errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.console import app
from geo_events.errors import InvalidQuery
from geo_events.zone_history import default_history
from maps.render import CHANGE_ITEM, PageOptions
from maps.sources import dated_lines
from maps.styles import zone_style
from maps.styles import controller_color
from maps.timeline import change_payload, dated_payload, render_timeline_html, timeline_steps

runner = CliRunner()
D = date


@pytest.mark.parametrize(
    "start, end, step, anchor, expected",
    [
        (D(2018, 1, 1), D(2018, 1, 3), "day", None, [D(2018, 1, 1), D(2018, 1, 2), D(2018, 1, 3)]),
        (D(2018, 1, 1), D(2018, 1, 20), "week", None, [D(2018, 1, 1), D(2018, 1, 8), D(2018, 1, 15), D(2018, 1, 20)]),
        (D(2018, 1, 1), D(2018, 1, 20), "week", D(2018, 1, 10), [D(2018, 1, 1), D(2018, 1, 3), D(2018, 1, 10),
                                                                 D(2018, 1, 17), D(2018, 1, 20)]),
        (D(2018, 1, 31), D(2018, 4, 30), "month", None, [D(2018, 1, 31), D(2018, 2, 28), D(2018, 3, 31), D(2018, 4, 30)]),
        (D(2018, 2, 7), D(2018, 2, 7), "week", None, [D(2018, 2, 7)]),
    ],
)
def test_steps(start, end, step, anchor, expected):
    assert timeline_steps(start, end, step, anchor) == expected


@pytest.mark.parametrize(
    "start, end, step, field",
    [
        (D(2018, 1, 1), D(2018, 2, 1), "fortnight", "step"),
        (D(2018, 2, 1), D(2018, 1, 1), "day", "start"),
        (D(1900, 1, 1), D(2018, 1, 1), "day", "step"),  # more than MAX_STEPS
    ],
)
def test_unusable_steps_name_the_parameter(start, end, step, field):
    with pytest.raises(InvalidQuery) as caught:
        timeline_steps(start, end, step)
    assert caught.value.field == field


def test_payload_groups_areas_big_first_and_shares_geometries():
    states = [s.to_feature() for s in default_history().states]
    payload = dated_payload(states, "area_id", zone_style)
    assert payload["groups"][0] == "zone-dez-west-bank"  # the largest area is drawn first, pockets over it
    assert payload["groups"].index("zone-isis-baghuz") > payload["groups"].index("zone-isis-hajin")
    assert len(payload["items"]) == len(states) and len(payload["geometries"]) <= len(states)
    hajin = payload["groups"].index("zone-isis-hajin")
    (item,) = [i for i in payload["items"] if i[0] == hajin]
    assert (item[1], item[2]) == ((D(2017, 12, 4) - D(1970, 1, 1)).days, (D(2018, 12, 14) - D(1970, 1, 1)).days)
    assert payload["infos"][item[5]]["controller"] == "ISIS"


def test_lines_are_cut_to_the_period_and_keep_their_runs():
    lines = dated_lines(default_history(), D(2019, 10, 1), D(2019, 10, 31))
    (line,) = lines["features"]
    assert line["properties"]["valid_from"] == "2019-10-01" and line["properties"]["valid_to"] == "2019-10-13"


def test_change_marks_sit_inside_the_changed_piece_on_its_day():
    from shapely.geometry import Point, shape

    changes = [c.to_feature() for c in default_history().changes("2018-12-01", "2019-12-31")]
    payload = change_payload(changes)
    assert len(payload["items"]) == len(changes) > 0
    assert [i[0] for i in payload["items"]] == sorted(i[0] for i in payload["items"])
    hajin = next(c for c in changes if c["properties"]["date"] == "2018-12-15" and c["properties"]["before"] == "ISIS")
    day = (D(2018, 12, 15) - D(1970, 1, 1)).days
    (item,) = [i for i in payload["items"] if i[0] == day and payload["infos"][i[5]]["before"] == "ISIS"]
    assert shape(hajin["geometry"]).contains(Point(item[2], item[1]))
    assert item[3] == controller_color("SDF & US-led coalition")
    assert payload["infos"][item[5]]["km2"] == round(hajin["properties"]["area_km2"], 1)


def test_the_served_time_map_carries_the_change_marks(seed_store):
    from geo_events.query import EventQuery
    from maps.sources import timeline_data

    data = timeline_data(seed_store, EventQuery(start=D(2018, 12, 1), end=D(2019, 4, 1)), default_history(), "week")
    assert data.changes["features"] and all("2018-12-01" <= f["properties"]["date"] <= "2019-04-01"
                                            for f in data.changes["features"])
    page = data.render(title="t")
    assert "GeoEvents.ChangeMarks" in page
    assert CHANGE_ITEM.label in page  # the rings have a legend line


def test_a_time_map_without_changes_has_no_change_legend_line():
    states = [s.to_feature() for s in default_history().states][:2]
    page = render_timeline_html([], states, None, start=D(2018, 1, 1), end=D(2018, 3, 1), step="month",
                                page=PageOptions(river=None, labels=False))
    assert CHANGE_ITEM.label not in page


def test_zone_text_is_escaped_in_the_page(markup):
    states = [s.to_feature() for s in default_history().states][:2]
    states[0]["properties"]["name"] = markup["xss"] + " {{ 7*7 }}"
    states[0]["properties"]["sources"] = [{"text": markup["img"]}]
    page = render_timeline_html([], states, None, start=D(2018, 1, 1), end=D(2018, 3, 1), step="month",
                                page=PageOptions(title=markup["img"], river=None, labels=False))
    assert markup["xss"] not in page and markup["img"] not in page
    # kept as inert data (never run through a template: the braces survive), shown as text by the page script
    assert "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e {{ 7*7 }}" in page


def test_cli_time_map_writes_a_self_contained_page(seed_store, tmp_path: Path):
    out = tmp_path / "front.html"
    result = runner.invoke(app, ["map", "-o", str(out), "--store", str(seed_store.path), "--start", "2017-12-01",
                                 "--end", "2019-04-30", "--step", "month", "--date", "2018-02-07", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["step"] == "month" and summary["start"] == "2017-12-01" and summary["end"] == "2019-04-30"
    assert summary["zones"] == 8 and summary["lines"] == 1 and summary["events"] == 1
    page = out.read_text(encoding="utf-8")
    assert "new GeoEvents.Timeline(" in page and "unpkg.com" not in page
    assert 'http-equiv="Content-Security-Policy"' in page


def test_cli_day_map_draws_the_history_files_zones(seed_store, tmp_path: Path):
    states = Path(__file__).resolve().parents[1] / "data" / "zones" / "dated_states.geojson"
    out = tmp_path / "front.html"
    args = ["map", "-o", str(out), "--store", str(seed_store.path), "--date", "2022-03-10", "--history", str(states)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '"cell-1"' in page and '"Red"' in page  # the imported Red/Blue front of that day
    bundled = tmp_path / "bundled.html"
    assert runner.invoke(app, ["map", "-o", str(bundled), "--store", str(seed_store.path), "--date",
                               "2022-03-10"]).exit_code == 0
    assert '"cell-1"' not in bundled.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, words",
    [
        (["--step", "fortnight"], "--step must be one of"),
        (["--step", "day", "--start", "2019-01-01", "--end", "2018-01-01"], "after end"),
        (["--step", "week", "--start", "2018-01-01", "--end", "2018-02-01", "--date", "2018-05-01"], "outside"),
        (["--history", "zones.geojson"], "zones.geojson"),
        (["--step", "week", "--history", "missing.geojson"], "missing.geojson"),
    ],
)
def test_cli_bad_time_map_input_is_one_line(seed_store, tmp_path: Path, args, words):
    result = runner.invoke(app, ["map", "-o", str(tmp_path / "x.html"), "--store", str(seed_store.path), *args])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("geo-events: error:") and words in lines[0], result.output
    assert not (tmp_path / "x.html").exists()
