"""Anchor temporal expressions to the publication date.

`resolve_date("Saturday", date(2018, 1, 12))` gives 2018-01-06: newswire dates are mostly
relative ("on Saturday", "last week", "mid-December") and only mean something against the day
the report was published. Parsing happens in two steps: our own small grammar classifies the
expression (weekday, month, "N days ago", "last week", range ...), then explicit rules anchor it.
dateparser is the fallback for explicit dates in formats the grammar does not know ("05.05.2016",
"a fortnight ago").

Decisions, so that every caller can rely on them:

* **Tense** of the clause: "past" picks the most recent occurrence, "future" the next one.
  "unknown" picks the nearer occurrence for months and days of the month (ties go to the past)
  and the past one for everything else. Measured on the TempEval-3 training timexes (gold
  spans, no tense): month names without a year are within six months of the publication in
  217 of 236 cases, 62 of them ahead; weekdays point back in 174 of 197 cases.
* **Weekdays**: a weekday that is the publication's own weekday is the publication day itself:
  wire style writes "said Friday", not "said today" (TempEval-3: 146 of 150 such mentions).
  Other weekdays are the latest one before the publication date (past, unknown) or the first
  one after it (future). "last Friday" is strictly before, "next Friday" strictly after, and
  "this Friday" the Friday of the publication's ISO week, whatever the tense.
* **Month and day without a year** ("November 22"): the latest such day on or before the
  publication date (past) or the earliest on or after it (future). Bare months ("December",
  "mid-December") work the same way by month. "this March" is March of the publication year,
  "last March" the latest March strictly before the publication month, "next March" the
  earliest strictly after.
* **Week precision** carries `value` = the Monday of the ISO week (YYYY-MM-DD, so the field
  stays a plain ISO date) and `timex` = the TimeML week ("2018-W01"). A weekend carries the
  Saturday and "2018-W01-WE".
* **Seasons** get year precision: `value` the season's year, `timex` "2017-SU". A winter belongs
  to the year of its January (Dec 2017 - Feb 2018 is 2018-WI); northern hemisphere seasons.
* **Ranges** ("between 3 and 5 May", "May 3-5", "2015-2016") resolve to the *start* (value and
  precision); `timex` holds the ISO 8601 interval "2018-05-03/2018-05-05".
* **Modifiers** ("early", "mid-", "late", "the end of") are dropped: "mid-December" has month
  precision. TimeML keeps them in a `mod` attribute that `ResolvedDate` does not have. "the end
  of the year" (month, week) is this year's: news looks from the publication date there.
* **Vague references** ("recently", "now", "in the coming days") give `value` None with the
  TimeML `timex` PAST_REF / PRESENT_REF / FUTURE_REF; "now" with a publication date is that day.
* **No publication date**: absolute expressions still resolve; relative ones give value None,
  precision "unknown", anchored False, and where TimeML has an underspecified form it goes into
  `timex` ("XXXX-WXX-6" for Saturday, "XXXX-12" for December, "XXXX-WI").
* **Narrative anchors** ("two days later", "the same day", "the previous week") depend on
  another date in the story, not on the publication date: they give precision "unknown".
* **Times and time zones never shift a date**: clock times and zone names are dropped before
  parsing, and nothing is converted between zones.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Literal, cast

from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from eventwire.data.calendar_words import calendar_words
from eventwire.records import DateMention, Precision, ResolvedDate, Span

__all__ = ["Tense", "resolve_date", "resolve_dates"]

Tense = Literal["past", "future", "unknown"]
_TENSES = frozenset({"past", "future", "unknown"})

# --------------------------------------------------------------------------- language data

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "a couple of": 2, "couple of": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
# Counts too vague to compute with: "a few days ago" is only "in the recent past".
_VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of")
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
}  # fmt: skip
_REFS = {
    "PRESENT_REF": ("now", "right now", "current", "currently", "presently", "at present", "nowadays",
                    "at the moment", "these days", "at this time"),
    "PAST_REF": ("recent", "recently", "lately", "previously", "formerly", "earlier", "past", "the past",
                 "in the past", "recent days", "recent weeks", "recent months", "recent years",
                 "the other day", "a while ago", "some time ago"),
    "FUTURE_REF": ("soon", "shortly", "later", "future", "the future", "in the future", "the coming days",
                   "the coming weeks", "the coming months", "the coming years",
                   "the days ahead", "the weeks ahead", "the months ahead"),
}  # fmt: skip
_REF_OF = {phrase: ref for ref, phrases in _REFS.items() for phrase in phrases}

_VAGUE_RE = "|".join(_VAGUE_NUMBERS)
_UNIT_RE = r"(?P<unit>day|week|fortnight|month|year)s?"
_ORD = r"(?:st|nd|rd|th)?"

# Clock times and zone names: dropped so that "5 May 2016 23:30 EST" stays on 5 May.
_TIME_OF_DAY = re.compile(
    r"\b(?:at\s+)?(?:\d{1,2}(?::\d{2}){0,2}\s*(?:am|pm)|\d{1,2}:\d{2}(?::\d{2})?|noon|midday|"
    r"midnight|dawn|dusk|daybreak|nightfall|sunrise|sunset)\b"
    r"|\b(?:local time|gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|eet|eest|bst|msk|ist)\b"
)
_DAY_PARTS = re.compile(
    r"\b(?:(?:in|during|on)\s+)?(?:the\s+)?(?:early|small|wee)?\s*"
    r"(?:hours|morning|afternoon|evening|night)\s+of\b"
    r"|\b(?:early|late)?\s*(?:morning|afternoon|evening|night|overnight)\b"
)
_NUMBER_RE = "|".join([r"\d+", *sorted(_NUMBERS, key=len, reverse=True)])
_LEADING_WORDS = re.compile(
    # "in" stays before a count: "in three days" is a future date, "in 2011" just a year.
    rf"^(?:on|in(?!\s+(?:{_NUMBER_RE})\s+(?:day|week|fortnight|month|year)s?\b)|at|by|since|"
    r"until|till|during|over|around|about|circa|approximately|as of|"
    r"as early as|as late as|no later than|before|after|the|early|mid|late|"
    r"the (?:end|beginning|start|middle|first half|second half|turn) of|"
    r"(?:end|beginning|start|middle) of)\b\s*"
)
_DURATION = re.compile(
    rf"^(?:the\s+)?(?:(?:past|last|next|first|final|previous|following|coming|entire|whole|full)"
    rf"\s+)?(?:(?:{_NUMBER_RE}|{_VAGUE_RE})\s+)?(?:days|weeks|months|years|decades)$"
    rf"|^the\s+(?:past|last|entire|whole|full)\s+(?:day|week|month|year|decade)$"
)
_NARRATIVE = re.compile(r"\b(?:later|earlier|before|after|previous|following|same|that|prior)\b")

_DECADE = re.compile(r"^(?P<decade>1\d\d|20\d)0s$")  # TimeML writes the 1990s as "199"
_QUARTER = re.compile(
    r"^(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|q(?P<q>[1-4]))"
    r"(?:(?: of)? (?P<y>\d{4}))?$"
)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_RELATIVE_YEAR = re.compile(r"^(?P<date>.+?) (?:of )?(?P<mod>last|this|next) year$")
_ISO_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_ISO_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")
_YEAR = re.compile(r"^(?:(?:the )?year )?(?P<y>[12]\d{3})$")
_DAY_ONLY = re.compile(rf"^(?:the )?(?P<d>\d{{1,2}}){_ORD}(?: (?P<y>\d{{4}}))?$")  # "5", "5 2016"
_AGO = re.compile(rf"^(?P<n>{_NUMBER_RE}|{_VAGUE_RE})\s+{_UNIT_RE}\s+(?P<dir>ago|back|from now|hence)$")
_IN_N = re.compile(rf"^in\s+(?P<n>{_NUMBER_RE})\s+{_UNIT_RE}(?: time)?$")
_RANGE = (
    re.compile(r"^(?:between\s+)(?P<a>.+?)\s+and\s+(?P<b>.+)$"),
    re.compile(r"^(?:from\s+)(?P<a>.+?)\s+(?:to|until|till|through|-)\s+(?P<b>.+)$"),
    re.compile(r"^(?P<a>[^-]+?)\s*(?:-|\bto\b|\bthrough\b|\buntil\b)\s*(?P<b>[^-]+)$"),
    re.compile(r"^(?P<a>[^-]+?)\s+and\s+(?P<b>[^-]+)$"),
)
_RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "tomorrow night": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _CalendarPatterns:
    """The patterns built from the calendar words (data/calendar_words.tsv)."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    weekday_prefix: re.Pattern[str]
    modified: re.Pattern[str]
    earlier_later: re.Pattern[str]  # "earlier this month", "earlier Thursday"
    date_like: re.Pattern[str]


