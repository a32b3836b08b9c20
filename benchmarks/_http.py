"""HTTP plumbing for the benchmarks: servers as subprocesses on 127.0.0.1 and a keep-alive timing client.

Every server is started on a free loopback port, waited for, and always stopped (``ServerProcess`` is a
context manager). Latencies are measured on one persistent ``http.client`` connection, so both servers pay
the same client cost; the body is read completely before the clock stops.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import orjson

HOST = "127.0.0.1"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """A server started as a subprocess, usable as a context manager that always stops it.

    Parameters
    ----------
    name
        Label used in error messages.
    argv
        Command line of the server.
    port
        Port the server listens on (127.0.0.1).
    ready_path
        Path requested until it answers (any status below 500), to know the server is up.
    env
        Extra environment variables.
    log_path
        File that receives the server's stdout and stderr.
    start_timeout
        Seconds to wait for the server (large stores take a while to open).
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        port: int,
        ready_path: str = "/",
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
        start_timeout: float = 120.0,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.port = port
        self.ready_path = ready_path
        self.env = {**os.environ, **(env or {})}
        self.log_path = log_path
        self.start_timeout = start_timeout
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self.startup_seconds: float | None = None

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start the process and wait until ``ready_path`` answers (raise ``RuntimeError`` if it never does)."""
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = open(self.log_path, "wb")
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv,
            env=self.env,
            cwd=self.cwd,
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                raise RuntimeError(f"{self.name} exited with code {self.proc.returncode} before it was ready: "
                                   f"{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                conn.request("GET", self.ready_path)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status < 500:  # any answer means it is listening
                    self.startup_seconds = time.perf_counter() - started
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer on port {self.port} within {self.start_timeout:.0f} s")

    def log_tail(self, lines: int = 1) -> str:
        """Return the last lines of the server's log (for error messages)."""
        if self.log_path is None or not self.log_path.exists():
            return "(no log)"
        text = self.log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return " / ".join(text[-lines:]) + f" (log: {self.log_path})"

    def peak_rss_mb(self) -> float | None:
        """Return the peak resident memory (VmHWM, MB) of the server and its workers, or None when unknown.

        With a pre-forking server (gunicorn) the master and its worker are summed.
        """
        if self.proc is None:
            return None
        pids = [self.proc.pid, *_children(self.proc.pid)]
        peaks = [peak for peak in (_vm_hwm_mb(pid) for pid in pids) if peak is not None]
        return sum(peaks) if peaks else None

    def cpu_seconds(self) -> float:
        """Return the CPU time (user + system, s) used so far by the server and its worker processes.

        Unlike wall-clock latency this does not grow when other programs compete for the cores.
        """
        if self.proc is None:
            return 0.0
        return sum(_cpu_seconds(pid) for pid in (self.proc.pid, *_children(self.proc.pid)))

    def stop(self) -> None:
        """Stop the server's process group (SIGTERM, then SIGKILL after 10 s)."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


class Client:
    """A keep-alive HTTP client bound to one server, timing each request (body fully read)."""

    def __init__(self, port: int, timeout: float = 60.0) -> None:
        self.port = port
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        return self._conn

    def get(self, path: str) -> tuple[int, bytes, float]:
        """GET ``path``; return (status, body, seconds). Reconnects once if the server closed the socket."""
        for attempt in (1, 2):
            conn = self._connection()
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": "application/geo+json, application/json"})
                response = conn.getresponse()
                body = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - started
            if response.getheader("connection", "").lower() == "close":
                self.close()
            return response.status, body, elapsed
        raise RuntimeError("unreachable")

    def get_json(self, path: str) -> tuple[dict, float]:
        """GET ``path`` and parse JSON; raise ``RuntimeError`` on a non-200 answer."""
        status, body, elapsed = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
        return orjson.loads(body), elapsed

    def close(self) -> None:
        """Close the connection."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q``-th percentile (0–100) of ``values`` by linear interpolation."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
