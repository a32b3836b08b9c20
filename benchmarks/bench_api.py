"""API latency over HTTP: our ``/events`` and OGC items vs pygeoapi's GeoJSON provider on the same file.

Workloads (full mode; smoke mode uses 1k events and a handful of requests):

* ``/events`` bbox + date queries at 100k and 1M events with ``limit`` 100 and 1000, p50/p95 over many
  requests cycling through windows around Euphrates towns; pygeoapi answers the same bbox and an RFC 3339
  ``datetime`` interval on ``/collections/events/items`` (fewer requests: each one re-reads the whole file).
* OGC ``/collections/events/items`` paging through every one of 100k events with ``limit=1000`` following
  ``next`` links; pygeoapi pages a bounded number of pages and its total is extrapolated (said in the note).

Both sides are checked, not only timed: our ``numberMatched`` must equal a brute-force count over the
generator's own columns; pygeoapi's ``numberMatched`` is compared with the bbox-only count (its GeoJSON
provider ignores ``datetime``), and one bbox-only query compares the full id sets of both servers.
Servers run one at a time (never both at once) so neither steals the other's CPU.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks._http import Client, percentile
from benchmarks.generate import DATA_DIR, TOWNS, cached_store_file, expected_count, load_columns
from benchmarks.peers import our_api_available, our_server, pygeoapi_installed, pygeoapi_server
from benchmarks.report import make_row

P95_TARGET_MS = 30.0
EVENTS_RATIO_TARGET = 50.0
PAGING_RATIO_TARGET = 20.0


@dataclass(frozen=True)
class Window:
    """One bbox + date query."""

    bbox: tuple[float, float, float, float]
    start: date
    end: date

    def ours(self, limit: int) -> str:
        """Our ``/events`` path for this window."""
        b = ",".join(f"{v:g}" for v in self.bbox)
        return f"/events?bbox={b}&start={self.start}&end={self.end}&limit={limit}"

    def pygeoapi(self, limit: int) -> str:
        """pygeoapi's items path for this window (full RFC 3339 timestamps, inclusive end)."""
        b = ",".join(f"{v:g}" for v in self.bbox)
        return (f"/collections/events/items?f=json&bbox={b}&datetime={self.start}T00:00:00Z/"
                f"{self.end}T23:59:59Z&limit={limit}")


def query_windows(count: int = 24) -> list[Window]:
    """Deterministic bbox + 90-day windows: a 0.6°×0.5° box around each town, starting at spread dates."""
    windows = []
    for i in range(count):
        _, lat, lon, *_ = TOWNS[i % len(TOWNS)]
        start = date(2017, 1, 1) + timedelta(days=(i * 97) % 900)
        windows.append(Window((round(lon - 0.3, 3), round(lat - 0.25, 3), round(lon + 0.3, 3), round(lat + 0.25, 3)),
                              start, start + timedelta(days=89)))
    return windows


def _time_queries(client: Client, paths: list[str], requests: int) -> tuple[list[float], list[dict]]:
    """Run ``requests`` GETs cycling over ``paths``; return latencies (ms) and the first body of each path."""
    latencies: list[float] = []
    first: list[dict] = []
    for i in range(requests):
        body, seconds = client.get_json(paths[i % len(paths)])
        latencies.append(seconds * 1000)
        if i < len(paths):
            first.append(body)
    return latencies, first


def _peer_time_queries(
    client: Client, paths: list[str], requests: int, budget_s: float
) -> tuple[list[float], list[dict], bool]:
    """Like ``_time_queries`` for the slow peer: stop early when the time budget is spent or a request times out."""
    latencies: list[float] = []
    bodies: list[dict] = []
    started = time.perf_counter()
    for i in range(requests):
        try:
            body, seconds = client.get_json(paths[i % len(paths)])
        except TimeoutError:
            client.close()
            return latencies, bodies, True
        latencies.append(seconds * 1000)
        bodies.append(body)
        if time.perf_counter() - started > budget_s:
            break
    return latencies, bodies, False


