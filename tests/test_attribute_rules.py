"""The indexed attribute rules give exactly what the model's own attribute_ruler gives."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from eventwire.config import NlpConfig
from eventwire.errors import ResourceError
from eventwire.nlp.attribute_rules import IndexedAttributeRules

pytestmark = pytest.mark.model

# Sentences that reach the rules of every kind: one-token tag rules, word lists ("that",
# "not"), rules on the dependency ("it" as subject and object, "there is", auxiliaries,
# "has" as a main verb), several-token ones ("gon na", "let 's", "ai n't") and line breaks.
SENTENCES = [
    "Rebels said that they had not attacked the base, but the army denied it.",
    "There is no sign of the convoy.\n\nI think it is gonna rain; let's go, y'all.",
    "He ain't here. She has a car and does her work, which I gave to you.",
    "Whether or not troops withdraw, the talks will be held on Monday in Geneva.",
    "   ",
    "",
]
_COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]


@pytest.fixture(scope="module")
def stock_nlp():  # noqa: ANN201 - spaCy Language
    from eventwire.nlp import load_nlp

    return load_nlp(replace(NlpConfig(), indexed_attribute_rules=False))


def test_pipelines_differ_only_in_the_rules_component(nlp, stock_nlp) -> None:
    assert nlp.pipe_names == stock_nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRules)
    assert not isinstance(stock_nlp.get_pipe("attribute_ruler"), IndexedAttributeRules)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_tags_lemmas_and_morphology_as_spacy(nlp, stock_nlp, text: str) -> None:
    # Both rule sets run on one and the same parse, so only the rules can differ.
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        parsed = nlp(text)
    ours, theirs = parsed.copy(), parsed.copy()
    nlp.get_pipe("attribute_ruler")(ours)
    stock_nlp.get_pipe("attribute_ruler")(theirs)
    assert [(t.text, t.pos_, t.lemma_, str(t.morph), t.dep_) for t in ours] == [
        (t.text, t.pos_, t.lemma_, str(t.morph), t.dep_) for t in theirs
    ]
    assert (ours.to_array(_COMPARED) == theirs.to_array(_COMPARED)).all()


def test_rules_change_what_the_tagger_gave(nlp) -> None:
    # Guards the comparison above against two components that both do nothing.
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        doc = nlp("They had not gone.")
    assert all(t.pos_ == "" for t in doc)
    nlp.get_pipe("attribute_ruler")(doc)
    assert [t.pos_ for t in doc] == ["PRON", "AUX", "PART", "VERB", "PUNCT"]
    assert doc[2].lemma_ == "not"


def test_refuses_rules_it_cannot_index(nlp) -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    with pytest.raises(ResourceError):
        IndexedAttributeRules(nlp).adopt(ruler)


def test_a_pipeline_whose_rules_cannot_be_indexed_keeps_spacys() -> None:
    import spacy
    from spacy.pipeline import AttributeRuler

    from eventwire.nlp.attribute_rules import index_attribute_rules

    other = spacy.blank("en")
    ruler = other.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Mr."}]], {"NORM": "mister"})  # tests ORTH, sets NORM: not indexable
    with pytest.raises(ResourceError):
        index_attribute_rules(other)
    assert isinstance(other.get_pipe("attribute_ruler"), AttributeRuler)
    assert other.pipe_names == ["attribute_ruler"]
