"""Export and import events: GeoJSON, ACLED-style CSV, GeoPackage and KML (through pyogrio/GDAL).

Tabular formats flatten each Feature into one row. Scalar properties become typed columns; nested lists
(``claims``, ``sources``, ``assoc_actors``) are kept as JSON text columns so a round trip is lossless,
and ACLED's own column names (``event_id_cnty``, ``time_precision``, ``assoc_actor_1``, ``latitude``,
``fatalities``, ``source`` …) are added beside them for analysts who compare with ACLED exports.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from geo_events.errors import ValidationFailed
from geo_events.models import TIME_PRECISION_CODES, EventProperties
from geo_events.taxonomy import DISORDER_TYPES

FORMATS = ("geojson", "csv", "gpkg", "kml")
JSON_COLUMNS = ("claims", "sources", "assoc_actors")
#: Columns written to CSV, in order: ACLED's names first, then geo-events' own.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "country", "iso3", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "id", "date_precision", "place_id", "fatalities_best", "fatalities_low", "fatalities_high",
    "control_zone", "side_of_line", "geocoder", "confidence", "extracted_at",
    "claims", "sources", "assoc_actors",
)  # fmt: skip
_PROPERTY_NAMES = tuple(EventProperties.model_fields)
_INT_FIELDS = {"geo_precision", "fatalities_best", "fatalities_low", "fatalities_high"}


def feature_to_row(feature: dict[str, Any]) -> dict[str, Any]:
    """Flatten one event Feature into a CSV row with ACLED and geo-events columns."""
    p = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"][:2]
    sources = p.get("sources") or []
    row: dict[str, Any] = {
        "event_id_cnty": p["id"],
        "event_date": p["event_date"],
        "year": str(p["event_date"])[:4],
        "time_precision": TIME_PRECISION_CODES.get(p.get("date_precision") or "day", 1),
        "disorder_type": DISORDER_TYPES.get(p.get("event_type", ""), ""),
        "assoc_actor_1": "; ".join(p.get("assoc_actors") or []),
        "latitude": lat,
        "longitude": lon,
        "source": "; ".join(s.get("publisher") or s.get("id") for s in sources),
        "fatalities": p.get("fatalities_best", 0),
    }
    for name in _PROPERTY_NAMES:
        if name in JSON_COLUMNS:
            row[name] = json.dumps(p.get(name) or [], ensure_ascii=False, separators=(",", ":"))
        else:
            value = p.get(name)
            row[name] = "" if value is None else value
    return row


def row_to_feature(row: dict[str, Any]) -> dict[str, Any]:
    """Rebuild an event Feature from a flattened row (CSV, GeoDataFrame, GPKG); inverse of ``feature_to_row``."""
    props: dict[str, Any] = {}
    for name in _PROPERTY_NAMES:
        value = row.get(name)
        if name == "id" and _missing(value):
            value = row.get("event_id_cnty")
        if name in JSON_COLUMNS:
            if _missing(value):
                value = []
                if name == "assoc_actors" and not _missing(row.get("assoc_actor_1")):
                    value = [a.strip() for a in str(row["assoc_actor_1"]).split(";") if a.strip()]
            elif isinstance(value, str):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError as err:
                    raise ValueError(f"column {name} is not valid JSON: {err.msg}") from err
            elif hasattr(value, "tolist"):
                value = value.tolist()
            props[name] = value
            continue
        if _missing(value):
            continue
        if hasattr(value, "isoformat") and name == "event_date":
            value = value.isoformat()[:10]
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        if name in _INT_FIELDS:
            value = _to_int(value, name)
        elif name == "confidence":
            value = float(value)
        props[name] = value
    if "fatalities_best" not in props and not _missing(row.get("fatalities")):
        fatalities = _to_int(row["fatalities"], "fatalities")
        props["fatalities_best"] = props["fatalities_low"] = props["fatalities_high"] = fatalities
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = row.get("geometry")
    if geometry is not None and not _missing(geometry) and hasattr(geometry, "x"):
        lon, lat = geometry.x, geometry.y
    try:
        coords = [float(lon), float(lat)]  # type: ignore[arg-type]
    except (TypeError, ValueError) as err:
        raise ValueError(f"latitude/longitude must be numbers; got {lat!r}, {lon!r}") from err
    return {"type": "Feature", "id": props.get("id"), "geometry": {"type": "Point", "coordinates": coords},
            "properties": props}  # fmt: skip


def _to_int(value: Any, name: str) -> int:
    """Turn a cell such as ``"3"`` or ``"3.0"`` into an int; raise ``ValueError`` naming the column."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError) as err:
        raise ValueError(f"column {name} must be a whole number; got {str(value)[:50]!r}") from err


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and value == "":
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not hasattr(value, "__len__") else False
    except (TypeError, ValueError):
        return False


