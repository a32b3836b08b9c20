"""Schemathesis with ``--checks all`` on EVERY operation of ``/openapi.json`` (issue 20), on a live server.

Every check of every generated case is read from schemathesis' NDJSON report (so one allowed failure
cannot hide another of the same check on the same operation). The only failures allowed are rules
between parameters that a schema cannot state, answered 400 by design: a minimum above its maximum
(fatalities, bbox corners), a start after its end, a sub-event type of another event type, lat without
lon, a place name the gazetteer does not know, and a time-map parameter (step) on an embed of another
map. Fixed seed, deterministic generation, one worker.
``GEO_EVENTS_FUZZ_EXAMPLES`` (default 3) sets the examples per operation.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.hardening.helpers import SEED_EVENTS

EXAMPLES = int(os.environ.get("GEO_EVENTS_FUZZ_EXAMPLES", "3"))
BY_DESIGN = ("is greater than", "is after", "after it ends", "belongs to", "give lat and lon", "no place called",
             "is for the time map")  # /maps/embed: step only with map=timeline


def _failures(report: Path) -> tuple[int, int, set[str], list[str]]:
    """Return (requests, checks, operations, failures not by design) from an NDJSON report."""
    requests = checks = 0
    operations: set[str] = set()
    unexpected: list[str] = []
    for line in report.read_text(encoding="utf-8").splitlines():
        if not line.startswith('{"ScenarioFinished"'):
            continue
        recorder = json.loads(line)["ScenarioFinished"]["recorder"]
        operations.add(recorder["label"])
        interactions = recorder.get("interactions") or {}
        requests += len(interactions)
        for case_id, results in (recorder.get("checks") or {}).items():
            checks += len(results)
            response = (interactions.get(case_id) or {}).get("response") or {}
            content = response.get("content") or {}
            body = base64.b64decode(content["$base64"]).decode("utf-8", "replace") if "$base64" in content else ""
            for result in results:
                if result["status"] != "failure":
                    continue
                allowed = (result["name"] == "positive_data_acceptance" and response.get("status_code") == 400
                           and any(rule in body for rule in BY_DESIGN))
                if not allowed:
                    uri = (interactions.get(case_id) or {}).get("request", {}).get("uri", "")
                    unexpected.append(f"{recorder['label']} {result['name']} {response.get('status_code')} "
                                      f"{body[:200]} {uri[-200:]}")
    return requests, checks, operations, unexpected


@pytest.mark.skipif(shutil.which("schemathesis") is None and shutil.which("st") is None,
                    reason="schemathesis CLI not installed")
def test_every_operation_passes_every_schemathesis_check(tmp_path: Path, live_server_class) -> None:
    store = tmp_path / "events.geojson"
    shutil.copy(SEED_EVENTS, store)
    server = live_server_class(store, {"GEO_EVENTS_API_KEY": "fuzz-key", "GEO_EVENTS_FLUSH_SECONDS": "0"})
    report = tmp_path / "report.ndjson"
    try:
        spec = tmp_path / "openapi.json"
        spec.write_bytes(httpx.get(server.url + "/openapi.json", timeout=120, trust_env=False).content)
        command = [shutil.which("schemathesis") or shutil.which("st"), "run", str(spec), "--url", server.url,
                   "--checks", "all", "--max-examples", str(EXAMPLES), "--seed", "20", "--no-color",
                   "--generation-deterministic", "-w", "1", "--continue-on-failure",
                   "--report", "ndjson", "--report-ndjson-path", str(report), "-H", "X-API-Key: fuzz-key"]
        env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    finally:
        server.close()
    output = result.stdout + result.stderr
    assert "Failed to load specification" not in output, output[-2000:]
    requests, checks, operations, unexpected = _failures(report)
    documented = {f"{method.upper()} {path}" for path, methods in json.loads(spec.read_text())["paths"].items()
                  for method in methods}
    assert documented <= operations, documented - operations  # every operation was tested
    assert unexpected == [], "\n".join(unexpected[:30])
    assert requests > 20 * len(documented) and checks > requests
    print(f"schemathesis: {len(documented)} operations, {requests} requests, {checks} checks, 0 failures")
