"""Build seeds/gazetteer/features.geojson (rivers, regions, governorates) from hand-digitised vertices.

Run ``python seeds/gazetteer/make_features.py`` after editing a vertex. Every vertex is a fact-level
position (a riverside town, a dam, a border corner) read from public maps; see README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from shapely.geometry import LineString, Polygon, mapping

HERE = Path(__file__).resolve().parent

#: The Euphrates (lon, lat), upstream to downstream, digitised mid-channel between the riverside towns
#: named in the comments (town on the right/west bank | town on the left/east bank).
EUPHRATES = [
    (38.030, 36.840),  # Jarabulus (right bank), Turkish border
    (38.060, 36.650),
    (38.140, 36.500),
    (38.190, 36.380),  # Tishrin Dam
    (38.220, 36.200),
    (38.250, 36.020),
    (38.400, 35.930),  # Lake Assad
    (38.570, 35.870),  # Tabqa (Euphrates) Dam
    (38.800, 35.900),
    (39.010, 35.940),  # Raqqa (left bank, city centre 35.95 N)
    (39.200, 35.900),
    (39.420, 35.830),
    (39.600, 35.770),  # Maadan (right bank)
    (39.750, 35.680),
    (39.820, 35.625),  # At Tibni (right bank)
    (39.920, 35.555),  # Al Kasrah (left bank)
    (40.000, 35.480),
    (40.080, 35.390),
    (40.130, 35.350),  # Deir ez-Zor city (right) | Husseiniyah (left)
    (40.180, 35.335),
    (40.230, 35.310),  # Marrat (left)
    (40.280, 35.270),  # Mazlum, Khasham (left)
    (40.320, 35.247),  # Muhassan (right) | al-Tabiyah (left)
    (40.380, 35.200),
    (40.410, 35.140),  # Busayrah and the Khabur mouth (left)
    (40.460, 35.080),
    (40.480, 35.020),  # Al Mayadin (right) | Dhiban (left)
    (40.530, 34.960),
    (40.580, 34.920),  # Al Ashara (right)
    (40.660, 34.830),  # Kishkiyah, Abu Hamam (left)
    (40.740, 34.740),  # Gharanij, al-Bahra (left)
    (40.830, 34.660),  # Hajin (left) | Al Jalaa (right)
    (40.900, 34.600),  # al-Shaafa (left)
    (40.930, 34.530),  # As Susah (left)
    (40.935, 34.465),  # Abu Kamal (right) | Baghuz (left)
    (40.990, 34.430),  # Syria-Iraq border
    (41.050, 34.400),  # Al Qaim / Husaybah (right)
    (41.200, 34.420),
    (41.600, 34.500),
    (41.930, 34.450),  # Rawa (left) | Anah (right)
]
KHABUR = [
    (40.070, 36.840),  # Ras al-Ain
    (40.370, 36.650),  # Tell Tamr
    (40.740, 36.500),  # Al-Hasakah
    (40.760, 36.300),
    (40.730, 36.060),  # Ash Shaddadah
    (40.750, 35.750),  # Markadah
    (40.640, 35.500),  # al-Suwar
    (40.500, 35.280),
    (40.410, 35.140),  # mouth at Busayrah
]
#: Approximate governorate outlines (lon, lat); borders follow the towns each one administers.
DEIR_EZ_ZOR = [
    (39.70, 35.70), (40.60, 35.75), (41.25, 35.62), (41.20, 35.20), (41.05, 34.75), (40.99, 34.40),
    (40.60, 34.30), (40.10, 34.45), (39.60, 34.70), (39.30, 35.10), (39.60, 35.45), (39.70, 35.70),
]
RAQQA = [
    (38.30, 36.75), (39.30, 36.75), (39.55, 36.55), (39.55, 35.95), (39.70, 35.70), (39.60, 35.45),
    (39.30, 35.10), (38.60, 35.25), (38.20, 35.50), (38.15, 36.05), (38.30, 36.75),
]
HASAKAH = [
    (39.55, 36.75), (40.00, 36.87), (41.20, 37.08), (42.35, 37.10), (41.40, 36.40), (41.25, 35.62),
    (40.60, 35.75), (39.70, 35.70), (39.55, 35.95), (39.55, 36.55), (39.55, 36.75),
]
#: North-east Syria between the Euphrates, the Turkish and the Iraqi borders (the Syrian Jazira).
JAZIRA_BORDERS = [
    (38.95, 36.70), (40.07, 36.85), (41.22, 37.05), (42.35, 37.10), (41.40, 36.40), (41.25, 35.62),
    (41.20, 35.20), (41.05, 34.75), (40.99, 34.43),
]
BADIA = [
    (36.90, 34.80), (38.30, 35.50), (39.40, 35.10), (40.30, 34.85), (40.85, 34.38), (38.80, 33.38),
    (37.50, 33.60), (36.90, 34.20), (36.90, 34.80),
]

SRC_RIVER = "Own digitisation through riverside towns (GeoNames positions) and dams; approx. +-2 km"
SRC_ADMIN = "Own approximate outline from the towns each governorate administers (GeoNames admin1); +-10 km"


def _feature(geometry, **props):
    props.setdefault("country", "SY")
    return {"type": "Feature", "geometry": _rounded(mapping(geometry)), "properties": props}


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def build() -> dict:
    """Return the FeatureCollection of curated non-point gazetteer features."""
    euphrates = LineString(EUPHRATES)
    syrian_stretch = LineString(EUPHRATES[7:36])
    merv = LineString(EUPHRATES[18:38])
    valley = syrian_stretch.buffer(0.07, quad_segs=4).simplify(0.005)
    merv_area = merv.buffer(0.08, quad_segs=4).simplify(0.005)
    features = [
        _feature(euphrates, id="ge:euphrates", name="Euphrates", kind="river", lat=35.08, lon=40.46,
                 admin1=None, alt_names=["Euphrates River", "Euphrates river", "Furat", "al-Furat", "Firat",
                                         "Fırat", "Euphrat", "Euphrate", "نهر الفرات", "الفرات"],
                 source=SRC_RIVER),
        _feature(LineString(KHABUR), id="ge:khabur", name="Khabur", kind="river", lat=36.06, lon=40.73,
                 admin1="Al-Hasakah", alt_names=["Khabur River", "Khabour", "al-Khabur", "Habur", "Khabor",
                                                 "Chabur", "نهر الخابور", "الخابور"],
                 source=SRC_RIVER),
        _feature(valley, id="ge:euphrates-valley", name="Euphrates valley", kind="region", lat=35.08,
                 lon=40.46, admin1=None,
                 alt_names=["Euphrates River Valley", "Euphrates River valley", "the Euphrates valley",
                            "Euphrates Valley", "Furat valley", "وادي الفرات"],
                 source="Own 7 km buffer of the Syrian Euphrates (Tabqa Dam to Abu Kamal) in features.geojson"),
        _feature(merv_area, id="ge:merv", name="Middle Euphrates River Valley", kind="region", lat=34.83,
                 lon=40.66, admin1="Deir ez-Zor",
                 alt_names=["MERV", "Middle Euphrates Valley", "Middle Euphrates River valley",
                            "Middle Euphrates", "middle Euphrates river valley"],
                 source="US military term (CJTF-OIR releases) for Deir ez-Zor city to al-Qaim; own 8 km buffer"),
        _feature(Polygon([EUPHRATES[0], *JAZIRA_BORDERS, *reversed(EUPHRATES[1:36])]).buffer(0), id="ge:jazira",
                 name="Jazira", kind="region", lat=36.30, lon=40.60, admin1=None,
                 alt_names=["Syrian Jazira", "al-Jazira", "Jazirah", "al-Jazirah", "Jezireh", "Jazeera",
                            "Jazira region", "east of the Euphrates", "الجزيرة السورية"],
                 source="Own outline: the Euphrates (this file) to the Turkish and Iraqi borders; +-10 km"),
        _feature(Polygon(BADIA), id="ge:badia", name="Syrian Desert", kind="region", lat=34.40, lon=38.70,
                 admin1=None, alt_names=["Badia", "al-Badia", "Badiya", "Badiyat al-Sham", "Syrian desert",
                                         "Syrian Badia", "Badia desert", "البادية", "بادية الشام"],
                 source="Own approximate outline south of the Euphrates, west of the Iraqi border; +-20 km"),
        _feature(Polygon(DEIR_EZ_ZOR), id="ge:admin1-deir-ez-zor", name="Deir ez-Zor Governorate",
                 kind="admin1", lat=35.10, lon=40.30, admin1="Deir ez-Zor",
                 alt_names=["Deir ez-Zor", "Deir ez-Zor province", "Deir Ezzor province", "Dayr az Zawr",
                            "Deir al-Zour province", "Deir el-Zor province", "Dayr az-Zawr Governorate",
                            "Deir Ezzor governorate", "Muhafazat Dayr az Zawr", "محافظة دير الزور"],
                 source=SRC_ADMIN),
        _feature(Polygon(RAQQA), id="ge:admin1-raqqa", name="Raqqa Governorate", kind="admin1", lat=35.95,
                 lon=38.90, admin1="Raqqa",
                 alt_names=["Raqqa", "Raqqa province", "Ar-Raqqah Governorate", "Al-Raqqa province",
                            "Muhafazat ar Raqqah", "محافظة الرقة"],
                 source=SRC_ADMIN),
        _feature(Polygon(HASAKAH), id="ge:admin1-hasakah", name="Al-Hasakah Governorate", kind="admin1",
                 lat=36.50, lon=40.90, admin1="Al-Hasakah",
                 alt_names=["Hasakah", "Hasakah province", "Al-Hasakah", "Hasaka province", "Hassakeh province",
                            "Al-Hasakah Governorate", "Muhafazat al Hasakah", "محافظة الحسكة"],
                 source=SRC_ADMIN),
    ]
    return {"type": "FeatureCollection", "name": "geo-events curated gazetteer features",
            "licence": "MIT (geo-events); vertices from public facts, see README.md", "compiled": "2026-11",
            "features": features}


if __name__ == "__main__":
    out = HERE / "features.geojson"
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
