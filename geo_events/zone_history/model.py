"""Zone history records: sources, dated states (claims) of an area, and changes between days.

A *claim* is one dated statement "controller C held area A from D1 to D2", from a curated table, an
imported file or a territorial-change report. ``resolve_area`` turns the claims of one area into its
*states*: for every day the claims of the highest origin win (curated > imported > derived); when claims
of that origin disagree the day is "Contested" and every claim is kept with its sources. Nothing is
overwritten: the claims stay available next to the states.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from geo_events.errors import DataError

#: Origins of a claim, strongest first: a hand-curated edit wins over an imported file, which wins over
#: states derived from reporting.
ORIGINS = ("curated", "imported", "derived")
#: The controller of a day on which claims of equal origin disagree.
CONTESTED = "Contested"
#: ``valid_to`` of a claim that is still so when its data ends ("until further notice").
OPEN_END = date.max


@dataclass(frozen=True)
class SourceRef:
    """One source a claim rests on: a citation, optionally a URL, an event id and a publication date."""

    text: str
    url: str | None = None
    event_id: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the source as a JSON object (empty fields left out)."""
        return {k: v for k, v in (("text", self.text), ("url", self.url), ("event_id", self.event_id),
                                  ("published", self.published)) if v}

    @classmethod
    def from_value(cls, value: Any) -> SourceRef:
        """Return a source from a string or a ``{"text", "url", "event_id", "published"}`` object."""
        if isinstance(value, SourceRef):
            return value
        if isinstance(value, str) and value.strip():
            return cls(value.strip())
        if isinstance(value, dict) and str(value.get("text") or "").strip():
            return cls(str(value["text"]).strip(), value.get("url") or None, value.get("event_id") or None,
                       value.get("published") or None)
        raise DataError(f"a source must be a non-empty string or an object with 'text'; got {value!r}")


def parse_sources(value: Any) -> tuple[SourceRef, ...]:
    """Return sources from a string, a JSON-encoded list (as GeoPackage stores it) or a list."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError as err:
                raise DataError(f"sources is not valid JSON: {err}") from err
        else:
            return (SourceRef(text),)
    if isinstance(value, (list, tuple)):
        return tuple(SourceRef.from_value(v) for v in value)
    return (SourceRef.from_value(value),)


@dataclass(frozen=True)
class ZoneState:
    """A dated state of one area: who held it from ``valid_from`` to ``valid_to`` (inclusive), on what.

    ``claims`` is filled on contested states: one ``(controller, sources)`` pair per side.
    """

    area_id: str
    controller: str
    valid_from: date
    valid_to: date
    geometry: BaseGeometry
    confidence: str = "control"
    sources: tuple[SourceRef, ...] = ()
    origin: str = "curated"
    name: str | None = None
    notes: str = ""
    claims: tuple[tuple[str, tuple[SourceRef, ...]], ...] = field(default=())

    def __post_init__(self) -> None:
        """Refuse states no query could use (the message names the area and the field)."""
        if not self.area_id:
            raise DataError("a zone state needs an area id (field 'area_id')")
        if not self.controller:
            raise DataError(f"zone {self.area_id!r}: controller is empty (field 'controller')")
        if self.valid_to < self.valid_from:
            raise DataError(f"zone {self.area_id!r}: valid_to {self.valid_to} is before valid_from "
                            f"{self.valid_from} (field 'valid_to')")
        if self.origin not in ORIGINS:
            raise DataError(f"zone {self.area_id!r}: origin must be one of {ORIGINS} (field 'origin')")
        if self.geometry.is_empty or self.geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise DataError(f"zone {self.area_id!r}: geometry must be a non-empty (Multi)Polygon")

    @property
    def state_id(self) -> str:
        """A stable id: the area and the first day."""
        return f"{self.area_id}@{self.valid_from.isoformat()}"

    def valid_on(self, day: date) -> bool:
        """True when the state holds on ``day``."""
        return self.valid_from <= day <= self.valid_to

    def properties(self) -> dict[str, Any]:
        """Return the state's properties as JSON values (``valid_to`` null when open-ended)."""
        props: dict[str, Any] = {
            "id": self.state_id, "area_id": self.area_id, "name": self.name, "controller": self.controller,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": None if self.valid_to == OPEN_END else self.valid_to.isoformat(),
            "confidence": self.confidence, "origin": self.origin,
            "sources": [s.to_dict() for s in self.sources], "notes": self.notes,
        }
        if self.claims:
            props["claims"] = [{"controller": c, "sources": [s.to_dict() for s in srcs]} for c, srcs in self.claims]
        return props

    def to_feature(self) -> dict[str, Any]:
        """Return the state as an RFC 7946 Feature."""
        return {"type": "Feature", "id": self.state_id, "geometry": mapping(self.geometry),
                "properties": self.properties()}


