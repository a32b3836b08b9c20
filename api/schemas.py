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

    text: str = Field(min_length=1, max_length=2_000_000, description="Plain text of the article.")
    published: date = Field(
        description="Publication date (YYYY-MM-DD); anchors relative dates like 'Wednesday'."
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


__all__ = ["ArticleIn", "ErrorBody", "Health", "IngestResponse", "IngestedEvent", "Link"]
