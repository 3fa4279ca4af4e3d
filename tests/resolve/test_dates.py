"""Anchoring temporal expressions to the publication date: one table, one row per rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.records import DateMention, ResolvedDate, Span
from eventwire.resolve.dates import resolve_date, resolve_dates

FRI = date(2018, 1, 12)  # a Friday in ISO week 2018-W02 (W01 starts on Monday 1 January)
MON_NEW_YEAR = date(2018, 1, 1)  # a Monday, first day of 2018-W01
WED = date(2018, 1, 3)
NYE = date(2017, 12, 31)  # a Sunday
TUE_2021 = date(2021, 1, 5)  # 2021-W01 starts on 4 January; 2020 has 53 ISO weeks

# (expression, published, tense) -> (value, precision, timex, anchored)
CASES: list[tuple[str, date | None, str, str | None, str, str | None, bool]] = [
    # --- weekdays: the latest one before publication, the next one in the future
    ("Saturday", FRI, "past", "2018-01-06", "day", None, True),
    # A weekday with a month-day picks the year in which they agree, even against the tense.
    ("Saturday, January 13", FRI, "past", "2018-01-13", "day", None, True),
    ("Saturday, January 14", FRI, "past", "2017-01-14", "day", None, True),
    ("Saturday's", FRI, "past", "2018-01-06", "day", None, True),
    ("Saturday\u2019s", FRI, "past", "2018-01-06", "day", None, True),
    ("on Saturday", FRI, "past", "2018-01-06", "day", None, True),
    ("Saturday night", FRI, "past", "2018-01-06", "day", "2018-01-06TNI", True),
    ("early Sunday", FRI, "past", "2018-01-07", "day", None, True),
    ("earlier Thursday", FRI, "past", "2018-01-11", "day", None, True),
    ("Thursday", FRI, "past", "2018-01-11", "day", None, True),
    ("Monday", FRI, "past", "2018-01-08", "day", None, True),
    ("Thursday", FRI, "unknown", "2018-01-11", "day", None, True),
    ("Saturday", FRI, "future", "2018-01-13", "day", None, True),
    ("Thursday", FRI, "future", "2018-01-18", "day", None, True),
    # the publication's own weekday is the publication day ("said Friday" in wire style)
    ("Friday", FRI, "past", "2018-01-12", "day", None, True),
    ("Friday", FRI, "future", "2018-01-12", "day", None, True),
    ("last Friday", FRI, "past", "2018-01-05", "day", None, True),
    ("next Friday", FRI, "future", "2018-01-19", "day", None, True),
    ("this Monday", FRI, "past", "2018-01-08", "day", None, True),
    ("this Sunday", FRI, "future", "2018-01-14", "day", None, True),
    ("Saturday", MON_NEW_YEAR, "past", "2017-12-30", "day", None, True),
    ("Sunday", MON_NEW_YEAR, "past", "2017-12-31", "day", None, True),
    ("Wednesday", date(2017, 12, 29), "future", "2018-01-03", "day", None, True),
    ("Saturday", None, "past", None, "unknown", "XXXX-WXX-6", False),
    # --- days counted from publication
    ("yesterday", FRI, "past", "2018-01-11", "day", None, True),
    ("yesterday morning", FRI, "past", "2018-01-11", "day", "2018-01-11TMO", True),
    ("last night", FRI, "past", "2018-01-11", "day", "2018-01-11TNI", True),
    ("today", FRI, "past", "2018-01-12", "day", None, True),
    ("tonight", FRI, "future", "2018-01-12", "day", "2018-01-12TNI", True),
    ("this morning", FRI, "past", "2018-01-12", "day", "2018-01-12TMO", True),
    ("tomorrow", FRI, "future", "2018-01-13", "day", None, True),
    ("the day before yesterday", FRI, "past", "2018-01-10", "day", None, True),
    ("three days ago", FRI, "past", "2018-01-09", "day", None, True),
    ("3 days ago", FRI, "past", "2018-01-09", "day", None, True),
    ("a day ago", FRI, "past", "2018-01-11", "day", None, True),
    ("ten days ago", FRI, "past", "2018-01-02", "day", None, True),
    ("in three days", FRI, "future", "2018-01-15", "day", None, True),
    ("yesterday", MON_NEW_YEAR, "past", "2017-12-31", "day", None, True),
    ("tomorrow", NYE, "future", "2018-01-01", "day", None, True),
    ("yesterday", None, "past", None, "unknown", None, False),
    ("three days ago", None, "past", None, "unknown", None, False),
    # --- weeks: value is the ISO week's Monday, timex the TimeML week
    ("last week", FRI, "past", "2018-01-01", "week", "2018-W01", True),
    ("this past week", FRI, "past", "2018-01-01", "week", "2018-W01", True),
    ("this week", FRI, "past", "2018-01-08", "week", "2018-W02", True),
    ("earlier this week", FRI, "past", "2018-01-08", "week", "2018-W02", True),
    ("next week", FRI, "future", "2018-01-15", "week", "2018-W03", True),
    ("two weeks ago", FRI, "past", "2017-12-25", "week", "2017-W52", True),
    ("a fortnight ago", FRI, "past", "2017-12-25", "week", "2017-W52", True),
    ("last week", WED, "past", "2017-12-25", "week", "2017-W52", True),
    ("last week", TUE_2021, "past", "2020-12-28", "week", "2020-W53", True),
    ("this week", date(2021, 1, 1), "past", "2020-12-28", "week", "2020-W53", True),
    ("last week", None, "past", None, "unknown", None, False),
    # --- weekends: the Saturday, with the TimeML weekend
    ("the weekend", FRI, "past", "2018-01-06", "week", "2018-W01-WE", True),
    ("over the weekend", FRI, "past", "2018-01-06", "week", "2018-W01-WE", True),
    ("last weekend", FRI, "past", "2018-01-06", "week", "2018-W01-WE", True),
    ("this weekend", FRI, "future", "2018-01-13", "week", "2018-W02-WE", True),
    ("the weekend", MON_NEW_YEAR, "past", "2017-12-30", "week", "2017-W52-WE", True),
    ("the weekend", NYE, "past", "2017-12-30", "week", "2017-W52-WE", True),
    # --- months without a year: the most recent one, or the next in the future
    ("mid-December", FRI, "past", "2017-12", "month", None, True),
    ("early December", FRI, "past", "2017-12", "month", None, True),
    ("late December", FRI, "past", "2017-12", "month", None, True),
    ("the end of December", FRI, "past", "2017-12", "month", None, True),
    ("in December", FRI, "past", "2017-12", "month", None, True),
    ("December", FRI, "future", "2018-12", "month", None, True),
    ("December", FRI, "unknown", "2017-12", "month", None, True),
    ("January", FRI, "past", "2018-01", "month", None, True),
    # Ten months back in a past-tense clause: a schedule told in the past ("payable in March").
    ("March", FRI, "past", "2018-03", "month", None, True),
    ("June", FRI, "past", "2017-06", "month", None, True),
    ("March", FRI, "future", "2018-03", "month", None, True),
    ("March", FRI, "unknown", "2018-03", "month", None, True),  # the nearer March
    ("July", FRI, "unknown", "2017-07", "month", None, True),  # six months either way: past
    ("this March", FRI, "future", "2018-03", "month", None, True),
    ("this March", FRI, "past", "2018-03", "month", None, True),
    ("last March", FRI, "past", "2017-03", "month", None, True),
    ("next March", FRI, "future", "2018-03", "month", None, True),
    ("last December", FRI, "past", "2017-12", "month", None, True),
    ("last January", FRI, "past", "2017-01", "month", None, True),
    ("December", MON_NEW_YEAR, "past", "2017-12", "month", None, True),
    ("January", date(2017, 12, 20), "future", "2018-01", "month", None, True),
    ("mid-December", None, "past", None, "unknown", "XXXX-12", False),
    # --- months counted from publication
    ("this month", FRI, "past", "2018-01", "month", None, True),
    ("earlier this month", FRI, "past", "2018-01", "month", None, True),
    ("later this month", FRI, "future", "2018-01", "month", None, True),
    ("last month", FRI, "past", "2017-12", "month", None, True),
    ("next month", FRI, "future", "2018-02", "month", None, True),
    ("next month", date(2017, 12, 5), "future", "2018-01", "month", None, True),
    ("six months ago", FRI, "past", "2017-07", "month", None, True),
    ("this month", None, "past", None, "unknown", None, False),
    # --- month and day without a year
    ("November 22", FRI, "past", "2017-11-22", "day", None, True),
    ("on November 22", FRI, "past", "2017-11-22", "day", None, True),
    ("22 November", FRI, "past", "2017-11-22", "day", None, True),
    ("Nov. 22", FRI, "past", "2017-11-22", "day", None, True),
    ("November 22nd", FRI, "past", "2017-11-22", "day", None, True),
    ("the 22nd of November", FRI, "past", "2017-11-22", "day", None, True),
    ("Wednesday, November 22", FRI, "past", "2017-11-22", "day", None, True),
    ("November 22", FRI, "future", "2018-11-22", "day", None, True),
    ("January 12", FRI, "past", "2018-01-12", "day", None, True),  # the publication day
    ("January 14", FRI, "past", "2017-01-14", "day", None, True),
    ("January 14", FRI, "future", "2018-01-14", "day", None, True),
    ("January 14", FRI, "unknown", "2018-01-14", "day", None, True),
    ("December 31", MON_NEW_YEAR, "past", "2017-12-31", "day", None, True),
    ("December 31", MON_NEW_YEAR, "future", "2018-12-31", "day", None, True),
    ("January 2", date(2017, 12, 30), "future", "2018-01-02", "day", None, True),
    ("January 2", date(2017, 12, 30), "unknown", "2018-01-02", "day", None, True),
    ("January 2", date(2017, 12, 30), "past", "2017-01-02", "day", None, True),
    ("February 29", FRI, "past", "2016-02-29", "day", None, True),
    ("Christmas", FRI, "past", "2017-12-25", "day", None, True),
    ("in May last year", FRI, "past", "2017-05", "month", None, True),
    ("22 November this year", FRI, "future", "2018-11-22", "day", None, True),
    ("May next year", FRI, "future", "2019-05", "month", None, True),
    ("May last year", None, "past", None, "unknown", "XXXX-05", False),
    ("November 22", None, "past", None, "unknown", "XXXX-11-22", False),
    # --- years
    ("in 2011", FRI, "past", "2011", "year", None, False),
    ("2011", FRI, "future", "2011", "year", None, False),
    ("early 2017", FRI, "past", "2017", "year", None, False),
    ("the end of 2016", FRI, "past", "2016", "year", None, False),
    ("last year", FRI, "past", "2017", "year", None, True),
    ("late last year", FRI, "past", "2017", "year", None, True),
    ("this year", FRI, "past", "2018", "year", None, True),
    ("earlier this year", FRI, "past", "2018", "year", None, True),
    ("by the end of the year", FRI, "future", "2018", "year", None, True),
    ("the end of last year", FRI, "past", "2017", "year", None, True),
    ("next year", FRI, "future", "2019", "year", None, True),
    ("two years ago", FRI, "past", "2016", "year", None, True),
    ("last year", MON_NEW_YEAR, "past", "2017", "year", None, True),
    ("in 2011", None, "past", "2011", "year", None, False),
    ("last year", None, "past", None, "unknown", None, False),
    # --- explicit dates: no anchoring needed, with or without a publication date
    ("5 May 2016", FRI, "past", "2016-05-05", "day", None, False),
    ("May 5, 2016", FRI, "past", "2016-05-05", "day", None, False),
    ("2016-05-05", FRI, "past", "2016-05-05", "day", None, False),
    ("Thursday, May 5, 2016", FRI, "past", "2016-05-05", "day", None, False),
    ("the 5th of May 2016", FRI, "future", "2016-05-05", "day", None, False),
    ("Dec. 31, 2017", FRI, "past", "2017-12-31", "day", None, False),
    ("05.05.2016", FRI, "past", "2016-05-05", "day", None, False),  # via dateparser
    ("May 2016", FRI, "past", "2016-05", "month", None, False),
    ("December of 2017", FRI, "past", "2017-12", "month", None, False),
    ("2016-05", FRI, "past", "2016-05", "month", None, False),
    ("5 May 2016", None, "past", "2016-05-05", "day", None, False),
    ("May 5, 2016", None, "future", "2016-05-05", "day", None, False),
    ("05.05.2016", None, "past", "2016-05-05", "day", None, False),
    ("31 April 2016", FRI, "past", None, "unknown", None, False),
    ("29 February 2017", FRI, "past", None, "unknown", None, False),
    # --- times and time zones never move the day
    ("5 May 2016 23:30 GMT", FRI, "past", "2016-05-05", "day", None, False),
    ("11:45 pm EST on 31 December 2017", FRI, "past", "2017-12-31", "day", "2017-12-31T23:45", False),
    ("2016-05-05T23:30:00-05:00", FRI, "past", "2016-05-05", "day", None, False),
    ("Saturday at 11 p.m. local time", FRI, "past", "2018-01-06", "day", "2018-01-06T23:00", True),
    # --- ranges: the start, with the ISO interval in timex
    ("between 3 and 5 May", FRI, "past", "2017-05-03", "day", "2017-05-03/2017-05-05", True),
    ("between 3 and 5 May", FRI, "future", "2018-05-03", "day", "2018-05-03/2018-05-05", True),
    ("between 3 and 5 May 2016", FRI, "past", "2016-05-03", "day", "2016-05-03/2016-05-05", False),
    ("between 3 and 5 May 2016", None, "past", "2016-05-03", "day", "2016-05-03/2016-05-05", False),
    ("from 3 to 5 June 2016", FRI, "past", "2016-06-03", "day", "2016-06-03/2016-06-05", False),
    ("28-30 June 2016", FRI, "past", "2016-06-28", "day", "2016-06-28/2016-06-30", False),
    ("May 3-5, 2016", FRI, "past", "2016-05-03", "day", "2016-05-03/2016-05-05", False),
    ("May 3-5", FRI, "past", "2017-05-03", "day", "2017-05-03/2017-05-05", True),
    ("between 28 December and 3 January", FRI, "past", "2017-12-28", "day", "2017-12-28/2018-01-03", True),
    ("28 December 2017 to 3 January 2018", None, "past", "2017-12-28", "day", "2017-12-28/2018-01-03", False),
    ("Friday and Saturday", FRI, "past", "2018-01-05", "day", "2018-01-05/2018-01-06", True),
    ("2015-2016", FRI, "past", "2015", "year", "2015/2016", False),
    ("between 3 and 5 May", None, "past", None, "unknown", None, False),
    # --- seasons and quarters: year precision, the TimeML value in timex
    ("last winter", FRI, "past", "2017", "year", "2017-WI", True),
    ("this winter", FRI, "past", "2018", "year", "2018-WI", True),
    ("this winter", date(2017, 12, 20), "future", "2018", "year", "2018-WI", True),
    ("last summer", FRI, "past", "2017", "year", "2017-SU", True),
    ("the summer", date(2018, 7, 15), "past", "2018", "year", "2018-SU", True),
    ("next spring", FRI, "future", "2018", "year", "2018-SP", True),
    ("summer 2016", FRI, "past", "2016", "year", "2016-SU", False),
    ("winter", None, "past", None, "unknown", "XXXX-WI", False),
    ("the third quarter", FRI, "past", "2017", "year", "2017-Q3", True),
    ("the first quarter of 2017", None, "past", "2017", "year", "2017-Q1", False),
    # --- vague references: TimeML values only
    ("now", FRI, "past", "2018-01-12", "day", "PRESENT_REF", True),
    ("currently", None, "past", None, "unknown", "PRESENT_REF", False),
    ("recently", FRI, "past", None, "unknown", "PAST_REF", False),
    ("a few days ago", FRI, "past", None, "unknown", "PAST_REF", False),
    ("in the coming days", FRI, "future", None, "unknown", "FUTURE_REF", False),
    ("the 1990s", FRI, "past", None, "unknown", "199", False),
    # --- not anchored to the publication: narrative anchors and durations
    ("two days later", FRI, "past", None, "unknown", None, False),
    ("the same day", FRI, "past", None, "unknown", None, False),
    ("the next day", FRI, "past", None, "unknown", None, False),
    ("the past week", FRI, "past", None, "unknown", "P1W", False),
    ("two years", FRI, "past", None, "unknown", "P2Y", False),
    ("the quarter", FRI, "past", "2017", "year", "2017-Q4", True),  # the latest ended
    ("", FRI, "past", None, "unknown", None, False),
    ("a group of men", FRI, "past", None, "unknown", None, False),
    # --- durations: no date, the TimeML value
    ("three years", FRI, "past", None, "unknown", "P3Y", False),
    ("the first nine months", FRI, "past", None, "unknown", "P9M", False),
    ("two-hour", FRI, "past", None, "unknown", "PT2H", False),
    ("several weeks", FRI, "past", None, "unknown", "PXW", False),
    ("a decade", FRI, "past", None, "unknown", "P10Y", False),
    ("last year", FRI, "past", "2017", "year", None, True),  # a date, not a duration
    # --- quarters, halves, fiscal years and the year of business news
    ("the current quarter", FRI, "past", "2018", "year", "2018-Q1", True),
    ("its fourth quarter", date(1989, 10, 30), "past", "1989", "year", "1989-Q4", True),
    ("last year's third quarter", FRI, "past", "2017", "year", "2017-Q3", True),
    ("the second half of 1989", FRI, "past", "1989", "year", "1989-H2", False),
    ("fiscal 1989", FRI, "past", "1989", "year", None, False),
    ("the current fiscal year", FRI, "past", "2018", "year", None, True),
    ("year-end", FRI, "past", "2018", "year", None, True),
    # --- holidays, fixed and movable
    ("Thanksgiving Day", date(2000, 1, 7), "past", "1999-11-25", "day", None, True),
    ("last Thanksgiving", date(2000, 1, 7), "past", "1999-11-25", "day", None, True),
    ("Election Day", date(1998, 10, 26), "future", "1998-11-03", "day", None, True),
    ("Easter 2016", None, "past", "2016-03-27", "day", None, False),
    # --- spoken years and days (broadcast transcripts)
    ("nineteen ninety-six", FRI, "past", "1996", "year", None, False),
    ("the year two thousand", FRI, "past", "2000", "year", None, False),
    ("January nineteen ninety-seven", FRI, "past", "1997-01", "month", None, False),
    ("the nineties", FRI, "past", None, "unknown", "199", False),
    ("this coming Sunday, March eighth", date(1998, 3, 5), "future", "1998-03-08", "day", None, True),
    # --- a month-day with a modifier
    ("last Oct. 23", date(1999, 4, 19), "past", "1998-10-23", "day", None, True),
    # --- a past-tense clause reporting a schedule: a day weeks ahead, not eleven months back
    ("Dec. 15", date(1989, 10, 26), "past", "1989-12-15", "day", None, True),
    ("Oct. 31", date(1989, 10, 27), "past", "1988-10-31", "day", None, True),
]


@pytest.mark.parametrize(
    ("text", "published", "tense", "value", "precision", "timex", "anchored"),
    CASES,
    ids=[f"{c[0] or 'empty'}|{c[1]}|{c[2]}" for c in CASES],
)
def test_resolve_date(
    text: str,
    published: date | None,
    tense: str,
    value: str | None,
    precision: str,
    timex: str | None,
    anchored: bool,
) -> None:
    resolved = resolve_date(text, published, tense=tense)  # type: ignore[arg-type]
    assert (resolved.value, resolved.precision, resolved.timex, resolved.anchored) == (
        value,
        precision,
        timex,
        anchored,
    )
    assert resolved.text == text


def test_default_tense_is_past() -> None:
    assert resolve_date("November 22", FRI).value == "2017-11-22"


def test_span_is_carried_through() -> None:
    span = Span("Saturday", 40, 48)
    assert resolve_date("Saturday", FRI, span=span).span == span


def test_datetime_publication_keeps_its_calendar_day() -> None:
    # A time of day on the publication stamp never shifts the anchor.
    assert resolve_date("yesterday", datetime(2018, 1, 12, 23, 59)).value == "2018-01-11"


def test_unknown_tense_is_rejected() -> None:
    with pytest.raises(ValueError, match="tense"):
        resolve_date("Saturday", FRI, tense="sometime")  # type: ignore[arg-type]


def test_absurd_offsets_give_unknown_instead_of_raising() -> None:
    assert resolve_date("100000 years ago", FRI) == ResolvedDate(None, "unknown", "100000 years ago")


def _mention(text: str, start: int, tense: str = "unknown") -> DateMention:
    return DateMention(Span(text, start, start + len(text)), 0, tense=tense)  # type: ignore[arg-type]


def test_resolve_dates_uses_each_mentions_tense() -> None:
    mentions = [_mention("Saturday", 0, "past"), _mention("Saturday", 20, "future")]
    resolved = resolve_dates(mentions, FRI)
    assert [r.value for r in resolved] == ["2018-01-06", "2018-01-13"]
    assert [r.span for r in resolved] == [m.span for m in mentions]


def test_resolve_dates_tenses_override_mentions() -> None:
    mentions = [_mention("March", 0, "past"), _mention("March", 10, "past")]
    resolved = resolve_dates(mentions, FRI, ["future", "unknown"])
    assert [r.value for r in resolved] == ["2018-03", "2018-03"]


def test_resolve_dates_without_publication_date() -> None:
    mentions = [_mention("5 May 2016", 0), _mention("last week", 20)]
    resolved = resolve_dates(mentions, None)
    assert [(r.value, r.precision, r.anchored) for r in resolved] == [
        ("2016-05-05", "day", False),
        (None, "unknown", False),
    ]


def test_resolve_dates_checks_lengths_and_tenses() -> None:
    with pytest.raises(ValueError, match="2 tenses for 1"):
        resolve_dates([_mention("today", 0)], FRI, ["past", "past"])
    with pytest.raises(ValueError, match="tense"):
        resolve_dates([_mention("today", 0)], FRI, ["later"])


def _mentions(*texts: str) -> list[DateMention]:
    return [DateMention(Span(text, 10 * i, 10 * i + len(text)), 0) for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "value", "precision", "timex"),
    [
        # Earnings news: a year before the quarter the story is about.
        (("the third quarter", "a year earlier"), "2016", "year", "2016-Q3"),
        (("the third quarter", "the year-ago quarter"), "2016", "year", "2016-Q3"),
        # Otherwise a year before the date last named, at its precision.
        (("5 May 2016", "a year earlier"), "2015-05-05", "day", None),
        # Narrative anchors count from the date last named.
        (("5 May 2016", "the next day"), "2016-05-06", "day", None),
        (("5 May 2016", "three days later"), "2016-05-08", "day", None),
        (("5 May 2016", "that day"), "2016-05-05", "day", None),
        (("May 2016", "the following year"), "2017", "year", None),
        # Not precise enough to count days from: stays unknown.
        (("May 2016", "the next day"), None, "unknown", None),
    ],
)
def test_resolve_dates_reads_the_story_for_relative_anchors(
    texts: tuple[str, ...], value: str | None, precision: str, timex: str | None
) -> None:
    resolved = resolve_dates(_mentions(*texts), FRI)[-1]
    assert (resolved.value, resolved.precision, resolved.timex) == (value, precision, timex)


def test_a_year_ago_without_a_quarter_counts_from_the_publication() -> None:
    resolved = resolve_dates(_mentions("5 May 2016", "a year ago"), FRI)[-1]
    assert (resolved.value, resolved.precision) == ("2017", "year")
