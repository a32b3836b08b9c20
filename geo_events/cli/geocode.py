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
    if record.get("distance_km") is not None:
        text += f" distance={record['distance_km']:.1f} km"
    if record.get("control_zone") is not None or record.get("side_of_line") is not None:
        text += f"\n  control zone: {record.get('control_zone')}; side of the line: {record.get('side_of_line')}"
    return text


def _parse_near(value: str | None) -> tuple[float, float] | None:
    if not value:
        return None
    try:
        lat, lon = (float(part) for part in value.replace(";", ",").split(","))
    except ValueError:
        fail(f"--near must be 'lat,lon', got {value!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        fail(f"--near is off the globe: {value!r}")
    return lat, lon


@handle_errors
def geocode(
    query: Annotated[str, typer.Argument(help="Place name in any spelling, e.g. 'Deir Ezzor', 'Kharkov', 'Borno State'.")],
    date: DateOpt = None,
    country: Annotated[
        str | None, typer.Option("--country", "-c", help="Only this country: ISO2/ISO3 code or name.")
    ] = None,
    near: Annotated[
        str | None, typer.Option("--near", help="'lat,lon' the place is near (ranks closer places first).")
    ] = None,
    context: Annotated[
        str | None,
        typer.Option("--context", help="Comma-separated countries/provinces the document names, e.g. 'SY,Idlib'."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="Only this kind: city, admin1 (state/province), country, facility, river, region."),
    ] = None,
    candidates: Annotated[
        int, typer.Option("--candidates", "-n", min=1, max=50, help="Show the N best matches (JSON: a list).")
    ] = 1,
    as_json: JsonOpt = False,
) -> None:
    """Find a place offline anywhere in the world; with --date also who controlled it that day.

    Exit code 1 when nothing matches, 2 when the query is unusable.

    Examples:

      geo-events geocode "Deir Ezzor" --date 2018-02-07 --country SY --json

      geo-events geocode Kharkov --candidates 3

      geo-events geocode "Borno State" --kind admin1

      geo-events geocode Sinjar --near 36.3,41.9
    """
    from geo_events.errors import GeocodingError
    from geo_events.geocoder import COVERAGE, geocode_records

    day = parse_cli_date(date, "--date")
    options = {"near": _parse_near(near), "kind": kind,
               "context": [c.strip() for c in context.split(",") if c.strip()] if context else None}
    try:
        records = geocode_records(query, date=day, country=country, limit=candidates, **options)
    except GeocodingError as err:
        fail(str(err))
    if not records:
        fail(f"no place matches {query!r}{' in ' + country if country else ''}; {COVERAGE}", code=EXIT_NOT_FOUND)
    if as_json:
        print_json(records if candidates > 1 else records[0])
    elif candidates > 1:
        typer.echo("\n".join(f"{rank}. {_describe(r)}" for rank, r in enumerate(records, 1)))
    else:
        typer.echo(_describe(records[0]))


@handle_errors
def reverse(
    lat: Annotated[float, typer.Argument(help="Latitude (WGS84).")],
    lon: Annotated[float, typer.Argument(help="Longitude (WGS84).")],
    date: DateOpt = None,
    max_distance: Annotated[
        float, typer.Option("--max-distance", min=0.0, help="Answer nothing (exit 1) beyond this many km.")
    ] = 100.0,
    as_json: JsonOpt = False,
) -> None:
    """Find the nearest place to a point and its distance; with --date also the control zone at the point.

    Exit code 1 when no place lies within --max-distance km (default 100).

    Examples:

      geo-events reverse 35.30 40.29 --json

      geo-events reverse 50.0 36.2 --date 2022-05-01

      geo-events reverse 23.0 13.0 --max-distance 400
    """
    from geo_events.geocoder import nearest_place, reverse_record

    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        fail(f"coordinates out of range: {lat}, {lon}")
    record = reverse_record(lat, lon, date=parse_cli_date(date, "--date"), max_distance_km=max_distance)
    if record is None:
        nearest = nearest_place(lat, lon)
        where = f"; the nearest is {nearest[0].name} ({nearest[0].country}), {nearest[1]:.0f} km away" if nearest else ""
        fail(f"no place within {max_distance:g} km of {lat}, {lon}{where} (use --max-distance)", code=EXIT_NOT_FOUND)
    if as_json:
        print_json(record)
    else:
        typer.echo(_describe(record))


def register(app: typer.Typer) -> None:
    """Add ``geocode`` and ``reverse`` to the CLI (``zones`` is a group of ``geo_events.cli.zone_history``)."""
    app.command("geocode")(geocode)
    app.command("reverse")(reverse)
