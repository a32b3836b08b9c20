"""Build the dated control zones and de-confliction line of seeds/zones/ from hand-set outlines.

Run ``python seeds/zones/make_zones.py``. The river line comes from ``seeds/gazetteer/make_features.py``
so the banks of the zones and of the gazetteer's Euphrates agree. Facts and sources: README.md.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from shapely.geometry import LineString, Point, Polygon, mapping
from shapely.ops import split

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_features", HERE.parent / "gazetteer" / "make_features.py")
features = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(features)  # type: ignore[union-attr]

GOV = "Syrian government & allies"
SDF = "SDF & US-led coalition"
ISIS = "ISIS"

#: Study area: the approximate Deir ez-Zor governorate outline (stops at the Iraqi border).
AREA = Polygon(features.DEIR_EZ_ZOR)
#: The Euphrates, extended beyond the study area so it cuts it in two.
RIVER = LineString([(38.6, 35.9), *features.EUPHRATES[9:37], (41.3, 34.2)])
#: Government-held pocket on the east bank ("the seven villages", Husseiniyah to al-Tabiyah).
SEVEN_VILLAGES = Polygon([
    (40.085, 35.345), (40.090, 35.385), (40.150, 35.392), (40.215, 35.390), (40.250, 35.365),
    (40.295, 35.335), (40.340, 35.295), (40.355, 35.255), (40.330, 35.225), (40.200, 35.300),
    (40.085, 35.345),
])
CONOCO = Point(40.320, 35.410).buffer(0.03)
HAJIN_POCKET = Polygon([(40.76, 34.725), (40.95, 34.79), (41.08, 34.66), (41.02, 34.43), (40.90, 34.44),
                        (40.76, 34.725)])
SUSAH_POCKET = Polygon([(40.86, 34.645), (40.98, 34.68), (41.06, 34.60), (41.02, 34.43), (40.90, 34.44),
                        (40.86, 34.645)])
BAGHUZ_POCKET = Polygon([(40.93, 34.495), (40.99, 34.50), (41.01, 34.46), (40.98, 34.43), (40.93, 34.44),
                         (40.93, 34.495)])

#: ISIS remnants in the desert south-west of the river (the Badia of southern Deir ez-Zor), kept 20+ km
#: from the Euphrates so no riverside town falls inside.
BADIA_ISIS = Polygon([(39.65, 34.75), (40.05, 34.52), (40.55, 34.33), (40.75, 34.36), (40.55, 34.60),
                      (40.25, 34.85), (39.95, 35.00), (39.65, 34.95), (39.65, 34.75)])

END = "2019-12-31"
PROVENANCE = {"licence": "MIT (geo-events); facts from the sources named per feature", "compiled": "2026-11",
              "description": "See seeds/zones/README.md"}  # last day the data set describes (not the end of control)


def _east_of_river(point: Point) -> bool:
    nearest = RIVER.project(point)
    a = RIVER.interpolate(max(0.0, nearest - 0.01))
    b = RIVER.interpolate(min(RIVER.length, nearest + 0.01))
    return (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) > 0


def banks() -> tuple[Polygon, Polygon]:
    """Return the (east, west) halves of the study area."""
    pieces = list(split(AREA, RIVER).geoms)
    east = [p for p in pieces if _east_of_river(p.representative_point())]
    west = [p for p in pieces if not _east_of_river(p.representative_point())]
    from shapely.ops import unary_union

    return unary_union(east), unary_union(west)


def _zone(zone_id, name, geometry, controller, valid_from, valid_to, confidence, source, notes=""):
    return {
        "type": "Feature",
        "id": zone_id,
        "geometry": features._rounded(mapping(geometry.simplify(0.001))),
        "properties": {
            "id": zone_id, "name": name, "controller": controller, "valid_from": valid_from,
            "valid_to": valid_to, "confidence": confidence, "source": source, "notes": notes,
        },
    }


def build_zones() -> dict:
    """Return the FeatureCollection of dated control zones."""
    east, west = banks()
    pocket = SEVEN_VILLAGES.intersection(east)
    zones = [
        _zone("zone-dez-west-bank", "Deir ez-Zor west (right) bank", west, GOV, "2017-11-19", END, "control",
              "Reuters/AFP Nov 2017 (Deir ez-Zor city retaken 3 Nov, Abu Kamal 19 Nov 2017); ISW maps 2018",
              "Desert areas held loosely; ISIS cells remained in the Badia."),
        _zone("zone-dez-east-bank-sdf", "Deir ez-Zor east (left) bank", east, SDF, "2017-12-04", END, "control",
              "SDF statements and Reuters, Dec 2017 (SDF on the Iraqi border east of the river); ISW maps 2018",
              "Excludes the government pocket and the ISIS pockets below (smaller zones take precedence)."),
        _zone("zone-seven-villages", "Khasham pocket (the seven villages)", pocket, GOV, "2017-09-25", END,
              "control",
              "Reuters/AP Feb 2018 on the 7 Feb 2018 Khasham battle; Syrian state media Sept 2017 crossings",
              "Husseiniyah, Salihiyah, Hatlah, Marrat, Mazlum, Khasham, al-Tabiyah: east bank, government-held."),
        _zone("zone-conoco", "Conoco gas plant", CONOCO.intersection(east), SDF, "2017-09-23", END, "control",
              "Reuters 23 Sep 2017 (SDF takes the plant); US officials Feb 2018 (US advisers with the SDF there)",
              "SDF with US forces present."),
        _zone("zone-isis-hajin", "ISIS pocket Hajin-Susah-Baghuz", HAJIN_POCKET.intersection(east), ISIS,
              "2017-12-04", "2018-12-14", "control",
              "CJTF-OIR releases 2018; Reuters 14 Dec 2018 (SDF takes Hajin)", "Operation Roundup area."),
        _zone("zone-isis-susah", "ISIS pocket al-Shaafa-Susah-Baghuz", SUSAH_POCKET.intersection(east), ISIS,
              "2018-12-15", "2019-01-23", "control", "Reuters/AFP Jan 2019 (SDF takes al-Shaafa and al-Susah)"),
        _zone("zone-isis-badia", "ISIS presence in the southern Deir ez-Zor desert", BADIA_ISIS.intersection(west),
              ISIS, "2017-11-19", END, "presence",
              "ISW and Syria Direct reporting 2018-2019 on ISIS cells in the Badia; Russian MoD statements on "
              "desert sweeps (2018-2019)",
              "Insurgent presence in a government-claimed area, not territorial control."),
        _zone("zone-isis-baghuz", "ISIS pocket Baghuz", BAGHUZ_POCKET.intersection(east), ISIS, "2019-01-24",
              "2019-03-23", "control", "Reuters/AFP 23 Mar 2019 (SDF declares Baghuz taken)"),
    ]
    return {"type": "FeatureCollection", "name": "geo-events control zones (Deir ez-Zor, 2017-2019)",
            **PROVENANCE, "features": zones}


def build_line() -> dict:
    """Return the FeatureCollection of the dated US-Russia de-confliction line."""
    line = LineString(features.EUPHRATES[9:36])
    feature = {
        "type": "Feature",
        "id": "deconfliction-euphrates",
        "geometry": features._rounded(mapping(line)),
        "properties": {
            "id": "deconfliction-euphrates", "name": "US-Russia de-confliction line (Euphrates)",
            "valid_from": "2017-09-15", "valid_to": "2019-10-13", "confidence": "presence",
            "source": "US and Russian military statements reported by Reuters/AP (Sept 2017, Feb 2018)",
            "notes": "Follows the Euphrates from Raqqa to Abu Kamal; east = left bank.",
        },
    }
    return {"type": "FeatureCollection", "name": "geo-events de-confliction line", **PROVENANCE,
            "features": [feature]}


if __name__ == "__main__":
    for name, collection in (("control_zones.geojson", build_zones()), ("deconfliction_line.geojson", build_line())):
        (HERE / name).write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {HERE / name}")
