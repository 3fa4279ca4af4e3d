"""parse_count and its helpers: a table of how news English states counts."""

from __future__ import annotations

import pytest

from eventwire.text.numbers import (
    Count,
    add_counts,
    count_bounds,
    is_number_word,
    is_qualifier_word,
    parse_count,
)

# (text, value, low, high)
CASES: list[tuple[str, int | None, int | None, int | None]] = [
    # digits
    ("13", 13, None, None),
    ("1,200", 1200, None, None),
    ("10,000 people", 10000, None, None),
    ("1.5 million", 1_500_000, None, None),
    ("2.3 million", 2_300_000, None, None),
    ("3 thousand", 3000, None, None),
    # words
    ("thirteen", 13, None, None),
    ("Thirteen", 13, None, None),
    ("twenty-one", 21, None, None),
    ("twenty one", 21, None, None),
    ("ninety-nine", 99, None, None),
    ("a hundred", 100, None, None),
    ("one hundred and twenty", 120, None, None),
    ("three thousand two hundred", 3200, None, None),
    ("a thousand", 1000, None, None),
    ("two million", 2_000_000, None, None),
    ("zero", 0, None, None),
    ("one soldier", 1, None, None),
    ("both soldiers", 2, None, None),
    ("a couple of", 2, None, None),
    ("a dozen", 12, None, None),
    ("two dozen", 24, None, None),
    ("half a dozen", 6, None, None),
    # the counted noun and coordinated victims
    ("13 drones", 13, None, None),
    ("13 others", 13, None, None),
    ("a man", 1, None, None),
    ("an officer", 1, None, None),
    ("another soldier", 1, None, None),
    ("a man and a child", 2, None, None),
    ("two soldiers and a civilian", 3, None, None),
    ("a woman and two children", 3, None, None),
    ("Five soldiers, three civilians and a child", 9, None, None),
    ("four police officers as well as two bystanders", 6, None, None),
    ("at least two soldiers and a civilian", 3, 3, None),
    ("a 12-year-old boy", 1, None, None),
    ("two 12-year-old boys", 2, None, None),
    # a part of an earlier conjunct, or a clause after the phrase, is not added
    ("13 drones, seven of which", 13, None, None),
    ("a man and a child were killed and 13 others", 2, None, None),
    ("12 civilians, including four children", 12, None, None),
    # qualifiers
    ("at least 13", 13, 13, None),
    ("At least 25 people", 25, 25, None),
    ("no fewer than 8", 8, 8, None),
    ("20 or more", 20, 20, None),
    ("100+", 100, 100, None),
    ("more than 20", 21, 21, None),
    ("over 100", 101, 101, None),
    ("more than a dozen", 13, 13, None),
    ("more than 1.5 million", 1_500_001, 1_500_001, None),
    ("up to 40", 40, None, 40),
    ("as many as 40", 40, None, 40),
    ("no more than 5", 5, None, 5),
    ("nearly 100", 100, None, 100),
    ("almost 200 families", 200, None, 200),
    ("nearly two dozen", 24, None, 24),
    ("fewer than 10", None, None, 9),
    ("less than 10", None, None, 9),
    ("about 50", 50, None, None),
    ("around 50", 50, None, None),
    ("some 50 people", 50, None, None),
    ("an estimated 20", 20, None, None),
    ("approximately 300", 300, None, None),
    ("a dozen or so", 12, None, None),
    ("about a dozen", 12, None, None),
    ("another 10", 10, None, None),
    ("a total of 25", 25, None, None),
    ("all 13 passengers", 13, None, None),
    # ranges: value is the conservative end
    ("10 to 15", 10, 10, 15),
    ("10-15", 10, 10, 15),
    ("10\u201315", 10, 10, 15),
    ("between 10 and 15", 10, 10, 15),
    ("Between 10-15 people", 10, 10, 15),
    ("from 10 to 15", 10, 10, 15),
    ("two or three", 2, 2, 3),
    ("two to three thousand", 2000, 2000, 3000),
    ("up to 10-15", 15, None, 15),
    # vague numbers (ACLED: tens 10, dozens 12, hundreds 100); the unit is also the floor
    ("tens", 10, 10, None),
    ("dozens", 12, 12, None),
    ("dozens of people", 12, 12, None),
    ("scores", 20, 20, None),
    ("hundreds", 100, 100, None),
    ("thousands", 1000, 1000, None),
    ("millions", 1_000_000, 1_000_000, None),
    ("tens of thousands", 10_000, 10_000, None),
    ("hundreds of thousands", 100_000, 100_000, None),
    ("several", 3, 3, None),
    ("several hundred", 300, 300, None),
    ("several dozen", 36, 36, None),
    ("a few", 2, 2, None),
    ("a few thousand", 2000, 2000, None),
    ("at least dozens", 12, 12, None),
    # explicit zeros
    ("no", None, None, None),
    ("none", 0, None, None),
    ("None of the crew", 0, None, None),
    ("no one", 0, None, None),
    ("nobody", 0, None, None),
    ("no casualties", 0, None, None),
    ("no deaths or injuries", 0, None, None),
    ("not a single soldier", 0, None, None),
]

