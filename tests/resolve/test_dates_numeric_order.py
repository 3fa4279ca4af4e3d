"""An all-digit date that reads both day-first and month-first takes the reading nearer the
publication date; unambiguous ones are left alone."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.resolve.dates import resolve_date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("10-07-2016", date(2016, 7, 10), "2016-07-10"),
        ("10-07-2016", date(2016, 10, 8), "2016-10-07"),
        ("05.06.2015", date(2015, 6, 5), "2015-06-05"),
        ("25-07-2016", date(2016, 1, 1), "2016-07-25"),
    ],
)
def test_ambiguous_numeric_dates_follow_the_publication(text: str, published: date, expected: str) -> None:
    assert resolve_date(text, published).value == expected
