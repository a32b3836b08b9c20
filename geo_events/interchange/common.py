"""What ACLED and UCDP rows share once parsed: the dataset's source and claim, control zones, validation."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from geo_events.interchange.rows import RowError
from geo_events.models import Event

#: Longest ``Source.title`` and ``notes`` the model holds (longer cells are cut, with a notice).
TITLE_LIMIT = 1000
NOTES_LIMIT = 4000


@lru_cache(maxsize=1)
def _zone_bounds() -> tuple[Any, tuple[float, float, float, float] | None]:
    from geo_events.zones import ZoneData

    data = ZoneData.default()
    boxes = [z.geometry.bounds for z in data.zones] + [line.geometry.bounds for line in data.lines]
    if not boxes:
        return data, None
    margin = 0.1  # degrees: the line's side is known a little beyond its ends
    return data, (
        min(b[0] for b in boxes) - margin,
        min(b[1] for b in boxes) - margin,
        max(b[2] for b in boxes) + margin,
        max(b[3] for b in boxes) + margin,
    )


@lru_cache(maxsize=65536)
def zone_context(lat: float, lon: float, day: date) -> tuple[str | None, str | None]:
    """Return (controller, side of the de-confliction line) at a point on a day, from the bundled zones.

    Points outside every zone and line (most of the world) cost one box test.
    """
    data, box = _zone_bounds()
    if box is None or not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
        return None, None
    from geo_events import zones

    zone = zones.zone_at((lat, lon), day, data)
    side = zones.side_of_line((lat, lon), day, data)
    return (zone or {}).get("controller"), side


def dataset_source(source_id: str, publisher: str, title: str | None) -> dict[str, Any]:
    """Return the ``Source`` standing for one dataset row (``id`` = prefix + the row's own id)."""
    return {"id": source_id, "publisher": publisher, "title": title, "url": None, "published": None}


def source_of(props: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    """Return the event's source that came from the dataset with this id ``prefix``, or None."""
    for source in props.get("sources") or []:
        if str(source.get("id", "")).startswith(prefix):
            return source
    return None


def build_event(event_id: str, lat: float, lon: float, props: dict[str, Any]) -> Event:
    """Validate one event with the model; a violation becomes a ``RowError`` naming the field."""
    feature = {
        "type": "Feature",
        "id": event_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"id": event_id, **props},
    }
    try:
        return Event.model_validate(feature)
    except ValidationError as err:
        first = err.errors()[0]
        loc = [str(p) for p in first["loc"] if p not in ("properties",)]
        raise RowError(loc[-1] if loc else None, str(first["msg"]).removeprefix("Value error, ")) from None


__all__ = ["NOTES_LIMIT", "TITLE_LIMIT", "build_event", "dataset_source", "source_of", "zone_context"]
