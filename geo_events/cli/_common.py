"""Helpers shared by CLI commands: one-line errors with exit codes, JSON output, common filter options."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from geo_events.errors import GeoEventsError, InvalidQuery
from geo_events.query import MAX_YEAR, MIN_YEAR, EventQuery, parse_bbox, parse_date

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 ok, 1 nothing found / data invalid, 2 bad input or failure.
EXIT_NOT_FOUND = 1
EXIT_ERROR = 2


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """Print ``geo-events: error: <message>`` on one line to stderr and exit with ``code``."""
    one_line = " ".join(str(message).split())
    print(f"geo-events: error: {one_line}", file=sys.stderr)
    raise SystemExit(code)


def handle_errors(func: F) -> F:
    """Turn library errors into one-line messages and a non-zero exit code (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BrokenPipeError:  # e.g. `geo-events zones --json | head`: the reader left, not an error
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(0) from None
        except GeoEventsError as err:
            field = getattr(err, "field", None)
            fail(f"{field}: {err}" if field and field not in str(err) else str(err))
        except FileNotFoundError as err:
            fail(f"file not found: {err.filename}")
        except (IsADirectoryError, PermissionError) as err:
            fail(f"cannot read {err.filename}: {err.strerror}")
        except UnicodeDecodeError:
            fail("input is not UTF-8 text")
        except OverflowError as err:  # date arithmetic at the calendar's edge: bad input, not a crash
            fail(f"a date is out of range ({err}); use dates between {MIN_YEAR} and {MAX_YEAR}")
        except (ValueError, OSError) as err:
            fail(str(err))

    return wrapper  # type: ignore[return-value]


def print_json(value: Any) -> None:
    """Print a JSON document to stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


# Filter options shared by export, map and other commands that select events.
BboxOpt = Annotated[
    str | None, typer.Option(help="minx,miny,maxx,maxy in WGS84 lon/lat, e.g. 40,34.5,41,35.5")
]
StartOpt = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")]
EndOpt = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")]
TypeOpt = Annotated[str | None, typer.Option("--event-type", help="ACLED event type, e.g. 'Battles'.")]
ActorOpt = Annotated[str | None, typer.Option(help="Text matched against actor1, actor2 and assoc_actors.")]
CountryOpt = Annotated[str | None, typer.Option(help="Country name or ISO3 code.")]
MinFatOpt = Annotated[int | None, typer.Option("--min-fatalities", help="Smallest fatalities_best.")]
QOpt = Annotated[str | None, typer.Option("--q", help="Free-text search in all fields.")]


def build_query(
    bbox: str | None = None,
    start: str | None = None,
    end: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    min_fatalities: int | None = None,
    q: str | None = None,
    limit: int = 10_000_000,
) -> EventQuery:
    """Build and validate an ``EventQuery`` from CLI option values (raises ``InvalidQuery``)."""
    query = EventQuery(
        bbox=parse_bbox(bbox) if bbox else None,
        start=parse_date(start, "start") if start else None,
        end=parse_date(end, "end") if end else None,
        event_type=event_type,
        actor=actor,
        country=country,
        min_fatalities=min_fatalities,
        q=q,
        limit=limit,
    )
    return query.validate(max_limit=limit)


def parse_cli_date(value: str | None, name: str) -> date | None:
    """Parse an optional ``--date``-style option, failing with a one-line message."""
    if value is None:
        return None
    try:
        return parse_date(value, name)
    except InvalidQuery as err:
        fail(str(err))
