"""Multi-source merge: an incoming event that reports a stored event is merged into it, never duplicated.

The rule (also in ``docs/merge.md``). Two events *match* when all of these hold:

1. **Date** — ``|date_a - date_b| <= max(TOL[a], TOL[b])`` with ``TOL = {day: 1, week: 7, month: 31}``
   days (a report dated by "overnight" or "yesterday" can be one day off; weekly or monthly precision
   widens the window).
2. **Place** — when both are coded to a place (``geo_precision`` 1 or 2): at most ``NEAR_KM`` = 25 km
   apart, or ``NEAR_KM_IMPRECISE`` = 50 km when one of them is only "near" (precision 2). When one is
   coded to a whole governorate (precision 3): the same ``admin1`` (same country when admin1 is unknown).
3. **Type** — the same ACLED ``event_type``, or Battles with Explosions/Remote violence (one outlet's
   "clashes" is another's "strikes"); never a protest with a strike. That compatibility holds only while
   neither event holds a source of a data set whose coders tell a clash from a strike
   (``TYPE_CODED_SOURCES``: ACLED): an ACLED battle and an air strike reported in the same town on the
   same day are two incidents. UCDP GED codes both as state-based violence, so it keeps the compatibility.
4. **Actors** — for ``actor1`` and for ``actor2``: unknown on either side, or of the same *side* in
   ``seeds/actors.csv`` (US-led coalition ≈ SDF, Pro-government forces ≈ Russia ≈ Iran-backed
   militias …). For Battles the roles may be swapped. A strike by the coalition on ISIS therefore never
   merges with a Russian strike on rebels, nor with a coalition strike on pro-government forces.
5. **Sources** — two events with different ids coded from exactly the same source(s) never match (one
   report that describes two incidents describes two events).

Among matching stored events the one with the same id wins, else the nearest in time, then space.

Merging unites ``sources`` (by id) and ``claims`` (by source, claimant, kind and numbers), recomputes
``fatalities_best/low/high`` from the claims, and keeps the stored id. Every other field is chosen by a
rule that does not depend on arrival order: the location with the best ``geo_precision`` (then the
smallest place id), the date with the finest precision (then the earliest), the more specific
sub-event type by a fixed priority, for each actor role the actor listed first in ``actors.csv`` (the
other one joins ``assoc_actors``). A source whose id the stored event already holds adds nothing, so
ingesting the same article twice changes nothing. The whole read-modify-write runs inside
``store.transaction()``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from geo_events.actor_sides import ActorSides, default_actor_sides
from geo_events.errors import GeoEventsError, ValidationFailed
from geo_events.geodesy import haversine_km
from geo_events.models import Event, stable_id
from geo_events.query import MAX_LIMIT, EventQuery

#: Date tolerance in days per ``date_precision``.
DATE_TOLERANCE_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 31}
#: Largest distance between two precisely coded reports of one event.
NEAR_KM = 25.0
#: Largest distance when one of them is only coded "near" a place (geo_precision 2).
NEAR_KM_IMPRECISE = 50.0
#: Largest distance when neither admin1 is known and one is region-level.
REGION_KM = 150.0
#: Event types that describe the same violence in different words.
COMPATIBLE_TYPES = frozenset({frozenset({"Battles", "Explosions/Remote violence"})})
#: Source-id prefixes of data sets whose coders choose between those types: an event holding such a
#: source keeps its event type (a ``COMPATIBLE_TYPES`` pair does not match it).
TYPE_CODED_SOURCES: tuple[str, ...] = ("acled:",)
#: Most specific first: the merged event keeps the earliest sub-event type of this list.
SUB_EVENT_PRIORITY: tuple[str, ...] = (
    "Chemical weapon", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Air/drone strike",
    "Shelling/artillery/missile attack", "Sexual violence", "Abduction/forced disappearance", "Attack",
    "Excessive force against protesters", "Protest with intervention", "Armed clash",
    "Government regains territory", "Non-state actor overtakes territory", "Violent demonstration",
    "Mob violence", "Peaceful protest",
)
EXTRACTOR = "geo-events extract (offline gazetteer)"
_LOCATION_FIELDS = ("location", "place_id", "admin1", "admin2", "country", "iso3", "geo_precision",
                    "control_zone", "side_of_line")


def _actors() -> ActorSides:
    return default_actor_sides()


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    lon1, lat1 = a["geometry"]["coordinates"][:2]
    lon2, lat2 = b["geometry"]["coordinates"][:2]
    return haversine_km(lat1, lon1, lat2, lon2)


def match_reasons(stored: dict[str, Any], incoming: dict[str, Any]) -> list[str]:
    """Return why two event Features do NOT match (an empty list means they match).

    Parameters
    ----------
    stored, incoming : dict
        GeoJSON event Features (``geo_events.models.Event`` shape).
    """
    return list(_mismatches(stored, incoming))


def _mismatches(stored: dict[str, Any], incoming: dict[str, Any]) -> Iterator[str]:
    """Yield each reason two Features do not match, cheapest test first (``events_match`` stops at one)."""
    a, b = stored["properties"], incoming["properties"]
    window = max(DATE_TOLERANCE_DAYS.get(a.get("date_precision", "day"), 1),
                 DATE_TOLERANCE_DAYS.get(b.get("date_precision", "day"), 1))
    gap = abs((_date(a["event_date"]) - _date(b["event_date"])).days)
    if gap > window:
        yield f"dates {gap} days apart (window {window})"
    pa, pb = int(a.get("geo_precision") or 1), int(b.get("geo_precision") or 1)
    if pa == 3 or pb == 3:
        if a.get("admin1") and b.get("admin1"):
            if a["admin1"] != b["admin1"]:
                yield f"different governorates ({a['admin1']} / {b['admin1']})"
        elif (a.get("iso3") or a.get("country")) != (b.get("iso3") or b.get("country")):
            yield "different countries"
        elif _km(stored, incoming) > REGION_KM:
            yield f"more than {REGION_KM:.0f} km apart"
    else:
        limit = NEAR_KM if pa == 1 and pb == 1 else NEAR_KM_IMPRECISE
        distance = _km(stored, incoming)
        if distance > limit:
            yield f"{distance:.0f} km apart (limit {limit:.0f})"
    ta, tb = a["event_type"], b["event_type"]
    if ta != tb and frozenset({ta, tb}) not in COMPATIBLE_TYPES:
        yield f"incompatible types ({ta} / {tb})"
    elif ta != tb and (_type_coded(a) or _type_coded(b)):
        yield f"different types coded by a data set ({ta} / {tb})"
    if not _actors_compatible(a, b, allow_swap=ta == tb == "Battles"):
        yield (f"different actors ({a.get('actor1')} vs {a.get('actor2')} / "
               f"{b.get('actor1')} vs {b.get('actor2')})")
    sources_a = {s["id"] for s in a.get("sources", [])}
    sources_b = {s["id"] for s in b.get("sources", [])}
    if a["id"] != b["id"] and sources_b and sources_a == sources_b:
        yield "same source reports them as different events"


def _type_coded(props: dict[str, Any]) -> bool:
    """True when the event holds a source of a data set that codes clashes and strikes apart."""
    return any(str(s.get("id", "")).startswith(TYPE_CODED_SOURCES) for s in props.get("sources") or [])


def _same_side(x: str | None, y: str | None) -> bool:
    if not x or not y:
        return True
    if x == y:
        return True
    actors = _actors()
    side_x, side_y = actors.side(x), actors.side(y)
    return side_x is not None and side_x == side_y


def _actors_compatible(a: dict[str, Any], b: dict[str, Any], allow_swap: bool) -> bool:
    straight = _same_side(a.get("actor1"), b.get("actor1")) and _same_side(a.get("actor2"), b.get("actor2"))
    if straight or not allow_swap:
        return straight
    return _same_side(a.get("actor1"), b.get("actor2")) and _same_side(a.get("actor2"), b.get("actor1"))


def events_match(stored: dict[str, Any], incoming: dict[str, Any]) -> bool:
    """Return True when two event Features report the same event (see the module docstring)."""
    return next(_mismatches(stored, incoming), None) is None


def combine(stored: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """Return the merge of two matching events (stored id kept; order-independent otherwise)."""
    a, b = stored["properties"], incoming["properties"]
    merged = {**a}
    sources = {s["id"]: s for s in [*b.get("sources", []), *a.get("sources", [])]}
    merged["sources"] = sorted(sources.values(), key=lambda s: (str(s.get("published")), s["id"]))
    claims: dict[tuple[Any, ...], dict[str, Any]] = {}
    for claim in sorted([*a.get("claims", []), *b.get("claims", [])], key=_claim_order):
        claims.setdefault(_claim_key(claim), claim)
    merged["claims"] = sorted(claims.values(), key=_claim_order)
    # location: best precision, then smallest place id, name and point (so arrival order never decides)
    loc_a, loc_b = (a, stored["geometry"]), (b, incoming["geometry"])
    best_props, best_geometry = min(
        (loc_a, loc_b),
        key=lambda pg: (
            int(pg[0].get("geo_precision") or 1),
            str(pg[0].get("place_id") or ""),
            str(pg[0].get("location")),
            tuple(pg[1]["coordinates"]),
        ),
    )
    for field in _LOCATION_FIELDS:
        merged[field] = best_props.get(field)
    # date: finest precision, then the earliest
    rank = {"day": 0, "week": 1, "month": 2}
    best_date = min((a, b), key=lambda p: (rank.get(p.get("date_precision", "day"), 0), str(p["event_date"])))
    merged["event_date"], merged["date_precision"] = best_date["event_date"], best_date.get("date_precision", "day")
    # type: the more specific sub-event type
    best_type = min((a, b), key=lambda p: (_sub_priority(p["sub_event_type"]), p["sub_event_type"]))
    merged["event_type"], merged["sub_event_type"] = best_type["event_type"], best_type["sub_event_type"]
    # actors: per role the one listed first in actors.csv; the other joins assoc_actors
    actors = _actors()
    assoc = set(a.get("assoc_actors", [])) | set(b.get("assoc_actors", []))
    for role in ("actor1", "actor2"):
        names = sorted({n for n in (a.get(role), b.get(role)) if n}, key=lambda n: (actors.rank(n), n))
        merged[role] = names[0] if names else None
        assoc.update(names[1:])
    assoc -= {merged["actor1"], merged["actor2"], None}
    merged["assoc_actors"] = sorted(assoc, key=lambda n: (actors.rank(n), n))
    merged["confidence"] = max((p.get("confidence") for p in (a, b) if p.get("confidence") is not None),
                               default=None)
    stamps = [str(p["extracted_at"]) for p in (a, b) if p.get("extracted_at")]
    merged["extracted_at"] = max(stamps) if stamps else None
    if a.get("geocoder") == EXTRACTOR and b.get("geocoder") == EXTRACTOR:
        merged["notes"] = _merged_notes(merged)
    merged["id"] = a["id"]
    feature = {"type": "Feature", "id": a["id"], "geometry": best_geometry, "properties": merged}
    try:
        event = Event.model_validate(feature)
    except ValueError as err:
        raise ValidationFailed(f"merged event {a['id']} is invalid: {err}") from err
    event.properties.recompute_fatalities()
    return event.to_feature()


def _sub_priority(sub: str) -> int:
    return SUB_EVENT_PRIORITY.index(sub) if sub in SUB_EVENT_PRIORITY else len(SUB_EVENT_PRIORITY)


def _claim_key(claim: dict[str, Any]) -> tuple[Any, ...]:
    return (claim["source_id"], claim["claimant"], claim["kind"], claim.get("low"), claim.get("high"),
            bool(claim.get("vague")))


def _claim_order(claim: dict[str, Any]) -> tuple[Any, ...]:
    evidence = claim.get("evidence") or [{"start": 0}]
    return (claim["source_id"], evidence[0].get("start", 0), claim["claimant"], claim["kind"])


def _merged_notes(p: dict[str, Any]) -> str:
    publishers = sorted({s.get("publisher") or "unnamed outlet" for s in p.get("sources", [])})
    who = f" by {p['actor1']}" if p.get("actor1") else ""
    whom = f" against {p['actor2']}" if p.get("actor2") else ""
    return (f"{p['sub_event_type']}{who}{whom} at/near {p['location']} on {p['event_date']} "
            f"(coded automatically from {len(publishers)} source(s): {', '.join(publishers)}).")


def _without_stamp(feature: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in feature["properties"].items() if k != "extracted_at"}
    return {**feature, "properties": props}


def _window(day_first: date, day_last: date) -> EventQuery:
    """The stored events any event dated between the two days may match (every date window fits in it)."""
    reach = 2 * max(DATE_TOLERANCE_DAYS.values())
    # Clamped to the calendar: an event dated near 0001-01-01 or 9999-12-31 must not overflow the window.
    first = date.fromordinal(max(1, day_first.toordinal() - reach))
    last = date.fromordinal(min(date.max.toordinal(), day_last.toordinal() + reach))
    return EventQuery(start=first, end=last, limit=MAX_LIMIT, sort="id")


def _query_all(store: Any, query: EventQuery) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        page = store.query(replace(query, offset=offset))
        yield from page.features
        offset += page.number_returned
        if page.number_returned == 0 or offset >= page.number_matched:
            return


def _best(candidates: Iterable[dict[str, Any]], feature: dict[str, Any]) -> dict[str, Any] | None:
    """The matching candidate: the same id first, then the nearest in time, then in space."""
    props = feature["properties"]
    day = _date(props["event_date"])
    best: tuple[tuple[int, int, float], dict[str, Any]] | None = None
    for candidate in candidates:
        if not events_match(candidate, feature):
            continue
        cp = candidate["properties"]
        key = (0 if cp["id"] == props["id"] else 1,
               abs((_date(cp["event_date"]) - day).days), _km(candidate, feature))
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None


def find_match(store: Any, feature: dict[str, Any]) -> dict[str, Any] | None:
    """Return the stored event the incoming Feature reports (see the rule above), or None."""
    day = _date(feature["properties"]["event_date"])
    return _best(_query_all(store, _window(day, day)), feature)


class _Held:
    """The stored events a batch may match, by date precision and day, kept up to date with its writes."""

    def __init__(self, store: Any, days: list[date]) -> None:
        self.store = store
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_day: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.changed: dict[str, dict[str, Any]] = {}
        for feature in _query_all(store, _window(min(days), max(days))):
            self._hold(feature)

    @staticmethod
    def _key(feature: dict[str, Any]) -> tuple[str, int]:
        props = feature["properties"]
        return str(props.get("date_precision", "day")), _date(props["event_date"]).toordinal()

    def _hold(self, feature: dict[str, Any]) -> None:
        old = self.by_id.get(feature["id"])
        if old is not None:
            precision, day = self._key(old)
            self.by_day[precision][day].discard(feature["id"])
        self.by_id[feature["id"]] = feature
        precision, day = self._key(feature)
        self.by_day[precision][day].add(feature["id"])

    def match(self, feature: dict[str, Any]) -> dict[str, Any] | None:
        """``find_match`` over the held events: only those within the date window are tested."""
        precision, day = self._key(feature)
        own = DATE_TOLERANCE_DAYS.get(precision, 1)
        ids: list[str] = []
        for other, days in self.by_day.items():
            window = max(own, DATE_TOLERANCE_DAYS.get(other, 1))
            ids.extend(i for d in range(day - window, day + window + 1) for i in days.get(d, ()))
        return _best((self.by_id[i] for i in sorted(ids)), feature)

    def get(self, event_id: str) -> dict[str, Any] | None:
        """The event with this id: held (as the batch left it) or stored."""
        held = self.by_id.get(event_id)
        return held if held is not None else _get(self.store, event_id)

    def put(self, feature: dict[str, Any]) -> None:
        """Hold a created or merged event, to be written with the batch."""
        self._hold(feature)
        self.changed[feature["id"]] = feature


class _Live:
    """The store itself, event by event: what ``merge_event`` matches against and writes to."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def match(self, feature: dict[str, Any]) -> dict[str, Any] | None:
        """``find_match`` on the store."""
        return find_match(self.store, feature)

    def get(self, event_id: str) -> dict[str, Any] | None:
        """The stored event with this id, or None."""
        return _get(self.store, event_id)

    def put(self, feature: dict[str, Any]) -> None:
        """Store a created or merged event at once."""
        self.store.upsert(feature)


