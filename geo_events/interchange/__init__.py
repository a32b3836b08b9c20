"""Exchange events with other data sets in their published layouts: ACLED and UCDP GED CSV files.

>>> report = import_dataset(store, "acled_2018.csv", "acled")  # doctest: +SKIP
>>> report.created, report.updated, report.unchanged, [str(p) for p in report.problems]  # doctest: +SKIP
(981, 0, 0, ['row 17: latitude: 120.1 is outside [-90, 90]; latitude and longitude look swapped'])

Bad rows are reported by row number with the reason and the rest is imported (``strict=True``: nothing is
when any row is bad). Each row keeps the data set's own id as the id of its source, which also fixes the
event id: importing a file again changes nothing, and a newer release of the same rows updates them.
The mapping of every column is in ``docs/formats.md``.
"""

from __future__ import annotations

import csv
import gc
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from geo_events.errors import EventNotFound, InvalidQuery
from geo_events.interchange import acled, ucdp
from geo_events.interchange.columns import acled_block
from geo_events.interchange.context import fill_feature_zones, fill_zones
from geo_events.interchange.matching import StoredEvents
from geo_events.interchange.rows import RowError, RowProblem, read_table
from geo_events.models import Event

#: Data sets by the name used on the command line.
DATASETS: dict[str, ModuleType] = {"acled": acled, "ucdp": ucdp}


