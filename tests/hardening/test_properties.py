"""Property tests (hypothesis, bounded examples): model, formats, store queries, normalisation, dates, merge.

Examples per property are bounded by ``GEO_EVENTS_HYPOTHESIS_EXAMPLES`` (default 60) so the folder stays
fast in CI; ``docs/reliability.md`` lists the numbers used for the figures.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from geo_events.errors import GeoEventsError, ValidationFailed
from geo_events.models import Event
from geo_events.query import SORT_KEYS, EventQuery
from geo_events.store import GeoJSONFileStore
from geo_events.taxonomy import EVENT_TYPES

EXAMPLES = int(os.environ.get("GEO_EVENTS_HYPOTHESIS_EXAMPLES", "60"))
PROFILE = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)  # fmt: skip

# ---------------------------------------------------------------- strategies
# Text without surrogates (not encodable as UTF-8) and without leading/trailing whitespace (the model strips it).
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")  # NUL is rejected, see below
_text = st.text(_chars, min_size=1, max_size=40).map(str.strip).filter(bool)
_opt_text = st.none() | _text
_types = st.sampled_from([(t, s) for t, subs in EVENT_TYPES.items() for s in subs])
_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
_ids = st.from_regex(r"evt-[a-z0-9]{1,12}", fullmatch=True)


@st.composite
def valid_events(draw: Any, event_id: str | None = None) -> dict[str, Any]:
    """A valid event Feature with arbitrary (Unicode) text, numbers and places."""
    event_type, sub = draw(_types)
    low, best, high = sorted(draw(st.lists(st.integers(0, 10**6), min_size=3, max_size=3)))
    eid = event_id or draw(_ids)
    props: dict[str, Any] = {
        "id": eid,
        "event_date": draw(_dates).isoformat(),
        "date_precision": draw(st.sampled_from(["day", "week", "month"])),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": draw(_opt_text),
        "actor2": draw(_opt_text),
        "assoc_actors": draw(st.lists(_text, max_size=3)),
        "location": draw(_text),
        "admin1": draw(_opt_text),
        "country": draw(st.sampled_from([None, "Syria", "Iraq", "Türkiye"])),
        "iso3": draw(st.sampled_from([None, "SYR", "IRQ", "TUR"])),
        "geo_precision": draw(st.sampled_from([1, 2, 3])),
        "fatalities_low": low,
        "fatalities_best": best,
        "fatalities_high": high,
        "side_of_line": draw(st.sampled_from([None, "east", "west", "on_line"])),
        "notes": draw(st.none() | st.text(_chars, max_size=300).map(str.strip).filter(bool)),
        "confidence": draw(st.none() | st.floats(0, 1, allow_nan=False)),
    }
    lon = draw(st.floats(-180, 180, allow_nan=False, allow_infinity=False))
    lat = draw(st.floats(-90, 90, allow_nan=False, allow_infinity=False))
    return {"type": "Feature", "id": eid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}  # fmt: skip


def _canonical(feature: dict[str, Any]) -> dict[str, Any]:
    return Event.model_validate(feature).to_feature()


# ---------------------------------------------------------------- model validation
@PROFILE
@given(valid_events())
def test_valid_events_validate_and_round_trip(feature: dict[str, Any]) -> None:
    once = _canonical(feature)
    assert _canonical(once) == once  # validation is idempotent: the output validates to itself
    assert once["properties"]["id"] == once["id"] == feature["id"]
    assert once["geometry"]["coordinates"] == list(feature["geometry"]["coordinates"])


_BREAKERS: dict[str, Any] = {
    "fatalities_best": -1,
    "fatalities_low": 10**10,
    "event_date": "2018-02-30",
    "event_type": "Not a type",
    "iso3": "syr",
    "geo_precision": 7,
    "confidence": 1.01,
    "side_of_line": "north",
    "location": "",
    "unknown_field": "x",
    "assoc_actors": "not a list",
}


@PROFILE
@given(valid_events(), st.sampled_from(sorted(_BREAKERS)))
def test_breaking_any_rule_is_rejected(feature: dict[str, Any], field: str) -> None:
    feature["properties"][field] = _BREAKERS[field]
    with pytest.raises(ValueError):
        Event.model_validate(feature)
    from geo_events.store.geojson import validate_event

    with pytest.raises(ValidationFailed) as excinfo:
        validate_event(feature)
    assert excinfo.value.problems, "ValidationFailed must list the problems"


@PROFILE
@given(valid_events(), st.sampled_from(["location", "actor1", "notes", "admin1", "assoc_actors"]), st.text(max_size=5))
def test_nul_characters_are_rejected_in_every_text_field(feature: dict[str, Any], field: str, text: str) -> None:
    """GDAL cuts strings at NUL (a GeoPackage export would silently lose text), so the model refuses NUL."""
    value = f"a{text}\x00{text}b"
    feature["properties"][field] = [value] if field == "assoc_actors" else value
    with pytest.raises(ValueError, match="NUL"):
        Event.model_validate(feature)


@PROFILE
@given(valid_events(), st.floats(allow_nan=True, allow_infinity=True), st.booleans())
def test_coordinates_outside_wgs84_or_not_finite_are_rejected(feature: dict[str, Any], value: float, lon: bool) -> None:
    limit = 180 if lon else 90
    assume(not (-limit <= value <= limit))  # NaN also fails this comparison
    coords = feature["geometry"]["coordinates"]
    coords[0 if lon else 1] = value
    with pytest.raises(ValueError):
        Event.model_validate(feature)


# ---------------------------------------------------------------- formats round trip
@PROFILE
@given(st.lists(valid_events(), min_size=1, max_size=5, unique_by=lambda f: f["id"]), st.sampled_from(["geojson", "csv"]))
def test_export_then_import_round_trips(features: list[dict[str, Any]], fmt: str) -> None:
    from geo_events.formats import read_events_file, write_events

    canonical = [_canonical(f) for f in features]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_events(canonical, Path(tmp) / f"events.{fmt}", fmt)
        back = [_canonical(f) for f in read_events_file(path)]
    assert back == canonical


@pytest.mark.parametrize("text", ["one\rtwo", "one\ntwo", "one\r\ntwo", "a,b;\"c\"", "\u2028x\u2029", "=HYPERLINK(1)"])
def test_csv_round_trip_keeps_line_breaks_quotes_and_separators(tmp_path: Path, text: str) -> None:
    """Found at 200 examples: a bare carriage return was written unquoted and split the CSV row."""
    from geo_events.formats import read_events_file, write_events

    from .helpers import make_event

    event = _canonical(make_event("evt-cr", notes=text, location=f"x{text}x"))
    back = read_events_file(write_events([event], tmp_path / "events.csv", "csv"))
    assert [_canonical(f) for f in back] == [event]


@settings(PROFILE, max_examples=max(5, EXAMPLES // 6))
@given(st.lists(valid_events(), min_size=1, max_size=4, unique_by=lambda f: f["id"]))
def test_geopackage_round_trip(features: list[dict[str, Any]]) -> None:
    from geo_events.formats import read_events_file, write_events

    canonical = [_canonical(f) for f in features]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_events(canonical, Path(tmp) / "events.gpkg", "gpkg")
        back = [_canonical(f) for f in read_events_file(path)]
    assert back == canonical


# ---------------------------------------------------------------- store query == naive filter
_SYRIA = st.tuples(st.floats(35.5, 42.5), st.floats(32.0, 37.5))


@st.composite
def query_events(draw: Any) -> list[dict[str, Any]]:
    """Events in a small area and date range so filters cut through them."""
    count = draw(st.integers(0, 25))
    events = []
    for i in range(count):
        feature = draw(valid_events(event_id=f"evt-q{i:03d}"))
        lon, lat = draw(_SYRIA)
        feature["geometry"]["coordinates"] = [lon, lat]
        feature["properties"]["event_date"] = (date(2018, 1, 1) + timedelta(days=draw(st.integers(0, 60)))).isoformat()
        events.append(feature)
    return events


@st.composite
def queries(draw: Any) -> EventQuery:
    bbox = None
    if draw(st.booleans()):
        x1, x2 = sorted([draw(st.floats(35, 43)), draw(st.floats(35, 43))])
        y1, y2 = sorted([draw(st.floats(31.5, 38)), draw(st.floats(31.5, 38))])
        bbox = (x1, y1, x2, y2)
    start = end = None
    if draw(st.booleans()):
        start = date(2018, 1, 1) + timedelta(days=draw(st.integers(0, 60)))
    if draw(st.booleans()):
        end = (start or date(2018, 1, 1)) + timedelta(days=draw(st.integers(0, 60)))
    low = draw(st.none() | st.integers(0, 10**6))
    high = draw(st.none() | st.integers(low or 0, 10**6))
    return EventQuery(
        bbox=bbox, start=start, end=end,
        event_type=draw(st.none() | st.sampled_from(sorted(EVENT_TYPES))),
        min_fatalities=low, max_fatalities=high,
        sort=draw(st.sampled_from(SORT_KEYS)),
        limit=draw(st.integers(1, 30)), offset=draw(st.integers(0, 30)),
    ).validate()  # fmt: skip


def _span(day: date, precision: str) -> tuple[date, date]:
    """Days a week- or month-precision event may have happened on (its ISO week, its month)."""
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return day, day


def naive_query(features: list[dict[str, Any]], q: EventQuery) -> tuple[int, list[str]]:
    """The obviously-correct answer: filter in Python, sort stably by (key, insertion order), page.

    Date filters keep an event when the days it may have happened on overlap ``[start, end]``.
    """
    rows = []
    for order, f in enumerate(features):
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        day = date.fromisoformat(p["event_date"])
        first, last = _span(day, p.get("date_precision", "day"))
        if q.bbox and not (q.bbox[0] <= lon <= q.bbox[2] and q.bbox[1] <= lat <= q.bbox[3]):
            continue
        if q.start and last < q.start or q.end and first > q.end:  # the event's possible days overlap [start, end]
            continue
        if q.event_type and p["event_type"] != q.event_type:
            continue
        if q.min_fatalities is not None and p["fatalities_best"] < q.min_fatalities:
            continue
        if q.max_fatalities is not None and p["fatalities_best"] > q.max_fatalities:
            continue
        rows.append((order, day, p["fatalities_best"], p["id"]))
    key = {
        "date": lambda r: (r[1], r[0]), "-date": lambda r: (-r[1].toordinal(), r[0]),
        "fatalities": lambda r: (r[2], r[0]), "-fatalities": lambda r: (-r[2], r[0]), "id": lambda r: r[3],
    }[q.sort]
    rows.sort(key=key)
    return len(rows), [r[3] for r in rows[q.offset : q.offset + q.limit]]


@PROFILE
@given(query_events(), st.lists(queries(), min_size=1, max_size=4))
def test_store_query_equals_naive_filter(tmp_path_factory, events: list[dict[str, Any]], qs: list[EventQuery]) -> None:
    canonical = [_canonical(f) for f in events]
    path = tmp_path_factory.mktemp("q") / "events.geojson"
    store = GeoJSONFileStore(path, compact_every=0)
    if canonical:
        store.upsert_many(canonical[: len(canonical) // 2])
        store.compact()  # half in the snapshot, half in the journal
        store.upsert_many(canonical[len(canonical) // 2 :])
    for q in qs:
        expected = naive_query(canonical, q)
        result = store.query(q)
        assert (result.number_matched, [f["id"] for f in result.features]) == expected, q
    store.compact()
    reopened = GeoJSONFileStore(path)  # through the saved column cache, if any
    for q in qs:
        result = reopened.query(q)
        assert (result.number_matched, [f["id"] for f in result.features]) == naive_query(canonical, q), q


# ---------------------------------------------------------------- gazetteer normalisation (engineer A)
def _normalize():
    gazetteer = pytest.importorskip("geo_events.gazetteer")
    if not hasattr(gazetteer, "normalize"):
        pytest.skip("geo_events.gazetteer.normalize has not landed")
    return gazetteer.normalize


@settings(PROFILE, max_examples=EXAMPLES * 5)
@given(st.text(st.characters(), max_size=80))
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    normalize = _normalize()
    once = normalize(text)
    assert isinstance(once, str)
    assert normalize(once) == once


@settings(PROFILE, max_examples=EXAMPLES * 2)
@given(st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Mn", "Zs", "Pd", "Po")), max_size=40))
def test_normalize_output_is_lower_case_single_spaced(text: str) -> None:
    normalize = _normalize()
    once = normalize(text)
    assert once == once.strip()
    assert "  " not in once
    assert once == once.lower()


# ---------------------------------------------------------------- date resolution (engineer B)
def _find_dates():
    dates = pytest.importorskip("geo_events.extract.dates")
    return dates.find_dates


_published = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@settings(PROFILE, max_examples=EXAMPLES * 3)
@given(st.text(st.characters(), max_size=300), _published)
def test_find_dates_never_raises_and_never_returns_future_dates(text: str, published: date) -> None:
    for mention in _find_dates()(text, published):
        assert mention.date <= published + timedelta(days=1)
        assert text[mention.start : mention.end] == mention.text
        assert mention.precision in ("day", "week", "month")


@PROFILE
@given(_published, st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
       st.sampled_from(["on {}", "late on {}", "{} night", "overnight {}"]))  # fmt: skip
def test_weekday_resolves_to_the_latest_such_day_before_publication(published: date, weekday: str, form: str) -> None:
    text = f"The strikes happened {form.format(weekday.capitalize())}, officials said."
    mentions = [m for m in _find_dates()(text, published) if m.kind in ("weekday", "overnight")]
    assert mentions, text
    day = mentions[0].date
    assert published - timedelta(days=6) <= day <= published
    assert day.strftime("%A").lower() == weekday


@PROFILE
@given(_published, st.integers(0, 31))
def test_days_ago_and_iso_dates_resolve_exactly(published: date, back: int) -> None:
    find_dates = _find_dates()
    ago = find_dates(f"The attack came {back} days ago near the river.", published)
    assert [m.date for m in ago if m.kind == "relative"] == [published - timedelta(days=back)]
    target = published - timedelta(days=back)
    iso = find_dates(f"Fighting on {target.isoformat()} left many dead.", published)
    assert [m.date for m in iso] == [target]


# ---------------------------------------------------------------- merge rule (engineer B)
def _merge():
    merge = pytest.importorskip("geo_events.merge")
    return merge


_ACTORS = ["US-led coalition", "Syrian Democratic Forces", "Pro-government forces", "Russia", "ISIS"]


_PLACES = [("Khasham", "geonames:167899", (40.289, 35.301)), ("Khusham", "ge:khusham", (40.302, 35.287)),
           ("Al Tabiyah", "geonames:163345", (40.265, 35.318))]


@st.composite
def reports_of_one_event(draw: Any, jitter: bool = False) -> list[dict[str, Any]]:
    """2–4 reports (different sources) of one strike: dates within a day, places within a few km.

    Without ``jitter`` every report is geocoded as the extractor does (a gazetteer place: one place id,
    one point); with ``jitter`` reports carry their own coordinates and no place id (hand-coded imports).
    """
    base_day = date(2018, 2, 7)
    count = draw(st.integers(2, 4))
    reports = []
    for i in range(count):
        sid = f"src-{i}"
        killed = draw(st.integers(0, 200))
        location, place_id, (lon, lat) = draw(st.sampled_from(_PLACES))
        if jitter:
            place_id, lon, lat = None, lon + draw(st.floats(-0.03, 0.03)), lat + draw(st.floats(-0.03, 0.03))
        feature = {
            "type": "Feature", "id": f"evt-r{i}",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "id": f"evt-r{i}", "event_date": (base_day + timedelta(days=draw(st.integers(0, 1)))).isoformat(),
                "event_type": "Explosions/Remote violence",
                "sub_event_type": draw(st.sampled_from(["Air/drone strike", "Shelling/artillery/missile attack"])),
                "actor1": draw(st.sampled_from(["US-led coalition", "Syrian Democratic Forces"])),
                "actor2": "Pro-government forces", "location": location, "place_id": place_id,
                "admin1": "Deir ez-Zor", "country": "Syria", "iso3": "SYR", "geo_precision": draw(st.sampled_from([1, 2])),
                "fatalities_best": killed, "fatalities_low": killed, "fatalities_high": killed,
                "sources": [{"id": sid, "publisher": f"Outlet {i}", "published": "2018-02-08"}],
                "claims": [{"source_id": sid, "claimant": f"Official {i}", "kind": "killed", "low": killed, "high": killed}],
            },
        }  # fmt: skip
        reports.append(feature)
    return reports


def _merge_all(reports: list[dict[str, Any]], order: list[int], folder: Path) -> tuple[list[dict], list[str]]:
    merge = _merge()
    store = GeoJSONFileStore(folder / "events.geojson", compact_every=0)
    actions = [merge.merge_event(store, reports[i])[1] for i in order]
    features = []
    for f in store:
        props = {k: v for k, v in f["properties"].items() if k not in ("id", "extracted_at")}
        features.append({"geometry": f["geometry"], "properties": props})
    return sorted(features, key=repr), actions


def _check_order_independence(reports: list[dict], rnd: Any, tmp_path_factory: Any) -> None:
    order = list(range(len(reports)))
    shuffled = order[:]
    rnd.shuffle(shuffled)
    first, actions = _merge_all(reports, order, tmp_path_factory.mktemp("a"))
    second, _ = _merge_all(reports, shuffled, tmp_path_factory.mktemp("b"))
    assert actions[0] == "created"
    assert len(first) == 1, "reports of one event must merge into one"
    assert first == second


@PROFILE
@given(reports_of_one_event(), st.randoms(use_true_random=False))
def test_merge_result_does_not_depend_on_arrival_order(tmp_path_factory, reports: list[dict], rnd: Any) -> None:
    _check_order_independence(reports, rnd, tmp_path_factory)


@PROFILE
@given(reports_of_one_event(jitter=True), st.randoms(use_true_random=False))
def test_merge_order_independence_with_hand_coded_points(tmp_path_factory, reports: list[dict], rnd: Any) -> None:
    _check_order_independence(reports, rnd, tmp_path_factory)


@PROFILE
@given(reports_of_one_event())
def test_reingesting_is_idempotent(tmp_path_factory, reports: list[dict]) -> None:
    merge = _merge()
    store = GeoJSONFileStore(tmp_path_factory.mktemp("i") / "events.geojson", compact_every=0)
    for report in reports:
        merge.merge_event(store, report)
    before = sorted((f for f in store), key=lambda f: f["id"])
    again = [merge.merge_event(store, report)[1] for report in reports]
    assert again == ["unchanged"] * len(reports)
    assert sorted((f for f in store), key=lambda f: f["id"]) == before


def test_merge_errors_are_library_errors() -> None:
    """A malformed incoming event must raise the library's ValidationFailed, not a raw pydantic error."""
    merge = _merge()
    with tempfile.TemporaryDirectory() as tmp:
        store = GeoJSONFileStore(Path(tmp) / "events.geojson")
        with pytest.raises(GeoEventsError):
            merge.merge_event(store, {"type": "Feature", "geometry": None, "properties": {}})
