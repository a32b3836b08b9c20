"""Pack events into the compact, pre-escaped JSON payload that the in-page event layer draws.

A map of 100,000 events cannot carry one Python-built marker (or one HTML popup) per event. Instead the
events become columns (lon, lat, day, type, fatalities, precision …) plus one table of unique strings and
one table of unique sources; the browser builds each popup only when it is clicked.

Security: every string in the payload is HTML-escaped here with :func:`html.escape`, so the page script
can insert it as HTML without any article text ever becoming markup; source links are kept only for
``http``/``https`` URLs. The JSON itself is made safe to sit inside ``<script>`` (see :func:`script_json`).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import orjson

from geo_events.errors import DataError
from maps.styles import EVENT_TYPE_COLORS, UNKNOWN_COLOR, marker_radius

_EPOCH = date(1970, 1, 1).toordinal()
_SIDES = {"east": 1, "west": 2, "on_line": 3}
_KINDS = ("killed", "wounded", "captured", "other")


def escape_text(value: Any) -> str:
    """Return ``value`` as text safe to insert into HTML (quotes escaped too)."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(value: Any) -> str | None:
    """Return an escaped ``http(s)`` URL usable in an ``href``, or None for any other scheme."""
    if not value:
        return None
    text = str(value).strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https") or any(ch in text for ch in "\x00\r\n\t"):
        return None
    return html.escape(text, quote=True)


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that cannot close or break out of a ``<script>`` element."""
    text = orjson.dumps(value).decode("utf-8")
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def day_number(value: Any) -> int:
    """Return the day number (days since 1970-01-01) of an ISO date string or ``date``."""
    if isinstance(value, date):
        return value.toordinal() - _EPOCH
    return date.fromisoformat(str(value)[:10]).toordinal() - _EPOCH


class _Strings:
    """A table of unique escaped strings; ``ref`` returns the index (or -1 for empty)."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, value: Any) -> int:
        if value is None or value == "":
            return -1
        text = str(value)
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self.values)
            self.values.append(escape_text(text))
        return found


def _point(feature: dict[str, Any], position: int) -> tuple[float, float]:
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") if geometry.get("type") == "Point" else None
    try:
        lon, lat = float(coordinates[0]), float(coordinates[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError) as err:
        raise DataError(f"event {position} has no usable Point geometry") from err
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise DataError(f"event {position} has coordinates out of range: {lon}, {lat}")
    return lon, lat


def encode_events(features: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the compact payload of ``features`` (GeoJSON event Features) for the page's event layer.

    Parameters
    ----------
    features : list of dict
        Event Features (``geo_events.models.Event`` shape); only the Point and the properties are read.

    Returns
    -------
    dict
        ``{"types", "colors", "strings", "sources", "lon", "lat", "day", "type", "fat", "radius", "prec",
        "detail"}``; ``detail[i]`` holds per-event string references, claims and source references.

    Raises
    ------
    geo_events.errors.DataError
        When a feature has no usable Point geometry or an unreadable ``event_date``.
    """
    strings = _Strings()
    types: list[str] = list(EVENT_TYPE_COLORS)
    type_index = {name: i for i, name in enumerate(types)}
    sources: list[list[Any]] = []
    source_index: dict[tuple, int] = {}
    columns: dict[str, list[Any]] = {k: [] for k in ("lon", "lat", "day", "type", "fat", "radius", "prec")}
    detail: list[list[Any]] = []
    for position, feature in enumerate(features):
        lon, lat = _point(feature, position)
        props = feature.get("properties") or {}
        try:
            day = day_number(props.get("event_date"))
        except (TypeError, ValueError) as err:
            raise DataError(f"event {position} has no readable event_date") from err
        event_type = str(props.get("event_type") or "Unknown")
        if event_type not in type_index:
            type_index[event_type] = len(types)
            types.append(event_type)
        fatalities = int(props.get("fatalities_best") or 0)
        columns["lon"].append(round(lon, 5))
        columns["lat"].append(round(lat, 5))
        columns["day"].append(day)
        columns["type"].append(type_index[event_type])
        columns["fat"].append(fatalities)
        columns["radius"].append(marker_radius(fatalities))
        columns["prec"].append(int(props.get("geo_precision") or 1))
        local_sources: dict[str, int] = {}
        for source in props.get("sources") or []:
            key = (source.get("id"), source.get("publisher"), source.get("title"), source.get("url"))
            ref = source_index.get(key)
            if ref is None:
                ref = source_index[key] = len(sources)
                sources.append(
                    [
                        strings.ref(source.get("publisher")),
                        strings.ref(source.get("title")),
                        safe_url(source.get("url")),
                        strings.ref(source.get("published")),
                    ]
                )
            local_sources[str(source.get("id"))] = ref
        claims = []
        for claim in props.get("claims") or []:
            kind = claim.get("kind") if claim.get("kind") in _KINDS else "other"
            claims.append(
                [
                    strings.ref(claim.get("claimant")),
                    _KINDS.index(kind),
                    claim.get("low"),
                    claim.get("high"),
                    1 if claim.get("vague") else 0,
                    strings.ref(claim.get("detail")),
                    local_sources.get(str(claim.get("source_id")), -1),
                ]
            )
        detail.append(
            [
                strings.ref(props.get("id") or feature.get("id")),
                strings.ref(props.get("location")),
                strings.ref(props.get("admin1")),
                strings.ref(props.get("country")),
                strings.ref(props.get("sub_event_type")),
                strings.ref(props.get("date_precision")),
                strings.ref(props.get("actor1")),
                strings.ref(props.get("actor2")),
                [strings.ref(a) for a in props.get("assoc_actors") or []],
                [int(props.get("fatalities_low") or 0), int(props.get("fatalities_high") or 0)],
                strings.ref(props.get("control_zone")),
                _SIDES.get(str(props.get("side_of_line")), 0),
                strings.ref(props.get("notes")),
                claims,
                sorted(set(local_sources.values())),
            ]
        )
    return {
        "types": [escape_text(t) for t in types],
        "colors": [EVENT_TYPE_COLORS.get(t, UNKNOWN_COLOR) for t in types],
        "kinds": list(_KINDS),
        "strings": strings.values,
        "sources": sources,
        **columns,
        "detail": detail,
    }
