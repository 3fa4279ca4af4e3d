"""The quality gate: evaluation figures may not drop more than the tolerance below their floors.

The pins live in benchmarks/baseline.json, the evaluations in eventwire/eval/baseline.py. The
gold data is read from $EVENTWIRE_GOLD, else ../shared/gold (never copied into the repository),
or, for eventwire's own labelled files, from benchmarks/data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.eval.baseline import baseline_entries, check_figures, gold_path, run_entry

REPO = Path(__file__).resolve().parents[1]
BASELINE = json.loads((REPO / "benchmarks" / "baseline.json").read_text("utf-8"))
ENTRIES = dict(baseline_entries(BASELINE))

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - eventwire.Pipeline, loaded once for every evaluation
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


def test_every_entry_pins_something() -> None:
    assert all(entry.get("floors") or entry.get("ceilings") for entry in ENTRIES.values())


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_baseline(name: str, pipeline: Any) -> None:
    entry = ENTRIES[name]
    if not gold_path(entry, REPO).exists():
        pytest.skip(f"{gold_path(entry, REPO)} not found (../shared must sit beside the repository)")
    problems = check_figures(entry, run_entry(entry, pipeline, REPO), BASELINE["tolerance"])
    assert not problems, f"{name}: " + "; ".join(problems)
