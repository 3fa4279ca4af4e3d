"""Scale-out: articles/s of a corpus ingest with 1 and 2 workers, as local processes and on Dask.

    python benchmarks/scale.py                     # first 300 articles of dev_news.jsonl
    python benchmarks/scale.py --limit 1000 --rounds 3 --json

Each configuration ingests the same articles into a fresh store after its workers have loaded
their resources (a warm-up partition per worker, not timed), so the figure is the steady rate a
long run sees. The configurations alternate --rounds times (default 2) and each one's fastest
run counts: on this shared two-core machine single runs moved the efficiency by 0.3. Scaling
efficiency is the 2-worker rate over twice the 1-worker rate (the goal: at least 0.8 on a
2-core machine). Peak RSS is the largest worker's.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from corpus import corpus_arguments, corpus_articles

from eventwire.backends import close_executor, open_executor
from eventwire.config import load_config
from eventwire.corpus import ingest_corpus
from eventwire.store import Store


def worker_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, workers: int, articles: list, folder: Path, partition_size: int) -> dict:
    config = load_config()
    executor = open_executor(config, kind, workers=workers, partition_size=partition_size)
    try:
        # Warm-up: one partition per worker, so each loads its pipeline before the clock starts.
        list(executor.extract(articles[: workers * partition_size]))
        started = time.perf_counter()
        folder.mkdir(parents=True, exist_ok=True)
        with Store.open(folder / f"{kind}-{workers}.db") as store:
            summary = ingest_corpus(articles, store, executor)
        seconds = time.perf_counter() - started
        peak = _peak_rss(executor, kind)
    finally:
        close_executor(executor)
    return {
        "executor": kind,
        "workers": workers,
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 2),
        "events": summary.events,
        "peak_worker_rss_mb": peak,
    }


def _peak_rss(executor, kind: str) -> float | None:
    if kind == "dask":
        peaks = executor._client.run(worker_peak_rss_mb)  # noqa: SLF001 - a benchmark may look inside
        return round(max(peaks.values()))
    if kind == "processes":
        pool = executor._pool  # noqa: SLF001
        futures = [pool.submit(worker_peak_rss_mb) for _ in range(executor.workers * 4)]
        return round(max(f.result() for f in futures))
    return round(worker_peak_rss_mb())


def main() -> int:
    args = corpus_arguments(__doc__, default_limit=300, rounds=True)
    articles = corpus_articles(args, load_config())
    if articles is None:
        return 2
    folder = Path(tempfile.mkdtemp(prefix="eventwire-scale-"))
    # At least 16 partitions: with fewer, the last round leaves a worker idle (a 9th partition
    # of 4 articles cost two workers 10% of their rate in a run of 300).
    partition_size = max(10, min(200, len(articles) // 16))
    configurations = (("local", 1), ("processes", 1), ("processes", 2), ("dask", 1), ("dask", 2))
    best: dict[tuple[str, int], dict] = {}
    for round_number in range(max(args.rounds, 1)):
        for kind, workers in configurations:  # alternating, so that machine noise hits them all
            run = measure(kind, workers, articles, folder / f"round-{round_number}", partition_size)
            if (kind, workers) not in best or run["articles_per_s"] > best[kind, workers]["articles_per_s"]:
                best[kind, workers] = run
    runs = [best[c] for c in configurations]
    rate = {(r["executor"], r["workers"]): r["articles_per_s"] for r in runs}
    report = {
        "articles": len(articles),
        "partition_size": partition_size,
        "runs": runs,
        "efficiency": {
            kind: round(rate[(kind, 2)] / (2 * rate[(kind, 1)]), 3) for kind in ("processes", "dask")
        },
        "same_events": len({r["events"] for r in runs}) == 1,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{len(articles)} articles, partitions of {partition_size}")
        for r in runs:
            print(
                f"  {r['executor']:<9} x{r['workers']}  {r['seconds']:>7.2f} s  {r['articles_per_s']:>7.2f} "
                f"articles/s  events {r['events']}  peak worker RSS {r['peak_worker_rss_mb']} MB"
            )
        print(f"  scaling efficiency (2 workers / 2 x 1 worker): {report['efficiency']}")
        print(f"  same events in every run: {report['same_events']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
