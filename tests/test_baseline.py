"""The quality gate: evaluation figures may not drop more than the tolerance below their floors.

The floors live in benchmarks/baseline.json; the gold data is read from ../shared/gold.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
BASELINE = json.loads((REPO / "benchmarks" / "baseline.json").read_text("utf-8"))

pytestmark = pytest.mark.model


def figure(report: dict[str, Any], dotted: str) -> float:
    value: Any = report
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def gold_path(name: str) -> Path:
    path = GOLD / BASELINE[name]["gold"]
    if not path.exists():
        pytest.skip(f"{path} not found (../shared must sit beside the repository)")
    return path


def assert_floors(name: str, report: dict[str, Any]) -> None:
    tolerance = BASELINE["tolerance"]
    dropped = {
        key: (figure(report, key), floor)
        for key, floor in BASELINE[name]["floors"].items()
        if figure(report, key) < floor - tolerance
    }
    assert not dropped, f"{name}: figures fell below their floors (now, floor): {dropped}"


def test_dates_baseline(nlp) -> None:
    from eventwire.eval.dates import evaluate_dates
    from eventwire.eval.timeml import read_timeml_dir

    assert_floors("dates", evaluate_dates(read_timeml_dir(gold_path("dates")), nlp))


def test_fakes_baseline() -> None:
    from eventwire.eval.fakes import evaluate_fakes, read_fakes
    from eventwire.pipeline import Pipeline

    assert_floors("fakes", evaluate_fakes(read_fakes(gold_path("fakes")), Pipeline.load()))
