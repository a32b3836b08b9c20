"""Folium elements of a geo-events map: the event canvas layer, the basemap pane and the page chrome.

Each class is a small ``folium`` element whose template calls into ``static/geo_events_*.js``. Text that
reaches the page is escaped before it gets here (see ``maps.encode``); templates only ever insert JSON
made safe for ``<script>`` (``script_json`` / Jinja's ``tojson``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

from maps.encode import escape_text, inert_js_string, payload_block
from maps.styles import EVENT_TYPE_COLORS, UNKNOWN_COLOR, outline_style

COUNTRIES = Path(__file__).resolve().parent / "data" / "countries_110m.geojson"
#: Leaflet pane of the offline basemap: above tiles (200), below zones and lines (overlayPane, 400).
BASEMAP_PANE = "geoEventsBasemap"


class RawHtml(Element):
    """A block of HTML written into the page verbatim (never parsed as a Jinja template)."""

    def __init__(self, text: str) -> None:
        super().__init__("")
        self._name = "RawHtml"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """Return the HTML unchanged."""
        return self.text


class PayloadLayer(Layer):
    """A layer whose data travels in the page as a JSON data block (``maps.encode.payload_block``).

    Subclasses set ``_name`` and a template that reads ``this.data_id``; ``compress`` as for
    ``payload_block`` (``"auto"``: deflate + base64 when large).
    """

    def __init__(self, payload: dict[str, Any], name: str, compress: bool | str = "auto", control: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=control, show=True)
        self.payload = payload
        self.compress = compress

    @property
    def data_id(self) -> str:
        """The id of the page element holding the payload."""
        return f"{self.get_name()}_data"

    def render(self, **kwargs: Any) -> None:
        """Write the payload into the page as a data block, then the layer script."""
        figure = self.get_root()
        figure.html.add_child(RawHtml(payload_block(self.payload, self.data_id, self.compress)), name=self.data_id)
        super().render(**kwargs)


class EventCanvasLayer(PayloadLayer):
    """All events of a map as one canvas layer (``GeoEvents.EventLayer``), with click-built popups.

    Parameters
    ----------
    payload : dict
        The events payload from ``maps.encode.encode_events``.
    name : str
        Name shown in the layer control.
    region_km : float
        Radius of the area drawn for region-level (``geo_precision`` 3) events.
    compress : bool or "auto"
        Deflate + base64 the payload (``"auto"``: when it is large).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new GeoEvents.EventLayer({{ this.data_id|tojson }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(
        self, payload: dict[str, Any], name: str = "Events", region_km: float = 30.0, compress: bool | str = "auto"
    ) -> None:
        super().__init__(payload, name, compress)
        self._name = "GeoEventsLayer"
        self.options = {"regionKm": region_km, "colors": dict(EVENT_TYPE_COLORS), "unknownColor": UNKNOWN_COLOR}


class TimeSlider(MacroElement):
    """A from/to date slider (with play) that filters an ``EventCanvasLayer``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        new GeoEvents.TimeSlider({{ this.layer.get_name() }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventCanvasLayer) -> None:
        super().__init__()
        self._name = "GeoEventsTimeSlider"
        self.layer = layer


class HtmlControl(MacroElement):
    """A legend (bottom right) or title (top centre) from pre-escaped HTML."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {% if this.kind == "legend" %}
        GeoEvents.addLegend({{ this._parent.get_name() }}, {{ this.html_js }},
            {{ this.layer.get_name() if this.layer else "null" }});
        {% else %}
        GeoEvents.addTitle({{ this._parent.get_name() }}, {{ this.html_js }});
        {% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, html: str, kind: str, layer: EventCanvasLayer | None = None) -> None:
        super().__init__()
        self._name = "GeoEventsControl"
        self.html = html
        self.html_js = inert_js_string(html)
        self.kind = kind
        self.layer = layer


class Attribution(MacroElement):
    """Adds one attribution line (pre-escaped HTML) to the map's attribution control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix(false);
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.html_js }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "GeoEventsAttribution"
        self.html = html
        self.html_js = inert_js_string(html)


@lru_cache(maxsize=1)
def _countries() -> dict[str, Any]:
    return json.loads(COUNTRIES.read_text(encoding="utf-8"))


def country_outlines(bounds: tuple[float, float, float, float] | None, margin: float = 25.0) -> dict[str, Any]:
    """Return Natural Earth 1:110m country polygons near ``bounds`` (minx, miny, maxx, maxy) or all."""
    collection = _countries()
    if bounds is None:
        return collection
    from shapely.geometry import box, shape

    area = box(bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin)
    features = [f for f in collection["features"] if shape(f["geometry"]).intersects(area)]
    return {"type": "FeatureCollection", "features": features}


def basemap_pane() -> folium.map.CustomPane:
    """Return the pane that keeps the offline basemap under every data layer."""
    return folium.map.CustomPane(BASEMAP_PANE, z_index=250, pointer_events=False)


def outline_basemap(bounds: tuple[float, float, float, float] | None, show: bool) -> folium.FeatureGroup:
    """Return the offline basemap: plain sea background (CSS) plus country outlines, as a base layer."""
    group = folium.FeatureGroup(name="Country outlines (offline)", overlay=False, control=True, show=show)
    folium.GeoJson(
        country_outlines(bounds),
        name="countries",
        style_function=outline_style,
        control=False,
        smooth_factor=1.0,
        pane=BASEMAP_PANE,
        interactive=False,
    ).add_to(group)
    return group


def escaped_properties(collection: dict[str, Any], style: Any = None) -> dict[str, Any]:
    """Return a copy of a FeatureCollection safe for Folium: string properties HTML-escaped (tooltips).

    Nested values are dropped. With ``style`` (a function of the original feature), its result is stored
    as ``_style`` so the Folium style function never needs the raw text.
    """
    features = []
    for feature in collection.get("features") or []:
        original = feature.get("properties") or {}
        properties: dict[str, Any] = {
            str(escape_text(key)): escape_text(value) if isinstance(value, str) else value
            for key, value in original.items()
            if value is None or isinstance(value, (str, int, float, bool))
        }
        if style is not None:
            properties["_style"] = style(feature)
        features.append({"type": "Feature", "geometry": feature.get("geometry"), "properties": properties})
    return {"type": "FeatureCollection", "features": features}
