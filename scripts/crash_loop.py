#!/usr/bin/env python3
"""Crash harness for the GeoJSON file store: SIGKILL a writer at random moments, then audit the store.

A writer process upserts, batch-upserts and deletes events in one store (with a tiny ``compact_every`` so
compactions happen all the time) and reports every acknowledged write on a pipe (or stdout) the moment the
call returns. The parent kills it with SIGKILL after a random delay, then checks that

* the store opens (no ``StoreCorrupted``) and every event in it validates against the model;
* every acknowledged upsert is present with at least the acknowledged revision;
* every acknowledged deletion is absent, unless a later (unacknowledged) upsert revived it.

Usage::

    python scripts/crash_loop.py                       # full size: 1000 kills, fork + 50 exec'd writers
    python scripts/crash_loop.py --iterations 200 --json
    GEO_EVENTS_CRASH_ITERATIONS=50 python scripts/crash_loop.py

Half the kills come after a random delay, half a random 0–4 ms after a random number (1–25) of
acknowledged writes, so every kill lands somewhere in a write or a compaction even on a loaded machine.
``--mode fork`` forks writers from this already-initialised interpreter (fast, ~30 ms a kill); ``--mode
exec`` starts each writer as ``python scripts/crash_loop.py --worker …`` (a real new process that prints
acknowledgements to stdout), which is slower (~0.5 s a kill) because every writer imports geo-events.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ID_POOL = 300  # ids are reused so the store stays small while updates and deletions keep happening


def make_event(event_id: str, rev: int) -> dict:
    """Return a valid event Feature whose ``fatalities_high`` carries the write's revision number."""
    rnd = random.Random(f"{event_id}:{rev}")
    return {
        "type": "Feature",
        "id": event_id,
        "geometry": {"type": "Point", "coordinates": [round(rnd.uniform(35.5, 42.0), 5), round(rnd.uniform(32.3, 37.3), 5)]},
        "properties": {
            "id": event_id,
            "event_date": f"2018-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "actor1": "US-led coalition",
            "location": f"Place {event_id}",
            "country": "Syria",
            "iso3": "SYR",
            "fatalities_best": 0,
            "fatalities_low": 0,
            "fatalities_high": rev,
            "notes": "x" * rnd.randint(0, 400),
        },
    }


def _rev_of(feature: dict) -> int:
    return int(feature["properties"]["fatalities_high"])


# --------------------------------------------------------------------------- writer side
def run_writer(store_path: str, seed: int, rev_start: int, emit, max_ops: int = 100_000) -> None:
    """Write forever (until killed or ``max_ops``); call ``emit(line)`` after each acknowledged write."""
    from geo_events.store import GeoJSONFileStore

    rnd = random.Random(seed)
    store = GeoJSONFileStore(store_path, compact_every=rnd.choice((2, 3, 5, 8)))
    rev = rev_start
    emit("ready")
    for _ in range(max_ops):
        action = rnd.random()
        if action < 0.45:
            rev += 1
            event_id = f"evt-crash-{rnd.randrange(ID_POOL)}"
            store.upsert(make_event(event_id, rev))
            emit(f"ack {rev} {event_id}")
        elif action < 0.85:
            ids = sorted({f"evt-crash-{rnd.randrange(ID_POOL)}" for _ in range(rnd.randint(2, 12))})
            rev += 1
            store.upsert_many([make_event(i, rev) for i in ids])
            emit(f"ack {rev} {' '.join(ids)}")
        elif action < 0.95:
            event_id = f"evt-crash-{rnd.randrange(ID_POOL)}"
            rev += 1
            emit(f"try {rev} {event_id}")  # an unacknowledged deletion may or may not have happened
            try:
                store.delete(event_id)
            except KeyError:
                continue
            emit(f"del {rev} {event_id}")
        else:
            store.compact()