def _valid(feature: dict[str, Any] | Event) -> dict[str, Any]:
    if isinstance(feature, Event):
        return feature.to_feature()
    try:
        return Event.model_validate(feature).to_feature()
    except ValueError as err:
        raise ValidationFailed(f"incoming event is invalid: {err}") from err


def merge_many(store: Any, features: Iterable[dict[str, Any] | Event]) -> list[tuple[str, str] | GeoEventsError]:
    """Store extracted events as ``merge_event`` would one after another, in one transaction and one write.

    The stored events the batch may match are read once (one date-window query), and every created or
    merged event is written by a single durable ``upsert_many``: the result is that of calling
    ``merge_event`` on each event in order (the same decisions, ``_merge_one``, against the events held in
    memory instead of a store query per event; tests compare both), at a fraction of the cost.

    Returns
    -------
    list
        Per event, in order: ``(event id, action)`` as ``merge_event`` returns it, or the
        ``GeoEventsError`` (an invalid event, an invalid merge) that kept that one event out; the others
        are stored.
    """
    results: list[tuple[str, str] | GeoEventsError] = []
    valid: list[tuple[int, dict[str, Any]]] = []
    for number, feature in enumerate(features):
        try:
            valid.append((number, _valid(feature)))
        except GeoEventsError as err:
            results.append(err)
            continue
        results.append(("", ""))
    if not valid:
        return results
    with store.transaction():
        held = _Held(store, [_date(f["properties"]["event_date"]) for _, f in valid])
        for number, feature in valid:
            try:
                results[number] = _merge_one(held, feature)
            except GeoEventsError as err:
                results[number] = err
        if held.changed:  # each one validated above or by combine
            store.upsert_many(list(held.changed.values()), trusted=True)
    return results


