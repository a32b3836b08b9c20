"""Rows of the benchmark table, their Markdown rendering and the README section that holds the latest run.

A row is a plain dict with the keys every ``benchmarks/bench_*.py`` returns:
``what, ours, peer, ratio, target, note``. ``ours``/``peer`` are numbers (or strings such as ``"> 300"``
when a bounded peer ran out of time, or None when there is no peer); ``ratio`` is how many times better
ours is than the peer (> 1 means ours wins). Optional keys: ``unit`` (shown after the figures) and
``met`` (True/False/None: whether the target is met).
"""

from __future__ import annotations

import math
import os
import platform
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROW_KEYS = ("what", "ours", "peer", "ratio", "target", "note")
START_MARK = "<!-- benchmark-results:start -->"
END_MARK = "<!-- benchmark-results:end -->"


def load_average() -> str:
    """The 1-minute load average as text ("?" where the platform has none): other work slows wall times."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def make_row(
    what: str,
    ours: float | str | None,
    peer: float | str | None = None,
    *,
    unit: str = "",
    higher_is_better: bool = False,
    target: str = "",
    met: bool | None = None,
    note: str = "",
) -> dict[str, Any]:
    """Return one table row; ``ratio`` is computed so that > 1 always means ours is better.

    Parameters
    ----------
    what
        What is measured (figure and workload).
    ours, peer
        The two measurements in the same unit (None: not measured / no peer).
    unit
        Unit of ``ours`` and ``peer`` (``ms``, ``events/s``, ``MB`` …).
    higher_is_better
        True for throughputs (ratio = ours / peer), False for times and sizes (ratio = peer / ours).
    target
        The target from the issue, in words.
    met
        Whether the target is met (None: no target or not decidable).
    note
        Anything a reader needs to trust the figure (sample size, correctness checks, bounds).
    """
    return {
        "what": what,
        "ours": ours,
        "peer": peer,
        "ratio": ratio_of(ours, peer, higher_is_better),
        "target": target,
        "note": note,
        "unit": unit,
        "met": met,
    }


def ratio_of(ours: Any, peer: Any, higher_is_better: bool = False) -> float | str | None:
    """Return the speed-up of ours over the peer (or ``"> x"`` when the peer is a lower bound)."""
    lower_bound = isinstance(peer, str) and peer.startswith(">")
    try:
        ours_value = float(ours)
        peer_value = float(str(peer).lstrip("> ")) if peer is not None else None
    except (TypeError, ValueError):
        return None
    if peer_value is None or ours_value <= 0 or peer_value <= 0:
        return None
    value = ours_value / peer_value if higher_is_better else peer_value / ours_value
    return f"> {format_number(value)}" if lower_bound else value


def format_number(value: Any) -> str:
    """Format a figure for the table: 3 significant digits for small numbers, thousands separators."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        magnitude = abs(value)
        if magnitude >= 1000:
            return f"{value:,.0f}"
        if magnitude >= 100:
            return f"{value:.0f}"
        if magnitude >= 10:
            return f"{value:.1f}"
        if magnitude == 0:
            return "0"
        return f"{value:.3g}" if magnitude < 1 else f"{value:.2f}"
    return str(value)


def _cell(value: Any, unit: str = "") -> str:
    text = format_number(value)
    if unit and text != "—" and value is not None and not isinstance(value, bool):
        text = f"{text} {unit}"
    return text


def _escape(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|")


def _met(value: Any) -> str:
    if value is True:
        return "✅ met"
    if value is False:
        return "❌ missed"
    return ""


def markdown_table(rows: Iterable[dict[str, Any]]) -> str:
    """Render rows as a Markdown table (ours, peer, ratio ×, target, met, note)."""
    lines = [
        "| what | ours | peer | ratio | target | met | note |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for row in rows:
        unit = str(row.get("unit") or "")
        ratio = row.get("ratio")
        ratio_text = "—" if ratio is None else f"{format_number(ratio)}×"
        cells = [
            str(row.get("what", "")),
            _cell(row.get("ours"), unit),
            _cell(row.get("peer"), unit),
            ratio_text,
            str(row.get("target") or ""),
            _met(row.get("met")),
            str(row.get("note") or ""),
        ]
        lines.append("| " + " | ".join(_escape(c) for c in cells) + " |")
    return "\n".join(lines)


def machine_facts() -> dict[str, str]:
    """Return the facts a reader needs to compare runs: cores, CPU model, RAM, Python, OS, commit."""
    facts = {"cores": str(_nproc()), "cpu": _cpu_model(), "ram": _ram(), "python": sys.version.split()[0],
             "os": platform.platform(), "commit": _git_commit(),
             "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    return facts


def _nproc() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parent, check=False, timeout=10)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def results_section(rows: list[dict[str, Any]], facts: dict[str, str], seconds: float, smoke: bool) -> str:
    """Return the generated README section: run facts then the table."""
    mode = "smoke (tiny data, NOT the real figures)" if smoke else "full"
    header = (
        f"Latest run: {facts['date']}, {mode} mode, {seconds / 60:.1f} min wall time, commit {facts['commit']}.\n\n"
        f"Machine: {facts['cores']} cores ({facts['cpu']}), {facts['ram']} RAM, Python {facts['python']}, "
        f"{facts['os']}. 1-minute load average: {facts.get('load', 'not recorded')} (other work on the machine "
        "slows wall-clock figures; the CPU-per-request rows are not affected).\n\n"
        "ratio = how many times better ours is than the peer (> 1: ours wins; time/size: peer ÷ ours; "
        "throughput: ours ÷ peer).\n\n"
    )
    return f"{START_MARK}\n{header}{markdown_table(rows)}\n{END_MARK}"


def write_readme(path: Path, section: str, template: str) -> None:
    """Replace the generated section of ``path`` (between the markers), keeping hand-written text.

    When the file is missing or has no markers, ``template`` (which must contain ``{results}``) is used.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START_MARK in text and END_MARK in text:
        before = text.split(START_MARK, 1)[0]
        after = text.split(END_MARK, 1)[1]
        text = before + section + after
    else:
        text = template.replace("{results}", section)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