NOT_COUNTS = [
    "",
    "the soldiers",
    "soldiers",
    "some",
    "some people",
    "many",
    "many people",
    "numerous",
    "a number of people",
    "a lot of people",
    "few",
    "between 10",
    "killed 13",  # the phrase must start with the count
    "12-year-old",
    "two-day",
    "50km",
    "3rd",
    "1990s",
    "20%",
    "20 percent",
    "20 per cent",
    "2.5",
    "first",
]


@pytest.mark.parametrize(("text", "value", "low", "high"), CASES)
def test_parse_count(text: str, value: int | None, low: int | None, high: int | None) -> None:
    if value is None and low is None and high is None:
        assert parse_count(text) is None
    else:
        assert parse_count(text) == Count(value, low, high)


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_a_count(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(("text", "value", "low", "high"), CASES)
def test_value_lies_within_its_bounds(
    text: str, value: int | None, low: int | None, high: int | None
) -> None:
    count = parse_count(text)
    if count is None or count.value is None:
        return
    lower, upper = count_bounds(count.value, count.low, count.high)
    assert lower is None or lower <= count.value
    assert upper is None or count.value <= upper


@pytest.mark.parametrize(
    ("value", "low", "high", "bounds"),
    [
        (13, None, None, (13, 13)),  # exact
        (13, 13, None, (13, None)),  # at least
        (40, None, 40, (None, 40)),  # up to
        (10, 10, 15, (10, 15)),  # range
        (None, None, 9, (None, 9)),  # fewer than 10
        (0, None, None, (0, 0)),
    ],
)
def test_count_bounds(
    value: int | None, low: int | None, high: int | None, bounds: tuple[int | None, int | None]
) -> None:
    assert count_bounds(value, low, high) == bounds


def test_add_counts() -> None:
    assert add_counts([Count(2), Count(1)]) == Count(3)
    assert add_counts([Count(2, 2, None), Count(1)]) == Count(3, 3, None)
    assert add_counts([Count(10, 10, 15), Count(1)]) == Count(11, 11, 16)
    assert add_counts([Count(None, None, 9), Count(1)]) == Count(None, None, 10)
    assert add_counts([Count(5)]) == Count(5)
    with pytest.raises(ValueError):
        add_counts([])


@pytest.mark.parametrize("word", ["13", "1,200", "1.5", "thirteen", "Dozens", "hundred", "several", "none"])
def test_number_words(word: str) -> None:
    assert is_number_word(word)


@pytest.mark.parametrize("word", ["soldiers", "50km", "first", "-", "a", "least", ""])
def test_not_number_words(word: str) -> None:
    assert not is_number_word(word)


@pytest.mark.parametrize("word", ["at", "least", "More", "than", "a", "no", "nearly", "between", "some"])
def test_qualifier_words(word: str) -> None:
    assert is_qualifier_word(word)


@pytest.mark.parametrize("word", ["killed", "rose", "and", "13"])
def test_not_qualifier_words(word: str) -> None:
    assert not is_qualifier_word(word)
