"""Anchoring a parsed expression to the publication date, by the rules in the package docstring."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from dateutil.easter import easter  # type: ignore[import-untyped]

from eventwire.resolve.dates.expressions import (
    _UNKNOWN,
    _Calendar,
    _Duration,
    _Expr,
    _Holiday,
    _LatestQuarter,
    _Offset,
    _Point,
    _Quarter,
    _Ref,
    _Season,
    _Weekday,
)
from eventwire.resolve.dates.patterns import (
    _HOLIDAYS,
    _MOVABLE_HOLIDAYS,
    _SEASON_START_MONTH,
)

# A past-tense clause rarely means a day more than nine months back without giving the year:
# "payable Dec. 15 to holders of record Nov. 17", told in the past in October, is ahead.
# (TempEval-3 training: nine months did better than six or four.)
_PAST_REACH_DAYS = 270
_PAST_REACH_MONTHS = 9
_SCHEDULE_LEAD_DAYS = 7


def _anchor(expr: _Expr, published: date | None, tense: str) -> _Point:
    future = tense == "future"
    if isinstance(expr, _Calendar):
        return _anchor_calendar(expr, published, tense)
    if isinstance(expr, _Weekday):
        return _anchor_weekday(expr, published, future)
    if isinstance(expr, _Offset):
        return _anchor_offset(expr, published, future)
    if isinstance(expr, _Season):
        return _anchor_season(expr, published, future)
    if isinstance(expr, _Quarter):
        return _anchor_quarter(expr, published, future)
    if isinstance(expr, _Holiday):
        return _anchor_holiday(expr, published, tense)
    if isinstance(expr, _Duration):
        return _Point(None, "unknown", expr.timex, False)
    if isinstance(expr, _LatestQuarter):
        if published is None:
            return _UNKNOWN
        index = published.year * 4 + (published.month - 1) // 3 + expr.offset
        return replace(_anchor_quarter(_Quarter(index // 4, index % 4 + 1), published, future), anchored=True)
    if isinstance(expr, _Ref):
        if expr.timex == "PRESENT_REF" and published is not None:
            return _Point(published.isoformat(), "day", "PRESENT_REF", True, published)
        return _Point(None, "unknown", expr.timex, False)
    return _UNKNOWN


def _anchor_calendar(expr: _Calendar, published: date | None, tense: str) -> _Point:
    year, month, day = expr.year, expr.month, expr.day
    if month is None:
        if year is None:  # a bare day number ("3" of "between 3 and Friday")
            return _UNKNOWN
        return _Point(f"{year:04d}", "year", None, False, date(year, 1, 1))
    if not _valid(2000 if year is None else year, month, day):  # 2000 allows 29 February
        return _UNKNOWN  # "31 April", "29 February 2017", "2016-13-01": not a date
    if year is not None:
        return _calendar_point(year, month, day, anchored=False)
    if published is None:
        timex = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        return _Point(None, "unknown", timex, False)
    if expr.weekday is not None and day is not None:
        fitting = _year_of_weekday(published, month, day, expr.weekday)
        if fitting is not None:
            return _calendar_point(fitting, month, day, anchored=True)
    if expr.year_offset is not None:
        chosen = published.year + expr.year_offset
        if not _valid(chosen, month, day):
            return _UNKNOWN
        return _calendar_point(chosen, month, day, anchored=True)
    chosen = _occurrence_year(expr, published, month, day, tense)
    if not _valid(chosen, month, day):
        return _UNKNOWN  # "this February 29" in a common year
    return _calendar_point(chosen, month, day, anchored=True)


def _year_of_weekday(published: date, month: int, day: int, weekday: int) -> int | None:
    """ "Saturday, April 25": of the nearby years, the one where April 25 is a Saturday."""
    fitting = [
        y
        for y in range(published.year - 1, published.year + 2)
        if _valid(y, month, day) and date(y, month, day).isoweekday() == weekday
    ]
    if not fitting:
        return None
    return min(fitting, key=lambda y: abs((date(y, month, day) - published).days))


def _occurrence_year(expr: _Calendar, published: date, month: int, day: int | None, tense: str) -> int:
    """The year of the occurrence a month or day without a year means: by its modifier, else by
    the tense (see the package docstring)."""
    # Compare (year, month, day) keys; a bare month compares by month only (day 0).
    ref = (published.year, published.month, published.day if day else 0)
    keys = {
        (y, month, day or 0): y
        for y in range(published.year - 4, published.year + 5)  # leap days need 4
        if _valid(y, month, day)
    }
    if expr.mod == "this":
        chosen = published.year
    elif expr.mod == "last":
        chosen = keys[max(k for k in keys if k < ref)]
    elif expr.mod == "next":
        chosen = keys[min(k for k in keys if k > ref)]
    else:
        before = max(k for k in keys if k <= ref)
        after = min(k for k in keys if k >= ref)
        back, ahead = _distance(ref, before), _distance(after, ref)
        if tense == "future":
            chosen = keys[after]
        elif ahead < back and (
            tense == "unknown" or _schedule_told_in_past(back, ahead, day_level=bool(day))
        ):
            chosen = keys[after]  # the nearer occurrence; ties go to the past
        else:
            chosen = keys[before]
    return chosen


def _holiday_date(name: str, year: int) -> date:
    if name in _HOLIDAYS:
        return date(year, *_HOLIDAYS[name])
    if name.startswith("easter"):
        return easter(year)
    month, weekday, nth = _MOVABLE_HOLIDAYS[name]
    if nth == 0:  # US Election Day: the Tuesday after the first Monday in November
        first = date(year, month, 2)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7)
    if nth < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _anchor_holiday(expr: _Holiday, published: date | None, tense: str) -> _Point:
    """Like a day of the month without a year: the latest (past) or next (future) one."""
    if expr.year is not None:
        return _day_point(_holiday_date(expr.name, expr.year), anchored=False)
    if published is None:
        return _UNKNOWN
    days = [_holiday_date(expr.name, y) for y in range(published.year - 1, published.year + 2)]
    before = max(d for d in days if d <= published)
    after = min(d for d in days if d >= published)
    if expr.mod == "last":
        chosen = max(d for d in days if d < published)
    elif expr.mod == "next":
        chosen = min(d for d in days if d > published)
    elif expr.mod == "this":
        chosen = _holiday_date(expr.name, published.year)
    elif tense == "future" or (tense == "unknown" and after - published < published - before):
        chosen = after
    else:
        chosen = before
    return _day_point(chosen)


def _schedule_told_in_past(back: int, ahead: int, *, day_level: bool) -> bool:
    """A past-tense clause names a day or month ahead when it reports a schedule ("declared a
    dividend payable Dec. 15"): the past occurrence is then far back (over nine months) and the
    next some weeks ahead. A day only days ahead stays in the past: that is last year's."""
    if day_level:
        return back > _PAST_REACH_DAYS and ahead > _SCHEDULE_LEAD_DAYS
    return back > _PAST_REACH_MONTHS


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """Days (or, for a bare month, months) from b to a."""
    if a[2] and b[2]:
        return (date(*a) - date(*b)).days
    return (a[0] - b[0]) * 12 + a[1] - b[1]


def _valid(year: int, month: int, day: int | None) -> bool:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _calendar_point(year: int, month: int, day: int | None, *, anchored: bool) -> _Point:
    if day is None:
        return _Point(f"{year:04d}-{month:02d}", "month", None, anchored, date(year, month, 1))
    return _day_point(date(year, month, day), anchored=anchored)


def _day_point(day: date, *, anchored: bool = True, timex: str | None = None) -> _Point:
    return _Point(day.isoformat(), "day", timex, anchored, day)


def _week_point(day: date, *, weekend: bool = False) -> _Point:
    """Week precision: the value is the ISO week's Monday (or the weekend's Saturday)."""
    iso_year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    if weekend:
        saturday = monday + timedelta(days=5)
        return _Point(saturday.isoformat(), "week", f"{iso_year:04d}-W{week:02d}-WE", True, saturday)
    return _Point(monday.isoformat(), "week", f"{iso_year:04d}-W{week:02d}", True, monday)


def _anchor_weekday(expr: _Weekday, published: date | None, future: bool) -> _Point:
    if published is None:
        return _Point(None, "unknown", f"XXXX-WXX-{expr.weekday}", False)
    delta = expr.weekday - published.isoweekday()
    if expr.mod == "this" or (expr.mod is None and delta == 0):
        # "this Friday": the Friday of the publication's ISO week. A bare "Friday" in a report
        # dated Friday is that same day: wire style writes "said Friday", not "said today"
        # (TimeBank/AQUAINT: 146 of 150 same-weekday mentions are the publication day).
        return _day_point(published + timedelta(days=delta))
    if expr.mod == "next" or (expr.mod is None and future):
        return _day_point(published + timedelta(days=delta % 7 or 7))
    return _day_point(published - timedelta(days=-delta % 7 or 7))


def _anchor_offset(expr: _Offset, published: date | None, future: bool) -> _Point:
    if published is None:
        return _UNKNOWN
    unit, offset = expr.unit, expr.offset
    if unit == "day":
        assert offset is not None
        return _day_point(published + timedelta(days=offset))
    if unit == "week":
        assert offset is not None
        return _week_point(published + timedelta(weeks=offset))
    if unit == "weekend":
        # Past: the latest weekend whose Saturday is before the publication day; future: the
        # first whose Saturday is on or after it ("next weekend" skips to the one after).
        saturday_delta = 6 - published.isoweekday()
        if offset == -1 or (offset is None and not future):
            return _week_point(published + timedelta(days=saturday_delta % 7 - 7), weekend=True)
        ahead = saturday_delta % 7
        if offset == 1 and ahead == 0:
            ahead = 7
        return _week_point(published + timedelta(days=ahead), weekend=True)
    assert offset is not None
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        year, month0 = divmod(index, 12)
        return _Point(f"{year:04d}-{month0 + 1:02d}", "month", None, True, date(year, month0 + 1, 1))
    year = published.year + offset
    return _Point(f"{year:04d}", "year", None, True, date(year, 1, 1))


def _anchor_season(expr: _Season, published: date | None, future: bool) -> _Point:
    code = expr.season
    if expr.year is not None:
        return _season_point(expr.year, code, anchored=False)
    if published is None:
        return _Point(None, "unknown", f"XXXX-{code}", False)

    def bounds(year: int) -> tuple[date, date]:
        month = _SEASON_START_MONTH[code]
        start = date(year - 1, 12, 1) if code == "WI" else date(year, month, 1)
        end_index = start.year * 12 + start.month - 1 + 3
        return start, date(end_index // 12, end_index % 12 + 1, 1)  # end exclusive

    years = range(published.year - 2, published.year + 3)
    if expr.mod == "this":
        year = published.year + (1 if code == "WI" and published.month == 12 else 0)
    elif expr.mod == "last":
        year = max(y for y in years if bounds(y)[1] <= published)
    elif expr.mod == "next":
        year = min(y for y in years if bounds(y)[0] > published)
    elif future:
        year = min(y for y in years if bounds(y)[1] > published)
    else:
        year = max(y for y in years if bounds(y)[0] <= published)
    return _season_point(year, code, anchored=True)


def _anchor_quarter(expr: _Quarter, published: date | None, future: bool) -> _Point:
    """Year precision like seasons, TimeML "2017-Q3". Without a year, a quarter of the
    publication year, unless it has not begun (past: last year's) or lies two or more quarters
    back (future: next year's); earnings news speaks of the quarter just ended in the future
    tense ("third-quarter results will be ...")."""
    year, quarter = expr.year, expr.quarter
    letter = "H" if expr.half else "Q"
    anchored = year is None
    if year is None:
        if published is None:
            return _Point(None, "unknown", f"XXXX-{letter}{quarter}", False)
        if expr.half:
            year = published.year
        elif expr.year_offset is not None:
            year = published.year + expr.year_offset
        else:
            current = (published.month - 1) // 3 + 1
            year = published.year - (1 if quarter > current and not future else 0)
            year += 1 if quarter < current - 1 and future else 0
    return _Point(f"{year:04d}", "year", f"{year:04d}-{letter}{quarter}", anchored, date(year, 1, 1))


def _season_point(year: int, code: str, *, anchored: bool) -> _Point:
    return _Point(f"{year:04d}", "year", f"{year:04d}-{code}", anchored, date(year, 1, 1))