def _events_rows(
    size: int, limit: int, ours_ms: list[float], peer: dict[str, Any], checks: str, smoke: bool
) -> list[dict]:
    rows = []
    label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
    for q in (50, 95):
        ours = percentile(ours_ms, q)
        if peer.get("timed_out") and not peer["ms"]:
            peer_value: float | str | None = f"> {peer['timeout'] * 1000:.0f}"
        else:
            peer_value = percentile(peer["ms"], q) if peer.get("ms") else None
        target = ""
        met = None
        if q == 95 and not smoke:  # targets are about the full-size data, not the smoke run
            target = f"p95 < {P95_TARGET_MS:g} ms at 1M; ≥ {EVENTS_RATIO_TARGET:g}× pygeoapi"
            ratio_ok = None
            if peer_value is not None:
                peer_number = float(str(peer_value).lstrip("> "))
                ratio_ok = peer_number / ours >= EVENTS_RATIO_TARGET
            latency_ok = ours < P95_TARGET_MS if size >= 1_000_000 else True
            met = latency_ok and ratio_ok if ratio_ok is not None else (latency_ok if size >= 1_000_000 else None)
        note = f"ours n={len(ours_ms)}, pygeoapi n={len(peer.get('ms') or [])}; {checks}" if q == 95 else (
            f"ours n={len(ours_ms)}, pygeoapi n={len(peer.get('ms') or [])}")
        if peer.get("note") and q == 95:
            note += f"; {peer['note']}"
        rows.append(make_row(f"/events bbox+date p{q}, {label} events, limit {limit}", ours, peer_value,
                             unit="ms", target=target, met=met, note=note))
    return rows


def _check_ours(bodies: list[dict], windows: list[Window], columns: dict) -> tuple[int, int]:
    """Return (windows checked, windows whose numberMatched equals the brute-force count)."""
    good = 0
    for body, window in zip(bodies, windows):
        if body.get("numberMatched") == expected_count(columns, window.bbox, window.start, window.end):
            good += 1
    return len(bodies), good


#: A small box near Hajin for the bbox-only id-set comparison.
ID_CHECK_BBOX = (40.80, 34.66, 40.86, 34.72)


def id_check_bbox(columns: dict, most: int = 5000) -> tuple[float, float, float, float]:
    """Return ``ID_CHECK_BBOX`` shrunk around its centre until it holds at most ``most`` events (one page)."""
    minx, miny, maxx, maxy = ID_CHECK_BBOX
    while expected_count(columns, (minx, miny, maxx, maxy)) > most:
        cx, cy, hw, hh = (minx + maxx) / 2, (miny + maxy) / 2, (maxx - minx) / 4, (maxy - miny) / 4
        minx, miny, maxx, maxy = round(cx - hw, 5), round(cy - hh, 5), round(cx + hw, 5), round(cy + hh, 5)
    return minx, miny, maxx, maxy


def _bbox_ids(client: Client, path: str) -> tuple[set[str], int | None]:
    body, _ = client.get_json(path)
    return {str(f.get("id")) for f in body.get("features") or []}, body.get("numberMatched")


def _ids_note(
    our_ids: set[str], our_matched: int | None, peer_ids: set[str] | None, expected: int
) -> tuple[str, bool | None]:
    """Describe the bbox-only id-set comparison; return (note, ok)."""
    ok_ours = len(our_ids) == expected == our_matched
    if peer_ids is None:
        return f"bbox-only ids: ours {len(our_ids)} of {expected} expected", ok_ours
    same = our_ids == peer_ids
    return (f"bbox-only id sets {'identical' if same else 'DIFFER'} ({len(our_ids)} ours, {len(peer_ids)} pygeoapi, "
            f"{expected} expected)"), same and ok_ours


def _page_through(client: Client, first_path: str, max_pages: int | None) -> dict[str, Any]:
    """Follow ``next`` links from ``first_path``; return pages, features, unique ids and seconds."""
    path: str | None = first_path
    pages = features = 0
    ids: set[str] = set()
    seconds = 0.0
    while path is not None and (max_pages is None or pages < max_pages):
        body, elapsed = client.get_json(path)
        seconds += elapsed
        pages += 1
        features += len(body.get("features") or [])
        ids.update(str(f.get("id")) for f in body.get("features") or [])
        path = None
        for link in body.get("links") or []:
            if link.get("rel") == "next":
                parts = urlsplit(link["href"])
                path = parts.path + ("?" + parts.query if parts.query else "")
                break
    return {"pages": pages, "features": features, "ids": len(ids), "seconds": seconds, "complete": path is None}


