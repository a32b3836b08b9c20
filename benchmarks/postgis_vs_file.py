"""File store vs PostGIS store behind the same API, in one run on the same generated events.

``python -m benchmarks.postgis_vs_file [--events 100000] [--windows 150] [--url postgresql://…]``

1. generates (or reuses) ``benchmarks/.data`` events, copies them into PostGIS with ``geo-events migrate``
   (events/s, count + SHA-256 check);
2. serves each store with ``api.main.create_app`` under uvicorn (one process each, one at a time) and sends
   the same random bbox+date windows to ``/events?limit=100`` (p50/p95, server peak RSS and CPU);
3. checks that both servers' ``numberMatched`` equal a brute-force count over the generator's columns in
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


def _measure(server: ServerProcess, windows: list, limit: int) -> dict:
    client = Client(server.port)
    seconds, matched = [], []
    client.get_json("/events?limit=1")  # warm the first request (opening the store, the pool)
    cpu_before = server.cpu_seconds()
    for bbox, start, end in windows:
        path = f"/events?bbox={','.join(map(str, bbox))}&start={start}&end={end}&limit={limit}"
        body, elapsed = client.get_json(path)
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
        for name, target in (("file", str(file_path)), ("postgis", url)):
            with our_server(target, workdir, start_timeout=600, ready_path="/health",
                            extra_env={"GEO_EVENTS_FLUSH_SECONDS": "0"}) as server:
                results[name] = _measure(server, windows, args.limit)
        report = {
            "events": args.events,
            "windows": args.windows,
            "limit": args.limit,
            "migrate": {k: migration[k] for k in ("events", "seconds", "events_per_second", "verified")},
            **{
                name: {**{k: v for k, v in r.items() if k != "matched"},
                       "counts_exact": r["matched"] == truth}
                for name, r in results.items()
            },
            "non_empty_windows": sum(1 for t in truth if t),
            "load_average": load_average(),
        }
        print(json.dumps(report, indent=2))
        rows = [
            f"| `/events` bbox+date limit {args.limit}, {args.events:,} events | "
            f"{results['file']['p50_ms']} / {results['file']['p95_ms']} ms | "
            f"{results['postgis']['p50_ms']} / {results['postgis']['p95_ms']} ms | "
            f"counts exact: file {report['file']['counts_exact']}, postgis {report['postgis']['counts_exact']} |",
            f"| server peak RSS | {results['file']['peak_rss_mb']} MB | {results['postgis']['peak_rss_mb']} MB "
            "(API process only; PostgreSQL's own memory not counted) | |",
            f"| `geo-events migrate` file → PostGIS | | {migration['events_per_second'] or 0:,} events/s | "
            f"verified: {migration['verified']} |",
        ]
        print("| what | file store | PostGIS store | check |\n|---|---|---|---|\n" + "\n".join(rows), file=sys.stderr)
    finally:
        if folder:
            subprocess.run(["bash", str(REPO_ROOT / "scripts" / "postgis-dev"), "stop", folder], capture_output=True)


if __name__ == "__main__":
    main()
