"""Drive Debian's headless Chromium with Playwright to load a map page (tests and the screenshot).

Never downloads a browser: it uses ``/usr/bin/chromium`` (``bash scripts/setup.sh browser`` installs it)
and blocks every request that is not ``file:``, ``data:`` or ``about:`` so a page proves it works offline.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Return the Chromium executable (``GEO_EVENTS_CHROMIUM`` or /usr/bin/chromium), or None."""
    candidate = os.environ.get("GEO_EVENTS_CHROMIUM") or "/usr/bin/chromium"
    if Path(candidate).exists():
        return candidate
    return shutil.which("chromium")


def browser_available() -> bool:
    """Return True when both Playwright and a Chromium executable are installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


@contextmanager
def open_map(
    path: Path, width: int = 1200, height: int = 760, fragment: str = ""
) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    """Open ``path`` (a map HTML file) offline; yield ``(page, log)`` with console errors and requests.

    ``fragment`` is appended to the file URL (``#date=2018-02-07`` opens a time map on that day).

    ``log["errors"]`` collects console errors and page exceptions; ``log["blocked"]`` every request that
    would have left the machine (blocked).
    """
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium is not installed (bash scripts/setup.sh browser)")
    log: dict[str, list[str]] = {"errors": [], "blocked": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("console", lambda msg: log["errors"].append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: log["errors"].append(str(exc)))

            def route(request_route: Any) -> None:
                url = request_route.request.url
                if url.startswith(("file:", "data:", "about:", "blob:")):
                    request_route.continue_()
                else:
                    log["blocked"].append(url)
                    request_route.abort()

            page.route("**/*", route)
            page.goto(Path(path).resolve().as_uri() + fragment, wait_until="load")
            page.wait_for_function(
                "window.GeoEvents && GeoEvents.layers.length > 0 && GeoEvents.layers.every((l) => l.loaded)"
                " && (!GeoEvents.timelineReady || GeoEvents.timelineReady())",
                timeout=30000,
            )
            page.wait_for_timeout(300)
            yield page, log
        finally:
            browser.close()


def map_state(page: Any) -> dict[str, Any]:
    """Return what the page drew: events on the canvas, zone/line/river/outline paths, labels, canvas pixels."""
    return page.evaluate(
        """() => {
          const layer = window.GeoEvents.layers[0];
          const canvas = document.querySelector('canvas.ge-events-canvas');
          let painted = 0;
          if (canvas) {
            const ctx = canvas.getContext('2d');
            const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < img.length; i += 4) if (img[i] > 0) painted++;
          }
          return {
            events_drawn: layer ? layer.drawn : 0,
            events_total: layer ? layer._n : 0,
            canvas_painted_pixels: painted,
            zones: document.querySelectorAll('path.ge-zone').length,
            lines: document.querySelectorAll('path.ge-line').length,
            rivers: document.querySelectorAll('path.ge-river').length,
            countries: document.querySelectorAll('path.ge-country').length,
            admin1: document.querySelectorAll('path.ge-admin1').length,
            labels: Array.from(document.querySelectorAll('.ge-place-label')).map((e) => e.textContent),
            legend: (document.querySelector('.ge-legend') || {}).textContent || '',
            title: (document.querySelector('.ge-title') || {}).textContent || '',
            layer_control: document.querySelectorAll('.leaflet-control-layers-selector').length,
            scale: document.querySelectorAll('.leaflet-control-scale').length,
          };
        }"""
    )


def click_event(page: Any, index: int = 0) -> str:
    """Click event ``index`` on the canvas and return the popup's text ('' when none opened)."""
    point = page.evaluate(
        """(i) => {
          const layer = window.GeoEvents.layers[0];
          const map = layer._map;
          const p = map.latLngToContainerPoint([layer._lat[i], layer._lon[i]]);
          const box = map.getContainer().getBoundingClientRect();
          return {x: box.left + p.x, y: box.top + p.y};
        }""",
        index,
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_timeout(300)
    popup = page.query_selector(".leaflet-popup-content")
    return popup.inner_text() if popup else ""
