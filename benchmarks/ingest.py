"""The cost of the store: `ingest_corpus` into a fresh SQLite file against extraction alone.

    python benchmarks/ingest.py                    # first 500 articles of dev_news.jsonl
    python benchmarks/ingest.py --limit 0 --json   # all 3,515

Both runs code the same articles with one loaded pipeline, in alternating --rounds (the fastest
of each counts). Prints articles/s for each, the store's overhead over extraction (the bar: under
10%), the database size, and the time of a second, idempotent ingest of the same articles
(everything skipped), and the cost of merging the stored events into incidents against
extraction (the bar: under 10%).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from corpus import corpus_arguments, corpus_articles, fastest_alternating

from eventwire.config import load_config
from eventwire.corpus import ingest_corpus
from eventwire.incidents import build_incidents
from eventwire.store import Store


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=500, rounds=True)
    config = load_config()
    articles = corpus_articles(args, config)
    if articles is None:
        return 2

    from eventwire.pipeline import Pipeline

    pipeline = Pipeline.load(config)
    list(pipeline.extract(articles[:20]))  # warm-up of the parser and of our resources
    folder = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    stores: list[Path] = []

    def extract_only() -> None:
        for _ in pipeline.extract(articles):
            pass

    def ingest() -> None:
        path = folder / f"run-{len(stores)}.db"
        stores.append(path)
        with Store.open(path) as store:
            ingest_corpus(articles, store, pipeline)

    fastest = fastest_alternating({"extract": extract_only, "ingest": ingest}, args.rounds)
    with Store.open(stores[-1]) as store:
        started = time.perf_counter()
        again = ingest_corpus(articles, store, pipeline)
        rerun_s = time.perf_counter() - started
        merged = build_incidents(store, rebuild=True)
        counts = store.status()
    size_mb = sum(p.stat().st_size for p in folder.glob(f"{stores[-1].name}*")) / 1e6
    n = len(articles)
    report = {
        "articles": n,
        "extract_only": _rate(n, fastest["extract"]),
        "ingest": _rate(n, fastest["ingest"]),
        "store_overhead_pct": round(100 * (fastest["ingest"] / fastest["extract"] - 1), 1),
        "database_mb": round(size_mb, 1),
        "stored": counts,
        "rerun": {"seconds": round(rerun_s, 2), "skipped": again.skipped, "new": again.new},
        "incidents": {
            "seconds": round(merged.seconds, 2),
            "incidents": merged.incidents,
            "pct_of_extraction": round(100 * merged.seconds / fastest["extract"], 1),
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{n} articles from {args.corpus.name}")
        for name in ("extract_only", "ingest"):
            timing = report[name]
            print(f"  {name:<13}{timing['seconds']:>8.2f} s {timing['articles_per_s']:>8.2f} articles/s")
        print(f"  store overhead: {report['store_overhead_pct']}%   database: {report['database_mb']} MB")
        print(f"  stored: {json.dumps(counts)}")
        print(f"  rerun: {again.skipped} skipped, {again.new} new in {rerun_s:.2f} s")
        merging = report["incidents"]
        print(
            f"  incidents: {merging['incidents']} from {counts['events']} events in {merging['seconds']} s, "
            f"{merging['pct_of_extraction']}% of extraction"
        )
    return 0


def _rate(articles: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 2), "articles_per_s": round(articles / seconds, 2)}


if __name__ == "__main__":
    sys.exit(main())