@cache  # built on first use: the words come from a data file, never read at import
def _calendar_patterns() -> _CalendarPatterns:
    words = calendar_words()
    month_re = "|".join(sorted(words.months, key=len, reverse=True))
    weekday_re = "|".join(sorted(words.weekdays, key=len, reverse=True))
    season_re = "|".join(words.seasons)
    return _CalendarPatterns(
        months=words.months,
        weekdays=words.weekdays,
        seasons=words.seasons,
        day_month=re.compile(
            rf"^(?P<d>\d{{1,2}}){_ORD}(?: of)? (?P<month>{month_re})(?: (?:of )?(?P<y>\d{{4}}))?$"
        ),
        month_day=re.compile(rf"^(?P<month>{month_re}) (?:the )?(?P<d>\d{{1,2}}){_ORD}(?: (?P<y>\d{{4}}))?$"),
        weekday_prefix=re.compile(rf"^(?:{weekday_re})\s+(?=\d|(?:{month_re})\b)"),
        modified=re.compile(
            rf"^(?:(?P<mod>last|this|next|this past|this coming|coming|past)\s+)?"
            rf"(?:(?P<weekday>{weekday_re})|(?P<month>{month_re})|(?P<season>{season_re})"
            rf"|(?P<unit>week|weekend|month|year))(?: (?:of )?(?P<y>\d{{4}}))?$"
        ),
        earlier_later=re.compile(rf"\b(?:earlier|later) (?=this|last|next|in\b|(?:{weekday_re})\b)"),
        date_like=re.compile(rf"\d|\b(?:{month_re}|{weekday_re}|ago)\b"),
    )