def _bench_size(size: int, smoke: bool, workdir: Path) -> list[dict]:
    data = cached_store_file(size)
    columns = load_columns(data)
    windows = query_windows(6 if smoke else 24)
    limits = (100, 1000)
    ours_requests = 12 if smoke else 300
    peer_requests = 2 if smoke else (4 if size < 1_000_000 else 1)
    peer_budget_s = 5 if smoke else (45 if size < 1_000_000 else 240)
    # At 1M one pygeoapi request takes minutes and its cost does not depend on limit (it re-reads the whole
    # file): measure it at limit 100 only, so the full run stays under 30 minutes.
    peer_limits = limits if size < 1_000_000 or smoke else (100,)
    peer_timeout_s = 30 if smoke else (120 if size < 1_000_000 else 400)
    label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
    id_bbox = id_check_bbox(columns)
    bbox_text = ",".join(f"{v:g}" for v in id_bbox)
    expected_ids = expected_count(columns, id_bbox)
    ours_ms: dict[int, list[float]] = {}
    ours_cpu: dict[int, float] = {}
    checks: dict[int, str] = {}
    paging_ours: dict[str, Any] | None = None

    server = our_server(data, workdir)  # ours first, alone
    with server:
        client = Client(server.port, timeout=120)
        started = time.perf_counter()
        client.get_json("/health")  # opens the store (lazily, on first use)
        open_seconds = time.perf_counter() - started
        for limit in limits:
            paths = [w.ours(limit) for w in windows]
            _time_queries(client, paths, len(paths))  # warm-up
            cpu_before = server.cpu_seconds()
            ours_ms[limit], bodies = _time_queries(client, paths, ours_requests)
            cpu_requests = ours_requests
            # /proc counts CPU in 10 ms ticks: repeat (a bounded number of times) until a few ticks have passed,
            # so small runs never report 0 ms per request
            for _ in range(50):
                if server.cpu_seconds() - cpu_before >= 0.05:
                    break
                _time_queries(client, paths, ours_requests)
                cpu_requests += ours_requests
            ours_cpu[limit] = (server.cpu_seconds() - cpu_before) / cpu_requests * 1000
            checked, good = _check_ours(bodies, windows, columns)
            checks[limit] = f"numberMatched = brute-force count in {good}/{checked} windows"
        if size <= 100_000:
            paging_ours = _page_through(client, "/collections/events/items?limit=1000", None)
        our_ids, our_matched = _bbox_ids(client, f"/events?bbox={bbox_text}&limit=10000")
        our_rss = server.peak_rss_mb()
        client.close()

    peer_stats: dict[int, dict[str, Any]] = {limit: {"ms": [], "timeout": peer_timeout_s} for limit in limits}
    paging_peer: dict[str, Any] | None = None
    peer_rss = None
    peer_ids: set[str] | None = None
    if pygeoapi_installed():  # then the peer, alone
        peer_server = pygeoapi_server(data, workdir)
        with peer_server:
            peer = Client(peer_server.port, timeout=peer_timeout_s)
            for limit in peer_limits:
                paths = [w.pygeoapi(limit) for w in windows]
                cpu_before = peer_server.cpu_seconds()
                ms, bodies, timed_out = _peer_time_queries(peer, paths, peer_requests, peer_budget_s)
                stats = peer_stats[limit]
                stats.update(ms=ms, timed_out=timed_out)
                if ms and not timed_out:
                    stats["cpu_ms"] = (peer_server.cpu_seconds() - cpu_before) / len(ms) * 1000
                if bodies:
                    window = windows[0]
                    stats["note"] = (
                        f"pygeoapi ignores datetime: its numberMatched {bodies[0].get('numberMatched')} = bbox-only "
                        f"count {expected_count(columns, window.bbox)}, true bbox+date count "
                        f"{expected_count(columns, window.bbox, window.start, window.end)}"
                    )
            if size <= 100_000:
                try:
                    paging_peer = _page_through(peer, "/collections/events/items?f=json&limit=1000",
                                                None if smoke else 4)
                except TimeoutError:
                    paging_peer = None
            if size <= 100_000 or smoke:
                try:
                    peer_ids, _ = _bbox_ids(peer, f"/collections/events/items?f=json&bbox={bbox_text}&limit=10000")
                except TimeoutError:
                    peer_ids = None
            peer_rss = peer_server.peak_rss_mb()
            peer.close()
        for limit in set(limits) - set(peer_limits):
            peer_stats[limit]["note"] = ("pygeoapi not run at this limit (bounded run): its cost is re-reading the "
                                         "whole file, see the limit 100 row")
    else:
        for limit in limits:
            peer_stats[limit]["note"] = "pygeoapi not installed (python -m benchmarks.peers --setup)"

    rows: list[dict] = []
    for limit in limits:
        rows.extend(_events_rows(size, limit, ours_ms[limit], peer_stats[limit], checks[limit], smoke))
        rows.append(make_row(
            f"/events bbox+date server CPU per request, {label} events, limit {limit}", ours_cpu[limit],
            peer_stats[limit].get("cpu_ms"), unit="ms",
            note="user+system CPU of the server process(es) ÷ requests: unaffected by other load on the machine",
        ))
    ids_note, ids_ok = _ids_note(our_ids, our_matched, peer_ids, expected_ids)
    last_p95 = [r for r in rows if " p95," in r["what"]][-1]
    last_p95["note"] += f"; {ids_note}"
    if ids_ok is False:
        last_p95["met"] = False
    rows.append(make_row(f"API server peak RSS, {label} events", our_rss, peer_rss, unit="MB",
                         note=f"ours: uvicorn, store opened in {open_seconds:.1f} s on the first request; "
                              "pygeoapi: gunicorn master + 1 worker, re-reads the file on every request"))
    if paging_ours is not None:
        rows.append(_paging_row(size, paging_ours, paging_peer, smoke))
    return rows


