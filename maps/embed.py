"""The iframe snippet journalists paste into an article to embed a served map."""

from __future__ import annotations

import html

from geo_events.errors import InvalidQuery


def embed_snippet(src: str, *, title: str, aspect_ratio: float = 16 / 10, height: int | None = None) -> str:
    """Return a responsive ``<iframe>`` snippet showing the map at ``src``.

    Parameters
    ----------
    src : str
        Absolute URL of the map page (``/maps/events.html?...``); only http(s) URLs are accepted.
    title : str
        Accessible title of the frame (escaped).
    aspect_ratio : float
        Width / height; the frame keeps it at any width (default 16:10).
    height : int, optional
        A fixed height in pixels instead of an aspect ratio (width stays 100 %).

    Raises
    ------
    geo_events.errors.InvalidQuery
        When ``src`` is not http(s), or the ratio / height is out of range.
    """
    if not src.lower().startswith(("http://", "https://")):
        raise InvalidQuery("the map URL must start with http:// or https://", "src")
    if height is not None and not 150 <= height <= 4000:
        raise InvalidQuery("height must be between 150 and 4000 pixels", "height")
    if not 0.25 <= aspect_ratio <= 4:
        raise InvalidQuery("aspect_ratio must be between 0.25 and 4", "aspect_ratio")
    safe_src = html.escape(src, quote=True)
    safe_title = html.escape(title, quote=True)
    frame = (
        f'<iframe src="{safe_src}" title="{safe_title}" loading="lazy" allowfullscreen '
        'referrerpolicy="no-referrer-when-downgrade" '
    )
    if height is not None:
        return frame + f'style="width:100%;height:{int(height)}px;border:0"></iframe>'
    padding = round(100 / aspect_ratio, 3)
    return (
        f'<div class="geo-events-map" style="position:relative;width:100%;height:0;padding-bottom:{padding}%;'
        'overflow:hidden">'
        + frame
        + 'style="position:absolute;top:0;left:0;width:100%;height:100%;border:0"></iframe></div>'
    )