# --------------------------------------------------------------------------- parsed expressions


@dataclass(frozen=True, slots=True)
class _Calendar:
    """A calendar date with parts possibly missing: "November 22" has no year."""

    year: int | None
    month: int | None = None
    day: int | None = None
    mod: str | None = None  # last / this / next, for "last December"
    year_offset: int | None = None  # "May last year": the year relative to the publication
    weekday: int | None = None  # "Saturday, April 25": the weekday tells the year


@dataclass(frozen=True, slots=True)
class _Weekday:
    weekday: int  # ISO: Monday 1 .. Sunday 7
    mod: str | None


_Unit = Literal["day", "week", "weekend", "month", "year"]


@dataclass(frozen=True, slots=True)
class _Offset:
    """A unit counted from the publication date: "last week" is (week, -1), "today" (day, 0)."""

    unit: _Unit
    offset: int | None  # None: "the weekend", which takes its direction from the tense


@dataclass(frozen=True, slots=True)
class _Season:
    season: str  # TimeML code: SP SU FA WI
    mod: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class _Quarter:
    year: int | None
    quarter: int


@dataclass(frozen=True, slots=True)
class _Ref:
    """A TimeML value with no ISO date: PRESENT_REF, PAST_REF, FUTURE_REF, "199" (the 1990s)."""

    timex: str


@dataclass(frozen=True, slots=True)
class _Unresolvable:
    """Understood but not anchorable to the publication date (narrative anchors, durations)."""


_Expr = _Calendar | _Weekday | _Offset | _Season | _Quarter | _Ref | _Unresolvable


@dataclass(frozen=True, slots=True)
class _Point:
    """An anchored result before it becomes a `ResolvedDate`."""

    value: str | None
    precision: Precision
    timex: str | None
    anchored: bool
    start: date | None = None  # first day covered, to compute range ends against


_UNKNOWN = _Point(None, "unknown", None, False)


# --------------------------------------------------------------------------- public API


def resolve_date(
    text: str,
    published: date | None,
    *,
    tense: Tense = "past",
    span: Span | None = None,
) -> ResolvedDate:
    """Make one temporal expression absolute against the publication date.

    `text` is the expression as written ("Saturday's", "mid-December", "between 3 and 5 May");
    `tense` says whether the clause talks about the past or the future. The module docstring
    lists the anchoring rules.
    """
    if tense not in _TENSES:
        raise ValueError(f"tense must be one of {sorted(_TENSES)}, got {tense!r}")
    if isinstance(published, datetime):  # a datetime is a date; keep only its calendar day
        published = published.date()
    point = _resolve_cached(text, published, tense)
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
) -> list[ResolvedDate]:
    """Resolve every mention of one article; `tenses` (one per mention) override the tense
    each mention carries."""
    if tenses is None:
        tenses = [mention.tense for mention in mentions]
    elif len(tenses) != len(mentions):
        raise ValueError(f"got {len(tenses)} tenses for {len(mentions)} date mentions")
    resolved = []
    for mention, tense in zip(mentions, tenses, strict=True):
        if tense not in _TENSES:
            raise ValueError(f"tense must be one of {sorted(_TENSES)}, got {tense!r}")
        resolved.append(
            resolve_date(mention.span.text, published, tense=tense, span=mention.span)  # type: ignore[arg-type]
        )
    return resolved


