"""``POST /articles``: extract events from an article, merge them into the store, report what happened.

Needs ``X-API-Key``. Extraction and merging are the library's (``geo_events.ingest.ingest_article``),
loaded lazily through ``IngestDep`` so tests can swap it and the app starts without it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Annotated, Any

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator, Field

from api import schemas
from api.deps import ApiKeyDep, StoreDep
from api.errors import ServiceUnavailable
from api.schemas import ERROR_RESPONSES, ErrorBody, IngestedEvent, IngestResponse
from geo_events.query import MAX_YEAR, MIN_YEAR, parse_date

router = APIRouter(tags=["articles"], responses=ERROR_RESPONSES)



def _published(value: Any) -> date:
    """Parse ``published`` with the one date parser (a string only: a JSON ``0`` is not a date)."""
    return parse_date(value, "published")


class ArticleIn(schemas.ArticleIn):
    """An article to extract events from and merge into the store (``POST /articles``)."""

    published: Annotated[date, BeforeValidator(_published)] = Field(
        description=(
            f"Publication date (YYYY-MM-DD, a string, years {MIN_YEAR}–{MAX_YEAR}); anchors relative "
            "dates like 'Wednesday'."
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
