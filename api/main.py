"""The FastAPI application: REST endpoints plus OGC API – Features over the geo-events library.

``app`` serves the default store (``GEO_EVENTS_STORE`` or the user's data folder, seeded on first use);
``create_app(store_path)`` builds a fresh app on another store (tests, ``geo-events serve --store``).
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import geo_events
from api.deps import StoreDep
from api.docs_ui import install_docs
from api.errors import install_error_handlers
from api.middleware import BodySizeLimit, HeadAsGet, OptionsAllow, PublicURL, QueryRules
from api.openapi import install_openapi
from api.schemas import Health
from geo_events.errors import StoreCorrupted
from geo_events.settings import get_settings
from geo_events.store import backend_of, store_target

log = logging.getLogger("geo_events.api")

DESCRIPTION = """
Conflict events as GeoJSON, dated control zones and the de-confliction line, for GIS analysts.

* **REST**: `/events` (filters, paging, CSV and GeoPackage exports), `/geocode`, `/reverse`, `/zones`,
  `/deconfliction-line`, `POST /articles` (needs `X-API-Key`).
* **OGC API – Features** (Part 1 Core, GeoJSON, OpenAPI): landing page `/`, `/conformance`, `/collections`
  (`events`, `control-zones`, `deconfliction-line`, `places`) — add the root URL as an *OGC API – Features*
  layer in QGIS or read it with GDAL (`OAPIF:http://host:port`).

Every error answers JSON `{"detail": ..., "field": ...}` naming the bad parameter.
"""

#: Our routers, always included; ``api.routers.maps`` (the map pages) is included when it exists.
ROUTERS = ("api.routers.events", "api.routers.geo", "api.routers.articles", "api.routers.ogc")
ROUTERS += ("api.routers.zone_history",)  # zones through time (issue 18)
OPTIONAL_ROUTERS = ("api.routers.maps",)


def _include_routers(app: FastAPI) -> None:
    for name in ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
            continue
        app.include_router(module.router)
    for name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ImportError as err:
            log.warning("optional router %s not loaded: %s", name, err)
            continue
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router)
            app.state.optional_routers = (*getattr(app.state, "optional_routers", ()), name)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """On shutdown, fold the journal into the .geojson so the file QGIS opens holds every event."""
    yield
    store = getattr(app.state, "store", None)
    if store is not None:
        try:
            store.close()
        except Exception:  # noqa: BLE001 - shutting down: log, the journal still holds every write
            log.exception("could not fold the journal into the store file on shutdown")


def _store_target(store_path: str | os.PathLike[str] | None) -> Path | str | None:
    """A file store's path as a ``Path``; a database URL kept as text (``Path`` would fold its ``//``)."""
    if store_path is None:
        return None
    if backend_of(store_path) == "geojson":
        return Path(store_path)
    return store_target(store_path)


def create_app(store_path: str | os.PathLike[str] | None = None) -> FastAPI:
    """Return a new API app serving the store at ``store_path`` (None: the default store).

    Parameters
    ----------
    store_path
        A ``.geojson`` event store, created empty when missing, or a ``postgresql://`` URL. ``None`` uses
        ``GEO_EVENTS_STORE`` or the user's data folder, seeded from the bundled events the first time.

    Returns
    -------
    FastAPI
        The application, with JSON error handlers, CORS open for reads, a body size cap and HEAD support.
    """
    settings = get_settings()
    app = FastAPI(
        lifespan=_lifespan,
        title="geo-events API",
        version=geo_events.__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_tags=[
            {"name": "events", "description": "Search and export conflict events."},
            {
                "name": "geo",
                "description": "Geocoding, reverse geocoding, control zones and the de-confliction line.",
            },
            {"name": "articles", "description": "Extract events from an article and merge them (write)."},
            {"name": "ogc", "description": "OGC API – Features (Part 1) for QGIS, GDAL and other clients."},
            {"name": "meta", "description": "Service health."},
        ],
    )
    app.state.store_path = _store_target(store_path)
    app.state.store = None
    install_error_handlers(app)
    _include_routers(app)

    @app.get("/health", response_model=Health, tags=["meta"], summary="Service health")
    def health(store: StoreDep) -> Health:
        """Return `ok`, the version and the number of stored events (503 once the store met damage)."""
        damage = store.damage
        if damage:
            raise StoreCorrupted(damage)
        return Health(version=geo_events.__version__, events=len(store), store_backend=store.backend)

    install_openapi(app)
    install_docs(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["Content-Crs", "Link"],
    )
    app.add_middleware(OptionsAllow, routes_of=app.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, timeout=settings.body_timeout_seconds)
    app.add_middleware(QueryRules)
    app.add_middleware(HeadAsGet)
    app.add_middleware(
        PublicURL, public_url=settings.public_url, allowed_hosts=settings.allowed_hosts.split(",")
    )
    return app


def __getattr__(name: str) -> FastAPI:
    """Build the module-level ``app`` (default store) only when it is first used."""
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(f"module 'api.main' has no attribute {name!r}")


__all__ = ["app", "create_app"]  # noqa: F822 (``app`` is built lazily by __getattr__)
