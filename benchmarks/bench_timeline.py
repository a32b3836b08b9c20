"""Time map (issue 18): build time, HTML size and load time in Chromium for 100k events and 500 zone changes.

Data: the deterministic synthetic events of ``benchmarks.generate`` (Syria and Iraq, 2017–2019) and the
bundled Deir ez-Zor history extended by 166 made-up village areas (discs of ~2 km) that change hands three
times each over 2018 (498 changes of control, 664 states, ``geo_events.zone_history`` model objects); the
build includes ``history.changes()`` over the period (the page's change marks). The
page is ``maps.timeline.render_timeline_html`` by day over 2017-01-01 to 2019-12-31 (1,095 steps),
self-contained. Load is measured in the page (navigation start → events and zones inflated, first step
drawn: ``GeoEvents.timeline.readyMs``) in headless Chromium with the network blocked; a step is the mean of
40 ``go(next)`` calls (zones recoloured, 100k events re-filtered and redrawn).

Run: ``python -m benchmarks.bench_timeline [--smoke] [--json]`` (or through ``python -m benchmarks``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

START, END = date(2017, 1, 1), date(2019, 12, 31)
CONTROLLERS = ("ISIS", "SDF & US-led coalition", "Syrian government & allies")


def village_history(villages: int) -> tuple[Any, int]:
    """Return the bundled history plus ``villages`` areas changing hands 3 times in 2018, and the change count."""
    from shapely.geometry import Point

    from geo_events.zone_history import SourceRef, ZoneState, default_history

    rng = random.Random(18)
    claims = []
    for number in range(villages):
        disc = Point(rng.uniform(39.8, 41.2), rng.uniform(34.4, 35.6)).buffer(0.02, 16)
        cuts = sorted(rng.sample(range(1, 364), 3))
        first_controller = rng.randrange(3)
        bounds = [date(2018, 1, 1)] + [date(2018, 1, 1) + timedelta(days=c) for c in cuts] + [date(2019, 1, 1)]
        for part in range(4):
            claims.append(ZoneState(
                area_id=f"village-{number}", controller=CONTROLLERS[(first_controller + part) % 3],
                valid_from=bounds[part], valid_to=bounds[part + 1] - timedelta(days=1), geometry=disc,
                confidence="reported", sources=(SourceRef(f"made-up report {number}-{part}"),), origin="derived",
                name=f"Village {number}",
            ))
    return default_history().extended(claims), villages * 3


def build(n_events: int, villages: int) -> dict[str, Any]:
    """Build the time map; return the page, its build time and what it holds."""
    from benchmarks.generate import iter_features
    from maps.sources import dated_lines
    from maps.timeline import render_timeline_html

    events = list(iter_features(n_events))
    history, changes = village_history(villages)
    states = [s.to_feature() for s in history.states if s.valid_from <= END and s.valid_to >= START]
    lines = dated_lines(history, START, END)
    render_timeline_html(events[:10], states[:5], lines, start=START, end=END, step="day")  # warm-up: labels, imports
    started = time.perf_counter()
    found = [c.to_feature() for c in history.changes(START, END)]  # the change marks, as timeline_data does
    changes_seconds = time.perf_counter() - started
    page = render_timeline_html(events, states, lines, changes=found, start=START, end=END, step="day")
    seconds = time.perf_counter() - started
    return {"page": page, "seconds": seconds, "changes_seconds": changes_seconds, "events": len(events),
            "states": len(states), "changes": changes, "marks": len(found)}


def load(page: str) -> dict[str, float] | None:
    """Open the page in headless Chromium (offline); return ready time and mean step time, or None."""
    from maps.browser import browser_available, open_map

    if not browser_available():
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timeline.html"
        path.write_text(page, encoding="utf-8")
        with open_map(path, fragment="#date=2018-06-01") as (browser_page, log):
            result = browser_page.evaluate(
                """() => {
                  const t = GeoEvents.timeline, start = t.index, n = 40;
                  const t0 = performance.now();
                  for (let i = 1; i <= n; i++) t.go(start + i);
                  const step_ms = (performance.now() - t0) / n;
                  t._keep.checked = true;  // "keep earlier events": every event up to the day is drawn
                  const t1 = performance.now();
                  for (let i = 1; i <= n; i++) t.go(start + n + i);
                  return {ready_ms: t.readyMs, step_ms: step_ms, keep_ms: (performance.now() - t1) / n,
                          drawn: GeoEvents.layers[0].visibleCount,
                          zones: document.querySelectorAll('path.ge-zone').length,
                          marks: GeoEvents.dated.filter((l) => l.kind === 'changes').map((l) => l._p.items.length)[0] || 0,
                          events: GeoEvents.layers[0]._n};
                }"""
            )
            result["errors"] = len(log["errors"]) + len(log["blocked"])
    return result


def run(smoke: bool = False) -> list[dict[str, Any]]:
    """Return the benchmark rows."""
    from benchmarks.report import load_average, make_row

    n_events, villages = (1_000, 10) if smoke else (100_000, 166)
    built = build(n_events, villages)
    workload = f"{built['events']:,} events, {built['changes']} zone changes ({built['states']} states), 1,095 daily steps"
    rows = [
        make_row(f"time map build, {workload}", round(built["seconds"], 2), unit="s",
                 note=f"history.changes() for the {built['marks']} change marks "
                      f"({built['changes_seconds']:.2f} s) + render_timeline_html, self-contained, best of 1 after "
                      f"a warm-up; load average {load_average()} on {os.cpu_count()} cores"),
        make_row(f"time map HTML size, {workload}", round(len(built["page"].encode("utf-8")) / 1e6, 2), unit="MB",
                 note="events and zones deflate+base64; Leaflet, labels and scripts inlined"),
    ]
    measured = None if smoke else load(built["page"])
    if measured is None:
        rows.append(make_row("time map ready in Chromium", None, unit="s",
                             note="skipped (smoke mode or no Chromium)"))
        return rows
    check = (f"all {measured['events']:,} events, {measured['zones']} zone paths and {measured['marks']} change "
             f"marks in the page; "
             f"{measured['errors']} console errors / blocked requests")
    rows.append(make_row(f"time map ready in Chromium, {workload}", round(measured["ready_ms"] / 1000, 2),
                         unit="s", note=f"navigation start to first step drawn, network blocked; {check}"))
    rows.append(make_row("time map step (zones recoloured, 100k events re-filtered and redrawn)",
                         round(measured["step_ms"], 1), unit="ms", note="mean of 40 steps, headless, no GPU"))
    rows.append(make_row("time map step with 'keep earlier events' (tens of thousands drawn)",
                         round(measured["keep_ms"], 1), unit="ms",
                         note=f"mean of 40 steps; {measured['drawn']:,} events visible at the last one"))
    return rows


def main(argv: list[str] | None = None) -> None:
    """Print the rows as a Markdown table (``--json``: one JSON object per row)."""
    from benchmarks.report import markdown_table

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_timeline", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="1k events, no browser (seconds)")
    parser.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    args = parser.parse_args(argv)
    rows = run(smoke=args.smoke)
    print("\n".join(json.dumps(row) for row in rows) if args.json else markdown_table(rows))


if __name__ == "__main__":
    main()
