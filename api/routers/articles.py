"""``POST /articles``: extract events from an article, merge them into the store, report what happened.

Needs ``X-API-Key``. Extraction and merging are the library's (``geo_events.ingest.ingest_article``),
loaded lazily through ``IngestDep`` so tests can swap it and the app starts without it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Annotated, Any

import re
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator, Field

from api import schemas
from api.deps import ApiKeyDep, StoreDep
from api.errors import ServiceUnavailable
from api.schemas import ERROR_RESPONSES, ErrorBody, IngestedEvent, IngestResponse
from geo_events.query import DAY_PATTERN, MAX_YEAR, MIN_YEAR, parse_date

router = APIRouter(tags=["articles"], responses=ERROR_RESPONSES)



def _published(value: Any) -> date | None:
    """Parse ``published`` with the one date parser (a string only: a JSON ``0`` is not a date); null is allowed."""
    if value is None:
        return None
    return parse_date(value, "published", allow_time=False)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NO_CONTROL = "^[^\\u0000-\\u001f\\u007f]*$"


def _published_schema(schema: dict[str, Any]) -> None:
    for branch in schema.get("anyOf", [schema]):  # a date string in the supported years, or null
        if branch.get("type") == "string":
            branch["pattern"] = DAY_PATTERN


def _no_control(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def _no_nul(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class ArticleIn(schemas.ArticleIn):
    """An article to extract events from and merge into the store (``POST /articles``)."""

    text: Annotated[str, BeforeValidator(_no_nul)] = Field(
        min_length=1,
        max_length=200_000,
        json_schema_extra={"pattern": "^[^\\u0000]*[^\\s\\u0000\\u001c-\\u001f\\u0085][^\\u0000]*$"},
        description=schemas.ArticleIn.model_fields["text"].description,
    )
    publisher: Annotated[str | None, BeforeValidator(_no_control)] = Field(
        default=None, max_length=300, json_schema_extra={"pattern": _NO_CONTROL},
        description="Outlet, e.g. 'The New Arab'.",
    )  # fmt: skip
    title: Annotated[str | None, BeforeValidator(_no_control)] = Field(
        default=None, max_length=1000, json_schema_extra={"pattern": _NO_CONTROL}, description="Headline."
    )
    url: Annotated[str | None, BeforeValidator(_no_control)] = Field(
        default=None, max_length=2000, json_schema_extra={"pattern": _NO_CONTROL},
        description="Where the article was published.",
    )  # fmt: skip
    published: Annotated[date | None, BeforeValidator(_published)] = Field(
        default=None,
        json_schema_extra=_published_schema,
        description=(
            f"Publication date (YYYY-MM-DD, a string, years {MIN_YEAR}–{MAX_YEAR}); anchors relative "
            "dates like 'Wednesday'. Optional: without it dates come from the text."
        )
    )


IngestFunction = Callable[..., list[dict[str, Any]]]


def _ingest_article(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    try:
        module = importlib.import_module("geo_events.ingest")
    except ModuleNotFoundError as err:
        if err.name and "geo_events.ingest".startswith(err.name):
            raise ServiceUnavailable("article extraction is not available on this server") from err
        raise
    return module.ingest_article(*args, **kwargs)


def ingest_service() -> IngestFunction:
    """Return ``geo_events.ingest.ingest_article`` (imported on first call; overridable in tests)."""
    return _ingest_article


IngestDep = Annotated[IngestFunction, Depends(ingest_service)]


@router.post(
    "/articles",
    dependencies=[ApiKeyDep],
    response_model=IngestResponse,
    status_code=201,
    responses={
        200: {"model": IngestResponse, "description": "Nothing new: every event was already stored."},
        401: {"model": ErrorBody, "description": "No X-API-Key header."},
        403: {"model": ErrorBody, "description": "Wrong key, or writes disabled (no key configured)."},
        413: {"model": ErrorBody, "description": "Body larger than the server's cap (5 MB by default)."},
        422: {"model": ErrorBody, "description": "Malformed JSON or a bad field; `field` names it."},
    },
    summary="Ingest an article (needs X-API-Key)",
)
def post_article(request: Request, article: ArticleIn, store: StoreDep, ingest: IngestDep) -> Any:
    """Extract events from the article, merge them with stored events and say which were created or merged.

    Answers 201 when at least one event was created, else 200. Re-posting the same article changes nothing
    (every event comes back `unchanged`).
    """
    results = ingest(
        store,
        article.text,
        article.published,
        publisher=article.publisher,
        title=article.title,
        url=article.url,
    )
    events = []
    for item in results:
        event_id = str(item["id"])
        events.append(
            IngestedEvent(
                id=event_id,
                action=item.get("action", "created"),
                event_date=item.get("event_date"),
                location=item.get("location"),
                href=str(request.url_for("get_event", event_id=event_id)),
            )
        )
    body = IngestResponse(
        events=events,
        created=sum(e.action == "created" for e in events),
        merged=sum(e.action == "merged" for e in events),
        unchanged=sum(e.action == "unchanged" for e in events),
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=201 if body.created else 200)


__all__ = ["IngestDep", "ingest_service", "router"]
