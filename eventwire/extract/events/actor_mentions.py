"""Actor mentions from argument heads: one per coordinated nationality or of-member, with the
place that qualifies a group ("rebels in the Ivory Coast") kept in its phrase."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.events.parse import _NOT_ACTOR_ENTS
from eventwire.extract.syntax import char_span, conjuncts, noun_phrase
from eventwire.records import ActorMention

_PEOPLES = frozenset({"GPE", "NORP"})


def _actor_mentions_by_head(
    heads: Sequence[Token], number: int, lexicon: EventLexicon
) -> list[tuple[Token, ActorMention]]:
    return [(head, mention) for head in heads for mention in _actor_mentions([head], number, lexicon)]


def _actor_mentions(heads: Sequence[Token], number: int, lexicon: EventLexicon) -> tuple[ActorMention, ...]:
    mentions: list[ActorMention] = []
    for head in heads:
        head = _counted_noun(head)
        if head.pos_ == "PRON" or head.ent_type_ in _NOT_ACTOR_ENTS:
            continue
        shared = _shared_head_modifiers(head)
        if shared:
            # "U.S. and Russian negotiators", "Dutch and Danish frigates": one actor per
            # nationality; the last carries the head noun ("Russian negotiators").
            head_end = noun_phrase(head)[1]
            for member in shared:
                start, end = noun_phrase(member)
                end = head_end if member.i == shared[-1].i else end
                mentions.append(ActorMention(char_span(head.doc, start, end), number, head.lemma_))
            continue
        members = _of_members(head, lexicon)
        if not members:
            start, end = noun_phrase(head)
            end = max(end, _place_qualifier_end(head))
            mentions.append(ActorMention(char_span(head.doc, start, end), number, head.lemma_))
            continue
        # The first member carries the role words: "presidents of Turkey", "Russia", "Iran".
        head_start = noun_phrase(head)[0]
        for member in members:
            start, end = noun_phrase(member)
            if member.i == members[0].i:
                start = min(start, head_start)
            mentions.append(ActorMention(char_span(head.doc, start, end), number, head.lemma_))
    return tuple(mentions)


def _shared_head_modifiers(head: Token) -> list[Token]:
    """Coordinated names or nationalities sharing one head noun, in order; else []."""
    if head.pos_ != "NOUN":
        return []
    for child in head.children:
        if child.dep_ in {"amod", "compound", "nmod"} and child.i < head.i and child.ent_type_ in _PEOPLES:
            members = conjuncts(child)
            if len(members) > 1 and all(m.ent_type_ in _PEOPLES | {"ORG"} and m.i < head.i for m in members):
                return members
    return []


def _place_qualifier(head: Token) -> Token | None:
    """ "Rebels in the Ivory Coast", "opposition groups in Zimbabwe": the place says whose they are.

    The place stays in the actor's phrase, and remains a candidate for the event's location.
    """
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "from"} and child.i == head.i + 1:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                    return child
        if (child.dep_ == "acl" and child.i == head.i + 1 and child.pos_ == "VERB"
                and child.lemma_.lower() in _LEAVING_VERBS):
            # "families fleeing the fighting in Mali", "migrants expelled from Libya": the
            # place they leave or live in is where they are from.
            for word in child.subtree:
                if (word.dep_ == "prep" and word.lower_ in {"in", "from", "of"} and word.i - child.i <= 6
                        and any(o.dep_ == "pobj" and o.ent_type_ == "GPE" for o in word.children)):
                    return word
    return None

#: Participles whose place phrase says where a group is from ("fleeing", "expelled from", "living in").
_LEAVING_VERBS = frozenset({"flee", "escape", "expel", "order", "deport", "evacuate", "drive", "live"})


def _place_qualifier_end(head: Token) -> int:
    prep = _place_qualifier(_counted_noun(head))
    return prep.right_edge.i + 1 if prep is not None else 0


def _place_qualifiers(heads: Sequence[Token]) -> set[int]:
    preps = [_place_qualifier(_counted_noun(h)) for h in heads]
    return {t.i for prep in preps if prep is not None for t in prep.subtree}


def _counted_noun(head: Token) -> Token:
    """ "Thousands of people protested": the people act, not the number."""
    if head.pos_ == "NUM" or head.ent_type_ == "CARDINAL":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((o for o in prep.children if o.dep_ == "pobj"), head)
    return head


def _of_members(head: Token, lexicon: EventLexicon) -> list[Token]:
    """ "the presidents of Turkey, Russia and Iran" -> [Turkey, Russia, Iran]: one actor each."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in lexicon.place_nouns:
        return []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if objects and objects[0].ent_type_ in {"GPE", "NORP", "ORG"}:
                return conjuncts(objects[0])
    return []
