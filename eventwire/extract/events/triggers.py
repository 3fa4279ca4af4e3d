"""Trigger words: lexicon rows matched against the parse, and which of them tell an event.

A row of ``data/triggers.tsv`` matches a word by lemma and part of speech, when the parse
meets the row's requirements; `_find_triggers` then drops the words that tell the same event
as another trigger of the sentence (an outcome verb, a light verb, a subject event noun).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.data.lexicon import EventLexicon, TriggerRule
from eventwire.extract.events.parse import _TIME_ENTS, _is_trigger_word, _prep_objects, _subject_event_noun
from eventwire.extract.syntax import is_headline

_NON_EVENT_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"})


def _find_triggers(
    sent: SpacySpan, lexicon: EventLexicon
) -> tuple[list[tuple[Token, TriggerRule]], set[int]]:
    """Triggers of the sentence, and the token indexes of outcome verbs that yielded to them.

    An "alone" trigger ("killed") describes the outcome of another event of its type when one
    is in the same sentence ("shelling killed two"), and a relative clause on an event noun
    tells that noun's event ("a bombing that targeted the group"): neither is an event of its
    own, but its object and its place and date phrases still describe that event.
    """
    headline = is_headline(sent)
    found = [(t, r) for t in sent if (r := _match(t, lexicon, headline)) is not None]
    nouns = {t.i: r.type for t, r in found if t.pos_ != "VERB"}
    outcomes = {
        t.i
        for t, r in found
        # Two outcome verbs alone ("X said 40 were killed, Y said six were killed") do not
        # cancel each other: the first tells the event, the later ones yield to it.
        if (
            r.requires == "alone"
            and any(
                r2.type == r.type and t2.i != t.i and (r2.requires != "alone" or t2.i < t.i)
                for t2, r2 in found
            )
        )
        or (t.pos_ == "VERB" and t.dep_ == "relcl" and nouns.get(t.head.i) == r.type)
    }
    verbs = {t.i: r.type for t, r in found if t.pos_ == "VERB" and t.i not in outcomes}
    kept = []
    for token, rule in found:
        if token.i in outcomes:
            continue
        if _subject_event_noun(token) and verbs.get(token.head.i) == rule.type:
            continue  # "Tuesday's attack struck the headquarters": one event, told by the verb
        governing = _governing_verb(token)
        if (token.pos_ == "NOUN" and verbs.get(governing.i) == rule.type
                and governing.lemma_.lower() not in lexicon.light_verbs):
            continue  # "insisted on its demands that ...": the verb tells the same event
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.light_verbs and any(
            c.dep_ == "dobj" and c.i in nouns for c in token.children
        ):
            continue  # "gave a warm welcome", "opened an investigation": the noun tells the event
        kept.append((token, rule))
    taken = {t.i for t, _ in kept}
    kept += [(t, r) for t, r in _demands_by_must(sent) if t.i not in taken]
    kept.sort(key=lambda pair: pair[0].i)
    return kept, outcomes


def _governing_verb(noun: Token) -> Token:
    """The verb a noun is the object of, directly or through a preposition; else the noun."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return noun


def _demands_by_must(sent: SpacySpan) -> list[tuple[Token, TriggerRule]]:
    """ "Russia said that Sudan must return the helicopter": saying what another must do demands it."""
    found = []
    for verb in sent:
        if (
            verb.dep_ == "ccomp"
            and verb.head.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)
            and any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in verb.children)
        ):
            head = verb.head
            found.append((head, TriggerRule(head.lemma_.lower(), "VERB", "REQUEST", None, "100", "ccomp")))
    return found


def _match(token: Token, lexicon: EventLexicon, headline: bool) -> TriggerRule | None:
    pos = token.pos_
    if headline and pos == "PROPN":
        pos = "NOUN"  # headlines capitalise every word; the small model calls them proper nouns
    if pos not in {"VERB", "NOUN", "ADJ"} or token.dep_ in {"compound", "amod"}:
        return None
    if token.ent_type_ in _TIME_ENTS or (not headline and token.ent_type_ in _NON_EVENT_ENTS):
        return None  # "March 3" is a date, not a march
    rules = lexicon.triggers.get(token.lemma_.lower()) or lexicon.triggers.get(token.lower_)
    for rule in rules or ():
        if (rule.pos == pos or (rule.pos == "*" and pos != "ADJ")) and _requirement_met(
            token, rule.requires, lexicon
        ):
            return rule
    return None


def _requirement_met(token: Token, requires: str | None, lexicon: EventLexicon) -> bool:
    if requires is None:
        return True
    return all(_condition_met(token, condition, lexicon) for condition in requires.split("+"))


def _condition_met(token: Token, requires: str, lexicon: EventLexicon) -> bool:
    if requires == "alone":
        return True
    if requires == "noprt":
        # The small model tags the particle of "shot down" as prt or as an adverb.
        return not any(
            c.dep_ == "prt"
            or (
                c.dep_ == "advmod"
                and c.pos_ in {"ADP", "ADV"}
                and c.i == token.i + 1
                and c.lower_ in {"down", "up", "off", "out"}
            )
            for c in token.children
        )
    if requires == "dobj":
        return any(c.dep_ == "dobj" for c in token.children)
    if requires == "intransitive":
        return not any(c.dep_ == "dobj" for c in token.children)
    if requires == "xcomp":
        return any(c.dep_ == "xcomp" for c in token.children)
    if requires == "noxcomp":
        # "offered to withdraw": the infinitive tells the event; "promised to democratize the
        # country", whose infinitive is no trigger, is the promise itself.
        return not any(c.dep_ == "xcomp" and _is_trigger_word(c, lexicon) for c in token.children)
    kind, _, words = requires.partition(":")
    wanted = frozenset(words.split("|"))
    if kind == "prep":
        return bool(_prep_objects(token, wanted))
    if kind == "obj":
        # "lifted the blockade", "imposed a curfew", "the suspension of aid": the object's head word
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        objects += [o for p in token.children if p.dep_ == "prep" and p.lower_ in {"of", "on", "to"}
                    for o in p.children if o.dep_ == "pobj"]
        # "ended mediation efforts", "suspended part of its food aid programme"
        objects += [c for o in objects for c in o.children if c.dep_ == "compound"]
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objects)
    if kind == "mod":
        return any(
            c.dep_ in {"compound", "amod", "nmod", "advmod"} and c.lemma_.lower() in wanted
            for c in token.children
        )
    if kind == "prt":
        # "called off the strike", "forced the agency out of the country"
        return any(c.lower_ in wanted and c.dep_ in {"prt", "advmod", "prep"} for c in token.children)
    if kind == "head":
        return token.head.i != token.i and token.head.lemma_.lower() in wanted
    if kind == "under":
        return token.dep_ == "pobj" and token.head.lower_ in wanted
    return False
