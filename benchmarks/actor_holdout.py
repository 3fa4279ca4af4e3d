"""Actor country coding on real sentences labelled before the rules they test were written.

`benchmarks/data/actor_countries_holdout.jsonl` holds one or two sentences a line from the dev
news corpus (FA-KES, TimeBank, WikiEvents; none from the PLOVER gold) with nationality
adjectives on targets, possessive pronouns, protests abroad and monitors "based in" a country,
and the source/target countries an event-data coder would give (`expected`).

Two figures: `accuracy`, the share of expected (role, country) pairs that some event of the
text codes in that role; `wrong_share`, the share of coded actors in a role whose country is
not one the text expects in that role (a British "Britain-based" monitor as target). Run:
`python benchmarks/actor_holdout.py` (EVENTWIRE_CACHE_DIR as usual).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HOLDOUT = Path(__file__).resolve().parent / "data" / "actor_countries_holdout.jsonl"


def load_items(path: Path = HOLDOUT) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score(pipeline: Any, items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy and wrong-country share of the pipeline's actors on the labelled items."""
    expected_total = matched = coded_total = coded_wrong = 0
    misses: list[str] = []
    for item in items:
        result = pipeline.extract_text(
            item["text"], published=item["published"] or None, article_id=item["id"]
        )
        coded: dict[str, set[str | None]] = {"source": set(), "target": set()}
        for event in result.events:
            coded["source"].update(a.country for a in event.source_actors if a.span is not None)
            coded["target"].update(a.country for a in event.target_actors if a.span is not None)
        wanted: dict[str, set[str]] = {"source": set(), "target": set()}
        for pair in item["expected"]:
            wanted[pair["role"]].add(pair["country"])
            expected_total += 1
            if pair["country"] in coded[pair["role"]]:
                matched += 1
            else:
                got = sorted(map(str, coded[pair["role"]]))
                misses.append(f"{item['id']} {pair['role']} {pair['country']} got {got}")
        for role, countries in coded.items():
            for country in countries:
                if country is None:
                    continue
                coded_total += 1
                coded_wrong += country not in wanted[role]
    return {
        "n_expected": expected_total,
        "accuracy": round(matched / expected_total, 4) if expected_total else 0.0,
        "n_coded": coded_total,
        "wrong_share": round(coded_wrong / coded_total, 4) if coded_total else 0.0,
        "misses": misses,
    }


def main() -> int:
    from eventwire.pipeline import Pipeline

    print(json.dumps(score(Pipeline.load(), load_items()), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
