"""Schemathesis driver: fuzz every operation of the API's own /openapi.json and tabulate what each check finds.

Used by ``test_api_fuzz.py`` and runnable for the figures in docs/reliability.md::

    python -m tests.hardening.api_fuzz 100     # examples per operation
"""

from __future__ import annotations

import collections
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .helpers import SEED_EVENTS

API_KEY = "hardening-test-key-" + "x" * 24
#: Text that must never appear in an error body (stack traces, server paths, exception class names).
LEAK_MARKERS = ("Traceback", 'File "', "/site-packages/", "/work/", "/tmp/", "pydantic_core", "Error:\n")


@dataclass
class FuzzReport:
    """What the fuzzing of all operations found."""

    operations: int = 0
    requests: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    server_errors: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    check_failures: dict[str, dict[str, str]] = field(default_factory=lambda: collections.defaultdict(dict))

    def failing(self, check: str) -> dict[str, str]:
        """Operation label → first failure message of one check."""
        return {op: msgs[check] for op, msgs in self.check_failures.items() if check in msgs}


def build_app(folder: Path, env: Any = os.environ) -> Any:
    """An API app on a seeded store in ``folder``, with writes enabled by ``API_KEY``.

    ``env`` receives the settings (pass a pytest ``MonkeyPatch`` to have them undone after the test).
    """
    from geo_events.settings import get_settings

    setenv = env.setenv if hasattr(env, "setenv") else env.__setitem__
    setenv("GEO_EVENTS_API_KEY", API_KEY)
    setenv("GEO_EVENTS_STORE", str(folder / "events.geojson"))
    get_settings.cache_clear()
    shutil.copy(SEED_EVENTS, folder / "events.geojson")
    from api.main import create_app

    return create_app(folder / "events.geojson")


def _checks() -> dict[str, Any]:
    from schemathesis import checks

    return {
        "not_a_server_error": checks.not_a_server_error,
        "response_schema_conformance": checks.response_schema_conformance,
        "status_code_conformance": checks.status_code_conformance,
        "content_type_conformance": checks.content_type_conformance,
    }


def fuzz(app: Any, examples: int, seed: int = 0) -> FuzzReport:
    """Send ``examples`` generated requests to every operation; run the checks on every response."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    report = FuzzReport()
    checks = _checks()
    for result in schema.get_all_operations():
        operation = result.ok()
        report.operations += 1
        label = operation.label

        @hypothesis_seed(seed)
        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            # every other write request carries the key, so both the auth wall and ingestion get fuzzed
            headers = {"X-API-Key": API_KEY} if case.method != "GET" and report.requests % 2 == 0 else None
            response = case.call(headers=headers)
            report.requests += 1
            report.statuses[response.status_code // 100 * 100] += 1
            body = response.content[:20000].decode("utf-8", "replace") if response.content else ""
            if response.status_code >= 500:
                report.server_errors.append(f"{label}: {response.status_code} {case.as_curl_command()} -> {body[:300]}")
            if response.status_code >= 400 and any(marker in body for marker in LEAK_MARKERS):
                report.leaks.append(f"{label}: {response.status_code} {body[:300]}")
            for name, check in checks.items():
                if name in report.check_failures[label]:
                    continue
                try:
                    case.validate_response(response, checks=[check])
                except (Exception, BaseExceptionGroup) as err:  # noqa: BLE001 - schemathesis failure groups
                    message = " ".join(str(err).split())[:400]
                    report.check_failures[label][name] = f"{case.as_curl_command()} :: {message}"

        run()
    return report


def main(argv: list[str]) -> int:
    """Print the fuzzing table (examples per operation from argv[1], default 100)."""
    examples = int(argv[1]) if len(argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        report = fuzz(build_app(Path(tmp)), examples)
    print(f"{report.operations} operations, {report.requests} requests, statuses {dict(report.statuses)}")
    print(f"server errors: {len(report.server_errors)}; error bodies leaking internals: {len(report.leaks)}")
    for check in _checks():
        failing = report.failing(check)
        print(f"{check}: {len(failing)} operations fail")
        for op, message in sorted(failing.items()):
            print(f"  {op}: {message[:300]}")
    for line in report.server_errors[:10] + report.leaks[:10]:
        print("  !", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
