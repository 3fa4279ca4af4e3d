"""What the learned ACLED decision costs and changes on news articles, against the rules alone.

    python benchmarks/acled_cost.py                  # first 300 articles of dev_news, best of 3
    python benchmarks/acled_cost.py --limit 0 --json

The articles are extracted once; then the ACLED coding of every event (`code_acled_events`,
the step that ``[acled] decision`` changes) is timed with the rules alone and with the learned
second opinion, alternating, the fastest of --rounds runs counting. Prints milliseconds per
article for each, the share of the whole extraction that the learned model adds, and how many
events the model coded otherwise than the rules (with the changes most often made).
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import time
from collections import Counter
from collections.abc import Callable

from corpus import corpus_arguments, corpus_articles, fastest_alternating, print_report

from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.records import Event, ExtractionResult
from eventwire.resolve.acled import AcledRules, code_acled_events


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=300, rounds=True)
    args.rounds = max(args.rounds, 3)
    config = load_config()
    articles = corpus_articles(args, config)
    if articles is None:
        return 2
    # Events as the rules alone code them: both timed runs re-code the same events.
    by_rules = dataclasses.replace(config.acled, decision="rules")
    pipeline = Pipeline.load(dataclasses.replace(config, acled=by_rules))
    started = time.perf_counter()
    results = [r for r in pipeline.extract(articles) if isinstance(r, ExtractionResult)]
    extract_s = time.perf_counter() - started
    by_decision = {name: AcledRules.load(decision=name) for name in ("rules", "learned")}
    coded: dict[str, list[list[Event]]] = {}

    def run(name: str) -> None:
        coded[name] = [code_acled_events(r.events, by_decision[name]) for r in results]

    runs: dict[str, Callable[[], object]] = {name: functools.partial(run, name) for name in by_decision}
    fastest = fastest_alternating(runs, args.rounds)
    changes = Counter(
        (a.acled_sub_event_type, b.acled_sub_event_type)
        for rules_events, learned_events in zip(coded["rules"], coded["learned"], strict=True)
        for a, b in zip(rules_events, learned_events, strict=True)
        if a.acled_sub_event_type != b.acled_sub_event_type
    )
    events = sum(len(r.events) for r in results)
    report = {
        "articles": len(results),
        "events": events,
        "extraction_ms_per_article": round(1000 * extract_s / len(results), 2),
        "rules_ms_per_article": round(1000 * fastest["rules"] / len(results), 3),
        "learned_ms_per_article": round(1000 * fastest["learned"] / len(results), 3),
        "learned_share_of_extraction": round((fastest["learned"] - fastest["rules"]) / extract_s, 4),
        "events_coded_otherwise": sum(changes.values()),
        "most_common_changes": [f"{a} -> {b}: {n}" for (a, b), n in changes.most_common(8)],
    }
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
