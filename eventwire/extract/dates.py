"""Find the temporal expressions of a parsed document that can date an event.

Two sources are combined. spaCy's DATE entities find most expressions but also durations
("two years"), ages ("29-year-old"), frequencies ("annual") and the odd measurement, and they
miss some that matter in news: weekdays outside the NER's liking, "Saturday's", "mid-December",
"early May", "between 3 and 5 May", "in 2011". Patterns over the text add those; overlapping
candidates are merged, then non-points are dropped. What is kept is a point or a range in time,
relative or absolute; `eventwire.resolve.dates` anchors it to the publication date.

Spans never include a possessive "'s", nor the preposition before a date ("on Saturday" gives
"Saturday"), except the "between"/"from" that makes a range. Narrative anchors ("two days
later", "the same day") are kept when the NER finds them: they are points, only not anchored to
the publication date, and the resolver says so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.data.calendar_words import calendar_words
from eventwire.records import DateMention, Span

__all__ = ["extract_dates"]

# --------------------------------------------------------------------------- language data

_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = rf"(?:[0-3]?\d{_ORD})"
_MOD = r"(?:early|mid|late|the (?:end|beginning|start|middle) of)"
_RELATIVE = (
    r"(?:last|this|next|this past|this coming|earlier this|later this|late last|early last|"
    r"early next|earlier last)"
)
_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|a couple of|a few|several)"
)
# Signals that make a bare month or a four-digit number a date ("in May", "since 2011").
_CUE = r"(?:in|on|since|by|until|till|during|through|throughout|from|before|after|of|as of)"


@dataclass(frozen=True, slots=True)
class _CalendarAlternations:
    """Regex alternations of the calendar words, as the patterns below match them."""

    months: str  # "January|February|..."
    month_abbreviations: str  # only next to a day number: "Mar" or "Jun" alone are not dates
    weekdays: str
    seasons: str

    @property
    def month_any(self) -> str:
        return rf"(?:{self.months}|{self.month_abbreviations})"


@cache  # built on first use: the words come from a data file, never read at import
def _calendar_alternations() -> _CalendarAlternations:
    words = calendar_words()
    return _CalendarAlternations(
        months="|".join(w.capitalize() for w in words.month_names),
        month_abbreviations="(?:" + "|".join(w.capitalize() for w in words.month_abbreviations) + r")\.?",
        weekdays="|".join(w.capitalize() for w in words.weekday_names),
        seasons="|".join(words.seasons),
    )


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    names = _calendar_alternations()
    return tuple(
        re.compile(p)
        for p in (
            # Ranges: "between 3 and 5 May", "May 3-5". Their parts match below too; overlapping
            # matches are merged, so the range wins.
            rf"\b(?:[Bb]etween|[Ff]rom) {_DAY} (?:and|to|until|-) {_DAY} {names.month_any}(?:,? {_YEAR})?\b",
            rf"\b{_DAY} ?(?:-|to|and) ?{_DAY} {names.month_any}(?:,? {_YEAR})?\b",
            rf"\b{names.month_any} {_DAY} ?(?:-|to|and) ?{_DAY}\b(?:,? {_YEAR}\b)?",
            # Day and month, either order, optional weekday before and year after.
            rf"\b(?:(?:{names.weekdays}),? )?{_DAY}(?: of)? {names.month_any}(?:,? {_YEAR})?\b",
            rf"\b(?:(?:{names.weekdays}),? )?{names.month_any} {_DAY}\b(?:,? {_YEAR}\b)?",
            # Month (and year) with a modifier: "mid-December", "early May 2016", "last March".
            rf"(?i:\b(?:{_MOD}|{_RELATIVE})[- ])(?:{names.months})(?: {_YEAR})?\b",
            rf"\b(?:{names.months}),? {_YEAR}\b",
            rf"\b(?:{_DAY} )?(?:{names.months})(?: {_DAY})?,? (?:of )?(?i:last|this|next) year\b",
            rf"\b(?i:{_CUE}) (?P<d>{names.months})\b",
            # Weekdays, with what changes their meaning: "last Friday", "early Sunday".
            rf"(?i:\b(?:{_RELATIVE}|early|late) )?\b(?:{names.weekdays})\b",
            # Relative to the publication date.
            rf"(?i)\b(?:{_RELATIVE}|{_MOD}) (?:week|weekend|month|year|{names.seasons})\b",
            r"(?i)\b(?:today|yesterday|tomorrow|tonight|last night|"
            r"this (?:morning|afternoon|evening))\b",
            r"(?i)\bthe (?:day before yesterday|day after tomorrow)\b",
            rf"(?i)\b{_NUMBER} (?:days?|weeks?|fortnights?|months?|years?) ago\b",
            r"(?i)\b(?:over|at|during) (?P<d>the weekend)\b",
            # A year needs a signal or a modifier: a bare 2011 may be a count.
            rf"\b(?i:{_CUE}) (?P<d>(?:(?i:{_MOD})[- ])?{_YEAR})\b(?![-/.,]?\d)",
            rf"(?i:\b{_MOD}[- ]){_YEAR}\b(?![-/.,]?\d)",
            # Machine dates.
            r"\b\d{4}-\d{2}-\d{2}\b",
        )
    )


# A DATE entity must name some time to be kept; this drops NER noise such as "50km".
@cache
def _temporal_word() -> re.Pattern[str]:
    names = _calendar_alternations()
    return re.compile(
        rf"(?i)\b(?:{names.months}|{names.weekdays}|{names.month_abbreviations}|{names.seasons}|"
        r"days?|weeks?|weekends?|"
        r"fortnights?|months?|years?|quarters?|today|yesterday|tomorrow|tonight|now|recently|ago|"
        r"christmas|easter|ramadan|eid|new year'?s?|nowruz|ashura|thanksgiving|hanukkah|passover|"
        r"diwali)\b|\b(?:1[5-9]\d\d|20\d\d)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    )


_PREP = r"(?:(?:for|over|within|in|during|throughout)\s+)?"
_APPROX = (
    r"(?:(?:more than|less than|nearly|almost|about|around|roughly|at least|up to|just|only|"
    r"barely|as long as|as much as|no more than|no less than|well over|over|under)\s+)?"
)
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|hundreds of|thousands of|dozens of|a few|few|several|some|many|"
    r"a couple of|couple of|\d+ \d/\d|\d/\d|consecutive|straight|"
    r"to|or|and)"
)
_UNIT = (
    r"(?:hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|"
    r"seasons?|quarters?)"
)
# Not points in time: durations ("two years", "the past week"), vague plurals ("recent days"),
# bare units that refer back ("the day", "the year"; "the weekend" is kept), ages,
# frequencies, decades and compounds ("a three-day truce").
_NOT_A_POINT = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"^{_PREP}(?:between\s+)?(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|following|"
        rf"recent)\s+)?{_APPROX}(?:{_COUNT}[\s-]+)+{_UNIT}(?:'s?)?$",
        rf"^{_PREP}the\s+(?:past|last|entire|whole|full|first|final|coming|recent)\s+{_UNIT}$",
        rf"^{_PREP}(?:recent|coming|all)\s+{_UNIT}$",
        rf"^{_PREP}(?:the\s+)?(?:{_UNIT}|weekends)$",
        r"\byears?[- ]old\b|\baged?\b|\bthe age of\b",
        r"^(?:the )?(?:annual|annually|daily|weekly|monthly|yearly|quarterly|hourly|nightly|"
        r"biannual|biweekly|bimonthly)$|\b(?:every|each|per)\b",
        r"\b\d{2,3}0'?s\b|'\d0s\b|\bcentur(?:y|ies)\b|\bdecades?\b",
        rf"\b{_COUNT}-(?:hour|day|week|month|year)\b",
    )
)
_DURATIONS = 4  # the first four patterns above; "ago" and the like turn them into points
_POINT_MARKER = re.compile(r"(?i)\b(?:ago|earlier|later|before|after|from now|back)\b")

# Named days that are not the weekday they contain ("Black Friday", "Bloody Sunday").
_NAMED_DAY = re.compile(
    r"(?:Good|Black|Bloody|Palm|Easter|Ash|Holy|Super|Cyber|Maundy|Shrove|Fat|Whit|Blue) $"
)
# Entities a date-looking word can belong to without being a date: "the March 14 Alliance".
_NON_TEMPORAL_LABELS = frozenset(
    {"ORG", "FAC", "PERSON", "GPE", "LOC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}
)
_TIME_PREPOSITIONS = frozenset(
    {"in", "since", "during", "until", "till", "through", "throughout", "of", "before", "after", "from"}
)
_TEMPORAL_NOUNS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "night"}
)


# --------------------------------------------------------------------------- public API


def extract_dates(doc: Doc) -> list[DateMention]:
    """Temporal expressions in `doc` that can date an event, in text order.

    Uses the DATE entities when the document has them (a Doc built without NER gets the
    patterns alone) and sentence boundaries when it has them (otherwise every mention is in
    sentence 0).
    """
    text = doc.text
    candidates = [
        span
        for ent in doc.ents
        if ent.label_ == "DATE" and (span := _trim(text, ent.start_char, ent.end_char))
        if _is_point(text[span[0] : span[1]]) and _plausible(doc, *span)
    ]
    for pattern in _date_patterns():
        for match in pattern.finditer(text):
            start, end = match.span("d" if "d" in pattern.groupindex else 0)
            if _plausible(doc, start, end):
                candidates.append((start, end))
    sentence_starts = _sentence_starts(doc)
    mentions = []
    for start, end in _merge(candidates):
        aligned = _align(doc, start, end)
        if aligned is None:
            continue
        start, end = aligned
        sentence = bisect_right(sentence_starts, start) - 1
        mentions.append(DateMention(Span(text[start:end], start, end), max(sentence, 0)))
    return mentions


# --------------------------------------------------------------------------- helpers


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop surrounding punctuation and a possessive: "Saturday's" -> "Saturday"."""
    while start < end and text[start] in " \t\n,.;:-(\"'":
        start += 1
    while start < end and text[end - 1] in " \t\n,;:-)\"'":
        end -= 1
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    return (start, end) if start < end else None


