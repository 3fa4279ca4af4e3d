"""The words and patterns the date grammar reads: numbers, spoken years, holidays, vague
references, and the regular expressions of each kind of expression."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.data.calendar_words import CalendarWords

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
_RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "tomorrow night": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: a memo key
class CalendarPatterns:
    """The patterns built from the calendar words (data/calendar_words.tsv), once per lexicon."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    weekday_prefix: re.Pattern[str]
    modified: re.Pattern[str]
    earlier_later: re.Pattern[str]  # "earlier this month", "earlier Thursday"
    date_like: re.Pattern[str]

    @classmethod
    def build(cls, words: CalendarWords) -> CalendarPatterns:
        return _calendar_patterns(words)


def _calendar_patterns(words: CalendarWords) -> CalendarPatterns:
    month_re = "|".join(sorted(words.months, key=len, reverse=True))
    weekday_re = "|".join(sorted(words.weekdays, key=len, reverse=True))
    season_re = "|".join(words.seasons)
    return CalendarPatterns(
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
