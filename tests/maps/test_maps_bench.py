"""benchmarks/bench_maps.py: both sides build complete pages and rows carry the agreed keys (no timing asserts)."""

from __future__ import annotations

from benchmarks import bench_maps
from benchmarks.generate import iter_features


def test_ours_and_peer_pages_hold_every_event():
    features = list(iter_features(30))
    ours = bench_maps.measure_ours(features)
    assert ours["events"] == 30 and ours["bytes"] > 0 and ours["seconds"] > 0
    peer = bench_maps.measure_peer(30, timeout=120)
    assert peer is not None and peer["markers"] == 30 and peer["bytes"] > 0


def test_peer_over_its_limit_is_reported_as_none():
    assert bench_maps.measure_peer(5, timeout=0.01) is None


def test_rows_have_the_table_keys(monkeypatch):
    monkeypatch.setattr(bench_maps, "measure_peer", lambda n, timeout: None)
    rows = bench_maps.run(smoke=True)
    assert len(rows) == 4
    for row in rows:
        assert {"what", "ours", "peer", "ratio", "target", "note"} <= set(row)
        assert isinstance(row["ours"], float)
    assert rows[0]["peer"] == "> 60" and "did not finish" in rows[1]["note"]
