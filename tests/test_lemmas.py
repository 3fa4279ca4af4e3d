"""The cached lemmas are exactly the lemmas of the model's own rule lemmatizer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.config import NlpConfig
from eventwire.nlp.lemmas import CachedLemmas

pytestmark = pytest.mark.model

# Every path of spaCy's English rule lemmatizer: base forms (singular nouns, infinitives,
# positive adjectives), inflections the suffix rules undo, exceptions ("went", "children",
# "better"), proper nouns, numbers and punctuation, words whose lemma the attribute rules set
# ("'s", "n't"), one word read as two parts of speech, spaces and an empty text.
SENTENCES = [
    "Rebels attacked the bases and the soldiers went home; children were wounded.",
    "The better-armed militias shelled Aleppo's outskirts, killing 12 people on 3 May.",
    "He doesn't say that the attacks were attacking anything: she's seen worse.",
    "Police police the protests. The protest was policed.\n\nMarches, marched, marching.",
    "   ",
    "",
]


@pytest.fixture(scope="module")
def stock_nlp():  # noqa: ANN201 - spaCy Language
    from eventwire.nlp import load_nlp

    return load_nlp(replace(NlpConfig(), cached_lemmas=False))


def test_pipelines_differ_only_in_the_lemmatizer(nlp, stock_nlp) -> None:
    assert nlp.pipe_names == stock_nlp.pipe_names
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmas)
    assert not isinstance(stock_nlp.get_pipe("lemmatizer"), CachedLemmas)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_spacy(nlp, stock_nlp, text: str) -> None:
    # Both lemmatizers run on one and the same parse, so only they can differ.
    with nlp.select_pipes(disable=["lemmatizer"]):
        parsed = nlp(text)
    ours, theirs = parsed.copy(), parsed.copy()
    for _ in range(2):  # the second pass answers from the cache
        nlp.get_pipe("lemmatizer")(ours)
        stock_nlp.get_pipe("lemmatizer")(theirs)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_the_lemmatizer_sets_lemmas_the_rules_left_unset(nlp) -> None:
    # Guards the comparison above against two components that both do nothing.
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp("The soldiers went home.")
    before = [t.lemma_ for t in doc]
    nlp.get_pipe("lemmatizer")(doc)
    assert before != [t.lemma_ for t in doc]
    assert [t.lemma_ for t in doc][:3] == ["the", "soldier", "go"]