def _worker_main(args: argparse.Namespace) -> None:
    def emit(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    run_writer(args.worker, args.seed, args.rev_start, emit)


# --------------------------------------------------------------------------- parent side
@dataclass
class CrashLoopReport:
    """Figures of one crash-loop run."""

    iterations: int = 0
    mode: str = "fork"
    acknowledged_writes: int = 0
    acknowledged_deletes: int = 0
    checks_failed: int = 0
    failures: list[str] = field(default_factory=list)
    killed_during_compaction: int = 0  # a compaction temp file was left behind by the kill
    torn_tails: int = 0
    final_events: int = 0
    seconds: float = 0.0


class _Expectation:
    """What the acknowledgements say must be in the store."""

    def __init__(self) -> None:
        self.upserted: dict[str, int] = {}  # id -> last acknowledged revision
        self.deleted: dict[str, int] = {}  # id -> revision of the acknowledged deletion
        self.maybe_deleted: set[str] = set()  # ids whose deletion was attempted but not acknowledged
        self._pending: str | None = None

    def apply(self, line: str, report: CrashLoopReport) -> None:
        kind, rev, *ids = line.split()
        if kind == "try":
            self._pending = ids[0]
            return
        if self._pending is not None and kind != "del":  # the attempted deletion found nothing
            self._pending = None
        if kind == "ack":
            report.acknowledged_writes += 1
            for event_id in ids:
                self.upserted[event_id] = int(rev)
                self.deleted.pop(event_id, None)
                self.maybe_deleted.discard(event_id)
        elif kind == "del":
            self._pending = None
            report.acknowledged_deletes += 1
            for event_id in ids:
                self.deleted[event_id] = int(rev)
                self.upserted.pop(event_id, None)
                self.maybe_deleted.discard(event_id)

    def end_of_writer(self) -> None:
        """The writer was killed: a deletion it had started may or may not have reached the disk."""
        if self._pending is not None:
            self.maybe_deleted.add(self._pending)
            self._pending = None

    def audit(self, store_path: Path) -> list[str]:
        """Return the problems found in the store (empty: every acknowledged write held)."""
        from geo_events.errors import GeoEventsError
        from geo_events.store import GeoJSONFileStore
        from geo_events.store.geojson import validate_event

        try:
            store = GeoJSONFileStore(store_path, compact_every=0)
            features = {f["properties"]["id"]: f for f in store}
        except GeoEventsError as err:
            return [f"store does not open: {err}"]
        problems = []
        for feature in features.values():
            try:
                validate_event(feature)
            except GeoEventsError as err:
                problems.append(f"invalid event in store: {err}")
        for event_id, rev in self.upserted.items():
            found = features.get(event_id)
            if found is None and event_id not in self.maybe_deleted:
                problems.append(f"acknowledged {event_id} (rev {rev}) is missing")
            elif found is not None and _rev_of(found) < rev:
                problems.append(f"{event_id} has rev {_rev_of(found)} < acknowledged rev {rev}")
        for event_id, rev in self.deleted.items():
            found = features.get(event_id)
            if found is not None and _rev_of(found) < rev:
                problems.append(f"acknowledged deletion of {event_id} (rev {rev}) was undone")
        return problems


def _read_lines(fd: int, buffer: bytearray, timeout: float) -> list[str]:
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return []
    chunk = os.read(fd, 65536)
    buffer.extend(chunk)
    *lines, rest = bytes(buffer).split(b"\n")
    buffer[:] = rest
    return [line.decode() for line in lines]


def _spawn_fork(store_path: Path, seed: int, rev_start: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: write until killed; never return into the parent's code
        try:
            os.close(read_fd)
            run_writer(str(store_path), seed, rev_start, lambda line: os.write(write_fd, (line + "\n").encode()))
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def _spawn_exec(store_path: Path, seed: int, rev_start: int) -> tuple[subprocess.Popen, int]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(store_path), "--seed", str(seed),
           "--rev-start", str(rev_start)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    return proc, proc.stdout.fileno()  # type: ignore[union-attr]


def run_crash_loop(
    store_path: Path, iterations: int, seed: int = 0, mode: str = "fork", max_delay: float = 0.04
) -> CrashLoopReport:
    """Kill a writer ``iterations`` times at random moments; audit the store after every kill.

    Parameters
    ----------
    store_path
        Store file to hammer (created when missing; kept across iterations so state accumulates).
    iterations
        Number of writer processes to start and SIGKILL.
    seed
        Seed of the random kill delays and of the writers' choices (a run is reproducible).
    mode
        ``fork`` (fast, forked writers) or ``exec`` (each writer is a new Python process).
    max_delay
        Upper bound in seconds of the uniform random delay between "ready" and SIGKILL.
    """
    from geo_events.store import GeoJSONFileStore

    rnd = random.Random(seed)
    report = CrashLoopReport(mode=mode)
    expect = _Expectation()
    started = time.perf_counter()
    rev_base = 0
    if store_path.exists():  # revisions keep growing across runs on the same store
        rev_base = max((_rev_of(f) for f in GeoJSONFileStore(store_path, compact_every=0)), default=0)
    for iteration in range(iterations):
        rev_start = rev_base + (iteration + 1) * 100_000
        if mode == "fork":
            pid, fd = _spawn_fork(store_path, seed * 100_003 + iteration, rev_start)
            proc = None
        else:
            proc, fd = _spawn_exec(store_path, seed * 100_003 + iteration, rev_start)
            pid = proc.pid
        buffer = bytearray()
        lines: list[str] = []
        deadline = time.monotonic() + 30
        while "ready" not in lines and time.monotonic() < deadline:
            lines += _read_lines(fd, buffer, 0.5)
        if rnd.random() < 0.5:  # kill at a random time …
            kill_at = time.monotonic() + rnd.uniform(0, max_delay)
            while (remaining := kill_at - time.monotonic()) > 0:
                lines += _read_lines(fd, buffer, remaining)
        else:  # … or a random moment after a random number of acknowledged writes (progress even under load)
            wanted = rnd.randint(1, 25)
            give_up = time.monotonic() + 10
            while sum(line.startswith(("ack ", "del ")) for line in lines) < wanted and time.monotonic() < give_up:
                lines += _read_lines(fd, buffer, 0.5)
            time.sleep(rnd.uniform(0, 0.004))
        os.kill(pid, signal.SIGKILL)
        if proc is not None:
            proc.wait()
        else:
            os.waitpid(pid, 0)
        while chunk := _read_lines(fd, buffer, 0):  # acknowledgements already in the pipe count too
            lines += chunk
        if proc is not None:
            proc.stdout.close()  # type: ignore[union-attr]
        else:
            os.close(fd)
        for line in lines:
            if line.startswith(("ack ", "del ", "try ")):
                expect.apply(line, report)
        expect.end_of_writer()
        leftovers = list(store_path.parent.glob(f".{store_path.name}.*.tmp"))
        if leftovers:
            report.killed_during_compaction += 1
            for tmp in leftovers:
                tmp.unlink()
        problems = expect.audit(store_path)
        try:
            if GeoJSONFileStore(store_path, compact_every=0).torn_tail:
                report.torn_tails += 1
        except Exception:  # noqa: BLE001 - already reported by audit
            pass
        report.iterations += 1
        if problems:
            report.checks_failed += 1
            report.failures.extend(f"iteration {iteration}: {p}" for p in problems[:5])
    report.final_events = len(GeoJSONFileStore(store_path, compact_every=0))
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the crash loop from the command line; exit 1 when any audit failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=int(os.environ.get("GEO_EVENTS_CRASH_ITERATIONS", 1000)))
    parser.add_argument("--exec-iterations", type=int, default=50, help="extra kills of exec'd writers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.04, help="largest random delay before SIGKILL (s)")
    parser.add_argument("--store", type=Path, help="store file (default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--rev-start", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker_main(args)
        return 0
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        store_path = args.store or Path(tmp) / "events.geojson"
        reports = [run_crash_loop(store_path, args.iterations, args.seed, "fork", args.max_delay)]
        if args.exec_iterations:
            reports.append(run_crash_loop(store_path, args.exec_iterations, args.seed + 1, "exec", 0.3))
    if args.json:
        print(json.dumps([asdict(r) for r in reports], indent=1))
    else:
        for r in reports:
            print(
                f"{r.mode}: {r.iterations} SIGKILLs in {r.seconds} s, {r.acknowledged_writes} acknowledged writes, "
                f"{r.acknowledged_deletes} deletions, {r.killed_during_compaction} kills mid-compaction, "
                f"{r.torn_tails} torn tails, {r.checks_failed} failed audits, {r.final_events} events at the end"
            )
            for failure in r.failures[:20]:
                print("  FAIL", failure)
    return 1 if any(r.checks_failed for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
