"""The core ``geo-events`` command line: the commands of the ``geo_events`` library, with plain imports.

``make_app()`` builds the typer app from the command modules of this package (each has ``register(app)``).
The commands that need the web or map stack (``serve``, ``map``) are not here: the ``geo-events`` console
script is ``api.console:main``, which adds them to a core app, so the library never imports ``api/`` or
``maps/`` (dependencies point one way, also at run time). ``app`` and ``main`` are the core CLI alone.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from geo_events.cli import data, db, extract, geocode, store, zone_history
from geo_events.cli._common import fail

#: Command modules in the order their commands are listed by ``--help``.
COMMAND_MODULES = (data, db, extract, geocode, store, zone_history)

HELP = (
    "Turn conflict reporting into GeoJSON events, control zones, an API and maps.\n\n"
    "Examples:\n\n"
    "  geo-events serve                       # API + map on the bundled seed data\n\n"
    '  geo-events geocode "Deir Ezzor" --date 2018-02-07 --json\n\n'
    "  geo-events export --format csv --out events.csv --start 2018-02-01\n\n"
    "  geo-events validate seeds/events.geojson"
)


def _version(value: bool) -> None:
    if value:
        from geo_events import __version__

        print(f"geo-events {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn conflict reporting into GeoJSON events, control zones, an API and maps."""


def make_app(*extra: Callable[[typer.Typer], None]) -> typer.Typer:
    """Return a new ``geo-events`` typer app with the core commands, then those each ``extra`` registers.

    Parameters
    ----------
    *extra
        ``register(app)`` functions of other packages (``maps.cli.register``, ``api.cli.register``),
        called after the core modules' own, in order.
    """
    application = typer.Typer(
        name="geo-events",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(_root)
    for module in COMMAND_MODULES:
        module.register(application)
    for register in extra:
        register(application)
    return application


#: The core CLI (no ``serve``/``map``); the console script's full app is ``api.console.app``.
app = make_app()


def run(application: typer.Typer) -> None:
    """Run ``application`` as a console script: usage errors (a missing option, a bad value) are one line."""
    try:
        code = application(standalone_mode=False)
    except KeyboardInterrupt:
        fail("interrupted", code=130)
    except Exception as err:  # noqa: BLE001 - only Click's usage errors are handled here, the rest re-raised
        if not _is_usage_error(err):
            raise
        if type(err).__name__ == "NoArgsIsHelpError" or not hasattr(err, "format_message"):
            err.show()  # type: ignore[attr-defined]  # `geo-events` alone: the help, as before
            raise SystemExit(getattr(err, "exit_code", 2)) from None
        context = getattr(err, "ctx", None)
        where = f" (see `{context.command_path} --help`)" if context is not None else ""
        fail(f"{err.format_message()}{where}", code=getattr(err, "exit_code", 2))
    if isinstance(code, int) and code:
        raise SystemExit(code)


def main() -> None:
    """Run the core CLI (``python -c "from geo_events.cli import main; main()"``); see ``api.console``."""
    run(app)


def _is_usage_error(err: BaseException) -> bool:
    """True for Click's ``UsageError`` family (Typer vendors Click in recent versions: match by name)."""
    return any(klass.__name__ == "UsageError" for klass in type(err).__mro__)


__all__ = ["COMMAND_MODULES", "app", "main", "make_app", "run"]
