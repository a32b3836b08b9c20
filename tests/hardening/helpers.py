"""Helpers shared by the hardening tests: valid event factories, the crash harness, the CLI runner."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEED_EVENTS = ROOT / "seeds" / "events.geojson"


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` as a module (the scripts folder is not a package)."""
    module_name = f"geo_events_script_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def seed_feature() -> dict[str, Any]:
    """A deep copy of the hand-coded seed event."""
    return copy.deepcopy(json.loads(SEED_EVENTS.read_text(encoding="utf-8"))["features"][0])


def make_event(event_id: str, **props: Any) -> dict[str, Any]:
    """A small valid event Feature; keyword arguments override properties (``lon``/``lat`` move it)."""
    lon = props.pop("lon", 40.28916)
    lat = props.pop("lat", 35.30088)
    properties = {
        "id": event_id,
        "event_date": "2018-02-07",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Syrian Democratic Forces",
        "actor2": "ISIS",
        "location": "Hajin",
        "admin1": "Deir ez-Zor",
        "country": "Syria",
        "iso3": "SYR",
        "fatalities_best": 0,
        "fatalities_low": 0,
        "fatalities_high": 0,
    }
    properties.update(props)
    return {"type": "Feature", "id": event_id, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}  # fmt: skip


def cli_runner() -> Any:
    """A typer CliRunner that keeps stderr apart from stdout."""
    from typer.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        return CliRunner()


def invoke(args: list[str]) -> Any:
    """Run ``geo-events ARGS`` in-process and return the click Result."""
    from geo_events.cli import app

    return cli_runner().invoke(app, args, catch_exceptions=True)