def state_from_feature(feature: dict[str, Any], origin: str = "imported", index: int = 0) -> ZoneState:
    """Return a state from a GeoJSON Feature with ``controller``, ``valid_from`` and optional ``valid_to``.

    Raises ``DataError`` naming the feature and the field when one is missing or malformed.
    """
    props = feature.get("properties") or {}
    label = props.get("area_id") or props.get("id") or feature.get("id") or f"feature {index}"
    try:
        geometry = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise DataError(f"zone {label!r}: geometry is missing or invalid ({err})") from err
    try:
        valid_from = date.fromisoformat(str(props["valid_from"])[:10])
    except (KeyError, ValueError) as err:
        raise DataError(f"zone {label!r}: valid_from must be YYYY-MM-DD (field 'valid_from')") from err
    raw_to = props.get("valid_to")
    try:
        valid_to = date.fromisoformat(str(raw_to)[:10]) if raw_to not in (None, "") else OPEN_END
    except ValueError as err:
        raise DataError(f"zone {label!r}: valid_to must be YYYY-MM-DD or empty (field 'valid_to')") from err
    area_id = str(props.get("area_id") or props.get("id") or feature.get("id") or "")
    if "@" in area_id and not props.get("area_id"):
        area_id = area_id.split("@", 1)[0]
    claims = tuple((str(c.get("controller")), parse_sources(c.get("sources")))
                   for c in _json_list(props.get("claims")) if isinstance(c, dict))
    return ZoneState(
        area_id=area_id or f"area-{index}", controller=str(props.get("controller") or "").strip(),
        valid_from=valid_from, valid_to=valid_to, geometry=geometry,
        confidence=str(props.get("confidence") or "control"), sources=parse_sources(props.get("sources",
                                                                                             props.get("source"))),
        origin=str(props.get("origin") or origin), name=props.get("name") or None,
        notes=str(props.get("notes") or ""), claims=claims,
    )


def _json_list(value: Any) -> list[Any]:
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            return list(json.loads(value))
        except ValueError as err:
            raise DataError(f"claims is not valid JSON: {err}") from err
    return list(value) if isinstance(value, (list, tuple)) else []


@dataclass(frozen=True)
class ZoneChange:
    """A change of control: on ``date`` the area passed from ``before`` to ``after`` (None: no zone)."""

    date: date
    before: str | None
    after: str | None
    geometry: BaseGeometry
    area_km2: float
    area_ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()

    @property
    def kind(self) -> str:
        """``transfer`` (A→B), ``start`` (nothing→B), ``end`` (A→nothing) or ``contested``."""
        if self.after == CONTESTED or self.before == CONTESTED:
            return "contested"
        if self.before is None:
            return "start"
        if self.after is None:
            return "end"
        return "transfer"

    def to_feature(self) -> dict[str, Any]:
        """Return the change as an RFC 7946 Feature."""
        return {
            "type": "Feature", "id": f"change-{self.date.isoformat()}-{self.before}-{self.after}",
            "geometry": mapping(self.geometry),
            "properties": {
                "date": self.date.isoformat(), "kind": self.kind, "before": self.before, "after": self.after,
                "area_km2": round(self.area_km2, 3), "area_ids": list(self.area_ids), "names": list(self.names),
                "sources": [s.to_dict() for s in self.sources],
            },
        }


def resolve_area(claims: Sequence[ZoneState]) -> list[ZoneState]:
    """Return the states of one area from its claims (all with the same ``area_id``).

    Day by day, the claims of the strongest origin win; if they disagree on the controller the day is
    contested (``controller`` "Contested", ``confidence`` "contested", each side in ``claims``). Runs of
    days with the same answer become one state; the geometry is that of the latest-starting winning claim.
    """
    if not claims:
        return []
    cuts = sorted({c.valid_from for c in claims} | {c.valid_to + timedelta(days=1)
                                                    for c in claims if c.valid_to != OPEN_END})
    states: list[ZoneState] = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] - timedelta(days=1) if i + 1 < len(cuts) else OPEN_END
        active = [c for c in claims if c.valid_from <= start and c.valid_to >= start]
        if not active:
            continue
        rank = min(ORIGINS.index(c.origin) for c in active)
        winners = sorted((c for c in active if ORIGINS.index(c.origin) == rank), key=lambda c: c.valid_from)
        state = _combine(winners, start, end)
        if states and _same_answer(states[-1], state) and states[-1].valid_to + timedelta(days=1) == start:
            states[-1] = replace(states[-1], valid_to=state.valid_to)
        else:
            states.append(state)
    return states


def _combine(winners: list[ZoneState], start: date, end: date) -> ZoneState:
    latest = winners[-1]
    controllers = list(dict.fromkeys(c.controller for c in winners))
    sources = tuple(dict.fromkeys(s for c in winners for s in c.sources))
    if len(controllers) == 1:
        return replace(latest, valid_from=start, valid_to=end, sources=sources, claims=())
    claims = tuple((ctl, tuple(dict.fromkeys(s for c in winners if c.controller == ctl for s in c.sources)))
                   for ctl in controllers)
    return replace(latest, controller=CONTESTED, confidence="contested", valid_from=start, valid_to=end,
                   sources=sources, claims=claims,
                   notes=f"claims disagree: {' vs '.join(controllers)}")


def _same_answer(a: ZoneState, b: ZoneState) -> bool:
    def key(s: ZoneState) -> tuple:
        return (s.controller, s.confidence, s.origin, frozenset(s.sources),
                frozenset((c, frozenset(srcs)) for c, srcs in s.claims))

    return key(a) == key(b) and a.geometry.equals(b.geometry)


def group_by_area(claims: Iterable[ZoneState]) -> dict[str, list[ZoneState]]:
    """Return the claims keyed by ``area_id`` (insertion order kept)."""
    groups: dict[str, list[ZoneState]] = {}
    for claim in claims:
        groups.setdefault(claim.area_id, []).append(claim)
    return groups


__all__ = [
    "CONTESTED", "OPEN_END", "ORIGINS", "SourceRef", "ZoneChange", "ZoneState", "group_by_area",
    "parse_sources", "resolve_area", "state_from_feature",
]
