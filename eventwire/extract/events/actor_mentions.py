"""Actor mentions from argument heads: one per coordinated nationality or of-member, with the
place that qualifies a group ("rebels in the Ivory Coast") kept in its phrase."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.events.parse import _NOT_ACTOR_ENTS
from eventwire.extract.syntax import char_span, conjuncts, noun_phrase, subject_of
from eventwire.records import ActorMention, Span

_PEOPLES = frozenset({"GPE", "NORP"})

#: Pronouns whose referent is an actor: subjects and objects, and possessors ("its forces").
_SINGULAR_PRONOUNS = frozenset({"it", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "conj", "advcl", "acomp", "relcl", "acl"})


def _actor_mentions_by_head(
    heads: Sequence[Token], number: int, lexicon: EventLexicon
) -> list[tuple[Token, ActorMention]]:
    return [(head, mention) for head in heads for mention in _actor_mentions([head], number, lexicon)]


def _actor_mentions(heads: Sequence[Token], number: int, lexicon: EventLexicon) -> tuple[ActorMention, ...]:
    mentions: list[ActorMention] = []
    for head in heads:
        head = _counted_noun(head)
        if head.pos_ == "PRON":
            # "They seized the district": the pronoun acts for what it refers to.
            referent = _referent(head, head, lexicon)
            if referent is not None:
                mentions.append(ActorMention(char_span(head.doc, head.i, head.i + 1), number, head.lemma_,
                                             antecedent=referent))
            continue
        if head.ent_type_ in _NOT_ACTOR_ENTS:
            continue
        possessor = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if possessor is not None:
            # "the military said one of its soldiers was killed": whose soldiers.
            start, end = noun_phrase(head)
            mentions.append(ActorMention(char_span(head.doc, start, end), number, head.lemma_,
                                         antecedent=_referent(possessor, head, lexicon)))
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


def _referent(pronoun: Token, phrase_head: Token, lexicon: EventLexicon) -> Span | None:
    """The phrase a third-person pronoun refers to, in its own sentence or the one before.

    The usual preference of coreference rules: the subject of a clause governing the
    pronoun's own ("the ministry said *its* forces ...", "rebels said *they* ..."), else the
    subject of the previous sentence ("The army captured Zabadani. *They* seized ..."); it and
    its want a singular antecedent, they, them and their a plural or coordinated one. The
    antecedent must name a party (a name, or a noun of data/noun_classes.tsv): "the bases ...
    they" refers to no actor.
    """
    word = pronoun.lower_
    if word not in _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS:
        return None
    plural = word in _PLURAL_PRONOUNS
    own = set(t.i for t in phrase_head.subtree)
    clause = pronoun
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    while True:
        found = [t for t in subject_of(clause) if t.pos_ != "PRON" and t.i not in own and t.i < pronoun.i]
        if found and _agrees(found, plural) and _names_party(found[0], lexicon):
            return _phrase(found[0])
        if clause.dep_ not in _CLAUSE_LINKS or clause.head.i == clause.i:
            break
        clause = clause.head
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    previous = pronoun.doc[sentence.start - 1].sent
    found = [t for t in subject_of(previous.root) if t.pos_ != "PRON"]
    if found and _agrees(found, plural) and _names_party(found[0], lexicon):
        return _phrase(found[0])
    return None


def _names_party(noun: Token, lexicon: EventLexicon) -> bool:
    """A name or a party noun: what a pronoun can stand for as an actor."""
    lemma = noun.lemma_.lower()
    return (noun.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"} or noun.pos_ == "PROPN"
            or lemma in lexicon.party_nouns)


def _agrees(subjects: Sequence[Token], plural: bool) -> bool:
    many = len(subjects) > 1 or subjects[0].tag_ in {"NNS", "NNPS"}
    # Collective bodies ("the army", "the regime", "Daesh") take either: "the army and its
    # allies ... They seized".
    collective = subjects[0].tag_ in {"NN", "NNP"} and subjects[0].ent_type_ != "PERSON"
    return many == plural or (plural and collective)


def _phrase(head: Token) -> Span:
    start, end = noun_phrase(head)
    return char_span(head.doc, start, end)