def _is_point(expression: str) -> bool:
    """Whether a DATE entity names a point or range in time, not a duration or a frequency."""
    if not _temporal_word().search(expression):
        return False
    if _POINT_MARKER.search(expression):  # "two years ago" is a point, "two years" is not
        return not any(p.search(expression) for p in _NOT_A_POINT[_DURATIONS:])
    return not any(p.search(expression) for p in _NOT_A_POINT)


def _plausible(doc: Doc, start: int, end: int) -> bool:
    """Reject candidates that are part of a name ("Black Friday", "the Friday Mosque") or a
    count ("by 2000 troops")."""
    if _NAMED_DAY.search(doc.text[max(0, start - 8) : start]):
        return False
    for ent in doc.ents:
        if ent.start_char < end and start < ent.end_char and ent.label_ in _NON_TEMPORAL_LABELS:
            return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return True
    # "by 2000 troops": a year-like number that counts a plural noun is no year. "In 2011
    # protests erupted" and "the 2014 offensive" are years: a preposition of time before the
    # number, or a singular noun after it.
    number = span[-1]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return not (
        number.like_num
        and number.dep_ == "nummod"
        and number.head.i >= span.end
        and number.head.tag_ == "NNS"
        and number.head.lower_ not in _TEMPORAL_NOUNS
        and before not in _TIME_PREPOSITIONS
    )


def _merge(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping candidates: NER's "December" and the pattern's "mid-December"."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(candidates):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _align(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Snap to token boundaries, then trim again (a possessive token may have come along)."""
    span: SpacySpan | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return _trim(doc.text, span.start_char, span.end_char)


def _sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start, or [0] when the Doc has no sentence bounds."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    return [sentence.start_char for sentence in doc.sents]