# --------------------------------------------------------------------------- normalising


def _normalise(text: str) -> str:
    """Lower-case the expression and strip what does not change the date it names."""
    s = text.lower().strip()
    s = s.translate({0x2019: "'", 0x2018: "'", 0x2013: "-", 0x2014: "-", 0x2011: "-", 0x2010: "-"})
    s = re.sub(r"(?<=[a-z])\.", "", s)  # "Dec. 31", "a.m."
    s = re.sub(r"[,;()]", " ", s)
    s = re.sub(r"'s?$", "", s.strip(" .'\""))  # "Saturday's"
    s = re.sub(r"\bmid\s*-\s*", "", s)  # "mid-December"
    s = re.sub(r"(?<=\d)(?=[a-z]{3,})", " ", s)  # "5May2016"
    s = re.sub(r"^(\d{4}-\d{2}-\d{2})t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?$", r"\1", s)  # timestamps
    s = re.sub(r"\s+", " ", s).strip()
    if s in _RELATIVE_DAYS:  # before day parts go: "last night" is yesterday
        return s
    s = _TIME_OF_DAY.sub(" ", s)
    if s not in _RELATIVE_DAYS:
        s = _DAY_PARTS.sub(" ", s)
    # "earlier this month", and AP style "earlier Thursday" (on Thursday, before the report).
    s = _calendar_patterns().earlier_later.sub("", s)
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
    return s


# --------------------------------------------------------------------------- parsing


def _parse(s: str) -> _Expr | None:
    """Classify a normalised expression; None when the grammar does not know it."""
    if s in _RELATIVE_DAYS:
        return _Offset("day", _RELATIVE_DAYS[s])
    if s in _REF_OF:
        return _Ref(_REF_OF[s])
    if s in _HOLIDAYS:
        month, day = _HOLIDAYS[s]
        return _Calendar(None, month, day)
    if holiday := re.match(r"^(?P<h>.+?) (?P<y>\d{4})$", s):
        if holiday["h"] in _HOLIDAYS:
            month, day = _HOLIDAYS[holiday["h"]]
            return _Calendar(int(holiday["y"]), month, day)
    if _DURATION.match(s):
        return _Unresolvable()
    patterns = _calendar_patterns()
    weekday = patterns.weekdays[s.split()[0]] if patterns.weekday_prefix.match(s) else None
    s = patterns.weekday_prefix.sub("", s)  # "Saturday, May 5, 2016": the date decides
    if m := _ISO_DAY.match(s):
        return _Calendar(int(m["y"]), int(m["m"]), int(m["d"]))
    if (m := _ISO_MONTH.match(s)) and 1 <= int(m["m"]) <= 12:
        return _Calendar(int(m["y"]), int(m["m"]))
    if m := patterns.day_month.match(s) or patterns.month_day.match(s):
        return _Calendar(_int(m["y"]), patterns.months[m["month"]], int(m["d"]), weekday=weekday)
    if m := _RELATIVE_YEAR.match(s):  # "May last year", "22 November this year"
        inner = _parse(m["date"])
        if isinstance(inner, _Calendar) and inner.year is None and inner.mod is None and inner.month:
            offset = {"last": -1, "this": 0, "next": 1}[m["mod"]]
            return _Calendar(None, inner.month, inner.day, year_offset=offset)
    if m := _YEAR.match(s):
        return _Calendar(int(m["y"]))
    if m := _QUARTER.match(s):
        return _Quarter(_int(m["y"]), int(m["q"]) if m["q"] else _QUARTERS[m["ord"]])
    if m := _DECADE.match(s):
        return _Ref(m["decade"])  # no ISO value; only the TimeML form
    if m := patterns.modified.match(s):
        return _parse_modified(m)
    if m := _AGO.match(s):
        return _parse_count(m["n"], m["unit"], sign=-1 if m["dir"] in ("ago", "back") else 1)
    if m := _IN_N.match(s):
        return _parse_count(m["n"], m["unit"], sign=1)
    if re.match(rf"^(?:{_VAGUE_RE}|\d+|{_NUMBER_RE}) {_UNIT_RE}$", s) or _NARRATIVE.search(s):
        return _Unresolvable()  # "two days", "the same day", "two days later"
    return None


def _parse_modified(m: re.Match[str]) -> _Expr | None:
    """ "last week", "this March", "next Friday", "summer 2017", "the weekend" ..."""
    mod = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
        m["mod"], m["mod"]
    )
    year = _int(m["y"])
    if m["weekday"]:
        return None if year else _Weekday(_calendar_patterns().weekdays[m["weekday"]], mod)
    if m["month"]:
        return _Calendar(year, _calendar_patterns().months[m["month"]], mod=None if year else mod)
    if m["season"]:
        return _Season(_calendar_patterns().seasons[m["season"]], None if year else mod, year)
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


