"""``python -m maps.screenshot``: render the seed map (self-contained) and photograph it in Chromium.

Writes ``docs/img/map-seed.png`` (the README and docs/maps.md show it) and prints what the page drew;
``--timeline`` writes ``docs/img/map-timeline.png``, the time map of the bundled zone history.
Uses Debian's Chromium through Playwright (``bash scripts/setup.sh browser``); no network is touched.

Options: ``--out PATH`` (PNG), ``--html PATH`` (also keep the HTML), ``--date YYYY-MM-DD`` (zones day),
``--popup`` (open the seed event's popup before the photo), ``--timeline`` (the time map instead).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from maps.browser import browser_available, click_event, map_state, open_map

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "img" / "map-seed.png"
TIMELINE_OUT = ROOT / "docs" / "img" / "map-timeline.png"
SEED_DATE = date(2018, 2, 7)
#: The time map's period and the day of its picture (the SDF takes the Hajin pocket on 15 Dec 2018).
TIMELINE_SPAN = (date(2017, 12, 1), date(2019, 4, 30))
TIMELINE_DATE = date(2018, 12, 15)


def seed_map_html(day: date = SEED_DATE) -> str:
    """Return the self-contained seed map: the seed events plus the zones and line of ``day``."""
    from geo_events.settings import seed_path
    from maps.render import render_html
    from maps.sources import zones_for

    events = json.loads(seed_path("events.geojson").read_text(encoding="utf-8"))
    zones, line = zones_for(day)
    return render_html(
        events, zones, line, date=day, title="Khasham, Deir ez-Zor: 7 February 2018", self_contained=True
    )


def timeline_html(day: date = TIMELINE_DATE) -> str:
    """Return the self-contained time map of the seed events and the bundled zone history, by week."""
    from geo_events.settings import seed_path
    from geo_events.zone_history import default_history
    from maps.render import PageOptions
    from maps.sources import dated_lines
    from maps.timeline import render_timeline_html

    events = json.loads(seed_path("events.geojson").read_text(encoding="utf-8"))
    history = default_history()
    start, end = TIMELINE_SPAN
    states = [s.to_feature() for s in history.states if s.valid_from <= end and s.valid_to >= start]
    changes = [c.to_feature() for c in history.changes(start, end)]
    return render_timeline_html(
        events, states, dated_lines(history, start, end), changes=changes, start=start, end=end, step="week",
        date=day, page=PageOptions(title="Deir ez-Zor, December 2017 to April 2019"),
    )


def take_timeline(out: Path = TIMELINE_OUT, day: date = TIMELINE_DATE) -> dict:
    """Render the seed time map on ``day``, photograph it to ``out`` and return what the page shows."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "map-timeline.html"
        target.write_text(timeline_html(day), encoding="utf-8")
        with open_map(target, fragment=f"#date={day.isoformat()}") as (page, log):
            state = {
                "date": page.inner_text(".ge-timeline-date"),
                "info": page.inner_text(".ge-timeline-info"),
                "changes": page.evaluate("() => document.querySelectorAll('path.ge-change-mark').length"),
                "labels": page.evaluate("() => document.querySelectorAll('.ge-place-label').length"),
            }
            out.parent.mkdir(parents=True, exist_ok=True)
            page.emulate_media(reduced_motion="reduce")  # the change marks' flash stopped: a steady picture
            page.screenshot(path=str(out))
            state.update(console_errors=log["errors"], blocked_requests=log["blocked"], screenshot=str(out))
    return state


def take(out: Path = DEFAULT_OUT, html_path: Path | None = None, day: date = SEED_DATE, popup: bool = False) -> dict:
    """Render the seed map, photograph it to ``out`` and return what the page drew (plus console errors)."""
    page_html = seed_map_html(day)
    with tempfile.TemporaryDirectory() as folder:
        target = html_path or Path(folder) / "map-seed.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_html, encoding="utf-8")
        with open_map(target) as (page, log):
            state = map_state(page)
            if popup:
                state["popup"] = click_event(page, 0)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            state.update(console_errors=log["errors"], blocked_requests=log["blocked"], screenshot=str(out))
    return state


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m maps.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--html", type=Path, default=None)
    parser.add_argument("--date", type=date.fromisoformat, default=SEED_DATE)
    parser.add_argument("--popup", action="store_true")
    parser.add_argument("--timeline", action="store_true")
    args = parser.parse_args(argv)
    if not browser_available():
        print("maps.screenshot: Chromium or Playwright missing (bash scripts/setup.sh browser)", file=sys.stderr)
        return 2
    if args.timeline:
        out = TIMELINE_OUT if args.out == DEFAULT_OUT else args.out
        state = take_timeline(out, TIMELINE_DATE if args.date == SEED_DATE else args.date)
    else:
        state = take(args.out, args.html, args.date, args.popup)
    print(json.dumps({k: v for k, v in state.items() if k != "popup"}, indent=2))
    return 0 if not state["console_errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
