"""Map fixtures: small inline zones and line, a hostile event (markup in every text field), zone data."""

from __future__ import annotations

import copy
from datetime import date

import pytest

SEED_DAY = date(2018, 2, 7)
XSS = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'


@pytest.fixture
def markup() -> dict[str, str]:
    """The hostile strings of ``hostile_collection``: a script element and an image with onerror."""
    return {"xss": XSS, "img": IMG}


@pytest.fixture
def inline_zones() -> dict:
    """Two control zones either side of the Euphrates near Khasham (a local stand-in for geo_events.zones)."""
    def zone(name: str, controller: str, ring: list[list[float]], confidence: str = "control") -> dict:
        return {
            "type": "Feature",
            "properties": {
                "id": f"zone-{name.lower()}",
                "name": name,
                "controller": controller,
                "valid_from": "2017-12-01",
                "valid_to": None,
                "confidence": confidence,
                "source": "test fixture",
            },
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        }

    return {
        "type": "FeatureCollection",
        "features": [
            zone("East", "SDF & US-led coalition", [[40.2, 35.0], [41.0, 35.0], [41.0, 35.8], [40.2, 35.8], [40.2, 35.0]]),
            zone("West", "Syrian government & allies", [[39.5, 35.0], [40.2, 35.0], [40.2, 35.8], [39.5, 35.8], [39.5, 35.0]]),
        ],
    }


@pytest.fixture
def inline_line() -> dict:
    """A de-confliction line through the seed event's area."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "test line", "valid_from": "2017-09-15", "valid_to": None, "source": "fixture"},
                "geometry": {"type": "LineString", "coordinates": [[39.9, 35.9], [40.25, 35.3], [40.9, 34.5]]},
            }
        ],
    }


@pytest.fixture
def hostile_collection(seed_feature_collection: dict) -> dict:
    """The seed event with markup and template syntax in title, actors, notes, claimant, publisher, url."""
    collection = copy.deepcopy(seed_feature_collection)
    props = collection["features"][0]["properties"]
    props["actor1"] = XSS
    props["actor2"] = IMG
    props["assoc_actors"] = [IMG]
    props["notes"] = f"{XSS} {IMG} {{{{ 7*7 }}}} {{% raw %}}"
    props["location"] = "Khasham {{ 7*7 }}"
    props["claims"][0]["claimant"] = IMG
    props["claims"][0]["detail"] = XSS
    props["sources"][0]["publisher"] = IMG
    props["sources"][0]["title"] = f"</script>{XSS}"
    props["sources"][0]["url"] = "javascript:window.__pwned=3"
    props["sources"][1]["url"] = 'https://example.org/a?b=1&c="x"><script>'
    return collection
