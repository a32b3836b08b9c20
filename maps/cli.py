"""``geo-events map``: write an HTML map of the stored events, zones and de-confliction line.

Added to the ``geo-events`` console script by ``api.console`` (plain imports), so the core CLI
(``geo_events.cli``) never imports Folium.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from geo_events.cli._common import (
    Admin1Opt,
    DatePrecisionOpt,
    GeoPrecisionOpt,
    SourceOpt,
    SubTypeOpt,
    ActorOpt,
    BboxOpt,
    CountryOpt,
    EndOpt,
    MinFatOpt,
    QOpt,
    StartOpt,
    TypeOpt,
    build_query,
    fail,
    handle_errors,
    parse_cli_date,
    print_json,
)
from geo_events.cli.store import StoreOpt

#: Above this many events the command reports its progress on stderr.
PROGRESS_FROM = 5_000


def _progress(enabled: bool, message: str) -> None:
    if enabled:
        print(f"geo-events map: {message}", file=sys.stderr, flush=True)


@handle_errors
def map_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")],
    date: Annotated[
        str | None,
        typer.Option(help="Day of the control zones and line, YYYY-MM-DD (default: --end, else the latest event)."),
    ] = None,
    store: StoreOpt = None,
    bbox: BboxOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    event_type: TypeOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    min_fatalities: MinFatOpt = None,
    q: QOpt = None,
    sub_event_type: SubTypeOpt = None,
    admin1: Admin1Opt = None,
    source: SourceOpt = None,
    geo_precision: GeoPrecisionOpt = None,
    date_precision: DatePrecisionOpt = None,
    self_contained: Annotated[
        bool,
        typer.Option(
            "--self-contained",
            help="Inline Leaflet and all assets: one file that works offline (the default; kept for scripts).",
        ),
    ] = False,
    cdn: Annotated[
        bool,
        typer.Option(
            "--cdn",
            help="Link Leaflet from a CDN instead of inlining it (smaller file; blank without network).",
        ),
    ] = False,
    title: Annotated[str | None, typer.Option(help="Map title.")] = None,
    limit: Annotated[int | None, typer.Option(help="Most events to draw (newest first); default 200000.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress messages.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
    step: Annotated[
        str | None,
        typer.Option(
            help="Make a time map: a slider from --start to --end by day, week or month; zones recolour at "
            "each change of the zone history, events appear in their step, the line moves. --date: the day it "
            "opens on.",
        ),
    ] = None,
    history: Annotated[
        list[Path] | None,
        typer.Option("--history", help="Zone or line history drawn beside the bundled zones (repeatable): a dated "
                     "zone-states file (zones import/export) or a snapshot folder; for the day's map and "
                     "for the time map (--step)."),
    ] = None,
) -> None:
    """Write an interactive HTML map of events, control zones and the de-confliction line.

    Examples:

      geo-events map --out map.html --date 2018-02-07

      geo-events map -o deir.html --bbox 39,34,41.5,36 --start 2018-01-01 --end 2018-03-31

      geo-events map -o battles.html --event-type Battles --min-fatalities 10 --title "Battles, 10+ killed" --json

      geo-events map -o front.html --start 2017-12-01 --end 2019-04-30 --step week --date 2018-02-07
    """
    from geo_events.store import open_store
    from maps.assets import with_csp_meta
    from geo_events.zone_history.provider import HistoryProvider
    from maps.sources import MAP_MAX_EVENTS, map_data

    if cdn and self_contained:
        fail("--cdn and --self-contained exclude each other (offline, self-contained is the default)")
    self_contained = not cdn

    started = time.perf_counter()
    day = parse_cli_date(date, "date")
    query = build_query(bbox, start, end, event_type, actor, country, min_fatalities, q,
                        sub_event_type=sub_event_type, admin1=admin1, source=source, geo_precision=geo_precision,
                        date_precision=date_precision)
    opened = open_store(store)
    total = opened.count(query)
    talk = not quiet and total >= PROGRESS_FROM
    _progress(talk, f"reading {total} events from the store…")
    provider = HistoryProvider(history or [])  # the bundled zones + --history files + the store's captures
    if step is not None:
        data = _timeline(opened, query, day, limit or MAP_MAX_EVENTS, step, provider)
    else:
        data = map_data(opened, query, day, limit=limit or MAP_MAX_EVENTS, zones=provider.zones(opened))
    drawn = len(data.events["features"])
    _progress(talk, f"building the map of {drawn} events…")
    page = with_csp_meta(data.render(title=title, self_contained=self_contained), self_contained)
    _progress(talk, f"writing {len(page) / 1e6:.1f} MB…")
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(out.name + ".tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(out)
    summary = {
        "path": str(out),
        "events": drawn,
        "events_matched": data.number_matched,
        "truncated": data.truncated,
        "date": data.date.isoformat() if data.date else None,
        "zones": len((data.zones or {}).get("features") or []),
        "line": bool((getattr(data, "line", None) or getattr(data, "lines", None) or {}).get("features")),
        "self_contained": self_contained,
        "bytes": out.stat().st_size,
        "seconds": round(time.perf_counter() - started, 3),
    }
    if step is not None:
        summary.update(step=step, start=data.start.isoformat(), end=data.end.isoformat(),
                       lines=len(data.lines["features"]))
    if as_json:
        print_json(summary)
    else:
        note = f" (of {data.number_matched}; use --limit or filters)" if data.truncated else ""
        zones = f", zones of {summary['date']}" if summary["zones"] else ""
        typer.echo(f"wrote {out}: {drawn} events{note}{zones}, {summary['bytes'] / 1e6:.2f} MB")


def _timeline(store: Any, query: Any, day: Any, limit: int, step: str, provider: Any) -> Any:
    """Return the time map's data: the provider's history (bundled + files + derived from the store's reports)."""
    from maps.sources import timeline_data
    from maps.timeline import STEPS

    if step not in STEPS:
        fail(f"--step must be one of {', '.join(STEPS)}; got {step!r}")
    return timeline_data(store, query, provider.history(store), step, day, limit=limit)


def register(app: typer.Typer) -> None:
    """Add ``geo-events map``."""
    app.command("map")(map_command)
