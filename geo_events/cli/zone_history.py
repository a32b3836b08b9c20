"""``geo-events zones at | changes | diff | import | export | derive``: control zones through time.

``geo-events zones --date D`` (no command) lists the zones of a day as it always did; ``zone-history`` is
the same group under its earlier name. Every command
answers from the bundled curated zones, plus the dated files given with ``--history`` and the
territorial-change events of a store given with ``--store``. Heavy modules load inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from geo_events.cli._common import EXIT_NOT_FOUND, fail, handle_errors, parse_cli_date, print_json

if TYPE_CHECKING:
    from geo_events.zone_history import ZoneHistory

zone_history_app = typer.Typer(
    name="zone-history",
    help=(
        "The earlier name of `geo-events zones` (same commands). Control zones through time: who held a place "
        "on a day (with sources), changes, km² gained/lost, import of dated polygon series, export to "
        "GeoJSON/GeoPackage, zones derived from reporting.\n\n"
        "Examples:\n\n"
        "  geo-events zones at --place Khasham --date 2018-02-07\n\n"
        "  geo-events zones diff --from 2018-06-01 --to 2019-06-01 --csv\n\n"
        "  geo-events zones import snapshots/ --out history.geojson"
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

HistoryOpt = Annotated[
    list[Path] | None,
    typer.Option("--history", help="A dated-states file (GeoJSON/GeoPackage, e.g. from `import`) or a dated line "
                 "series (folder of line snapshots or a file of dated lines); repeatable."),
]
StoreOpt = Annotated[
    Path | None, typer.Option("--store", help="Event store whose territorial-change events change the zones.")
]
NoSeedsOpt = Annotated[bool, typer.Option("--no-seeds", help="Leave out the bundled curated zones.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _provider(history: list[Path] | None, store: Path | None, no_seeds: bool) -> tuple[Any, Any]:
    """The history provider of the bundled zones (unless ``no_seeds``) + the files, and the opened ``store``."""
    from geo_events.zone_history.provider import HistoryProvider

    provider = HistoryProvider(history or [], seeds=not no_seeds)
    if store is None:
        return provider, None
    if not store.exists():
        fail(f"no event store at {store}; give an existing .geojson store (geo-events store info --store …)")
    from geo_events import open_store

    return provider, open_store(store)


def build_history(history: list[Path] | None, store: Path | None, no_seeds: bool = False) -> ZoneHistory:
    """Return the bundled zones (unless ``no_seeds``) + the zone/line files + the claims derived from the store."""
    provider, opened = _provider(history, store, no_seeds)
    return provider.history(opened)


def _sources_text(sources: list[dict[str, Any]]) -> str:
    return "; ".join(s["text"] + (f" <{s['url']}>" if s.get("url") else "") +
                     (f" [{s['event_id']}]" if s.get("event_id") else "") for s in sources) or "(no source)"


@zone_history_app.command("at")
@handle_errors
def at(
    date: Annotated[str, typer.Option("--date", "-d", help="Day, YYYY-MM-DD.")],
    place: Annotated[str | None, typer.Option("--place", help="Place name (offline gazetteer), e.g. Khasham.")] = None,
    lat: Annotated[float | None, typer.Option("--lat", help="Latitude (WGS84), with --lon.")] = None,
    lon: Annotated[float | None, typer.Option("--lon", help="Longitude (WGS84), with --lat.")] = None,
    history: HistoryOpt = None,
    store: StoreOpt = None,
    no_seeds: NoSeedsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Who held a place or point on a day, and the sources that says so.

    Examples:

      geo-events zones at --place Khasham --date 2018-02-07

      geo-events zones at --lat 35.30 --lon 40.29 --date 2018-02-07 --json

      geo-events zones at --place Hajin --date 2018-03-10 --store events.geojson
    """
    day = parse_cli_date(date, "--date")
    if place is None and (lat is None or lon is None):
        fail("give --place NAME or both --lat and --lon; e.g. --place Khasham --date 2018-02-07")
    result = build_history(history, store, no_seeds)
    if place is not None:
        from geo_events.errors import InvalidQuery
        from geo_events.zone_history import controller_at_place

        try:
            answer = controller_at_place(place, day, result)
        except InvalidQuery as err:
            if err.field != "place":
                raise
            fail(str(err), code=EXIT_NOT_FOUND)
    else:
        answer = result.controller_at((lat, lon), day)
    if answer is None:
        where = f"{place!r}" if place is not None else f"{lat}, {lon}"
        fail(f"no control zone covers {where} on {day}; the bundled zones cover Deir ez-Zor "
             "2017-09 to 2019-12 (add --history FILE for others)", code=EXIT_NOT_FOUND)
    lat, lon = answer["lat"], answer["lon"]
    if as_json:
        print_json(answer)
        return
    label = f"{answer['place']} ({lat:.5f}, {lon:.5f})" if "place" in answer else f"{lat}, {lon}"
    typer.echo(f"{label} on {day}: {answer['controller']}")
    typer.echo(f"  zone: {answer['name'] or answer['area_id']} ({answer['confidence']}, {answer['origin']}, "
               f"{answer['valid_from']} to {answer['valid_to'] or 'open'})")
    for claim in answer.get("claims", []):
        typer.echo(f"  claim: {claim['controller']} — {_sources_text(claim['sources'])}")
    typer.echo(f"  sources: {_sources_text(answer['sources'])}")
    for zone in answer["within"]:
        typer.echo(f"  within: {zone['name'] or zone['area_id']} ({zone['controller']})")


