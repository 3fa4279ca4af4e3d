"""Dates counted from the date the story last named rather than from the publication date: "a
year earlier", "the year-ago quarter", "that day", "three days later"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from eventwire.records import DateMention, ResolvedDate
from eventwire.resolve.dates.anchoring import _day_point, _valid, _week_point
from eventwire.resolve.dates.expressions import _Point
from eventwire.resolve.dates.parsing import _normalise
from eventwire.resolve.dates.patterns import (
    _ISO_VALUE,
    _NARRATIVE_ANCHORS,
    _NUMBERS,
    _QUARTER_TIMEX,
    _YEAR_EARLIER,
    CalendarPatterns,
)


def _year_before_context(
    mention: DateMention, earlier: Sequence[ResolvedDate], patterns: CalendarPatterns
) -> ResolvedDate | None:
    """ "a year earlier", "the year-ago quarter": a year before the period the story is about.

    In earnings news that is the quarter last named ("third-quarter profit ... a year earlier"
    is 1988-Q3); otherwise "a year ago" counts from the publication date and "a year earlier"
    from the date last named, at its precision.
    """
    s = _normalise(mention.span.text, patterns)
    if not _YEAR_EARLIER.match(s):
        return None
    quarter = next((d.timex for d in reversed(earlier) if d.timex and _QUARTER_TIMEX.match(d.timex)), None)
    text, span = mention.span.text, mention.span
    if quarter is not None:
        year = int(quarter[:4]) - 1
        return ResolvedDate(f"{year:04d}", "year", text, span, f"{year:04d}{quarter[4:]}", True)
    if "ago" in s or not earlier:
        return None  # counted from the publication date by the grammar
    last = earlier[-1]
    assert last.value is not None
    if not _ISO_VALUE.match(last.value) or (last.timex and "/" in last.timex):
        return None
    shifted = f"{int(last.value[:4]) - 1:04d}{last.value[4:]}"
    if shifted.endswith("-02-29"):
        shifted = shifted[:-2] + "28"
    return ResolvedDate(shifted, last.precision, text, span, None, last.anchored)


def _narrative_context(
    mention: DateMention, earlier: Sequence[ResolvedDate], patterns: CalendarPatterns
) -> ResolvedDate | None:
    """ "that day", "the following year", "three days later": counted from the date the story
    last named, not from the publication date. None when that date is not precise enough."""
    s = re.sub(r"^(?:on|in|by|during|of|at|until|from|since) ", "", mention.span.text.lower().strip())
    m = next((m for pattern in _NARRATIVE_ANCHORS if (m := pattern.match(s))), None)
    if m is None or not earlier:
        return None
    groups = m.groupdict()
    last = earlier[-1]
    unit = "day" if m["unit"] in ("morning", "night", "evening", "afternoon") else m["unit"]
    if last.value is None or (last.timex and "/" in last.timex) or not _ISO_VALUE.match(last.value):
        return None
    precise_enough = {
        "day": ("day",),
        "week": ("day",),
        "month": ("day", "month"),
        "year": ("day", "month", "year"),
    }
    if last.precision not in precise_enough[unit]:
        return None
    parts = [int(p) for p in last.value.split("-")]
    direction = groups.get("dir")
    count = 1 if direction else 0
    if groups.get("n"):
        count = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
    sign = -1 if direction in ("previous", "preceding", "before", "earlier") else 1
    point = _shift(parts, unit, sign * count)
    if point is None:
        return None
    return ResolvedDate(
        point.value, point.precision, mention.span.text, mention.span, point.timex, last.anchored
    )


def _shift(parts: list[int], unit: str, count: int) -> _Point | None:
    """The date `count` units after the (year, month, day) in `parts`, at the unit's precision."""
    if unit == "year":
        return _Point(f"{parts[0] + count:04d}", "year", None, True)
    if unit == "month":
        index = parts[0] * 12 + parts[1] - 1 + count
        return _Point(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", None, True)
    if not _valid(*parts[:3]):
        return None
    day = date(*parts[:3])
    if unit == "week":
        return _week_point(day + timedelta(weeks=count))
    return _day_point(day + timedelta(days=count))
