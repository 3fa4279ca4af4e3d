"""Consistency checks on hand-made events and dates."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import make_event as build_event

from eventwire.records import Attribution, Event, Quantity, ResolvedDate, Span
from eventwire.resolve.consistency import check_consistency

PARTS = {"drones": ("shot_down", "forced_to_land", "intercepted"), "casualties": ("killed", "wounded")}
EVIDENCE = Span("...", 0, 3)


def event(figures: dict[str, int], *, sourced: bool = True, link: str | None = None) -> Event:
    quantities = [Quantity(w, v, None, None, str(v), Span(str(v), 0, 1)) for w, v in figures.items()]
    return build_event(
        id="e",
        cameo="190",
        quantities=quantities,
        attributed_to=[Attribution("police", None, "COP")] if sourced else [],
        evidence=EVIDENCE,
        link=link,
    )


@pytest.mark.parametrize(
    ("figures", "passed", "message"),
    [
        (
            {"drones": 13, "shot_down": 7, "forced_to_land": 6},
            True,
            "7 shot_down + 6 forced_to_land = 13 = 13 drones",
        ),
        ({"drones": 14, "shot_down": 11}, True, "11 shot_down = 11 < 14 drones"),
        (
            {"drones": 10, "shot_down": 7, "intercepted": 6},
            False,
            "7 shot_down + 6 intercepted = 13 > 10 drones",
        ),
    ],
)
def test_parts_of_whole(figures, passed, message):
    (check,) = check_consistency([event(figures)], [], PARTS)
    assert (check.kind, check.passed, check.message) == ("parts_of_whole", passed, message)
    assert len(check.evidence) == len(figures)


def test_events_split_by_place_are_checked_once():
    figures = {"drones": 13, "shot_down": 7}
    checks = check_consistency([event(figures, link="ln-1"), event(figures, link="ln-1")], [], PARTS)
    assert len(checks) == 1


def test_date_spread_flags_far_apart_dates_only():
    def day(value: str, precision: str = "day") -> ResolvedDate:
        return ResolvedDate(value, precision, value, Span(value, 0, 1))  # type: ignore[arg-type]

    (far,) = check_consistency([], [day("2017-11-22"), day("2018-01-06"), day("2018-03", "month")], PARTS)
    assert not far.passed and "2017-11-22" in far.message and "2018-03" in far.message
    (near,) = check_consistency([], [day("2018-01-06"), day("2018-01-10")], PARTS)
    assert near.passed
    assert check_consistency([], [day("2018-01-06"), day("2011", "year")], PARTS) == []


def test_unsourced_casualty_figures():
    (check,) = check_consistency([event({"killed": 4}, sourced=False), event({"killed": 2})], [], PARTS)
    assert (check.kind, check.passed) == ("unsourced_figures", False)
    assert "killed 4" in check.message and "killed 2" not in check.message


def test_a_figure_with_its_own_source_is_sourced():
    own = Quantity("killed", 0, None, None, "no casualties", Span("no casualties", 5, 18),
                   source=Attribution("the ministry", "RUS", "MIL"), status="claimed")  # fmt: skip
    bare = Quantity("wounded", 3, None, None, "3 wounded", Span("3 wounded", 30, 39))
    unsourced = event({}, sourced=False)
    checks = check_consistency([replace(unsourced, quantities=[own, bare])], [], PARTS)
    (check,) = [c for c in checks if c.kind == "unsourced_figures"]
    assert check.message == "casualty figures with no source given: wounded 3"
    assert check.evidence == (bare.span,)


def test_figures_shared_by_events_split_by_place_are_listed_once():
    halves = [replace(event({"killed": 4}, sourced=False), link="ln-1") for _ in range(2)]
    (check,) = check_consistency(halves, [], PARTS)
    assert check.message == "casualty figures with no source given: killed 4"
