"""Dependencies point one way: importing the core library never loads the API or map stacks."""

from __future__ import annotations

import subprocess
import sys


def test_core_does_not_import_api_or_maps() -> None:
    code = (
        "import sys, geo_events, geo_events.store, geo_events.formats, geo_events.validate; "
        "bad = [m for m in ('fastapi', 'folium', 'api', 'maps', 'starlette') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
