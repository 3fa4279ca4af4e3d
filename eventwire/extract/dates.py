"""Find the temporal expressions of a parsed document that can date an event.

Two sources are combined. spaCy's DATE entities find most expressions but also durations
("two years"), ages ("29-year-old"), frequencies ("annual") and the odd measurement, and they
miss some that matter in news: weekdays outside the NER's liking, "Saturday's", "mid-December",
"early May", "between 3 and 5 May", "in 2011". Patterns over the text add those; overlapping
candidates are merged, then non-points are dropped. What is kept is a point or a range in time,
relative or absolute; `eventwire.resolve.dates` anchors it to the publication date.

Spans never include a possessive "'s", nor the preposition before a date ("on Saturday" gives
"Saturday"), except the "between"/"from" that makes a range. Narrative anchors ("two days
later", "the same day") are kept when the NER finds them: they are points, anchored to the date
the story last named by the resolver. A period and the date that ends it are two expressions
("the quarter ended Sept. 30"), and so are the years of a list ("in 1990 and 1991").

`extract_dates(doc, timeml=True)` also returns what TimeML annotates but dates no event by
itself (durations, times of day, vague references such as "now", decades, "the quarter"): the
TimeML evaluation uses it; the pipeline does not, so an event is never dated "recently".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.data.calendar_words import CalendarWords
from eventwire.records import DateMention, Span

__all__ = ["DateFinders", "extract_dates"]

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


def _calendar_alternations(words: CalendarWords) -> _CalendarAlternations:
    return _CalendarAlternations(
        months="|".join(w.capitalize() for w in words.month_names),
        month_abbreviations="(?:" + "|".join(w.capitalize() for w in words.month_abbreviations) + r")\.?",
        weekdays="|".join(w.capitalize() for w in words.weekday_names),
        seasons="|".join(words.seasons),
    )


def _date_patterns(names: _CalendarAlternations) -> tuple[re.Pattern[str], ...]:
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
            # Years in a list after a signal: "in both 1990 and 1991", "in 1994, 1995 or 1996".
            rf"\b(?i:{_CUE}) (?:both )?(?P<d>{_YEAR}(?:(?:, |,? (?:and|or) ){_YEAR})+)\b(?![-/.,]?\d)",
            rf"\b(?i:fiscal) (?:year )?{_YEAR}\b",
            # A year needs a signal or a modifier: a bare 2011 may be a count.
            rf"\b(?i:{_CUE}) (?P<d>(?:(?i:{_MOD})[- ])?{_YEAR})\b(?![-/.,]?\d)",
            rf"(?i:\b{_MOD}[- ]){_YEAR}\b(?![-/.,]?\d)",
            # Machine dates.
            r"\b\d{4}-\d{2}-\d{2}\b",
            # Holidays ("Thanksgiving Day" is an EVENT to the NER, still a date).
            rf"\b(?:(?i:last|next|this) )?{_HOLIDAY_NAMES}\b",
            # Years as spoken in broadcast transcripts: "(January) nineteen ninety-six".
            rf"\b(?:(?:{names.months}) )?(?i:(?:the (?:winter|spring|summer|fall|autumn) of )?"
            rf"(?:the year )?(?:eighteen|nineteen) {_SPOKEN_DECADE}|the year two thousand)\b",
        )
    )


def _timeml_patterns() -> tuple[re.Pattern[str], ...]:
    """Expressions TimeML annotates that cannot date an event by themselves."""
    return tuple(
        re.compile(p)
        for p in (
            # Vague references, TimeML PRESENT_REF / PAST_REF / FUTURE_REF ("until now" too); "from
            # now" starts a duration.
            r"(?<!\bfrom )\b(?:[Rr]ight )?[Nn]ow\b",
            r"\b(?:[Cc]urrently|(?:[Mm]ore )?[Rr]ecently)\b",
            r"\b(?:in|into) (?P<d>the (?:near |distant )?future)\b",
            r"\b(?:in|over|for) (?P<d>the (?:near|short|long) term)\b",
            rf"\b[Ii]n (?P<d>the past)\b(?!(?: [\w-]+)? {_UNIT}\b)",
            # Decades: "the 1990s", "the late 1970s", "the nineties".
            r"\b(?:[Tt]he )?(?:(?:early|mid|late)[- ])?(?:1[5-9]|20)\d0'?s\b",
            rf"\b[Tt]he (?:(?:early|mid|late)[- ])?(?:{_SPOKEN_TENS})ies\b",
            # Anaphoric periods of business news: "the quarter", "the latest quarter".
            r"\b(?:[Tt]he|[Tt]his|[Ii]ts) (?:(?:latest|current|fiscal|full|same) )?(?:quarter|year)\b",
        )
    )


# A DATE entity must name some time to be kept; this drops NER noise such as "50km".
def _temporal_word(names: _CalendarAlternations) -> re.Pattern[str]:
    return re.compile(
        rf"(?i)\b(?:{names.months}|{names.weekdays}|{names.month_abbreviations}|{names.seasons}|"
        r"days?|weeks?|weekends?|"
        r"fortnights?|months?|years?|quarters?|today|yesterday|tomorrow|tonight|now|recently|ago|"
        r"christmas|easter|ramadan|eid|new year'?s?|nowruz|ashura|thanksgiving|hanukkah|passover|"
        r"diwali)\b|\b(?:1[5-9]\d\d|20\d\d)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    )


_SPOKEN_TENS = "twent|thirt|fort|fift|sixt|sevent|eight|ninet"
_SPOKEN_DECADE = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"(?:{_SPOKEN_TENS})y(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
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
_YEAR_LIST = re.compile(rf"(?:both\s+)?{_YEAR}(?:(?:,\s*|,?\s+(?:and|or)\s+){_YEAR})+(?:,?\s+(?:and|or))?")
_PERIOD_AND_DATE = re.compile(
    r"(?i)(?<=\w) (?:(?:that|which) )?(?:ended|ending|ends|to end) (?=\w)"
    r"|(?:(?<=days)|(?<=weeks)|(?<=months)|(?<=years)|(?<=quarters)) (?:of|in) "
    r"(?=(?:the )?(?:year|\d{4}|fiscal)\b)"
)
_CLOCK_GAP = re.compile(r"(?:\s|,\s|\s(?:on|of)\s)")
_AGE = re.compile(r"(?i)\byears?[- ]old\b|\baged?\b|\bthe age of\b")
_CLOCK = re.compile(
    r"(?i)\b(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m|p\.?m)\b\.?|\d{1,2}:\d\d|noon|midnight|midday|hours?|minutes?|"
    r"morning|afternoon|evening|overnight)"
)
_DURATIONS = 4  # the first four patterns above; "ago" and the like turn them into points
_POINT_MARKER = re.compile(r"(?i)\b(?:ago|earlier|later|before|after|from now|back)\b")

# Named days that are not the weekday they contain ("Black Friday", "Bloody Sunday").
_NAMED_DAY = re.compile(
    r"(?:Good|Black|Bloody|Palm|Easter|Ash|Holy|Super|Cyber|Maundy|Shrove|Fat|Whit|Blue) $"
)
# Entities a date-looking word can belong to without being a date: "the March 14 Alliance".
_DANGLING = re.compile(r",?\s+(?:and|or|to|through)$")
_HOLIDAY_NAMES = (
    r"(?:(?:Thanksgiving|Christmas|Election|Labor|Memorial|Boxing) Day|Thanksgiving|Christmas(?: Eve)?|"
    r"New Year's (?:Day|Eve)|Easter(?: Sunday)?)"
)
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


@dataclass(frozen=True, slots=True, eq=False)
class DateFinders:
    """The patterns that find dates, compiled once from the calendar words the lexicon holds."""

    dates: tuple[re.Pattern[str], ...]
    timeml: tuple[re.Pattern[str], ...]  # what only `extract_dates(..., timeml=True)` adds
    temporal_word: re.Pattern[str]

    @classmethod
    def build(cls, words: CalendarWords) -> DateFinders:
        names = _calendar_alternations(words)
        return cls(_date_patterns(names), _timeml_patterns(), _temporal_word(names))


def extract_dates(
    doc: Doc, *, timeml: bool = False, finders: DateFinders | None = None
) -> list[DateMention]:
    """Temporal expressions in `doc` that can date an event, in text order.

    Uses the DATE entities when the document has them (a Doc built without NER gets the
    patterns alone) and sentence boundaries when it has them (otherwise every mention is in
    sentence 0). With `timeml`, also what TimeML annotates that dates no event by itself:
    durations ("three years"), times of day ("5 p.m."), frequencies ("daily"), vague
    references ("now", "recently") and anaphoric periods ("the quarter"); the TimeML
    evaluation wants them, the pipeline does not. `finders` are the pipeline's (built from
    its lexicon); without them the bundled calendar words are read and compiled afresh.
    """
    if finders is None:
        finders = DateFinders.build(CalendarWords.load())
    text = doc.text
    kept_by = _is_timex if timeml else _is_point

    def keep(expression: str) -> bool:
        return kept_by(expression, finders.temporal_word)

    labels = {"DATE", "TIME"} if timeml else {"DATE"}
    entities = doc.ents  # a property that builds new spans: read it once
    names = tuple(
        (ent.start_char, ent.end_char)
        for ent in entities
        if ent.label_ in _NON_TEMPORAL_LABELS
        and not (ent.label_ == "EVENT" and re.fullmatch(_HOLIDAY_NAMES, ent.text))
    )
    facts = _DocFacts(
        doc,
        text,
        names=names,
        name_ends=tuple(end for _, end in names),
        parsed=doc.has_annotation("DEP"),  # walks every token: once, not per candidate
    )
    candidates = [
        span
        for ent in entities
        if ent.label_ in labels
        for part in _split_period(text, ent.start_char, ent.end_char)
        if (span := _trim(text, *part)) and keep(text[span[0] : span[1]]) and _plausible(facts, *span)
    ]
    for pattern in finders.dates + (finders.timeml if timeml else ()):
        for match in pattern.finditer(text):
            span = match.span("d" if "d" in pattern.groupindex else 0)
            candidates.extend(part for part in _split_period(text, *span) if _plausible(facts, *part))
    merged = _merge(candidates)
    if timeml:
        merged = _join_clock_times(text, merged)
    sentence_starts = _sentence_starts(doc)
    mentions = []
    for start, end in merged:
        aligned = _align(doc, text, start, end)
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
    if text.startswith(("both ", "either "), start):  # "in both 1990 and 1991"
        start = text.index(" ", start) + 1
    while start < end and text[end - 1] in " \t\n,;:-)\"'":
        end -= 1
    # A list or range the NER cut short: "between now and" is "now".
    if (conjunction := _DANGLING.search(text, start, end)) is not None:
        end = conjunction.start()
        if text.startswith(("between ", "from "), start):
            start = text.index(" ", start) + 1
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    return (start, end) if start < end else None


def _split_period(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A period and the date that ends or holds it are two expressions, as TimeML has them:
    "the quarter ended Sept. 30" is "the quarter" and "Sept. 30", "the first nine months of
    1997" "the first nine months" and "1997"."""
    if _YEAR_LIST.fullmatch(text, start, end):  # "1994, 1995 and 1996": three years
        return [m.span() for m in re.finditer(_YEAR, text[:end]) if m.start() >= start]
    match = _PERIOD_AND_DATE.search(text, start, end)
    if match is None:
        return [(start, end)]
    return [(start, match.start()), (match.end(), end)]


