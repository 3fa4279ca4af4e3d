"""Dependency helpers on hand-built parses."""

from __future__ import annotations

import pytest

from eventwire.extract.syntax import clause_tense, is_headline, noun_phrase, subject_of

_LEMMAS = {"scheduled": "schedule", "postponed": "postpone", "declared": "declare", "had": "have"}


def tense_doc(make_doc, words, pos, tags, deps, heads):
    lemmas = [_LEMMAS.get(w.lower(), w.lower()) for w in words]
    return make_doc(words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)


@pytest.mark.parametrize(
    ("words", "pos", "tags", "deps", "heads", "expected"),
    [
        (
            ["Rebels", "attacked", "on", "Monday"],
            ["NOUN", "VERB", "ADP", "PROPN"],
            ["NNS", "VBD", "IN", "NNP"],
            ["nsubj", "ROOT", "prep", "pobj"],
            [1, 1, 1, 2],
            "past",
        ),
        (
            ["Talks", "will", "resume", "on", "Monday"],
            ["NOUN", "AUX", "VERB", "ADP", "PROPN"],
            ["NNS", "MD", "VB", "IN", "NNP"],
            ["nsubj", "aux", "ROOT", "prep", "pobj"],
            [2, 2, 2, 2, 3],
            "future",
        ),
        # A plan reads forward whatever its verb's tense.
        (
            ["The", "sale", "is", "scheduled", "to", "close", "Monday"],
            ["DET", "NOUN", "AUX", "VERB", "PART", "VERB", "PROPN"],
            ["DT", "NN", "VBZ", "VBN", "TO", "VB", "NNP"],
            ["det", "nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "npadvmod"],
            [1, 3, 3, 3, 5, 3, 5],
            "future",
        ),
        # ... unless it is over: "had been due to expire Monday".
        (
            ["It", "had", "been", "scheduled", "to", "expire", "Monday"],
            ["PRON", "AUX", "AUX", "VERB", "PART", "VERB", "PROPN"],
            ["PRP", "VBD", "VBN", "VBN", "TO", "VB", "NNP"],
            ["nsubjpass", "aux", "auxpass", "ROOT", "aux", "xcomp", "npadvmod"],
            [3, 3, 3, 3, 5, 3, 5],
            "unknown",
        ),
        # A deferral: the new date lies ahead.
        (
            ["Officials", "postponed", "the", "vote", "until", "Monday"],
            ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN"],
            ["NNS", "VBD", "DT", "NN", "IN", "NNP"],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
            [1, 1, 3, 1, 1, 4],
            "future",
        ),
        # A modal looks ahead.
        (
            ["He", "could", "arrive", "Monday"],
            ["PRON", "AUX", "VERB", "PROPN"],
            ["PRP", "MD", "VB", "NNP"],
            ["nsubj", "aux", "ROOT", "npadvmod"],
            [2, 2, 2, 2],
            "future",
        ),
        # The date belongs to an adjective, not to the past-tense verb above it.
        (
            ["It", "declared", "a", "dividend", "payable", "Monday"],
            ["PRON", "VERB", "DET", "NOUN", "ADJ", "PROPN"],
            ["PRP", "VBD", "DT", "NN", "JJ", "NNP"],
            ["nsubj", "ROOT", "det", "dobj", "amod", "npadvmod"],
            [1, 1, 3, 1, 3, 4],
            "unknown",
        ),
        # A headline without a verb: the walk up the tree must stop at the root.
        (
            ["Clashes", "in", "Idlib", "on", "Monday"],
            ["NOUN", "ADP", "PROPN", "ADP", "PROPN"],
            ["NNS", "IN", "NNP", "IN", "NNP"],
            ["ROOT", "prep", "pobj", "prep", "pobj"],
            [0, 0, 1, 0, 3],
            "unknown",
        ),
    ],
)
def test_clause_tense(make_doc, words, pos, tags, deps, heads, expected):
    doc = tense_doc(make_doc, words, pos, tags, deps, heads)
    monday = doc[-1]
    assert clause_tense(doc, monday.idx) == expected


def test_noun_phrase_keeps_modifiers_and_drops_article(make_doc):
    doc = make_doc(
        ["the", "Kremlin", "spokesman", "Dmitry", "Peskov", "said"],
        pos=["DET", "PROPN", "NOUN", "PROPN", "PROPN", "VERB"],
        deps=["det", "compound", "compound", "compound", "nsubj", "ROOT"],
        heads=[4, 2, 4, 4, 5, 5],
    )
    start, end = noun_phrase(doc[4])
    assert doc[start:end].text == "Kremlin spokesman Dmitry Peskov"


def test_headline_detection(make_doc):
    headline = make_doc(["Russia", "Accuses", "United", "States", "Over", "Drone", "Attack"])
    sentence = make_doc(["Russia", "accused", "the", "United", "States", "over", "the", "attack"])
    assert is_headline(headline[:]) and not is_headline(sentence[:])


def test_noun_phrase_keeps_the_country_a_named_person_heads(make_doc):
    doc = make_doc(
        ["King", "Hassan", "of", "Morocco", "said"],
        pos=["PROPN", "PROPN", "ADP", "PROPN", "VERB"],
        deps=["compound", "nsubj", "prep", "pobj", "ROOT"],
        heads=[1, 4, 1, 2, 4],
        ents=["O", "B-PERSON", "O", "B-GPE", "O"],
    )
    start, end = noun_phrase(doc[1])
    assert doc[start:end].text == "King Hassan of Morocco"


def test_purpose_clause_shares_the_main_subject(make_doc):
    doc = make_doc(
        ["Students", "staged", "rallies", "to", "demand", "reforms"],
        pos=["NOUN", "VERB", "NOUN", "PART", "VERB", "NOUN"],
        deps=["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj"],
        heads=[1, 1, 1, 4, 1, 4],
    )
    assert [t.text for t in subject_of(doc[4])] == ["Students"]


def test_quoted_as_saying_gives_the_one_quoted(make_doc):
    doc = make_doc(
        ["Hassan", "was", "quoted", "as", "saying", "he", "agreed"],
        pos=["PROPN", "AUX", "VERB", "ADP", "VERB", "PRON", "VERB"],
        deps=["nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "nsubj", "ccomp"],
        heads=[2, 2, 2, 2, 3, 6, 4],
    )
    assert [t.text for t in subject_of(doc[4])] == ["Hassan"]


def test_noun_phrase_keeps_an_apposition_after_a_name(make_doc):
    doc = make_doc(
        ["Kenzo", "Oshima", ",", "the", "UN", "coordinator", ",", "said"],
        pos=["PROPN", "PROPN", "PUNCT", "DET", "PROPN", "NOUN", "PUNCT", "VERB"],
        deps=["compound", "nsubj", "punct", "det", "compound", "appos", "punct", "ROOT"],
        heads=[1, 7, 1, 5, 5, 1, 1, 7],
    )
    start, end = noun_phrase(doc[1])
    assert doc[start:end].text == "Kenzo Oshima, the UN coordinator"
