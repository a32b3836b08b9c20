"""Benchmarks of geo-events against real peers, measured side by side in one run (``python -m benchmarks``)."""
