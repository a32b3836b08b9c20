"""``geo-events geocode | reverse | zones``: offline place lookup with the control zone on a date."""

from __future__ import annotations

from typing import Annotated

import typer

from geo_events.cli._common import EXIT_NOT_FOUND, fail, handle_errors, parse_cli_date, print_json

DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", help="Day (YYYY-MM-DD) for the control zone and side of the line.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def _describe(record: dict) -> str:
    where = ", ".join(v for v in (record["admin1"], record["country"]) if v)
    text = f"{record['name']} ({record['kind']}, {where}) {record['lat']:.5f}, {record['lon']:.5f}"
    text += f"  id={record['id']} score={record['score']}"
    if record.get("control_zone") is not None or record.get("side_of_line") is not None:
        text += f"\n  control zone: {record.get('control_zone')}; side of the line: {record.get('side_of_line')}"
    return text


@handle_errors
def geocode(
    query: Annotated[str, typer.Argument(help="Place name in any spelling, e.g. 'Deir Ezzor' or 'Khusham'.")],
    date: DateOpt = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="ISO2/ISO3 code or name.")] = None,
    candidates: Annotated[
        int, typer.Option("--candidates", "-n", min=1, max=50, help="Show the N best matches (JSON: a list).")
    ] = 1,
    as_json: JsonOpt = False,
) -> None:
    """Find a place offline; with --date also who controlled it that day.

    Exit code 1 when nothing matches, 2 when the query is unusable.

    Examples:

      geo-events geocode "Deir Ezzor" --date 2018-02-07 --country SY --json

      geo-events geocode "the Euphates valley"

      geo-events geocode Hajin --candidates 3
    """
    from geo_events.geocoder import geocode_record, geocode_records

    day = parse_cli_date(date, "--date")
    if candidates > 1:
        records = geocode_records(query, date=day, country=country, limit=candidates)
        if not records:
            fail(f"no place matches {query!r}", code=EXIT_NOT_FOUND)
        if as_json:
            print_json(records)
        else:
            typer.echo("\n".join(f"{rank}. {_describe(r)}" for rank, r in enumerate(records, 1)))
        return
    record = geocode_record(query, date=day, country=country)
    if record is None:
        fail(f"no place matches {query!r}", code=EXIT_NOT_FOUND)
    if as_json:
        print_json(record)
    else:
        typer.echo(_describe(record))


@handle_errors
def reverse(
    lat: Annotated[float, typer.Argument(help="Latitude (WGS84).")],
    lon: Annotated[float, typer.Argument(help="Longitude (WGS84).")],
    date: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Find the nearest place to a point; with --date also the control zone at the point.

    Examples:

      geo-events reverse 35.30 40.29 --json

      geo-events reverse 35.30 40.29 --date 2018-02-07
    """
    from geo_events.geocoder import reverse_record

    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        fail(f"coordinates out of range: {lat}, {lon}")
    record = reverse_record(lat, lon, date=parse_cli_date(date, "--date"))
    if as_json:
        print_json(record)
    else:
        typer.echo(_describe(record))


@handle_errors
def zones(
    date: Annotated[str, typer.Option("--date", "-d", help="Day (YYYY-MM-DD).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a GeoJSON FeatureCollection.")] = False,
    line: Annotated[bool, typer.Option("--line", help="The de-confliction line instead of the zones.")] = False,
) -> None:
    """List the control zones (or the de-confliction line) valid on a day.

    Examples:

      geo-events zones --date 2018-02-07

      geo-events zones --date 2018-02-07 --line --json > line.geojson
    """
    from geo_events.zones import deconfliction_line, zones_on

    day = parse_cli_date(date, "--date")
    collection = deconfliction_line(day) if line else zones_on(day)
    if as_json:
        print_json(collection)
        return
    if not collection["features"]:
        typer.echo(f"nothing valid on {day}")
        return
    for feature in collection["features"]:
        p = feature["properties"]
        who = p.get("controller", "line")
        typer.echo(f"{p['id']}: {p['name']} — {who} ({p['confidence']}, {p['valid_from']} to {p['valid_to']})")


def register(app: typer.Typer) -> None:
    """Add ``geocode``, ``reverse`` and ``zones`` to the CLI."""
    app.command("geocode")(geocode)
    app.command("reverse")(reverse)
    app.command("zones")(zones)
