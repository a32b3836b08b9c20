"""The ``geo-events`` command line: core commands live in this package, others come from plugins.

Every module of this package that defines ``register(app)`` adds its commands. Commands that need the
API or the map renderer (``serve``, ``map``) are registered by ``api/`` and ``maps/`` through the
``geo_events.commands`` entry-point group, so the core library never imports them.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from importlib.metadata import entry_points

import typer

from geo_events.cli._common import fail

app = typer.Typer(
    name="geo-events",
    help=(
        "Turn conflict reporting into GeoJSON events, control zones, an API and maps.\n\n"
        "Examples:\n\n"
        "  geo-events serve                       # API + map on the bundled seed data\n\n"
        '  geo-events geocode "Deir Ezzor" --date 2018-02-07 --json\n\n'
        "  geo-events export --format csv --out events.csv --start 2018-02-01\n\n"
        "  geo-events validate seeds/events.geojson"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from geo_events import __version__

        print(f"geo-events {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn conflict reporting into GeoJSON events, control zones, an API and maps."""


def _register_all() -> None:
    package = sys.modules[__name__]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
    for entry in entry_points(group="geo_events.commands"):
        try:
            entry.load()(app)
        except ImportError as err:  # an optional part is missing: the command explains itself when called
            _register_unavailable(entry.name, str(err))


def _register_unavailable(name: str, reason: str) -> None:
    def unavailable() -> None:
        fail(f"command {name!r} is unavailable ({reason}); reinstall with `pip install -e .`")

    app.command(name, help=f"(unavailable: {reason})", hidden=True)(unavailable)


_register_all()


def main() -> None:
    """Console-script entry point: usage errors (a missing option, a bad value) are one line on stderr."""
    try:
        code = app(standalone_mode=False)
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


def _is_usage_error(err: BaseException) -> bool:
    """True for Click's ``UsageError`` family (Typer vendors Click in recent versions: match by name)."""
    return any(klass.__name__ == "UsageError" for klass in type(err).__mro__)


__all__ = ["app", "main"]
