"""``geo-events serve``: run the REST + OGC API – Features service with uvicorn.

Added to the ``geo-events`` console script by ``api.console`` (plain imports), so the core CLI
(``geo_events.cli``) never imports the API package.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from geo_events.cli._common import fail, handle_errors


@handle_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Interface to listen on (0.0.0.0 exposes it to the network).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    store: Annotated[
        Path | None,
        typer.Option(
            help="Event store: a .geojson file or a postgresql:// URL; default: GEO_EVENTS_STORE or the "
            "user's data folder (seeded)."
        ),
    ] = None,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart when the code changes (development).")
    ] = False,
    log_level: Annotated[
        str, typer.Option(help="uvicorn log level: critical, error, warning, info, debug.")
    ] = "info",
    history: Annotated[
        list[Path] | None,
        typer.Option(
            help="Zone or line history to serve beside the bundled zones (repeatable): a snapshot folder or a "
            "dated GeoJSON/GeoPackage, as for `zones import`; same as GEO_EVENTS_ZONE_HISTORY."
        ),
    ] = None,
) -> None:
    """Serve events, zones and places over HTTP: REST, OGC API – Features (QGIS, GDAL) and maps.

    Writes (POST /articles) need GEO_EVENTS_API_KEY set in the environment; reads are open.

    Examples:

      geo-events serve                                  # http://127.0.0.1:8000 on the seed data

      geo-events serve --port 8080 --store events.geojson

      GEO_EVENTS_API_KEY=secret geo-events serve        # enable POST /articles

      geo-events serve --history fronts/ --history lines.geojson   # /zones* answer from these too

      curl 'http://127.0.0.1:8000/events?bbox=40,34.5,41,35.5&start=2018-02-01&end=2018-02-28'
    """
    import uvicorn

    from geo_events.settings import get_settings
    from geo_events.store import open_store

    if log_level not in ("critical", "error", "warning", "info", "debug", "trace"):
        fail(f"--log-level must be critical, error, warning, info or debug; got {log_level!r}")
    from geo_events.store import backend_of, store_target

    database = store is not None and backend_of(store_target(store)) != "geojson"  # postgresql://…
    if store is not None and not database and store.is_dir():
        fail(f"--store must be a .geojson file, not a folder: {store}")
    if history:
        from geo_events.zone_history.provider import HistoryProvider

        missing = [str(p) for p in history if not p.exists()]
        if missing:
            fail(f"--history: no such file or folder: {missing[0]}")
        HistoryProvider(history)  # read once now: a bad file is one line (DataError), not a failing request later
        os.environ["GEO_EVENTS_ZONE_HISTORY"] = os.pathsep.join(str(p.resolve()) for p in history)
        get_settings.cache_clear()
    _check_port_free(host, port)  # a busy port: one line before the banner, not a bind error after it
    opened = open_store(store)  # fail early (one line) on a damaged store; seeds the default store
    if store is not None and not database and not store.exists():
        opened.compact()  # one seeding rule: a store named with --store starts empty, as for ingest/import
    if store is not None:  # the app factory (also in --reload workers) reads the store from the environment
        os.environ["GEO_EVENTS_STORE"] = store_target(store) if database else str(store.resolve())
        get_settings.cache_clear()
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    base = f"http://{shown}:{port}"
    typer.echo(f"geo-events API on {base}  ({len(opened)} events in {getattr(opened, 'path', 'store')})")
    typer.echo(f"  API docs:    {base}/docs")
    typer.echo(f"  map:         {base}/maps/events.html")
    typer.echo(f"  OGC API:     {base}/  (QGIS/GDAL: OAPIF:{base})")
    if not get_settings().api_key:
        typer.echo("  writes:      disabled (set GEO_EVENTS_API_KEY to enable POST /articles)")
    project = Path(__file__).resolve().parent.parent  # watch api/, geo_events/ and maps/ when reloading
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        reload_dirs=[str(project)] if reload else None,
        log_level=log_level,
    )


def _check_port_free(host: str, port: int) -> None:
    """Fail with one line when ``host:port`` cannot be bound (already in use, or not an address here)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        fail(f"--host {host!r} is not an address of this machine: {err.strerror}")
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as err:
            fail(f"cannot listen on {host}:{port}: {err.strerror} (another server? try --port {port + 1})")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``geo-events`` command."""
    app.command("serve")(serve)


__all__ = ["register", "serve"]
