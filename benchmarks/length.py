"""Run time against article length: does the pipeline stay linear on one very long text?

    python benchmarks/length.py                               # 30k, 100k, 300k characters
    python benchmarks/length.py --sizes 30k,100k,300k,990k --comma-sentence

Builds each long article by joining distinct corpus articles (in corpus order, blank lines
between them) until it reaches the target size, then times `Pipeline.extract_text` on it, with
bare spaCy parsing of the same text for reference. `--comma-sentence` adds one pathological text:
a single sentence listing 5,000 comma-separated figures and places ("12 dead in Homs", about
90k characters).
Prints seconds, each pipeline time's ratio to the smallest size's, and the peak RSS. Sizes run
smallest first, so the peak RSS printed after each is that of the largest text so far.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import sys
import time
from pathlib import Path

from eventwire.config import load_config
from eventwire.ingest import read_articles
from eventwire.records import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "gold" / "corpus" / "dev_news.jsonl"
PUBLISHED = "2024-03-15"
COMMA_ITEMS = 5000
# Real place names so that the list exercises the place and quantity extractors, not just the parser.
COMMA_PLACES = ("Aleppo", "Homs", "Idlib", "Hama", "Raqqa", "Deir ez-Zor", "Daraa", "Latakia")


def parse_size(text: str) -> int:
    """'30k' -> 30000, '1.5m' -> 1500000, '1200' -> 1200."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if scale != 1 else text
    return int(float(number) * scale)


def long_article(texts: list[str], size: int) -> str:
    """Distinct corpus texts joined by blank lines until the result has at least `size` characters."""
    parts: list[str] = []
    length = 0
    for text in texts:
        if length >= size:
            break
        parts.append(text.strip())
        length += len(parts[-1]) + 2
    if length < size:
        raise SystemExit(f"the corpus holds fewer than {size:,} characters")
    return "\n\n".join(parts)


def comma_sentence(items: int = COMMA_ITEMS) -> str:
    """One sentence of `items` comma-separated place/number items."""
    listed = ", ".join(
        f"{i % 97 + 2} dead in {COMMA_PLACES[i % len(COMMA_PLACES)]}" for i in range(items)
    )
    return f"Shelling on Monday left {listed} and 3 dead in Tartus, monitors said."


def peak_rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus {id, text, ...}")
    parser.add_argument("--sizes", default="30k,100k,300k", help="comma-separated sizes (k, m suffixes)")
    parser.add_argument("--comma-sentence", action="store_true", help="also time one 5,000-comma sentence")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare spaCy parse timing")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    sizes = sorted(parse_size(s) for s in args.sizes.split(",") if s.strip())
    config = load_config()
    # The corpus records' own dates do not matter here: every text is timed with PUBLISHED.
    logging.getLogger("eventwire.ingest").setLevel(logging.ERROR)
    texts = [a.text for a in read_articles([str(args.corpus)], config.ingest) if isinstance(a, Article)]
    cases = [(f"{size:,} chars", long_article(texts, size)) for size in sizes]
    if args.comma_sentence:
        cases.append((f"{COMMA_ITEMS:,}-comma sentence", comma_sentence()))

    from eventwire.pipeline import Pipeline

    pipeline = Pipeline.load(config)
    pipeline.extract_text(texts[0], published=PUBLISHED)  # warm-up of the parser and resources

    rows = []
    for label, text in cases:
        bare_s = None
        if not args.no_bare:
            started = time.perf_counter()
            pipeline.nlp(text)
            bare_s = time.perf_counter() - started
        started = time.perf_counter()
        result = pipeline.extract_text(text, published=PUBLISHED)
        seconds = time.perf_counter() - started
        rows.append({
            "case": label,
            "characters": len(text),
            "pipeline_s": round(seconds, 2),
            "bare_spacy_s": None if bare_s is None else round(bare_s, 2),
            "events": len(result.events),
            "peak_rss_mb": peak_rss_mb(),
        })
        if not args.json:
            bare = "" if bare_s is None else f"  (bare spaCy {bare_s:7.2f} s)"
            print(f"{label:>24}: {seconds:8.2f} s{bare}  peak RSS {rows[-1]['peak_rss_mb']} MB", flush=True)
    smallest = rows[0]["pipeline_s"] if sizes else None
    for row in rows[: len(sizes)]:
        row["ratio_to_smallest"] = round(row["pipeline_s"] / smallest, 2) if smallest else None
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        ratios = (f"{r['case']} {r['ratio_to_smallest']}" for r in rows[: len(sizes)])
        print("ratio to smallest:", ", ".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
