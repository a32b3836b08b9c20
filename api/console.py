"""The ``geo-events`` console script: the core command line plus ``map`` and ``serve``, with plain imports.

This module sits outside ``geo_events/`` on purpose: it is where the three packages meet. The library's own
CLI (``geo_events.cli``) never imports ``api/`` or ``maps/``; this module adds their commands to a core app,
so ``geo-events --help`` lists every command. Run it as ``geo-events`` (``[project.scripts]``) or
``python -m api.console``.
"""

from __future__ import annotations

import typer

from api.cli import register as register_serve
from geo_events.cli import make_app, run
from maps.cli import register as register_map

#: Every ``geo-events`` command: the core ones, then ``map`` and ``serve``.
app: typer.Typer = make_app(register_map, register_serve)


def main() -> None:
    """Console-script entry point of ``geo-events``."""
    run(app)


__all__ = ["app", "main"]

if __name__ == "__main__":
    main()
