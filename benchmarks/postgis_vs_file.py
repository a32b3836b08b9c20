"""File store vs PostGIS store behind the same API, and tipg on the same database, in one run.

``python -m benchmarks.postgis_vs_file [--events 100000] [--windows 150] [--url postgresql://…] [--no-tipg]``

1. generates (or reuses) ``benchmarks/.data`` events, copies them into PostGIS with ``geo-events migrate``
   (events/s, count + SHA-256 check);
2. serves each store with ``api.main.create_app`` under uvicorn (one process each, one at a time) and sends
   the same random bbox+date windows to ``/events?limit=100`` (p50/p95, server peak RSS and CPU);
3. when tipg is installed (``python -m benchmarks.postgis_tipg --setup``), serves the same table with tipg
   and sends the same windows to ``/collections/public.events/items`` (``bbox`` + a ``datetime`` interval of
   full RFC 3339 timestamps whose end is the day after ``end``: tipg's end is exclusive, ours inclusive);
4. checks that every server's ``numberMatched`` equals a brute-force count over the generator's columns in
   every window.

Without ``--url`` a throw-away cluster is started with ``scripts/postgis-dev`` and stopped at the end.
Not a ``bench_*`` module on purpose: ``python -m benchmarks`` (and its smoke test) must not need a database.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from benchmarks._http import Client, ServerProcess, percentile
from benchmarks.peers import our_server
from benchmarks.report import load_average
from benchmarks.generate import FIRST_DAY, cached_store_file, expected_count, load_columns
from benchmarks.postgis_tipg import COLLECTION, PROPERTIES, installed, tipg_server

REPO_ROOT = Path(__file__).resolve().parent.parent


def _windows(count: int, seed: int = 7) -> list[tuple[tuple[float, float, float, float], date, date]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        lon, lat = rng.uniform(38.0, 42.0), rng.uniform(33.5, 36.8)
        size = rng.choice((0.1, 0.25, 0.5, 1.0))
        first = FIRST_DAY + timedelta(days=rng.randrange(0, 1000))
        out.append(((round(lon, 3), round(lat, 3), round(lon + size, 3), round(lat + size, 3)),
                    first, first + timedelta(days=rng.choice((7, 30, 90)))))
    return out


def ours_path(bbox: tuple[float, ...], start: date, end: date, limit: int) -> str:
    """Our ``/events`` request of one window (start and end days inclusive)."""
    return f"/events?bbox={','.join(map(str, bbox))}&start={start}&end={end}&limit={limit}"


def tipg_path(bbox: tuple[float, ...], start: date, end: date, limit: int) -> str:
    """tipg's items request of the same window: its ``datetime`` end is exclusive, so the day after ``end``."""
    after = end + timedelta(days=1)
    return (f"/collections/{COLLECTION}/items?bbox={','.join(map(str, bbox))}"
            f"&datetime={start}T00:00:00Z/{after}T00:00:00Z&limit={limit}&properties={','.join(PROPERTIES)}")


def _measure(server: ServerProcess, windows: list, limit: int, request=ours_path, warm: str = "/events?limit=1") -> dict:
    client = Client(server.port)
    seconds, matched = [], []
    client.get_json(warm)  # warm the first request (opening the store, the pool)
    cpu_before = server.cpu_seconds()
    for bbox, start, end in windows:
        body, elapsed = client.get_json(request(bbox, start, end, limit))
        seconds.append(elapsed * 1000)
        matched.append(body["numberMatched"])
    client.close()
    return {
        "p50_ms": round(percentile(seconds, 50), 1),
        "p95_ms": round(percentile(seconds, 95), 1),
        "cpu_ms_per_request": round((server.cpu_seconds() - cpu_before) * 1000 / len(windows), 1),
        "peak_rss_mb": round(server.peak_rss_mb() or 0, 1),
        "startup_s": round(server.startup_seconds or 0, 1),
        "matched": matched,
    }


