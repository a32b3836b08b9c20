"""The online baseline for geocoding: Nominatim's usage policy (at most 1 request/s), as a computed figure.

No request is ever sent: the public Nominatim service allows an absolute maximum of one request per
second, so geocoding N names online takes at least N seconds. This compares that floor with the time
our offline geocoder (``geo_events.geocoder.geocode_record``) takes for the same N gazetteer names,
measured here on one core, and counts how many of them it resolves back to the place they came from.
"""

from __future__ import annotations

import time

from benchmarks.report import make_row

NOMINATIM_MAX_REQUESTS_PER_S = 1.0


def _names(limit: int) -> list[tuple[str, str]]:
    """Return up to ``limit`` (name, place id) pairs from the bundled gazetteer, in a stable order."""
    from geo_events.gazetteer import Gazetteer

    places = sorted(Gazetteer.default(), key=lambda p: p.id)
    step = max(1, len(places) // limit)
    return [(p.name, p.id) for p in places[::step][:limit]]


def run(smoke: bool = False) -> list[dict]:
    """Return one row: seconds to geocode N names offline vs the Nominatim policy floor (computed).

    Parameters
    ----------
    smoke
        Fewer names (seconds), to keep the harness working in CI.
    """
    from geo_events.geocoder import geocode_record

    names = _names(200 if smoke else 5000)
    started = time.process_time()
    found = same_name = 0
    for name, place_id in names:
        record = geocode_record(name)
        if record is None:
            continue
        if record.get("id") == place_id:
            found += 1
        elif str(record.get("name", "")).casefold() == name.casefold():
            same_name += 1
    ours_s = time.process_time() - started
    online_s = len(names) / NOMINATIM_MAX_REQUESTS_PER_S
    return [make_row(
        f"geocode {len(names):,} gazetteer names: offline vs Nominatim policy (1 req/s)", ours_s, online_s,
        unit="s",
        note=(f"peer is COMPUTED from the usage policy (no network): {len(names):,} requests ≥ {online_s:,.0f} s "
              f"before any network latency; ours: CPU time, one core; {found:,} of {len(names):,} names resolve "
              f"to their own place, {same_name:,} to another place of the same name"),
    )]
