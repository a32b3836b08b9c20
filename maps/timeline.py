"""Time maps: a page that plays the war forward, day by day, week by week or month by month.

``build_timeline_map`` takes events, the dated zone *states* of a period (``ZoneState.to_feature()``:
``area_id``, ``controller``, ``valid_from``, ``valid_to``) and dated de-confliction lines, and returns a
``folium.Map`` with a slider (play / pause / step, the date shown). At each step the zones take the colour
of their controller that day, the events of the step's window appear, the line moves when it changes and
a mark flashes where territory changed hands (``changes``: ``ZoneHistory.changes()``), listed in the panel.
The chosen date is kept in the URL (``#date=2018-02-07``), so an embedded frame opens on it.

Examples
--------
>>> from datetime import date
>>> timeline_steps(date(2018, 1, 30), date(2018, 3, 2), "month")
[datetime.date(2018, 1, 30), datetime.date(2018, 2, 28), datetime.date(2018, 3, 2)]
"""

from __future__ import annotations

import calendar
import json
from datetime import date as Date
from datetime import timedelta
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from geo_events.errors import InvalidQuery
from maps.encode import encode_events, escape_text, summary
from maps.layers import EventCanvasLayer, PayloadLayer
from maps.render import (
    PageOptions,
    as_features,
    finish_map,
    map_view,
    new_map,
    river_layer_features,
    river_overlay,
)
from maps.styles import REGION_AREA_KM, controller_color, line_style, zone_style

STEPS = ("day", "week", "month")
#: Most slider positions one page carries (a daily timeline of ~27 years).
MAX_STEPS = 10_000
_EPOCH = Date(1970, 1, 1)
#: Day number of an open end (``valid_to`` null): far beyond any slider.
_OPEN_DAY = 10**7


def _day_number(day: Date) -> int:
    return (day - _EPOCH).days


def _add_months(day: Date, months: int, anchor: int) -> Date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return Date(year, month, min(anchor, calendar.monthrange(year, month)[1]))


def _shift(origin: Date, count: int, step: str) -> Date:
    if step == "day":
        return origin + timedelta(days=count)
    if step == "week":
        return origin + timedelta(weeks=count)
    return _add_months(origin, count, origin.day)


def timeline_steps(start: Date, end: Date, step: str, anchor: Date | None = None) -> list[Date]:
    """Return the slider's days from ``start`` to ``end`` (both included) every ``step``.

    The steps run from ``anchor`` (default ``start``) both ways, so a chosen day is a slider position;
    ``month`` keeps the anchor's day of the month (clamped to shorter months).

    Raises
    ------
    geo_events.errors.InvalidQuery
        When ``step`` is unknown, ``start`` is after ``end``, or there would be more than ``MAX_STEPS``.
    """
    if step not in STEPS:
        raise InvalidQuery(f"step must be one of {', '.join(STEPS)}; got {step!r}", "step")
    if start > end:
        raise InvalidQuery(f"start {start} is after end {end}", "start")
    if step != "month" and ((end - start).days // (1 if step == "day" else 7)) >= MAX_STEPS:
        raise InvalidQuery(f"{start} to {end} by {step} is more than {MAX_STEPS} steps; use a longer step", "step")
    origin = anchor if anchor is not None and start <= anchor <= end else start
    days = {start, end}
    for direction in (1, -1):
        count = 0 if direction == 1 else -1
        while start <= (day := _shift(origin, count, step)) <= end:
            days.add(day)
            count += direction
    return sorted(days)


def _as_day(value: Any, field: str, index: int) -> int:
    if value in (None, ""):
        return _OPEN_DAY
    try:
        return _day_number(Date.fromisoformat(str(value)[:10]))
    except ValueError as err:
        raise InvalidQuery(f"feature {index}: {field} must be YYYY-MM-DD, got {value!r}", field) from err


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 5)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def _sources_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "; ".join(str(s.get("text") if isinstance(s, dict) else s) for s in value if s)
    return ""


