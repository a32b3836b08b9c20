"""Article → events extraction speed: articles/s on ~600-word articles, cost per stage, and a naive peer.

Workload: news-style articles of about 600 words built from the hand-written development set
(``tests/data/devset/devset.json``: one or two event paragraphs each) padded with background paragraphs
written for this benchmark, shuffled with a fixed seed so every article is distinct. Times are process
CPU time on one core (the extractor is single-threaded), after one warm-up article has loaded the
gazetteer and built the automata (that cold start is reported separately).

Peer: the place-finding stage against the naive approach of a simple geoparser — looking every
gazetteer name variant up in the text one by one (``str.find`` on the same folded text, whole words
only). Both must find the same set of names; the row says whether they did.

Run: ``python -m benchmarks --only extract`` or ``python benchmarks/bench_extract.py [--smoke]``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "data" / "devset" / "devset.json"
TARGET_ARTICLES_PER_S = 200.0
CLOCK = time.process_time

#: Background paragraphs (written for this benchmark) that pad articles to about 600 words.
BACKGROUND = [
    "The war, now in its eighth year, has drawn in regional and world powers, each backing different forces "
    "on the ground. Diplomats have repeatedly tried to broker a settlement, but talks in several capitals have "
    "made little progress on the key questions of who governs and who provides security.",
    "Humanitarian agencies say that hundreds of thousands of people remain displaced in camps where winter "
    "supplies are short. Aid convoys need permission from several authorities to cross front lines, and "
    "deliveries are often delayed for weeks by paperwork and insecurity.",
    "Analysts say the oil and gas fields along the river are a major prize because they provide revenue and "
    "fuel for whoever controls them. Smuggling networks move crude across lines of control, and local tribes "
    "negotiate with every side to keep their share of the trade.",
    "The area has seen repeated shifts of control since 2014. Residents describe checkpoints that change hands, "
    "curfews imposed at short notice and long queues for bread and fuel, while schools and clinics struggle to "
    "reopen after years of neglect.",
    "Officials from several governments met last year to discuss a mechanism to avoid accidental encounters "
    "between their forces. The arrangement relies on telephone lines between commanders and maps that are "
    "updated when units move.",
    "Observers note that casualty figures in the conflict are hard to verify. Monitoring groups rely on networks "
    "of contacts inside the country, and official statements from the parties often contradict each other.",
    "Local councils set up after the fighting have tried to restore water and electricity. Engineers say the "
    "network was badly damaged and that spare parts are hard to find because of sanctions and high prices.",
    "Reporters visiting the region describe fields left unplanted and irrigation canals blocked with debris. "
    "Farmers say they cannot afford seed and fertiliser, and that unexploded munitions make some land unsafe.",
    "The government says it is determined to restore its authority over the whole country, while its opponents "
    "say they will not accept a settlement that leaves the security services unchanged.",
    "International donors have pledged money for reconstruction, but much of it depends on political conditions "
    "that have not been met. Economists warn that the currency has lost most of its value.",
]


def build_articles(count: int, seed: int = 11) -> list[dict[str, Any]]:
    """Return ``count`` distinct ~600-word articles (dicts with text and metadata)."""
    data = json.loads(DEVSET.read_text(encoding="utf-8"))["articles"]
    events = [a for a in data if a["expected"] and not a["text"].lstrip().startswith("<")]
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        base = events[index % len(events)]
        paragraphs = [base["text"]]
        background = BACKGROUND[:]
        rng.shuffle(background)
        while sum(len(p.split()) for p in paragraphs) < 600:
            paragraphs.append(background.pop() if background else rng.choice(BACKGROUND))
        paragraphs.append(f"(Report {index}.)")
        articles.append({"text": "\n\n".join(paragraphs), "published": base["published"],
                         "publisher": base.get("publisher"), "title": f"{base.get('title')} ({index})"})
    return articles


def _per_article(func: Any, items: list[Any], minimum_seconds: float) -> float:
    """Return CPU seconds per item of ``func`` over ``items`` (repeated until ``minimum_seconds``)."""
    rounds = 0
    started = CLOCK()
    while True:
        for item in items:
            func(item)
        rounds += 1
        elapsed = CLOCK() - started
        if elapsed >= minimum_seconds:
            return elapsed / (rounds * len(items))


def _naive_place_keys(joined: str, keys: list[str]) -> set[str]:
    return {key for key in keys if f" {key} " in joined}


def run(smoke: bool = False) -> list[dict[str, Any]]:
    """Measure extraction; return rows ``{what, ours, peer, ratio, target, note}``.

    Parameters
    ----------
    smoke : bool
        A few articles and short timings (seconds, not real figures).
    """
    from benchmarks.report import make_row
    from geo_events.extract import extract_events
    from geo_events.extract.actors import default_actors
    from geo_events.extract.claims import CASUALTY_SCANNER
    from geo_events.extract.dates import find_dates
    from geo_events.extract.event_types import find_triggers
    from geo_events.extract.matcher import TokenText, lower_same_length
    from geo_events.extract.pipeline import parse_published
    from geo_events.extract.places import find_places, place_matcher
    from geo_events.extract.text import prepare_text
    from geo_events.gazetteer import Gazetteer

    articles = build_articles(12 if smoke else 240)
    seconds = 0.3 if smoke else 3.0
    words = sum(len(a["text"].split()) for a in articles) / len(articles)
    rows: list[dict[str, Any]] = []

    started = time.perf_counter()
    gazetteer = Gazetteer.default()
    extract_events(articles[0]["text"], articles[0]["published"])
    cold = time.perf_counter() - started
    rows.append(make_row("extract cold start (gazetteer + automata, first article)", round(cold, 2), unit="s",
                         note="once per process; wall-clock"))

    def full(article: dict[str, Any]) -> None:
        extract_events(article["text"], article["published"], article["publisher"], article["title"])

    per_article = _per_article(full, articles, seconds)
    rate = 1.0 / per_article
    events = sum(len(extract_events(a["text"], a["published"])["features"]) for a in articles)
    rows.append(make_row(f"extract articles/s (~{words:.0f}-word articles, end to end)", round(rate, 1), None,
                         unit="articles/s", higher_is_better=True, target=">= 200 articles/s on one core",
                         met=rate >= TARGET_ARTICLES_PER_S,
                         note=f"{len(articles)} distinct articles, {events} events found; CPU time, one core; "
                              "no offline peer extracts events"))

    seeds = _seed_articles()
    if seeds:
        seed_cost = _per_article(full, seeds, seconds / 2)
        seed_words = sum(len(a["text"].split()) for a in seeds) / len(seeds)
        rows.append(make_row(f"extract articles/s on the real seed articles (~{seed_words:.0f} words, name-dense)",
                             round(1.0 / seed_cost, 1), None, unit="articles/s", higher_is_better=True,
                             target=">= 200 articles/s on one core", met=1.0 / seed_cost >= TARGET_ARTICLES_PER_S,
                             note="../shared/seeds (2 articles, repeated); CPU time"))

    # ---- per-stage cost
    prepared = [(a, prepare_text(a["text"])) for a in articles]
    actors = default_actors()
    stage_inputs = [(a, p.text, TokenText.of(p.text), lower_same_length(p.text), parse_published(a["published"]))
                    for a, p in prepared]
    stages = {
        "prepare (checks, HTML, sentences)": (lambda item: prepare_text(item[0]["text"])),
        "tokenise (folded words)": (lambda item: TokenText.of(item[1])),
        "places (Aho-Corasick + phonetic)": (lambda item: find_places(item[1], item[2], gazetteer)),
        "actors (Aho-Corasick)": (lambda item: actors.find(item[2], item[1])),
        "dates": (lambda item: find_dates(item[1], item[4], item[3])),
        "event triggers": (lambda item: find_triggers(item[1], low=item[3])),
        "casualty words": (lambda item: list(CASUALTY_SCANNER.finditer(item[3]))),
    }
    stage_costs = {name: _per_article(func, stage_inputs, seconds / 4) for name, func in stages.items()}
    rest = max(0.0, per_article - sum(stage_costs.values()))
    for name, cost in [*stage_costs.items(), ("roles, location, date choice, claims, event model", rest)]:
        rows.append(make_row(f"extract stage: {name}", round(cost * 1000, 3), unit="ms/article",
                             note=f"{100 * cost / per_article:.0f}% of the end-to-end time"))

    # ---- peer: naive name-by-name scan for the place stage
    matcher, _places, _phonetic, _admin = place_matcher(gazetteer)
    keys = sorted({key for key, _ in _all_keys(gazetteer)})
    sample = stage_inputs[: 4 if smoke else 24]
    peer_cost = _per_article(lambda item: _naive_place_keys(item[2].joined, keys), sample, seconds / 2)
    ours_cost = _per_article(lambda item: matcher.find(item[2], longest_only=False), sample, seconds / 2)
    same = all({m.key for m in matcher.find(item[2], longest_only=False)} == _naive_place_keys(item[2].joined, keys)
               for item in sample)
    rows.append(make_row("place-name scan articles/s: Aho-Corasick vs name-by-name lookup",
                         round(1.0 / ours_cost, 1), round(1.0 / peer_cost, 1), unit="articles/s",
                         higher_is_better=True,
                         note=f"{len(keys):,} name keys; same names found: {'yes' if same else 'NO'}"))

    # ---- accuracy on the development set (the figures a reader needs next to the speed)
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from evaluate_extraction import evaluate
    finally:
        sys.path.pop(0)
    for label, path in (("dev set", DEVSET), ("held-out set", DEVSET.parent / "heldout.json"),
                        ("second held-out set", DEVSET.parent / "heldout2.json")):
        if not path.exists():
            continue
        report = evaluate(path)["fields"]
        for field in ("events", "location", "event_date", "actor1", "claims"):
            row = report[field]
            rows.append(make_row(f"extract {label} {field} precision / recall",
                                 f"{row['precision']} / {row['recall']}", unit="",
                                 note=f"{row['expected']} expected, {row['predicted']} extracted"))
    return rows


def _seed_articles() -> list[dict[str, Any]]:
    folder = REPO.parent / "shared" / "seeds"
    meta = {"000_171ad28b1a69c060.txt": ("Unknown (syndicated wire copy)", "Led strikes on Syria pro-regime forces kill 100"),
            "004_0a8afcd14082177b.txt": ("The New Arab", "Syria condemns 'US massacre' after strikes kill 100 pro-regime fighters")}
    out = []
    for name, (publisher, title) in meta.items():
        path = folder / name
        if path.exists():
            out.append({"text": path.read_text(encoding="utf-8"), "published": "2018-02-08", "publisher": publisher,
                        "title": title})
    return out


def _all_keys(gazetteer: Any) -> list[tuple[str, str]]:
    from geo_events.extract.places import _keys_for

    pairs = []
    for place in gazetteer:
        for name in (place.name, *place.alt_names):
            if name and any(c.isascii() and c.isalpha() for c in name):
                pairs.extend((key, place.id) for key in _keys_for(name))
    for variant, place_id in gazetteer.name_variants():
        pairs.extend((key, place_id) for key in _keys_for(variant))
    return pairs


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    from benchmarks.report import markdown_table

    print(markdown_table(run(smoke="--smoke" in sys.argv)))