def _is_point(expression: str, temporal_word: re.Pattern[str]) -> bool:
    """Whether a DATE entity names a point or range in time, not a duration or a frequency."""
    if not temporal_word.search(expression):
        return False
    if _POINT_MARKER.search(expression):  # "two years ago" is a point, "two years" is not
        return not any(p.search(expression) for p in _NOT_A_POINT[_DURATIONS:])
    return not any(p.search(expression) for p in _NOT_A_POINT)


def _is_timex(expression: str, temporal_word: re.Pattern[str]) -> bool:
    """Whether an entity is a TimeML timex of any type: ages and compounds ("a three-day
    truce") are not; durations, times and frequencies are."""
    return bool(temporal_word.search(expression) or _CLOCK.search(expression)) and not _AGE.search(
        expression
    )


@dataclass(frozen=True, slots=True)
class _DocFacts:
    """What every candidate of a document is checked against, computed once per document."""

    doc: Doc
    text: str  # Doc.text joins every token on each read
    names: tuple[tuple[int, int], ...]  # entities a date cannot be part of ("the March 14 Alliance")
    # The names' ends, to find by bisection the one name a candidate may overlap: entities do
    # not overlap, so these are sorted, and scanning every name per candidate was quadratic.
    name_ends: tuple[int, ...]
    parsed: bool


def _plausible(facts: _DocFacts, start: int, end: int) -> bool:
    """Reject candidates that are part of a name ("Black Friday", "the Friday Mosque") or a
    count ("by 2000 troops")."""
    doc = facts.doc
    if _NAMED_DAY.search(facts.text[max(0, start - 8) : start]):
        return False
    first_ending_after = bisect_right(facts.name_ends, start)
    if first_ending_after < len(facts.names) and facts.names[first_ending_after][0] < end:
        return False
    if not facts.parsed:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
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


def _join_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A clock time and the day next to it are one TimeML timex: "9 a.m. Tuesday"."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous = joined[-1]
            gap = text[previous[1] : start]
            first, second = text[previous[0] : previous[1]], text[start:end]
            if _CLOCK_GAP.fullmatch(gap) and (_CLOCK.search(first) or _CLOCK.search(second)):
                joined[-1] = (previous[0], end)
                continue
        joined.append((start, end))
    return joined


def _align(doc: Doc, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Snap to token boundaries, then trim again (a possessive token may have come along)."""
    span: SpacySpan | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return _trim(text, span.start_char, span.end_char)


def _sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start, or [0] when the Doc has no sentence bounds."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    return [sentence.start_char for sentence in doc.sents]
