"""Golden end-to-end cases: an article and the events a careful coder would expect from it.

Each `tests/golden/NAME.expected.json` names its text (a file beside it, `repo:PATH` in this
repository, or `shared:PATH` under ../shared, where the founding example lives) and lists
expected events as partial records: every key given must hold for one distinct output event
(`figures` lists figures that must be on it, each with its source and status as given).
`absent` lists events that must not appear; `unrelated_events_at_most` bounds the events that
match no expectation (a guard against floods of spurious events); `checks` lists consistency
checks that must be reported, `places` toponyms that must resolve as given.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from eventwire.records import Event, Place, Quantity, to_dict

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.expected.json"))

pytestmark = pytest.mark.model


def load_case(path: Path) -> tuple[dict[str, Any], str]:
    case = json.loads(path.read_text("utf-8"))
    name = case["text"]
    if name.startswith("shared:"):
        text_path = SHARED / name.removeprefix("shared:")
        if not text_path.exists():
            pytest.skip(f"{text_path} not found (../shared must sit beside the repository)")
    elif name.startswith("repo:"):
        text_path = REPO / name.removeprefix("repo:")
    else:
        text_path = path.parent / name
    return case, text_path.read_text("utf-8")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def place_matches(place: Place | None, expected: dict[str, Any] | None) -> bool:
    if expected is None:
        return place is None
    if place is None:
        return False
    for field in ("name", "country", "admin1", "precision", "geonameid"):
        if field in expected and getattr(place, field) != expected[field]:
            return False
    if "near" in expected:
        if place.lat is None or place.lon is None:
            return False
        lat, lon = expected["near"]
        if distance_km(place.lat, place.lon, lat, lon) > expected.get("within_km", 10):
            return False
    return True


def figure_matches(quantity: Quantity, expected: dict[str, Any]) -> bool:
    """A figure as expected: `what`, `value`, `status`, and who says so (`source_contains`,
    `source_country`, `source_sector`; `source: null` for a figure with no source)."""
    if any(getattr(quantity, k) != expected[k] for k in ("what", "value", "status") if k in expected):
        return False
    source = quantity.source
    if "source" in expected and expected["source"] is None:
        return source is None
    if not any(k.startswith("source_") for k in expected):
        return True
    return (
        source is not None
        and expected.get("source_contains", "") in source.text
        and all(
            getattr(source, k.removeprefix("source_")) == expected[k]
            for k in ("source_country", "source_sector")
            if k in expected
        )
    )


def event_matches(event: Event, expected: dict[str, Any]) -> bool:
    for field in ("type", "mode", "status", "acled_event_type", "acled_sub_event_type", "cameo"):
        if field in expected and getattr(event, field) != expected[field]:
            return False
    if "date" in expected and any(getattr(event.date, k) != v for k, v in expected["date"].items()):
        return False
    if "location" in expected and not place_matches(event.location, expected["location"]):
        return False
    figures = {(q.what, q.value) for q in event.quantities}
    if any((what, value) not in figures for what, value in expected.get("quantities", {}).items()):
        return False
    for field in ("fatalities", "injuries"):
        if field in expected:
            estimate = getattr(event, field)
            if estimate is None or any(getattr(estimate, k) != v for k, v in expected[field].items()):
                return False
    for wanted in expected.get("figures", []):
        if not any(figure_matches(q, wanted) for q in event.quantities):
            return False
    checks = {
        "source_countries": {a.country for a in event.source_actors},
        "target_countries": {a.country for a in event.target_actors},
        "source_sectors": {a.sector for a in event.source_actors},
        "target_sectors": {a.sector for a in event.target_actors},
    }
    for field, found in checks.items():
        if not set(expected.get(field, ())) <= found:
            return False
    if "attributed_to" in expected:
        wanted = expected["attributed_to"]
        if not any(
            all(getattr(a, k) == v for k, v in wanted.items() if k != "text_contains")
            and wanted.get("text_contains", "") in a.text
            for a in event.attributed_to
        ):
            return False
    return expected.get("evidence_contains", "") in event.evidence.text


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.mark.parametrize("case_path", CASES, ids=[p.name.removesuffix(".expected.json") for p in CASES])
def test_golden_case(pipeline, case_path: Path) -> None:
    case, text = load_case(case_path)
    result = pipeline.extract_text(text, published=case["published"])
    events = list(result.events)
    unmatched = list(events)
    for expected in case["events"]:
        match = next((e for e in unmatched if event_matches(e, expected)), None)
        assert match is not None, f"no event matches {json.dumps(expected)}\nevents:\n" + "\n".join(
            json.dumps(to_dict(e), default=str)[:400] for e in events
        )
        unmatched.remove(match)
    for forbidden in case.get("absent", []):
        offenders = [e for e in events if event_matches(e, forbidden)]
        assert not offenders, f"unexpected event for {json.dumps(forbidden)}: {offenders[0].evidence.text}"
    assert len(unmatched) <= case.get("unrelated_events_at_most", len(events)), [
        (e.type, e.evidence.text[:80]) for e in unmatched
    ]
    for expected_check in case.get("checks", []):
        assert any(
            c.kind == expected_check["kind"]
            and c.passed == expected_check["passed"]
            and expected_check.get("message_contains", "") in c.message
            for c in result.checks
        ), f"check {expected_check} not found in {result.checks}"
    for expected_place in case.get("places", []):
        assert any(
            p.text == expected_place["text"]
            and place_matches(p, {k: v for k, v in expected_place.items() if k != "text"})
            for p in result.places
        ), f"place {expected_place} not resolved as expected"


def test_no_publication_date_leaves_relative_dates_unknown_with_a_warning(pipeline) -> None:
    case, text = load_case(GOLDEN / "hmeymim-drone-attack.expected.json")
    result = pipeline.extract_text(text)
    drone = next(e for e in result.events if e.mode == "drone" and e.date.text)
    assert (drone.date.value, drone.date.precision) == (None, "unknown")
    assert any("publication date" in w and "Saturday" in w for w in result.warnings)


def test_rerun_gives_identical_ids(pipeline) -> None:
    _, text = load_case(GOLDEN / "sahel-attack.expected.json")
    first = pipeline.extract_text(text, published="2024-03-15")
    second = pipeline.extract_text(text, published="2024-03-15")
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert len({e.id for e in first.events}) == len(first.events)