@dataclass
class ImportReport:
    """What reading (and importing) one data-set file did."""

    dataset: str
    path: Path
    rows: int = 0
    events: list[Event] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    accepted: int = 0
    created: int = 0
    merged: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False

    def summary(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict (every problem included)."""
        return {
            "dataset": self.dataset, "path": str(self.path), "rows": self.rows, "accepted": self.accepted,
            "rejected": len(self.problems), "created": self.created, "merged": self.merged,
            "updated": self.updated, "unchanged": self.unchanged, "written": self.written, "encoding": self.encoding,
            "delimiter": self.delimiter, "problems": [p.as_dict() for p in self.problems],
            "notices": self.notices,
        }  # fmt: skip


def dataset_module(name: str) -> ModuleType:
    """Return the module of a data set by name (``acled``, ``ucdp``); raise ``InvalidQuery``."""
    try:
        return DATASETS[name.strip().lower()]
    except KeyError:
        raise InvalidQuery(
            f"unknown data set {name!r}; choose one of {', '.join(DATASETS)}", field="format"
        ) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: a 100,000-row file makes millions of acyclic objects, whose
    repeated full collections cost ~40 % of an import; reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: Events written to the store per ``upsert_many`` when importing: bounds the memory of a large file
#: (the store compacts after each chunk, so fewer, larger chunks write less).
STORE_CHUNK = 50_000
#: Records checked a column at a time by a data set's block reader (``columns.acled_block``).
BLOCK_ROWS = 5_000
#: Block readers by data set: rows checked a column at a time (others: one ``row_to_event`` per row).
BLOCK_READERS: dict[str, Any] = {"acled": acled_block}


@dataclass
class DatasetReading:
    """A data-set file whose header was read and checked; ``events()`` reads its rows, once, lazily."""

    report: ImportReport
    table: Any
    module: ModuleType

    def features(self, chunk: int | None = None) -> Iterator[list[dict[str, Any]]]:
        """Yield the valid events as JSON-ready Feature dicts, ``STORE_CHUNK`` at a time (like ``events``).

        The same events, problems and notices as ``events`` — each the model accepts unchanged — read a
        block of rows at a time by the data set's block reader where it has one (``BLOCK_READERS``).
        """
        report, module = self.report, self.module
        chunk = chunk or STORE_CHUNK
        header = self.table.header
        reader = BLOCK_READERS.get(report.dataset) or _row_by_row(module)
        first_row: dict[str, int] = {}
        id_column = module.REQUIRED[0]
        id_at = header.index(id_column)
        batch: list[dict[str, Any]] = []
        block: list[tuple[int, list[str]]] = []
        cells = self.table.cells
        while True:
            block.clear()
            for record in cells:
                block.append(record)
                if len(block) >= BLOCK_ROWS:
                    break
            if not block:
                break
            cells_of = dict(block)
            for number, feature, problem in reader(header, block, report.notices):
                if feature is None:
                    report.problems.append(problem)  # type: ignore[arg-type]
                    continue
                event_id = feature["id"]
                if event_id in first_row:
                    reason = (f"{cells_of[number][id_at].strip()!r} is already on row {first_row[event_id]}; "
                              "only that first row is imported")  # fmt: skip
                    report.problems.append(RowProblem(number, reason, id_column))
                    continue
                first_row[event_id] = number
                report.accepted += 1
                batch.append(feature)
                if len(batch) >= chunk:
                    fill_feature_zones(batch)
                    yield batch
                    batch = []
        if batch:
            fill_feature_zones(batch)
            yield batch
        self._finish()

    def events(self, chunk: int | None = None) -> Iterator[list[Event]]:
        """Yield the valid events in chunks of ``STORE_CHUNK`` (control zones filled in); problems go to ``report``."""
        report, module = self.report, self.module
        chunk = chunk or STORE_CHUNK
        first_row: dict[str, int] = {}
        id_column = module.REQUIRED[0]
        batch: list[Event] = []
        for number, row in self.table.records:
            try:
                event = module.row_to_event(row, report.notices, number)
            except RowError as err:
                report.problems.append(RowProblem(number, err.reason, err.column))
                continue
            if event.id in first_row:
                reason = f"{row[id_column]!r} is already on row {first_row[event.id]}; only that first row is imported"
                report.problems.append(RowProblem(number, reason, id_column))
                continue
            first_row[event.id] = number
            report.accepted += 1
            batch.append(event)
            if len(batch) >= chunk:
                fill_zones(batch)
                yield batch
                batch = []
        if batch:
            fill_zones(batch)
            yield batch
        self._finish()

    def _finish(self) -> None:
        """Add the malformed records (known once all were read) to the problems, in row order."""
        report = self.report
        report.problems.extend(self.table.problems)
        report.problems.sort(key=lambda p: p.row)
        report.rows = self.table.rows


def _row_by_row(module: ModuleType) -> Any:
    """A block reader that hands each record to the data set's ``row_to_event``."""

    def read(header: list[str], block: list[tuple[int, list[str]]], notices: list[str]) -> list[Any]:
        out: list[Any] = []
        for number, values in block:
            row = {name: value.strip() for name, value in zip(header, values) if name}
            try:
                out.append((number, module.row_to_event(row, notices, number).to_feature(), None))
            except RowError as err:
                out.append((number, None, RowProblem(number, err.reason, err.column)))
        return out

    return read


def open_dataset(path: str | os.PathLike[str], dataset: str) -> DatasetReading:
    """Read and check the header of an ACLED or UCDP file (raises ``DataError`` when it cannot be read)."""
    module = dataset_module(dataset)
    table = read_table(path, module.COLUMNS, module.REQUIRED, module.NAME, module.HINT)
    report = ImportReport(
        dataset.lower(),
        Path(path),
        notices=list(table.notices),
        encoding=table.encoding,
        delimiter=table.delimiter,
    )
    return DatasetReading(report, table, module)


def read_dataset(path: str | os.PathLike[str], dataset: str) -> ImportReport:
    """Read an ACLED or UCDP file into validated events and per-row problems (nothing is stored).

    Raises ``DataError`` when the file cannot be read at all (empty, binary, not that layout).
    """
    reading = open_dataset(path, dataset)
    with _collector_paused():
        for batch in reading.events():
            reading.report.events.extend(batch)
    return reading.report


def _stored(store: Any, event_id: str) -> dict[str, Any] | None:
    try:
        return store.get(event_id)
    except EventNotFound:
        return None


def _keeping_other_sources(
    feature: dict[str, Any], stored: dict[str, Any], own_source: str
) -> dict[str, Any]:
    """The data set's new version of an event that other reports were merged into.

    The stored event without the data set's old source and claim is merged again with the new row by the
    multi-source merge rule (``geo_events.merge.combine``: order-independent, so an unchanged row gives
    back the stored event and a re-import changes nothing); the other reports' sources and claims stay.
    """
    props = stored.get("properties") or {}
    if all(s.get("id") == own_source for s in props.get("sources") or []):
        return feature
    from geo_events.merge import combine

    rest = {
        **props,
        "sources": [s for s in props["sources"] if s.get("id") != own_source],
        "claims": [c for c in props.get("claims") or [] if c.get("source_id") != own_source],
    }
    return Event.model_validate(combine({**stored, "properties": rest}, feature)).to_feature()


def import_dataset(
    store: Any, path: str | os.PathLike[str], dataset: str, *, strict: bool = False
) -> ImportReport:
    """Import an ACLED or UCDP file into ``store``; return what happened.

    Parameters
    ----------
    store : EventStore
        Target store. Events are upserted ``STORE_CHUNK`` at a time, each chunk one durable write (and
        the store compacted at the end when it can); the file is read as it is stored, so its events
        are never all in memory (``report.events`` stays empty: ``read_dataset`` returns them).
    path : path-like
        The CSV file in the data set's published layout.
    dataset : str
        ``acled`` or ``ucdp``.
    strict : bool
        Import nothing when any row is bad (``report.written`` stays False); the file is then read
        twice, once to check every row and once to store.

    Returns
    -------
    ImportReport
        ``created`` / ``merged`` (into a stored event coded from articles, see ``interchange.matching``) /
        ``updated`` / ``unchanged`` counts, ``problems`` (one per rejected row) and notices (encoding,
        delimiter, cut text). A stored event that other reports were merged into keeps their sources and
        claims when the data set's row updates it.
    """
    return store_dataset(store, open_dataset(path, dataset), strict=strict)


def store_dataset(store: Any, reading: DatasetReading, *, strict: bool = False) -> ImportReport:
    """Store the events of an ``open_dataset`` reading into ``store`` (see ``import_dataset``)."""
    report = reading.report
    with _collector_paused():
        if strict:
            for _ in reading.features():
                pass
            if report.problems:
                return report
            reading = open_dataset(report.path, report.dataset)
            reading.report = report
            report.problems, report.notices, report.accepted = [], list(reading.table.notices), 0
        _store(store, reading)
    report.written = True
    return report


def _store(store: Any, reading: DatasetReading) -> None:
    from geo_events.merge import combine

    report = reading.report
    prefix = reading.module.SOURCE_PREFIX
    written = last = 0
    with store.transaction():
        known = StoredEvents(store, prefix) if len(store) else None
        for batch in reading.features():
            changed: list[dict[str, Any]] = []
            for feature in batch:
                own = feature["properties"]["sources"][0]["id"]
                stored = None if known is None else _stored(store, known.by_source.get(own, feature["id"]))
                if stored is None:
                    candidate = None if known is None else known.match(feature)
                    if candidate is None:
                        report.created += 1
                        changed.append(feature)
                        continue
                    report.merged += 1  # the same incident coded from articles: one event, both sources
                    known.take(candidate["id"], own)  # type: ignore[union-attr]
                    changed.append(Event.model_validate(combine(candidate, feature)).to_feature())
                    continue
                new = _keeping_other_sources(feature, stored, own)
                if new == stored:
                    report.unchanged += 1
                    continue
                report.updated += 1
                changed.append(new)
            if changed:
                # every Feature is the row parser's checked output or a model-validated merge
                store.upsert_many(changed, trusted=True)
                written, last = written + len(changed), len(changed)
            del batch, changed
    # upsert_many compacts by itself once the journal holds max(compact_every, 1/10 of the store) records
    every = getattr(store, "compact_every", 0)
    if written and hasattr(store, "compact") and not (every and last >= max(every, len(store) // 10)):
        store.compact()


def dataset_csv(features: list[dict[str, Any]], dataset: str) -> tuple[str, int, int]:
    """Return (CSV text in the data set's layout, rows written, events left out as outside its scope)."""
    module = dataset_module(dataset)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=module.COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    written = skipped = 0
    for feature in features:
        if module is ucdp and not ucdp.in_scope(feature):
            skipped += 1
            continue
        writer.writerow(module.feature_to_row(feature))
        written += 1
    return buffer.getvalue(), written, skipped


def write_dataset(
    features: list[dict[str, Any]], out: str | os.PathLike[str], dataset: str
) -> tuple[Path, int, int]:
    """Write events as an ACLED or UCDP GED CSV file (UTF-8); return (path, rows written, events skipped).

    UCDP GED holds organised violence only: protests, riots and strategic developments are skipped.
    """
    text, written, skipped = dataset_csv(features, dataset)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)
    return path, written, skipped


__all__ = [
    "DATASETS",
    "ImportReport",
    "RowProblem",
    "dataset_csv",
    "dataset_module",
    "import_dataset",
    "read_dataset",
    "store_dataset",
    "write_dataset",
]
