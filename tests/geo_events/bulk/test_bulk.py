"""Bulk ingest (geo_events.bulk): folders, feeds, stdin, URL lists, workers, journal, kill -9 and rerun."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo_events.bulk import ingest_bulk, pages
from geo_events.bulk.journal import Journal
from geo_events.bulk.sources import discover
from geo_events.errors import ExtractionError
from geo_events.store import GeoJSONFileStore

TOWNS = ("Hajin", "Al Mayadin", "Abu Kamal", "Khasham", "Raqqa", "Manbij", "Deir ez-Zor", "Tabqa")
KINDS = ("An air strike hit", "Shelling hit", "Clashes broke out in")

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Invented Wire</title>
<item><title>Clashes near Abu Kamal</title><link>https://invented.example/1</link>
<pubDate>Tue, 10 Apr 2018 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Clashes broke out near Abu Kamal in eastern
Syria on 9 April 2018, killing 4 fighters, an invented monitor said.&lt;/p&gt;</description></item>
<item><title>Quiet</title><link>https://invented.example/2</link><description>A calm day.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Invented Atom</title>
<entry><title>Strike on Hajin</title><id>urn:invented:1</id><link href="https://invented.example/a"/>
<updated>2018-03-02T08:00:00Z</updated>
<content type="html">&lt;p&gt;An air strike hit the town of Hajin in eastern
Syria on 1 March 2018, killing 6 civilians, an invented monitor said.&lt;/p&gt;</content></entry></feed>"""
PAGE = """<html><head><title>Invented headline</title><meta property="og:site_name" content="Invented Daily">
<meta name="date" content="2018-04-02"></head>
<body><nav>Home | World | Sport</nav><article><p>Shelling hit the
town of Hajin in eastern Syria on 1 April 2018, killing 3 fighters, an invented monitor said.</p></article>
<footer>Invented footer</footer></body></html>"""


def article_text(i: int) -> str:
    town, kind = TOWNS[i % len(TOWNS)], KINDS[i % len(KINDS)]
    return (
        f"{kind} the town of {town} in eastern Syria on {i % 27 + 1} {('January', 'March')[i % 2]} 2018, "
        f"killing {i % 9 + 2} people, an invented local monitor said."
    )


