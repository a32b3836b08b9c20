"""The ingest journal: one JSON line per finished unit of work, so a rerun after Ctrl-C or a crash skips it.

A unit (a file, a feed entry, a line of stdin, a URL) is written to the journal only after all of its
events were merged into the store, each merge durable on its own. A crash between the two makes the rerun
merge that unit again, which changes nothing (a source the stored event already holds adds nothing), so
nothing is lost and nothing duplicated. A torn last line (the process killed mid-write) is ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class Journal:
    """Append-only record of done units, keyed by a content/identity hash (see ``bulk.sources``)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        self._handle: Any = None
        self._torn = False
        if self.path.exists():
            with open(self.path, "rb") as raw:
                raw.seek(0, os.SEEK_END)
                if raw.tell():
                    raw.seek(-1, os.SEEK_END)
                    self._torn = raw.read(1) != b"\n"  # cut mid-line: the next record starts a new line
            with open(self.path, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a line cut short by a kill: that unit is simply done again
                    if isinstance(record, dict) and isinstance(record.get("key"), str):
                        self.done.add(record["key"])

    def __contains__(self, key: object) -> bool:
        return key in self.done

    def record(self, key: str, label: str, counts: dict[str, Any]) -> None:
        """Append one finished unit (flushed to the OS at once: it survives the process being killed)."""
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (kept open across records)
            if self._torn:
                self._handle.write("\n")
                self._torn = False
        self._handle.write(json.dumps({"key": key, "label": label, **counts}, ensure_ascii=False) + "\n")
        self._handle.flush()
        self.done.add(key)

    def close(self) -> None:
        """Flush to disk and close."""
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None


__all__ = ["Journal"]
