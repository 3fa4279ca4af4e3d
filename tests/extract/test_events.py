"""Event extraction on hand-built parses: no model needed, every rule shown on a small sentence."""

from __future__ import annotations

import pytest

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.attributions import extract_attributions
from eventwire.extract.events import extract_events
from eventwire.records import DateMention, PlaceMention, Span


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def parsed(make_doc, rows):
    """rows: (word, pos, dep, head index, entity IOB, lemma) -> a Doc with that parse."""
    words, pos, deps, heads, ents, lemmas = zip(*rows, strict=True)
    return make_doc(
        words,
        pos=pos,
        deps=deps,
        heads=heads,
        ents=ents,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def mention_of(doc, token_index, kind):
    token = doc[token_index]
    span = Span(token.text, token.idx, token.idx + len(token.text))
    return PlaceMention(span, 0) if kind == "place" else DateMention(span, 0)


def test_verb_with_subject_place_and_date(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Rebels", "NOUN", "nsubj", 1, "O", "rebel"),
            ("attacked", "VERB", "ROOT", 1, "O", "attack"),
            ("the", "DET", "det", 3, "O", "the"),
            ("town", "NOUN", "dobj", 1, "O", "town"),
            ("of", "ADP", "prep", 3, "O", "of"),
            ("Dori", "PROPN", "pobj", 4, "B-GPE", "Dori"),
            ("on", "ADP", "prep", 1, "O", "on"),
            ("Monday", "PROPN", "pobj", 6, "B-DATE", "Monday"),
            (".", "PUNCT", "punct", 1, "O", "."),
        ],
    )
    events = extract_events(
        doc, lexicon, places=[mention_of(doc, 5, "place")], dates=[mention_of(doc, 7, "date")]
    )
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.status, event.trigger.text) == ("ASSAULT", "asserted", "attacked")
    assert [a.span.text for a in event.sources] == ["Rebels"]
    assert event.targets == ()  # "the town" is where, not whom
    assert [p.span.text for p in event.places] == ["Dori"]
    assert [d.span.text for d in event.dates] == ["Monday"]
    assert event.acled_event_type == "Battles"


def test_noun_trigger_takes_mode_from_agent_and_target_from_on_phrase(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Attacks", "NOUN", "nsubj", 6, "O", "attack"),
            ("on", "ADP", "prep", 0, "O", "on"),
            ("Kurdish", "ADJ", "amod", 3, "B-NORP", "kurdish"),
            ("fighters", "NOUN", "pobj", 1, "O", "fighter"),
            ("by", "ADP", "prep", 0, "O", "by"),
            ("drones", "NOUN", "pobj", 4, "O", "drone"),
            ("continued", "VERB", "ROOT", 6, "O", "continue"),
            (".", "PUNCT", "punct", 6, "O", "."),
        ],
    )
    (event,) = extract_events(doc, lexicon)
    assert event.mode == "drone"
    assert event.acled_sub_event_type == "Air/drone strike"
    assert event.cameo == "195"
    assert [a.span.text for a in event.targets] == ["Kurdish fighters"]
    assert event.sources == ()  # drones are the means, not the actor


@pytest.mark.parametrize(
    ("aux", "neg", "status"),
    [("would", None, "hypothetical"), ("did", "not", "denied"), (None, None, "asserted")],
)
def test_modality_and_negation_set_status(make_doc, lexicon, aux, neg, status):
    rows = [("Turkey", "PROPN", "nsubj", 0, "B-GPE", "Turkey")]
    if aux:
        rows.append((aux, "AUX", "aux", 0, "O", aux))
    if neg:
        rows.append((neg, "PART", "neg", 0, "O", neg))
    verb_index = len(rows)
    rows += [
        ("attack", "VERB", "ROOT", verb_index, "O", "attack"),
        ("militants", "NOUN", "dobj", verb_index, "O", "militant"),
        (".", "PUNCT", "punct", verb_index, "O", "."),
    ]
    rows = [
        (w, p, d, verb_index if i != verb_index and h == 0 else h, e, lem)
        for i, (w, p, d, h, e, lem) in enumerate(rows)
    ]
    (event,) = extract_events(parsed(make_doc, rows), lexicon)
    assert event.status == status
    assert [a.span.text for a in event.targets] == ["militants"]


def test_light_verb_lends_subject_and_date_to_event_noun(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Rebels", "NOUN", "nsubj", 1, "O", "rebel"),
            ("launched", "VERB", "ROOT", 1, "O", "launch"),
            ("an", "DET", "det", 3, "O", "an"),
            ("offensive", "NOUN", "dobj", 1, "O", "offensive"),
            ("on", "ADP", "prep", 1, "O", "on"),
            ("Sunday", "PROPN", "pobj", 4, "B-DATE", "Sunday"),
            (".", "PUNCT", "punct", 1, "O", "."),
        ],
    )
    (event,) = extract_events(doc, lexicon, dates=[mention_of(doc, 5, "date")])
    assert event.trigger.text == "offensive"
    assert [a.span.text for a in event.sources] == ["Rebels"]
    assert [d.span.text for d in event.dates] == ["Sunday"]


