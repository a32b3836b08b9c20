"""``geo-events extract`` and ``geo-events ingest``: code articles into events, and store them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from geo_events.cli._common import EXIT_NOT_FOUND, fail, handle_errors, print_json

PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (relative dates resolve against it); "
                                                  "optional: without it dates come from the text.")
]
PublisherOpt = Annotated[str | None, typer.Option("--publisher", help="Outlet, e.g. 'The New Arab'.")]
TitleOpt = Annotated[str | None, typer.Option("--title", help="Headline of the article.")]
UrlOpt = Annotated[str | None, typer.Option("--url", help="Where the article was published (gives the source id).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

#: Show a progress bar from this many articles on.
PROGRESS_FROM = 5


def _read_text(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    return path.read_text(encoding="utf-8")


def extract(
    article: Annotated[Path, typer.Argument(help="Article as a .txt file (plain text or HTML); '-' reads stdin.")],
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    title: TitleOpt = None,
    url: UrlOpt = None,
    evidence: Annotated[bool, typer.Option("--evidence", help="Also list the evidence spans (text output).")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Say why each place, date and type was chosen, and "
                                                            "why other names were not taken as places.")] = False,
    area_events: Annotated[bool, typer.Option("--area-events", help="Also emit events located only by a province "
                                                                     "or country (at its point).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Extract the conflict events of one article (nothing is stored).

    With --json prints a GeoJSON FeatureCollection of events; each claim keeps its claimant and
    evidence offsets into the text; "explain" says per event why this place, date and type, "unplaced"
    lists events found without a date or a point, "diagnostics" the names refused as places. Without
    --published, dates come from the text (its latest full date anchors "on Monday"). Exit code 1 when
    the article reports no event.

    Examples:

      geo-events extract article.txt --published 2018-02-08 --publisher "The New Arab" --json

      geo-events extract bulletin.txt --explain

      cat article.txt | geo-events extract - --published 2018-02-08
    """
    from geo_events.extract import extract_events

    collection = extract_events(_read_text(article), published, publisher=publisher, title=title, url=url,
                                area_events=area_events)
    if as_json:
        print_json(collection)
    else:
        _print_events(collection, evidence)
        if explain:
            _print_explain(collection)
    if not collection["features"]:
        if not as_json:
            unplaced = collection.get("unplaced", [])
            typer.echo("no event found" if not unplaced else
                       f"no event could be coded: {len(unplaced)} found without a date or a point "
                       f"({unplaced[0]['reason']}); pass --published, or --area-events, or see --explain", err=True)
        raise typer.Exit(EXIT_NOT_FOUND)


