"""What geoparsing adds to spaCy parsing, on the same texts, in one run.

    python benchmarks/geoparse_speed.py                  # first 300 articles of dev_news.jsonl
    python benchmarks/geoparse_speed.py --limit 0 --json # all 3,515

Times bare `nlp.pipe`, then `Pipeline.geoparse` (the same parse plus place recognition and
resolution), and prints the ratio of their times (the bar: at most 1.10) and the places found.
Bare spaCy runs first so the comparison is not flattered by warm caches of our own; the
gazetteer is loaded (and its index built, if needed) before either clock starts.
"""

from __future__ import annotations

import json
import sys
import time

from corpus import corpus_arguments, corpus_articles

from eventwire.config import load_config


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=300)
    config = load_config()
    articles = corpus_articles(args, config)
    if articles is None:
        return 2

    from eventwire.pipeline import Pipeline

    texts = [a.text for a in articles]
    pipeline = Pipeline.load(config)
    nlp = pipeline.nlp
    list(nlp.pipe(texts[:20], batch_size=config.nlp.batch_size))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=config.nlp.batch_size):
        pass
    bare_s = time.perf_counter() - started

    list(pipeline.geoparse(texts[:20]))  # warm-up
    started = time.perf_counter()
    places = resolved = 0
    for found in pipeline.geoparse(texts):
        places += len(found)
        resolved += sum(p.lat is not None for p in found)
    geoparse_s = time.perf_counter() - started

    report = {
        "docs": len(texts),
        "bare_spacy_seconds": round(bare_s, 2),
        "geoparse_seconds": round(geoparse_s, 2),
        "ratio": round(geoparse_s / bare_s, 3),
        "places": places,
        "resolved": resolved,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, value in report.items():
            print(f"{name:20} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
