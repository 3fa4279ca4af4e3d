"""`resolve_date` for one expression and `resolve_dates` for an article's mentions in order:
story context first, then the grammar, ranges and the dateparser fallback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from eventwire.data.calendar_words import CalendarWords
from eventwire.records import DateMention, ResolvedDate, Span
from eventwire.resolve.dates.anchoring import _anchor
from eventwire.resolve.dates.dateparser_fallback import _fallback
from eventwire.resolve.dates.expressions import _UNKNOWN, _Point
from eventwire.resolve.dates.narrative import _narrative_context, _year_before_context
from eventwire.resolve.dates.parsing import _normalise, _parse
from eventwire.resolve.dates.patterns import _CLOCK, _DAY_PART_CODES, CalendarPatterns
from eventwire.resolve.dates.ranges import _resolve_range

__all__ = ["CalendarPatterns", "Tense", "resolve_date", "resolve_dates"]

Tense = Literal["past", "future", "unknown"]
_TENSES = frozenset({"past", "future", "unknown"})


def resolve_date(
    text: str,
    published: date | None,
    *,
    tense: Tense = "past",
    span: Span | None = None,
    patterns: CalendarPatterns | None = None,
) -> ResolvedDate:
    """Make one temporal expression absolute against the publication date.

    `text` is the expression as written ("Saturday's", "mid-December", "between 3 and 5 May");
    `tense` says whether the clause talks about the past or the future. The package docstring
    lists the anchoring rules. `patterns` are the pipeline's (`CalendarPatterns.build` of its
    lexicon's calendar words); without them the bundled words are read and compiled afresh.
    """
    if tense not in _TENSES:
        raise ValueError(f"tense must be one of {sorted(_TENSES)}, got {tense!r}")
    if isinstance(published, datetime):  # a datetime is a date; keep only its calendar day
        published = published.date()
    patterns = patterns if patterns is not None else _bundled_patterns()
    point = _resolve_cached(text, published, tense, patterns)
    timex = None if point.timex == point.value else point.timex
    return ResolvedDate(
        value=point.value,
        precision=point.precision,
        text=text,
        span=span,
        timex=timex,
        anchored=point.anchored,
    )


def resolve_dates(
    mentions: Sequence[DateMention],
    published: date | None,
    tenses: Sequence[str] | None = None,
    *,
    patterns: CalendarPatterns | None = None,
) -> list[ResolvedDate]:
    """Resolve every mention of one article; `tenses` (one per mention) override the tense
    each mention carries. `patterns` as for `resolve_date`."""
    patterns = patterns if patterns is not None else _bundled_patterns()
    if tenses is None:
        tenses = [mention.tense for mention in mentions]
    elif len(tenses) != len(mentions):
        raise ValueError(f"got {len(tenses)} tenses for {len(mentions)} date mentions")
    resolved: list[ResolvedDate] = []
    named: list[ResolvedDate] = []  # dates the text names itself, as context for "a year earlier"
    for mention, tense in zip(mentions, tenses, strict=True):
        if tense not in _TENSES:
            raise ValueError(f"tense must be one of {sorted(_TENSES)}, got {tense!r}")
        found = _year_before_context(mention, named, patterns) or _narrative_context(mention, named, patterns)
        if found is None:
            found = resolve_date(
                mention.span.text, published, tense=tense, span=mention.span, patterns=patterns  # type: ignore[arg-type]
            )
            if found.value is not None:
                named.append(found)
        resolved.append(found)
    return resolved


def _bundled_patterns() -> CalendarPatterns:
    return CalendarPatterns.build(CalendarWords.load())


# Memoises a pure function of its arguments (the patterns by identity), not data: articles
# repeat "Saturday", and the dateparser path is slow.
@lru_cache(maxsize=4096)
def _resolve_cached(text: str, published: date | None, tense: str, patterns: CalendarPatterns) -> _Point:
    point = _resolve_text(_normalise(text, patterns), published, tense, patterns)
    if point.precision == "day" and point.value and point.timex in (None, point.value):
        if suffix := _time_of_day(text):  # "Friday morning": TimeML's 2018-01-05TMO
            return replace(point, timex=point.value + suffix)
    return point


def _time_of_day(text: str) -> str | None:
    """TimeML's time suffix of an expression: "T22:00" for "10 p.m.", "TMO" for "morning"."""
    s = text.lower().replace(".", "")
    if m := _CLOCK.search(s):
        hour = int(m["h"]) % 12 + (12 if m["ampm"] == "pm" else 0)
        return f"T{hour:02d}:{m['m'] or '00'}"
    return next((code for pattern, code in _DAY_PART_CODES if pattern.search(s)), None)


def _resolve_text(s: str, published: date | None, tense: str, patterns: CalendarPatterns) -> _Point:
    if not s:
        return _UNKNOWN
    try:
        expr = _parse(s, patterns)
        if expr is not None:
            return _anchor(expr, published, tense)
        if (interval := _resolve_range(s, published, tense, patterns)) is not None:
            return interval
        return _fallback(s, published, tense, patterns)
    except (OverflowError, ValueError):
        return _UNKNOWN  # "100000 days ago", year 0: outside the calendar `date` can hold
