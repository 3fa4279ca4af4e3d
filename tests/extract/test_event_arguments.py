"""Which phrases are an event's source and target, and the events the verb classes add.

Hand-built parses (no model needed), one sentence per rule: things given or done are not
targets when a party receives them, coordinated nationalities share a head noun, stances and
messages have their holder as source, and infinitives lend their target to the verb governing
them.
"""

from __future__ import annotations

import pytest

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.events import extract_events


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def parsed(make_doc, rows):
    """rows: (word, pos, tag, dep, head index, entity IOB, lemma) -> a Doc with that parse."""
    words, pos, tags, deps, heads, ents, lemmas = zip(*rows, strict=True)
    return make_doc(
        words,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        ents=ents,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def only_event(doc, lexicon, trigger):
    events = [e for e in extract_events(doc, lexicon) if e.trigger.text == trigger]
    assert len(events) == 1, [e.trigger.text for e in extract_events(doc, lexicon)]
    return events[0]


def texts(actors):
    return [a.span.text for a in actors]


def test_party_in_a_from_phrase_is_the_target_of_a_demand_for_a_thing(make_doc, lexicon):
    # "The Albanians demanded autonomy from the authorities": autonomy is what is asked for.
    doc = parsed(make_doc, [
        ("Albanians", "PROPN", "NNPS", "nsubj", 1, "B-NORP", "Albanians"),
        ("demanded", "VERB", "VBD", "ROOT", 1, "O", "demand"),
        ("autonomy", "NOUN", "NN", "dobj", 1, "O", "autonomy"),
        ("from", "ADP", "IN", "prep", 1, "O", "from"),
        ("the", "DET", "DT", "det", 5, "O", "the"),
        ("authorities", "NOUN", "NNS", "pobj", 3, "O", "authority"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    event = only_event(doc, lexicon, "demanded")
    assert event.type == "REQUEST"
    assert texts(event.sources) == ["Albanians"]
    assert texts(event.targets) == ["authorities"]


def test_a_thing_with_no_party_to_receive_it_stays_the_target(make_doc, lexicon):
    # resolve_events codes such a target by the country where the event happens
    doc = parsed(make_doc, [
        ("Denmark", "PROPN", "NNP", "nsubj", 1, "B-GPE", "Denmark"),
        ("rejected", "VERB", "VBD", "ROOT", 1, "O", "reject"),
        ("the", "DET", "DT", "det", 3, "O", "the"),
        ("formula", "NOUN", "NN", "dobj", 1, "O", "formula"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "rejected").targets) == ["formula"]


def test_coordinated_nationalities_sharing_a_head_noun_are_one_source_each(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("U.S.", "PROPN", "NNP", "nmod", 3, "B-GPE", "U.S."),
        ("and", "CCONJ", "CC", "cc", 0, "O", "and"),
        ("Russian", "ADJ", "JJ", "conj", 0, "B-NORP", "russian"),
        ("negotiators", "NOUN", "NNS", "nsubj", 4, "O", "negotiator"),
        ("met", "VERB", "VBD", "ROOT", 4, "O", "meet"),
        ("in", "ADP", "IN", "prep", 4, "O", "in"),
        ("Geneva", "PROPN", "NNP", "pobj", 5, "B-GPE", "Geneva"),
        (".", "PUNCT", ".", "punct", 4, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "met").sources) == ["U.S.", "Russian negotiators"]


def test_a_stated_stance_is_held_by_its_grammatical_subject(make_doc, lexicon):
    # "Israel is opposed to the plan": a passive form with no agent, Israel opposes
    doc = parsed(make_doc, [
        ("Israel", "PROPN", "NNP", "nsubjpass", 2, "B-GPE", "Israel"),
        ("is", "AUX", "VBZ", "auxpass", 2, "O", "be"),
        ("opposed", "VERB", "VBN", "ROOT", 2, "O", "oppose"),
        ("to", "ADP", "IN", "prep", 2, "O", "to"),
        ("the", "DET", "DT", "det", 5, "O", "the"),
        ("plan", "NOUN", "NN", "pobj", 3, "O", "plan"),
        (".", "PUNCT", ".", "punct", 2, "O", "."),
    ])
    event = only_event(doc, lexicon, "opposed")
    assert event.type == "REJECT"
    assert texts(event.sources) == ["Israel"]
    assert texts(event.targets) == ["plan"]


def test_whoever_issues_a_declaration_demands_what_it_demands(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("The", "DET", "DT", "det", 2, "O", "the"),
        ("rebel", "NOUN", "NN", "compound", 2, "O", "rebel"),
        ("party", "NOUN", "NN", "nsubj", 3, "O", "party"),
        ("issued", "VERB", "VBD", "ROOT", 3, "O", "issue"),
        ("a", "DET", "DT", "det", 5, "O", "a"),
        ("declaration", "NOUN", "NN", "dobj", 3, "O", "declaration"),
        ("demanding", "VERB", "VBG", "acl", 5, "O", "demand"),
        ("that", "SCONJ", "IN", "mark", 10, "O", "that"),
        ("the", "DET", "DT", "det", 9, "O", "the"),
        ("government", "NOUN", "NN", "nsubj", 10, "O", "government"),
        ("resign", "VERB", "VB", "ccomp", 6, "O", "resign"),
        (".", "PUNCT", ".", "punct", 3, "O", "."),
    ])
    event = only_event(doc, lexicon, "demanding")
    assert texts(event.sources) == ["rebel party"]
    assert texts(event.targets) == ["government"]


def test_a_promise_whose_infinitive_is_no_event_is_the_event(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Kostunica", "PROPN", "NNP", "nsubj", 1, "B-PERSON", "Kostunica"),
        ("promised", "VERB", "VBD", "ROOT", 1, "O", "promise"),
        ("to", "PART", "TO", "aux", 3, "O", "to"),
        ("democratize", "VERB", "VB", "xcomp", 1, "O", "democratize"),
        ("Serbia", "PROPN", "NNP", "dobj", 3, "B-GPE", "Serbia"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    event = only_event(doc, lexicon, "promised")
    assert event.type == "AGREE"
    assert texts(event.sources) == ["Kostunica"]
    assert texts(event.targets) == ["Serbia"]  # the act promised bears on Serbia


def test_a_measured_run_of_events_is_carried_by_its_light_verb(make_doc, lexicon):
    # "Warships launched ten days of war games": the subject of "launched" holds the games
    doc = parsed(make_doc, [
        ("Warships", "NOUN", "NNS", "nsubj", 1, "O", "warship"),
        ("launched", "VERB", "VBD", "ROOT", 1, "O", "launch"),
        ("ten", "NUM", "CD", "nummod", 3, "B-DATE", "ten"),
        ("days", "NOUN", "NNS", "dobj", 1, "I-DATE", "day"),
        ("of", "ADP", "IN", "prep", 3, "O", "of"),
        ("war", "NOUN", "NN", "compound", 6, "O", "war"),
        ("games", "NOUN", "NNS", "pobj", 4, "O", "game"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    event = only_event(doc, lexicon, "games")
    assert event.type == "MOBILIZE"
    assert texts(event.sources) == ["Warships"]


def test_a_refusal_bears_on_the_target_of_the_act_refused(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Rebels", "NOUN", "NNS", "nsubj", 1, "O", "rebel"),
        ("refused", "VERB", "VBD", "ROOT", 1, "O", "refuse"),
        ("to", "PART", "TO", "aux", 3, "O", "to"),
        ("release", "VERB", "VB", "xcomp", 1, "O", "release"),
        ("the", "DET", "DT", "det", 5, "O", "the"),
        ("hostages", "NOUN", "NNS", "dobj", 3, "O", "hostage"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    event = only_event(doc, lexicon, "refused")
    assert event.type == "REJECT"
    assert texts(event.targets) == ["hostages"]


def test_a_mediation_mission_is_a_consultation_between_the_parties(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Klibi", "PROPN", "NNP", "nsubj", 1, "B-PERSON", "Klibi"),
        ("undertook", "VERB", "VBD", "ROOT", 1, "O", "undertake"),
        ("a", "DET", "DT", "det", 4, "O", "a"),
        ("mediation", "NOUN", "NN", "compound", 4, "O", "mediation"),
        ("mission", "NOUN", "NN", "dobj", 1, "O", "mission"),
        ("between", "ADP", "IN", "prep", 4, "O", "between"),
        ("Syria", "PROPN", "NNP", "pobj", 5, "B-GPE", "Syria"),
        ("and", "CCONJ", "CC", "cc", 6, "O", "and"),
        ("Jordan", "PROPN", "NNP", "conj", 6, "B-GPE", "Jordan"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    event = only_event(doc, lexicon, "mission")
    assert (event.type, event.mode) == ("CONSULT", "third-party")
    assert texts(event.sources) == ["Klibi"]
    assert texts(event.targets) == ["Syria", "Jordan"]


def test_an_attack_by_a_device_names_no_attacker(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Soldiers", "NOUN", "NNS", "nsubjpass", 2, "O", "soldier"),
        ("were", "AUX", "VBD", "auxpass", 2, "O", "be"),
        ("attacked", "VERB", "VBN", "ROOT", 2, "O", "attack"),
        ("by", "ADP", "IN", "agent", 2, "O", "by"),
        ("a", "DET", "DT", "det", 6, "O", "a"),
        ("roadside", "NOUN", "NN", "compound", 6, "O", "roadside"),
        ("device", "NOUN", "NN", "pobj", 3, "O", "device"),
        (".", "PUNCT", ".", "punct", 2, "O", "."),
    ])
    event = only_event(doc, lexicon, "attacked")
    assert event.sources == ()
    assert texts(event.targets) == ["Soldiers"]


def test_a_threat_is_aimed_at_whoever_must_meet_its_condition(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Russia", "PROPN", "NNP", "nsubj", 1, "B-GPE", "Russia"),
        ("threatened", "VERB", "VBD", "ROOT", 1, "O", "threaten"),
        ("to", "PART", "TO", "aux", 3, "O", "to"),
        ("stop", "VERB", "VB", "xcomp", 1, "O", "stop"),
        ("talks", "NOUN", "NNS", "dobj", 3, "O", "talk"),
        ("if", "SCONJ", "IN", "mark", 8, "O", "if"),
        ("the", "DET", "DT", "det", 7, "O", "the"),
        ("US", "PROPN", "NNP", "nsubj", 8, "B-GPE", "US"),
        ("deploys", "VERB", "VBZ", "advcl", 3, "O", "deploy"),
        ("missiles", "NOUN", "NNS", "dobj", 8, "O", "missile"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    event = only_event(doc, lexicon, "threatened")
    assert event.type == "THREATEN"
    assert texts(event.sources) == ["Russia"]
    assert texts(event.targets) == ["US"]


def test_who_is_engaged_in_an_act_does_it(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Serb", "ADJ", "JJ", "amod", 1, "B-NORP", "serb"),
        ("forces", "NOUN", "NNS", "nsubjpass", 3, "O", "force"),
        ("were", "AUX", "VBD", "auxpass", 3, "O", "be"),
        ("engaged", "VERB", "VBN", "ROOT", 3, "O", "engage"),
        ("in", "ADP", "IN", "prep", 3, "O", "in"),
        ("ethnic", "ADJ", "JJ", "amod", 6, "O", "ethnic"),
        ("cleansing", "NOUN", "NN", "pobj", 4, "O", "cleansing"),
        (".", "PUNCT", ".", "punct", 3, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "cleansing").sources) == ["Serb forces"]


def test_who_remains_on_alert_is_mobilized(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Israeli", "ADJ", "JJ", "amod", 1, "B-NORP", "israeli"),
        ("troops", "NOUN", "NNS", "nsubj", 2, "O", "troop"),
        ("remained", "VERB", "VBD", "ROOT", 2, "O", "remain"),
        ("on", "ADP", "IN", "prep", 2, "O", "on"),
        ("alert", "NOUN", "NN", "pobj", 3, "O", "alert"),
        (".", "PUNCT", ".", "punct", 2, "O", "."),
    ])
    event = only_event(doc, lexicon, "alert")
    assert event.type == "MOBILIZE"
    assert texts(event.sources) == ["Israeli troops"]


def test_whoever_is_put_under_an_act_is_its_target(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("A", "DET", "DT", "det", 2, "O", "a"),
        ("Dutch", "ADJ", "JJ", "amod", 2, "B-NORP", "dutch"),
        ("journalist", "NOUN", "NN", "nsubjpass", 5, "O", "journalist"),
        ("has", "AUX", "VBZ", "aux", 5, "O", "have"),
        ("been", "AUX", "VBN", "auxpass", 5, "O", "be"),
        ("put", "VERB", "VBN", "ROOT", 5, "O", "put"),
        ("under", "ADP", "IN", "prep", 5, "O", "under"),
        ("investigation", "NOUN", "NN", "pobj", 6, "O", "investigation"),
        ("in", "ADP", "IN", "prep", 7, "O", "in"),
        ("Spain", "PROPN", "NNP", "pobj", 8, "B-GPE", "Spain"),
        (".", "PUNCT", ".", "punct", 5, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "investigation").targets)[0] == "Dutch journalist"


def test_a_summoned_envoy_is_the_target_of_the_protest_he_is_summoned_for(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Chile", "PROPN", "NNP", "nsubj", 1, "B-GPE", "Chile"),
        ("summoned", "VERB", "VBD", "ROOT", 1, "O", "summon"),
        ("Peru", "PROPN", "NNP", "poss", 4, "B-GPE", "Peru"),
        ("'s", "PART", "POS", "case", 2, "O", "'s"),
        ("ambassador", "NOUN", "NN", "dobj", 1, "O", "ambassador"),
        ("to", "PART", "TO", "aux", 6, "O", "to"),
        ("complain", "VERB", "VB", "xcomp", 1, "O", "complain"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "complain").targets) == ["Peru's"]  # whose envoy he is


def test_coordinated_names_in_the_clause_are_all_targets(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Ghana", "PROPN", "NNP", "nsubj", 1, "B-GPE", "Ghana"),
        ("threatened", "VERB", "VBD", "ROOT", 1, "O", "threaten"),
        ("to", "PART", "TO", "aux", 3, "O", "to"),
        ("break", "VERB", "VB", "xcomp", 1, "O", "break"),
        ("off", "ADP", "RP", "prt", 3, "O", "off"),
        ("relations", "NOUN", "NNS", "dobj", 3, "O", "relation"),
        ("with", "ADP", "IN", "prep", 5, "O", "with"),
        ("Togo", "PROPN", "NNP", "pobj", 6, "B-GPE", "Togo"),
        ("and", "CCONJ", "CC", "cc", 7, "O", "and"),
        ("Benin", "PROPN", "NNP", "conj", 7, "B-GPE", "Benin"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "threatened").targets)[-2:] == ["Togo", "Benin"]


def test_the_place_a_group_flees_says_where_it_is_from(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Sweden", "PROPN", "NNP", "nsubj", 1, "B-GPE", "Sweden"),
        ("gave", "VERB", "VBD", "ROOT", 1, "O", "give"),
        ("food", "NOUN", "NN", "dobj", 1, "O", "food"),
        ("to", "ADP", "IN", "prep", 1, "O", "to"),
        ("refugees", "NOUN", "NNS", "pobj", 3, "O", "refugee"),
        ("fleeing", "VERB", "VBG", "acl", 4, "O", "flee"),
        ("the", "DET", "DT", "det", 7, "O", "the"),
        ("war", "NOUN", "NN", "dobj", 5, "O", "war"),
        ("in", "ADP", "IN", "prep", 7, "O", "in"),
        ("Syria", "PROPN", "NNP", "pobj", 8, "B-GPE", "Syria"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "gave").targets) == ["refugees fleeing the war in Syria"]


def test_protesters_target_whom_their_demand_is_made_of(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Students", "NOUN", "NNS", "nsubj", 1, "O", "student"),
        ("staged", "VERB", "VBD", "ROOT", 1, "O", "stage"),
        ("demonstrations", "NOUN", "NNS", "dobj", 1, "O", "demonstration"),
        ("to", "PART", "TO", "aux", 4, "O", "to"),
        ("demand", "VERB", "VB", "advcl", 1, "O", "demand"),
        ("the", "DET", "DT", "det", 6, "O", "the"),
        ("resignation", "NOUN", "NN", "dobj", 4, "O", "resignation"),
        ("of", "ADP", "IN", "prep", 6, "O", "of"),
        ("President", "PROPN", "NNP", "compound", 9, "O", "President"),
        ("Ndiaye", "PROPN", "NNP", "pobj", 7, "B-PERSON", "Ndiaye"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "demonstrations").targets) == ["President Ndiaye"]


def test_an_investigation_into_acts_targets_whoever_committed_them(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Police", "NOUN", "NNS", "nsubj", 1, "O", "police"),
        ("opened", "VERB", "VBD", "ROOT", 1, "O", "open"),
        ("an", "DET", "DT", "det", 3, "O", "an"),
        ("investigation", "NOUN", "NN", "dobj", 1, "O", "investigation"),
        ("into", "ADP", "IN", "prep", 3, "O", "into"),
        ("abuses", "NOUN", "NNS", "pobj", 4, "O", "abuse"),
        ("committed", "VERB", "VBN", "acl", 5, "O", "commit"),
        ("by", "ADP", "IN", "agent", 6, "O", "by"),
        ("Belgian", "ADJ", "JJ", "amod", 9, "B-NORP", "belgian"),
        ("soldiers", "NOUN", "NNS", "pobj", 7, "O", "soldier"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "investigation").targets) == ["Belgian soldiers"]


def test_the_party_of_a_clause_about_the_thing_offered_is_the_target(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("Egypt", "PROPN", "NNP", "nsubj", 1, "B-GPE", "Egypt"),
        ("offered", "VERB", "VBD", "ROOT", 1, "O", "offer"),
        ("a", "DET", "DT", "det", 3, "O", "a"),
        ("plan", "NOUN", "NN", "dobj", 1, "O", "plan"),
        ("that", "PRON", "WDT", "dobj", 6, "O", "that"),
        ("Jordan", "PROPN", "NNP", "nsubj", 6, "B-GPE", "Jordan"),
        ("studied", "VERB", "VBD", "relcl", 3, "O", "study"),
        (".", "PUNCT", ".", "punct", 1, "O", "."),
    ])
    assert texts(only_event(doc, lexicon, "offered").targets) == ["Jordan"]


def test_violating_a_ban_defies_whoever_imposed_it(make_doc, lexicon):
    doc = parsed(make_doc, [
        ("A", "DET", "DT", "det", 1, "O", "a"),
        ("newspaper", "NOUN", "NN", "nsubj", 2, "O", "newspaper"),
        ("violated", "VERB", "VBD", "ROOT", 2, "O", "violate"),
        ("a", "DET", "DT", "det", 4, "O", "a"),
        ("ban", "NOUN", "NN", "dobj", 2, "O", "ban"),
        ("by", "ADP", "IN", "prep", 4, "O", "by"),
        ("General", "PROPN", "NNP", "compound", 7, "O", "General"),
        ("Odinga", "PROPN", "NNP", "pobj", 5, "B-PERSON", "Odinga"),
        (".", "PUNCT", ".", "punct", 2, "O", "."),
    ])
    event = only_event(doc, lexicon, "violated")
    assert event.type == "REJECT"
    assert texts(event.targets) == ["General Odinga"]
