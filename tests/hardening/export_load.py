"""Load on exports and large pages (issue 20, finding 6), as the audit ran it: a live server on a store of
N events (default 100,000); 4 CSV + 4 GPKG exports at once, then 20 concurrent ``/events?limit=10000``;
the server's RSS is sampled throughout and ``/health`` is timed meanwhile.

``python -m tests.hardening.export_load [N] [--root PATH]`` (``--root`` runs another checkout's server, to
measure before/after). Prints one Markdown table row per phase.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import copy
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def _rss_mb(pid: int, field: str = "VmRSS:") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


def build_store(path: Path, count: int) -> None:
    """Write a compacted store of ``count`` synthetic events (validated once)."""
    sys.path.insert(0, str(ROOT))
    from geo_events.store import GeoJSONFileStore
    from tests.api.conftest import synthetic_events

    template = json.loads((ROOT / "seeds" / "events.geojson").read_text())["features"][0]
    store = GeoJSONFileStore(path, compact_every=0)
    for start in range(0, count, 20_000):
        batch = synthetic_events(copy.deepcopy(template), min(20_000, count - start))
        for i, f in enumerate(batch):
            f["id"] = f["properties"]["id"] = f"evt-load{start + i:08d}"
        store.upsert_many(batch)
    store.compact()


def main() -> None:
    """Run the load and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "events.geojson"
        build_store(store, args.count)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
        env.update(GEO_EVENTS_STORE=str(store), GEO_EVENTS_FLUSH_SECONDS="0", PYTHONPATH=str(args.root))
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--port", str(port),
             "--log-level", "warning"], cwd=args.root, env=env,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(url + "/health", timeout=60, trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            rss0 = _rss_mb(server.pid)
            print("| Phase | Requests | Answers | Wall time | Server RSS before → peak → after | /health max |")
            print("| --- | --- | --- | --- | --- | --- |")
            for name, paths in (
                ("4 CSV + 4 GPKG exports at once", ["/events.csv"] * 4 + ["/events.gpkg"] * 4),
                ("20 × /events?limit=10000 at once", ["/events?limit=10000"] * 20),
            ):
                peak, health, stop = [rss0], [0.0], threading.Event()

                def sample() -> None:
                    while not stop.is_set():
                        peak[0] = max(peak[0], _rss_mb(server.pid))
                        started = time.perf_counter()
                        try:
                            httpx.get(url + "/health", timeout=120, trust_env=False)
                        except httpx.HTTPError:
                            pass
                        health[0] = max(health[0], time.perf_counter() - started)
                        time.sleep(0.1)

                sampler = threading.Thread(target=sample)
                sampler.start()
                before = _rss_mb(server.pid)
                started = time.perf_counter()

                def fetch(path: str) -> str:
                    r = httpx.get(url + path, timeout=600, trust_env=False)
                    return f"{r.status_code}"

                with cf.ThreadPoolExecutor(len(paths)) as pool:
                    codes = list(pool.map(fetch, paths))
                wall = time.perf_counter() - started
                stop.set()
                sampler.join()
                time.sleep(1)
                after = _rss_mb(server.pid)
                anon = _rss_mb(server.pid, "RssAnon:")
                answers = ", ".join(f"{codes.count(c)} × {c}" for c in sorted(set(codes)))
                print(f"| {name} ({args.count:,} events) | {len(paths)} | {answers} | {wall:.1f} s | "
                      f"{before:.0f} → {peak[0]:.0f} → {after:.0f} MB ({anon:.0f} MB anonymous) | {health[0]:.2f} s |")
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
