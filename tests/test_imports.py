"""Dependencies point one way: every module of ``geo_events`` (the CLI included) imports without the web or map
stacks, and the console script that joins the three packages still lists every command."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import geo_events

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("fastapi", "starlette", "uvicorn", "folium", "branca", "api", "maps")

#: Imports every module found under geo_events/ (walked from the file system, so a new module is covered
#: without editing this test) and prints the count, then the forbidden modules that got loaded.
IMPORT_ALL = f"""
import importlib, pkgutil, sys
import geo_events
names = sorted(m.name for m in pkgutil.walk_packages(geo_events.__path__, "geo_events."))
for name in names:
    importlib.import_module(name)
print(len(names))
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {FORBIDDEN!r})))
"""


def test_every_geo_events_module_imports_without_api_maps_fastapi_or_folium() -> None:
    done = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    count, loaded = done.stdout.splitlines()
    expected = sum(1 for _ in pkgutil.walk_packages(geo_events.__path__, "geo_events."))
    assert int(count) == expected and expected > 50  # the walk really covered the package (CLI included)
    assert loaded == "", f"geo_events pulled in: {loaded}"


def test_the_core_cli_has_no_web_or_map_commands_and_the_console_script_has_all() -> None:
    code = (
        "import click, typer\n"
        "from geo_events.cli import app as core\n"
        "from api.console import app as full\n"
        "names = lambda app: sorted(typer.main.get_command(app).commands)\n"
        "print(' '.join(names(core)))\n"
        "print(' '.join(names(full)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    core, full = (line.split() for line in done.stdout.splitlines())
    assert "serve" not in core and "map" not in core and {"geocode", "export", "store", "zone-history"} <= set(core)
    assert sorted(full) == sorted([*core, "map", "serve"])


def test_console_script_help_lists_serve_and_map() -> None:
    script = Path(sys.executable).with_name("geo-events")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "api.console"]
    done = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=300,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed = {line.split()[1] for line in done.stdout.splitlines() if line.startswith("│ ") and len(line.split()) > 2}
    assert {"serve", "map", "geocode", "export", "zone-history"} <= listed, done.stdout


def test_the_lazy_public_names_match_their_type_checking_imports() -> None:
    """``geo_events.__init__`` loads its public names on first use; the plain imports for readers and type
    checkers under ``TYPE_CHECKING`` must name the same objects from the same modules."""
    import ast

    tree = ast.parse((ROOT / "geo_events" / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING")
    imported = {alias.name: node.module for node in block.body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert imported == geo_events._LAZY
    for name, module in imported.items():
        assert getattr(geo_events, name) is getattr(sys.modules[module], name)
