"""Dependency helpers on hand-built parses."""

from __future__ import annotations

import pytest

from eventwire.extract.syntax import clause_tense, is_headline, noun_phrase


def tense_doc(make_doc, words, pos, tags, deps, heads):
    return make_doc(words, pos=pos, tags=tags, deps=deps, heads=heads)


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