@zone_history_app.command("changes")
@handle_errors
def changes(
    start: Annotated[str | None, typer.Option("--start", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Last day, YYYY-MM-DD.")] = None,
    bbox: Annotated[str | None, typer.Option("--bbox", help="minx,miny,maxx,maxy (lon/lat).")] = None,
    history: HistoryOpt = None,
    store: StoreOpt = None,
    no_seeds: NoSeedsOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a GeoJSON FeatureCollection.")] = False,
) -> None:
    """List the changes of control between two days: what passed from whom to whom, km², sources.

    Examples:

      geo-events zones changes --start 2018-12-01 --end 2019-04-01

      geo-events zones changes --history history.geojson --bbox 40,34.5,41,35.5 --json > changes.geojson
    """
    from geo_events.query import parse_bbox
    from geo_events.zone_history.series import change_summary

    first, last = parse_cli_date(start, "--start"), parse_cli_date(end, "--end")
    box = parse_bbox(bbox) if bbox else None
    found = build_history(history, store, no_seeds).changes(first, last, box)
    if as_json:
        print_json({"type": "FeatureCollection", "name": "zone changes", "features": [c.to_feature() for c in found]})
        return
    if not found:
        typer.echo("no change of control in that period")
        return
    for change in found:
        typer.echo(change_summary(change))


@zone_history_app.command("diff")
@handle_errors
def diff(
    from_: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    to: Annotated[str, typer.Option("--to", help="Second day, YYYY-MM-DD.")],
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV (for charts).")] = False,
    include_presence: Annotated[bool, typer.Option("--include-presence",
                                                   help="Count 'presence' zones as territory too.")] = False,
    history: HistoryOpt = None,
    store: StoreOpt = None,
    no_seeds: NoSeedsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """km² held, gained and lost per controller between two days (equal-area EPSG:6933).

    Examples:

      geo-events zones diff --from 2018-06-01 --to 2019-06-01

      geo-events zones diff --from 2022-03-01 --to 2022-03-15 --history front.geojson --csv > diff.csv
    """
    from geo_events.zone_history import diff_csv, territory_diff

    first, last = parse_cli_date(from_, "--from"), parse_cli_date(to, "--to")
    if first > last:
        fail(f"--from {first} is after --to {last}; swap them")
    rows = territory_diff(build_history(history, store, no_seeds), first, last, include_presence)
    if as_csv:
        typer.echo(diff_csv(rows, first, last), nl=False)
    elif as_json:
        print_json({"from": first.isoformat(), "to": last.isoformat(), "crs": "EPSG:6933",
                    "controllers": [r.to_dict() for r in rows]})
    elif not rows:
        typer.echo(f"no zone on {first} or {last}")
    else:
        typer.echo(f"{'controller':34} {'km² ' + str(first):>16} {'km² ' + str(last):>16} {'gained':>10} "
                   f"{'lost':>10} {'net':>10}")
        for r in rows:
            typer.echo(f"{r.controller:34} {r.km2_from:16,.1f} {r.km2_to:16,.1f} {r.gained_km2:10,.1f} "
                       f"{r.lost_km2:10,.1f} {r.net_km2:+10,.1f}")


def _write(result: ZoneHistory, out: Path, what: str = "states") -> str:
    from geo_events.zone_history import write_geojson, write_gpkg

    if out.suffix.lower() == ".gpkg":
        if what != "states":
            fail("a GeoPackage holds states and changes as two layers; drop --what or write .geojson")
        counts = write_gpkg(result, out)
        return f"{counts['zone_states']} states and {counts['zone_changes']} changes to {out}"
    if out.suffix.lower() not in (".geojson", ".json"):
        fail(f"--out must end in .geojson or .gpkg; got {out.name}")
    count = write_geojson(result, out, what)
    return f"{count} {what} to {out}"


@zone_history_app.command("import")
@handle_errors
def import_(
    source: Annotated[Path, typer.Argument(help="Folder of YYYY-MM-DD*.geojson snapshots, or one dated file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the history (.geojson or .gpkg).")],
    controller_field: Annotated[str, typer.Option("--controller-field",
                                                  help="Property naming who holds a polygon.")] = "controller",
    id_field: Annotated[str | None, typer.Option("--id-field",
                                                 help="Property naming an area across snapshots.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day the last snapshot holds.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import a dated polygon series and write it as a history, printing the changes found.

    Examples:

      geo-events zones import snapshots/ --out history.geojson

      geo-events zones import front/ --controller-field side --out history.gpkg --json
    """
    from geo_events.zone_history import read_series
    from geo_events.zone_history.series import change_summary

    imported = read_series(source, controller_field, id_field, parse_cli_date(until, "--until"))
    result = imported.history()
    written = _write(result, out)
    found = result.changes()
    if as_json:
        print_json({"snapshots": [d.isoformat() for d in imported.snapshot_dates], "files": len(imported.files),
                    "states": len(result.states), "out": str(out),
                    "changes": [c.to_feature()["properties"] for c in found]})
        return
    what = f"{len(imported.snapshot_dates)} snapshots" if imported.snapshot_dates else f"{len(imported.claims)} features"
    typer.echo(f"read {what}; wrote {written}")
    for change in found:
        typer.echo(f"  {change_summary(change)}")


@zone_history_app.command("export")
@handle_errors
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file: .geojson or .gpkg (states + changes).")],
    what: Annotated[str, typer.Option("--what", help="states, claims or changes (GeoJSON).")] = "states",
    history: HistoryOpt = None,
    store: StoreOpt = None,
    no_seeds: NoSeedsOpt = False,
) -> None:
    """Write the history (bundled zones + --history files + --store events) to GeoJSON or GeoPackage.

    Examples:

      geo-events zones export --out zones.gpkg

      geo-events zones export --store events.geojson --what changes --out changes.geojson
    """
    if what not in ("states", "claims", "changes"):
        fail(f"--what must be states, claims or changes; got {what!r}")
    typer.echo(f"wrote {_write(build_history(history, store, no_seeds), out, what)}")


@zone_history_app.command("derive")
@handle_errors
def derive(
    store: Annotated[Path, typer.Option("--store", help="Event store to read territorial-change events from.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the derived claims (.geojson).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Turn a store's territorial-change events into dated zone claims (and say which events were skipped).

    Examples:

      geo-events zones derive --store events.geojson

      geo-events zones derive --store events.geojson --out derived.geojson --json
    """
    import json

    from geo_events import open_store
    from geo_events.zone_history import default_history
    from geo_events.zone_history.derive import claims_from_events, kind_from_gazetteer, territorial_events

    if not store.exists():
        fail(f"no event store at {store}; give an existing .geojson store")
    derivation = claims_from_events(territorial_events(open_store(store)), default_history(), kind_from_gazetteer)
    if out is not None:
        if out.suffix.lower() not in (".geojson", ".json"):
            fail(f"--out must end in .geojson; got {out.name}")
        out.write_text(json.dumps({"type": "FeatureCollection", "name": "derived zone claims",
                                   "features": [c.to_feature() for c in derivation.claims]}, ensure_ascii=False),
                       encoding="utf-8")
    if as_json:
        print_json({"claims": [c.properties() for c in derivation.claims],
                    "skipped": [{"event_id": e, "reason": r} for e, r in derivation.skipped]})
        return
    typer.echo(f"{len(derivation.claims)} claims from {len(set(derivation.used))} events"
               + (f", written to {out}" if out else ""))
    for claim in derivation.claims:
        end = "open" if claim.properties()["valid_to"] is None else claim.valid_to
        typer.echo(f"  {claim.valid_from} to {end}  {claim.name}: {claim.controller} ({claim.confidence})")
    for event_id, reason in derivation.skipped:
        typer.echo(f"  skipped {event_id}: {reason}")


zones_app = typer.Typer(
    name="zones",
    help=(
        "Control zones: the zones (or the de-confliction line) of a day, and the history through time — who "
        "held a place on a day (with sources), changes, km² gained/lost, import of dated polygon series, "
        "export to GeoJSON/GeoPackage, zones derived from reporting.\n\n"
        "Examples:\n\n"
        "  geo-events zones --date 2018-02-07\n\n"
        "  geo-events zones at --place Khasham --date 2018-02-07\n\n"
        "  geo-events zones diff --from 2018-06-01 --to 2019-06-01 --csv\n\n"
        "  geo-events zones import snapshots/ --out history.geojson"
    ),
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@zones_app.callback(invoke_without_command=True)
@handle_errors
def zones_of_a_day(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="Day (YYYY-MM-DD), required: control changes over time.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a GeoJSON FeatureCollection.")] = False,
    line: Annotated[bool, typer.Option("--line", help="The de-confliction line instead of the zones.")] = False,
    history: HistoryOpt = None,
    store: StoreOpt = None,
    no_seeds: NoSeedsOpt = False,
) -> None:
    """Without a command: list the control zones (or the de-confliction line) valid on ``--date``.

    With ``--history`` / ``--store`` / ``--no-seeds`` the day's zones come from the same active history
    the other commands (and the API's ``GEO_EVENTS_ZONE_HISTORY``) answer from.
    """
    if ctx.invoked_subcommand is not None:
        given = [name for name, value in (("--date", date), ("--json", as_json), ("--line", line),
                                          ("--history", history), ("--store", store), ("--no-seeds", no_seeds))
                 if value]
        if given:  # options of the day listing would be silently dropped before a command
            fail(f"{given[0]} goes after the command: geo-events zones {ctx.invoked_subcommand} {given[0]} …")
        return
    zones = _active_zones(history, store, no_seeds)
    if not date:  # a one-line error naming what is covered, not Typer's boxed usage message
        dated = [f.get("properties") or {} for f in (zones.all_lines() if line else zones.all_zones())["features"]]
        starts = [p["valid_from"] for p in dated if p.get("valid_from")]
        ends = [p.get("valid_to") for p in dated]
        covered = ""
        if starts:
            last = "today" if None in ends else max(e for e in ends if e)
            covered = f"; the {'line is' if line else 'zones are'} dated {min(starts)} to {last}"
        fail(f"--date is required (YYYY-MM-DD){covered}; e.g. geo-events zones --date 2018-02-07")
    day = parse_cli_date(date, "--date")
    collection = zones.deconfliction_line(day) if line else zones.zones_on(day)
    if as_json:
        print_json(collection)
        return
    if not collection["features"]:
        typer.echo(f"nothing valid on {day}")
        return
    for feature in collection["features"]:
        p = feature["properties"]
        who = p.get("controller", "line")
        typer.echo(f"{p['id']}: {p.get('name') or p['id']} — {who} ({p.get('confidence', 'unrated')}, "
                   f"{p.get('valid_from')} to {p.get('valid_to') or 'open'})")


def _active_zones(history: list[Path] | None, store: Path | None, no_seeds: bool) -> Any:
    """The ``zones_on`` / ``deconfliction_line`` answers of the bundled zones + files + store (``ActiveZones``)."""
    provider, opened = _provider(history, store, no_seeds)
    return provider.zones(opened)


zones_app.registered_commands.extend(zone_history_app.registered_commands)


def register(app: typer.Typer) -> None:
    """Add the ``zones`` command group (and its earlier name ``zone-history``) to the CLI."""
    app.add_typer(zones_app, name="zones")
    app.add_typer(zone_history_app, name="zone-history")
