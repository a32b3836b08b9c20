"""``geo-events export | import | validate | schema``: move events in and out of a store and check files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo_events.cli._common import (
    Admin1Opt,
    DatePrecisionOpt,
    GeoPrecisionOpt,
    SourceOpt,
    SubTypeOpt,
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

FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="geojson, csv (ACLED columns), gpkg, kml, or the published "
                                             "layouts acled and ucdp.")
]


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
    sub_event_type: SubTypeOpt = None,
    admin1: Admin1Opt = None,
    source: SourceOpt = None,
    geo_precision: GeoPrecisionOpt = None,
    date_precision: DatePrecisionOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Export events (optionally filtered) to GeoJSON, CSV, GeoPackage, KML, or ACLED / UCDP GED CSV.

    --format acled and --format ucdp write those data sets' published column layouts (columns geo-events
    does not keep are left empty; UCDP GED holds organised violence only, so protests, riots and
    strategic developments are left out and counted). `geo-events import acled|ucdp` reads them back.

    Examples:

      geo-events export --format csv --out events.csv

      geo-events export --format acled --out acled.csv --country Syria

      geo-events export -f gpkg -o feb2018.gpkg --start 2018-02-01 --end 2018-02-28 --bbox 40,34.5,41,35.5
    """
    from geo_events.formats import FORMATS, write_events
    from geo_events.interchange import DATASETS, write_dataset
    from geo_events.store import open_store

    fmt = fmt.lower()
    if fmt not in FORMATS and fmt not in DATASETS:
        fail(f"--format must be one of {', '.join((*FORMATS, *DATASETS))}; got {fmt!r}")
    query = build_query(bbox, start, end, event_type, actor, country, min_fatalities, q,
                        sub_event_type=sub_event_type, admin1=admin1, source=source, geo_precision=geo_precision,
                        date_precision=date_precision)
    opened = open_store(store)
    features = opened.query(query).features
    if fmt in DATASETS:
        path, written, skipped = write_dataset(features, out, fmt)
        if as_json:
            print_json({"path": str(path), "format": fmt, "events": written, "skipped": skipped})
        else:
            left_out = f"; {skipped} left out (not organised violence)" if skipped else ""
            typer.echo(f"wrote {written} events to {path} ({fmt}){left_out}")
        return
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


DatasetOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help="Read the file in a data set's published layout: acled or ucdp "
                                        "(same as giving it before FILE)."),
]


@handle_errors
def import_(
    source: Annotated[str, typer.Argument(metavar="acled|ucdp|FILE", show_default=False,
                                          help="The data set layout (acled or ucdp) of FILE; alone: the file "
                                               "(GeoJSON, GeoJSON text sequence, CSV or GPKG of events).")],
    file: Annotated[Path | None, typer.Argument(metavar="FILE", show_default=False,
                                                help="ACLED or UCDP GED CSV file.")] = None,
    fmt: DatasetOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="ACLED/UCDP: import nothing when any row is bad.")]
    = False,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Import events into the store: geo-events' own files, or ACLED and UCDP GED CSV exports.

    geo-events' own GeoJSON / CSV / GPKG files import all-or-nothing (one bad feature and nothing is
    written). ACLED and UCDP GED files (their published column layouts; UTF-8, UTF-8 with BOM or
    Windows-1252; comma, semicolon or tab separated) report each bad row by its row number (the header is
    row 1) with the reason and import the rest; with --strict nothing is imported when a row is bad.
    Re-importing a file changes nothing; a newer release of the same rows updates them. Exit code 1
    when rows were rejected, 2 when the file cannot be read. The mapping is in docs/formats.md.

    Examples:

      geo-events import events.csv --store data/events.geojson

      geo-events import acled 2018-syria.csv --json

      geo-events import ucdp GEDEvent_v24_1.csv --strict
    """
    if file is not None:
        if source.strip().lower() not in _datasets():
            fail(f"unknown data set {source!r}: use `geo-events import acled FILE`, "
                 "`geo-events import ucdp FILE` or `geo-events import FILE`")
        if fmt is not None and fmt.strip().lower() != source.strip().lower():
            fail(f"--format {fmt} contradicts {source!r} before the file; give one of them")
        _import_dataset(source.strip().lower(), file, strict, store, as_json)
        return
    if fmt is not None:
        if fmt.strip().lower() not in _datasets():
            fail(f"--format must be one of {', '.join(_datasets())}; got {fmt!r}")
        _import_dataset(fmt.strip().lower(), Path(source), strict, store, as_json)
        return
    _import_own(Path(source), store, as_json)


def _datasets() -> tuple[str, ...]:
    from geo_events.interchange import DATASETS

    return tuple(DATASETS)


def _import_own(path: Path, store: Path | None, as_json: bool) -> None:
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


#: Bad rows printed in the text output (--json lists all).
SHOWN_PROBLEMS = 20


def _import_dataset(dataset: str, path: Path, strict: bool, store: Path | None, as_json: bool) -> None:
    from geo_events.interchange import open_dataset, store_dataset
    from geo_events.store import open_store

    reading = open_dataset(path, dataset)  # an unreadable file fails before the store is touched
    opened = open_store(store)
    report = store_dataset(opened, reading, strict=strict)
    name = path.name
    if as_json:
        print_json({**report.summary(), "events": len(opened)})
    else:
        for notice in report.notices:
            typer.echo(f"note: {notice}", err=True)
        for problem in report.problems[:SHOWN_PROBLEMS]:
            typer.echo(f"{name}: {problem}", err=True)
        if len(report.problems) > SHOWN_PROBLEMS:
            typer.echo(f"{name}: … {len(report.problems) - SHOWN_PROBLEMS} more bad rows (--json lists all)",
                       err=True)
    if strict and report.problems:
        if as_json:
            raise typer.Exit(EXIT_NOT_FOUND)
        fail(f"{name}: {len(report.problems)} bad row(s) of {report.rows}; nothing imported (--strict): fix "
             "them, or import without --strict to keep the good rows", EXIT_NOT_FOUND)
    if not as_json:
        rejected = f"; {len(report.problems)} row(s) rejected (listed above)" if report.problems else ""
        typer.echo(f"imported {report.accepted} of {report.rows} {dataset.upper()} rows from {name}: "
                   f"{report.created} new, {report.merged} merged into events from articles, {report.updated} updated, "
                   f"{report.unchanged} unchanged{rejected}")
    if report.problems:
        raise typer.Exit(EXIT_NOT_FOUND)


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
