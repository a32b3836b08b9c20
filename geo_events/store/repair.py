"""Check a GeoJSON file store and repair it without silent data loss (``geo-events store check``).

Repair salvages every record that still parses and validates, keeps a byte-for-byte backup of each
damaged file beside it (``*.damaged-<timestamp>``), and reports what it dropped, so nothing disappears
unnoticed.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from geo_events.errors import GeoEventsError, StoreCorrupted, ValidationFailed
from geo_events.store.geojson import RS, GeoJSONFileStore, validate_event


@dataclass
class CheckReport:
    """What ``check_store`` found and did."""

    path: str
    ok: bool
    events: int = 0
    problems: list[str] = field(default_factory=list)
    repaired: bool = False
    salvaged: int = 0
    dropped: int = 0
    backups: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Return the report as a JSON-ready dict."""
        return dict(self.__dict__)


def _salvage_snapshot(data: bytes) -> tuple[list[dict], int]:
    """Return (valid features, number of unusable lines) from a possibly damaged snapshot."""
    try:
        collection = orjson.loads(data)
        features = collection.get("features") or [] if isinstance(collection, dict) else []
        good = []
        bad = 0
        for feature in features:
            try:
                good.append(validate_event(feature))
            except ValidationFailed:
                bad += 1
        return good, bad
    except orjson.JSONDecodeError:
        pass
    good, bad = [], 0
    for line in data.split(b"\n"):
        line = line.strip().rstrip(b",")
        if not line.startswith(b'{"type":"Feature"'):
            if line and line not in (b'{"type":"FeatureCollection","features":[', b"]}"):
                bad += 1
            continue
        try:
            good.append(validate_event(orjson.loads(line)))
        except (orjson.JSONDecodeError, ValidationFailed):
            bad += 1
    return good, bad


def _salvage_journal(data: bytes) -> tuple[list[dict], int]:
    good, bad = [], 0
    for record in data.split(RS):
        if not record.strip():
            continue
        try:
            feature = orjson.loads(record)
            if (feature.get("properties") or {}).get("geo_events:deleted"):
                good.append(feature)
            else:
                good.append(validate_event(feature))
        except (orjson.JSONDecodeError, ValidationFailed, AttributeError):
            bad += 1
    return good, bad


def _backup(path: Path, report: CheckReport) -> None:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():  # never overwrite an earlier backup
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    shutil.copy2(path, target)
    report.backups.append(str(target))


def check_store(path: str | os.PathLike[str], repair: bool = False) -> CheckReport:
    """Open the store at ``path``, validate every event, and optionally repair damage."""
    path = Path(path)
    report = CheckReport(path=str(path), ok=True)
    try:
        store = GeoJSONFileStore(path, compact_every=0)
        bad = 0
        for feature in store:
            try:
                validate_event(feature)
            except ValidationFailed as err:
                bad += 1
                report.problems.append(str(err))
        report.events = len(store)
        if store.torn_tail:
            report.problems.append(
                "journal ends with an unfinished record (a write that was never acknowledged)"
            )
        report.ok = bad == 0 and not store.torn_tail
        if report.ok or not repair:
            return report
    except StoreCorrupted as err:
        report.ok = False
        report.problems.append(str(err))
        if not repair:
            return report
    except GeoEventsError as err:
        report.ok = False
        report.problems.append(str(err))
        if not repair:
            return report

    # Repair: salvage snapshot and journal, back up the damaged originals, rewrite a clean store.
    features: dict[str, dict] = {}
    journal_path = path.with_name(path.name + ".journal.geojsons")
    for source, salvage in ((path, _salvage_snapshot), (journal_path, _salvage_journal)):
        if not source.exists():
            continue
        good, dropped = salvage(source.read_bytes())
        report.dropped += dropped
        _backup(source, report)
        for feature in good:
            fid = feature["properties"]["id"]
            if feature["properties"].get("geo_events:deleted"):
                features.pop(fid, None)
            else:
                features[fid] = feature
    path.unlink(missing_ok=True)
    journal_path.unlink(missing_ok=True)
    store = GeoJSONFileStore(path, compact_every=0)
    store.upsert_many(list(features.values()))
    store.compact()
    report.salvaged = len(features)
    report.events = len(store)
    report.repaired = True
    report.ok = True
    return report