def dated_payload(features: list[dict[str, Any]], group_by: str | None, style: Any) -> dict[str, Any]:
    """Return the page payload of dated shapes: one path per group, its state chosen by the day.

    Parameters
    ----------
    features : list of dict
        Features with ``valid_from`` and ``valid_to`` (inclusive; empty: open-ended) properties.
    group_by : str or None
        Property naming the group (``area_id`` for zone states); None puts every feature in one group
        (the de-confliction line: one path that moves).
    style : callable
        Leaflet path style of a feature (``maps.styles.zone_style``).

    Returns
    -------
    dict
        ``groups`` (names, larger areas first so pockets are drawn over them), ``geometries`` and
        ``styles`` (deduplicated), ``infos`` (tooltip fields, raw text: the page escapes them) and
        ``items``: ``[group, first day, last day, geometry, style, info]`` with days since 1970-01-01.
    """
    from shapely.geometry import shape

    tables: dict[str, dict[str, int]] = {"geometries": {}, "styles": {}, "infos": {}}
    values: dict[str, list[Any]] = {"geometries": [], "styles": [], "infos": []}

    def index(table: str, value: Any) -> int:
        key = json.dumps(value, sort_keys=True, separators=(",", ":"))
        found = tables[table].get(key)
        if found is None:
            found = tables[table][key] = len(values[table])
            values[table].append(value)
        return found

    sizes: dict[str, float] = {}
    rows = []
    for number, feature in enumerate(features):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        if not geometry.get("coordinates"):
            continue
        group = str(props.get(group_by) or props.get("id") or number) if group_by else "all"
        first = _as_day(props.get("valid_from"), "valid_from", number)
        last = _as_day(props.get("valid_to"), "valid_to", number)
        if group_by:
            area = shape(geometry).area
            sizes[group] = max(sizes.get(group, 0.0), area)
        info = {key: props.get(key) for key in ("name", "controller", "confidence", "origin", "valid_from", "valid_to")}
        info["sources"] = _sources_text(props.get("sources", props.get("source")))
        geometry_index = index("geometries", {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])})
        rows.append((group, first, last, geometry_index, index("styles", style(feature)), index("infos", info)))
    groups = sorted({row[0] for row in rows}, key=lambda g: (-sizes.get(g, 0.0), g))
    position = {name: i for i, name in enumerate(groups)}
    items = sorted(([position[r[0]], *r[1:]] for r in rows), key=lambda item: (item[0], item[1]))
    return {"groups": groups, **values, "items": items}


class DatedShapes(PayloadLayer):
    """Zones (or lines) whose shape and colour follow the timeline's day (``GeoEvents.DatedShapes``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new GeoEvents.DatedShapes({{ this.data_id|tojson }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any], name: str, kind: str, compress: bool | str = "auto") -> None:
        super().__init__(payload, name, compress)
        self._name = "GeoEventsDatedShapes"
        self.options = {"kind": kind}


def change_payload(changes: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the page payload of the changes of control (``ZoneChange.to_feature()`` Features).

    ``items``: ``[day, lat, lon, colour, km², info]`` with days since 1970-01-01, a mark at a point inside
    each changed piece, coloured by the new controller; ``infos``: the text of each (raw: the page escapes).
    """
    from shapely.geometry import shape

    items, infos = [], []
    for number, feature in enumerate(changes):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        if not geometry.get("coordinates"):
            continue
        point = shape(geometry).representative_point()
        km2 = float(props.get("area_km2") or 0.0)
        infos.append({"date": str(props.get("date") or "")[:10], "kind": props.get("kind"),
                      "before": props.get("before"), "after": props.get("after"), "km2": round(km2, 1),
                      "names": ", ".join(str(n) for n in props.get("names") or props.get("area_ids") or []),
                      "sources": _sources_text(props.get("sources"))})
        items.append([_as_day(props.get("date"), "date", number), round(point.y, 5), round(point.x, 5),
                      controller_color(props.get("after")), round(km2, 1), len(infos) - 1])
    items.sort(key=lambda item: (item[0], -item[4]))
    return {"items": items, "infos": infos}


class ChangeMarks(PayloadLayer):
    """Marks that flash on the day a piece of territory changes hands (``GeoEvents.ChangeMarks``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new GeoEvents.ChangeMarks({{ this.data_id|tojson }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any], compress: bool | str = "auto") -> None:
        super().__init__(payload, f"Changes of control ({len(payload['items'])})", compress)
        self._name = "GeoEventsChangeMarks"
        self.options = {"kind": "changes"}


class TimelineControl(MacroElement):
    """The slider with play / pause / step and the date, driving the events layer and the dated shapes."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        GeoEvents.timeline = new GeoEvents.Timeline({{ this.events.get_name() }},
            [{% for shape in this.shapes %}{{ shape.get_name() }}{% if not loop.last %}, {% endif %}{% endfor %}],
            {{ this.options|tojson }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, events: EventCanvasLayer, shapes: list[DatedShapes], steps: list[Date], step: str,
                 initial: Date | None) -> None:
        super().__init__()
        self._name = "GeoEventsTimeline"
        self.events = events
        self.shapes = shapes
        self.options = {
            "steps": [_day_number(d) for d in steps],
            "step": step,
            "initial": _day_number(initial) if initial else None,
        }


