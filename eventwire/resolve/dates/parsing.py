"""Normalising an expression (case, punctuation, clock times, spoken numbers, leading words)
and classifying it with the grammar."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from eventwire.resolve.dates.expressions import (
    _Calendar,
    _Duration,
    _Expr,
    _Holiday,
    _LatestQuarter,
    _Offset,
    _Quarter,
    _Ref,
    _Season,
    _Unit,
    _Unresolvable,
    _Weekday,
)
from eventwire.resolve.dates.patterns import (
    _AGO,
    _DAY_MOD,
    _DAY_PARTS,
    _DECADE,
    _DURATION,
    _DURATION_UNITS,
    _DURATION_VALUE,
    _HALF,
    _HOLIDAY,
    _HOLIDAYS,
    _IN_N,
    _ISO_DAY,
    _ISO_MONTH,
    _LEADING_WORDS,
    _MOVABLE_HOLIDAYS,
    _NARRATIVE,
    _NUMBER_RE,
    _NUMBERS,
    _ORDINAL_WORDS,
    _PERIOD_OF,
    _QUARTER,
    _QUARTER_ANAPHOR,
    _QUARTERS,
    _REF_OF,
    _RELATIVE_DAYS,
    _RELATIVE_YEAR,
    _SPOKEN_DECADE,
    _SPOKEN_ONES,
    _SPOKEN_ORDINAL_DAY,
    _SPOKEN_TEENS,
    _SPOKEN_TENS,
    _SPOKEN_YEAR,
    _TIME_OF_DAY,
    _UNIT_RE,
    _VAGUE_NUMBERS,
    _VAGUE_RE,
    _YEAR,
    _YEAR_ANAPHOR,
    CalendarPatterns,
)


# Memoises a pure function of its arguments (the patterns by identity), not data: it is called
# again for the story context of each mention.
@lru_cache(maxsize=4096)
def _normalise(text: str, patterns: CalendarPatterns) -> str:
    """Lower-case the expression and strip what does not change the date it names."""
    s = text.lower().strip()
    s = s.translate({0x2019: "'", 0x2018: "'", 0x2013: "-", 0x2014: "-", 0x2011: "-", 0x2010: "-"})
    s = re.sub(r"(?<=[a-z])\.", "", s)  # "Dec. 31", "a.m."
    s = re.sub(r"[,;()]", " ", s)
    s = re.sub(r"'s?$", "", s.strip(" .'\""))  # "Saturday's"
    s = re.sub(r"\bmid\s*-\s*", "", s)  # "mid-December"
    s = re.sub(r"(?<=\d)(?=[a-z]{3,})", " ", s)  # "5May2016"
    s = re.sub(r"^(\d{4}-\d{2}-\d{2})t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?$", r"\1", s)  # timestamps
    s = _SPOKEN_YEAR.sub(_spoken_year, s)
    s = _SPOKEN_ORDINAL_DAY.sub(_spoken_ordinal_day, s)  # "march eighth" -> "march 8"
    s = _SPOKEN_DECADE.sub(lambda m: f"19{_SPOKEN_TENS[m[1] + 'y'] // 10}0s", s)  # "the nineties"
    s = re.sub(r"\s+", " ", s).strip()
    if s in _RELATIVE_DAYS:  # before day parts go: "last night" is yesterday
        return s
    s = _TIME_OF_DAY.sub(" ", s)
    if s not in _RELATIVE_DAYS:
        s = _DAY_PARTS.sub(" ", s)
    # "earlier this month", and AP style "earlier Thursday" (on Thursday, before the report).
    s = patterns.earlier_later.sub("", s)
    # "by the end of the year" looks ahead (or back) from the publication, not the narrative.
    s = re.sub(r"\b(?:end|beginning|start|middle|rest|remainder) of the (?=year|month|week)", "this ", s)
    s = re.sub(r"\s+", " ", s).strip()
    # Leading signals and modifiers, repeatedly: "in early December", "by the end of 2016".
    # A duration keeps its "the" ("the past week" is a period, "last week" a point).
    while not _DURATION.match(s):
        stripped = _LEADING_WORDS.sub("", s, count=1).strip()
        if stripped == s or not stripped:
            break
        s = stripped
    s = re.sub(r"\s+(?:at|on|in)$", "", s)  # "Saturday at" left by a dropped clock time
    s = re.sub(r"\s+or so(?=$| ago$)", "", s)  # "the next year or so", "a week or so ago"
    s = re.sub(r"^an? (?=\d|[a-z]+ \d)", "", s)  # "an Aug. 10, 1988 agreement"
    return s


def _spoken_ordinal_day(m: re.Match[str]) -> str:
    day = _ORDINAL_WORDS[m["ordinal"]] + (_SPOKEN_TENS[m["tens"]] if m["tens"] else 0)
    return f"{m['month']} {day}"


def _spoken_year(m: re.Match[str]) -> str:
    if m["century"] is None:
        return str(2000 + _SPOKEN_ONES.get(m["ones2000"] or "", 0))
    century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[m["century"]]
    if m["teen"]:
        return str(century + _SPOKEN_TEENS[m["teen"]])
    if m["tens"]:
        return str(century + _SPOKEN_TENS[m["tens"]] + _SPOKEN_ONES.get(m["ones"] or "", 0))
    return str(century)


# --------------------------------------------------------------------------- parsing


def _parse(s: str, patterns: CalendarPatterns) -> _Expr | None:
    """Classify a normalised expression; None when the grammar does not know it."""
    expr = _parse_phrase(s)
    if expr is not None:
        return expr
    prefix = patterns.weekday_prefix.match(s)
    weekday = patterns.weekdays[prefix["weekday"]] if prefix else None
    s = patterns.weekday_prefix.sub("", s)  # "Saturday, May 5, 2016": the date decides
    expr = _parse_calendar(s, weekday, patterns)
    if expr is not None:
        return expr
    return _parse_relative(s, patterns)


def _parse_phrase(s: str) -> _Expr | None:
    """Set phrases: "yesterday", "recently", holidays, halves, "the quarter", durations."""
    if s in _RELATIVE_DAYS:
        return _Offset("day", _RELATIVE_DAYS[s])
    if s in _REF_OF:
        return _Ref(_REF_OF[s])
    if holiday := _HOLIDAY.match(s):
        name, year, mod = holiday["h"], _int(holiday["y"]), holiday["mod"]
        if name in _HOLIDAYS and mod is None:
            month, day = _HOLIDAYS[name]
            return _Calendar(year, month, day)
        if name in _HOLIDAYS or name in _MOVABLE_HOLIDAYS:
            return _Holiday(name, year, mod)
    if m := _HALF.match(s):  # "the second half of 1989": TimeML 1989-H2
        half = 2 if m["half"] in ("second", "last", "latter") else 1
        return _Quarter(_int(m["y"]), half, half=True)
    if m := _QUARTER_ANAPHOR.match(s):
        return _LatestQuarter(1 if m["mod"] == "next" else 0 if m["mod"] in ("current", "this") else -1)
    if _YEAR_ANAPHOR.match(s):
        return _Offset("year", 0)
    if (
        (m := _DURATION_VALUE.match(s))
        and (m["n"] or m["plural"] or _PERIOD_OF.match(s))
        and not (m["n"] and _YEAR.match(m["n"]))  # "the 1988 quarter"
    ):
        return _duration(m)  # "last year" is a date, "the last year" and "a year" periods
    if _DURATION.match(s):
        return _Unresolvable()
    return None


def _parse_calendar(s: str, weekday: int | None, patterns: CalendarPatterns) -> _Expr | None:
    """Calendar dates, years, quarters and decades; `weekday` is the one written before a date."""
    if m := _ISO_DAY.match(s):
        return _Calendar(int(m["y"]), int(m["m"]), int(m["d"]))
    if (m := _ISO_MONTH.match(s)) and 1 <= int(m["m"]) <= 12:
        return _Calendar(int(m["y"]), int(m["m"]))
    if m := patterns.day_month.match(s) or patterns.month_day.match(s):
        return _Calendar(_int(m["y"]), patterns.months[m["month"]], int(m["d"]), weekday=weekday)
    if (modified := _DAY_MOD.match(s)) and (
        m := patterns.day_month.match(s[modified.end() :]) or patterns.month_day.match(s[modified.end() :])
    ):
        mod = None if m["y"] else {"this past": "last", "this coming": "next"}.get(modified[1], modified[1])
        return _Calendar(_int(m["y"]), patterns.months[m["month"]], int(m["d"]), mod=mod)  # "last Oct. 23"
    if m := _RELATIVE_YEAR.match(s):  # "May last year", "22 November this year"
        inner = _parse(m["date"], patterns)
        if isinstance(inner, _Calendar) and inner.year is None and inner.mod is None and inner.month:
            offset = {"last": -1, "this": 0, "next": 1}[m["mod"]]
            return _Calendar(None, inner.month, inner.day, year_offset=offset)
    if m := _YEAR.match(s):
        return _Calendar(int(m["y"]))
    if m := _QUARTER.match(s):
        year_offset = -1 if m["earlier"] else {"last": -1, "this": 0, "next": 1, None: None}[m["rel"]]
        quarter = int(m["q"]) if m["q"] else _QUARTERS[m["ord"]]
        return _Quarter(_int(m["y"] or m["y1"]), quarter, year_offset=year_offset)
    if m := _DECADE.match(s):
        return _Ref(m["decade"])  # no ISO value; only the TimeML form
    return None


def _parse_relative(s: str, patterns: CalendarPatterns) -> _Expr | None:
    """Units counted from the publication date ("last week", "three days ago", "in two weeks")
    and narrative or bare counts that no date can be given for."""
    if m := patterns.modified.match(s):
        return _parse_modified(m, patterns)
    if m := _AGO.match(s):
        return _parse_count(m["n"], m["unit"], sign=-1 if m["dir"] in ("ago", "back") else 1)
    if m := _IN_N.match(s):
        return _parse_count(m["n"], m["unit"], sign=1)
    if re.match(rf"^(?:{_VAGUE_RE}|\d+|{_NUMBER_RE}) {_UNIT_RE}$", s) or _NARRATIVE.search(s):
        return _Unresolvable()  # "two days", "the same day", "two days later"
    return None


def _parse_modified(m: re.Match[str], patterns: CalendarPatterns) -> _Expr | None:
    """ "last week", "this March", "next Friday", "summer 2017", "the weekend" ..."""
    mod = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
        m["mod"], m["mod"]
    )
    year = _int(m["y"])
    if m["weekday"]:
        return None if year else _Weekday(patterns.weekdays[m["weekday"]], mod)
    if m["month"]:
        return _Calendar(year, patterns.months[m["month"]], mod=None if year else mod)
    if m["season"]:
        return _Season(patterns.seasons[m["season"]], None if year else mod, year)
    if year:
        return None
    unit = m["unit"]
    if mod is None and unit != "weekend":
        return _Unresolvable()  # "the week", "the year": anaphoric
    offset = {"last": -1, "this": 0, "next": 1, None: None}[mod]
    if unit == "weekend" and mod == "this":
        offset = None  # "this weekend" in a past-tense clause is the one just gone
    return _Offset(cast(_Unit, unit), offset)


def _parse_count(number: str, unit: str, *, sign: int) -> _Expr:
    """ "three days ago", "in two weeks", "a few days ago"."""
    if number in _VAGUE_NUMBERS:
        return _Ref("PAST_REF" if sign < 0 else "FUTURE_REF")
    n = int(number) if number.isdigit() else _NUMBERS[number]
    if unit == "fortnight":
        unit, n = "week", 2 * n
    return _Offset(cast(_Unit, unit), sign * n)


def _duration(m: re.Match[str]) -> _Duration:
    """ "three years" P3Y, "two-hour" PT2H, "several weeks" PXW, "a decade" P10Y."""
    time, letter, factor = _DURATION_UNITS[m["unit"]]
    number = m["n"]
    if number is None:
        count = "X" if m["plural"] else str(factor)
    elif number.isdigit():
        count = str(int(number) * factor)
    elif number in _NUMBERS:
        count = str(_NUMBERS[number] * factor)
    elif "-" in number:  # "twenty-five"
        tens, ones = number.split("-")
        count = str((_NUMBERS[tens] + _NUMBERS[ones]) * factor)
    else:
        count = "X"  # "several", "a few", "recent"
    return _Duration(f"P{time}{count}{letter}")


def _int(text: str | None) -> int | None:
    return int(text) if text else None
