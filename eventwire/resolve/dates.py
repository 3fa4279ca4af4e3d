"""Anchor temporal expressions to the publication date.

`resolve_date("Saturday", date(2018, 1, 12))` gives 2018-01-06: newswire dates are mostly
relative ("on Saturday", "last week", "mid-December") and only mean something against the day
the report was published. Parsing happens in two steps: our own small grammar classifies the
expression (weekday, month, "N days ago", "last week", range ...), then explicit rules anchor it.
dateparser is the fallback for explicit dates in formats the grammar does not know ("05.05.2016",
"a fortnight ago"). Measured on TimeBank+AQUAINT: 65 of ~2,000 expressions reach it, 6 get a
value (one of them right), and it costs ~17 ms a call, so it stays a fallback (results cached).

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
  "mid-December") work the same way by month. One exception for the past tense: when that
  occurrence is over nine months back and the next one more than a week ahead, the clause is a
  schedule told in the past ("declared a dividend payable Dec. 15", told in October) and the
  next one is taken (TempEval-3 training: eight such cases right, three wrong). "this March"
  is March of the publication year, "last March" the latest March strictly before the
  publication month, "next March" the earliest strictly after.
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
* **Narrative anchors** ("two days later", "that day", "the following year", "the next
  morning") count from the date the story last named, at the unit's precision; `resolve_date`
  alone, without the story, gives precision "unknown" for them. "a year earlier" and "the
  year-ago quarter" in earnings news are the quarter last named, a year back ("1988-Q3").
* **Durations** ("three years", "the past two months", "a two-hour meeting") are no dates:
  `value` None, precision "unknown", `timex` the TimeML duration ("P3Y", "P2M", "PT2H", "PXY"
  for "years").
* **Quarters and halves**: "the third quarter" 2017-Q3, "the second half of 1989" 1989-H2 (year
  precision). "the quarter" and "the latest quarter" of business news are the latest that has
  ended; "the current quarter" the one under way. "the year", "fiscal 1989", "year-end": years.
* **Holidays**: fixed (Christmas) and movable (Thanksgiving, Easter, US Election Day) ones,
  anchored like a day of the month without a year.
* **Times of day** stay out of `value` but go into `timex` as TimeML writes them: "Friday
  morning" 2018-01-05TMO, "10 p.m. Tuesday" 2018-01-09T22:00 (TMO, TAF, TEV, TNI).
* **Times and time zones never shift a date**: clock times and zone names are dropped before
  parsing the date, and nothing is converted between zones.
* **Transcripts** spell years and days out: "nineteen ninety-six", "March eighth", "the
  nineties" read as 1996, March 8, the 1990s.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Literal, cast

from dateparser.date import DateDataParser  # type: ignore[import-untyped]
from dateutil.easter import easter  # type: ignore[import-untyped]

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
# Years as spoken in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}  # fmt: skip
_SPOKEN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_SPOKEN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9}  # fmt: skip
_SPOKEN_YEAR = re.compile(
    rf"\b(?P<century>eighteen|nineteen|twenty) (?:(?P<teen>{'|'.join(_SPOKEN_TEENS)})|"
    rf"(?P<tens>{'|'.join(_SPOKEN_TENS)})(?:[- ](?P<ones>{'|'.join(_SPOKEN_ONES)}))?|(?P<hundred>hundred))\b"
    rf"|\btwo thousand(?:(?: and)? (?P<ones2000>{'|'.join(_SPOKEN_ONES)}))?\b"
)
_SPOKEN_DECADE = re.compile(r"\b(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b")
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_SPOKEN_ORDINAL_DAY = re.compile(
    r"\b(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)"
    rf" (?:the )?(?:(?P<tens>twenty|thirty)[- ])?(?P<ordinal>{'|'.join(_ORDINAL_WORDS)})\b"
)
_VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of")
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
}  # fmt: skip
# Holidays that move: (month, ISO weekday, which one; -1 the last). Easter comes from dateutil.
_MOVABLE_HOLIDAYS = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "election day": (11, 2, 0), "easter": (0, 0, 0), "easter sunday": (0, 0, 0),
}  # fmt: skip
_REFS = {
    "PRESENT_REF": ("now", "right now", "current", "currently", "presently", "at present", "nowadays",
                    "at the moment", "these days", "at this time"),
    "PAST_REF": ("recent", "recently", "lately", "previously", "formerly", "earlier", "past", "the past",
                 "in the past", "recent days", "recent weeks", "recent months", "recent years",
                 "the other day", "a while ago", "some time ago", "more recently"),
    "FUTURE_REF": ("soon", "shortly", "later", "future", "the future", "in the future", "the coming days",
                   "the coming weeks", "the coming months", "the coming years",
                   "the days ahead", "the weeks ahead", "the months ahead", "near future",
                   "distant future", "near term", "short term", "long term"),
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
    rf"^(?:at least|on|in(?!\s+(?:{_NUMBER_RE})\s+(?:day|week|fortnight|month|year)s?\b)|at|by|since|"
    r"until|till|during|over|around|about|circa|approximately|as of|sometime|nearly|almost|roughly|"
    r"just|only|more than|less than|barely|"
    r"as early as|as late as|no later than|before|after|the|early|mid|late|"
    r"the (?:end|beginning|start|middle|turn) of|"
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
    r"^(?:(?:its|their|a|an) )?"
    r"(?:(?P<rel>this|last|next) year'?s? |(?P<y1>\d{4}) |(?P<earlier>year[- ](?:earlier|ago)) )?"
    r"(?:fiscal[- ])?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter"
    r"|q(?P<q>[1-4]))(?:(?: of)?(?: fiscal)? (?P<y>\d{4}))?$"
)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Anaphoric quarters of business news: "the quarter" is the latest that has ended, "the current
# quarter" the one under way.
_QUARTER_ANAPHOR = re.compile(
    r"^(?:its |this |the )?(?:(?P<mod>latest|current|last|next|this|fiscal|same|most recent) )?quarter$"
)
_YEAR_ANAPHOR = re.compile(
    r"^(?:its |this |the )?(?:current |fiscal |full |calendar )*year(?:[- ]end|'s end)?$|^end of the year$"
)
# "a year earlier", "the year-ago quarter": one year before the period the story is about.
_YEAR_EARLIER = re.compile(
    r"^(?:the )?(?:(?:a|one) year (?:earlier|ago|before)|year[- ](?:earlier|ago)|"
    r"(?:comparable |corresponding )?year[- ](?:earlier|ago) (?:\w+ )?(?:quarter|period)|"
    r"(?:the )?quarter a year (?:ago|earlier))$"
)
_DURATION_UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
    "night": ("", "D", 1), "week": ("", "W", 1), "fortnight": ("", "W", 2), "month": ("", "M", 1),
    "quarter": ("", "Q", 1), "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100),
    "centurie": ("", "Y", 100),
}  # fmt: skip
_DURATION_VALUE = re.compile(
    r"^(?:the\s+)?(?:(?:past|last|next|first|final|previous|following|coming|entire|whole|full|"
    r"more than|less than|nearly|almost|about|around|at least|up to|over|under|another|"
    r"additional|within|some|only|just)\s+)*"
    rf"(?:(?P<n>{_NUMBER_RE}|{_VAGUE_RE}|recent|(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))[\s-]+)?(?:more\s+)?"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
    r"(?P<plural>s)?(?:[\s-]+(?:long|old|or so))?$"
)
_PERIOD_OF = re.compile(r"^the (?:past|last|next|first|entire|whole|full|coming|previous|following) ")
# Narrative anchors, matched on the lower-cased text ("the next week" is narrative, "next week"
# counts from the publication date).
_NARRATIVE_UNIT = r"(?P<unit>day|morning|night|evening|afternoon|week|month|year)"
_NARRATIVE_ANCHORS = (
    re.compile(rf"^(?:(?:earlier|later) )?(?:that|the same) {_NARRATIVE_UNIT}$"),
    re.compile(rf"^the (?P<dir>following|next|previous|preceding) {_NARRATIVE_UNIT}$"),
    re.compile(r"^the (?P<unit>day) (?P<dir>before|after)$"),
    re.compile(rf"^(?P<n>{_NUMBER_RE}) (?P<unit>day|week|month|year)s? (?P<dir>later|earlier|after|before)$"),
)
_HOLIDAY = re.compile(r"^(?:(?P<mod>last|next|this) )?(?P<h>[a-z' ]+?)(?: (?P<y>\d{4}))?$")
_HALF = re.compile(
    r"^(?:the )?(?:(?P<half>first|second|last|latter) half|first two quarters) of "
    r"(?:(?:the|this) year|(?P<y>\d{4}))$"
)
_DAY_MOD = re.compile(r"^(this past|this coming|last|next|this) ")
_QUARTER_TIMEX = re.compile(r"^\d{4}-Q[1-4]$")
_ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CLOCK = re.compile(r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>am|pm)\b")
_DAY_PART_CODES = (
    (re.compile(r"\b(?:noon|midday)\b"), "T12:00"),
    (re.compile(r"\bmorning\b"), "TMO"),
    (re.compile(r"\bafternoon\b"), "TAF"),
    (re.compile(r"\bevening\b"), "TEV"),
    (re.compile(r"\b(?:night|overnight|tonight)\b"), "TNI"),
)
_RELATIVE_YEAR = re.compile(r"^(?P<date>.+?) (?:of )?(?P<mod>last|this|next) year$")
_ISO_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_ISO_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")
_YEAR = re.compile(r"^(?:(?:the )?(?:fiscal |calendar )?year |fiscal )?(?P<y>[12]\d{3})$")
_DAY_ONLY = re.compile(rf"^(?:the )?(?P<d>\d{{1,2}}){_ORD}(?: (?P<y>\d{{4}}))?$")  # "5", "5 2016"
_AGO = re.compile(rf"^(?P<n>{_NUMBER_RE}|{_VAGUE_RE})\s+{_UNIT_RE}\s+(?P<dir>ago|back|from now|hence)$")
_IN_N = re.compile(rf"^in\s+(?P<n>{_NUMBER_RE})\s+{_UNIT_RE}(?: time)?$")
_RANGE = (
    re.compile(r"^(?:between\s+)(?P<a>.+?)\s+and\s+(?P<b>.+)$"),
    re.compile(r"^(?:from\s+)(?P<a>.+?)\s+(?:to|until|till|through|-)\s+(?P<b>.+)$"),
    re.compile(r"^(?P<a>[^-]+?)\s*(?:-|\bto\b|\bthrough\b|\buntil\b)\s*(?P<b>[^-]+)$"),
    re.compile(r"^(?P<a>[^-]+?)\s+and\s+(?P<b>[^-]+)$"),
)
# A past-tense clause rarely means a day more than nine months back without giving the year:
# "payable Dec. 15 to holders of record Nov. 17", told in the past in October, is ahead.
# (TempEval-3 training: nine months did better than six or four.)
_PAST_REACH_DAYS = 270
_PAST_REACH_MONTHS = 9
_SCHEDULE_LEAD_DAYS = 7
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
        weekday_prefix=re.compile(
            rf"^(?:(?:this coming|this past|this|next|last) )?(?P<weekday>{weekday_re})\s+"
            rf"(?=\d|(?:{month_re})\b)"
        ),
        modified=re.compile(
            rf"^(?:(?P<mod>last|this|next|this past|this coming|coming|past)\s+)?"
            rf"(?:(?P<weekday>{weekday_re})|(?P<month>{month_re})|(?P<season>{season_re})"
            rf"|(?P<unit>week|weekend|month|year))(?: (?:of )?(?P<y>\d{{4}}))?$"
        ),
        earlier_later=re.compile(
            rf"\b(?:earlier|later) "
            rf"(?=this|last|next|in\b|today|yesterday|tomorrow|tonight|(?:{weekday_re})\b)"
        ),
        # A lone small number is no date: dateparser reads "4 in the (morning)" as April 2001.
        date_like=re.compile(rf"\d{{4}}|\d[./-]\d|\b(?:{month_re}|{weekday_re}|ago)\b"),
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
    year_offset: int | None = None  # "last year's third quarter"
    half: bool = False  # a half year: "1989-H2"


@dataclass(frozen=True, slots=True)
class _Holiday:
    """A named day: "Christmas", "last Thanksgiving", "Easter 2016"."""

    name: str
    year: int | None
    mod: str | None


@dataclass(frozen=True, slots=True)
class _Ref:
    """A TimeML value with no ISO date: PRESENT_REF, PAST_REF, FUTURE_REF, "199" (the 1990s)."""

    timex: str


@dataclass(frozen=True, slots=True)
class _Duration:
    """A length of time: no date, only the TimeML value ("P3Y", "PT5H", "PXM")."""

    timex: str


@dataclass(frozen=True, slots=True)
class _LatestQuarter:
    """ "the quarter" of business news: the latest ended (offset -1) or the current one (0)."""

    offset: int


@dataclass(frozen=True, slots=True)
class _Unresolvable:
    """Understood but not anchorable to the publication date (narrative anchors, durations)."""


_Expr = (
    _Calendar
    | _Weekday
    | _Offset
    | _Season
    | _Quarter
    | _Holiday
    | _Ref
    | _Duration
    | _LatestQuarter
    | _Unresolvable
)


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
    resolved: list[ResolvedDate] = []
    named: list[ResolvedDate] = []  # dates the text names itself, as context for "a year earlier"
    for mention, tense in zip(mentions, tenses, strict=True):
        if tense not in _TENSES:
            raise ValueError(f"tense must be one of {sorted(_TENSES)}, got {tense!r}")
        found = _year_before_context(mention, named) or _narrative_context(mention, named)
        if found is None:
            found = resolve_date(mention.span.text, published, tense=tense, span=mention.span)  # type: ignore[arg-type]
            if found.value is not None:
                named.append(found)
        resolved.append(found)
    return resolved


def _year_before_context(mention: DateMention, earlier: Sequence[ResolvedDate]) -> ResolvedDate | None:
    """ "a year earlier", "the year-ago quarter": a year before the period the story is about.

    In earnings news that is the quarter last named ("third-quarter profit ... a year earlier"
    is 1988-Q3); otherwise "a year ago" counts from the publication date and "a year earlier"
    from the date last named, at its precision.
    """
    s = _normalise(mention.span.text)
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


def _narrative_context(mention: DateMention, earlier: Sequence[ResolvedDate]) -> ResolvedDate | None:
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


# --------------------------------------------------------------------------- normalising


@lru_cache(maxsize=4096)  # pure, and called again for the story context of each mention
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


def _parse(s: str) -> _Expr | None:
    """Classify a normalised expression; None when the grammar does not know it."""
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
    patterns = _calendar_patterns()
    prefix = patterns.weekday_prefix.match(s)
    weekday = patterns.weekdays[prefix["weekday"]] if prefix else None
    s = patterns.weekday_prefix.sub("", s)  # "Saturday, May 5, 2016": the date decides
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
        inner = _parse(m["date"])
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


# --------------------------------------------------------------------------- anchoring


@lru_cache(maxsize=4096)  # pure; articles repeat "Saturday", and the dateparser path is slow
def _resolve_cached(text: str, published: date | None, tense: str) -> _Point:
    point = _resolve_text(_normalise(text), published, tense)
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
        back, ahead = _distance(ref, before), _distance(after, ref)
        if tense == "future":
            chosen = keys[after]
        elif ahead < back and (
            tense == "unknown" or _schedule_told_in_past(back, ahead, day_level=bool(day))
        ):
            chosen = keys[after]  # the nearer occurrence; ties go to the past
        else:
            chosen = keys[before]
    if not _valid(chosen, month, day):
        return _UNKNOWN  # "this February 29" in a common year
    return _calendar_point(chosen, month, day, anchored=True)


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
