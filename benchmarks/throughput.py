"""Throughput of the whole pipeline against bare spaCy parsing, on the same texts, in one run.

    python benchmarks/throughput.py                      # first 500 articles, best of 2 rounds each
    python benchmarks/throughput.py --limit 0 --json     # all 3,515

Prints docs/s and words/s for bare `nlp.pipe` and for `Pipeline.extract`, and the ratio of their
times (the pipeline's overhead over parsing; the bar: at most 1.25), the pipeline's load time and
the peak RSS. "Bare" is the installed spaCy pipeline as spaCy ships it (with our paragraph
component), not eventwire's tuned one, so the ratio counts what eventwire saves in parsing too;
`pipeline_stock_nlp` is the whole pipeline on that same stock spaCy pipeline (`[nlp]
indexed_attribute_rules = false` and `cached_lemmas = false`), for comparing the two paths
within one run. The runs alternate --rounds times and each one's fastest run counts: one pass
each in a fixed order moved the ratio by 0.3 between identical runs on a busy machine.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import replace

from corpus import corpus_arguments, corpus_articles, fastest_alternating

from eventwire.config import load_config
from eventwire.records import ExtractionResult


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=500, rounds=True)
    config = load_config()
    articles = corpus_articles(args, config)
    if articles is None:
        return 2
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    from eventwire.nlp import load_nlp
    from eventwire.pipeline import Pipeline

    loading = time.perf_counter()
    pipeline = Pipeline.load(config)
    load_s = time.perf_counter() - loading
    nlp = load_nlp(replace(config.nlp, indexed_attribute_rules=False, cached_lemmas=False))
    stock_pipeline = Pipeline.from_resources(replace(pipeline.resources, nlp=nlp))
    counts = {"events": 0, "failures": 0, "stock_events": 0}

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=config.nlp.batch_size):
            pass

    def extract() -> None:
        counts.update(events=0, failures=0)
        for outcome in pipeline.extract(articles):
            if isinstance(outcome, ExtractionResult):
                counts["events"] += len(outcome.events)
            else:
                counts["failures"] += 1

    def extract_stock() -> None:
        counts["stock_events"] = sum(
            len(o.events) for o in stock_pipeline.extract(articles) if isinstance(o, ExtractionResult)
        )

    list(pipeline.extract(articles[:20]))  # warm-up of the parser and of our resources
    list(stock_pipeline.extract(articles[:20]))
    runs = {"bare": bare, "pipeline": extract, "pipeline_stock_nlp": extract_stock}
    fastest = fastest_alternating(runs, args.rounds)
    bare_s, full_s, stock_s = fastest["bare"], fastest["pipeline"], fastest["pipeline_stock_nlp"]
    events, failures = counts["events"], counts["failures"]

    report = {
        "docs": len(texts),
        "words": words,
        "bare_spacy": {
            "seconds": round(bare_s, 2),
            "docs_per_s": round(len(texts) / bare_s, 2),
            "words_per_s": round(words / bare_s),
        },
        "pipeline": {
            "seconds": round(full_s, 2),
            "docs_per_s": round(len(texts) / full_s, 2),
            "words_per_s": round(words / full_s),
            "events": events,
            "failures": failures,
        },
        "pipeline_stock_nlp": {
            "seconds": round(stock_s, 2),
            "docs_per_s": round(len(texts) / stock_s, 2),
            "words_per_s": round(words / stock_s),
            "events": counts["stock_events"],
        },
        "ratio_pipeline_to_bare": round(full_s / bare_s, 3),
        "ratio_pipeline_stock_nlp_to_bare": round(stock_s / bare_s, 3),
        "pipeline_load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['docs']} docs, {words} words from {args.corpus.name}")
        for name in ("bare_spacy", "pipeline", "pipeline_stock_nlp"):
            r = report[name]
            rate = f"{r['docs_per_s']:>7.2f} docs/s  {r['words_per_s']:>7} words/s"
            print(f"  {name:<18} {r['seconds']:>8.2f} s  {rate}")
        print(f"  ratio pipeline/bare spaCy time: {report['ratio_pipeline_to_bare']}")
        print(f"  ratio pipeline on stock spaCy/bare: {report['ratio_pipeline_stock_nlp_to_bare']}")
        print(
            f"  events: {events}, failures: {failures}, pipeline load: {load_s:.2f} s, "
            f"peak RSS: {report['peak_rss_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
