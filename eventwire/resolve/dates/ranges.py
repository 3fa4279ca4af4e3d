"""Ranges ("between 3 and 5 May", "May 3-5", "5 May to 7 June 2016") resolve to their start,
with the ISO 8601 interval as the TimeML value."""

from __future__ import annotations

from datetime import date, timedelta

from eventwire.resolve.dates.anchoring import _anchor, _calendar_point, _day_point, _valid
from eventwire.resolve.dates.expressions import (
    _UNKNOWN,
    _Calendar,
    _Duration,
    _Expr,
    _Point,
    _Ref,
    _Unresolvable,
    _Weekday,
)
from eventwire.resolve.dates.parsing import _int, _normalise, _parse
from eventwire.resolve.dates.patterns import _DAY_ONLY, _RANGE, CalendarPatterns


def _resolve_range(s: str, published: date | None, tense: str, patterns: CalendarPatterns) -> _Point | None:
    """ "between 3 and 5 May", "May 3-5", "5 May to 7 June 2016": the start, with the interval."""
    for pattern in _RANGE:
        if not (m := pattern.match(s)):
            continue
        first, last = _normalise(m["a"], patterns), _normalise(m["b"], patterns)
        start_expr, end_expr = _parse(first, patterns), _parse(last, patterns)
        if start_expr is None and (day := _DAY_ONLY.match(first)):
            start_expr = _Calendar(None, None, int(day["d"]))  # "3" in "between 3 and 5 May"
        if end_expr is None and (day := _DAY_ONLY.match(last)) and isinstance(start_expr, _Calendar):
            year = _int(day["y"]) or start_expr.year  # "May 3-5", "May 3-5, 2016"
            end_expr = _Calendar(year, start_expr.month, int(day["d"]))
        if not (_is_point(start_expr) and _is_point(end_expr)):
            continue
        assert start_expr is not None and end_expr is not None
        end = _anchor(end_expr, published, tense)
        start = _anchor_start(start_expr, end_expr, end, published, tense)
        anchored = start.anchored or end.anchored
        if start.start is None or end.start is None:
            return _Point(None, "unknown", None, anchored)
        if start.start > end.start:
            continue  # "3 - 2" is not a range: let the fallback judge
        interval = f"{start.timex or start.value}/{end.timex or end.value}"
        return _Point(start.value, start.precision, interval, anchored, start.start)
    return None


def _is_point(expr: _Expr | None) -> bool:
    return expr is not None and not isinstance(expr, _Ref | _Duration | _Unresolvable)


def _anchor_start(start: _Expr, end_expr: _Expr, end: _Point, published: date | None, tense: str) -> _Point:
    """The start of a range borrows the month and year it leaves out from the end."""
    if isinstance(start, _Weekday) and isinstance(end_expr, _Weekday) and end.start is not None:
        # "Friday and Saturday": the Friday before that Saturday, whatever the publication day.
        return _day_point(end.start - timedelta(days=(end_expr.weekday - start.weekday) % 7))
    if not (isinstance(start, _Calendar) and isinstance(end_expr, _Calendar)) or start.year:
        return _anchor(start, published, tense)
    if end.start is None:
        return _UNKNOWN
    month = start.month or end.start.month
    year = end.start.year
    if (month, start.day or 0) > (end.start.month, end.start.day):
        year -= 1  # "28 December to 3 January 2018"
    if start.day is not None and not _valid(year, month, start.day):
        return _UNKNOWN
    return _calendar_point(year, month, start.day, anchored=end.anchored)
