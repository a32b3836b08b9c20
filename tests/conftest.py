"""Shared fixtures: the seed events, a store in a temporary folder, and the shared seed articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geo_events.store import GeoJSONFileStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"

#: Metadata of the two shared seed articles (facts about the reports, not their text).
SEED_ARTICLE_META = {
    "000_171ad28b1a69c060.txt": {
        "publisher": "Unknown (syndicated wire copy)",
        "title": "Led strikes on Syria pro-regime forces kill 100",
        "published": "2018-02-08",
    },
    "004_0a8afcd14082177b.txt": {
        "publisher": "The New Arab",
        "title": "Syria condemns 'US massacre' after strikes kill 100 pro-regime fighters",
        "published": "2018-02-08",
    },
}


@pytest.fixture(autouse=True, scope="session")
def _cli_commands_built_once():
    """typer's ``CliRunner.invoke`` turns the app into a click command on every call (~70 ms for the ~40
    commands of ``geo-events``, most of the hardening suite's time); build each app's command once."""
    import typer.testing

    original = typer.testing._get_command
    built: dict[int, tuple[object, object]] = {}

    def get_command(app):  # keyed by the app object itself (a new app, a new command)
        found = built.get(id(app))
        if found is None or found[0] is not app:
            found = built[id(app)] = (app, original(app))
        return found[1]

    typer.testing._get_command = get_command
    yield
    typer.testing._get_command = original


@pytest.fixture
def seed_feature_collection() -> dict:
    """The hand-coded seed events (seeds/events.geojson) as a dict."""
    return json.loads((SEEDS / "events.geojson").read_text(encoding="utf-8"))


@pytest.fixture
def seed_store(tmp_path: Path) -> GeoJSONFileStore:
    """A store in tmp_path holding the seed events."""
    store = GeoJSONFileStore(tmp_path / "events.geojson")
    store.upsert_many(json.loads((SEEDS / "events.geojson").read_text(encoding="utf-8"))["features"])
    store.compact()
    return store


@pytest.fixture
def shared_seeds() -> Path:
    """Folder of the shared seed articles; the test is skipped when ../shared is absent."""
    if not SHARED_SEEDS.is_dir() or not any(SHARED_SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds is not available")
    return SHARED_SEEDS


@pytest.fixture
def seed_articles(shared_seeds: Path) -> list[dict]:
    """The two seed articles as dicts with text, published, publisher, title and url."""
    articles = []
    for name, meta in SEED_ARTICLE_META.items():
        path = shared_seeds / name
        if not path.exists():
            pytest.skip(f"{path} is not available")
        articles.append({"text": path.read_text(encoding="utf-8"), "url": None, **meta})
    return articles


@pytest.fixture
def copy_seeds(tmp_path: Path) -> Path:
    """A writable copy of the seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