def _merge_one(held: _Held | _Live, feature: dict[str, Any]) -> tuple[str, str]:
    stored = held.match(feature)
    if stored is None:
        event_id = feature["id"]
        if held.get(event_id) is not None:  # same id, but a different event: derive a new, still stable, id
            first_source = (feature["properties"].get("sources") or [{"id": ""}])[0]["id"]
            event_id = stable_id("evt", event_id, first_source)
            feature = {**feature, "id": event_id, "properties": {**feature["properties"], "id": event_id}}
            if held.get(event_id) is not None:
                return event_id, "unchanged"
        held.put(feature)
        return event_id, "created"
    stored_sources = {s["id"] for s in stored["properties"].get("sources", [])}
    incoming_sources = {s["id"] for s in feature["properties"].get("sources", [])}
    if incoming_sources <= stored_sources:
        return stored["id"], "unchanged"
    merged = combine(stored, feature)
    if _without_stamp(merged) == _without_stamp(stored):
        return stored["id"], "unchanged"
    held.put(merged)
    return stored["id"], "merged"


def merge_event(store: Any, feature: dict[str, Any] | Event) -> tuple[str, str]:
    """Store an extracted event, merging it into the stored event it reports.

    Parameters
    ----------
    store : EventStore
        Where events live; the read-modify-write runs inside ``store.transaction()``.
    feature : dict or Event
        The incoming event Feature.

    Returns
    -------
    tuple of (str, str)
        ``(event id, action)`` with action ``"created"``, ``"merged"`` or ``"unchanged"``.
    """
    feature = _valid(feature)
    with store.transaction():
        return _merge_one(_Live(store), feature)


def _get(store: Any, event_id: str) -> dict[str, Any] | None:
    from geo_events.errors import EventNotFound

    try:
        return store.get(event_id)
    except EventNotFound:
        return None
