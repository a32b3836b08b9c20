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
#: geo-events' own page scripts, inlined in this order into every map page.
OWN_SCRIPTS = ("geo_events_layer.js", "geo_events_controls.js", "geo_events_basemap.js", "geo_events_timeline.js")


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
    """Return geo-events' map script (event layer, time slider, legend, title, labels, timeline)."""
    return "\n".join(_script_text(_read(ASSETS / name)) for name in OWN_SCRIPTS)


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


#: Folium's fixed header script (no data in it).
_FOLIUM_HEADER = re.compile(r"\s*L_NO_TOUCH = (?:true|false);\s*L_DISABLE_3D = (?:true|false);\s*")
_SCRIPT_OPEN = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def _script_elements(page: str) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end of start tag, attributes, text)`` of each script element, as a browser splits them.

    A script's text runs to the first ``</script`` (HTML raw-text rules), so a ``<script`` inside a script's
    text is not an element and is skipped.
    """
    lowered = page.lower()
    found = []
    position = 0
    while (match := _SCRIPT_OPEN.search(page, position)) is not None:
        close = lowered.find("</script", match.end())
        close = len(page) if close < 0 else close
        found.append((match.start(), match.end(), match.group(1), page[match.end() : close]))
        position = close
    return found


def _is_own_script(page: str, start: int, attributes: str, text: str, last: bool) -> bool:
    """True for the scripts the renderer itself writes: vendored Leaflet, geo-events' code, Folium's own."""
    attributes = attributes.strip()
    if attributes == f'src="{LEAFLET_JS_URL}"':
        return not text.strip()
    if attributes:
        return False
    if text in (leaflet_js(), own_js()) or _FOLIUM_HEADER.fullmatch(text):
        return True
    # Folium's figure script (the map's JS): the page's last script element, written right after </body>.
    return last and page[max(0, start - 64) : start].rstrip().endswith("</body>")


def csp_policy(nonce: str, self_contained: bool) -> str:
    """Return the Content-Security-Policy of a map page whose own scripts carry ``nonce``."""
    cdn = "" if self_contained else " https://unpkg.com"
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'{cdn}; style-src 'unsafe-inline'{cdn}; "
        f"img-src data: https://tile.openstreetmap.org{cdn}; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def with_csp_nonce(page: str, self_contained: bool) -> tuple[str, str]:
    """Return ``(page with a nonce on its own scripts, Content-Security-Policy header value)``.

    Served maps use a nonce-based policy, so markup that slipped into the page could not run (inline
    handlers such as ``onerror=`` are refused). Only the scripts the renderer writes itself get the
    nonce (vendored Leaflet, geo-events' code, Folium's header and map script): a ``<script`` that an
    escaping bug let through stays without one and the browser refuses it. JSON data blocks
    (``type="application/json"``) are never executed and need none.
    """
    import secrets

    nonce = secrets.token_urlsafe(18)
    parts = []
    done = 0
    elements = _script_elements(page)
    for number, (start, _, attributes, text) in enumerate(elements):
        if _is_own_script(page, start, attributes, text, last=number == len(elements) - 1):
            parts.append(page[done : start + len("<script")])
            parts.append(f' nonce="{nonce}"')
            done = start + len("<script")
    parts.append(page[done:])
    return "".join(parts), csp_policy(nonce, self_contained)


def with_csp_meta(page: str, self_contained: bool) -> str:
    """Return a map file with its policy in a ``<meta http-equiv>`` tag (for files opened without a server).

    The same nonce policy as served pages (``with_csp_nonce``), written as the first element of
    ``<head>`` so it applies to every script after it.
    """
    page, policy = with_csp_nonce(page, self_contained)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = re.search(r"<head\b[^>]*>", page, re.IGNORECASE)
    if head is None:
        return meta + "\n" + page
    return page[: head.end()] + "\n    " + meta + page[head.end() :]
