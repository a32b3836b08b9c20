"""Interactive API docs (Swagger UI) served from the installed ``swagger-ui-bundle-v2`` files, so ``/docs``
works offline; without that package FastAPI's default page (which loads Swagger UI from a CDN) is used."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

log = logging.getLogger("geo_events.api")

STATIC_PREFIX = "/static/swagger-ui"


def swagger_ui_folder() -> Path | None:
    """Return the folder of the bundled Swagger UI files, or None when the package is missing."""
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    folder = Path(swagger_ui_bundle.swagger_ui_path)
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def install_docs(app: FastAPI) -> None:
    """Serve ``/docs`` from local Swagger UI files (``app`` must be created with ``docs_url=None``)."""
    folder = swagger_ui_folder()
    if folder is None:
        log.warning("swagger-ui-bundle-v2 is not installed: /docs loads Swagger UI from a CDN")
        js, css, icon = (
            "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js",
            "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css",
            "https://fastapi.tiangolo.com/img/favicon.png",
        )
    else:
        app.mount(STATIC_PREFIX, StaticFiles(directory=folder), name="swagger-ui")
        js, css, icon = (
            f"{STATIC_PREFIX}/swagger-ui-bundle.js",
            f"{STATIC_PREFIX}/swagger-ui.css",
            f"{STATIC_PREFIX}/favicon-32x32.png",
        )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} – docs",
            swagger_js_url=js,
            swagger_css_url=css,
            swagger_favicon_url=icon,
        )


__all__ = ["install_docs", "swagger_ui_folder"]
