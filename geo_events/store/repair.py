"""Check a GeoJSON file store and repair it without silent data loss (``geo-events store check``).

``check_store`` re-reads every byte of the snapshot and the journal and verifies every checksum (the
CRC-32 of each snapshot line, kept in the snapshot's last member, and of each journal record), validates
every event, and compares the journal with its witness file (how much of it was acknowledged), so a
journal cut short is reported as lost writes, not as a torn last write.

Repair salvages every record it can verify (its checksum matches) or, where no checksum survives, every
record that still validates — and says how many of those it could not verify; it keeps a byte-for-byte
backup of each damaged file beside it (``*.damaged-<timestamp>``) and lists what it dropped, line by line.
"""

from __future__ import annotations

import os
import shutil
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import orjson

from geo_events.errors import GeoEventsError, StoreCorrupted, ValidationFailed
from geo_events.store.geojson import (
    _HEADER,
    _SUMS,
    RS,
    GeoJSONFileStore,
    _legacy_record,
    read_checksums,
    unseal_record,
    validate_event,
)


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
    #: Where each dropped record was (``file line N: why``).
    dropped_records: list[str] = field(default_factory=list)
    #: Salvaged records whose checksum was lost with the damage (kept because they validate).
    unverified: int = 0
    #: Acknowledged journal writes missing because the journal was cut short.
    lost_acknowledged: int = 0
    backups: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Return the report as a JSON-ready dict."""
        return dict(self.__dict__)


def _known_checksums(data: bytes, path: Path) -> set[int] | None:
    """Return the line checksums of a snapshot: from its last member, else from its ``.idx`` cache."""
    sums_at = data.rfind(_SUMS)
    if sums_at != -1 and data[: len(_HEADER)] == _HEADER:
        try:
            return set(read_checksums(data.rstrip(b"\n") + b"\n", sums_at)[0].tolist())
        except ValueError:
            pass
    try:  # the column cache keeps the same CRC-32 per row; only trusted for matching, never for content
        with np.load(path.with_name(path.name + ".idx"), allow_pickle=False) as cache:
            return set(cache["crc"].tolist())
    except Exception:  # noqa: BLE001 - missing or damaged cache: nothing to verify against
        return None


def _salvage_snapshot(data: bytes, path: Path, report: CheckReport) -> list[dict]:
    """Return the features of a possibly damaged snapshot that can be verified (or at least validated)."""
    known = _known_checksums(data, path)
    good: list[dict] = []
    if data[: len(_HEADER)] != _HEADER:  # another tool's layout: no checksums, validate each feature
        try:
            collection = orjson.loads(data)
            features = collection.get("features") or [] if isinstance(collection, dict) else []
        except orjson.JSONDecodeError:
            features = None
        if isinstance(features, list):
            for number, feature in enumerate(features, 1):
                try:
                    good.append(validate_event(feature))
                    report.unverified += 1
                except ValidationFailed as err:
                    report.dropped += 1
                    report.dropped_records.append(f"{path.name} feature {number}: {err}")
            return good
    for number, line in enumerate(data.split(b"\n"), 1):
        line = line.strip()
        if line.endswith(b","):
            line = line[:-1]
        if not line.startswith(b'{"type":"Feature"'):
            if line and line != _HEADER.strip() and not line.startswith(b'],"geo_events:checksums"') and line != b"]}":
                report.dropped += 1
                report.dropped_records.append(f"{path.name} line {number}: not a Feature line")
            continue
        verified = known is not None and zlib.crc32(line) in known
        if known is not None and not verified:
            report.dropped += 1
            report.dropped_records.append(f"{path.name} line {number}: fails its CRC-32 checksum")
            continue
        try:
            good.append(validate_event(orjson.loads(line)))
        except (orjson.JSONDecodeError, ValidationFailed) as err:
            report.dropped += 1
            report.dropped_records.append(f"{path.name} line {number}: {str(err)[:200]}")
            continue
        if not verified:
            report.unverified += 1
    return good


def _salvage_journal(data: bytes, path: Path, report: CheckReport) -> list[dict]:
    good: list[dict] = []
    for number, record in enumerate(data.split(RS)[1:] if data.startswith(RS) else data.split(RS), 1):
        body = record[:-1] if record.endswith(b"\n") else record
        if not body.strip():
            continue
        try:
            raw = unseal_record(body)
            if raw is None:
                raw = _legacy_record(body)
                report.unverified += 1
            feature = orjson.loads(raw)
            if not (feature.get("properties") or {}).get("geo_events:deleted"):
                feature = validate_event(feature)
            good.append(feature)
        except (orjson.JSONDecodeError, ValidationFailed, ValueError, AttributeError, TypeError) as err:
            report.dropped += 1
            why = "unfinished (a torn write)" if not record.endswith(b"\n") else str(err)[:200]
            report.dropped_records.append(f"{path.name} record {number}: {why}")
    return good


def _backup(path: Path, report: CheckReport) -> None:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():  # never overwrite an earlier backup
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    shutil.copy2(path, target)
    report.backups.append(str(target))


def _witness(path: Path) -> tuple[int, int] | None:
    probe = GeoJSONFileStore.__new__(GeoJSONFileStore)
    probe.witness_path = path.with_name(path.name + ".journal.len")
    return probe._read_witness()


def check_store(path: str | os.PathLike[str], repair: bool = False) -> CheckReport:
    """Open the store at ``path``, verify every checksum, validate every event, and optionally repair."""
    path = Path(path)
    report = CheckReport(path=str(path), ok=True)
    try:
        store = GeoJSONFileStore(path, compact_every=0)
        store.verify()
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
        if store.witness_damaged:
            report.problems.append(f"{store.witness_path} is damaged (the journal's acknowledged length)")
        if not store.checksummed:
            report.problems.append(
                "the snapshot has no checksums (written by an older version or another tool); "
                f"`geo-events store compact --store {path}` adds them"
            )
        report.ok = bad == 0 and not store.torn_tail and not store.witness_damaged
        if report.ok or not repair:
            return report
    except (StoreCorrupted, GeoEventsError) as err:
        report.ok = False
        report.problems.append(str(err))
        if not repair:
            return report

    # Repair: salvage snapshot and journal, back up the damaged originals, rewrite a clean store.
    features: dict[str, dict] = {}
    journal_path = path.with_name(path.name + ".journal.geojsons")
    witness_path = path.with_name(path.name + ".journal.len")
    witness = _witness(path)
    journal_records = 0
    for source, salvage in ((path, _salvage_snapshot), (journal_path, _salvage_journal)):
        if not source.exists():
            continue
        good = salvage(source.read_bytes(), source, report)
        if source == journal_path:
            journal_records = len(good)
        _backup(source, report)
        for feature in good:
            fid = feature["properties"]["id"]
            if feature["properties"].get("geo_events:deleted"):
                features.pop(fid, None)
            else:
                features[fid] = feature
    if witness is not None and witness[1] > journal_records:
        report.lost_acknowledged = witness[1] - journal_records
        report.problems.append(
            f"{report.lost_acknowledged} acknowledged journal record(s) are gone (the journal was cut short); "
            "restore them from a backup or re-ingest their sources"
        )
    for stale in (path, journal_path, witness_path, path.with_name(path.name + ".idx")):
        stale.unlink(missing_ok=True)
    store = GeoJSONFileStore(path, compact_every=0)
    store.upsert_many(list(features.values()))
    store.compact()
    report.salvaged = len(features)
    report.events = len(store)
    report.repaired = True
    report.ok = True
    return report