def _paging_row(size: int, ours: dict[str, Any], peer: dict[str, Any] | None, smoke: bool) -> dict:
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    ours_ok = ours["complete"] and ours["ids"] == size == ours["features"]
    note = (f"ours: {ours['pages']} pages, {ours['ids']:,} unique ids of {size:,}"
            f"{'' if ours_ok else ' — INCOMPLETE'}")
    peer_total: float | None = None
    if peer is not None and peer["pages"]:
        per_page = peer["seconds"] / peer["pages"]
        peer_total = per_page * ours["pages"] if not peer["complete"] else peer["seconds"]
        if peer["complete"]:
            note += f"; pygeoapi: all {peer['pages']} pages, {peer['ids']:,} unique ids"
        else:
            note += (f"; pygeoapi: {peer['pages']} pages measured ({per_page:.2f} s each, every page re-reads "
                     f"the file), total extrapolated to {ours['pages']} pages")
    elif peer is None:
        note += "; pygeoapi not measured"
    row = make_row(f"OGC items: page through all {label} events (limit 1000)", ours["seconds"], peer_total,
                   unit="s", target="" if smoke else f"≥ {PAGING_RATIO_TARGET:g}× pygeoapi", note=note)
    if smoke:
        row["met"] = False if not ours_ok else None
        return row
    ratio = row["ratio"]
    row["met"] = (ours_ok and isinstance(ratio, float) and ratio >= PAGING_RATIO_TARGET) if ratio is not None else (
        False if not ours_ok else None)
    return row


def run(smoke: bool = False) -> list[dict]:
    """Run the API benchmarks and return table rows (see ``benchmarks.report``).

    Parameters
    ----------
    smoke
        Tiny data and few requests (seconds), to keep the harness working in CI.
    """
    if not our_api_available():
        return [make_row("/events bbox+date latency", None, None, note="skipped: api.main is not importable yet")]
    sizes = (1000,) if smoke else (100_000, 1_000_000)
    rows: list[dict] = []
    workdir = DATA_DIR / "servers"  # configs and server logs, kept for inspection
    for size in sizes:
        rows.extend(_bench_size(size, smoke, workdir))
    return rows
