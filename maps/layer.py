"""The ``MapLayer`` protocol every layer of a map follows, and the legend built from the layers' items.

A layer (``maps.zone_layer.ZoneLayer``, ``maps.river_layer.RiverLayer``, ``maps.line_layer.LineLayer``,
``maps.event_layer.EventLayer``, or one of your own) adds itself to a ``folium.Map``, says what its legend
shows and which area it covers; ``maps.render.build_map`` frames the map and writes one legend from them.

Examples
--------
>>> from maps.layer import LegendItem, legend_html
>>> legend_html([LegendItem("Airstrike", key="ge-linekey", section="Extra")])
'<h4>Extra</h4><div class="ge-item"><span class="ge-linekey"></span>Airstrike</div>'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from maps.encode import escape_text
from maps.features import Bounds

#: Where a layer without a ``legend_order`` attribute is listed (after the built-in layers' 0–30).
DEFAULT_LEGEND_ORDER = 50


@dataclass(frozen=True)
class LegendItem:
    """One line of the legend.

    Parameters
    ----------
    label : str
        The text (escaped when the legend is written).
    key : str, optional
        CSS classes of the key drawn before the label (``"ge-swatch"``, ``"ge-swatch ge-square"``,
        ``"ge-linekey ge-river"`` …); None draws no key.
    color : str, optional
        Background colour of the key.
    section : str, optional
        Heading the item is listed under (written once before the first item of a run of that section).
    toggles : str, optional
        The event type a click on the item hides or shows (``data-ge-type``; the page script does it).
    muted : bool
        A note in grey rather than a key.
    """

    label: str
    key: str | None = None
    color: str | None = None
    section: str | None = None
    toggles: str | None = None
    muted: bool = False

    def html(self) -> str:
        """Return the item's HTML (every text escaped)."""
        classes = "ge-item ge-muted" if self.muted else "ge-item"
        toggle = f' data-ge-type="{escape_text(self.toggles)}"' if self.toggles is not None else ""
        key = ""
        if self.key is not None:
            style = f' style="background:{escape_text(self.color)}"' if self.color else ""
            key = f'<span class="{escape_text(self.key)}"{style}></span>'
        return f'<div class="{classes}"{toggle}>{key}{escape_text(self.label)}</div>'


@runtime_checkable
class MapLayer(Protocol):
    """What ``build_map`` needs of a layer.

    Optional attributes, read with defaults: ``legend_order`` (int, lower is listed first; default 50),
    ``fit`` (bool, default True: the map opens on this layer's bounds; False for context such as a long
    line) and ``credit`` (str or None: pre-escaped text for the attribution line).
    """

    def add_to(self, fmap: Any) -> Any:
        """Add the layer's Folium elements to ``fmap`` (nothing when it has no data)."""
        ...

    def legend_items(self) -> list[LegendItem]:
        """Return the legend lines of this layer, in order (empty: no legend)."""
        ...

    def bounds(self) -> Bounds | None:
        """Return ``(minx, miny, maxx, maxy)`` of the layer's data, or None (nothing to frame)."""
        ...


def legend_html(items: Iterable[LegendItem]) -> str:
    """Return the legend's HTML: each item, with its section's heading before the first item of a section."""
    parts: list[str] = []
    section: str | None = None
    for item in items:
        if item.section is not None and item.section != section:
            parts.append(f"<h4>{escape_text(item.section)}</h4>")
        section = item.section
        parts.append(item.html())
    return "".join(parts)


def ordered_legend(layers: Sequence[MapLayer]) -> list[LegendItem]:
    """Return every layer's legend items, layers ordered by ``legend_order`` (ties keep their order)."""
    ranked = sorted(layers, key=lambda layer: getattr(layer, "legend_order", DEFAULT_LEGEND_ORDER))
    return [item for layer in ranked for item in layer.legend_items()]


__all__ = ["DEFAULT_LEGEND_ORDER", "LegendItem", "MapLayer", "legend_html", "ordered_legend"]