def test_generic_mention_without_arguments_is_dropped(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Terrorist", "ADJ", "amod", 1, "O", "terrorist"),
            ("attacks", "NOUN", "nsubj", 2, "O", "attack"),
            ("worry", "VERB", "ROOT", 2, "O", "worry"),
            ("experts", "NOUN", "dobj", 2, "O", "expert"),
            (".", "PUNCT", "punct", 2, "O", "."),
        ],
    )
    assert extract_events(doc, lexicon) == []


def test_call_on_is_a_request_with_targets_not_dates(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Egypt", "PROPN", "nsubj", 1, "B-GPE", "Egypt"),
            ("called", "VERB", "ROOT", 1, "O", "call"),
            ("on", "ADP", "prep", 1, "O", "on"),
            ("Israel", "PROPN", "pobj", 2, "B-GPE", "Israel"),
            ("and", "CCONJ", "cc", 3, "O", "and"),
            ("Hamas", "PROPN", "conj", 3, "B-ORG", "Hamas"),
            ("on", "ADP", "prep", 1, "O", "on"),
            ("Friday", "PROPN", "pobj", 6, "B-DATE", "Friday"),
            ("to", "PART", "aux", 9, "O", "to"),
            ("talk", "VERB", "xcomp", 1, "O", "talk"),
            (".", "PUNCT", "punct", 1, "O", "."),
        ],
    )
    (event,) = extract_events(doc, lexicon, dates=[mention_of(doc, 7, "date")])
    assert event.type == "REQUEST"
    assert [a.span.text for a in event.sources] == ["Egypt"]
    assert [a.span.text for a in event.targets] == ["Israel", "Hamas"]
    assert [d.span.text for d in event.dates] == ["Friday"]


def test_attribution_scope_covers_reported_clause(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Police", "NOUN", "nsubj", 1, "O", "police"),
            ("said", "VERB", "ROOT", 1, "O", "say"),
            ("gunmen", "NOUN", "nsubj", 3, "O", "gunman"),
            ("attacked", "VERB", "ccomp", 1, "O", "attack"),
            ("a", "DET", "det", 5, "O", "a"),
            ("checkpoint", "NOUN", "dobj", 3, "O", "checkpoint"),
            (".", "PUNCT", "punct", 1, "O", "."),
        ],
    )
    attributions = extract_attributions(doc, lexicon)
    assert [(a.source.text, a.cue, a.status) for a in attributions] == [("Police", "say", "asserted")]
    assert attributions[0].scope.text == "gunmen attacked a checkpoint"
    (event,) = extract_events(doc, lexicon, attributions=attributions)
    assert event.attribution == attributions[0]
    assert event.mode == "firearms"  # "gunmen"


def test_outcome_verb_yields_to_the_attack_in_its_sentence(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("Shelling", "NOUN", "nsubj", 1, "O", "shelling"),
            ("killed", "VERB", "ROOT", 1, "O", "kill"),
            ("civilians", "NOUN", "dobj", 1, "O", "civilian"),
            (".", "PUNCT", "punct", 1, "O", "."),
        ],
    )
    (event,) = extract_events(doc, lexicon)
    assert event.trigger.text == "Shelling"
    assert event.mode == "heavy-weapons"


def test_the_means_is_read_from_the_attackers_modifiers_not_from_phrases_about_them(make_doc, lexicon):
    # "air force jets": compounds of compounds name the means; "fighters from an air base" are no aircraft
    jets = parsed(
        make_doc,
        [
            ("Air", "PROPN", "compound", 1, "O", "air"),
            ("force", "PROPN", "compound", 2, "O", "force"),
            ("jets", "NOUN", "nsubj", 3, "O", "jet"),
            ("attacked", "VERB", "ROOT", 3, "O", "attack"),
            ("the", "DET", "det", 5, "O", "the"),
            ("village", "NOUN", "dobj", 3, "O", "village"),
            (".", "PUNCT", "punct", 3, "O", "."),
        ],
    )
    (event,) = extract_events(jets, lexicon)
    assert event.mode == "aerial"
    fighters = parsed(
        make_doc,
        [
            ("Fighters", "NOUN", "nsubj", 5, "O", "fighter"),
            ("from", "ADP", "prep", 0, "O", "from"),
            ("an", "DET", "det", 4, "O", "an"),
            ("air", "NOUN", "compound", 4, "O", "air"),
            ("base", "NOUN", "pobj", 1, "O", "base"),
            ("attacked", "VERB", "ROOT", 5, "O", "attack"),
            ("the", "DET", "det", 7, "O", "the"),
            ("village", "NOUN", "dobj", 5, "O", "village"),
            (".", "PUNCT", "punct", 5, "O", "."),
        ],
    )
    (event,) = extract_events(fighters, lexicon)
    assert event.mode != "aerial"


