"""The offline basemap: country outlines plus admin-1 outlines, rivers and town labels from the gazetteer.

Everything comes from data bundled with geo-events (Natural Earth outlines in ``maps/data``, the
gazetteer's GeoNames towns and curated rivers and governorates through ``geo_events.gazetteer``'s public
API), so a map can be read with no network. Labels are drawn by ``GeoEvents.PlaceLabels``
(``static/geo_events_basemap.js``): by population and zoom, the biggest first, none overlapping.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import folium
from folium.template import Template

from maps.layers import BASEMAP_PANE, PayloadLayer, outline_basemap
from maps.styles import admin1_style, basemap_river_style

Bounds = tuple[float, float, float, float]
#: Settlements considered around the map's centre (the nearest N; ~750 km around eastern Syria).
NEAREST_PLACES = 5000
#: Beyond the nearest ones, every city of at least this population inside the bounds is labelled too.
BIG_CITY = 250_000
#: Population assumed for ranking when the gazetteer has none, by kind.
DEFAULT_POPULATION = {"city": 50_000, "town": 3_000, "village": 800}
SETTLEMENTS = tuple(DEFAULT_POPULATION)
#: Kind codes of a label row (the page script styles by them).
LABEL_KINDS = {"city": 0, "town": 1, "village": 2, "river": 3, "admin1": 4}


def label_name(name: str) -> str:
    """Return a place name as a map label: GeoNames diacritics dropped ("Mūḩ Ḩasan" → "Muh Hasan")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _inside(lon: float, lat: float, box: Bounds) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def _padded(bounds: Bounds, margin: float) -> Bounds:
    return bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin


def _gazetteer() -> Any:
    try:
        from geo_events.gazetteer import Gazetteer

        return Gazetteer.default()
    except (ImportError, OSError, ValueError):  # an install without the gazetteer still draws its map
        return None


@lru_cache(maxsize=1)
def _big_and_curated(gazetteer: Any) -> list[Any]:
    """Big cities, rivers, admin-1 units and the curated entries (one pass over the gazetteer per process)."""
    return list(gazetteer.places_where(min_population=BIG_CITY, kinds=("river", "admin1")))


@lru_cache(maxsize=32)
def _basemap_data(bounds: Bounds) -> dict[str, Any]:
    gazetteer = _gazetteer()
    empty: dict[str, Any] = {"labels": [], "rivers": [], "admin1": []}
    if gazetteer is None:
        return empty
    centre_lat, centre_lon = (bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2
    found = {place.id: place for place, _ in gazetteer.nearest(centre_lat, centre_lon, NEAREST_PLACES, SETTLEMENTS)}
    curated = _big_and_curated(gazetteer)
    for place in curated:
        if place.kind in SETTLEMENTS:
            found.setdefault(place.id, place)
    rows = []
    for place in found.values():
        if not _inside(place.lon, place.lat, bounds):
            continue
        population = place.population or DEFAULT_POPULATION[place.kind]
        rows.append((population, place.name, [round(place.lon, 4), round(place.lat, 4), label_name(place.name),
                                              population, LABEL_KINDS[place.kind]]))
    rows.sort(key=lambda row: (-row[0], row[1]))
    labels = [row[2] for row in rows]
    rivers, admin1 = [], []
    for place in curated:
        geometry = place.geometry or {}
        if place.kind == "river" and geometry.get("type") in ("LineString", "MultiLineString"):
            rivers.append(_feature(place, geometry))
        elif place.kind == "admin1" and geometry.get("type") in ("Polygon", "MultiPolygon"):
            admin1.append(_feature(place, geometry))
    for feature in rivers + admin1:
        kind = feature["properties"]["kind"]
        lon, lat = feature["properties"].pop("anchor")
        labels.append([lon, lat, feature["properties"]["label"], 10**6 if kind == "river" else 10**5,
                       LABEL_KINDS[kind]])
    return {"labels": labels, "rivers": rivers, "admin1": admin1}


def _feature(place: Any, geometry: dict[str, Any]) -> dict[str, Any]:
    from shapely.geometry import shape

    outline = shape(geometry)
    if outline.geom_type in ("LineString", "MultiLineString"):
        anchor = outline.interpolate(0.5, normalized=True)
    else:
        anchor = outline.representative_point()
    name = label_name(place.name.removesuffix(" Governorate"))
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {"name": place.name, "label": name, "kind": place.kind,
                       "anchor": (round(anchor.x, 4), round(anchor.y, 4))},
    }


def basemap_data(bounds: Bounds | None, margin: float = 3.0) -> dict[str, Any]:
    """Return the labels, rivers and admin-1 outlines of the offline basemap around ``bounds``.

    Returns
    -------
    dict
        ``labels``: rows ``[lon, lat, label, rank, kind]`` (towns biggest first, then rivers and
        governorates; ``kind`` per :data:`LABEL_KINDS`); ``rivers`` and ``admin1``: lists of GeoJSON Features
        (only the units the gazetteer has outlines for). Empty lists without a gazetteer.
    """
    if bounds is None:
        return {"labels": [], "rivers": [], "admin1": []}
    key = tuple(round(v, 1) for v in _padded(bounds, margin))
    data = _basemap_data(key)  # cached: labels are the same for every map of one area
    return {"labels": list(data["labels"]), "rivers": list(data["rivers"]), "admin1": list(data["admin1"])}


class PlaceLabels(PayloadLayer):
    """Town, river and governorate labels of the offline basemap (``GeoEvents.PlaceLabels``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new GeoEvents.PlaceLabels({{ this.data_id|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, labels: list[list[Any]]) -> None:
        super().__init__({"rows": labels}, "Place labels", compress=False, control=False)
        self._name = "GeoEventsPlaceLabels"


def offline_basemap(bounds: Bounds | None, show: bool, labels: bool = True) -> folium.FeatureGroup:
    """Return the offline base layer: country outlines, and with ``labels`` the gazetteer's admin-1
    outlines, rivers and town labels near ``bounds``."""
    group = outline_basemap(bounds, show)
    if not labels:
        return group
    data = basemap_data(bounds)
    for features, style in ((data["admin1"], admin1_style), (data["rivers"], basemap_river_style)):
        if features:
            bare = [{"type": "Feature", "geometry": f["geometry"], "properties": {}} for f in features]
            folium.GeoJson(
                {"type": "FeatureCollection", "features": bare},
                style_function=style,
                control=False,
                pane=BASEMAP_PANE,
                interactive=False,
            ).add_to(group)
    if data["labels"]:
        PlaceLabels(data["labels"]).add_to(group)
    return group
