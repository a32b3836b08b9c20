"""Store fixtures: a real throw-away PostGIS cluster (scripts/postgis-dev), one database per test, and a
``store`` fixture parametrised over every backend, so one contract suite runs on each.

The cluster is started once per session when PostgreSQL and PostGIS are installed (``scripts/setup.sh
test`` installs them as root) and stopped by its PID at the end; without them the PostGIS cases skip.
``GEO_EVENTS_TEST_PG_URL`` (a superuser URL) uses an existing server instead.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
POSTGIS_DEV = ROOT / "scripts" / "postgis-dev"
_DATABASES = itertools.count(1)


class PostGISServer:
    """A running PostgreSQL + PostGIS server the tests may create databases in."""

    def __init__(self, url: str, folder: str | None) -> None:
        self.url = url  # superuser URL of the cluster's `geo_events` database
        self.folder = folder  # set when this session started the cluster (and stops it)
        self.template: str | None = None

    def admin(self) -> Any:
        """An autocommit connection to the cluster's maintenance database."""
        import psycopg

        return psycopg.connect(self.url_of("postgres"), autocommit=True)

    def url_of(self, database: str, user: str | None = None) -> str:
        """The URL of another database (and optionally another user) of this server."""
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(self.url)
        user = user or info.get("user", "postgres")
        host = info.get("host", "127.0.0.1")
        return f"postgresql://{user}@{host}:{info.get('port', 5432)}/{database}"

    def create_database(self, migrated: bool = True, owner: str | None = None) -> str:
        """Create a fresh database (with PostGIS and the current schema when ``migrated``); return its name."""
        name = f"geo_events_t{os.getpid()}_{next(_DATABASES)}"
        with self.admin() as conn:
            if migrated:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template(conn)}" STRATEGY FILE_COPY')
            else:
                conn.execute(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))
        return name

    def _template(self, conn: Any) -> str:
        if self.template is None:
            import psycopg

            from geo_events.store.migrations import upgrade

            name = f"geo_events_tpl{os.getpid()}"
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
            with psycopg.connect(self.url_of(name), autocommit=True) as tpl:
                upgrade(tpl)
            self.template = name
        return self.template

    def drop_database(self, name: str) -> None:
        """Drop a test database (closing whatever is still connected)."""
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start_cluster() -> PostGISServer | None:
    configured = os.environ.get("GEO_EVENTS_TEST_PG_URL")
    if configured:
        return PostGISServer(configured, None)
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        pytest.skip("the PostGIS driver (psycopg, psycopg_pool) is not installed: pip install '.[postgis]'")
    if subprocess.run(["bash", str(POSTGIS_DEV), "available"], capture_output=True).returncode != 0:
        return None
    started = subprocess.run(
        ["bash", str(POSTGIS_DEV), "start", "--no-install"], capture_output=True, text=True, timeout=180
    )
    if started.returncode != 0:
        raise RuntimeError(f"scripts/postgis-dev start failed: {started.stderr.strip()}")
    url = started.stdout.strip().splitlines()[-1]
    for line in started.stderr.splitlines():
        if "stop: scripts/postgis-dev stop " in line:
            return PostGISServer(url, line.rsplit(" ", 1)[-1])
    return PostGISServer(url, None)


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[PostGISServer]:
    """The session's PostGIS server (skips the test when PostgreSQL/PostGIS are not installed)."""
    server = _start_cluster()
    if server is None:
        pytest.skip("PostgreSQL + PostGIS are not installed (bash scripts/setup.sh test installs them as root)")
    try:
        yield server
    finally:
        if server.folder:
            subprocess.run(["bash", str(POSTGIS_DEV), "stop", server.folder], capture_output=True, timeout=60)


@pytest.fixture
def pg_url(postgis_server: PostGISServer) -> Iterator[str]:
    """The URL of a fresh, migrated database holding no events (dropped after the test)."""
    name = postgis_server.create_database()
    try:
        yield postgis_server.url_of(name)
    finally:
        postgis_server.drop_database(name)


@pytest.fixture(params=["geojson", "postgis"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each store backend by name."""
    return request.param


@pytest.fixture
def store_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where an empty store of ``backend`` lives: a .geojson path or a database URL."""
    if backend == "geojson":
        return str(tmp_path / "events.geojson")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_target: str) -> Iterator[Any]:
    """An empty store of each backend."""
    from geo_events.store import open_store

    opened = open_store(store_target)
    try:
        yield opened
    finally:
        opened.close()


EVENT_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Other"),
]


def generated_events(count: int, start: date = date(2019, 1, 1)) -> list[dict[str, Any]]:
    """Return ``count`` valid, varied events (deterministic) so every filter has matches and misses."""
    seed = json.loads((ROOT / "seeds" / "events.geojson").read_text(encoding="utf-8"))["features"][0]
    events = []
    for i in range(count):
        feature = copy.deepcopy(seed)
        props = feature["properties"]
        event_id = f"evt-gen{i:06d}"
        event_type, sub_event_type = EVENT_TYPES[i % len(EVENT_TYPES)]
        fatalities = (i * 7) % 23
        feature["id"] = event_id
        feature["geometry"] = {"type": "Point", "coordinates": [38.0 + (i * 37 % 400) / 100.0, 34.0 + (i * 53 % 300) / 100.0]}
        source = {"id": f"src-{i % 5}", "publisher": ["The New Arab", "Reuters", "SANA", "AFP", "Enab Baladi"][i % 5],
                  "title": f"Report {i}", "url": f"https://news.example/{i % 5}/{i}", "published": None}
        props.update(
            id=event_id,
            event_date=(start + timedelta(days=(i * 11) % 400)).isoformat(),
            date_precision=["day", "day", "week", "month"][i % 4],
            event_type=event_type,
            sub_event_type=sub_event_type,
            location=f"Place {i % 13}",
            admin1=["Deir ez-Zor", "Raqqa", "Hasakah"][i % 3],
            admin2=None if i % 4 == 0 else f"District {i % 6}",
            country="Iraq" if i % 10 == 0 else "Syria",
            iso3="IRQ" if i % 10 == 0 else "SYR",
            fatalities_best=fatalities,
            fatalities_low=fatalities,
            fatalities_high=fatalities + i % 3,
            claims=[],
            sources=[source],
            actor1="Syrian Democratic Forces" if i % 3 == 0 else "ISIS",
            actor2=None if i % 2 else "Military Forces of Syria",
            assoc_actors=["Wagner Group"] if i % 7 == 0 else [],
            control_zone="SDF & US-led coalition" if i % 2 else "Syrian government & allies",
            side_of_line=["east", "west", "on_line"][i % 3],
            geo_precision=1 + i % 3,
            place_id=f"gn:{1000 + i % 9}",
            notes=f"Generated event {i} near Khasham" if i % 6 == 0 else f"Generated event {i}",
            geocoder="offline" if i % 2 else "manual",
            confidence=round((i % 10) / 10, 1),
        )
        events.append(feature)
    return events


@pytest.fixture(scope="session")
def events_120() -> list[dict[str, Any]]:
    """120 generated events (see ``generated_events``)."""
    return generated_events(120)


@pytest.fixture(scope="session")
def events_300() -> list[dict[str, Any]]:
    """300 generated events: enough for the bulk (COPY) write path of the PostGIS store."""
    return generated_events(300)