def test_relative_clause_on_an_event_noun_is_the_same_event(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("A", "DET", "det", 2, "O", "a"),
            ("suicide", "NOUN", "compound", 2, "O", "suicide"),
            ("bombing", "NOUN", "nsubj", 7, "O", "bombing"),
            ("that", "PRON", "nsubj", 4, "O", "that"),
            ("targeted", "VERB", "relcl", 2, "O", "target"),
            ("the", "DET", "det", 6, "O", "the"),
            ("headquarters", "NOUN", "dobj", 4, "O", "headquarters"),
            ("shocked", "VERB", "ROOT", 7, "O", "shock"),
            ("residents", "NOUN", "dobj", 7, "O", "resident"),
            (".", "PUNCT", "punct", 7, "O", "."),
        ],
    )
    (event,) = extract_events(doc, lexicon)
    assert event.trigger.text == "bombing"
    assert event.mode == "suicide-attack"
    assert [a.span.text for a in event.targets] == ["headquarters"]


# --------------------------------------------------------------------------- CAMEO coding on real parses

CODED = [
    # (sentence, trigger, type, sources, targets)
    ("Chile said it will withdraw its troops from Peru.", "withdraw", "AGREE", ["Chile"], ["Peru"]),
    ("Bolivia threatened to cut ties with Paraguay.", "threatened", "THREATEN", ["Bolivia"], ["Paraguay"]),
    ("Norway will not accept more refugees.", "accept", "REJECT", ["Norway"], []),
    ("Kenya said that Uganda must release the prisoners.", "said", "REQUEST", ["Kenya"], ["Uganda"]),
    ("The army lifted the blockade on the port.", "lifted", "RETREAT", ["army"], []),
    ("Greece sent humanitarian aid to Albania.", "sent", "AID", ["Greece"], ["Albania"]),
    ("Egypt is ready to impose sanctions on Libya.", "sanctions", "THREATEN", ["Egypt"], ["Libya"]),
    ("Ghana gave a warm welcome to the Nigerian president.", "welcome", "CONSULT", ["Ghana"], []),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "type_", "sources", "targets"), CODED)
def test_cameo_coding(nlp, lexicon, text, trigger, type_, sources, targets):
    events = extract_events(nlp(text), lexicon)
    event = next(e for e in events if e.trigger.text == trigger)
    assert event.type == type_
    assert [a.span.text for a in event.sources] == sources
    for target in targets:
        assert any(target in a.span.text for a in event.targets), [a.span.text for a in event.targets]


@pytest.mark.model
def test_march_as_a_month_is_not_a_protest(nlp, lexicon):
    events = extract_events(nlp("Rebels attacked the town in March."), lexicon)
    assert [e.type for e in events] == ["ASSAULT"]


@pytest.mark.model
def test_place_after_an_actor_stays_a_location(nlp, lexicon):
    doc = nlp("Police in Ouagadougou arrested 20 people.")
    place = PlaceMention(Span("Ouagadougou", 10, 21), 0)
    (event,) = extract_events(doc, lexicon, places=[place])
    assert [a.span.text for a in event.sources] == ["Police in Ouagadougou"]
    assert [p.span.text for p in event.places] == ["Ouagadougou"]


def _rally_doc(make_doc, verb: str, lemma: str):
    return parsed(
        make_doc,
        [
            ("Thousands", "NOUN", "nsubj", 1, "O", "thousand"),
            (verb, "VERB", "ROOT", 1, "O", lemma),
            ("the", "DET", "det", 3, "O", "the"),
            ("rally", "NOUN", "dobj", 1, "O", "rally"),
            (".", "PUNCT", "punct", 1, "O", "."),
        ],
    )


def test_event_noun_object_of_a_plain_verb_takes_its_subject(make_doc, lexicon):
    (event,) = extract_events(_rally_doc(make_doc, "joined", "join"), lexicon)
    assert event.trigger.text == "rally"
    assert [a.span.text for a in event.sources] == ["Thousands"]


def test_a_verb_that_stops_the_event_lends_no_subject(make_doc, lexicon):
    # "Thousands prevented the rally": they did not rally; with no one holding it, the bare
    # noun is generic and dropped.
    assert extract_events(_rally_doc(make_doc, "prevented", "prevent"), lexicon) == []


def test_a_name_qualifying_a_noun_gives_the_whole_party(make_doc, lexicon):
    doc = parsed(
        make_doc,
        [
            ("The", "DET", "det", 1, "O", "the"),
            ("government", "NOUN", "nsubj", 2, "O", "government"),
            ("accepted", "VERB", "ROOT", 2, "O", "accept"),
            ("demands", "NOUN", "dobj", 2, "O", "demand"),
            ("from", "ADP", "prep", 3, "O", "from"),
            ("Shona", "PROPN", "compound", 6, "B-NORP", "Shona"),
            ("rebels", "NOUN", "pobj", 4, "O", "rebel"),
            (".", "PUNCT", "punct", 2, "O", "."),
        ],
    )
    accepted = next(e for e in extract_events(doc, lexicon) if e.trigger.text == "accepted")
    assert "Shona rebels" in [a.span.text for a in accepted.targets]