def features_to_csv(features: Iterable[dict[str, Any]]) -> str:
    """Return events as CSV text (UTF-8, header row, ACLED column names first)."""
    buffer = io.StringIO()
    # RFC 4180 line ends: the csv module quotes only fields holding a character of the line terminator, so
    # with "\n" a bare "\r" in a note was written unquoted and split the row for every CSV reader.
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for feature in features:
        writer.writerow(feature_to_row(feature))
    return buffer.getvalue()


def features_to_geodataframe(features: Iterable[dict[str, Any]]) -> Any:
    """Return events as a GeoDataFrame (EPSG:4326) with one typed column per property."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point

    rows, points = [], []
    for feature in features:
        row = {k: v for k, v in feature_to_row(feature).items() if k in _PROPERTY_NAMES}
        for name in _PROPERTY_NAMES:
            if row.get(name) == "":
                row[name] = None
        rows.append(row)
        lon, lat = feature["geometry"]["coordinates"][:2]
        points.append(Point(lon, lat))
    frame = pd.DataFrame(rows, columns=list(_PROPERTY_NAMES))
    if len(frame):
        frame["event_date"] = pd.to_datetime(frame["event_date"]).dt.date
    return gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326")


def geodataframe_to_features(gdf: Any) -> list[dict[str, Any]]:
    """Turn a GeoDataFrame (as made by ``features_to_geodataframe`` or read by GDAL) into Features."""
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    features = []
    for position, record in enumerate(gdf.to_dict("records")):
        try:
            features.append(row_to_feature(record))
        except ValueError as err:
            raise ValidationFailed(f"row {position}: {err}", [(str(position), "row", str(err))]) from err
    return features


def write_events(features: list[dict[str, Any]], out: str | os.PathLike[str], fmt: str) -> Path:
    """Write events to ``out`` as geojson, csv, gpkg or kml; return the path written."""
    path = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.tmp{path.suffix}")
    if fmt == "geojson":
        collection = {"type": "FeatureCollection", "features": features}
        tmp.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    elif fmt == "csv":
        tmp.write_text(features_to_csv(features), encoding="utf-8")
    else:
        import pyogrio

        gdf = features_to_geodataframe(features)
        tmp.unlink(missing_ok=True)
        if fmt == "gpkg":
            write_gpkg(gdf, tmp)
        else:
            gdf = gdf.assign(Name=gdf["location"], Description=gdf["notes"])
            pyogrio.write_dataframe(gdf, tmp, driver="KML", layer="events")
    os.replace(tmp, path)
    return path


#: GeoPackage version written: 1.2 is what GDAL < 3.7 and QGIS 3.22 read without a warning (GDAL 3.7+
#: writes 1.4 by default, which they warn about).
GPKG_VERSION = "1.2"
#: Columns written as real GeoPackage DATE / DATETIME (UTC) columns, not TEXT, so QGIS' temporal
#: controller and date filters work on them.
GPKG_DATE_COLUMNS = ("event_date",)
GPKG_DATETIME_COLUMNS = ("extracted_at",)


def write_gpkg(gdf: Any, path: str | os.PathLike[str], layer: str = "events") -> None:
    """Write an events GeoDataFrame as a GeoPackage 1.2 layer with DATE/DATETIME/INTEGER/REAL columns.

    ``pyogrio.write_dataframe`` stores Python ``date`` objects as TEXT; this passes ``datetime64[D]``
    arrays to GDAL instead (OFTDate → ``DATE``) and UTC datetimes with their offset (``DATETIME``).
    """
    import numpy as np
    import pandas as pd
    import shapely
    from pyogrio.raw import write

    names = [name for name in gdf.columns if name != gdf.geometry.name]
    data: list[Any] = []
    masks: list[Any] = []
    tz_offsets: dict[str, Any] = {}
    for name in names:
        column = gdf[name]
        if name in GPKG_DATE_COLUMNS:
            parsed = pd.to_datetime(column, errors="coerce")
            data.append(parsed.to_numpy().astype("datetime64[D]"))
            masks.append(parsed.isna().to_numpy())
        elif name in GPKG_DATETIME_COLUMNS:
            parsed = pd.to_datetime(column, errors="coerce", utc=True, format="ISO8601")
            data.append(parsed.dt.tz_localize(None).to_numpy().astype("datetime64[ms]"))
            masks.append(parsed.isna().to_numpy())
            tz_offsets[name] = np.full(len(column), 100, dtype=np.int64)  # GDAL's code for UTC
        elif name in _INT_FIELDS:
            ints = pd.array(pd.to_numeric(column, errors="coerce"), dtype="Int64")
            data.append(ints._data)  # noqa: SLF001 (the values/mask pair pyogrio expects)
            masks.append(ints._mask)  # noqa: SLF001
        elif column.dtype.kind == "f":
            data.append(column.to_numpy(dtype=float))
            masks.append(column.isna().to_numpy())
        else:
            data.append(np.array([None if _missing(v) else str(v) for v in column], dtype=object))
            masks.append(None)
    write(
        path,
        shapely.to_wkb(np.asarray(gdf.geometry.values)),
        data,
        names,
        field_mask=masks,
        layer=layer,
        driver="GPKG",
        geometry_type="Point",
        crs="EPSG:4326",
        dataset_options={"VERSION": GPKG_VERSION},
        gdal_tz_offsets=tz_offsets,
    )


def read_events_file(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read events from a GeoJSON FeatureCollection, GeoJSON text sequence, CSV or GPKG file (unvalidated)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            try:
                return [row_to_feature(row) for row in reader]
            except csv.Error as err:
                raise ValueError(f"CSV line {reader.line_num}: {err}") from err
    if suffix in (".gpkg", ".kml", ".fgb"):
        import pyogrio

        frame = pyogrio.read_dataframe(path)
        if suffix == ".kml" and "id2" in frame.columns:
            # GDAL's KML writer names each Placemark ``events.<n>`` and renames the event's own ``id``
            # field to ``id2``: read the event id back, so a re-import updates instead of duplicating.
            frame = frame.drop(columns=["id"]).rename(columns={"id2": "id"})
        return geodataframe_to_features(frame)
    text = path.read_text(encoding="utf-8")
    try:
        if suffix in (".geojsons", ".geojsonl", ".jsonl", ".geojsonseq"):
            return [json.loads(line.strip("\x1e")) for line in text.splitlines() if line.strip("\x1e \t")]
        data = json.loads(text)
    except RecursionError as err:
        raise ValueError("JSON is nested too deeply") from err
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        if not isinstance(data.get("features"), list):
            raise ValueError("the FeatureCollection's 'features' must be a list")
        return list(data["features"])
    if isinstance(data, dict) and data.get("type") == "Feature":
        return [data]
    raise ValueError("not a GeoJSON FeatureCollection or Feature")

