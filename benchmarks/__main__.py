"""``python -m benchmarks [--smoke] [--only NAME] [--out PATH] [--json PATH]``: run every benchmark, print one table.

Every ``benchmarks/bench_*.py`` module that defines ``run(smoke: bool) -> list[dict]`` is discovered and
run in name order; each returns rows ``{what, ours, peer, ratio, target, note}`` (see
``benchmarks.report``). A module that fails adds one row saying so, and the others still run. A full run
rewrites the generated section of ``benchmarks/README.md`` (the hand-written text around it is kept);
smoke mode writes only where ``--out``/``--json`` say.

Examples::

    python -m benchmarks                    # full run (< 30 min on 2 cores), updates benchmarks/README.md
    python -m benchmarks --smoke            # seconds, tiny data; prints the table only
    python -m benchmarks --only api --only store
    python -m benchmarks --smoke --json /tmp/rows.json --out /tmp/README.md
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_OUT = BENCH_DIR / "README.md"

README_TEMPLATE = """# Benchmarks

geo-events against real peers, measured side by side in one run on the same data.

## Results

{results}
"""


def discover() -> list[str]:
    """Return the short names (``api``, ``store`` …) of every ``benchmarks/bench_*.py`` module, sorted."""
    return sorted(info.name[len("bench_"):] for info in pkgutil.iter_modules([str(BENCH_DIR)])
                  if info.name.startswith("bench_"))


def run_module(name: str, smoke: bool) -> list[dict[str, Any]]:
    """Import ``benchmarks.bench_<name>`` and return its rows; a failure becomes one explanatory row."""
    from benchmarks.report import ROW_KEYS

    try:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        run = getattr(module, "run", None)
        if run is None:
            return []
        rows = list(run(smoke=smoke))
    except Exception as err:  # noqa: BLE001 - one broken benchmark must not hide the others
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        return [{"what": f"bench_{name}", "ours": None, "peer": None, "ratio": None, "target": "",
                 "note": f"FAILED: {detail[:300]}", "met": False}]
    for row in rows:
        for key in ROW_KEYS:
            row.setdefault(key, None)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; return the process exit code (1 when a benchmark module failed)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run geo-events benchmarks against real peers and print one table of figures and ratios.",
        epilog="Examples: python -m benchmarks --smoke | python -m benchmarks --only api --out /tmp/README.md",
    )
    parser.add_argument("--smoke", action="store_true", help="tiny data, a few requests: seconds, not real figures")
    parser.add_argument("--only", action="append", metavar="NAME", default=None,
                        help="run only bench_NAME (repeatable); names: " + ", ".join(discover()))
    parser.add_argument("--out", type=Path, default=None,
                        help=f"README to update (default: {DEFAULT_OUT.relative_to(REPO_ROOT)} on a full run of "
                             "everything; nothing in smoke mode or with --only)")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows as JSON to this file")
    parser.add_argument("--setup-peers", action="store_true",
                        help="install pygeoapi into benchmarks/.venv-pygeoapi first if missing (needs PyPI)")
    args = parser.parse_args(argv)

    from benchmarks.report import machine_facts, markdown_table, results_section, write_readme

    names = discover()
    if args.only:
        unknown = sorted(set(args.only) - set(names))
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(names)}")
        names = [n for n in names if n in args.only]
    if args.setup_peers:
        from benchmarks.peers import setup_pygeoapi

        setup_pygeoapi(quiet=True)

    load_at_start = os.getloadavg()[0]
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    for name in names:
        module_started = time.perf_counter()
        print(f"[benchmarks] running {name}{' (smoke)' if args.smoke else ''} …", file=sys.stderr, flush=True)
        module_rows = run_module(name, args.smoke)
        print(f"[benchmarks] {name}: {len(module_rows)} rows in {time.perf_counter() - module_started:.1f} s",
              file=sys.stderr, flush=True)
        rows.extend(module_rows)
    seconds = time.perf_counter() - started

    facts = machine_facts()
    facts["load"] = f"{load_at_start:.1f} at start, {os.getloadavg()[0]:.1f} at the end"
    print(markdown_table(rows))
    print(f"\n{len(rows)} rows in {seconds / 60:.1f} min on {facts['cores']} cores ({facts['cpu']}), "
          f"{facts['ram']} RAM, Python {facts['python']}")
    out = args.out
    if out is None and not args.smoke and not args.only:
        out = DEFAULT_OUT
    if out is not None:
        write_readme(out, results_section(rows, facts, seconds, args.smoke), README_TEMPLATE)
        print(f"wrote {out}", file=sys.stderr)
    if args.json is not None:
        import orjson

        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_bytes(orjson.dumps({"rows": rows, "machine": facts, "seconds": seconds, "smoke": args.smoke},
                                           option=orjson.OPT_INDENT_2, default=str))
    failed = any(str(r.get("note") or "").startswith("FAILED") for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
