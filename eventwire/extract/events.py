"""Event mentions: triggers from the lexicon, arguments from the dependency parse.

For each sentence, words in the trigger lexicon (``data/triggers.tsv``) become event mentions.
Their arguments are read off the parse:

- **source**: the active subject, the by-agent of a passive, a possessor or demonym of an event
  noun ("Russian airstrikes"), or the subject of a light verb carrying the noun ("rebels
  launched an offensive", "X responded with attacks");
- **target**: the direct object, the subject of a passive, or an on/against-phrase ("called on
  Russia and Iran", "attacks on the bases");
- **places, dates, quantities**: mentions found by the other extractors that lie in the
  trigger's own clause (clauses embedded in it describe other events);
- **mode** from cue words naming the means ("drone attack", "by drones", "warplanes attacked");
- **status** from negation, modality ("would", "threatened to") and attribution cues.

Mentions with no argument at all ("a new method of carrying out terrorist attacks") are generic
and dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.lexicon import EventLexicon, TriggerRule
from eventwire.extract.syntax import (
    char_span,
    conjuncts,
    is_headline,
    local_tokens,
    noun_phrase,
    subject_of,
    token_span,
)
from eventwire.records import (
    ActorMention,
    AttributionMention,
    DateMention,
    EventMention,
    PlaceMention,
    QuantityMention,
    Status,
)

__all__ = ["extract_events"]

_NON_EVENT_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})
_TARGET_PREPS = frozenset({"on", "against", "at", "targeting"})
#: What each quantity attaches to: casualty and equipment counts belong to violent events.
_QUANTITY_EVENT_TYPES = {"arrested": ("COERCE", "ASSAULT")}
_DEFAULT_QUANTITY_EVENT_TYPES = ("ASSAULT", "COERCE")


def extract_events(
    doc: Doc,
    lexicon: EventLexicon,
    *,
    places: Sequence[PlaceMention] = (),
    dates: Sequence[DateMention] = (),
    quantities: Sequence[QuantityMention] = (),
    attributions: Sequence[AttributionMention] = (),
) -> list[EventMention]:
    """Event mentions in `doc`, linked to the place, date, quantity and attribution mentions."""
    linker = _Linker(doc, places, dates, attributions)
    events: list[EventMention] = []
    for number, sent in enumerate(doc.sents):
        triggers, outcomes = _find_triggers(sent, lexicon)
        sentence_events: list[tuple[Token, EventMention]] = []
        for token, rule in triggers:
            mention = _build_mention(token, rule, number, sent, lexicon, linker, outcomes)
            if mention is not None:
                sentence_events.append((token, mention))
        events.extend(_attach_quantities(sentence_events, [q for q in quantities if q.sentence == number]))
    return events


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
        if (r.requires == "alone" and any(r2.type == r.type and t2.i != t.i for t2, r2 in found))
        or (t.pos_ == "VERB" and t.dep_ == "relcl" and nouns.get(t.head.i) == r.type)
    }
    verbs = {t.i: r.type for t, r in found if t.pos_ == "VERB" and t.i not in outcomes}
    kept = []
    for token, rule in found:
        if token.i in outcomes:
            continue
        if _subject_event_noun(token) and verbs.get(token.head.i) == rule.type:
            continue  # "Tuesday's attack struck the headquarters": one event, told by the verb
        else:
            kept.append((token, rule))
    return kept, outcomes


def _subject_event_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}


def _match(token: Token, lexicon: EventLexicon, headline: bool) -> TriggerRule | None:
    pos = token.pos_
    if headline and pos == "PROPN":
        pos = "NOUN"  # headlines capitalise every word; the small model calls them proper nouns
    if pos not in {"VERB", "NOUN"} or token.dep_ in {"compound", "amod"}:
        return None
    if not headline and token.ent_type_ in _NON_EVENT_ENTS:
        return None
    rules = lexicon.triggers.get(token.lemma_.lower()) or lexicon.triggers.get(token.lower_)
    for rule in rules or ():
        if rule.pos in {"*", pos} and _requirement_met(token, rule.requires):
            return rule
    return None


def _requirement_met(token: Token, requires: str | None) -> bool:
    if requires is None:
        return True
    return all(_condition_met(token, condition) for condition in requires.split("+"))


def _condition_met(token: Token, requires: str) -> bool:
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
    if requires.startswith("prep:"):
        return bool(_prep_objects(token, {requires.removeprefix("prep:")}))
    return False


def _prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in `preps`, skipping dates ("on Wednesday")."""
    objects: list[Token] = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in _NOT_ACTOR_ENTS:
                    objects.extend(conjuncts(obj))
    return objects


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


