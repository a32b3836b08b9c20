"""maps.layer and the layer modules: build_map(events, layers=[...]) frames and legends the map from its layers."""

from __future__ import annotations

import json
import re
from typing import Any

import folium
import pytest

from maps.event_layer import EventLayer
from maps.layer import LegendItem, MapLayer, legend_html
from maps.line_layer import LineLayer
from maps.render import build_map, default_layers, render_html
from maps.river_layer import RiverLayer
from maps.zone_layer import ZoneLayer

SEED_DAY = "2018-02-07"


def normalized(fmap: folium.Map) -> str:
    """The page with Folium's random element ids replaced, so two builds of the same map compare equal."""
    return re.sub(r"_[0-9a-f]{32}", "_ID", fmap.get_root().render())


def legend_of(page: str) -> str:
    found = re.search(r"GeoEvents\.addLegend\([^,]+, (\".*?\"),\s", page, re.DOTALL)
    assert found, "no legend in the page"
    return json.loads(found.group(1))


def fitted_bounds(page: str) -> list[list[float]]:
    found = re.search(r"\.fitBounds\(\s*(\[\[.*?\]\])", page, re.DOTALL)
    assert found, "the map is not fitted to any bounds"
    return json.loads(found.group(1))


class Checkpoints:
    """A layer of our own: a marker per point, one legend line, bounds of its points."""

    legend_order = 5

    def __init__(self, points: list[tuple[float, float]]) -> None:
        self.points = points

    def add_to(self, fmap: folium.Map) -> folium.Map:
        for lon, lat in self.points:
            folium.CircleMarker([lat, lon], radius=3, tooltip="checkpoint").add_to(fmap)
        return fmap

    def legend_items(self) -> list[LegendItem]:
        return [LegendItem("Checkpoint <manned>", key="ge-swatch", color="#123456", section="Access")]

    def bounds(self) -> tuple[float, float, float, float]:
        lons, lats = [p[0] for p in self.points], [p[1] for p in self.points]
        return min(lons), min(lats), max(lons), max(lats)


def test_the_built_in_layers_follow_the_protocol() -> None:
    for layer in (*default_layers(), EventLayer({"type": "FeatureCollection", "features": []})):
        assert isinstance(layer, MapLayer), type(layer).__name__


def test_layers_given_explicitly_draw_the_same_page_as_the_default_arguments(
    seed_feature_collection: dict, inline_zones: dict, inline_line: dict
) -> None:
    by_arguments = build_map(seed_feature_collection, inline_zones, inline_line, date=SEED_DAY)
    by_layers = build_map(
        seed_feature_collection,
        date=SEED_DAY,
        layers=[ZoneLayer(inline_zones, SEED_DAY), RiverLayer("auto"), LineLayer(inline_line, SEED_DAY)],
    )
    assert normalized(by_layers) == normalized(by_arguments)


def test_the_legend_is_built_from_the_layers_present(
    seed_feature_collection: dict, inline_zones: dict, inline_line: dict
) -> None:
    without_line = legend_of(render_html(seed_feature_collection, inline_zones, None, river=None))
    assert "De-confliction line" not in without_line and "Euphrates" not in without_line
    assert "<h4>Control zones</h4>" in without_line
    page = build_map(seed_feature_collection, layers=[LineLayer(inline_line, label="Line of 2017")]).get_root().render()
    legend = legend_of(page)
    assert "Line of 2017" in legend and "Control zones" not in legend
    assert legend.index("Events (click to hide)") < legend.index("Line of 2017")


def test_a_layer_of_our_own_is_drawn_framed_and_listed(seed_feature_collection: dict) -> None:
    far_away = Checkpoints([(20.0, 10.0), (21.0, 11.0)])  # well south-west of the seed event (Khasham, ~40.4E)
    page = build_map(seed_feature_collection, layers=[far_away, RiverLayer(None)]).get_root().render()
    # folium's markers (the page's own scripts also call L.circleMarker, e.g. for the time map's change marks)
    assert len(re.findall(r"var circle_marker_\w+ = L\.circleMarker\(", page)) == 2
    legend = legend_of(page)
    # listed by legend_order: after the events (0), under its own heading, escaped
    assert legend.index("Events (click to hide)") < legend.index("<h4>Access</h4>")
    assert "Checkpoint &lt;manned&gt;" in legend and 'style="background:#123456"' in legend
    (south, west), (north, east) = fitted_bounds(page)
    assert west <= 20.0 and south <= 10.0 and east >= 40.0 and north >= 35.0  # the view takes in both


def test_layers_that_do_not_fit_leave_the_view_on_the_events(seed_feature_collection: dict) -> None:
    long_line = {"type": "Feature", "properties": {"name": "far"},
                 "geometry": {"type": "LineString", "coordinates": [[0.0, 0.0], [60.0, 50.0]]}}  # fmt: skip
    alone = fitted_bounds(build_map(seed_feature_collection, river=None).get_root().render())
    with_line = fitted_bounds(build_map(seed_feature_collection, layers=[LineLayer(long_line)]).get_root().render())
    assert with_line == alone
    assert RiverLayer("auto").bounds() is None and RiverLayer("auto").legend_items()  # context: drawn, not framed


def test_legend_html_heads_each_section_once() -> None:
    items = [LegendItem("a", section="S"), LegendItem("b", section="S"), LegendItem("c"), LegendItem("d", section="T")]
    html = legend_html(items)
    assert html.count("<h4>S</h4>") == 1 and html.count("<h4>T</h4>") == 1
    assert html.index("<h4>S</h4>") < html.index(">a<") < html.index(">c<") < html.index("<h4>T</h4>")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"zones": {"type": "FeatureCollection", "features": []}}, ValueError, "either as arguments or as layers"),
        ({"layers": [object()]}, TypeError, "MapLayer"),
    ],
)
def test_bad_layers_are_refused_clearly(
    seed_feature_collection: dict, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    layers = kwargs.pop("layers", [RiverLayer(None)])
    with pytest.raises(error, match=message):
        build_map(seed_feature_collection, layers=layers, **kwargs)
