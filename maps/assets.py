"""The page assets: vendored Leaflet (npm ``leaflet``, BSD-2-Clause) and geo-events' own JS/CSS.

``page_assets(self_contained=True)`` returns ``<script>``/``<style>`` blocks with everything inlined
(Leaflet's images become ``data:`` URIs) so a map works with no network; ``self_contained=False`` links
Leaflet from a pinned CDN URL instead (smaller pages) but still inlines geo-events' own small script.
``maps/vendor/update.sh`` re-fetches the vendored files with ``npm pack``.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor" / "leaflet"
ASSETS = Path(__file__).resolve().parent / "static"
LEAFLET_VERSION = "1.9.4"
LEAFLET_JS_URL = f"https://unpkg.com/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS_URL = f"https://unpkg.com/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _data_uri(match: re.Match[str]) -> str:
    name = match.group(1)
    image = VENDOR / "images" / name
    if not image.exists():
        return match.group(0)
    encoded = base64.b64encode(image.read_bytes()).decode("ascii")
    return f"url(data:image/png;base64,{encoded})"


def _script_text(text: str) -> str:
    """Make a script safe to inline: drop source-map comments and any literal ``</script``."""
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)
    return text.replace("</script", "<\\/script")


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Return the vendored Leaflet script, ready to inline."""
    return _script_text(_read(VENDOR / "leaflet.js"))


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Return the vendored Leaflet stylesheet with its images inlined as data URIs."""
    return re.sub(r"url\(images/([\w.-]+\.png)\)", _data_uri, _read(VENDOR / "leaflet.css"))


@lru_cache(maxsize=1)
def own_js() -> str:
    """Return geo-events' map script (event canvas layer, time slider, legend, title)."""
    return "\n".join(_script_text(_read(ASSETS / name)) for name in ("geo_events_layer.js", "geo_events_controls.js"))


@lru_cache(maxsize=1)
def own_css() -> str:
    """Return geo-events' map stylesheet."""
    return _read(ASSETS / "geo_events_map.css")


def page_assets(self_contained: bool) -> str:
    """Return the HTML ``<head>`` blocks that load Leaflet and geo-events' map code.

    Parameters
    ----------
    self_contained : bool
        Inline Leaflet (no external ``src``/``href`` at all) when True; link the pinned CDN copy when False.
    """
    if self_contained:
        leaflet = f"<style>{leaflet_css()}</style>\n<script>{leaflet_js()}</script>"
    else:
        leaflet = f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}"/>\n<script src="{LEAFLET_JS_URL}"></script>'
    return f"{leaflet}\n<style>{own_css()}</style>\n<script>{own_js()}</script>"


def with_csp_nonce(page: str, self_contained: bool) -> tuple[str, str]:
    """Return ``(page with a nonce on every <script>, Content-Security-Policy header value)``.

    Served maps use a nonce-based policy, so even markup that slipped into the page could not run
    (inline handlers such as ``onerror=`` are refused); only the page's own scripts carry the nonce.
    """
    import secrets

    nonce = secrets.token_urlsafe(18)
    page = page.replace("<script", f'<script nonce="{nonce}"')
    cdn = "" if self_contained else " https://unpkg.com"
    policy = (
        f"default-src 'none'; script-src 'nonce-{nonce}'{cdn}; style-src 'unsafe-inline'{cdn}; "
        f"img-src data: https://tile.openstreetmap.org{cdn}; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return page, policy
