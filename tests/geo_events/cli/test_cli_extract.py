"""``geo-events extract`` and ``geo-events ingest`` (geo_events.cli.extract)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from geo_events.cli import app
from geo_events.models import Event
from geo_events.store import GeoJSONFileStore

runner = CliRunner()
TEXT = ("Coalition warplanes struck an Islamic State position in Hajin on Monday, killing at least 12 militants, "
        "the US-led coalition said in a statement on Tuesday.")


def test_help_has_examples() -> None:
    for command in ("extract", "ingest"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Examples" in result.output and f"geo-events {command}" in result.output


def test_extract_json_prints_a_feature_collection(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--published", "2018-10-03", "--publisher", "Wire",
                                 "--json"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    (feature,) = collection["features"]
    Event.model_validate(feature)
    assert feature["properties"]["location"] == "Hajīn"


def test_extract_text_output_and_no_event_exit_code(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--published", "2018-10-03", "--evidence"])
    assert result.exit_code == 0 and "Air/drone strike" in result.stdout and "location" in result.stdout
    quiet = tmp_path / "q.txt"
    quiet.write_text("The ministers met on Tuesday to talk.", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(quiet), "--published", "2018-10-03"]).exit_code == 1


def test_errors_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    for args in (["extract", str(empty), "--published", "2018-10-03"], ["extract", str(empty)],
                 ["extract", str(tmp_path / "missing.txt"), "--published", "2018-10-03"],
                 ["extract", str(empty), "--published", "not-a-date"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("geo-events: error:")


def test_ingest_txt_and_jsonl_then_nothing_changes(tmp_path: Path) -> None:
    store_path = tmp_path / "store.geojson"
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    lines = tmp_path / "b.jsonl"
    lines.write_text(json.dumps({"text": TEXT.replace("Coalition warplanes", "US jets"), "published": "2018-10-02",
                                 "publisher": "Other", "title": "Hajin strike"}) + "\n", encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(article), str(lines), "--published", "2018-10-03", "--store",
                                str(store_path), "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert (report["created"], report["merged"]) == (1, 1)
    again = runner.invoke(app, ["ingest", str(article), str(lines), "--published", "2018-10-03", "--store",
                                str(store_path)])
    assert again.exit_code == 0 and "unchanged" in again.stdout
    store = GeoJSONFileStore(store_path)
    assert len(store) == 1
    # the store was compacted: the snapshot file alone holds the merged event
    snapshot = json.loads(store_path.read_text(encoding="utf-8"))
    assert len(snapshot["features"]) == 1 and len(snapshot["features"][0]["properties"]["sources"]) == 2


def test_ingest_failed_article_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(empty), "--published", "2018-10-03", "--store",
                                 str(tmp_path / "s.geojson")])
    assert result.exit_code == 2 and "failed" in result.output
    assert len(GeoJSONFileStore(tmp_path / "s.geojson")) == 0


def test_ingest_non_utf8_file_is_one_line_error(tmp_path: Path) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["ingest", str(binary), "--published", "2018-10-03", "--store",
                                 str(tmp_path / "s.geojson")])
    assert result.exit_code == 2 and "b.txt: not UTF-8" in result.stderr and "Traceback" not in result.output



def test_extract_without_a_date_says_why_nothing_was_coded(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Shelling killed two civilians in Kupiansk on Monday, the governor said.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 1
    assert "no date" in result.output and "--published" in result.output
    dated = runner.invoke(app, ["extract", str(article), "--published", "2023-03-08", "--json"])
    assert dated.exit_code == 0 and json.loads(dated.output)["features"][0]["properties"]["event_date"] == "2023-03-06"


def test_extract_explain_says_why(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--published", "2018-10-03", "--explain"])
    assert result.exit_code == 0
    assert "Hajin" in result.output and "place" in result.output and "date" in result.output
