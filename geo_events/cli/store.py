"""``geo-events store …``: inspect, check, repair and compact an event store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo_events.cli._common import EXIT_NOT_FOUND, handle_errors, print_json

store_app = typer.Typer(
    help="Inspect, check, repair and compact an event store.\n\nExamples:\n\n"
    "  geo-events store info\n\n  geo-events store check --repair --store data/events.geojson",
    no_args_is_help=True,
)

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Store: a .geojson file or a postgresql://user@host:port/dbname URL "
        "(default: GEO_EVENTS_STORE or user data).",
    ),
]


@store_app.command("check")
@handle_errors
def check(
    store: StoreOpt = None,
    repair: Annotated[
        bool, typer.Option("--repair", help="Salvage valid events, back up damaged files.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Validate every event of the store; with --repair, fix damaged files without silent loss.

    Example: geo-events store check --repair --store data/events.geojson
    """
    from geo_events.store import backend_of, store_target

    path = store or _default_store_path()
    if backend_of(path) != "geojson":  # a database checks its own pages: opening checks the schema
        _check_database(store_target(path), as_json)
        return
    from geo_events.store.repair import check_store

    report = check_store(path, repair=repair)
    if as_json:
        print_json(report.as_dict())
    else:
        state = "repaired" if report.repaired else ("ok" if report.ok else "DAMAGED")
        typer.echo(f"{path}: {state}, {report.events} events")
        for problem in report.problems:
            typer.echo(f"  problem: {problem}")
        if report.repaired:
            typer.echo(f"  salvaged {report.salvaged} events, dropped {report.dropped} unusable records")
            for backup in report.backups:
                typer.echo(f"  backup of the damaged file: {backup}")
        elif not report.ok:
            typer.echo(f"  fix: geo-events store check --repair --store {path}")
    if not report.ok:
        raise typer.Exit(EXIT_NOT_FOUND)


@store_app.command("info")
@handle_errors
def info(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show where the store is, how many events it holds and their extent.

    Example: geo-events store info --json
    """
    from geo_events.store import open_store, redact, store_target

    opened = open_store(store)
    bbox, dates = opened.extent()
    data = {
        "path": redact(store_target(store or _default_store_path())),
        "backend": opened.backend,
        "events": len(opened),
        "bbox": bbox,
        "dates": [d.isoformat() for d in dates] if dates else None,
    }
    if as_json:
        print_json(data)
    else:
        for key, value in data.items():
            typer.echo(f"{key}: {value}")


@store_app.command("compact")
@handle_errors
def compact(store: StoreOpt = None) -> None:
    """Fold the journal into the GeoJSON snapshot (what QGIS opens).

    Example: geo-events store compact --store data/events.geojson
    """
    from geo_events.store import open_store

    opened = open_store(store)
    opened.compact()
    typer.echo(f"compacted {len(opened)} events")
    opened.close()


def _check_database(url: str, as_json: bool) -> None:
    """``store check`` of a database store: it opens (schema current), counts and reads its extent."""
    from geo_events.store import open_store, redact

    opened = open_store(url)
    try:
        events = len(opened)
        opened.extent()
    finally:
        opened.close()
    if as_json:
        print_json({"path": redact(url), "ok": True, "events": events, "problems": []})
    else:
        typer.echo(f"{redact(url)}: ok, {events} events")


def register(app: typer.Typer) -> None:
    """Add the ``store`` command group."""
    app.add_typer(store_app, name="store")


def _default_store_path() -> Path:
    from geo_events.settings import default_store_path

    return default_store_path()
