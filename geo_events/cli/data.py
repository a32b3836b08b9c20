"""``geo-events export | import | validate | schema``: move events in and out of a store and check files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo_events.cli._common import (
    EXIT_NOT_FOUND,
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
    print_json,
)
from geo_events.cli.store import StoreOpt

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="geojson, csv (ACLED columns), gpkg or kml.")]


@handle_errors
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    fmt: FormatOpt = "geojson",
    store: StoreOpt = None,
    bbox: BboxOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    event_type: TypeOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    min_fatalities: MinFatOpt = None,
    q: QOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Export events (optionally filtered) to GeoJSON, CSV, GeoPackage or KML.

    Examples:

      geo-events export --format csv --out events.csv

      geo-events export -f gpkg -o feb2018.gpkg --start 2018-02-01 --end 2018-02-28 --bbox 40,34.5,41,35.5
    """
    from geo_events.formats import FORMATS, write_events
    from geo_events.store import open_store

    fmt = fmt.lower()
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    query = build_query(bbox, start, end, event_type, actor, country, min_fatalities, q)
    opened = open_store(store)
    features = opened.query(query).features
    path = write_events(features, out, fmt)
    if as_json:
        print_json({"path": str(path), "format": fmt, "events": len(features)})
    else:
        typer.echo(f"wrote {len(features)} events to {path} ({fmt})")


@handle_errors
def validate(
    path: Annotated[Path, typer.Argument(help="GeoJSON (or CSV) file of events to check.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print problems as JSON.")] = False,
) -> None:
    """Check a GeoJSON/CSV file against the event model; list every bad feature and field.

    Exit code 0 when valid, 1 when problems were found.

    Example: geo-events validate seeds/events.geojson
    """
    from geo_events.validate import validate_file

    count, problems = validate_file(path)
    if as_json:
        print_json(
            {
                "path": str(path),
                "features": count,
                "valid": not problems,
                "problems": [p.__dict__ for p in problems],
            }
        )
    else:
        for problem in problems:
            typer.echo(f"{path}: {problem}", err=True)
        typer.echo(f"{path}: {count} features, {len(problems)} problems" + ("" if problems else " — valid"))
    if problems:
        raise typer.Exit(EXIT_NOT_FOUND)


@handle_errors
def import_(
    path: Annotated[Path, typer.Argument(help="GeoJSON, GeoJSON text sequence, CSV or GPKG file of events.")],
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Import events into the store (all-or-nothing: one bad feature and nothing is written).

    Example: geo-events import events.csv --store data/events.geojson
    """
    from geo_events.formats import read_events_file
    from geo_events.store import open_store
    from geo_events.validate import validate_features

    try:
        features = read_events_file(path)
    except (ValueError, KeyError, TypeError) as err:
        fail(f"{path}: cannot read events: {err}")
    problems = validate_features(features)
    if problems:
        for problem in problems[:20]:
            typer.echo(f"{path}: {problem}", err=True)
        fail(
            f"{path}: {len(problems)} problems; nothing imported (see `geo-events validate {path}`)",
            EXIT_NOT_FOUND,
        )
    opened = open_store(store)
    created, updated = opened.upsert_many(features)
    opened.maintain()
    if as_json:
        print_json({"created": created, "updated": updated, "events": len(opened)})
    else:
        typer.echo(f"imported {len(features)} events: {created} new, {updated} updated")


def schema() -> None:
    """Print the JSON Schema of an event Feature.

    Example: geo-events schema > event.schema.json
    """
    from geo_events.models import event_json_schema

    print_json(event_json_schema())


def register(app: typer.Typer) -> None:
    """Add export, import, validate and schema."""
    app.command("export")(export)
    app.command("import")(import_)
    app.command("validate")(validate)
    app.command("schema")(schema)