def write_folder(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(article_text(i), encoding="utf-8")
    return folder


def contents(store: GeoJSONFileStore) -> list[dict]:
    out = []
    for feature in store:
        feature["properties"].pop("extracted_at", None)
        out.append(feature)
    return sorted(out, key=lambda f: f["id"])


def test_discover_reads_folders_feeds_and_skips_other_files(tmp_path: Path) -> None:
    write_folder(tmp_path / "in" / "sub", 2)
    (tmp_path / "in" / "page.html").write_text(PAGE)
    (tmp_path / "in" / "feed.rss").write_text(RSS)
    (tmp_path / "in" / "data.csv").write_text("a,b\n")
    (tmp_path / "in" / ".hidden.txt").write_text("x")
    units = list(discover([str(tmp_path / "in")], {}))
    labels = [u.label for u in units]
    assert labels == [
        str(tmp_path / "in" / "feed.rss") + "#1",
        str(tmp_path / "in" / "feed.rss") + "#2",
        str(tmp_path / "in" / "page.html"),
        str(tmp_path / "in" / "sub" / "a0000.txt"),
        str(tmp_path / "in" / "sub" / "a0001.txt"),
    ]
    again = [u.key for u in discover([str(tmp_path / "in")], {})]
    assert again == [u.key for u in units] and len(set(again)) == 5
    (tmp_path / "in" / "sub" / "a0001.txt").write_text("changed text, a longer one")
    assert [u.key for u in discover([str(tmp_path / "in")], {})][-1] != again[
        -1
    ]  # an edited file is new work


def test_feeds_become_articles_with_their_metadata() -> None:
    rss = pages.feed_articles(RSS.encode(), {}, "feed.rss")
    assert [(a["title"], a["url"], a["published"], a["publisher"]) for a in rss] == [
        ("Clashes near Abu Kamal", "https://invented.example/1", "2018-04-10", "Invented Wire"),
        ("Quiet", "https://invented.example/2", None, "Invented Wire"),
    ]
    assert "Clashes broke out near Abu Kamal" in rss[0]["text"] and "<p>" not in rss[0]["text"]
    [atom] = pages.feed_articles(ATOM.encode(), {"publisher": "fallback"}, "feed.atom")
    assert (atom["title"], atom["url"], atom["published"], atom["publisher"]) == (
        "Strike on Hajin",
        "https://invented.example/a",
        "2018-03-02",
        "Invented Atom",
    )
    with pytest.raises(ExtractionError, match="not an RSS or Atom feed"):
        pages.feed_articles(b"<<<not xml", {}, "broken.xml")


def test_html_pages_are_cleaned_and_give_their_metadata() -> None:
    article = pages.html_to_article(PAGE, {"publisher": "fallback", "published": "2000-01-01"}, "page.html")
    assert (article["title"], article["published"], article["publisher"]) == (
        "Invented headline",
        "2018-04-02",
        "Invented Daily",
    )
    assert "Shelling hit" in article["text"] and "Home | World" not in article["text"]
    assert "Invented footer" not in article["text"]
    with pytest.raises(ExtractionError, match="no article text"):
        pages.html_to_article("<html><head><title>t</title></head><body></body></html>", {}, "empty.html")


def test_workers_give_the_same_store_and_a_rerun_skips_everything(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 24)
    (folder / "page.html").write_text(PAGE)
    (folder / "feed.xml").write_text(RSS)
    (folder / "bad.json").write_text("{not json")
    stores = []
    for workers in (1, 2):
        store = GeoJSONFileStore(tmp_path / f"w{workers}" / "events.geojson")
        journal = tmp_path / f"w{workers}" / "journal.jsonl"
        summary = ingest_bulk(store, [folder], workers=workers, journal=journal)
        assert (summary["units"], summary["articles"], summary["failed"]) == (28, 27, 1)
        assert "bad.json: invalid JSON" in summary["failures"][0]["error"]
        assert summary["created"] + summary["merged"] >= 24 and summary["no_events"] == 1
        stores.append(contents(store))
        again = ingest_bulk(store, [folder], workers=workers, journal=journal)
        assert (again["skipped"], again["articles"], again["created"]) == (28, 0, 0)
    assert stores[0] == stores[1] and len(stores[0]) >= 20


def test_journal_tolerates_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    path.write_text('{"key": "a", "label": "x"}\n{"key": "b", "lab')
    journal = Journal(path)
    assert "a" in journal and "b" not in journal
    journal.record("c", "y", {"created": 1})
    journal.close()
    assert "c" in Journal(path)


def test_url_lists_are_fetched_only_when_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("https://invented.example/page1\nhttps://invented.example/page2\n")
    calls: list[str] = []

    def fake_fetch(url: str, timeout: float = 20.0) -> str:
        calls.append(url)
        return PAGE.replace("Hajin", "Hajin" if url.endswith("1") else "Raqqa")

    monkeypatch.setattr(pages, "fetch", fake_fetch)
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    offline = ingest_bulk(store, [urls])
    assert calls == [] and offline["articles"] == 1 and offline["created"] == 0  # a text file, not a list
    online = ingest_bulk(store, [urls], fetch=True)
    assert calls == ["https://invented.example/page1", "https://invented.example/page2"]
    assert online["articles"] == 2 and online["created"] == 2
    assert {s["url"] for f in store for s in f["properties"]["sources"]} == {
        "https://invented.example/page1",
        "https://invented.example/page2",
    }


def _journal_lines(path: Path) -> int:
    try:
        return path.read_text(encoding="utf-8", errors="replace").count("\n")
    except FileNotFoundError:
        return 0


@pytest.mark.slow
def test_kill_9_in_the_middle_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 400)
    clean = GeoJSONFileStore(tmp_path / "clean" / "events.geojson")
    ingest_bulk(clean, [folder])
    store = tmp_path / "killed" / "events.geojson"
    journal = Path(f"{store}.ingest.jsonl")
    command = [
        sys.executable,
        "-c",
        "from geo_events.cli import main; main()",
        "ingest",
        str(folder),
        "--store",
        str(store),
        "--workers",
        "2",
        "--json",
    ]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 240
    while _journal_lines(journal) < 60 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its workers, mid-run
    proc.wait(timeout=30)
    done_before = _journal_lines(journal)
    assert 60 <= done_before < 400
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["skipped"] >= done_before - 1 and summary["skipped"] + summary["articles"] == 400
    assert contents(GeoJSONFileStore(store)) == contents(clean)


def test_cli_reads_jsonl_from_stdin(tmp_path: Path) -> None:
    lines = "\n".join(
        json.dumps(
            {
                "text": article_text(i),
                "published": "2018-04-01",
                "publisher": "Invented",
                "url": f"https://invented.example/{i}",
            }
        )
        for i in range(3)
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from geo_events.cli import main; main()",
            "ingest",
            "-",
            "--store",
            str(tmp_path / "events.geojson"),
            "--json",
        ],
        input=lines,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert (summary["units"], summary["articles"], summary["created"]) == (3, 3, 3)
    assert summary["journal"] == f"{tmp_path / 'events.geojson'}.ingest.jsonl"


@pytest.mark.slow
def test_ctrl_c_stops_at_once_with_one_line_and_the_rerun_continues(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 300)
    store = tmp_path / "events.geojson"
    journal = Path(f"{store}.ingest.jsonl")
    command = [
        sys.executable,
        "-c",
        "from geo_events.cli import main; main()",
        "ingest",
        str(folder),
        "--store",
        str(store),
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 (the test runs no threads)
    )
    deadline = time.monotonic() + 240
    while _journal_lines(journal) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=60)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 130 and len(lines) == 1 and "rerun the same command" in lines[0], err
    out = subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=300, check=False)
    summary = json.loads(out.stdout)
    assert summary["skipped"] >= 30 and summary["skipped"] + summary["articles"] == 300
