"""Parse helpers that trigger, argument and mention finding share: prepositional objects,
light verbs, parties, pronouns, and the `_Linker` that finds extracted mentions in a set of tokens."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.syntax import antecedent, conjuncts
from eventwire.records import AttributionMention, DateMention, PlaceMention

_TIME_ENTS = frozenset({"DATE", "TIME"})

_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})

_NAMED_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})

#: Endings of nouns that name people by what they do or where they are from ("activists").
_AGENT_SUFFIXES = ("ist", "ists", "ian", "ians")


def _subject_event_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}


def _is_trigger_word(token: Token, lexicon: EventLexicon) -> bool:
    pos = "NOUN" if token.pos_ == "PROPN" else token.pos_
    return any(rule.pos in {"*", pos} for rule in lexicon.triggers.get(token.lemma_.lower(), ()))


def _prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in `preps`, skipping dates ("on Wednesday")."""
    objects: list[Token] = []
    for prep in token.children:
        # The parser labels the by-phrase of a passive "agent", other prepositions "prep".
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in _NOT_ACTOR_ENTS:
                    objects.extend(conjuncts(obj))
    return objects


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _light_verb_host(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The light verb carrying an event noun: "launched an offensive", "responded with attacks",
    "arrived on a visit", "went on strike"."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "opened mortar, tank and machine-gun fire"
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"with", "on"}:
        head = head.head
    elif (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in {"dobj", "nsubjpass"}
            and _is_measure(head.head)):
        head = head.head.head  # "launched ten days of war games", "began a series of strikes"
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    if head.pos_ == "VERB" and head.lemma_.lower() in lexicon.light_verbs:
        return head
    return None

#: Nouns that measure out a run of events: "a series of attacks", "a new round of talks".
_RUN_NOUNS = frozenset({"series", "wave", "round", "spate", "string", "succession", "number"})


def _is_measure(noun: Token) -> bool:
    return noun.ent_type_ in _TIME_ENTS | {"CARDINAL"} or noun.lemma_.lower() in _RUN_NOUNS


def _resolve_pronouns(heads: list[Token]) -> list[Token]:
    resolved: list[Token] = []
    for head in heads:
        resolved.extend((antecedent(head) or [head]) if head.pos_ == "PRON" else [head])
    return resolved


def _is_party(noun: Token, lexicon: EventLexicon) -> bool:
    """Whether a noun names someone who can act or be acted on (see data/noun_classes.tsv):
    a name, a pronoun, a party noun ("officials", "peacekeepers"), an agent noun in -ist/-ian,
    or a noun a nationality or a name qualifies ("Panamanian officers", "Kurdish positions")."""
    if noun.ent_type_ in _NAMED_ENTS or noun.pos_ in {"PROPN", "PRON"}:
        return True
    lemma = noun.lemma_.lower()
    if lemma in lexicon.party_nouns or lemma.endswith(_AGENT_SUFFIXES):
        return True
    return any(
        c.dep_ in {"amod", "compound", "nmod"} and (c.ent_type_ in _NAMED_ENTS or c.pos_ == "PROPN")
        for c in noun.children
    )


def _is_named_party(noun: Token) -> bool:
    """A name, or a noun a name qualifies ("President Ruto's government", "Israeli troops")."""
    if noun.ent_type_ in _NAMED_ENTS or noun.pos_ == "PROPN":
        return True
    return any(c.dep_ in {"poss", "amod", "compound", "nmod"}
               and (c.ent_type_ in _NAMED_ENTS or c.pos_ == "PROPN") for c in noun.children)


def _is_place_modifier(head: Token) -> bool:
    return head.ent_type_ == "GPE" and head.dep_ in {"amod", "compound"}


class _Linker:
    """Finds which extracted mentions lie in a set of tokens."""

    def __init__(
        self,
        doc: Doc,
        places: Sequence[PlaceMention],
        dates: Sequence[DateMention],
        attributions: Sequence[AttributionMention],
    ) -> None:
        self.doc = doc
        self.places = [(m, self._tokens(m.span.start, m.span.end)) for m in places]
        self.place_tokens = frozenset(i for _, tokens in self.places for i in tokens)
        self.dates = [(m, self._tokens(m.span.start, m.span.end)) for m in dates]
        self.attributions = attributions

    def _tokens(self, start: int, end: int) -> frozenset[int]:
        piece = self.doc.char_span(start, end, alignment_mode="expand")
        return frozenset(t.i for t in piece) if piece is not None else frozenset()

    def places_in(self, scope: set[int], exclude: set[int]) -> tuple[PlaceMention, ...]:
        return tuple(m for m, toks in self.places if toks & scope and not toks & exclude)

    def dates_in(self, scope: set[int]) -> tuple[DateMention, ...]:
        return tuple(m for m, toks in self.dates if toks & scope)

    def attribution_for(self, token: Token) -> AttributionMention | None:
        covering = [a for a in self.attributions if a.scope.start <= token.idx < a.scope.end]
        return min(covering, key=lambda a: a.scope.end - a.scope.start, default=None)
