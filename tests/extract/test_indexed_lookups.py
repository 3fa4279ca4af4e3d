"""The per-Doc indexes and windowed lookups that keep extraction linear in article length give
what the whole-document scans they replace gave."""

from __future__ import annotations

import random

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.extract.doc_index import EntityIndex, entity_index, sentence_bounds
from eventwire.extract.quantities import _MAX_CLAUSE_STEPS, _governing_verb, attribute_quantities
from eventwire.records import AttributionMention, QuantityMention, Span


def _doc_with_entities_and_sentences() -> Doc:
    words = "Gunmen from Boko Haram attacked Maiduguri . The United Nations said New York was quiet .".split()
    ents = ["O", "O", "B-ORG", "I-ORG", "O", "B-GPE", "O", "O", "B-ORG", "I-ORG", "O", "B-GPE", "I-GPE",
            "O", "O", "O"]
    sent_starts = [True] + [False] * 6 + [True] + [False] * 8
    return Doc(Vocab(), words=words, ents=ents, sent_starts=sent_starts)


def test_the_entity_holding_a_token_is_the_one_doc_ents_holds_it_in() -> None:
    doc = _doc_with_entities_and_sentences()
    index = entity_index(doc)
    for token in doc:
        expected = [(e.start, e.end, e.label_) for e in doc.ents if e.start <= token.i < e.end]
        found = index.containing(token.i)
        assert ([(found.start, found.end, found.label_)] if found is not None else []) == expected
    boko_haram = index.containing(2)
    assert boko_haram is not None and boko_haram.text == "Boko Haram"
    assert index.containing(4) is None


def test_entities_overlapping_a_range_are_those_of_doc_ents_in_text_order() -> None:
    doc = _doc_with_entities_and_sentences()
    index = EntityIndex(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            expected = [(e.start, e.end) for e in doc.ents if e.end > start and e.start < end]
            assert [(e.start, e.end) for e in index.overlapping(start, end)] == expected
    expected_names = ["Boko Haram", "Maiduguri", "United Nations", "New York"]
    assert [e.text for e in index.overlapping(3, 12)] == expected_names


def test_the_index_is_built_once_per_doc() -> None:
    doc = _doc_with_entities_and_sentences()
    assert entity_index(doc) is entity_index(doc)
    assert entity_index(doc) is not entity_index(_doc_with_entities_and_sentences())


def test_sentence_bounds_are_those_of_token_sent() -> None:
    doc = _doc_with_entities_and_sentences()
    for token in doc:
        assert sentence_bounds(token) == (token.sent.start, token.sent.end)
    assert sentence_bounds(doc[0]) == (0, 7)
    assert sentence_bounds(doc[15]) == (7, 16)


def _figure(start: int, end: int) -> QuantityMention:
    return QuantityMention("killed", 3, None, None, Span("x" * (end - start), start, end), 0)


def _attribution(number: int, start: int, end: int) -> AttributionMention:
    return AttributionMention(
        source=Span(f"source {number}", 0, 8), cue="say", sentence=0, status="asserted",
        scope=Span("x" * (end - start), start, end),
    )


def _narrowest_by_scanning(
    quantity: QuantityMention, attributions: list[AttributionMention]
) -> AttributionMention | None:
    covering = [
        a for a in attributions if a.scope.start <= quantity.span.start and quantity.span.end <= a.scope.end
    ]
    return min(covering, key=lambda a: a.scope.end - a.scope.start, default=None)


def test_attribution_lookup_matches_a_scan_of_every_attribution() -> None:
    rng = random.Random(15)
    for _ in range(200):
        attributions = []
        for number in range(rng.randint(0, 12)):
            start = rng.randint(0, 300)
            attributions.append(_attribution(number, start, start + rng.randint(1, 150)))
        figures = []
        for _ in range(rng.randint(1, 10)):
            start = rng.randint(0, 400)
            figures.append(_figure(start, start + rng.randint(1, 20)))
        attributed = attribute_quantities(figures, attributions)
        # Equal scopes tie: the first attribution listed wins, as a scan finds it.
        scanned = [_narrowest_by_scanning(q, attributions) for q in figures]
        assert [q.attribution for q in attributed] == scanned


def _chain(length: int) -> Doc:
    """A verb with a coordination parsed as one long chain: each noun the conjunct of the last."""
    words = ["left", *(f"n{i}" for i in range(length))]
    heads = [0, 0, *range(1, length)]
    deps = ["ROOT", "dobj", *(["conj"] * (length - 1))]
    pos = ["VERB", *(["NOUN"] * length)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_figures_verb_is_found_within_the_clause_walk_and_not_beyond_it() -> None:
    doc = _chain(2 * _MAX_CLAUSE_STEPS)
    deepest_reached = _governing_verb(doc[_MAX_CLAUSE_STEPS])
    assert deepest_reached is not None and deepest_reached.i == 0
    assert _governing_verb(doc[_MAX_CLAUSE_STEPS + 1]) is None
    itself = _governing_verb(doc[0])
    assert itself is not None and itself.i == 0
