"""The Dockerfile and docker-compose.yml (no Docker engine here: their structure is checked, and
scripts/check_wheel.sh runs what the image runs)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _instructions() -> list[str]:
    text = re.sub(r"\\\n", " ", DOCKERFILE)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_base_image_is_pinned_to_an_exact_release() -> None:
    (base,) = re.findall(r"ARG PYTHON_IMAGE=(\S+)", DOCKERFILE)
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-[a-z]+(@sha256:[0-9a-f]{64})?", base), base


def test_dependencies_are_installed_before_the_code_is_copied() -> None:
    """Code used to be copied before `pip install`: every edit reinstalled every dependency."""
    lines = _instructions()
    deps = next(i for i, line in enumerate(lines) if line.startswith("RUN") and "requirements.txt" in line)
    code = next(i for i, line in enumerate(lines) if line.startswith("COPY geo_events"))
    assert deps < code
    copies_before = [line for line in lines[:deps] if line.startswith("COPY")]
    assert copies_before == ["COPY pyproject.toml docker/constraints.txt ./"]
    assert "-c constraints.txt" in lines[deps]


def test_image_runs_the_wheel_as_an_unprivileged_user_without_geo_events_seeds() -> None:
    lines = _instructions()
    assert "GEO_EVENTS_SEEDS" not in DOCKERFILE.split("# ---- dependencies")[1]
    assert any(line.startswith("RUN pip install --no-deps /wheels/") for line in lines)
    user = max(i for i, line in enumerate(lines) if line.startswith("USER "))
    assert lines[user] == "USER geo" and lines[-1].startswith("CMD") and user < len(lines) - 1


def test_constraints_pin_every_runtime_dependency() -> None:
    import tomllib

    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "docker" / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in deps}
    assert names <= pinned, sorted(names - pinned)


def test_compose_file_serves_the_image_with_a_volume_and_health_check() -> None:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert re.search(r"^  app:\n    build:", text, re.MULTILINE)  # the API, built from the Dockerfile
    assert "events:/data" in text and "healthcheck:" in text
    assert '"127.0.0.1:8000:8000"' in text  # published on loopback only unless changed


def test_dockerignore_keeps_the_venv_and_tests_out_of_the_context() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".git", "tests", "build", "dist"} <= set(ignored)
