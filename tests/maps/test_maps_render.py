"""maps.render / maps.layers / maps.encode: layers, legend, escaping and the self-contained page."""

from __future__ import annotations

import base64
import json
import re
import zlib
from datetime import date
from html.parser import HTMLParser

import folium
import pytest

from geo_events.errors import DataError
from maps.encode import encode_events, payload_block, script_json
from maps.render import build_map, render_html
from maps.styles import CONTROLLER_COLORS, EVENT_TYPE_COLORS, marker_radius, zone_style

SEED_DAY = date(2018, 2, 7)


class _Resources(HTMLParser):
    """Collect every src/href attribute and every <link>/<script src> of a page (not text inside scripts)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.urls.append((tag, name, value))


def resources(page: str) -> list[tuple[str, str, str]]:
    parser = _Resources()
    parser.feed(page)
    return parser.urls


def data_payload(page: str) -> dict:
    """Decode the events payload embedded in a page (plain or deflate-base64)."""
    match = re.search(r'<script type="application/json" id="(?!geo_events_place_labels)[^"]+"( data-encoding="deflate-base64")?>(.*?)</script>', page, re.DOTALL)
    assert match, "no payload block in the page"
    if match.group(1):
        raw = b"".join(zlib.decompress(base64.b64decode(chunk)) for chunk in match.group(2).split("."))
        return json.loads(raw)
    return json.loads(match.group(2))


def test_build_map_returns_a_folium_map_with_every_layer(seed_feature_collection, inline_zones, inline_line):
    fmap = build_map(seed_feature_collection, inline_zones, inline_line, date=SEED_DAY, river=None)
    assert isinstance(fmap, folium.Map)
    page = fmap.get_root().render()
    assert "new GeoEvents.EventLayer(" in page
    assert '"Control zones 2018-02-07"' in page
    assert '"De-confliction line 2018-02-07"' in page
    assert '"Events (1)"' in page
    assert "L.control.layers(" in page
    assert "L.control.scale(" in page
    assert "new GeoEvents.TimeSlider(" in page
    assert "GeoNames (CC BY 4.0)" in page
    assert page.count('"className": "ge-zone"') == 2 or page.count("ge-zone") >= 2


def test_legend_lists_present_event_types_and_controllers_only(seed_feature_collection, inline_zones, inline_line):
    page = render_html(seed_feature_collection, inline_zones, inline_line, date=SEED_DAY, river=None)
    legend = re.search(r"GeoEvents\.addLegend\([^,]+, (\".*?\"),\s", page, re.DOTALL)
    assert legend
    html = json.loads(legend.group(1))
    assert 'data-ge-type="Explosions/Remote violence"' in html
    assert "Battles" not in html  # not in the data
    assert "Syrian government &amp; allies" in html and "SDF &amp; US-led coalition" in html
    assert "ISIS" not in html
    assert CONTROLLER_COLORS["SDF & US-led coalition"] in html
    assert "De-confliction line" in html
    assert "near the place (approximate)" in html  # the seed event has geo_precision 2


def test_euphrates_layer_drawn_from_a_given_feature(seed_feature_collection):
    river = {
        "type": "Feature",
        "properties": {"name": "Euphrates", "source": "fixture"},
        "geometry": {"type": "LineString", "coordinates": [[38.0, 36.0], [40.2, 35.3], [41.0, 34.4]]},
    }
    page = render_html(seed_feature_collection, river=river)
    assert '"Euphrates"' in page and '"className": "ge-river"' in page
    assert '"className": "ge-river"' not in render_html(seed_feature_collection, river=None)


def test_markup_in_article_text_never_reaches_the_page_as_markup(hostile_collection, inline_zones, markup):
    XSS, IMG = markup["xss"], markup["img"]
    inline_zones["features"][0]["properties"]["source"] = IMG
    inline_zones["features"][0]["properties"]["name"] = XSS
    page = render_html(hostile_collection, inline_zones, title=f"Title {XSS}", river=None, compress=False)
    for payload in ("<script>window.__pwned", "<img src=x", "</script><script>"):
        assert payload not in page
    # the title is escaped with html.escape, then JSON-encoded for the script
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    # zone tooltips: the properties are escaped before Folium sees them
    assert "\\u0026lt;img src=x onerror=" in page
    # the event strings survive intact in the payload (the page escapes them when it builds a popup)
    payload = data_payload(page)
    row = dict(zip(payload["keys"], payload["rows"][0]))
    assert row["actor1"] == XSS and row["actor2"] == IMG
    assert row["sources"][0]["url"] == "javascript:window.__pwned=3"


def test_template_syntax_in_data_is_not_evaluated(hostile_collection, inline_zones):
    """branca re-reads rendered scripts as Jinja templates: no text from data or callers may reach it raw."""
    inline_zones["features"][0]["properties"]["name"] = "zone {{ 6*7 }}"
    inline_zones["features"][0]["properties"]["source"] = "{% if true %}yes{% endif %}"
    hostile_collection["features"][0]["properties"]["event_type"] = "Battles"
    page = render_html(hostile_collection, inline_zones, title="{{ 7*7 }} map", river=None, compress=False)
    assert "{{ 7*7 }}" in page and "{% raw %}" in page  # event text, verbatim in the data block
    assert "49 map" not in page and "zone 42" not in page
    assert "\\u0026#123;\\u0026#123; 6*7" in page  # the zone name, inert (JSON-encoded entity)


def test_self_contained_page_loads_nothing_from_outside(seed_feature_collection, inline_zones, inline_line):
    page = render_html(seed_feature_collection, inline_zones, inline_line, date=SEED_DAY, self_contained=True)
    external = [u for u in resources(page) if re.match(r"^\s*(https?:)?//", u[2], re.IGNORECASE)]
    assert external == []
    assert "<link" not in page.lower()
    assert not re.search(r"<script[^>]*\ssrc=", page, re.IGNORECASE)
    assert '"1.9.4"' in page or "1.9.4" in page  # Leaflet inlined
    assert "data:image/png;base64," in page  # Leaflet's control images inlined
    # opens on the offline outline basemap, not on tiles
    assert re.search(r"geo_json_\w+\.addTo\(feature_group_\w+\)", page)


def test_default_page_is_offline(seed_feature_collection):
    """Offline is the default (issue 16 item 8): no CDN unless asked for."""
    page = render_html(seed_feature_collection, river=None)
    assert not re.search(r"<script[^>]*\ssrc=", page, re.IGNORECASE) and "<link" not in page.lower()


def test_cdn_page_links_pinned_leaflet_and_no_jquery_or_bootstrap(seed_feature_collection):
    page = render_html(seed_feature_collection, river=None, self_contained=False)
    urls = [u[2] for u in resources(page)]
    assert "https://unpkg.com/leaflet@1.9.4/dist/leaflet.js" in urls
    assert not any("jquery" in u or "bootstrap" in u for u in urls)


def test_geodataframe_input(seed_feature_collection):
    from geo_events.formats import features_to_geodataframe

    frame = features_to_geodataframe(seed_feature_collection["features"])
    page = render_html(frame, river=None, compress=False)
    payload = data_payload(page)
    assert len(payload["rows"]) == 1
    assert payload["coords"][0] == pytest.approx([40.28916, 35.30088])


def test_empty_map_renders(inline_zones):
    page = render_html({"type": "FeatureCollection", "features": []}, inline_zones, river=None)
    assert data_payload(page)["rows"] == []
    assert "new GeoEvents.TimeSlider(" not in page


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "Topology"},
        "not geojson",
        {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None, "properties": {}}]},
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 10]}, "properties": {"event_date": "2018-01-01"}}],
        },
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [40, 35]}, "properties": {}}],
        },
    ],
)
def test_bad_input_raises_data_error(bad):
    with pytest.raises(DataError):
        build_map(bad, river=None)


def test_payload_rounds_coordinates_and_compresses_losslessly(seed_feature_collection):
    feature = seed_feature_collection["features"][0]
    feature["geometry"]["coordinates"] = [40.289164321, 35.300881234]
    payload = encode_events([feature] * 3)
    assert payload["coords"].tolist()[0] == [40.28916, 35.30088]
    plain = payload_block(payload, "x", compress=False)
    packed = payload_block(payload, "x", compress=True)
    assert 'data-encoding="deflate-base64"' in packed and "data-encoding" not in plain
    assert data_payload(packed) == data_payload(plain)


def test_big_payload_is_chunked_and_utf8_survives_chunk_borders(seed_feature_collection):
    from maps import encode

    feature = seed_feature_collection["features"][0]
    feature["properties"]["notes"] = "دير الزور — Khasham ✓ " * 40
    payload = encode.encode_events([feature] * 50)
    block = payload_block(payload, "x", compress=True)
    original = encode._deflate_chunks
    try:
        encode._deflate_chunks = lambda raw: original(raw, chunk_bytes=1001)  # split inside characters
        chunked = payload_block(payload, "x", compress=True)
    finally:
        encode._deflate_chunks = original
    assert chunked.count(".") > 10
    assert data_payload(chunked) == data_payload(block)


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><script>alert(1)</script>", "b": "\u2028"})
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["a"].startswith("</script>")


def test_marker_radius_grows_with_fatalities_and_is_capped():
    sizes = [marker_radius(n) for n in (0, 1, 10, 100, 10_000)]
    assert sizes == sorted(sizes)
    assert sizes[0] == 4.0 and sizes[-1] == 22.0


def test_zone_style_colours_by_controller_and_dashes_presence():
    control = zone_style({"properties": {"controller": "ISIS", "confidence": "control"}})
    presence = zone_style({"properties": {"controller": "ISIS", "confidence": "presence"}})
    assert control["fillColor"] == CONTROLLER_COLORS["ISIS"]
    assert control["dashArray"] is None and presence["dashArray"]
    assert zone_style({"properties": {"controller": "Somebody else"}})["fillColor"] not in CONTROLLER_COLORS.values()


def test_every_acled_type_has_its_own_colour():
    from geo_events.taxonomy import EVENT_TYPES

    assert set(EVENT_TYPE_COLORS) == set(EVENT_TYPES)
    assert len(set(EVENT_TYPE_COLORS.values())) == len(EVENT_TYPES)


def test_the_euphrates_comes_from_the_seed_supplement_without_the_world_gazetteer():
    """The first map of a fresh install waited ~50 s for the world gazetteer index just to draw the river."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from maps.render import euphrates_feature\n"
        "f = euphrates_feature()\n"
        "print(f['properties']['name'], f['geometry']['type'], 'geo_events.gazetteer' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Euphrates", "LineString", "False"]
