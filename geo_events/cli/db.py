"""``geo-events db upgrade | status`` (the PostGIS schema) and ``geo-events migrate`` (copy stores)."""

from __future__ import annotations

import gc
import hashlib
import sys
import time
from typing import Annotated, Any

import orjson
import typer

from geo_events.cli._common import EXIT_NOT_FOUND, fail, handle_errors, print_json

db_app = typer.Typer(
    help="Create and upgrade the schema of a PostGIS store.\n\nExamples:\n\n"
    "  geo-events db upgrade --store postgresql://postgres@127.0.0.1:5432/geo_events\n\n"
    "  geo-events db status --store postgresql://postgres@127.0.0.1:5432/geo_events --json",
    no_args_is_help=True,
)

UrlOpt = Annotated[
    str | None,
    typer.Option("--store", help="postgresql://user@host:port/dbname (default: GEO_EVENTS_STORE)."),
]


def _database_url(store: str | None) -> str:
    from geo_events.settings import default_store_path
    from geo_events.store import backend_of, store_target

    target = store_target(store if store is not None else default_store_path())
    if backend_of(target) != "postgis":
        fail(f"{target} is not a PostgreSQL URL; a .geojson store needs no schema (use postgresql://…)")
    return target


@db_app.command("upgrade")
@handle_errors
def upgrade(
    store: UrlOpt = None,
    to: Annotated[int | None, typer.Option("--to", help="Stop at this schema version.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Apply the pending schema migrations (creates the schema in an empty database; safe to re-run).

    Example: geo-events db upgrade --store postgresql://postgres@127.0.0.1:5432/geo_events
    """
    from geo_events.store import redact
    from geo_events.store.migrations import LATEST
    from geo_events.store.postgis import PostGISStore

    url = _database_url(store)
    before, applied = PostGISStore.upgrade_schema(url, to)
    after = applied[-1] if applied else (before or 0)
    rebuilt: list[str] = []
    if after == LATEST:  # indexes an interrupted bulk load (migrate) left out
        opened = PostGISStore(url, upgrade=False)
        try:
            rebuilt = opened.rebuild_deferred_indexes()
        finally:
            opened.close()
    if as_json:
        print_json({"store": redact(url), "before": before or 0, "applied": applied, "version": after,
                    "latest": LATEST, "rebuilt_indexes": rebuilt})
    else:
        if applied:
            steps = ", ".join(map(str, applied))
            typer.echo(f"{redact(url)}: schema {before or 0} → {after} (applied {steps})")
        else:
            typer.echo(f"{redact(url)}: schema {after} is up to date")
        if rebuilt:
            typer.echo(f"rebuilt {len(rebuilt)} index(es) an interrupted bulk load left out")


@db_app.command("status")
@handle_errors
def status(
    store: UrlOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Show the schema version of a PostGIS store and the version this geo-events needs (exit 1 if behind).

    Example: geo-events db status --store postgresql://postgres@127.0.0.1:5432/geo_events
    """
    from geo_events.store import redact
    from geo_events.store.migrations import LATEST
    from geo_events.store.postgis import PostGISStore

    url = _database_url(store)
    version = PostGISStore.schema_version(url)
    data = {"store": redact(url), "version": version or 0, "latest": LATEST, "current": version == LATEST}
    if as_json:
        print_json(data)
    else:
        hint = "" if version == LATEST else f"  (run `geo-events db upgrade --store {redact(url)}`)"
        typer.echo(f"{redact(url)}: schema {version or 0} of {LATEST}{hint}")
    if version != LATEST:
        raise typer.Exit(EXIT_NOT_FOUND)


def content_digest(store: Any, ids: set[str] | None = None) -> tuple[int, str]:
    """Return (events, SHA-256 of every event's JSON in id order) — equal on every backend for equal data.

    With ``ids`` only those events are counted (a destination that held others before).
    """
    from geo_events.query import EventQuery
    from geo_events.store import iter_matches

    digest = hashlib.sha256()
    count = 0
    for raw in iter_matches(store, EventQuery(sort="id")):
        if ids is not None:
            start = raw.find(b'"id":"') + 6
            if raw[start : raw.find(b'"', start)].decode("utf-8") not in ids:
                continue
        digest.update(raw)
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()


@handle_errors
def migrate(
    source: Annotated[
        str, typer.Option("--from", help="Store to copy from: a .geojson path or postgresql:// URL.")
    ],
    target: Annotated[str, typer.Option("--to", help="Store to copy into (created when missing).")],
    batch: Annotated[
        int, typer.Option("--batch", min=1, max=100_000, help="Events written per transaction.")
    ] = 5000,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Copy every event from one store into another (file ↔ PostGIS), then compare counts and a hash.

    Writes are upserts by id in batches, so an interrupted run is resumed by running it again (events
    already copied are rewritten unchanged). Exit 1 when the copy does not match the source.

    Examples:

      geo-events migrate --from events.geojson --to postgresql://postgres@127.0.0.1:5432/geo_events

      geo-events migrate --from postgresql://postgres@127.0.0.1:5432/geo_events --to back.geojson
    """
    from geo_events.store import open_store, redact, store_target

    if store_target(source) == store_target(target):
        fail("--from and --to name the same store")
    src = open_store(source)
    dst = open_store(target)
    try:
        total = len(src)
        started = time.monotonic()
        show = not as_json and sys.stderr.isatty()
        progress = _progress(total) if show else None
        try:
            with dst.bulk_load(total):
                copied, ids, digest = _copy(src, dst, total, batch, progress)
        finally:
            if progress is not None:
                progress[0].stop()
        dst.maintain()
        seconds = time.monotonic() - started
        check_count, check_hash = content_digest(dst, ids)
        ok = check_count == copied and check_hash == digest.hexdigest()
        summary = {
            "from": redact(store_target(source)),
            "to": redact(store_target(target)),
            "events": copied,
            "seconds": round(seconds, 2),
            "events_per_second": round(copied / seconds) if seconds > 0 else None,
            "sha256": digest.hexdigest(),
            "verified": ok,
        }
        if as_json:
            print_json(summary)
        else:
            rate = f", {summary['events_per_second']:,} events/s" if summary["events_per_second"] else ""
            typer.echo(
                f"copied {copied:,} events in {seconds:.1f} s{rate}; "
                + ("count and SHA-256 match" if ok else f"MISMATCH: {check_count:,} events read back")
            )
        if not ok:
            raise typer.Exit(EXIT_NOT_FOUND)
    finally:
        src.close()
        dst.close()


def _copy(src: Any, dst: Any, total: int, batch: int, progress: Any) -> tuple[int, set[str], Any]:
    """Stream ``src`` into ``dst`` by id; return (events copied, their ids, SHA-256 of their JSON).

    Reading and parsing batch n+1 overlaps the write of batch n (one writer thread, so batches land in
    order); the cyclic garbage collector is paused meanwhile (a million parsed Features made it ~3x slower
    to parse them and nothing here forms cycles).
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    from geo_events.query import EventQuery

    ids: set[str] = set()
    digest = hashlib.sha256()
    copied = 0
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="geo-events-migrate") as writer:
            pending: Future[Any] | None = None
            for raws in src.iter_query(EventQuery(sort="id", limit=max(total, 1)), batch):
                features = [orjson.loads(raw) for raw in raws]
                for raw, feature in zip(raws, features):
                    ids.add(feature["id"])
                    digest.update(raw)
                    digest.update(b"\n")
                if pending is not None:
                    pending.result()
                    if progress is not None:
                        progress[0].update(progress[1], completed=copied)
                # read back from a store: validated when it was written (trusted)
                pending = writer.submit(dst.upsert_many, features, trusted=True)
                copied += len(raws)
            if pending is not None:
                pending.result()
    finally:
        if collecting:
            gc.enable()
    return copied, ids, digest


def _progress(total: int) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "copying", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True,
        console=Console(stderr=True),
    )
    task = progress.add_task("copy", total=total)
    progress.start()
    return progress, task


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group and ``migrate``."""
    app.add_typer(db_app, name="db")
    app.command("migrate")(migrate)
