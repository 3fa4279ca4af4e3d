"""What geoparsing adds to spaCy parsing, on the same texts, in one run.

    python benchmarks/geoparse_speed.py                  # first 300 articles, best of 2 rounds each
    python benchmarks/geoparse_speed.py --limit 0 --json # all 3,515

Times bare `nlp.pipe` and `Pipeline.geoparse` (the same parse plus place recognition and
resolution), alternating them --rounds times and keeping each one's fastest run, and prints the
ratio of their times (the bar: at most 1.10) and the places found. The gazetteer is loaded (and
its index built, if needed) before either clock starts.
"""

from __future__ import annotations

import sys

from corpus import corpus_arguments, corpus_articles, fastest_alternating, print_report

from eventwire.config import load_config


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=300, rounds=True)
    config = load_config()
    articles = corpus_articles(args, config)
    if articles is None:
        return 2

    from eventwire.pipeline import Pipeline

    texts = [a.text for a in articles]
    pipeline = Pipeline.load(config)
    nlp = pipeline.nlp
    batch_size = config.nlp.batch_size

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass

    found_places: list[list] = []

    def geoparse() -> None:
        found_places[:] = list(pipeline.geoparse(texts))

    list(pipeline.geoparse(texts[:20]))  # warm-up of both the parser and the gazetteer
    fastest = fastest_alternating({"bare": bare, "geoparse": geoparse}, args.rounds)
    bare_s, geoparse_s = fastest["bare"], fastest["geoparse"]
    places = sum(len(found) for found in found_places)
    resolved = sum(p.lat is not None for found in found_places for p in found)

    report = {
        "docs": len(texts),
        "bare_spacy_seconds": round(bare_s, 2),
        "geoparse_seconds": round(geoparse_s, 2),
        "ratio": round(geoparse_s / bare_s, 3),
        "places": places,
        "resolved": resolved,
    }
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
