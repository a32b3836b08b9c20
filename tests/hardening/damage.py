"""The on-disk damage harness (issue 20, findings 4–5): random bit flips, digit changes and truncations of a
store's snapshot and journal, each judged *detected*, *harmless* or *served wrong*.

* **detected**: opening the store, reading its events or ``GET /events`` raises ``StoreCorrupted`` (the API
  answers 503), or ``store check`` reports the damage;
* **harmless**: everything served is byte-for-byte what was stored and acknowledged;
* **served wrong**: anything else (an event lost, changed or added while the store answers normally).

Flips keep the file's size and modification time (bit rot does), so the ``.idx`` column cache still
matches the snapshot. ``python -m tests.hardening.damage [trials per kind]`` prints the table.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import orjson

from geo_events.errors import StoreCorrupted
from geo_events.store import GeoJSONFileStore
from geo_events.store.repair import check_store

from .helpers import make_event

KINDS = ("snapshot-flip", "snapshot-digit", "snapshot-cut", "journal-flip", "journal-digit", "journal-cut")


def build_template(folder: Path, n_snapshot: int = 20, n_journal: int = 10) -> Path:
    """Write a store with a compacted snapshot (+ .idx) and a journal; return its path."""
    path = folder / "events.geojson"
    store = GeoJSONFileStore(path, compact_every=0)
    store.upsert_many([make_event(f"evt-snap-{i:02d}", notes=f"snapshot {i}", fatalities_best=i,
                                  fatalities_low=i, fatalities_high=i) for i in range(n_snapshot)])
    store.compact()
    (folder / "snapshot-only.json").write_bytes(orjson.dumps({k: v.decode() for k, v in served(path).items()}))
    for i in range(n_journal):
        store.upsert(make_event(f"evt-jour-{i:02d}", notes=f"journal {i}"))
    store.delete("evt-snap-05")
    return path


def served(path: Path) -> dict[str, bytes]:
    """Every event the store serves, id → canonical JSON."""
    store = GeoJSONFileStore(path, compact_every=0)
    return {f["properties"]["id"]: orjson.dumps(f, option=orjson.OPT_SORT_KEYS) for f in store}


def damage(path: Path, kind: str, rng: random.Random) -> str:
    """Damage one file of the store at ``path`` in place; return what was done."""
    target = path if kind.startswith("snapshot") else path.with_name(path.name + ".journal.geojsons")
    data = bytearray(target.read_bytes())
    st = target.stat()
    if kind.endswith("cut"):
        cut = rng.randrange(0, len(data))
        target.write_bytes(bytes(data[:cut]))
        return f"{target.name} cut at {cut} of {len(data)}"
    if kind.endswith("flip"):
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        what = f"{target.name} bit flip at {at}"
    else:
        digits = [i for i, b in enumerate(data) if 48 <= b <= 57]
        at = rng.choice(digits)
        data[at] = 48 + (data[at] - 48 + rng.randrange(1, 10)) % 10
        what = f"{target.name} digit changed at {at}"
    target.write_bytes(bytes(data))
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # bit rot keeps size and mtime
    return what


def judge(path: Path, expected: dict[str, bytes], client_factory=None) -> str:
    """Return ``detected``, ``harmless`` or ``served wrong`` for a damaged store."""
    try:
        got = served(path)
    except StoreCorrupted:
        return "detected"
    except Exception:  # noqa: BLE001 - any other error is what a server turns into a 500
        return "error"
    if client_factory is not None:
        response = client_factory(path).get("/events?limit=10000")
        if response.status_code == 503:
            return "detected"
        if response.status_code >= 500:
            return "error"
        assert response.status_code == 200, response.text
        api = {f["properties"]["id"]: orjson.dumps(f, option=orjson.OPT_SORT_KEYS)
               for f in orjson.loads(response.content)["features"]}
        if api != expected:
            return "served wrong"
    if got != expected:
        return "served wrong"
    try:
        report = check_store(path)
    except Exception:  # noqa: BLE001
        return "error"
    return "harmless" if report.ok else "detected"


def run(trials_per_kind: int, folder: Path, seed: int = 20, client_factory=None) -> dict[str, Counter]:
    """Run the damage trials; return kind → Counter of verdicts.

    Also counted: ``repair wrong`` (repair kept an event in a version that was never acknowledged),
    ``recovered`` / ``lost`` (events after repair, against the undamaged store).
    """
    template_dir = folder / "template"
    template_dir.mkdir()
    template = build_template(template_dir)
    expected = served(template)
    # every version that was ever acknowledged: a repair may fall back to an older one, never invent one
    acknowledged = {k: {v.encode()} for k, v in orjson.loads((template_dir / "snapshot-only.json").read_bytes()).items()}
    for key, raw in expected.items():
        acknowledged.setdefault(key, set()).add(raw)
    rng = random.Random(seed)
    results: dict[str, Counter] = {}
    for kind in KINDS:
        counts: Counter = Counter()
        for trial in range(trials_per_kind):
            work = folder / f"{kind}-{trial}"
            shutil.copytree(template_dir, work)  # copy2 keeps the mtimes, so the .idx still matches
            path = work / template.name
            what = damage(path, kind, rng)
            verdict = judge(path, expected, client_factory)
            counts[verdict] += 1
            if verdict == "served wrong":
                counts.setdefault("examples", [])  # type: ignore[arg-type]
                counts["examples"].append(what)  # type: ignore[union-attr]
            if verdict in ("detected", "error"):  # repair must keep only what was stored, never altered data
                try:
                    report = check_store(path, repair=True)
                    after = served(path)
                except Exception:  # noqa: BLE001
                    counts["repair failed"] += 1
                    shutil.rmtree(work)
                    continue
                if any(raw not in acknowledged.get(i, ()) for i, raw in after.items()):
                    counts["repair wrong"] += 1
                counts["recovered"] += len(after)
                counts["lost"] += len(expected) - len(after)
                assert report.repaired or report.ok
            shutil.rmtree(work)
        results[kind] = counts
    return results


def main() -> None:
    """Print the damage table for ``argv[1]`` trials per kind (default 60)."""
    import tempfile

    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        results = run(trials, Path(folder))
    print("| Damage | Trials | Detected | Harmless | Served wrong | Error (500) | Repair failed | Repair kept wrong data |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for kind, c in results.items():
        print(f"| {kind} | {trials} | {c['detected']} | {c['harmless']} | {c['served wrong']} | {c['error']} "
              f"| {c['repair failed']} | {c['repair wrong']} |")
    print(f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
