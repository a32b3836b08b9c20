"""1,000 generated malformed GeoJSON/CSV files → clear errors from `validate` and `import`, store unchanged.

Each case is run in-process through the real typer app (``geo_events.cli.app``) for speed; a handful
also run as real ``geo-events`` subprocesses to prove the console script behaves the same.
"""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import SEED_EVENTS, invoke
from .malformed import CSV_MUTATIONS, FEATURE_MUTATIONS, FILE_MUTATIONS, generate_cases

N_CASES = int(os.environ.get("GEO_EVENTS_BAD_FILES", "1000"))


def _store_state(folder: Path) -> dict[str, bytes]:
    """Every file of the store folder except the advisory lock (its existence is not data)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.endswith(".lock")}


def _problem(case_name: str, mutation: str, command: str, result, why: str) -> str:
    tail = (result.output or "")[-300:].replace("\n", " | ")
    return f"{case_name} [{mutation}] {command}: {why} (exit {result.exit_code}; {tail})"


def _check_clear_error(result, case, command: str) -> str | None:
    """A clear error: exit code 1 or 2, no exception escaped, no traceback, non-empty one-line messages."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return _problem(case.name, case.mutation, command, result, f"raised {type(result.exception).__name__}: "
                        f"{str(result.exception)[:200]}")  # fmt: skip
    if result.exit_code not in (1, 2):
        return _problem(case.name, case.mutation, command, result, "exit code is not 1 or 2")
    text = result.output
    if "Traceback" in text:
        return _problem(case.name, case.mutation, command, result, "printed a traceback")
    lines = [line for line in (result.stderr or "").splitlines() if line.strip()]
    if not lines:
        return _problem(case.name, case.mutation, command, result, "no error message on stderr")
    if any(len(line) > 2000 for line in lines):
        return _problem(case.name, case.mutation, command, result, "error line longer than 2000 characters")
    return None


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> list:
    folder = tmp_path_factory.mktemp("malformed")
    generated = []
    for case in generate_cases(N_CASES, seed=2026):
        path = folder / case.name
        path.write_bytes(case.data)
        generated.append((case, path))
    return generated


def test_generator_covers_every_mutation(cases) -> None:
    seen = collections.Counter(case.mutation for case, _ in cases)
    assert len(cases) == N_CASES
    if N_CASES >= 1000:
        expected = set(FEATURE_MUTATIONS) | set(FILE_MUTATIONS) | set(CSV_MUTATIONS)
        assert expected - set(seen) == set()


def test_validate_reports_every_malformed_file_clearly(cases) -> None:
    failures = []
    for case, path in cases:
        result = invoke(["validate", str(path)])
        why = _check_clear_error(result, case, "validate")
        if why is None and result.exit_code != 1:
            why = _problem(case.name, case.mutation, "validate", result, "invalid file not reported with exit 1")
        if why:
            failures.append(why)
    assert failures == [], f"{len(failures)} of {len(cases)} cases:\n" + "\n".join(failures[:40])


def test_validate_json_lists_problems_for_every_malformed_file(cases) -> None:
    import json

    failures = []
    for case, path in cases[:150]:
        result = invoke(["validate", str(path), "--json"])
        try:
            report = json.loads(result.stdout)
        except ValueError:
            failures.append(f"{case.name} [{case.mutation}]: --json output is not JSON: {result.output[-200:]!r}")
            continue
        if report.get("valid") is not False or not report.get("problems"):
            failures.append(f"{case.name} [{case.mutation}]: --json says valid or lists no problem")
    assert failures == [], "\n".join(failures[:40])


def test_import_rejects_every_malformed_file_and_leaves_the_store_unchanged(cases, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    store = store_dir / "events.geojson"
    shutil.copy(SEED_EVENTS, store)
    result = invoke(["store", "compact", "--store", str(store)])
    assert result.exit_code == 0, result.output
    before = _store_state(store_dir)
    failures = []
    for case, path in cases:
        result = invoke(["import", str(path), "--store", str(store)])
        why = _check_clear_error(result, case, "import")
        if why:
            failures.append(why)
        if _store_state(store_dir) != before:
            failures.append(f"{case.name} [{case.mutation}] import: the store changed")
            shutil.rmtree(store_dir)
            store_dir.mkdir()
            shutil.copy(SEED_EVENTS, store)
            invoke(["store", "compact", "--store", str(store)])
            before = _store_state(store_dir)
    assert failures == [], f"{len(failures)} of {len(cases)} cases:\n" + "\n".join(failures[:40])


def test_valid_file_is_accepted_by_the_same_commands(tmp_path: Path) -> None:
    """Control: the checks above are not passing because every file is rejected."""
    store = tmp_path / "events.geojson"
    assert invoke(["validate", str(SEED_EVENTS)]).exit_code == 0
    result = invoke(["import", str(SEED_EVENTS), "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    assert '"created": 1' in result.stdout


@pytest.mark.parametrize("index", [0, 7, 13, 21, 42, 99])
def test_real_subprocess_gives_one_line_errors(cases, index: int, tmp_path: Path) -> None:
    case, path = cases[index % len(cases)]
    cmd = [shutil.which("geo-events")] if shutil.which("geo-events") else [
        sys.executable, "-c", "from geo_events.cli import main; main()"]  # fmt: skip
    store = tmp_path / "events.geojson"
    for args in (["validate", str(path)], ["import", str(path), "--store", str(store)]):
        proc = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=60)
        assert proc.returncode in (1, 2), (case.mutation, proc.stderr)
        assert "Traceback" not in proc.stderr, (case.mutation, proc.stderr)
        assert proc.stderr.strip(), case.mutation
    assert not store.exists() or store.stat().st_size == 0 or invoke(["store", "info", "--store", str(store)])
