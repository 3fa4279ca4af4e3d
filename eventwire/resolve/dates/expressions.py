"""What the grammar makes of an expression (`_Expr`: a calendar date with parts missing, a
weekday, an offset from the publication ...) and the anchored result (`_Point`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from eventwire.records import Precision


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
