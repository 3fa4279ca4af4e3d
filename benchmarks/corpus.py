"""What the speed benchmarks share: the command line, the corpus texts they time and the printed report."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from eventwire.config import Config
from eventwire.ingest import read_articles
from eventwire.records import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "gold" / "corpus" / "dev_news.jsonl"


def corpus_arguments(description: str, default_limit: int, *, rounds: bool = False) -> argparse.Namespace:
    """Parse --corpus, --limit and --json (and --rounds, when asked) for a benchmark script."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus {id, text, ...}")
    parser.add_argument("--limit", type=int, default=default_limit, help="first N articles (0: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    if rounds:
        parser.add_argument("--rounds", type=int, default=2, help="timed runs of each; fastest counts")
    return parser.parse_args()


def corpus_articles(args: argparse.Namespace, config: Config) -> list[Article] | None:
    """The first --limit readable articles of --corpus; None (after a message) when it is missing."""
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return None
    articles = [a for a in read_articles([str(args.corpus)], config.ingest) if isinstance(a, Article)]
    return articles[: args.limit] if args.limit else articles


def fastest_alternating(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Each run's fastest time in seconds over `rounds` passes that alternate the runs.

    A single pass of each in a fixed order measures warm-up and machine noise (on a shared
    two-core machine, ratios moved by 0.3 between identical runs) more than the code.
    """
    timings: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(max(rounds, 1)):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)
    return {name: min(times) for name, times in timings.items()}


def print_report(report: dict[str, object], as_json: bool) -> None:
    """A flat report as one JSON object, or as aligned "name value" lines."""
    if as_json:
        print(json.dumps(report, indent=2))
        return
    width = max(map(len, report), default=0)
    for name, value in report.items():
        print(f"{name:{width}} {value}")
