"""Response classes and helpers that write GeoJSON fast (splicing stored JSON bytes) with OGC paging links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import JSONResponse

GEOJSON = "application/geo+json"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


class GeoJSONResponse(JSONResponse):
    """A response whose body is GeoJSON (``application/geo+json``)."""

    media_type = GEOJSON

    def render(self, content: Any) -> bytes:
        """Serialise dicts with orjson; pass bytes through untouched."""
        if isinstance(content, bytes):
            return content
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class FastJSONResponse(GeoJSONResponse):
    """A plain ``application/json`` response serialised with orjson."""

    media_type = "application/json"


def utc_timestamp() -> str:
    """Return the current UTC time as RFC 3339 (``2026-11-25T13:10:00Z``)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def paging_links(
    request: Request,
    offset: int,
    limit: int,
    number_matched: int | None,
    number_returned: int,
    media_type: str = GEOJSON,
) -> list[dict[str, Any]]:
    """Return ``self``, ``next`` (when more matches follow) and ``prev`` (when offset > 0) links.

    Every other query parameter of the request is kept, so following ``next`` pages through the same filter.
    """
    url = request.url
    links: list[dict[str, Any]] = [
        {"href": str(url), "rel": "self", "type": media_type, "title": "this page"}
    ]
    more = (
        offset + number_returned < number_matched if number_matched is not None else number_returned >= limit
    )
    if more and number_returned > 0:
        next_url = url.include_query_params(offset=offset + number_returned, limit=limit)
        links.append({"href": str(next_url), "rel": "next", "type": media_type, "title": "next page"})
    if offset > 0:
        prev_url = url.include_query_params(offset=max(0, offset - limit), limit=limit)
        links.append({"href": str(prev_url), "rel": "prev", "type": media_type, "title": "previous page"})
    return links


def feature_collection_bytes(
    raw_features: Sequence[bytes],
    number_matched: int | None,
    links: list[dict[str, Any]],
    extra: dict[str, Any] | None = None,
) -> bytes:
    """Return a FeatureCollection body, splicing already-serialised features in without re-parsing them."""
    head: dict[str, Any] = {"type": "FeatureCollection"}
    if extra:
        head.update(extra)
    if number_matched is not None:
        head["numberMatched"] = number_matched
    head["numberReturned"] = len(raw_features)
    head["timeStamp"] = utc_timestamp()
    head["links"] = links
    return orjson.dumps(head)[:-1] + b',"features":[' + b",".join(raw_features) + b"]}"


__all__ = [
    "CRS84",
    "GEOJSON",
    "FastJSONResponse",
    "GeoJSONResponse",
    "feature_collection_bytes",
    "paging_links",
    "utc_timestamp",
]