def _print_events(collection: dict[str, Any], with_evidence: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for feature in collection["features"]:
        p = feature["properties"]
        table = Table(title=f"{p['id']}: {p['sub_event_type']}", show_header=False)
        lon, lat = feature["geometry"]["coordinates"]
        rows = [
            ("date", f"{p['event_date']} ({p['date_precision']})"),
            ("type", f"{p['event_type']} / {p['sub_event_type']}"),
            ("actors", f"{p.get('actor1')} → {p.get('actor2')}  (assoc: {', '.join(p['assoc_actors']) or '-'})"),
            ("location", f"{p['location']}, {p.get('admin1')}, {p.get('country')}  [{lat:.5f}, {lon:.5f}] "
                         f"precision {p['geo_precision']}"),
            ("control", f"{p.get('control_zone')}, {p.get('side_of_line')} of the line"),
            ("fatalities", f"best {p['fatalities_best']}, low {p['fatalities_low']}, high {p['fatalities_high']}"),
        ]
        for claim in p["claims"]:
            bounds = f"{claim['low'] if claim['low'] is not None else '…'}–" \
                     f"{claim['high'] if claim['high'] is not None else '…'}"
            rows.append(("claim", f"{claim['claimant']}: {claim['kind']} {bounds}"
                                  f"{' (vague)' if claim['vague'] else ''}{' — ' + claim['detail'] if claim['detail'] else ''}"))
        for key, value in rows:
            table.add_row(key, value)
        console.print(table)
        if with_evidence:
            for span in collection["evidence"]:
                if span["event_id"] == p["id"]:
                    console.print(f"  {span['field']:<11} [{span['start']}:{span['end']}] {span['text']!r}")


def _print_explain(collection: dict[str, Any]) -> None:
    from rich.console import Console

    console = Console()
    article = collection.get("article", {})
    if article.get("date_anchor"):
        console.print(f"date anchor: {article['date_anchor']} ({article.get('date_anchor_source')})")
    for event_id, why in collection.get("explain", {}).items():
        console.print(f"[bold]{event_id}[/bold]")
        for key, value in why.items():
            console.print(f"  {key:<10} {value}", markup=False)
    for item in collection.get("unplaced", []):
        console.print(f"unplaced   {item['event_type']} at {item['location']} ({item['event_date']}): {item['reason']}",
                      markup=False)
    for item in collection.get("diagnostics", []):
        console.print(f"refused    {item['subject']!r}: {item['what']} — {item['why']}", markup=False)


def ingest(
    articles: Annotated[list[Path], typer.Argument(help=".txt, .html, .json or .jsonl files of articles, folders of "
                                                        "them, RSS/Atom feeds, or '-' (stdin).")],
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    title: TitleOpt = None,
    url: UrlOpt = None,
    store: Annotated[Path | None, typer.Option("--store", help="Store file (default: GEO_EVENTS_STORE or user data).")]
    = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Processes that read and extract "
                                                                          "(bulk mode).")] = 1,
    journal: Annotated[Path | None, typer.Option("--journal", help="Journal of done work (bulk mode; default: "
                                                                   "<store>.ingest.jsonl beside the store).")]
    = None,
    redo: Annotated[bool, typer.Option("--redo", help="Bulk mode: ignore the journal and ingest everything "
                                                      "again (nothing is duplicated).")] = False,
    fetch: Annotated[bool, typer.Option("--fetch", help="Allow downloading: .txt files listing http(s) URLs are "
                                                        "fetched (offline without it).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Extract events from articles, merge them with the stored events and store them.

    Articles without a publication date are read too: their dates come from the text.
    .txt files take their metadata from the options; JSON (an object, a list, or {"articles": [...]})
    and JSONL files carry it per article (text, published, publisher, title, url). Prints what was
    created, merged or left unchanged; the store is compacted at the end. Exit code 2 when an article
    could not be processed (the others are still stored).

    Bulk mode (a folder, a feed, '-', --workers, --journal or --fetch): HTML pages are cleaned to text
    (trafilatura; title, date and outlet taken from the page), RSS/Atom entries are articles, work is
    spread over --workers processes with a progress bar, and a journal beside the store records what
    is done, so a rerun after Ctrl-C or a crash skips it. Prints a summary (created, merged, failed
    with reasons, by input). Offline unless --fetch.

    Examples:

      geo-events ingest a.txt b.txt --published 2018-02-08 --store events.geojson

      geo-events ingest articles.jsonl --json

      geo-events ingest scraped/ feed.xml --workers 2

      cat articles.jsonl | geo-events ingest - --json

      geo-events ingest urls.txt --fetch
    """
    from geo_events.ingest import ingest_articles, read_articles
    from geo_events.store import open_store

    defaults = {"published": published, "publisher": publisher, "title": title, "url": url}
    if _bulk(articles, workers, journal, fetch):
        _ingest_bulk(articles, defaults, store, workers, journal, redo, fetch, as_json)
        return
    batch: list[dict[str, Any]] = []
    for path in articles:
        batch.extend(read_articles(path, **defaults))
    opened = open_store(store)
    rows = _run(opened, batch, ingest_articles, show_progress=len(batch) >= PROGRESS_FROM and not as_json)
    if any(r.get("action") in ("created", "merged") for r in rows):
        opened.compact()
    errors = [r for r in rows if "error" in r]
    if as_json:
        counts = {a: sum(1 for r in rows if r.get("action") == a) for a in ("created", "merged", "unchanged")}
        print_json({"articles": len(batch), **counts, "failed": len(errors), "events": rows})
    else:
        for row in rows:
            if "error" in row:
                typer.echo(f"failed    {row['article']}: {row['error']}", err=True)
            else:
                typer.echo(f"{row['action']:<9} {row['id']}  {row['event_date']}  {row['location']}")
        events = [r for r in rows if "error" not in r]
        typer.echo(f"{len(batch)} article(s): {len(events)} event(s), "
                   f"{sum(r['action'] == 'created' for r in events)} created, "
                   f"{sum(r['action'] == 'merged' for r in events)} merged, {len(errors)} failed")
    if errors:
        raise typer.Exit(2)


def _bulk(articles: list[Path], workers: int, journal: Path | None, fetch: bool) -> bool:
    """Bulk mode: a folder, a feed or stdin among the inputs, or one of the bulk options."""
    from geo_events.bulk.sources import FEED_SUFFIXES

    return (workers > 1 or journal is not None or fetch
            or any(str(p) == "-" or p.is_dir() or p.suffix.lower() in FEED_SUFFIXES for p in articles))


def _ingest_bulk(articles: list[Path], defaults: dict[str, Any], store: Path | None, workers: int,
                 journal: Path | None, redo: bool, fetch: bool, as_json: bool) -> None:
    from geo_events.bulk import ingest_bulk
    from geo_events.store import open_store

    opened = open_store(store)
    if journal is None and opened.local_path is not None:
        journal = Path(f"{opened.local_path}.ingest.jsonl")
    if redo and journal is not None:
        journal.unlink(missing_ok=True)
    inputs = [str(p) for p in articles]
    try:
        if as_json or not sys.stderr.isatty():
            summary = ingest_bulk(opened, inputs, defaults=defaults, workers=workers, journal=journal, fetch=fetch)
        else:
            summary = _with_progress(opened, inputs, defaults, workers, journal, fetch)
    except KeyboardInterrupt:
        resume = f"; rerun the same command to continue (the journal {journal} skips what is done)" if journal else ""
        fail(f"interrupted: what was ingested so far is stored{resume}", code=130)
    if summary["created"] or summary["merged"]:
        opened.compact()
    if as_json:
        print_json({**summary, "journal": str(journal) if journal else None})
    else:
        for failure in summary["failures"][:20]:
            typer.echo(f"failed    {failure['error']}", err=True)
        if len(summary["failures"]) > 20:
            typer.echo(f"… {len(summary['failures']) - 20} more failures (--json lists all)", err=True)
        skipped = f", {summary['skipped']} skipped (done before, see {journal})" if summary["skipped"] else ""
        typer.echo(f"{summary['units']} unit(s){skipped}: {summary['articles']} article(s) read; "
                   f"{summary['created']} event(s) created, {summary['merged']} merged, "
                   f"{summary['unchanged']} unchanged; {summary['no_events']} article(s) without an event, "
                   f"{summary['failed']} failed")
        if len(summary["by_input"]) > 1:
            for name, counts in summary["by_input"].items():
                typer.echo(f"  {name}: {counts['articles']} article(s), {counts['created']} created, "
                           f"{counts['merged']} merged, {counts['unchanged']} unchanged, {counts['failed']} failed")
    if summary["failed"]:
        raise typer.Exit(2)


def _with_progress(store: Any, inputs: list[str], defaults: dict[str, Any], workers: int, journal: Path | None,
                   fetch: bool) -> dict[str, Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from geo_events.bulk import ingest_bulk

    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingesting", total=None, rate="")

        def advance(done: int, total: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, completed=done, total=total, rate=f"{speed:,.0f} units/s" if speed else "")

        return ingest_bulk(store, inputs, defaults=defaults, workers=workers, journal=journal, fetch=fetch,
                           progress=advance)


def _run(store: Any, batch: list[dict[str, Any]], ingest_articles: Any, show_progress: bool) -> list[dict[str, Any]]:
    if not show_progress:
        return ingest_articles(store, batch)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("ingesting", total=len(batch))
        return ingest_articles(store, batch, progress=lambda _article: progress.advance(task))


def register(app: typer.Typer) -> None:
    """Add ``extract`` and ``ingest`` to the ``geo-events`` command line."""
    app.command("extract")(handle_errors(extract))
    app.command("ingest")(handle_errors(ingest))
