"""Reference layers of the PostGIS store: places, dated control zones and the de-confliction line.

Written from the bundled seed data (``seeds/gazetteer``, ``seeds/zones``) into the tables of schema 5, so
QGIS, GDAL and tipg read them next to ``events``. Rows are upserted by id (and ``valid_from``), so seeding
twice changes nothing and rows a desk added itself stay.
"""

from __future__ import annotations

import json
from typing import Any

from geo_events.settings import seed_path

_PLACE = (
    "INSERT INTO places (id, name, alt_names, kind, admin1, country, population, source, geom) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326)) ON CONFLICT (id) DO UPDATE "
    "SET name = EXCLUDED.name, alt_names = EXCLUDED.alt_names, kind = EXCLUDED.kind, admin1 = EXCLUDED.admin1, "
    "country = EXCLUDED.country, population = EXCLUDED.population, source = EXCLUDED.source, geom = EXCLUDED.geom"
)
_DATED = (
    "INSERT INTO {table} (id, {extra}name, valid_from, valid_to, confidence, source, notes, geom) "
    "VALUES (%s, {marks}%s, %s, %s, %s, %s, %s, ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326)) "
    "ON CONFLICT (id, valid_from) DO UPDATE SET {update}name = EXCLUDED.name, valid_to = EXCLUDED.valid_to, "
    "confidence = EXCLUDED.confidence, source = EXCLUDED.source, notes = EXCLUDED.notes, geom = EXCLUDED.geom"
)


def _dated_sql(table: str, with_controller: bool) -> str:
    return _DATED.format(
        table=table,
        extra="controller, " if with_controller else "",
        marks="%s, " if with_controller else "",
        update="controller = EXCLUDED.controller, " if with_controller else "",
    )


def _features(name: str) -> list[dict[str, Any]]:
    return list(json.loads(seed_path(name).read_text(encoding="utf-8")).get("features") or [])


def load_reference_layers(conn: Any) -> dict[str, int]:
    """Upsert the bundled places, zones and de-confliction line; return the rows written per table."""
    from geo_events.gazetteer.sources import curated_places

    places = [
        (p.id, p.name, list(p.alt_names), p.kind, p.admin1, p.country, p.population, p.source,
         json.dumps(p.geometry))
        for p in curated_places()
    ]  # fmt: skip
    written: dict[str, int] = {}
    with conn.transaction(), conn.cursor() as cur:
        cur.executemany(_PLACE, places)
        written["places"] = len(places)
        for table, name, controller in (
            ("zones", "zones/control_zones.geojson", True),
            ("deconfliction_line", "zones/deconfliction_line.geojson", False),
        ):
            rows = []
            for feature in _features(name):
                props = feature["properties"]
                rows.append((
                    props.get("id") or feature.get("id"), *([props.get("controller")] if controller else []),
                    props.get("name"), props["valid_from"], props.get("valid_to"), props.get("confidence"),
                    props.get("source"), props.get("notes"), json.dumps(feature["geometry"]),
                ))  # fmt: skip
            cur.executemany(_dated_sql(table, controller), rows)
            written[table] = len(rows)
    return written


__all__ = ["load_reference_layers"]
