"""extract_quantities on hand-built parses (no model), then on real parses (marked `model`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventwire.data.quantity_words import QuantityWords
from eventwire.extract.quantities import (
    attribute_quantities,
    link_unattached_figures,
)
from eventwire.extract.quantities import (
    extract_quantities as extract_with,
)
from eventwire.records import AttributionMention, EventMention, QuantityMention, Span

WORDS = QuantityWords.load()  # the bundled table, loaded once for the module as the pipeline does


def extract_quantities(doc: Doc) -> list[QuantityMention]:
    return extract_with(doc, WORDS)

# One row per token: word, POS, tag, dependency, head index, lemma.
Row = tuple[str, str, str, str, int, str]


def parsed(make_doc: Callable[..., Doc], rows: list[Row]) -> Doc:
    words, pos, tags, deps, heads, lemmas = (list(column) for column in zip(*rows, strict=True))
    return make_doc(words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)


def figures(doc: Doc) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.what, m.value, m.low, m.high) for m in extract_quantities(doc)]


def spans(doc: Doc) -> dict[str, str]:
    return {m.what: m.span.text for m in extract_quantities(doc)}


def test_coordinated_victims_are_added_and_others_counted_apart(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("A", "DET", "DT", "det", 1, "a"),
            ("woman", "NOUN", "NN", "nsubjpass", 6, "woman"),
            ("and", "CCONJ", "CC", "cc", 1, "and"),
            ("two", "NUM", "CD", "nummod", 4, "two"),
            ("children", "NOUN", "NNS", "conj", 1, "child"),
            ("were", "AUX", "VBD", "auxpass", 6, "be"),
            ("killed", "VERB", "VBN", "ROOT", 6, "kill"),
            ("and", "CCONJ", "CC", "cc", 6, "and"),
            ("11", "NUM", "CD", "nummod", 9, "11"),
            ("others", "NOUN", "NNS", "nsubjpass", 11, "other"),
            ("were", "AUX", "VBD", "auxpass", 11, "be"),
            ("injured", "VERB", "VBN", "conj", 6, "injure"),
            (".", "PUNCT", ".", "punct", 6, "."),
        ],
    )
    mentions = extract_quantities(doc)
    assert [(m.what, m.value, m.low, m.high) for m in mentions] == [
        ("killed", 3, None, None),
        ("wounded", 11, None, None),
    ]
    killed, wounded = mentions
    assert killed.span.text == "A woman and two children were killed"
    assert doc.text[killed.span.start : killed.span.end] == killed.span.text
    assert wounded.span.text == "11 others were injured"
    assert {m.sentence for m in mentions} == {0}


def test_equipment_and_what_became_of_it(make_doc: Callable[..., Doc]) -> None:
    # "seven shot down" as the small model parses it: "shot" a noun with "seven" its subject.
    doc = parsed(
        make_doc,
        [
            ("The", "DET", "DT", "det", 1, "the"),
            ("attack", "NOUN", "NN", "nsubjpass", 6, "attack"),
            ("by", "ADP", "IN", "prep", 1, "by"),
            ("13", "NUM", "CD", "nummod", 4, "13"),
            ("drones", "NOUN", "NNS", "pobj", 2, "drone"),
            ("was", "AUX", "VBD", "auxpass", 6, "be"),
            ("repelled", "VERB", "VBN", "ROOT", 6, "repel"),
            (",", "PUNCT", ",", "punct", 6, ","),
            ("with", "ADP", "IN", "prep", 6, "with"),
            ("seven", "NUM", "CD", "nsubj", 10, "seven"),
            ("shot", "NOUN", "NN", "pobj", 8, "shot"),
            ("down", "ADV", "RB", "prt", 10, "down"),
            ("and", "CCONJ", "CC", "cc", 10, "and"),
            ("six", "NUM", "CD", "nsubj", 14, "six"),
            ("forced", "VERB", "VBN", "conj", 10, "force"),
            ("to", "PART", "TO", "aux", 16, "to"),
            ("land", "VERB", "VB", "xcomp", 14, "land"),
            (".", "PUNCT", ".", "punct", 6, "."),
        ],
    )
    assert figures(doc) == [
        ("drones", 13, None, None),
        ("shot_down", 7, None, None),
        ("forced_to_land", 6, None, None),
    ]
    assert spans(doc) == {
        "drones": "13 drones",
        "shot_down": "seven shot down",
        "forced_to_land": "six forced to land",
    }


def test_an_outcome_verb_counts_its_object_once(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("Air", "NOUN", "NN", "compound", 1, "air"),
            ("defences", "NOUN", "NNS", "nsubj", 2, "defence"),
            ("intercepted", "VERB", "VBD", "ROOT", 2, "intercept"),
            ("five", "NUM", "CD", "nummod", 4, "five"),
            ("rockets", "NOUN", "NNS", "dobj", 2, "rocket"),
            (".", "PUNCT", ".", "punct", 2, "."),
        ],
    )
    assert figures(doc) == [("intercepted", 5, None, None)]


def test_qualifiers_and_vague_numbers(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("The", "DET", "DT", "det", 1, "the"),
            ("strike", "NOUN", "NN", "nsubj", 2, "strike"),
            ("killed", "VERB", "VBD", "ROOT", 2, "kill"),
            ("at", "ADV", "RB", "advmod", 4, "at"),
            ("least", "ADJ", "JJS", "advmod", 5, "least"),
            ("8", "NUM", "CD", "nummod", 6, "8"),
            ("people", "NOUN", "NNS", "dobj", 2, "people"),
            ("and", "CCONJ", "CC", "cc", 2, "and"),
            ("injured", "VERB", "VBD", "conj", 2, "injure"),
            ("dozens", "NOUN", "NNS", "dobj", 8, "dozen"),
            (".", "PUNCT", ".", "punct", 2, "."),
        ],
    )
    assert figures(doc) == [("killed", 8, 8, None), ("wounded", 12, 12, None)]
    assert spans(doc) == {"killed": "killed at least 8 people", "wounded": "injured dozens"}


def test_range_read_as_a_prepositional_phrase(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("Between", "ADP", "IN", "prep", 6, "between"),
            ("10", "NUM", "CD", "nummod", 4, "10"),
            ("-", "SYM", "SYM", "punct", 3, "-"),
            ("15", "NUM", "CD", "prep", 1, "15"),
            ("people", "NOUN", "NNS", "pobj", 0, "people"),
            ("were", "AUX", "VBD", "auxpass", 6, "be"),
            ("wounded", "VERB", "VBN", "ROOT", 6, "wound"),
            (".", "PUNCT", ".", "punct", 6, "."),
        ],
    )
    assert figures(doc) == [("wounded", 10, 10, 15)]


def test_death_toll(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("The", "DET", "DT", "det", 2, "the"),
            ("death", "NOUN", "NN", "compound", 2, "death"),
            ("toll", "NOUN", "NN", "nsubj", 3, "toll"),
            ("rose", "VERB", "VBD", "ROOT", 3, "rise"),
            ("to", "ADP", "IN", "prep", 3, "to"),
            ("45", "NUM", "CD", "pobj", 4, "45"),
            ("on", "ADP", "IN", "prep", 3, "on"),
            ("Sunday", "PROPN", "NNP", "pobj", 6, "Sunday"),
            (".", "PUNCT", ".", "punct", 3, "."),
        ],
    )
    assert figures(doc) == [("killed", 45, None, None)]
    assert spans(doc) == {"killed": "death toll rose to 45"}


def test_no_casualties_is_zero_killed_and_zero_wounded(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("There", "PRON", "EX", "expl", 1, "there"),
            ("were", "VERB", "VBD", "ROOT", 1, "be"),
            ("no", "DET", "DT", "det", 3, "no"),
            ("casualties", "NOUN", "NNS", "attr", 1, "casualty"),
            ("or", "CCONJ", "CC", "cc", 3, "or"),
            ("damage", "NOUN", "NN", "conj", 3, "damage"),
            (".", "PUNCT", ".", "punct", 1, "."),
        ],
    )
    assert figures(doc) == [("killed", 0, None, None), ("wounded", 0, None, None)]
    assert spans(doc) == {"killed": "no casualties", "wounded": "no casualties"}


def test_not_any_casualties_is_zero(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("The", "DET", "DT", "det", 1, "the"),
            ("base", "NOUN", "NN", "nsubj", 4, "base"),
            ("did", "AUX", "VBD", "aux", 4, "do"),
            ("not", "PART", "RB", "neg", 4, "not"),
            ("suffer", "VERB", "VB", "ROOT", 4, "suffer"),
            ("any", "DET", "DT", "det", 6, "any"),
            ("casualties", "NOUN", "NNS", "dobj", 4, "casualty"),
            (".", "PUNCT", ".", "punct", 4, "."),
        ],
    )
    assert figures(doc) == [("killed", 0, None, None), ("wounded", 0, None, None)]
    assert spans(doc)["killed"] == "not suffer any casualties"


def test_no_one_was_killed(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("No", "DET", "DT", "det", 1, "no"),
            ("one", "NOUN", "NN", "nsubjpass", 3, "one"),
            ("was", "AUX", "VBD", "auxpass", 3, "be"),
            ("killed", "VERB", "VBN", "ROOT", 3, "kill"),
            (".", "PUNCT", ".", "punct", 3, "."),
        ],
    )
    assert figures(doc) == [("killed", 0, None, None)]


def test_negated_and_modal_counts_are_not_reports(make_doc: Callable[..., Doc]) -> None:
    negated = parsed(
        make_doc,
        [
            ("Police", "NOUN", "NNS", "nsubj", 3, "police"),
            ("did", "AUX", "VBD", "aux", 3, "do"),
            ("not", "PART", "RB", "neg", 3, "not"),
            ("arrest", "VERB", "VB", "ROOT", 3, "arrest"),
            ("14", "NUM", "CD", "nummod", 5, "14"),
            ("protesters", "NOUN", "NNS", "dobj", 3, "protester"),
            (".", "PUNCT", ".", "punct", 3, "."),
        ],
    )
    modal = parsed(
        make_doc,
        [
            ("The", "DET", "DT", "det", 1, "the"),
            ("strike", "NOUN", "NN", "nsubj", 3, "strike"),
            ("could", "AUX", "MD", "aux", 3, "could"),
            ("kill", "VERB", "VB", "ROOT", 3, "kill"),
            ("100", "NUM", "CD", "nummod", 5, "100"),
            ("people", "NOUN", "NNS", "dobj", 3, "people"),
            (".", "PUNCT", ".", "punct", 3, "."),
        ],
    )
    assert extract_quantities(negated) == []
    assert extract_quantities(modal) == []


def test_the_agent_of_an_active_verb_is_not_counted(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("Two", "NUM", "CD", "nummod", 1, "two"),
            ("gunmen", "NOUN", "NNS", "nsubj", 2, "gunman"),
            ("killed", "VERB", "VBD", "ROOT", 2, "kill"),
            ("three", "NUM", "CD", "nummod", 4, "three"),
            ("soldiers", "NOUN", "NNS", "dobj", 2, "soldier"),
            (".", "PUNCT", ".", "punct", 2, "."),
        ],
    )
    assert figures(doc) == [("killed", 3, None, None)]


def test_numbers_that_count_no_casualty_or_equipment(make_doc: Callable[..., Doc]) -> None:
    # "Rebels attacked a post 50 km from the capital, two years after the truce."
    doc = parsed(
        make_doc,
        [
            ("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"),
            ("attacked", "VERB", "VBD", "ROOT", 1, "attack"),
            ("a", "DET", "DT", "det", 3, "a"),
            ("post", "NOUN", "NN", "dobj", 1, "post"),
            ("50", "NUM", "CD", "nummod", 5, "50"),
            ("km", "NOUN", "NN", "npadvmod", 3, "km"),
            ("from", "ADP", "IN", "prep", 3, "from"),
            ("the", "DET", "DT", "det", 8, "the"),
            ("capital", "NOUN", "NN", "pobj", 6, "capital"),
            (",", "PUNCT", ",", "punct", 1, ","),
            ("two", "NUM", "CD", "nummod", 11, "two"),
            ("years", "NOUN", "NNS", "npadvmod", 12, "year"),
            ("after", "ADP", "IN", "prep", 1, "after"),
            ("the", "DET", "DT", "det", 14, "the"),
            ("truce", "NOUN", "NN", "pobj", 12, "truce"),
            (".", "PUNCT", ".", "punct", 1, "."),
        ],
    )
    assert extract_quantities(doc) == []


def test_households_are_not_people(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("Nearly", "ADV", "RB", "advmod", 1, "nearly"),
            ("200", "NUM", "CD", "nummod", 2, "200"),
            ("families", "NOUN", "NNS", "nsubj", 3, "family"),
            ("fled", "VERB", "VBD", "ROOT", 3, "flee"),
            (".", "PUNCT", ".", "punct", 3, "."),
        ],
    )
    assert extract_quantities(doc) == []


def test_an_article_counts_a_victim_but_not_a_weapon(make_doc: Callable[..., Doc]) -> None:
    # "A shell struck a house and a man was hurt."
    doc = parsed(
        make_doc,
        [
            ("A", "DET", "DT", "det", 1, "a"),
            ("shell", "NOUN", "NN", "nsubj", 2, "shell"),
            ("struck", "VERB", "VBD", "ROOT", 2, "strike"),
            ("a", "DET", "DT", "det", 4, "a"),
            ("house", "NOUN", "NN", "dobj", 2, "house"),
            ("and", "CCONJ", "CC", "cc", 2, "and"),
            ("a", "DET", "DT", "det", 7, "a"),
            ("man", "NOUN", "NN", "nsubjpass", 9, "man"),
            ("was", "AUX", "VBD", "auxpass", 9, "be"),
            ("hurt", "VERB", "VBN", "conj", 2, "hurt"),
            (".", "PUNCT", ".", "punct", 2, "."),
        ],
    )
    assert figures(doc) == [("wounded", 1, None, None)]


def test_the_same_figure_twice_in_a_sentence_is_one_mention(make_doc: Callable[..., Doc]) -> None:
    # "Two soldiers died after two soldiers were shot dead."
    doc = parsed(
        make_doc,
        [
            ("Two", "NUM", "CD", "nummod", 1, "two"),
            ("soldiers", "NOUN", "NNS", "nsubj", 2, "soldier"),
            ("died", "VERB", "VBD", "ROOT", 2, "die"),
            ("after", "SCONJ", "IN", "mark", 7, "after"),
            ("two", "NUM", "CD", "nummod", 5, "two"),
            ("soldiers", "NOUN", "NNS", "nsubjpass", 7, "soldier"),
            ("were", "AUX", "VBD", "auxpass", 7, "be"),
            ("shot", "VERB", "VBN", "advcl", 2, "shoot"),
            ("dead", "ADJ", "JJ", "oprd", 7, "dead"),
            (".", "PUNCT", ".", "punct", 2, "."),
        ],
    )
    mentions = extract_quantities(doc)
    assert [(m.what, m.value) for m in mentions] == [("killed", 2)]
    assert mentions[0].span.text == "Two soldiers died"


def test_sentence_numbers(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("Five", "NUM", "CD", "nummod", 1, "five"),
            ("civilians", "NOUN", "NNS", "nsubj", 2, "civilian"),
            ("died", "VERB", "VBD", "ROOT", 2, "die"),
            (".", "PUNCT", ".", "punct", 2, "."),
            ("Police", "NOUN", "NNS", "nsubj", 5, "police"),
            ("detained", "VERB", "VBD", "ROOT", 5, "detain"),
            ("a", "DET", "DT", "det", 7, "a"),
            ("suspect", "NOUN", "NN", "dobj", 5, "suspect"),
            (".", "PUNCT", ".", "punct", 5, "."),
        ],
    )
    assert [(m.what, m.value, m.sentence) for m in extract_quantities(doc)] == [
        ("killed", 5, 0),
        ("arrested", 1, 1),
    ]


def test_kinds_are_listed() -> None:
    for kind in (
        "killed",
        "wounded",
        "missing",
        "arrested",
        "abducted",
        "displaced",
        "drones",
        "missiles",
        "rockets",
        "shot_down",
        "intercepted",
        "forced_to_land",
    ):
        assert kind in WORDS.kinds


# --------------------------------------------------------------------------- real parses

NEWS = [
    (
        "A woman and her two sons were killed and 9 others were hurt when a shell struck "
        "their house in the village, medics said.",
        [("killed", 3, None, None), ("wounded", 9, None, None)],
    ),
    (
        "The ministry said air defences downed 17 drones overnight, while five more were "
        "forced to land by electronic jamming.",
        [("shot_down", 17, None, None), ("forced_to_land", 5, None, None)],
    ),
    (
        "At least 14 people were killed and dozens wounded when a car bomb exploded near a "
        "checkpoint 30 km south of the city.",
        [("killed", 14, 14, None), ("wounded", 12, 12, None)],
    ),
    (
        "Gunmen abducted more than 40 passengers from a bus on Tuesday, two years after a "
        "similar raid on the same road.",
        [("abducted", 41, 41, None)],
    ),
    (
        "Local officials said the death toll from the floods had risen to 63.",
        [("killed", 63, None, None)],
    ),
    (
        "The army said its positions suffered no casualties in the shelling.",
        [
            ("killed", 0, None, None),
            ("wounded", 0, None, None),
        ],
    ),
    (
        "Security forces detained between 20 and 30 protesters, and three journalists were reported missing.",
        [("arrested", 20, 20, 30), ("missing", 3, None, None)],
    ),
    (
        "Fighting has forced nearly 8,000 residents to flee their homes.",
        [
            ("displaced", 8000, None, 8000),
        ],
    ),
    ("About 500 people fled their homes after the shelling.", [("displaced", 500, None, None)]),
    ("A 19-year-old conscript was among the troops stationed 40 km from the border.", []),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), NEWS)
def test_real_parses(nlp, text: str, expected: list[tuple[str, int | None, int | None, int | None]]) -> None:  # noqa: ANN001
    mentions = extract_quantities(nlp(text))
    assert [(m.what, m.value, m.low, m.high) for m in mentions] == expected
    for mention in mentions:
        assert isinstance(mention, QuantityMention)
        assert text[mention.span.start : mention.span.end] == mention.span.text


# --------------------------------------------------------------------------- who vouches for a figure


def _figure(what: str, value: int, start: int, end: int, sentence: int = 0) -> QuantityMention:
    return QuantityMention(what, value, None, None, Span("x" * (end - start), start, end), sentence)


def _attribution(source: str, scope: tuple[int, int], cue: str = "say") -> AttributionMention:
    return AttributionMention(
        source=Span(source, 0, len(source)),
        cue=cue,
        sentence=0,
        status="asserted",
        scope=Span("x" * (scope[1] - scope[0]), *scope),
    )


def test_a_figure_takes_the_narrowest_attribution_that_holds_it() -> None:
    sentence_wide = _attribution("the ministry", (0, 100), cue="according to")
    clause = _attribution("the monitor", (10, 40))
    inside, outside = _figure("killed", 11, 12, 20), _figure("killed", 6, 50, 60)
    across = _figure("wounded", 3, 35, 45)
    attributed = attribute_quantities([inside, outside, across], [sentence_wide, clause])
    assert [q.attribution.source.text if q.attribution else None for q in attributed] == [
        "the monitor",
        "the ministry",
        "the ministry",
    ]


def test_a_figure_without_a_source_stays_unattributed() -> None:
    figure = _figure("killed", 2, 0, 10)
    assert attribute_quantities([figure], [_attribution("police", (20, 40))]) == [figure]


def _event(sentence: int, sentence_span: Span, trigger: Span) -> EventMention:
    return EventMention(
        type="ASSAULT", mode=None, cameo="190", acled_event_type=None, acled_sub_event_type=None,
        trigger=trigger, sentence=sentence, sentence_span=sentence_span, status="asserted",
    )  # fmt: skip


def _two_sentences(make_doc: Callable[..., Doc]) -> Doc:
    # "Drones attacked the bases. The bases did not suffer any casualties."
    rows: list[Row] = [
        ("Drones", "NOUN", "NNS", "nsubj", 1, "drone"),
        ("attacked", "VERB", "VBD", "ROOT", 1, "attack"),
        ("the", "DET", "DT", "det", 3, "the"),
        ("bases", "NOUN", "NNS", "dobj", 1, "base"),
        (".", "PUNCT", ".", "punct", 1, "."),
        ("The", "DET", "DT", "det", 6, "the"),
        ("bases", "NOUN", "NNS", "nsubj", 9, "base"),
        ("did", "AUX", "VBD", "aux", 9, "do"),
        ("not", "PART", "RB", "neg", 9, "not"),
        ("suffer", "VERB", "VB", "ROOT", 9, "suffer"),
        ("any", "DET", "DT", "det", 11, "any"),
        ("casualties", "NOUN", "NNS", "dobj", 9, "casualty"),
        (".", "PUNCT", ".", "punct", 9, "."),
    ]
    words, pos, tags, deps, heads, lemmas = (list(column) for column in zip(*rows, strict=True))
    starts = [i in {0, 5} for i in range(len(words))]
    return make_doc(words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas, sent_starts=starts)


def test_a_figure_in_a_sentence_without_an_event_joins_the_attack_its_subject_refers_to(
    make_doc: Callable[..., Doc],
) -> None:
    doc = _two_sentences(make_doc)
    first = doc[0:5]
    trigger = Span("attacked", doc[1].idx, doc[1].idx + 8)
    attack = _event(0, Span(first.text, first.start_char, first.end_char), trigger)
    zeros = extract_quantities(doc)
    assert [(q.what, q.value, q.sentence) for q in zeros] == [("killed", 0, 1), ("wounded", 0, 1)]
    (linked,) = link_unattached_figures(doc, [attack], zeros)
    assert [(q.what, q.value) for q in linked.quantities] == [("killed", 0), ("wounded", 0)]


def test_a_figure_right_after_an_attack_in_its_paragraph_joins_it(make_doc: Callable[..., Doc]) -> None:
    doc = _two_sentences(make_doc)
    # The first sentence read as naming no base: the figure still continues its paragraph.
    attack = _event(0, Span("Drones attacked", 0, 15), Span("attacked", doc[1].idx, doc[1].idx + 8))
    (linked,) = link_unattached_figures(doc, [attack], extract_quantities(doc))
    assert [(q.what, q.value) for q in linked.quantities] == [("killed", 0), ("wounded", 0)]


def test_no_shared_subject_noun_and_not_adjacent_no_link(make_doc: Callable[..., Doc]) -> None:
    doc = _two_sentences(make_doc)
    # An attack two sentences back that names no base is not what "the bases" refer to.
    attack = _event(-1, Span("Drones attacked", 0, 15), Span("attacked", doc[1].idx, doc[1].idx + 8))
    (unlinked,) = link_unattached_figures(doc, [attack], extract_quantities(doc))
    assert unlinked.quantities == ()


def test_shot_dead_with_dead_parsed_as_an_adverb(make_doc: Callable[..., Doc]) -> None:
    doc = parsed(
        make_doc,
        [
            ("Police", "NOUN", "NNS", "nsubj", 1, "police"),
            ("shot", "VERB", "VBD", "ROOT", 1, "shoot"),
            ("dead", "ADJ", "JJ", "advmod", 1, "dead"),
            ("a", "DET", "DT", "det", 4, "a"),
            ("suspect", "NOUN", "NN", "dobj", 1, "suspect"),
            (".", "PUNCT", ".", "punct", 1, "."),
        ],
    )
    assert figures(doc) == [("killed", 1, None, None)]
    assert spans(doc) == {"killed": "shot dead a suspect"}
