"""Finding temporal expressions: hand-built docs (no model) and a few real parses (marked)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventwire.extract.dates import extract_dates

MakeDoc = Callable[..., Doc]


def _texts(doc: Doc) -> list[str]:
    mentions = extract_dates(doc)
    for mention in mentions:  # offsets always index the document text
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text
    return [m.span.text for m in mentions]


def _iob(words: list[str], *spans: tuple[int, int, str]) -> list[str]:
    """IOB tags for `words` with entities given as (first token, end token, label)."""
    tags = ["O"] * len(words)
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


# --------------------------------------------------------------------------- from NER


def test_ner_date_without_possessive(make_doc: MakeDoc) -> None:
    words = ["Saturday", "'s", "attack", "killed", "four", "people", "."]
    doc = make_doc(words, ents=_iob(words, (0, 1, "DATE")))
    assert doc.text.startswith("Saturday's")
    assert _texts(doc) == ["Saturday"]


def test_possessive_inside_the_entity_is_trimmed(make_doc: MakeDoc) -> None:
    words = ["Saturday", "'s", "attack", "was", "repelled", "."]
    doc = make_doc(words, ents=_iob(words, (0, 2, "DATE")))
    mention = extract_dates(doc)[0]
    assert (mention.span.text, mention.span.start, mention.span.end) == ("Saturday", 0, 8)


def test_ner_and_pattern_are_merged(make_doc: MakeDoc) -> None:
    # The NER found "December"; the modifier that makes it "early December" comes along.
    words = ["Clashes", "resumed", "in", "early", "December", "."]
    doc = make_doc(words, ents=_iob(words, (4, 5, "DATE")))
    assert _texts(doc) == ["early December"]


@pytest.mark.parametrize(
    ("words", "date", "expected"),
    [
        (["Earlier", "this", "month", ",", "a", "convoy", "was", "hit", "."], (0, 3),
         "Earlier this month"),
        (["Rebels", "withdrew", "three", "days", "ago", "."], (2, 5), "three days ago"),
        (["He", "was", "freed", "two", "years", "later", "."], (3, 6), "two years later"),
        (["The", "talks", "resume", "next", "Tuesday", "."], (3, 5), "next Tuesday"),
        (["Troops", "left", "the", "next", "day", "."], (2, 5), "the next day"),
    ],
    ids=["earlier-this-month", "days-ago", "narrative-anchor", "next-weekday", "next-day"],
)  # fmt: skip
def test_points_from_ner_are_kept(
    make_doc: MakeDoc, words: list[str], date: tuple[int, int], expected: str
) -> None:
    doc = make_doc(words, ents=_iob(words, (*date, "DATE")))
    assert _texts(doc) == [expected]


@pytest.mark.parametrize(
    ("words", "date"),
    [
        (["The", "group", "has", "fought", "for", "two", "years", "."], (5, 7)),
        (["They", "held", "the", "town", "for", "three", "days", "."], (5, 7)),
        (["Raids", "rose", "in", "the", "past", "week", "."], (3, 6)),
        (["The", "next", "few", "days", "will", "tell", "."], (0, 4)),
        (["In", "recent", "days", ",", "fighting", "eased", "."], (1, 3)),
        (["The", "29-year-old", "was", "detained", "."], (1, 2)),
        (["The", "annual", "parade", "was", "cancelled", "."], (1, 2)),
        (["A", "three-day", "truce", "collapsed", "."], (1, 2)),
        (["The", "1990s", "were", "violent", "."], (0, 2)),
        (["The", "convoy", "was", "hit", "50", "km", "south", "."], (4, 6)),
        (["It", "was", "the", "worst", "attack", "of", "the", "year", "."], (6, 8)),
    ],
    ids=[
        "two-years",
        "for-three-days",
        "the-past-week",
        "next-few-days",
        "recent-days",
        "age",
        "frequency",
        "compound",
        "decade",
        "measurement",
        "bare-unit",
    ],
)
def test_non_points_from_ner_are_dropped(make_doc: MakeDoc, words: list[str], date: tuple[int, int]) -> None:
    doc = make_doc(words, ents=_iob(words, (*date, "DATE")))
    assert _texts(doc) == []


# --------------------------------------------------------------------------- from patterns


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants shelled the town on Saturday .", ["Saturday"]),
        ("Saturday 's attack killed four people .", ["Saturday"]),
        ("The army said on November 22 that it retook the village .", ["November 22"]),
        ("The bombing on 22 November killed nine .", ["22 November"]),
        ("The village fell in 2011 .", ["2011"]),
        ("Fighting between 3 and 5 May left 12 dead .", ["between 3 and 5 May"]),
        ("Clashes on 28-30 June 2016 were the worst .", ["28-30 June 2016"]),
        ("Talks resumed in mid-December .", ["mid-December"]),
        ("The offensive will resume this March .", ["this March"]),
        ("The siege ended late last year .", ["late last year"]),
        ("Two more people died yesterday .", ["yesterday"]),
        ("The town fell in May last year .", ["May last year"]),
        ("Rebels seized the checkpoint three days ago .", ["three days ago"]),
        ("Last week the ministry denied it .", ["Last week"]),
        ("Drones struck over the weekend .", ["the weekend"]),
        ("The ceasefire signed on 2016-05-05 held .", ["2016-05-05"]),
        ("He was killed on Dec. 31 , 2017 near the border .", ["Dec. 31, 2017"]),
        ("Protests began in May and peaked in early 2017 .", ["May", "early 2017"]),
        ("Gunmen attacked early Sunday and again last Friday .", ["early Sunday", "last Friday"]),
    ],
)
def test_patterns_without_ner(make_doc: MakeDoc, sentence: str, expected: list[str]) -> None:
    assert _texts(make_doc(sentence.split())) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry counted 2011 cases .",  # a number, no signal that it is a year
        "Officials said talks May resume .",  # a month name needs a signal or a day
        "The March organisers were arrested .",
        "Black Friday sales fell .",
        "Bloody Sunday is remembered every year .",
        "The troops marched to the capital .",
    ],
)
def test_patterns_leave_lookalikes_alone(make_doc: MakeDoc, sentence: str) -> None:
    assert _texts(make_doc(sentence.split())) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Production rose in both 1990 and 1991 .", ["1990", "1991"]),
        ("Sales in fiscal 1989 rose .", ["fiscal 1989"]),
        ("The boy was found on Thanksgiving Day .", ["Thanksgiving Day"]),
        ("He was born in nineteen ninety-six .", ["nineteen ninety-six"]),
    ],
)
def test_more_patterns(make_doc: MakeDoc, sentence: str, expected: list[str]) -> None:
    assert _texts(make_doc(sentence.split())) == expected


def test_a_period_and_the_date_that_ends_it_are_two_expressions(make_doc: MakeDoc) -> None:
    words = ["Profit", "rose", "in", "the", "quarter", "ended", "Sept.", "30", "."]
    doc = make_doc(words, ents=_iob(words, (3, 8, "DATE")))
    assert _texts(doc) == ["Sept. 30"]  # "the quarter" alone dates nothing
    assert [m.span.text for m in extract_dates(doc, timeml=True)] == ["the quarter", "Sept. 30"]


def test_a_holiday_the_ner_calls_an_event_is_a_date(make_doc: MakeDoc) -> None:
    words = ["He", "was", "found", "on", "Thanksgiving", "Day", "."]
    doc = make_doc(words, ents=_iob(words, (4, 6, "EVENT")))
    assert _texts(doc) == ["Thanksgiving Day"]


@pytest.mark.parametrize(
    ("sentence", "ents", "expected"),
    [
        # Vague references, TimeML's PRESENT_REF / PAST_REF / FUTURE_REF.
        ("The town is now under siege .", (), ["now"]),
        ("Rebels recently seized it and may hold it in the future .", (), ["recently", "the future"]),
        ("As in the past , talks failed .", (), ["the past"]),
        ("In the past two years , talks failed .", (), []),  # a duration: the NER's, not ours
        # Durations, times and decades come from the NER.
        ("The siege lasted three years .", ((3, 5, "DATE"),), ["three years"]),
        ("The curfew starts at 9 p.m. Tuesday .", ((4, 6, "TIME"), (6, 7, "DATE")), ["9 p.m. Tuesday"]),
        ("Prices fell in the 1990s .", (), ["the 1990s"]),
        ("Profit fell in the latest quarter .", (), ["the latest quarter"]),
    ],
)
def test_timeml_mode_adds_what_dates_no_event(
    make_doc: MakeDoc, sentence: str, ents: tuple[tuple[int, int, str], ...], expected: list[str]
) -> None:
    words = sentence.split()
    doc = make_doc(words, ents=_iob(words, *ents))
    assert [m.span.text for m in extract_dates(doc, timeml=True)] == expected
    assert all(m.span.text not in {"now", "recently", "the past", "three years"} for m in extract_dates(doc))


def test_weekday_inside_a_name_is_not_a_date(make_doc: MakeDoc) -> None:
    words = ["Worshippers", "left", "the", "Friday", "Mosque", "."]
    doc = make_doc(words, ents=_iob(words, (3, 5, "FAC")))
    assert _texts(doc) == []


def test_year_counting_a_noun_is_not_a_date(make_doc: MakeDoc) -> None:
    # "reinforced by 2000 troops": the NER calls 2000 a DATE, the parse says it counts troops.
    words = ["The", "base", "was", "reinforced", "by", "2000", "troops", "."]
    doc = make_doc(
        words,
        tags=["DT", "NN", "VBD", "VBN", "IN", "CD", "NNS", "."],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "nummod", "pobj", "punct"],
        heads=[1, 3, 3, 3, 3, 6, 4, 3],
        ents=_iob(words, (5, 6, "DATE")),
    )
    assert _texts(doc) == []


def test_year_modifying_an_event_noun_is_a_date(make_doc: MakeDoc) -> None:
    words = ["The", "2014", "offensive", "failed", "."]
    doc = make_doc(
        words,
        tags=["DT", "CD", "NN", "VBD", "."],
        pos=["DET", "NUM", "NOUN", "VERB", "PUNCT"],
        deps=["det", "nummod", "nsubj", "ROOT", "punct"],
        heads=[2, 2, 3, 3, 3],
        ents=_iob(words, (1, 2, "DATE")),
    )
    assert _texts(doc) == ["2014"]


# --------------------------------------------------------------------------- sentences, order


def test_sentence_index_and_order(make_doc: MakeDoc) -> None:
    words = ["Rebels", "attacked", "on", "Monday", ".", "Two", "days", "later", ",",
             "troops", "retook", "it", "on", "Wednesday", "."]  # fmt: skip
    doc = make_doc(
        words,
        sent_starts=[i in (0, 5) for i in range(len(words))],
        ents=_iob(words, (5, 8, "DATE")),
    )
    mentions = extract_dates(doc)
    assert [(m.span.text, m.sentence) for m in mentions] == [
        ("Monday", 0),
        ("Two days later", 1),
        ("Wednesday", 1),
    ]
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)


def test_without_sentence_bounds_everything_is_sentence_zero(make_doc: MakeDoc) -> None:
    doc = make_doc("Rebels attacked on Monday . Troops replied on Tuesday .".split())
    assert [m.sentence for m in extract_dates(doc)] == [0, 0]


def test_empty_doc(make_doc: MakeDoc) -> None:
    assert extract_dates(make_doc(["."])) == []


# --------------------------------------------------------------------------- real parses


MODEL_CASES = [
    (
        "Insurgents shelled a government checkpoint on Saturday, killing four soldiers, "
        "the defence ministry said on Monday.",
        ["Saturday", "Monday"],
    ),
    (
        "Saturday's raid followed weeks of clashes that began in mid-December and "
        "intensified in early January.",
        ["Saturday", "mid-December", "early January"],
    ),
    (
        "The militia, which has controlled the valley for two years, lost it on November 22 "
        "after holding it since 2011.",
        ["November 22", "2011"],
    ),
    (
        "Fighting between 3 and 5 May displaced 900 families, and two more civilians died yesterday.",
        ["between 3 and 5 May", "yesterday"],
    ),
    (
        "Earlier this month a convoy was ambushed 50km north of the city; last week the army "
        "said it would retake the road this March.",
        ["Earlier this month", "last week", "this March"],
    ),
    (
        "A 34-year-old commander was captured three days ago, and the annual ceasefire talks were postponed.",
        ["three days ago"],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), MODEL_CASES)
def test_real_parses(nlp, sentence: str, expected: list[str]) -> None:  # noqa: ANN001
    assert _texts(nlp(sentence)) == expected


@pytest.mark.model
def test_real_parse_sentence_indices(nlp) -> None:  # noqa: ANN001
    doc = nlp(
        "Gunmen stormed a police post on Tuesday night. Two days later, troops retook it.\n"
        "The governor visited the area on 14 March 2019."
    )
    assert [(m.span.text, m.sentence) for m in extract_dates(doc)] == [
        ("Tuesday", 0),
        ("Two days later", 1),
        ("14 March 2019", 2),
    ]
