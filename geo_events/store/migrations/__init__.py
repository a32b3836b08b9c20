"""Versioned schema migrations of the PostGIS store: ``NNNN_name.sql`` files applied in order, once each.

``geo_events_schema`` records every applied version. Each migration runs in its own transaction under an
advisory lock, so two ``geo-events db upgrade`` at once apply each migration exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

#: Advisory lock key held while migrating ("geo-events migrations").
MIGRATION_LOCK = 0x6765_6F6D
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema step: its version number, name and SQL."""

    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Return every migration shipped with this version of geo-events, oldest first."""
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration versions are not 1..{len(found)}: {[m.version for m in found]}")
    return found


#: The schema version this code reads and writes.
LATEST = len(migrations())

_TABLE = """CREATE TABLE IF NOT EXISTS geo_events_schema (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


def current_version(conn: Any) -> int | None:
    """Return the schema version of the database (0: tables of ours but no record; None: empty database)."""
    row = conn.execute(
        "SELECT to_regclass('geo_events_schema') IS NOT NULL, to_regclass('events') IS NOT NULL"
    ).fetchone()
    has_versions, has_events = row
    if not has_versions:
        return 0 if has_events else None
    (version,) = conn.execute("SELECT coalesce(max(version), 0) FROM geo_events_schema").fetchone()
    return int(version)


def upgrade(conn: Any, target: int | None = None) -> list[Migration]:
    """Apply the migrations after the database's version up to ``target`` (default: all); return them.

    ``conn`` is a psycopg connection in autocommit mode; each migration commits on its own.
    """
    target = LATEST if target is None else target
    if not 0 <= target <= LATEST:
        raise ValueError(f"schema version {target} does not exist (this geo-events knows 1..{LATEST})")
    applied: list[Migration] = []
    for migration in migrations():
        if migration.version > target:
            break
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(_TABLE)
            done = conn.execute(
                "SELECT 1 FROM geo_events_schema WHERE version = %s", (migration.version,)
            ).fetchone()
            if done:
                continue
            conn.execute(migration.sql)
            conn.execute(
                "INSERT INTO geo_events_schema (version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )
        applied.append(migration)
    return applied


__all__ = ["LATEST", "MIGRATION_LOCK", "Migration", "current_version", "migrations", "upgrade"]
