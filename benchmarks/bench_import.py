"""ACLED import benchmark: a self-generated ACLED-layout file of 100,000 rows into a fresh store.

* **ours**: ``geo_events.interchange.import_dataset`` (decode, delimiter sniffing, every cell checked a
  column at a time, swapped-coordinate test, control zone of every point, one Feature dict per row, one
  durable ``upsert_many`` per 50,000 rows and a compaction), in-process and as the ``geo-events import acled`` command
  (interpreter start included); then a re-import of the same file, which must change nothing.
* **peer**: what an analyst does without geo-events: ``pandas.read_csv`` + ``geopandas.points_from_xy``
  on the same file (no validation, nothing stored) — context for the cost of checking and storing.

The rows are generated (seeded, deterministic): towns of eastern Syria and western Iraq with jitter,
dates 2017–2019, a rough ACLED mix of event types, made-up actor names and own-words notes.

    python benchmarks/bench_import.py [ROWS]      # prints the figures (default 100,000 rows)
    python benchmarks/bench_import.py --ingest N  # bulk ingest of N generated articles, 2 workers
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``geo_events`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.report import load_average, make_row

ROWS = 100_000
SMOKE_ROWS = 300
TARGET_S = 10.0
#: (name, admin1, lat, lon, iso numeric, country)
TOWNS = (
    ("Khasham", "Deir ez-Zor", 35.3008, 40.2891, 760, "Syria"),
    ("Hajin", "Deir ez-Zor", 34.6913, 40.8304, 760, "Syria"),
    ("Al Mayadin", "Deir ez-Zor", 35.0194, 40.4511, 760, "Syria"),
    ("Abu Kamal", "Deir ez-Zor", 34.4506, 40.9186, 760, "Syria"),
    ("Raqqa", "Raqqa", 35.9528, 39.0079, 760, "Syria"),
    ("Manbij", "Aleppo", 36.5281, 37.9549, 760, "Syria"),
    ("Al Qaim", "Al Anbar", 34.3853, 41.0838, 368, "Iraq"),
    ("Rawah", "Al Anbar", 34.4817, 41.9094, 368, "Iraq"),
    ("Hit", "Al Anbar", 33.6416, 42.8251, 368, "Iraq"),
)
KINDS = (
    ("Battles", "Armed clash", 30),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 20),
    ("Explosions/Remote violence", "Air/drone strike", 15),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 8),
    ("Violence against civilians", "Attack", 10),
    ("Protests", "Peaceful protest", 8),
    ("Riots", "Mob violence", 2),
    ("Strategic developments", "Looting/property destruction", 4),
    ("Strategic developments", "Arrests", 3),
)
ACTORS = ("Invented Government Forces", "Invented Front", "Invented Coalition", "Invented Militia",
          "Invented Tribal Force", "Unidentified Armed Group", "Civilians", "Protesters")


def generate(path: Path, rows: int, seed: int = 20180207) -> Path:
    """Write ``rows`` ACLED-layout rows to ``path`` (seeded: the same bytes every time)."""
    from geo_events.interchange import acled

    rng = random.Random(seed)
    kinds = [k for k in KINDS for _ in range(k[2])]
    start = date(2017, 1, 1)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=acled.COLUMNS, lineterminator="\n")
        writer.writeheader()
        for i in range(rows):
            town, admin1, lat, lon, iso, country = TOWNS[rng.randrange(len(TOWNS))]
            event_type, sub_event_type, _ = kinds[rng.randrange(len(kinds))]
            day = start + timedelta(days=rng.randrange(3 * 365))
            fatalities = 0 if event_type in ("Protests", "Strategic developments") else rng.choice((0, 0, 1, 2, 5, 12))
            writer.writerow({
                "event_id_cnty": f"GEN{i + 1}", "event_date": day.isoformat(), "year": str(day.year),
                "time_precision": str(rng.choice((1, 1, 1, 2, 3))), "disorder_type": "Political violence",
                "event_type": event_type, "sub_event_type": sub_event_type, "actor1": rng.choice(ACTORS),
                "assoc_actor_1": rng.choice(("", "", "Invented Ally")), "inter1": "1",
                "actor2": rng.choice(ACTORS), "assoc_actor_2": "", "inter2": "2", "interaction": "12",
                "civilian_targeting": "", "iso": str(iso), "region": "Middle East", "country": country,
                "admin1": admin1, "admin2": admin1, "admin3": "", "location": town,
                "latitude": f"{lat + rng.uniform(-0.05, 0.05):.4f}", "longitude": f"{lon + rng.uniform(-0.05, 0.05):.4f}",
                "geo_precision": str(rng.choice((1, 1, 2, 3))), "source": rng.choice(("Outlet A", "Outlet B; Outlet C")),
                "source_scale": "National", "notes": f"Generated row {i + 1}: {event_type.lower()} near {town}.",
                "fatalities": str(fatalities), "tags": "", "timestamp": str(1_600_000_000 + i),
            })  # fmt: skip
    return path


INGEST_ARTICLES = 2_000
SMOKE_ARTICLES = 20
INGEST_TARGET = 200.0
_PHRASES = ("An air strike hit", "Shelling hit", "Clashes broke out in", "A roadside bomb exploded in")


def write_articles(folder: Path, n: int, seed: int = 20180207) -> Path:
    """Write ``n`` short self-written articles (one ``.txt`` each) naming towns, dates and tolls."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2017, 1, 1)
    for i in range(n):
        town = TOWNS[rng.randrange(len(TOWNS))][0]
        day = start + timedelta(days=rng.randrange(3 * 365))
        text = (f"{rng.choice(_PHRASES)} the town of {town} on {day.day} {day:%B %Y}, killing "
                f"{rng.randrange(1, 30)} people, an invented local monitor said. Generated article {i + 1}.")
        (folder / f"article{i + 1:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def measure_ingest(n: int, folder: Path, workers: int = 2) -> dict[str, Any]:
    """Time ``geo-events ingest FOLDER --workers N`` on ``n`` generated articles (a fresh store)."""
    articles = write_articles(folder / "articles", n)
    command = [sys.executable, "-c", "from geo_events.cli import main; main()", "ingest", str(articles),
               "--workers", str(workers), "--json", "--store", str(folder / "ingest" / "events.geojson")]
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, check=False,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    seconds = time.perf_counter() - started
    summary = json.loads(out.stdout) if out.stdout.strip() else {"error": out.stderr[-300:]}
    return {"articles": n, "workers": workers, "seconds": seconds, "rate": n / seconds, "summary": summary}


def _peer_seconds(path: Path) -> float:
    import geopandas as gpd
    import pandas as pd

    started = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["longitude"].astype(float),
                                                        frame["latitude"].astype(float)), crs="EPSG:4326")
    return time.perf_counter() - started


