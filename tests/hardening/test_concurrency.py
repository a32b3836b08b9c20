"""Concurrency against a LIVE server: 8 writers POST /articles while readers page through /events.

Writers each send ``GEO_EVENTS_CONCURRENCY_ARTICLES`` (default 50) articles about distinct events (three
days apart, so the merge rule never unites two of them); afterwards the store must hold exactly one event
per article plus the seed, with no duplicate, and ``geo-events store check`` must pass. Readers meanwhile
check that every page they get is internally consistent.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("api.main")
pytest.importorskip("geo_events.ingest")
httpx = pytest.importorskip("httpx")

from .helpers import SEED_EVENTS  # noqa: E402

WRITERS = 8
ARTICLES_PER_WRITER = int(os.environ.get("GEO_EVENTS_CONCURRENCY_ARTICLES", "50"))
API_KEY = "concurrency-key-" + "z" * 20
PLACES = ["Khasham", "Hajin", "Raqqa", "Al-Mayadin", "Abu Kamal", "Manbij", "Tabqa", "Deir ez-Zor"]


def article(number: int) -> dict:
    """A short wire report about one distinct strike (3 days apart from every other article's)."""
    day = date(2014, 9, 23) + timedelta(days=3 * number)
    text = (
        f"Coalition air strikes near {PLACES[number % len(PLACES)]} killed {number % 40 + 2} Islamic State "
        f"fighters on {day.day} {day.strftime('%B %Y')}, the US-led coalition said in a statement."
    )
    return {"text": text, "published": (day + timedelta(days=1)).isoformat(), "publisher": f"Wire {number % 5}",
            "title": f"Strike report {number}", "url": f"https://example.org/reports/{number}"}  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """``geo-events serve`` on 127.0.0.1 with a seeded store; stopped (SIGTERM, then SIGKILL) afterwards."""
    folder = tmp_path_factory.mktemp("live")
    store = folder / "events.geojson"
    shutil.copy(SEED_EVENTS, store)
    port = _free_port()
    env = {**os.environ, "GEO_EVENTS_API_KEY": API_KEY, "GEO_EVENTS_STORE": str(store)}
    cmd = [shutil.which("geo-events") or sys.executable]
    if cmd[0] == sys.executable:
        cmd += ["-c", "from api.console import main; main()"]
    proc = subprocess.Popen(
        [*cmd, "serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(store), "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not answer /health within 90 s")
    yield base, store
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _read_all(client, base: str) -> list[dict]:
    features, url = [], f"{base}/events?limit=100&sort=id"
    for _ in range(1000):
        page = client.get(url, timeout=30).json()
        features += page["features"]
        nxt = [link["href"] for link in page.get("links", []) if link.get("rel") == "next"]
        if not nxt:
            break
        url = nxt[0]
    return features


def _reader(base: str, stop: threading.Event, problems: list[str], pages: list[int]) -> None:
    """Page through /events while writes happen; every page must be consistent on its own."""
    from geo_events.models import Event

    last_total = 0
    with httpx.Client(timeout=30) as client:
        for _ in range(2000):  # bounded
            if stop.is_set():
                return
            offset = (pages[0] * 37) % max(last_total, 1)
            response = client.get(f"{base}/events", params={"limit": 50, "offset": offset, "sort": "id"})
            pages[0] += 1
            if response.status_code != 200:
                problems.append(f"reader got {response.status_code}: {response.text[:200]}")
                continue
            page = response.json()
            ids = [f["id"] for f in page["features"]]
            total = page["numberMatched"]
            if total < last_total:
                problems.append(f"numberMatched went down from {last_total} to {total}")
            if len(ids) != len(set(ids)):
                problems.append(f"duplicate ids within one page at offset {offset}")
            if ids != sorted(ids):
                problems.append("page not sorted by id")
            if page["numberReturned"] != len(ids) or len(ids) != max(0, min(50, total - offset)):
                problems.append(f"page size {len(ids)} inconsistent with numberMatched {total} at offset {offset}")
            for feature in page["features"]:
                try:
                    Event.model_validate(feature)
                except ValueError as err:
                    problems.append(f"invalid event served: {err}")
            last_total = total


def test_concurrent_writers_lose_and_duplicate_nothing(live_server) -> None:
    base, store_path = live_server
    numbers = list(range(WRITERS * ARTICLES_PER_WRITER))
    stop, reader_problems, pages = threading.Event(), [], [0]
    readers = [threading.Thread(target=_reader, args=(base, stop, reader_problems, pages)) for _ in range(2)]
    for thread in readers:
        thread.start()

    def write(writer: int) -> list[tuple[int, int, dict]]:
        out = []
        with httpx.Client(timeout=120, headers={"X-API-Key": API_KEY}) as client:
            for number in numbers[writer::WRITERS]:
                response = client.post(f"{base}/articles", json=article(number))
                out.append((number, response.status_code, response.json()))
        return out

    try:
        with ThreadPoolExecutor(WRITERS) as pool:
            results = [row for rows in pool.map(write, range(WRITERS)) for row in rows]
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=60)

    failed = [(n, status, body) for n, status, body in results if status != 201]
    assert failed == [], failed[:5]
    created = [event["id"] for _, _, body in results for event in body["events"] if event["action"] == "created"]
    assert len(created) == len(numbers), "every article describes one new event"
    assert len(set(created)) == len(created), "two articles were given the same event id"

    with httpx.Client() as client:
        stored = _read_all(client, base)
    stored_ids = [f["id"] for f in stored]
    assert len(stored_ids) == len(set(stored_ids)), "duplicate events in the store"
    assert set(created) <= set(stored_ids), f"lost events: {sorted(set(created) - set(stored_ids))[:5]}"
    assert len(stored_ids) == len(numbers) + 1  # plus the seed event
    assert reader_problems == [], reader_problems[:10]
    assert pages[0] > 0
    print(f"\nconcurrency: {len(results)} POST /articles from {WRITERS} writers, {len(stored_ids)} events stored, "
          f"{pages[0]} reader pages checked, 0 problems")

    check = subprocess.run(
        [shutil.which("geo-events") or "geo-events", "store", "check", "--store", str(store_path), "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    report = json.loads(check.stdout)
    assert report["ok"] and report["events"] == len(numbers) + 1


def test_same_article_posted_concurrently_is_stored_once(live_server) -> None:
    base, _ = live_server
    one = article(10_000)

    def post(_: int) -> dict:
        with httpx.Client(timeout=120, headers={"X-API-Key": API_KEY}) as client:
            return client.post(f"{base}/articles", json=one).json()

    with ThreadPoolExecutor(WRITERS) as pool:
        bodies = list(pool.map(post, range(WRITERS)))
    actions = sorted(event["action"] for body in bodies for event in body["events"])
    assert actions.count("created") == 1, actions
    assert set(actions) <= {"created", "unchanged"}
    ids = {event["id"] for body in bodies for event in body["events"]}
    assert len(ids) == 1


def test_reposting_every_article_changes_nothing(live_server) -> None:
    base, _ = live_server
    with httpx.Client(timeout=120) as client:
        before = {f["id"]: f for f in _read_all(client, base)}
    sample = list(range(0, WRITERS * ARTICLES_PER_WRITER, max(1, ARTICLES_PER_WRITER // 5)))

    def post(number: int) -> list[str]:
        with httpx.Client(timeout=120, headers={"X-API-Key": API_KEY}) as client:
            return [e["action"] for e in client.post(f"{base}/articles", json=article(number)).json()["events"]]

    with ThreadPoolExecutor(WRITERS) as pool:
        actions = [a for rows in pool.map(post, sample) for a in rows]
    assert actions and set(actions) == {"unchanged"}
    with httpx.Client(timeout=120) as client:
        after = {f["id"]: f for f in _read_all(client, base)}
    assert after == before


def _raw_status(base: str, request: bytes) -> int | None:
    """Send raw bytes to the server; return the HTTP status it answers (None: it closed the connection)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return None
            data += chunk
    return int(data.split(b" ", 2)[1])


def test_oversized_url_and_header_do_not_crash_the_server(live_server) -> None:
    base, _ = live_server
    host = base.removeprefix("http://").encode()
    long_url = _raw_status(base, b"GET /events?q=" + b"x" * 200_000 + b" HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")
    assert long_url is None or 400 <= long_url < 500
    huge_header = _raw_status(base, b"GET /events HTTP/1.1\r\nHost: " + host + b"\r\nX-Junk: " + b"y" * 200_000
                              + b"\r\n\r\n")  # fmt: skip
    assert huge_header is None or 400 <= huge_header < 500
    garbage = _raw_status(base, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(500) + b"\r\n\r\n")
    assert garbage is None or 400 <= garbage < 500
    with httpx.Client(timeout=30) as client:
        assert 400 <= client.get(f"{base}/events", params={"q": "x" * 20_000}).status_code < 500
        assert client.get(f"{base}/health").status_code == 200  # still serving


# ---------------------------------------------------------------- several processes on one store file
def _process_writer(path: str, writer: int, count: int, compact_every: int) -> None:
    from geo_events.store import GeoJSONFileStore

    from .helpers import make_event

    store = GeoJSONFileStore(path, compact_every=compact_every)
    for i in range(count):
        store.upsert(make_event(f"evt-p{writer}-{i:04d}", notes=f"writer {writer} event {i}"))


def _process_reader(path: str, rounds: int, queue) -> None:
    from geo_events.errors import GeoEventsError
    from geo_events.query import EventQuery
    from geo_events.store import GeoJSONFileStore

    problems, last = [], 0
    store = GeoJSONFileStore(path, compact_every=0)
    for _ in range(rounds):
        try:
            result = store.query(EventQuery(limit=10_000, sort="id"))
        except GeoEventsError as err:
            problems.append(f"{type(err).__name__}: {err}")
            continue
        ids = [f["id"] for f in result.features]
        if len(ids) < last:
            problems.append(f"reader saw {len(ids)} events after {last}")
        if len(ids) != len(set(ids)) or len(ids) != result.number_matched:
            problems.append("inconsistent page")
        last = len(ids)
    queue.put(problems)


@pytest.mark.parametrize("compact_every", [3, 50])
def test_several_processes_share_one_store(tmp_path: Path, compact_every: int) -> None:
    """4 writer processes (with frequent compactions) and 2 reader processes on the same store file."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    path = str(tmp_path / "events.geojson")
    per_writer = 60
    queue = context.Queue()
    writers = [context.Process(target=_process_writer, args=(path, w, per_writer, compact_every)) for w in range(4)]
    readers = [context.Process(target=_process_reader, args=(path, 300, queue)) for _ in range(2)]
    for proc in writers + readers:
        proc.start()
    problems = [p for _ in readers for p in queue.get(timeout=300)]
    for proc in writers + readers:
        proc.join(timeout=300)
        assert proc.exitcode == 0
    from geo_events.store import GeoJSONFileStore

    stored = [f["id"] for f in GeoJSONFileStore(path)]
    assert len(stored) == len(set(stored)) == 4 * per_writer
    assert problems == [], problems[:10]