def _span_of(features: list[dict[str, Any]], payload: dict[str, Any]) -> tuple[Date, Date] | None:
    days = [str(row[1])[:10] for row in payload["rows"]]
    for feature in features:
        props = feature.get("properties") or {}
        days += [str(props[k])[:10] for k in ("valid_from", "valid_to") if props.get(k)]
    days = [d for d in days if d and not d.startswith("9999")]
    return (Date.fromisoformat(min(days)), Date.fromisoformat(max(days))) if days else None


def build_timeline_map(
    events: Any,
    zones: Any = None,
    lines: Any = None,
    *,
    changes: Any = None,
    start: Date | None = None,
    end: Date | None = None,
    step: str = "week",
    date: Date | None = None,
    page: PageOptions | None = None,
) -> folium.Map:
    """Return a time map: events, zones and the line of every step from ``start`` to ``end``.

    Parameters
    ----------
    events : dict, list or GeoDataFrame
        Event Features; at each step the events of its window (the step's first day to the day before
        the next step) are shown ("keep earlier events" in the page shows everything up to it).
    zones : dict or list, optional
        Zone states with ``area_id``, ``controller``, ``valid_from``, ``valid_to`` (``ZoneHistory.states``
        as Features); one path per area, coloured by the controller of the day.
    lines : dict or list, optional
        Dated de-confliction lines (``valid_from``/``valid_to``): one path that moves when it changes.
    changes : dict or list, optional
        Changes of control (``ZoneHistory.changes()`` as Features): a mark flashes on each change's day
        and the panel lists the changes of the step.
    start, end : date, optional
        The period (default: from the first to the last date of the events and states).
    step : "day", "week" or "month"
        Slider step.
    date : date, optional
        The day the page opens on (default ``start``; a ``#date=`` in the URL wins).
    page : maps.render.PageOptions, optional
        Title, offline or CDN, river, compression, labels: as for :func:`maps.render.build_map`.

    Raises
    ------
    geo_events.errors.InvalidQuery
        When the step or period is unusable (the message names the parameter).
    geo_events.errors.DataError
        When an input is not GeoJSON-like or an event lacks a Point geometry or a date.
    """
    page = page or PageOptions()
    event_features = as_features(events, "events")
    zone_features = as_features(zones, "zones")
    line_features = as_features(lines, "lines")
    change_features = as_features(changes, "changes")
    river_features = river_layer_features(page.river)
    payload = encode_events(event_features)
    span = _span_of(zone_features + line_features, payload)
    first = start or (span[0] if span else None)
    last = end or (span[1] if span else None)
    if first is None or last is None:
        raise InvalidQuery("a timeline needs start and end dates (no events or zones to take them from)", "start")
    if date is not None and not first <= date <= last:
        raise InvalidQuery(f"date {date} is outside {first} to {last}", "date")
    steps = timeline_steps(first, last, step, anchor=date)

    view, everything = map_view(payload, zone_features, line_features)
    fmap = new_map(view, everything, page)
    compress = page.compress
    shapes = []
    if zone_features:
        shapes.append(DatedShapes(dated_payload(zone_features, "area_id", zone_style), "Control zones", "zone",
                                  compress))
    if river_features:
        river_overlay(river_features).add_to(fmap)
    if line_features:
        shapes.append(DatedShapes(dated_payload(line_features, None, line_style), "De-confliction line", "line",
                                  compress))
    if change_features:
        shapes.append(ChangeMarks(change_payload(change_features), compress))
    for shape in shapes:
        shape.add_to(fmap)
    layer = EventCanvasLayer(payload, name=f"Events ({len(event_features)})", region_km=REGION_AREA_KM, compress=compress)
    layer.add_to(fmap)
    TimelineControl(layer, shapes, steps, step, date).add_to(fmap)

    controllers = {str((f.get("properties") or {}).get("controller") or "") for f in zone_features} - {""}
    subtitle = [f"{len(event_features)} events", escape_text(f"{first} to {last}, by {step}")]
    if zone_features:
        subtitle.append("zones from the zone history")
    finish_map(fmap, layer, summary(payload), controllers, has_line=bool(line_features),
               has_river=bool(river_features), title=page.title, subtitle=subtitle,
               has_zones=bool(zone_features or line_features), view=view, has_changes=bool(change_features))
    return fmap


def render_timeline_html(events: Any, zones: Any = None, lines: Any = None, **options: Any) -> str:
    """Return the time map as one HTML string (same arguments as :func:`build_timeline_map`)."""
    return build_timeline_map(events, zones, lines, **options).get_root().render()
