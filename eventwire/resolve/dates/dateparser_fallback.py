"""dateparser, for explicit dates in formats the grammar does not know ("05.05.2016", "a
fortnight ago"); it is slow, so it stays a fallback and its parsers are cached."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from eventwire.records import Precision
from eventwire.resolve.dates.anchoring import _calendar_point, _day_point, _week_point
from eventwire.resolve.dates.expressions import _UNKNOWN, _Point
from eventwire.resolve.dates.patterns import CalendarPatterns

# Two far-apart reference days: a result that does not move with the reference is absolute.
_PROBE_BASES = (datetime(2001, 3, 14), datetime(2013, 10, 2))
_NUMERIC_DATE = re.compile(r"^\d{1,2}([./-])\d{1,2}\1\d{4}$")
_PERIOD_PRECISION: dict[str, Precision] = {
    "day": "day", "time": "day", "week": "week", "month": "month", "year": "year",
}  # fmt: skip


# Memoises parser objects, a pure function of their arguments, not data: building one is slow.
@lru_cache(maxsize=64)
def _parser(base: datetime, prefer: str) -> DateDataParser:
    """One parser per reference day and direction; an article's mentions share it."""
    settings = {
        "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _nearer_order(found: date, published: date) -> date:
    """An all-digit date that reads both day-first and month-first ("10-07-2016"): the reading
    nearer the publication date, since a report's dates cluster around its own."""
    if found.day > 12 or found.day == found.month:
        return found
    swapped = date(found.year, found.day, found.month)
    return swapped if abs(swapped - published) < abs(found - published) else found


def _dateparse(s: str, base: datetime, prefer: str) -> tuple[date, Precision] | None:
    data = _parser(base, prefer).get_date_data(s)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIOD_PRECISION.get(data.period or "day", "day")


def _fallback(s: str, published: date | None, tense: str, patterns: CalendarPatterns) -> _Point:
    """Formats the grammar does not know ("05.05.2016", "a fortnight ago"), via dateparser."""
    if not patterns.date_like.search(s):
        return _UNKNOWN  # nothing date-like: dateparser would read "now" into odd words
    prefer = "future" if tense == "future" else "past"
    probes = [_dateparse(s, base, prefer) for base in _PROBE_BASES]
    if probes[0] is None:
        return _UNKNOWN
    absolute = probes[0] == probes[1]
    if absolute:
        found, precision = probes[0]
        anchored = False
        if precision == "day" and published is not None and _NUMERIC_DATE.match(s):
            found = _nearer_order(found, published)
    elif published is None:
        return _UNKNOWN
    else:
        parsed = _dateparse(s, datetime(published.year, published.month, published.day), prefer)
        if parsed is None:
            return _UNKNOWN
        found, precision = parsed
        anchored = True
    if precision == "week":
        point = _week_point(found)
        return _Point(point.value, point.precision, point.timex, anchored, point.start)
    if precision == "month":
        return _calendar_point(found.year, found.month, None, anchored=anchored)
    if precision == "year":
        return _Point(f"{found.year:04d}", "year", None, anchored, date(found.year, 1, 1))
    return _day_point(found, anchored=anchored)
