"""Pydantic models of the API's JSON bodies (requests and non-GeoJSON responses), used in OpenAPI."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    """Every error response: a one-line message and the parameter it concerns."""

    detail: str = Field(description="What went wrong, in one line.", examples=["bbox must have 4 numbers"])
    field: str | None = Field(
        default=None, description="The offending parameter or body field.", examples=["bbox"]
    )


class Link(BaseModel):
    """An OGC/Web link."""

    href: str
    rel: str
    type: str | None = None
    title: str | None = None


class Health(BaseModel):
    """Liveness and a little about the data served."""

    status: Literal["ok"] = "ok"
    version: str
    events: int = Field(description="Number of events in the store.")
    store_backend: str


class ArticleIn(BaseModel):
    """An article to extract events from and merge into the store (``POST /articles``)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(
        min_length=1,
        max_length=200_000,
        description=(
            "Plain text of the article (HTML is stripped). At most 200,000 characters per article so one request "
            "cannot tie up a worker; split longer documents or use `geo-events ingest`."
        ),
    )
    published: date | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD); anchors relative dates like 'Wednesday'. Optional: without it "
        "dates come from the text (its latest full date anchors relative ones).",
    )
    publisher: str | None = Field(default=None, max_length=300, description="Outlet, e.g. 'The New Arab'.")
    title: str | None = Field(default=None, max_length=1000, description="Headline.")
    url: str | None = Field(default=None, max_length=2000, description="Where the article was published.")

    model_config["json_schema_extra"] = {
        "examples": [
            {
                "text": (
                    "US-led coalition strikes near Khasham in Deir ez-Zor killed about 100 "
                    "pro-government fighters on Wednesday."
                ),
                "published": "2018-02-08",
                "publisher": "Example Wire",
                "title": "Coalition strikes near Khasham",
                "url": "https://example.org/khasham",
            }
        ]
    }


class IngestedEvent(BaseModel):
    """One event the article produced and what happened to it in the store."""

    id: str = Field(description="Event id (stable across re-ingests).")
    action: Literal["created", "merged", "unchanged"]
    event_date: date | None = None
    location: str | None = None
    href: str | None = Field(default=None, description="URL of the event (GET /events/{id}).")


class IngestResponse(BaseModel):
    """What ``POST /articles`` did."""

    events: list[IngestedEvent]
    created: int
    merged: int
    unchanged: int


# ---------------------------------------------------------------------------------- OpenAPI response docs
_LINKS = {"type": "array", "items": {"type": "object", "required": ["href", "rel"]}}
#: JSON Schema of a GeoJSON Feature as served (any geometry, any properties).
FEATURE_SCHEMA: dict = {
    "type": "object",
    "required": ["type", "geometry", "properties"],
    "properties": {
        "type": {"type": "string", "enum": ["Feature"]},
        "id": {"type": ["string", "integer"]},
        "geometry": {"type": ["object", "null"]},
        "properties": {"type": ["object", "null"]},
        "links": _LINKS,
    },
}
#: JSON Schema of a (paged) GeoJSON FeatureCollection as served.
FEATURE_COLLECTION_SCHEMA: dict = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": FEATURE_SCHEMA},
        "numberMatched": {"type": "integer", "minimum": 0},
        "numberReturned": {"type": "integer", "minimum": 0},
        "timeStamp": {"type": "string", "format": "date-time"},
        "links": _LINKS,
    },
}
#: Errors are always ``application/json`` (also on routes whose success answer is GeoJSON or CSV).
_ERROR = {"content": {"application/json": {"schema": ErrorBody.model_json_schema()}}}
#: Error answers every route may give (router-level ``responses``); replaces FastAPI's default 422 schema.
ERROR_RESPONSES: dict = {
    400: {**_ERROR, "description": "A query or path parameter is invalid; `field` names it."},
    404: {**_ERROR, "description": "No such event, feature, collection or place."},
    422: {**_ERROR, "description": "The request body is malformed or a body field is invalid."},
    503: {
        **_ERROR,
        "description": "The store is busy, or an optional part (gazetteer, zones, extraction) is missing.",
    },
}


def geojson_response(description: str, schema: dict = FEATURE_COLLECTION_SCHEMA) -> dict:
    """Return an OpenAPI ``responses`` entry for a 200 answered with ``application/geo+json``."""
    return {200: {"description": description, "content": {"application/geo+json": {"schema": schema}}}}


def json_response(description: str, schema: dict | None = None) -> dict:
    """Return an OpenAPI ``responses`` entry for a 200 answered with a JSON object."""
    return {
        200: {
            "description": description,
            "content": {"application/json": {"schema": schema or {"type": "object"}}},
        }
    }


__all__ = [
    "ERROR_RESPONSES",
    "FEATURE_COLLECTION_SCHEMA",
    "FEATURE_SCHEMA",
    "ArticleIn",
    "ErrorBody",
    "Health",
    "IngestResponse",
    "IngestedEvent",
    "Link",
    "geojson_response",
    "json_response",
]
