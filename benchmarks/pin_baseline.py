"""Print every figure that benchmarks/baseline.json pins, for the current code; --write pins them.

    python benchmarks/pin_baseline.py [--only NAME ...] [--write] [--gold-root DIR]

--write sets each floor (and ceiling) to the figure measured now, rounded to 4 places: use it
after an improvement, and say in the commit message why any floor went down.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.eval.baseline import baseline_entries, figure, gold_path, gold_root, run_entry
from eventwire.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
BASELINE_FILE = REPO / "benchmarks" / "baseline.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="entry names to run (default: all)")
    parser.add_argument("--write", action="store_true", help="pin the figures measured now")
    parser.add_argument(
        "--gold-root", help="the shared gold folder (default: $EVENTWIRE_GOLD or ../shared/gold)"
    )
    args = parser.parse_args()
    root = gold_root(REPO, args.gold_root)
    baseline = json.loads(BASELINE_FILE.read_text("utf-8"))
    pipeline = Pipeline.load()
    for name, entry in baseline_entries(baseline):
        if args.only and name not in args.only:
            continue
        if not gold_path(entry, REPO, root).exists():
            print(f"{name}: skipped, {gold_path(entry, REPO, root)} not found")
            continue
        started = time.perf_counter()
        report = run_entry(entry, pipeline, REPO, root)
        seconds = time.perf_counter() - started
        for kind in ("floors", "ceilings"):
            for key in entry.get(kind, {}):
                entry[kind][key] = round(figure(report, key), 4)
        pinned = {kind: entry[kind] for kind in ("floors", "ceilings") if kind in entry}
        print(f"{name} ({seconds:.0f} s): {json.dumps(pinned)}", flush=True)
    if args.write:
        BASELINE_FILE.write_text(json.dumps(baseline, indent=2) + "\n", "utf-8")
        print(f"wrote {BASELINE_FILE}")


if __name__ == "__main__":
    main()