def _build_mention(
    token: Token,
    rule: TriggerRule,
    number: int,
    sent: SpacySpan,
    lexicon: EventLexicon,
    linker: _Linker,
    outcomes: set[int],
) -> EventMention | None:
    is_verb = token.pos_ == "VERB"
    host = None if is_verb else _light_verb_host(token, lexicon)
    governed_by = _outcome_verbs(token, outcomes)
    scope = {t.i for t in local_tokens(token)}
    context_scope = set(scope)
    for governor in [host, *(verb for verb, _ in governed_by)]:
        if governor is not None:
            # "Putin announced in mid-December the withdrawal", "shelling killed two in Homs on
            # Monday": the governing verb's date and place phrases describe the event.
            for child in governor.children:
                if child.dep_ in {"prep", "npadvmod", "advmod"} and child.i != token.i:
                    context_scope.update(t.i for t in local_tokens(child))

    event_subjects = [c for c in token.children if _subject_event_noun(c) and _is_trigger_word(c, lexicon)]
    for noun in event_subjects:
        # "Saturday's suicide bombing hit the market": the noun's date and means are the verb's.
        context_scope.update(t.i for t in local_tokens(noun))
    source_heads = [h for h in _source_heads(token, rule, host, lexicon) if not _is_trigger_word(h, lexicon)]
    target_heads = _target_heads(token, rule, lexicon, linker)
    for outcome, subject_acts in governed_by:
        target_heads += [t for c in outcome.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if subject_acts and not source_heads:
            source_heads = subject_of(outcome)
    sources = _actor_mentions(source_heads, number, lexicon)
    targets = _actor_mentions(target_heads, number, lexicon)
    actor_tokens = {
        i
        for actor in (*sources, *targets)
        for i in range(*_token_bounds(linker.doc, actor.span.start, actor.span.end))
    }
    places = tuple(p for p in linker.places_in(context_scope, actor_tokens) if p.kind == "toponym")
    dates = linker.dates_in(context_scope)
    mode, mode_from_context = _mode(
        token, rule, lexicon, [*source_heads, *event_subjects], len(sources) + len(targets)
    )
    if not (sources or targets or places or dates or mode_from_context):
        return None  # generic: "a method of carrying out terrorist attacks"
    attribution = linker.attribution_for(token)
    if (
        not sources
        and attribution is not None
        and attribution.cue == "claim"
        and attribution.scope_kind == "for"
    ):
        # "X claimed responsibility for the attack": X says it did it (status stays "claimed").
        sources = (ActorMention(attribution.source, number, attribution.source.text),)
    code = lexicon.code(rule.type, mode, rule.cameo)
    headline = is_headline(sent)
    confidence = 0.4 + 0.15 * bool(sources) + 0.1 * bool(targets) + 0.1 * bool(places)
    confidence += 0.1 * bool(dates) + 0.1 * is_verb - 0.15 * headline
    return EventMention(
        type=rule.type,
        mode=mode,
        cameo=code.cameo or rule.cameo,
        acled_event_type=code.event_type,
        acled_sub_event_type=code.sub_event_type,
        trigger=token_span(token),
        sentence=number,
        sentence_span=char_span(linker.doc, sent.start, _trim_end(sent)),
        status=_status(token, host, attribution, lexicon),
        sources=sources,
        targets=targets,
        places=places,
        dates=dates,
        attribution=attribution,
        confidence=round(min(0.95, max(0.05, confidence)), 2),
        rule=rule.rule_id,
    )


def _outcome_verbs(token: Token, outcomes: set[int]) -> list[tuple[Token, bool]]:
    """The outcome verbs that yielded to this trigger, each with whether its subject acts.

    "Shelling killed two civilians": the trigger is the outcome's subject, its object the victims;
    likewise "a bombing that targeted the headquarters", a relative clause on the trigger.
    "Gunmen killed 14 villagers in an attack": the outcome's subject is the attacker.
    """
    found: list[tuple[Token, bool]] = []
    if token.dep_ == "nsubj" and token.head.i in outcomes:
        found.append((token.head, False))
    found += [(c, False) for c in token.children if c.dep_ == "relcl" and c.i in outcomes]
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in {"in", "during"}:
        verb = prep.head
        if verb.dep_ == "conj" and verb.head.i in outcomes:
            verb = verb.head  # "killed 14 and wounded nine in an attack"
        if verb.i in outcomes:
            found.append((verb, True))
    return found


def _trim_end(sent: SpacySpan) -> int:
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return end


def _token_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    piece = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (piece.start, piece.end) if piece is not None else (0, 0)


def _light_verb_host(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The light verb carrying an event noun: "launched an offensive", "responded with attacks"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "with":
        head = head.head
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    if head.pos_ == "VERB" and head.lemma_.lower() in lexicon.light_verbs:
        return head
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _source_heads(token: Token, rule: TriggerRule, host: Token | None, lexicon: EventLexicon) -> list[Token]:
    if token.pos_ == "VERB":
        if _is_passive(token):
            return [o for o in _prep_objects(token, {"by"}) if o.lemma_.lower() not in lexicon.mode_cues]
        subjects = subject_of(token)
        if not subjects and token.dep_ == "pcomp" and token.head.lower_ in {"of", "for"}:
            # "accused the US of supporting ...": the accused is the doer, whether the parser
            # hangs "of" on the object or on the verb.
            governor = token.head.head
            if governor.dep_ == "dobj":
                subjects = conjuncts(governor)
            elif governor.pos_ == "VERB":
                subjects = [t for c in governor.children if c.dep_ == "dobj" for t in conjuncts(c)]
        return subjects
    heads: list[Token] = []
    for child in token.children:
        if child.dep_ == "poss" and child.ent_type_ not in _NOT_ACTOR_ENTS:
            heads.extend(conjuncts(child))
        elif (
            child.dep_ in {"amod", "compound"}
            and child.ent_type_ in {"NORP", "ORG"}
            and not _same_entity(child, token)
        ):
            heads.append(child)  # "Russian airstrikes", "Hamas attack" (not "Astana talks": a place)
    heads.extend(o for o in _prep_objects(token, {"by"}) if o.lemma_.lower() not in lexicon.mode_cues)
    if not heads and host is not None:
        heads = subject_of(host)
    return heads


def _same_entity(a: Token, b: Token) -> bool:
    """Whether both tokens sit in one named entity (headline NER often swallows the trigger)."""
    return any(ent.start <= a.i < ent.end and ent.start <= b.i < ent.end for ent in a.doc.ents)


def _is_trigger_word(token: Token, lexicon: EventLexicon) -> bool:
    pos = "NOUN" if token.pos_ == "PROPN" else token.pos_
    return any(rule.pos in {"*", pos} for rule in lexicon.triggers.get(token.lemma_.lower(), ()))


def _target_heads(token: Token, rule: TriggerRule, lexicon: EventLexicon, linker: _Linker) -> list[Token]:
    heads: list[Token] = []
    if rule.requires and rule.requires.startswith("prep:"):
        heads = _prep_objects(token, {rule.requires.removeprefix("prep:")})
    elif token.pos_ == "VERB":
        passive = _is_passive(token)
        for child in token.children:
            if (child.dep_ == "dobj" and not passive) or (child.dep_ == "nsubjpass" and passive):
                heads.extend(conjuncts(child))
        if rule.type == "CONSULT":
            heads.extend(_prep_objects(token, {"with"}))
    else:
        heads = _prep_objects(token, _TARGET_PREPS | ({"with"} if rule.type == "CONSULT" else set()))
    kept = []
    for head in heads:
        if _is_trigger_word(head, lexicon):
            continue  # "accused X of supporting the attack": an event, not an actor
        if rule.type == "ASSAULT" and (
            {head.lemma_.lower(), head.lower_} & lexicon.place_nouns or head.i in linker.place_tokens
        ):
            continue  # "attacked several suburbs of Damascus": a location, not an actor
        kept.append(head)
    return kept


def _actor_mentions(heads: Sequence[Token], number: int, lexicon: EventLexicon) -> tuple[ActorMention, ...]:
    mentions: list[ActorMention] = []
    for head in heads:
        head = _counted_noun(head)
        if head.pos_ == "PRON" or head.ent_type_ in _NOT_ACTOR_ENTS:
            continue
        members = _of_members(head, lexicon)
        if not members:
            start, end = noun_phrase(head)
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


def _mode(
    token: Token, rule: TriggerRule, lexicon: EventLexicon, source_heads: Sequence[Token], n_actors: int
) -> tuple[str | None, bool]:
    """The event's mode, and whether words around the trigger (not the trigger itself) gave it."""
    if rule.mode:
        return rule.mode, False
    if rule.type == "CONSULT":
        return ("multilateral" if n_actors >= 3 else None), False
    if rule.type != "ASSAULT":
        return None, False
    cue_words: set[str] = set()
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nmod"}:
            cue_words.update(t.lemma_.lower() for t in child.subtree)
    for obj in _prep_objects(token, {"by", "with"}):
        cue_words.update(t.lemma_.lower() for t in obj.subtree)
    for head in source_heads:
        cue_words.update(
            t.lemma_.lower() for t in head.subtree if t.dep_ in {"compound", "amod"} or t.i == head.i
        )
    from_context = next((mode for cue, mode in lexicon.mode_cues.items() if cue in cue_words), None)
    if from_context:
        return from_context, True
    return lexicon.mode_cues.get(token.lemma_.lower()), False


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


def _attach_quantities(
    sentence_events: Sequence[tuple[Token, EventMention]], quantities: Sequence[QuantityMention]
) -> list[EventMention]:
    """Give each count in a sentence to the nearest event it can describe (casualties -> ASSAULT)."""
    attached: dict[int, list[QuantityMention]] = {}
    for quantity in quantities:
        allowed = _QUANTITY_EVENT_TYPES.get(quantity.what, _DEFAULT_QUANTITY_EVENT_TYPES)
        candidates = [
            (position, trigger.idx)
            for position, (trigger, mention) in enumerate(sentence_events)
            if mention.type in allowed
        ]
        if not candidates:
            continue
        best = min(
            candidates,
            key=lambda c: (allowed.index(sentence_events[c[0]][1].type), abs(c[1] - quantity.span.start)),
        )
        attached.setdefault(best[0], []).append(quantity)
    return [
        replace(mention, quantities=tuple(attached.get(position, ())))
        for position, (_, mention) in enumerate(sentence_events)
    ]
