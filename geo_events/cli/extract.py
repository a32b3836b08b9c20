"""``geo-events extract`` and ``geo-events ingest``: code articles into events, and store them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from geo_events.cli._common import EXIT_NOT_FOUND, handle_errors, print_json

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
    articles: Annotated[list[Path], typer.Argument(help=".txt, .json or .jsonl files of articles.")],
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    title: TitleOpt = None,
    url: UrlOpt = None,
    store: Annotated[Path | None, typer.Option("--store", help="Store file (default: GEO_EVENTS_STORE or user data).")]
    = None,
    as_json: JsonOpt = False,
) -> None:
    """Extract events from articles, merge them with the stored events and store them.

    Articles without a publication date are read too: their dates come from the text.
    .txt files take their metadata from the options; JSON (an object, a list, or {"articles": [...]})
    and JSONL files carry it per article (text, published, publisher, title, url). Prints what was
    created, merged or left unchanged; the store is compacted at the end. Exit code 2 when an article
    could not be processed (the others are still stored).

    Examples:

      geo-events ingest a.txt b.txt --published 2018-02-08 --store events.geojson

      geo-events ingest articles.jsonl --json
    """
    from geo_events.ingest import ingest_articles, read_articles
    from geo_events.store import open_store

    defaults = {"published": published, "publisher": publisher, "title": title, "url": url}
    batch: list[dict[str, Any]] = []
    for path in articles:
        batch.extend(read_articles(path, **defaults))
    opened = open_store(store)
    rows = _run(opened, batch, ingest_articles, show_progress=len(batch) >= PROGRESS_FROM and not as_json)
    compact = getattr(opened, "compact", None)
    if compact is not None and any(r.get("action") in ("created", "merged") for r in rows):
        compact()
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
