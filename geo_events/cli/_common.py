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
from geo_events.filters import FILTERS, FILTERS_BY_NAME, query_from_values
from geo_events.query import MAX_YEAR, MIN_YEAR, EventQuery, parse_date

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


def filter_option(name: str) -> Any:
    """The typer option of one ``/events`` filter, generated from its ``geo_events.filters.FILTERS`` row."""
    row = FILTERS_BY_NAME[name]
    kind = int if row.kind == "integer" else float if row.kind == "number" else str
    return Annotated[kind | None, typer.Option(row.option, help=f"{row.description} E.g. {row.example}.")]


# Filter options shared by export, map and other commands that select events (the rows with ``cli=True``).
BboxOpt = filter_option("bbox")
StartOpt = filter_option("start")
EndOpt = filter_option("end")
TypeOpt = filter_option("event_type")
ActorOpt = filter_option("actor")
CountryOpt = filter_option("country")
MinFatOpt = filter_option("min_fatalities")
QOpt = filter_option("q")
SubTypeOpt = filter_option("sub_event_type")
Admin1Opt = filter_option("admin1")
SourceOpt = filter_option("source")
GeoPrecisionOpt = filter_option("geo_precision")
DatePrecisionOpt = filter_option("date_precision")
#: The filters the command line takes (``--bbox``, ``--start``, …).
CLI_FILTERS: tuple[str, ...] = tuple(f.name for f in FILTERS if f.cli)


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
    **more: str | None,
) -> EventQuery:
    """Build and validate an ``EventQuery`` from CLI option values (raises ``InvalidQuery``); ``more`` holds
    the other ``cli`` filters by name (``sub_event_type=``, ``geo_precision=`` …)."""
    unknown = sorted(set(more) - set(CLI_FILTERS))
    if unknown:
        raise TypeError(f"not command-line filters: {', '.join(unknown)}")
    values = {"bbox": bbox, "start": start, "end": end, "event_type": event_type, "actor": actor,
              "country": country, "min_fatalities": min_fatalities, "q": q, **more}  # fmt: skip
    given = {name: value for name, value in values.items() if value != ""}  # an empty option is no filter
    return query_from_values(given, limit=limit).validate(max_limit=limit)


def parse_cli_date(value: str | None, name: str) -> date | None:
    """Parse an optional ``--date``-style option, failing with a one-line message."""
    if value is None:
        return None
    try:
        return parse_date(value, name)
    except InvalidQuery as err:
        fail(str(err))
