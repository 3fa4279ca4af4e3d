"""An event's mode and status, and the CAMEO recoding of intent and refusal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.data.lexicon import EventLexicon, TriggerRule
from eventwire.extract.events.parse import _light_verb_host, _prep_objects
from eventwire.records import AttributionMention, Status

#: The steps of ``data/event_type_rules.tsv`` that recode a rule: a type in none is never recoded.
_RECODING_STEPS = ("refusal_is_reject", "intent_is_agree", "intent_is_threaten")


def _coded_rule(
    token: Token, rule: TriggerRule, lexicon: EventLexicon, trigger_ids: frozenset[int]
) -> TriggerRule:
    """The rule recoded for intent and refusal, as CAMEO codes them.

    "Syria said it will withdraw its troops", "ready to send aid": an intent to cooperate is
    AGREE; "would impose martial law", "plans to impose restrictions": an intent to use force or
    pressure is THREATEN; "will not accept refugees": refused cooperation is REJECT. A governing
    word that is itself a trigger ("threatened to attack", "agreed to withdraw") is the event,
    and the infinitive keeps its type (and its hypothetical status).
    """
    rules = lexicon.type_rules
    if not any(rules.applies(step, rule.type) for step in _RECODING_STEPS):
        return rule
    governor = token if token.pos_ in {"VERB", "ADJ"} else _light_verb_host(token, lexicon)
    if governor is None:
        return rule
    negated = any(c.dep_ == "neg" for c in governor.children)
    intent = _has_future_aux(governor, lexicon)
    head = governor.head
    if governor.dep_ == "xcomp" and head.i not in trigger_ids:
        negated = negated or any(c.dep_ == "neg" for c in head.children)
        if head.pos_ == "ADJ" and head.dep_ == "acomp":
            head = head.head  # "is willing to withdraw": the copula carries tense and negation
            negated = negated or any(c.dep_ == "neg" for c in head.children)
        intent = (
            intent or governor.head.lemma_.lower() in lexicon.intent_words or _has_future_aux(head, lexicon)
        )
    if negated and rules.applies("refusal_is_reject", rule.type):
        return replace(rule, type="REJECT", mode=None, cameo="120")
    if intent and rules.applies("intent_is_agree", rule.type):
        return replace(rule, type="AGREE", mode=None, cameo="030")
    if intent and rules.applies("intent_is_threaten", rule.type):
        return replace(rule, type="THREATEN", mode=None, cameo="130")
    return rule


def _has_future_aux(verb: Token, lexicon: EventLexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lexicon.future_modals for c in verb.children)


def _mode(
    token: Token, rule: TriggerRule, lexicon: EventLexicon, source_heads: Sequence[Token], n_actors: int
) -> tuple[str | None, bool]:
    """The event's mode, and whether words around the trigger (not the trigger itself) gave it."""
    if rule.mode:
        return rule.mode, False
    if lexicon.type_rules.applies("multilateral_mode", rule.type):
        return ("multilateral" if n_actors >= 3 else None), False
    if not lexicon.type_rules.applies("mode_from_cues", rule.type):
        return None, False
    cue_words: set[str] = set()
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nmod"}:
            cue_words.update(t.lemma_.lower() for t in child.subtree)
    for obj in _prep_objects(token, {"by", "with"}):
        cue_words.update(t.lemma_.lower() for t in obj.subtree)
    if "obj:" in (rule.requires or ""):
        # "launched 14 drones", "fired rockets": the object named in the rule is the means
        cue_words.update(c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "nsubjpass"})
    for head in source_heads:
        cue_words.update(_modifier_lemmas(head))
    from_context = next((mode for cue, mode in lexicon.mode_cues.items() if cue in cue_words), None)
    if from_context:
        return from_context, True
    return lexicon.mode_cues.get(token.lemma_.lower()), False


def _modifier_lemmas(head: Token) -> set[str]:
    """The lemmas of a noun and of the compounds and adjectives that modify it, directly or through
    each other ("Russian air force jets"), but not of a clause about it: "fighters who raid rebels
    from an air base" are no aircraft."""
    lemmas = {head.lemma_.lower()}
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in {"compound", "amod"}:
                lemmas.add(child.lemma_.lower())
                stack.append(child)
    return lemmas


def _status(
    token: Token, host: Token | None, attribution: AttributionMention | None, lexicon: EventLexicon
) -> Status:
    if attribution is not None and attribution.status in {"claimed", "denied"}:
        return attribution.status
    governor = token if token.pos_ == "VERB" else host
    if governor is not None:
        if any(c.dep_ == "neg" for c in governor.children):
            return "denied"
        if any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in governor.children):
            return "hypothetical"
        if (
            governor.dep_ in {"xcomp", "advcl", "ccomp"}
            and governor.head.lemma_.lower() in lexicon.irrealis_verbs
        ):
            return "hypothetical"
    elif token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.irrealis_verbs:
        return "hypothetical"  # "threatened an offensive"
    return "asserted"
