"""Article → events extraction: articles/s (real excerpts and ~600-word articles), cost per stage, accuracy.

Workload: news-style articles of about 600 words built from the hand-written development set
(``tests/data/devset/devset.json``: one or two event paragraphs each) padded with background paragraphs
written for this benchmark, shuffled with a fixed seed so every article is distinct. Times are process
CPU time on one core (the extractor is single-threaded), after one warm-up article has loaded the
gazetteer and built the automata (that cold start is reported separately).

Accuracy rows: the scorer of ``../shared/eval`` (real excerpts with hand labels; skipped when absent) with
the figures of the extractor before the mention-level rewrite in the peer column, and the project's own
labelled sets.

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
EVAL_ARTICLES = REPO.parent / "shared" / "eval" / "articles"
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


def _real_articles() -> list[dict[str, Any]]:
    """The labelled real excerpts of ``../shared/eval/articles`` (empty when the folder is absent)."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(EVAL_ARTICLES.glob("*.json"))]


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
    from geo_events.extract.countries import find_countries
    from geo_events.extract.dates import find_dates
    from geo_events.extract.event_types import find_triggers
    from geo_events.extract.matcher import TokenText, lower_same_length
    from geo_events.extract.pipeline import parse_published
    from geo_events.extract.places import find_place_candidates, resolve_places
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
    rows.append(make_row("extract cold start (world gazetteer + first article)", round(cold, 2), unit="s",
                         note=f"once per process; wall-clock; {len(gazetteer):,} places loaded"))

    def full(article: dict[str, Any]) -> None:
        extract_events(article["text"], article.get("published"), article.get("publisher"), article.get("title"),
                       article.get("source_url"))

    real = _real_articles()
    if real:
        per_real = _per_article(full, real, seconds)
        real_chars = sum(len(a["text"]) for a in real) / len(real)
        rows.append(make_row(f"extract articles/s on the real dev-set excerpts (~{real_chars:.0f} characters)",
                             round(1.0 / per_real, 1), None, unit="articles/s", higher_is_better=True,
                             target=">= 200 articles/s on one core", met=1.0 / per_real >= TARGET_ARTICLES_PER_S,
                             note=f"{len(real)} texts of ../shared/eval/articles, world gazetteer; CPU time"))
    per_article = _per_article(full, articles, seconds)
    rate = 1.0 / per_article
    events = sum(len(extract_events(a["text"], a["published"])["features"]) for a in articles)
    rows.append(make_row(f"extract articles/s (~{words:.0f}-word articles, end to end)", round(rate, 1), None,
                         unit="articles/s", higher_is_better=True, target=">= 200 articles/s on one core",
                         met=rate >= TARGET_ARTICLES_PER_S,
                         note=f"{len(articles)} distinct articles, {events} events found; CPU time, one core; "
                              "no offline peer extracts events"))
    long_text = "\n\n".join(a["text"] for a in articles)[: 20_000 if smoke else 200_000]
    began = CLOCK()
    long_events = len(extract_events(long_text, "2018-10-03")["features"])
    long_seconds = CLOCK() - began
    rows.append(make_row(f"extract one {len(long_text):,}-character text", round(long_seconds, 2), unit="s",
                         target="< 2 s", met=long_seconds < 2.0, note=f"{long_events} events; CPU time"))

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
        "tokenise (folded words, for actors)": (lambda item: TokenText.of(item[1])),
        "countries (names, demonyms)": (lambda item: find_countries(item[1])),
        "places (capitalised n-grams, world look-up, context)": (
            lambda item: resolve_places(item[1], find_place_candidates(item[1], gazetteer), find_countries(item[1]))),
        "actors (Aho-Corasick)": (lambda item: actors.find(item[2], item[1])),
        "dates": (lambda item: find_dates(item[1], item[4], item[3])),
        "event triggers": (lambda item: find_triggers(item[1], low=item[3])),
        "casualty words": (lambda item: list(CASUALTY_SCANNER.finditer(item[3]))),
    }
    stage_costs = {name: _per_article(func, stage_inputs, seconds / 4) for name, func in stages.items()}
    rest = max(0.0, per_article - sum(stage_costs.values()))
    for name, cost in [*stage_costs.items(), ("mentions, grouping, roles, claims, event model", rest)]:
        rows.append(make_row(f"extract stage: {name}", round(cost * 1000, 3), unit="ms/article",
                             note=f"{100 * cost / per_article:.0f}% of the end-to-end time"))

    # ---- accuracy on real reporting (../shared/eval), beside the figures before the mention-level rewrite
    if real:
        sys.path.insert(0, str(EVAL_ARTICLES.parent))
        try:
            from score_extraction import score_folder
        finally:
            sys.path.pop(0)
        score = score_folder(EVAL_ARTICLES, extract_events)
        for key, target, before in (("place", 0.90, 0.16), ("date", 0.85, 0.13), ("type", 0.80, 0.14),
                                    ("precision", 0.80, 0.44)):
            rows.append(make_row(f"extract real dev set: {key}", round(score[key], 3), before, unit="share",
                                 higher_is_better=True, target=f">= {target:.0%}", met=score[key] >= target,
                                 note=f"{score['scored_events']} scored events in {score['articles']} real excerpts; "
                                      f"peer column = the extractor before the rewrite (2026-12-01)"))
        rows.append(make_row("extract real dev set: texts refused", score["refused"], 7, unit="texts",
                             target="0", met=score["refused"] == 0,
                             note="peer column = before the rewrite (published date was required)"))

    # ---- accuracy on the project's own labelled sets (texts written in the project's style)
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
            rows.append(make_row(f"extract own {label} {field} precision / recall",
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


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    from benchmarks.report import markdown_table

    print(markdown_table(run(smoke="--smoke" in sys.argv)))
