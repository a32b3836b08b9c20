"""Places users add to the world gazetteer: GeoNames country dumps and CSV files of their own.

The bundled GeoNames ``cities500`` holds only places of 500+ people with a recorded population: about
100 in Mali or Burkina Faso, 300 in Syria. Reporting names villages well beyond that. GeoNames publishes
every country in full (``https://download.geonames.org/export/dump/SY.zip``, CC BY 4.0); an analyst who
downloads the countries they cover points geo-events at the files and every village, airport and military
base in them becomes searchable, offline, with the same ranking and context as the bundled places.

Accepted files (one or more, ``GEO_EVENTS_GAZETTEER_EXTRA=/data/SY.zip:/data/ML.txt`` or
``Gazetteer(extra=[...])``):

* a **GeoNames dump** — ``XX.txt``, ``XX.zip`` (the ``.txt`` inside is read) or ``cities1000.txt``:
  tab-separated, 19 columns, no header. Populated places (feature class ``P``) and the sites conflict
  reporting names (airports, military bases, dams, camps, prisons, oil and gas fields) are kept;
  everything else (hills, wadis, administrative areas) is skipped. Ids stay ``geonames:<geonameid>``, so a
  place already bundled is not added twice.
* a **CSV** in the layout of ``seeds/gazetteer/facilities.csv`` (``id,name,alt_names,kind,lat,lon,admin1,
  country,population,source``; ``#`` lines are comments): a desk's own list, each row with its source.

Whole-world dumps (``allCountries``, millions of rows) are not meant for this: load the countries you
cover. A file that cannot be read raises :class:`~geo_events.errors.DataError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from geo_events.errors import DataError
from geo_events.gazetteer.place import Place
from geo_events.gazetteer.sources import _curated_place, admin1_name, countries

#: Environment variable listing extra gazetteer files (``os.pathsep``-separated).
ENV_VAR = "GEO_EVENTS_GAZETTEER_EXTRA"
#: GeoNames feature codes of class S (spots) kept, and the kind they get.
SITE_KINDS = {
    "AIRP": "base", "AIRB": "base", "AIRF": "base", "AIRH": "base", "MILB": "base", "INSM": "base",
    "DAM": "dam", "DAMSB": "dam", "CMP": "facility", "CMPRF": "facility", "PRN": "facility",
    "OILF": "oilfield", "GASF": "gasfield", "OILR": "facility", "PS": "facility", "PSH": "facility",
    "BDG": "facility", "CSTM": "facility", "HSP": "facility", "MKT": "facility",
}
_COLUMNS = 19


def extra_paths(value: str | None = None) -> tuple[Path, ...]:
    """The extra gazetteer files named by ``value`` or ``GEO_EVENTS_GAZETTEER_EXTRA`` (may be empty)."""
    raw = os.environ.get(ENV_VAR, "") if value is None else value
    return tuple(Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip())


def check_paths(paths: Iterable[str | Path]) -> None:
    """Raise :class:`DataError` for the first of ``paths`` that is not a readable file."""
    for path in map(Path, paths):
        if not path.is_file():
            raise DataError(f"gazetteer file {path} does not exist: check {ENV_VAR} (paths separated by "
                            f"'{os.pathsep}')")


def extra_places(paths: Iterable[str | Path], country_codes: Sequence[str] | None = None) -> list[Place]:
    """Read every place of ``paths`` (GeoNames dumps or CSV), only of ``country_codes`` unless ``None``."""
    wanted = {code.upper() for code in country_codes} if country_codes else None
    seen: set[str] = set()
    out: list[Place] = []
    paths = [Path(p) for p in paths]
    check_paths(paths)
    for path in paths:
        reader = _csv_places if path.suffix.lower() == ".csv" else _dump_places
        for place in reader(path):
            if place.id in seen or (wanted is not None and place.country not in wanted):
                continue
            seen.add(place.id)
            out.append(place)
    return out


def _lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise DataError(f"{path}: not a zip file ({exc}); give the GeoNames .zip or the .txt inside it") from exc
        with archive:
            names = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not names:
                raise DataError(f"{path}: no .txt file inside; expected a GeoNames dump such as SY.zip")
            with archive.open(names[0]) as handle:
                yield from io.TextIOWrapper(handle, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as handle:
        yield from handle


def _dump_places(path: Path) -> Iterator[Place]:
    info = countries()
    source = f"GeoNames dump {path.name} (CC BY 4.0), added by the user"
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != _COLUMNS:
            raise DataError(f"{path} line {number}: {len(cols)} tab-separated columns, a GeoNames dump has "
                            f"{_COLUMNS}; for your own list use a .csv in the facilities.csv layout")
        feature_class, code = cols[6], cols[7]
        if feature_class == "P":
            kind = None
        elif feature_class == "S" and code in SITE_KINDS:
            kind = SITE_KINDS[code]
        else:
            continue
        try:
            lat, lon = float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise DataError(f"{path} line {number}: bad latitude, longitude or population ({exc})") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataError(f"{path} line {number}: coordinates {lat}, {lon} are outside WGS84 ranges")
        country = cols[8].upper()
        name = cols[1].strip()
        if not name or not country:
            continue
        alt_names = tuple(dict.fromkeys(
            n.strip() for n in (cols[2], *cols[3].split(",")) if n.strip() and n.strip() != name and len(n) <= 60))
        if kind is None:
            kind = "city" if population >= 100_000 else "town" if population >= 5_000 or code.startswith(
                ("PPLA", "PPLC")) else "village"
        yield Place(
            id=f"geonames:{cols[0]}", name=name, alt_names=alt_names, kind=kind, lat=lat, lon=lon,
            geometry={"type": "Point", "coordinates": [lon, lat]}, admin1=admin1_name(country, cols[10]),
            country=country, country_name=info.get(country, {}).get("name", country),
            iso3=info.get(country, {}).get("iso3", ""), population=population or None, source=source,
        )


def _csv_places(path: Path) -> Iterator[Place]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        missing = {"id", "name", "kind", "lat", "lon", "country", "source"} - set(rows.fieldnames or ())
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(sorted(missing))}; use the layout of "
                            f"seeds/gazetteer/facilities.csv")
        for number, row in enumerate(rows, start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
                yield _curated_place(row, {"type": "Point", "coordinates": [lon, lat]}, path.name)
            except (ValueError, DataError) as exc:
                raise DataError(f"{path} row {number}: {exc}") from exc


__all__ = ["ENV_VAR", "SITE_KINDS", "check_paths", "extra_paths", "extra_places"]
