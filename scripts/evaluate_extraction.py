#!/usr/bin/env python3
"""Precision and recall of ``geo_events.extract`` per field on a labelled development set.

Usage::

    python scripts/evaluate_extraction.py [tests/data/devset/devset.json] [--json] [--show-errors]

The set is a JSON document ``{"articles": [{"id", "text", "published", "publisher", "title",
"expected": [event, ...]}, ...]}`` where each expected event gives ``event_date``, ``date_precision``,
``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``lat``/``lon``, ``admin1``, ``country``,
``fatalities_best`` and ``claims`` (``claimant``, ``kind``, ``low``, ``high``).

Scoring: in each article, expected and extracted events are paired greedily by date gap and distance
(at most 3 days and 100 km apart). For a field, *precision* = correct values / values extracted and
*recall* = correct values / values expected, over all articles (a null value is "not given"; a value
given where none is expected counts against precision). ``location`` is correct within 10 km of the
expected point (50 km for governorate-level expectations). Claims are compared as sets of
(claimant, kind, low, high). ``events`` scores the pairing itself.

Importable: ``evaluate(path) -> dict`` returns ``{"fields": {name: {"precision", "recall", ...}},
"articles": n, "errors": [...]}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from geo_events.geodesy import haversine_km as _km

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset" / "devset.json"
FIELDS = ("event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
          "admin1", "country", "fatalities_best")



def _flatten(feature: dict[str, Any]) -> dict[str, Any]:
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"][:2]
    return {**props, "lat": lat, "lon": lon}


def _pair(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    options = []
    for i, exp in enumerate(expected):
        for j, pred in enumerate(predicted):
            gap = abs((date.fromisoformat(exp["event_date"]) - date.fromisoformat(pred["event_date"])).days)
            distance = _km(exp["lat"], exp["lon"], pred["lat"], pred["lon"])
            if gap <= 3 and distance <= 100:
                options.append((gap * 10 + distance, i, j))
    options.sort()
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return pairs


def _value_correct(name: str, exp: dict[str, Any], pred: dict[str, Any]) -> bool:
    if name == "location":
        limit = 50.0 if "Governorate" in str(exp.get("location")) else 10.0
        return _km(exp["lat"], exp["lon"], pred["lat"], pred["lon"]) <= limit
    return exp.get(name) == pred.get(name)


def _claim_keys(claims: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(str(c["claimant"]).casefold(), c["kind"], c.get("low"), c.get("high")) for c in claims}


def evaluate(path: str | Path = DEFAULT_SET) -> dict[str, Any]:
    """Run the extractor on every article of the set and return per-field precision/recall.

    Parameters
    ----------
    path : str or Path
        The development set JSON.

    Returns
    -------
    dict
        ``{"articles", "fields": {field: {"precision", "recall", "correct", "predicted", "expected"}},
        "errors": [{"article", "field", "expected", "got"}]}``.
    """
    from geo_events.errors import ExtractionError
    from geo_events.extract import extract_events

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = data["articles"] if isinstance(data, dict) else data
    counts = {name: {"correct": 0, "predicted": 0, "expected": 0} for name in (*FIELDS, "claims", "events")}
    errors: list[dict[str, Any]] = []
    for article in articles:
        try:
            collection = extract_events(article["text"], article["published"], article.get("publisher"),
                                        article.get("title"), article.get("url"))
            predicted = [_flatten(f) for f in collection["features"]]
        except ExtractionError as err:
            predicted = []
            errors.append({"article": article["id"], "field": "extraction", "expected": None, "got": str(err)})
        expected = article.get("expected", [])
        pairs = _pair(expected, predicted)
        counts["events"]["expected"] += len(expected)
        counts["events"]["predicted"] += len(predicted)
        counts["events"]["correct"] += len(pairs)
        paired_i = {i for i, _ in pairs}
        paired_j = {j for _, j in pairs}
        for i, exp in enumerate(expected):
            if i not in paired_i:
                errors.append({"article": article["id"], "field": "events", "expected": exp["event_date"] + " "
                               + str(exp.get("location")), "got": None})
        for j, pred in enumerate(predicted):
            if j not in paired_j:
                errors.append({"article": article["id"], "field": "events", "expected": None,
                               "got": f"{pred['event_date']} {pred['location']} {pred['sub_event_type']}"})
        for name in FIELDS:
            counts[name]["expected"] += sum(1 for e in expected if e.get(name) is not None)
            counts[name]["predicted"] += sum(1 for p in predicted if p.get(name) is not None)
            for i, j in pairs:
                exp, pred = expected[i], predicted[j]
                if exp.get(name) is not None and pred.get(name) is not None and _value_correct(name, exp, pred):
                    counts[name]["correct"] += 1
                elif exp.get(name) is not None or pred.get(name) is not None:
                    got = pred.get(name) if name != "location" else f"{pred.get('location')} ({pred['lat']:.3f}, {pred['lon']:.3f})"
                    errors.append({"article": article["id"], "field": name, "expected": exp.get(name), "got": got})
        exp_claims = [c for e in expected for c in e.get("claims", [])]
        pred_claims = [c for p in predicted for c in p.get("claims", [])]
        counts["claims"]["expected"] += len(_claim_keys(exp_claims))
        counts["claims"]["predicted"] += len(_claim_keys(pred_claims))
        for i, j in pairs:
            want, got = _claim_keys(expected[i].get("claims", [])), _claim_keys(predicted[j].get("claims", []))
            counts["claims"]["correct"] += len(want & got)
            if want != got:
                errors.append({"article": article["id"], "field": "claims", "expected": sorted(map(str, want - got)),
                               "got": sorted(map(str, got - want))})
    fields = {}
    for name, c in counts.items():
        fields[name] = {
            **c,
            "precision": round(c["correct"] / c["predicted"], 3) if c["predicted"] else None,
            "recall": round(c["correct"] / c["expected"], 3) if c["expected"] else None,
        }
    return {"articles": len(articles), "fields": fields, "errors": errors}


def _table(report: dict[str, Any]) -> str:
    lines = [f"{report['articles']} articles", f"{'field':<16}{'precision':>10}{'recall':>8}{'correct':>9}"
             f"{'extracted':>11}{'expected':>10}"]
    for name, row in report["fields"].items():
        precision = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        recall = "-" if row["recall"] is None else f"{row['recall']:.2f}"
        lines.append(f"{name:<16}{precision:>10}{recall:>8}{row['correct']:>9}{row['predicted']:>11}{row['expected']:>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_SET), help="development set JSON")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    report = evaluate(args.path)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False, default=str))
        return 0
    print(_table(report))
    if args.show_errors:
        for error in report["errors"]:
            print(f"  {error['article']:<8} {error['field']:<15} expected {error['expected']!r}  got {error['got']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