def _int(text: str | None) -> int | None:
    return int(text) if text else None


# --------------------------------------------------------------------------- anchoring


@lru_cache(maxsize=4096)  # pure; articles repeat "Saturday", and the dateparser path is slow
def _resolve_cached(text: str, published: date | None, tense: str) -> _Point:
    return _resolve_text(_normalise(text), published, tense)


def _resolve_text(s: str, published: date | None, tense: str) -> _Point:
    if not s:
        return _UNKNOWN
    try:
        expr = _parse(s)
        if expr is not None:
            return _anchor(expr, published, tense)
        if (interval := _resolve_range(s, published, tense)) is not None:
            return interval
        return _fallback(s, published, tense)
    except (OverflowError, ValueError):
        return _UNKNOWN  # "100000 days ago", year 0: outside the calendar `date` can hold


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
        # "Saturday, April 25": of the nearby years, the one where April 25 is a Saturday.
        fitting = [
            y
            for y in range(published.year - 1, published.year + 2)
            if _valid(y, month, day) and date(y, month, day).isoweekday() == expr.weekday
        ]
        if fitting:
            chosen = min(fitting, key=lambda y: abs((date(y, month, day) - published).days))
            return _calendar_point(chosen, month, day, anchored=True)
    if expr.year_offset is not None:
        chosen = published.year + expr.year_offset
        if not _valid(chosen, month, day):
            return _UNKNOWN
        return _calendar_point(chosen, month, day, anchored=True)
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
        if tense == "future":
            chosen = keys[after]
        elif tense == "unknown" and _distance(after, ref) < _distance(ref, before):
            chosen = keys[after]  # the nearer occurrence; ties go to the past
        else:
            chosen = keys[before]
    if not _valid(chosen, month, day):
        return _UNKNOWN  # "this February 29" in a common year
    return _calendar_point(chosen, month, day, anchored=True)


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
    """Year precision like seasons, TimeML "2017-Q3"; without a year the latest quarter that
    has begun (past) or the first that has not ended (future)."""
    year, quarter = expr.year, expr.quarter
    anchored = year is None
    if year is None:
        if published is None:
            return _Point(None, "unknown", f"XXXX-Q{quarter}", False)
        current = (published.month - 1) // 3 + 1
        year = published.year - (1 if quarter > current and not future else 0)
        year += 1 if quarter < current and future else 0
    return _Point(f"{year:04d}", "year", f"{year:04d}-Q{quarter}", anchored, date(year, 1, 1))


def _season_point(year: int, code: str, *, anchored: bool) -> _Point:
    return _Point(f"{year:04d}", "year", f"{year:04d}-{code}", anchored, date(year, 1, 1))


# --------------------------------------------------------------------------- ranges


def _resolve_range(s: str, published: date | None, tense: str) -> _Point | None:
    """ "between 3 and 5 May", "May 3-5", "5 May to 7 June 2016": the start, with the interval."""
    for pattern in _RANGE:
        if not (m := pattern.match(s)):
            continue
        first, last = _normalise(m["a"]), _normalise(m["b"])
        start_expr, end_expr = _parse(first), _parse(last)
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
    return expr is not None and not isinstance(expr, _Ref | _Unresolvable)


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


# --------------------------------------------------------------------------- dateparser fallback

# Two far-apart reference days: a result that does not move with the reference is absolute.
_PROBE_BASES = (datetime(2001, 3, 14), datetime(2013, 10, 2))
_PERIOD_PRECISION: dict[str, Precision] = {
    "day": "day", "time": "day", "week": "week", "month": "month", "year": "year",
}  # fmt: skip


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


def _dateparse(s: str, base: datetime, prefer: str) -> tuple[date, Precision] | None:
    data = _parser(base, prefer).get_date_data(s)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIOD_PRECISION.get(data.period or "day", "day")


def _fallback(s: str, published: date | None, tense: str) -> _Point:
    """Formats the grammar does not know ("05.05.2016", "a fortnight ago"), via dateparser."""
    if not _calendar_patterns().date_like.search(s):
        return _UNKNOWN  # nothing date-like: dateparser would read "now" into odd words
    prefer = "future" if tense == "future" else "past"
    probes = [_dateparse(s, base, prefer) for base in _PROBE_BASES]
    if probes[0] is None:
        return _UNKNOWN
    absolute = probes[0] == probes[1]
    if absolute:
        found, precision = probes[0]
        anchored = False
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