def measure(rows: int, folder: Path) -> dict[str, Any]:
    """Generate the file, import it in-process, re-import it, import it with the CLI; return the figures."""
    from geo_events.interchange import import_dataset, open_dataset, read_dataset
    from geo_events.store import GeoJSONFileStore

    path = generate(folder / "acled.csv", rows)
    figures: dict[str, Any] = {"rows": rows, "file_mb": path.stat().st_size / 1e6, "load_start": load_average()}
    started = time.perf_counter()
    for _ in open_dataset(path, "acled").features():  # reading and checking only, as the import reads
        pass
    figures["read_s"] = time.perf_counter() - started
    started = time.perf_counter()
    read_dataset(path, "acled")  # the row-by-row reader (pydantic-shaped Event objects, all in memory)
    figures["read_events_s"] = time.perf_counter() - started
    store = GeoJSONFileStore(folder / "a" / "events.geojson")
    started = time.perf_counter()
    report = import_dataset(store, path, "acled")  # streamed: read, check and store chunk by chunk
    figures["import_s"] = time.perf_counter() - started
    figures["created"], figures["rejected"] = report.created, len(report.problems)
    started = time.perf_counter()
    again = import_dataset(store, path, "acled")
    figures["reimport_s"] = time.perf_counter() - started
    figures["reimport_unchanged"] = again.unchanged
    cli_store = folder / "cli" / "events.geojson"
    started = time.perf_counter()
    command = [sys.executable, "-c", "from geo_events.cli import main; main()"]
    out = subprocess.run([*command, "import", "acled", str(path), "--json", "--store", str(cli_store)],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    figures["cli_s"] = time.perf_counter() - started
    figures["cli_created"] = json.loads(out.stdout)["created"] if out.returncode == 0 else f"failed: {out.stderr}"
    figures["peer_s"] = _peer_seconds(path)
    figures["load_end"] = load_average()
    return figures


def run(smoke: bool = False) -> list[dict[str, Any]]:
    """Benchmark rows for ``python -m benchmarks``."""
    rows = SMOKE_ROWS if smoke else ROWS
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        f = measure(rows, Path(tmp))
    target = f"< {TARGET_S:g} s at 100k rows"
    load = f"load average {f['load_start']}–{f['load_end']} on {os.cpu_count()} cores"
    checked = (f"{f['created']:,} events created, {f['rejected']} rows rejected; re-import: "
               f"{f['reimport_unchanged']:,} unchanged")
    decided = None if smoke else f["import_s"] < TARGET_S
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        g = measure_ingest(SMOKE_ARTICLES if smoke else INGEST_ARTICLES, Path(tmp))
    s = g["summary"]
    return [
        make_row(f"bulk ingest, {g['articles']:,} generated articles, `geo-events ingest DIR --workers 2`",
                 g["rate"], unit="articles/s", higher_is_better=True, target=f">= {INGEST_TARGET:g} articles/s",
                 met=None if smoke else g["rate"] >= INGEST_TARGET,
                 note=f"{s.get('created', '?')} created, {s.get('merged', '?')} merged, {s.get('failed', '?')} "
                      f"failed; interpreter start, extraction, merge (one durable write per event) included; "
                      f"{load}"),
        make_row(f"ACLED import, {rows:,} rows ({f['file_mb']:.0f} MB), in-process", f["import_s"], f["peer_s"],
                 unit="s", target=target, met=decided,
                 note=f"read + check alone {f['read_s']:.1f} s (first read: one-off loads included), row-by-row "
                      f"reader {f['read_events_s']:.1f} s; {checked}; peer = pandas."
                      f"read_csv + points_from_xy (no checks, nothing stored); {load}"),
        make_row(f"ACLED import, {rows:,} rows, `geo-events import acled` command", f["cli_s"], unit="s",
                 target=target, met=None if smoke else f["cli_s"] < TARGET_S,
                 note=f"interpreter start and imports included; created {f['cli_created']}"),
        make_row(f"ACLED re-import of the same {rows:,} rows (nothing changes)", f["reimport_s"], unit="s",
                 note="every row read, checked and compared with the stored event; no write"),
    ]


def main() -> None:
    """Print the figures of one run (``--ingest N``: the bulk-ingest figures for N articles instead)."""
    if len(sys.argv) > 2 and sys.argv[1] == "--ingest":
        with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
            g = measure_ingest(int(sys.argv[2]), Path(tmp))
        summary = {k: v for k, v in g.pop("summary").items() if k not in ("by_input", "failures")}
        print(json.dumps({**g, **summary, "load": load_average()}, indent=1))
        return
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        figures = measure(rows, Path(tmp))
    for key, value in figures.items():
        print(f"{key:>20}: {value:.2f}" if isinstance(value, float) else f"{key:>20}: {value}")
    print(f"{'rows/s':>20}: {rows / figures['import_s']:,.0f}")
    verdict = "met" if figures["import_s"] < TARGET_S else "MISSED"
    print(f"target < {TARGET_S:g} s for {rows:,} rows in-process: {verdict}")


if __name__ == "__main__":
    main()
