"""Throughput of the whole pipeline against bare spaCy parsing, on the same texts, in one run.

    python benchmarks/throughput.py                      # first 500 articles of dev_news.jsonl
    python benchmarks/throughput.py --limit 0 --json     # all 3,515

Prints docs/s and words/s for bare `nlp.pipe` and for `Pipeline.extract`, the ratio of their
times (the pipeline's overhead over parsing), the gazetteer load time and the peak RSS.
Bare spaCy runs first so the comparison is not flattered by warm caches of our own.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from corpus import corpus_arguments, corpus_articles

from eventwire.config import load_config
from eventwire.records import ExtractionResult


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=500)
    config = load_config()
    articles = corpus_articles(args, config)
    if articles is None:
        return 2
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    from eventwire.nlp import load_nlp
    from eventwire.pipeline import Pipeline

    nlp = load_nlp(config.nlp)
    list(nlp.pipe(texts[:20], batch_size=config.nlp.batch_size))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=config.nlp.batch_size):
        pass
    bare_s = time.perf_counter() - started

    loading = time.perf_counter()
    pipeline = Pipeline.load(config)
    load_s = time.perf_counter() - loading
    list(pipeline.extract(articles[:20]))  # warm-up
    started = time.perf_counter()
    events = failures = 0
    for outcome in pipeline.extract(articles):
        if isinstance(outcome, ExtractionResult):
            events += len(outcome.events)
        else:
            failures += 1
    full_s = time.perf_counter() - started

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
        "ratio_pipeline_to_bare": round(full_s / bare_s, 3),
        "pipeline_load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['docs']} docs, {words} words from {args.corpus.name}")
        for name in ("bare_spacy", "pipeline"):
            r = report[name]
            rate = f"{r['docs_per_s']:>7.2f} docs/s  {r['words_per_s']:>7} words/s"
            print(f"  {name:<11} {r['seconds']:>8.2f} s  {rate}")
        print(f"  ratio pipeline/bare spaCy time: {report['ratio_pipeline_to_bare']}")
        print(
            f"  events: {events}, failures: {failures}, pipeline load: {load_s:.2f} s, "
            f"peak RSS: {report['peak_rss_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