def main(argv: list[str] | None = None) -> None:
    """Run the comparison and print one JSON document (and a Markdown table on stderr)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.postgis_vs_file", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--windows", type=int, default=150)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--url", help="an empty (or disposable) PostGIS database; default: a throw-away cluster")
    parser.add_argument("--no-migrate", action="store_true",
                        help="--url already holds these events (copied by an earlier run): skip the copy")
    parser.add_argument("--no-tipg", action="store_true", help="leave tipg out even when it is installed")
    parser.add_argument("--only", choices=("file", "postgis", "tipg"), action="append",
                        help="measure only these servers (repeatable; default: all)")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="geo-events-bench-"))
    file_path = cached_store_file(args.events)
    columns = load_columns(file_path)
    folder = None
    url = args.url
    if url is None:
        started = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "postgis-dev"), "start"],
                                 capture_output=True, text=True, check=True)
        url = started.stdout.strip().splitlines()[-1]
        folder = started.stderr.rsplit(" ", 1)[-1].strip()
    try:
        exe = Path(sys.executable).with_name("geo-events")
        if args.no_migrate:
            migration = {"events": None, "seconds": None, "events_per_second": None, "verified": None}
        else:
            migrated = subprocess.run([str(exe), "migrate", "--from", str(file_path), "--to", url, "--json"],
                                      capture_output=True, text=True, check=True, timeout=3600)
            migration = json.loads(migrated.stdout)
        windows = _windows(args.windows)
        truth = [expected_count(columns, bbox, start, end) for bbox, start, end in windows]
        results = {}
        wanted = set(args.only or ("file", "postgis", "tipg"))
        tipg_version = None if args.no_tipg else installed()
        for name, target in (("file", str(file_path)), ("postgis", url)):
            if name not in wanted:
                continue
            with our_server(target, workdir, start_timeout=600, ready_path="/health",
                            extra_env={"GEO_EVENTS_FLUSH_SECONDS": "0"}) as server:
                results[name] = _measure(server, windows, args.limit)
        if "tipg" in wanted and tipg_version:
            with tipg_server(url, workdir) as server:
                results["tipg"] = _measure(server, windows, args.limit, tipg_path,
                                           warm=f"/collections/{COLLECTION}/items?limit=1")
        report = {
            "events": args.events,
            "windows": args.windows,
            "limit": args.limit,
            "migrate": {k: migration[k] for k in ("events", "seconds", "events_per_second", "verified")},
            **{name: report_of(r, truth) for name, r in results.items() if name != "tipg"},
            "non_empty_windows": sum(1 for t in truth if t),
            "tipg": {**report_of(results.get("tipg"), truth), "version": tipg_version},
            "load_average": load_average(),
        }
        if "postgis" in results and "tipg" in results:
            report["postgis_p95_over_tipg_p95"] = round(results["postgis"]["p95_ms"] / results["tipg"]["p95_ms"], 3)
        print(json.dumps(report, indent=2))
        print(_table(args, results, report, migration), file=sys.stderr)
    finally:
        if folder:
            subprocess.run(["bash", str(REPO_ROOT / "scripts" / "postgis-dev"), "stop", folder], capture_output=True)


def report_of(result: dict | None, truth: list[int]) -> dict:
    """One server's figures, with whether its ``numberMatched`` equalled the brute-force count everywhere."""
    if result is None:
        return {"measured": False}
    wrong = [n for n, (got, want) in enumerate(zip(result["matched"], truth)) if got != want]
    return {**{k: v for k, v in result.items() if k != "matched"}, "counts_exact": not wrong,
            "windows_with_wrong_count": len(wrong)}


def _table(args: argparse.Namespace, results: dict, report: dict, migration: dict) -> str:
    """The Markdown rows for benchmarks/README.md."""
    names = [n for n in ("file", "postgis", "tipg") if n in results]

    def cells(key: str, unit: str) -> str:
        return " | ".join(f"{results[n][key]}{unit}" for n in names)

    head = "| what | " + " | ".join({"file": "file store", "postgis": "PostGIS store", "tipg": "tipg"}[n]
                                   for n in names) + " | check |"
    exact = ", ".join(f"{n} {report[n]['counts_exact']}" for n in names)
    rows = [
        head,
        "|---|" + "---|" * len(names) + "---|",
        f"| `/events` bbox+date limit {args.limit}, {args.events:,} events, p50 | {cells('p50_ms', ' ms')} | "
        f"counts exact in {args.windows} windows: {exact} |",
        f"| same, p95 | {cells('p95_ms', ' ms')} | PostGIS p95 / tipg p95 = "
        f"{report.get('postgis_p95_over_tipg_p95', '—')} |",
        f"| server CPU per request | {cells('cpu_ms_per_request', ' ms')} | |",
        f"| server peak RSS | {cells('peak_rss_mb', ' MB')} | server process only; PostgreSQL's own memory not "
        "counted |",
        f"| server start (until it answers) | {cells('startup_s', ' s')} | |",
        f"| `geo-events migrate` file → PostGIS | {migration['events_per_second'] or 0:,} events/s |"
        + " |" * (len(names) - 1) + f" verified: {migration['verified']} |",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    main()
