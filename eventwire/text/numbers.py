"""Counts written in news English, parsed into numbers: "at least 13", "dozens", "a man and a child".

Pure functions over strings (no spaCy), so the rules can be read and tested as a table.

A `Count` keeps what the words commit to, in the shape of `QuantityMention`:

==========================  =====  ====  ====  ==============================================
text                        value  low   high  why
==========================  =====  ====  ====  ==============================================
"13", "thirteen"            13     -     -     exact
"about 13", "some 13"       13     -     -     approximate, no bound stated
"at least 13"               13     13    -     a floor
"more than 13", "over 13"   14     14    -     strict: the smallest number the words allow
"up to 13", "as many as"    13     -     13    a ceiling; 13 is the figure reported
"nearly 13", "almost 13"    13     -     13    a round figure approached from below; writing
                                               12 would claim a precision the text lacks
"fewer than 13"             -      -     12    a ceiling and no figure to report
"10 to 15", "between ..."   10     10    15    a range; value is the conservative end
"no one", "no casualties"   0      -     -     an explicit zero
==========================  =====  ====  ====  ==============================================

Vague numbers follow ACLED's rule of the most conservative estimate: each counts the unit it
names ("tens" 10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000; ACLED codes
10, 12 and 100 for the first three) or the least number the word implies ("a few" 2,
"several" 3), and that number is also the floor (low), because the text rules out less.
"some", "many", "numerous" and "a number of" give no count: they state no figure at all.

`value` is always within [low, high] where those are set. Helpers for the extractor
(`is_number_word`, `is_qualifier_word`) and for resolution (`count_bounds`) use the same
vocabulary and reading, so they live here too. That is why this module sits in
`eventwire.text`, outside `extract` (whose package imports spaCy): resolution reads figures
with it and must import without spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

__all__ = [
    "Count",
    "add_counts",
    "count_bounds",
    "is_number_word",
    "is_qualifier_word",
    "parse_count",
]


@dataclass(frozen=True, slots=True)
class Count:
    """A parsed count: `value` is the figure to report, `low`/`high` bounds the text states."""

    value: int | None
    low: int | None = None
    high: int | None = None


def count_bounds(value: int | None, low: int | None, high: int | None) -> tuple[int | None, int | None]:
    """The least and greatest number a (value, low, high) figure allows; None where open.

    An exact figure bounds itself; "at least 13" has no upper bound and "up to 13" no lower one.
    """
    exact = low is None and high is None
    lower = low if low is not None else (value if exact else None)
    upper = high if high is not None else (value if exact else None)
    return lower, upper


def add_counts(counts: Iterable[Count]) -> Count:
    """The count of a coordinated phrase: "two soldiers and a civilian" is 2 + 1.

    Bounds add up too; a bound that one part leaves open stays open in the sum.
    """
    parts = list(counts)
    if not parts:
        raise ValueError("add_counts needs at least one count")
    if len(parts) == 1:
        return parts[0]
    value = _sum_or_none(p.value for p in parts)
    bounds = [count_bounds(p.value, p.low, p.high) for p in parts]
    lower = _sum_or_none(b[0] for b in bounds)
    upper = _sum_or_none(b[1] for b in bounds)
    if lower == upper == value:
        return Count(value)
    return Count(value, lower, upper)


def _sum_or_none(numbers: Iterable[int | None]) -> int | None:
    total = 0
    for number in numbers:
        if number is None:
            return None
        total += number
    return total


# --------------------------------------------------------------------------- vocabulary

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
#: Multipliers after a number ("three hundred", "1.5 million", "two dozen").
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: Plural units read as "at least one of them" (ACLED: tens 10, dozens 12, hundreds 100).
_VAGUE_PLURALS = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000,
}  # fmt: skip
#: Phrases with a fixed reading: (count, whether a scale may follow: "several hundred").
#: Vague determiners count the least number they imply, which is also their floor.
_FIXED_PHRASES: dict[tuple[str, ...], tuple[Count, bool]] = {
    ("several",): (Count(3, 3), True),
    ("a", "few"): (Count(2, 2), True),
    ("a", "couple", "of"): (Count(2), True),
    ("a", "couple"): (Count(2), True),
    ("couple", "of"): (Count(2), True),
    ("half", "a", "dozen"): (Count(6), False),
    ("both",): (Count(2), False),
    ("not", "a", "single"): (Count(0), False),
    ("not", "one"): (Count(0), False),
    ("no", "one"): (Count(0), False),
    ("nobody",): (Count(0), False),
    ("none",): (Count(0), False),
}
_LONGEST_PHRASE = max(len(words) for words in _FIXED_PHRASES)
#: Nouns of amount after "a": "a number of", "a total of" are not "one number", "one total".
_AMOUNT_NOUNS = frozenset(
    {"number", "lot", "host", "handful", "group", "total", "majority", "minority", "fraction",
     "quarter", "third", "half", "series", "couple", "few", "dozen", "score", "further",
     "additional", "estimated", "minimum", "maximum"}
)  # fmt: skip


class _Qualifier(Enum):
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    UP_TO = "up_to"
    FEWER_THAN = "fewer_than"
    NEARLY = "nearly"
    ABOUT = "about"
    BETWEEN = "between"
    NEUTRAL = "neutral"  # words that add nothing to the figure: "another 10", "a total of 10"


_QUALIFIERS: dict[tuple[str, ...], _Qualifier] = {
    **dict.fromkeys(
        [("at", "least"), ("no", "fewer", "than"), ("no", "less", "than"), ("not", "less", "than"),
         ("not", "fewer", "than"), ("a", "minimum", "of"), ("at", "a", "minimum")],
        _Qualifier.AT_LEAST,
    ),
    **dict.fromkeys(
        [("more", "than"), ("over",), ("well", "over"), ("just", "over"), ("upwards", "of"),
         ("in", "excess", "of")],
        _Qualifier.MORE_THAN,
    ),
    **dict.fromkeys(
        [("up", "to"), ("as", "many", "as"), ("at", "most"), ("no", "more", "than"),
         ("not", "more", "than"), ("a", "maximum", "of")],
        _Qualifier.UP_TO,
    ),
    **dict.fromkeys([("fewer", "than"), ("less", "than"), ("under",)], _Qualifier.FEWER_THAN),
    **dict.fromkeys(
        [("nearly",), ("almost",), ("close", "to"), ("just", "under"), ("just", "short", "of")],
        _Qualifier.NEARLY,
    ),
    **dict.fromkeys(
        [("about",), ("around",), ("approximately",), ("roughly",), ("some",), ("estimated",),
         ("an", "estimated"), ("circa",)],
        _Qualifier.ABOUT,
    ),
    **dict.fromkeys([("between",), ("from",)], _Qualifier.BETWEEN),
    **dict.fromkeys(
        [("another",), ("a", "further"), ("an", "additional"), ("a", "total", "of"), ("all",)],
        _Qualifier.NEUTRAL,
    ),
}  # fmt: skip
_LONGEST_QUALIFIER = max(len(words) for words in _QUALIFIERS)

#: Words that end a count phrase: a verb or relative clause follows, not another conjunct.
_CLAUSE_WORDS = frozenset(
    {"was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "who", "whom",
     "which", "that", "whose", "including", "among", "such", ";", ":", "(", ")", "."}
)  # fmt: skip
_PARTITIVE_WORDS = frozenset({"which", "whom", "them", "those", "these", "the", "us", "their"})

_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d+\.\d+")
_WORD = re.compile(r"\d+(?:[.,]\d+)*[a-z]*|[a-z]+(?:'[a-z]+)?|[^\sa-z\d]")

#: Words that may stand before the number itself: qualifiers and the starts of fixed phrases.
_QUALIFIER_WORDS = frozenset(
    {w for words in _QUALIFIERS for w in words} | {"a", "an", "half", "no", "not", "single"}
)


def is_number_word(word: str) -> bool:
    """Whether one token can be (part of) the number in a count: "13", "1,200", "dozens", "none"."""
    word = word.lower()
    return bool(
        _INTEGER.fullmatch(word)
        or _DECIMAL.fullmatch(word)
        or word in _UNITS
        or word in _TENS
        or word in _SCALES
        or word in _VAGUE_PLURALS
        or word in {"several", "few", "couple", "both", "none", "nobody"}
    )


def is_qualifier_word(word: str) -> bool:
    """Whether a token may stand before the number inside a count ("at", "least", "a", "no")."""
    return word.lower() in _QUALIFIER_WORDS


# --------------------------------------------------------------------------- parsing


def parse_count(text: str) -> Count | None:
    """The count stated at the start of `text`, or None when it states none.

    `text` is a count phrase as an extractor cuts it out: the number with its qualifiers,
    optionally followed by the counted noun ("at least 13 people") and by further conjuncts
    ("two soldiers and a civilian" is 3). Words after a conjunct are skipped up to the next
    "and" or comma; a verb form such as "were" or a relative word ends the phrase. A conjunct
    that counts part of an earlier one ("13 drones, seven of which") is not added.
    """
    words = _WORD.findall(text.lower().replace("\u2013", "-").replace("\u2014", "-"))
    counts: list[Count] = []
    position: int | None = 0
    while position is not None:
        parsed = _conjunct(words, position)
        if parsed is None:
            break
        count, position = parsed
        if counts and _at(words, position, "of") and _word(words, position + 1) in _PARTITIVE_WORDS:
            break
        counts.append(count)
        position = _next_conjunct(words, position)
    return add_counts(counts) if counts else None


def _conjunct(words: Sequence[str], i: int) -> tuple[Count, int] | None:
    """One qualified number ("more than a dozen", "between 10 and 15", "a man") and where it ends."""
    qualifier, after = _qualifier(words, i)
    parsed = _ranged_quantity(words, after, in_between=qualifier is _Qualifier.BETWEEN)
    if parsed is None and qualifier is not None:
        # "another soldier", "some people": the qualifier word is used as a determiner here.
        qualifier, parsed = None, _ranged_quantity(words, i, in_between=False)
    if parsed is None:
        return None
    count, end = parsed
    if _word(words, end) in {"%", "percent"} or (_at(words, end, "per") and _at(words, end + 1, "cent")):
        return None
    if _word(words, end) == "-" and not is_number_word(_word(words, end + 1)):
        return None  # "12-year-old", "two-day": the number is part of an adjective, not a count
    if qualifier is None:
        if _at(words, end, "or") and _word(words, end + 1) in {"so", "more"}:
            qualifier = _Qualifier.ABOUT if words[end + 1] == "so" else _Qualifier.AT_LEAST
            end += 2
        elif _word(words, end) == "+":
            qualifier, end = _Qualifier.AT_LEAST, end + 1
    if qualifier is _Qualifier.BETWEEN and count.high is None:
        return None  # "between 10" alone is not a count
    return _qualify(count, qualifier), end


def _qualifier(words: Sequence[str], i: int) -> tuple[_Qualifier | None, int]:
    for length in range(_LONGEST_QUALIFIER, 0, -1):
        kind = _QUALIFIERS.get(tuple(words[i : i + length]))
        if kind is not None:
            return kind, i + length
    return None, i


def _qualify(count: Count, qualifier: _Qualifier | None) -> Count:
    n = count.value
    if qualifier is None or qualifier in (_Qualifier.NEUTRAL, _Qualifier.BETWEEN) or n is None:
        return count
    if qualifier is _Qualifier.AT_LEAST:
        return Count(n, n, None)
    if qualifier is _Qualifier.MORE_THAN:
        return Count(n + 1, n + 1, None)
    if qualifier is _Qualifier.UP_TO:
        top = count.high if count.high is not None else n
        return Count(top, None, top)
    if qualifier is _Qualifier.FEWER_THAN:
        return Count(None, None, n - 1) if n > 0 else count
    if qualifier is _Qualifier.NEARLY:
        return Count(n, None, n)
    # ABOUT: an approximate figure keeps a stated range but drops a vague word's floor.
    return count if count.high is not None else Count(n)


def _ranged_quantity(words: Sequence[str], i: int, *, in_between: bool) -> tuple[Count, int] | None:
    """A quantity, or two numbers joined into a range: "10 to 15", "10-15", "two or three"."""
    parsed = _quantity(words, i)
    if parsed is None:
        return None
    count, end, scaled = parsed
    connectors = {"and", "to", "-"} if in_between else {"to", "-", "or"}
    if count.low is not None or count.value is None or _word(words, end) not in connectors:
        return count, end
    second = _cardinal(words, end + 1)
    if second is None:
        return count, end
    high, after, high_scale = second
    low = count.value
    if not scaled and high_scale and low * high_scale <= high:
        low *= high_scale  # "two to three thousand": the scale belongs to both ends
    if high <= low:
        return count, end
    return Count(low, low, high), after


def _quantity(words: Sequence[str], i: int) -> tuple[Count, int, bool] | None:
    """A single quantity at `i`: (count, end, whether it carried its own scale word)."""
    for length in range(_LONGEST_PHRASE, 0, -1):
        fixed = _FIXED_PHRASES.get(tuple(words[i : i + length]))
        if fixed is not None:
            count, scalable = fixed
            return _scaled(count, words, i + length) if scalable else (count, i + length, False)
    if _at(words, i, "no") and _word(words, i + 1) and not is_number_word(words[i + 1]):
        return Count(0), i + 1, False  # "no casualties"; a bare "no" or "no 10" is not "none"
    unit = _VAGUE_PLURALS.get(_word(words, i))
    if unit is not None:
        end = i + 1
        if _at(words, end, "of") and _word(words, end + 1) in {"thousands", "millions"}:
            unit *= _VAGUE_PLURALS[words[end + 1]]  # "tens of thousands"
            end += 2
        return Count(unit, unit), end, True
    cardinal = _cardinal(words, i)
    if cardinal is not None:
        value, end, scale = cardinal
        return Count(value), end, scale is not None
    if _word(words, i) in {"a", "an", "another"}:
        following = _word(words, i + 1)
        if following and following not in _AMOUNT_NOUNS and following.isalnum():
            return Count(1), i + 1, False  # "a man": the article counts one
    return None


def _scaled(count: Count, words: Sequence[str], i: int) -> tuple[Count, int, bool]:
    """Apply a scale word after a vague determiner: "several hundred", "a few thousand"."""
    scale = _SCALES.get(_word(words, i))
    if scale is None:
        return count, i, False
    value = (count.value or 0) * scale
    return Count(value, value if count.low is not None else None), i + 1, True


def _cardinal(words: Sequence[str], i: int) -> tuple[int, int, int | None] | None:
    """A cardinal number in digits or words: (value, end, last scale word's value or None)."""
    word = _word(words, i)
    if _INTEGER.fullmatch(word) or _DECIMAL.fullmatch(word):
        number = Fraction(word.replace(",", ""))  # exact: 2.3 million is 2300000, not 2299999
        end, scale = i + 1, None
        while _word(words, end) in _SCALES:
            scale = _SCALES[words[end]]
            number *= scale
            end += 1
        if number.denominator != 1:
            return None  # "2.5" on its own is a measurement, not a count
        return int(number), end, scale
    total, current, end, scale = 0, 0, i, None
    seen = False
    if word in {"a", "an"} and _word(words, i + 1) in _SCALES:
        current, end = 1, i + 1  # "a hundred", "a dozen"
    while end < len(words):
        word = words[end]
        if word in _UNITS and current % 10 == 0 and (current % 100 == 0 or _UNITS[word] < 10):
            current += _UNITS[word]
        elif word in _TENS and current % 100 == 0:
            current += _TENS[word]
        elif word == "-" and words[end - 1] in _TENS and _word(words, end + 1) in _UNITS and seen:
            pass  # "twenty-one"
        elif word in _SCALES and (seen or current):
            scale = _SCALES[word]
            if scale >= 1_000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        elif (
            word == "and"
            and seen
            and words[end - 1] in _SCALES
            and _word(words, end + 1) in (_UNITS.keys() | _TENS.keys())
        ):
            pass  # "one hundred and twenty"
        else:
            break
        seen = True
        end += 1
    if not seen:
        return None
    return total + current, end, scale


def _next_conjunct(words: Sequence[str], i: int) -> int | None:
    """Skip the counted noun to the start of the next conjunct, or None when the phrase ends."""
    while i < len(words):
        word = words[i]
        if word in _CLAUSE_WORDS:
            return None
        if word in {"and", ",", "plus"}:
            while _word(words, i) in {"and", ","}:
                i += 1
            return i
        if tuple(words[i : i + 3]) == ("as", "well", "as"):
            return i + 3
        i += 1
    return None


def _word(words: Sequence[str], i: int) -> str:
    return words[i] if 0 <= i < len(words) else ""


def _at(words: Sequence[str], i: int, word: str) -> bool:
    return _word(words, i) == word
