"""`extract_events`: event mentions of a Doc, assembled from triggers, arguments, mode and status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.data.lexicon import EventLexicon, TriggerRule
from eventwire.extract.events.actor_mentions import (
    _actor_mentions,
    _actor_mentions_by_head,
    _place_qualifiers,
)
from eventwire.extract.events.arguments import _clause_entity, _source_heads, _target_heads
from eventwire.extract.events.parse import (
    _is_place_modifier,
    _is_trigger_word,
    _light_verb_host,
    _Linker,
    _subject_event_noun,
)
from eventwire.extract.events.status import _coded_rule, _mode, _status
from eventwire.extract.events.triggers import _find_triggers
from eventwire.extract.quantities import is_running_total
from eventwire.extract.syntax import char_span, conjuncts, is_headline, local_tokens, subject_of, token_span
from eventwire.records import (
    ActorMention,
    AttributionMention,
    DateMention,
    EventMention,
    PlaceMention,
    QuantityMention,
)

__all__ = ["extract_events"]

#: What each quantity attaches to: casualty and equipment counts belong to violent events.
_QUANTITY_EVENT_TYPES = {"arrested": ("COERCE", "ASSAULT")}

_DEFAULT_QUANTITY_EVENT_TYPES = ("ASSAULT", "COERCE")

#: Counts of victims: a sentence with one reports a particular event, not a generic one.
_VICTIM_COUNTS = frozenset({"killed", "wounded", "casualties", "missing", "abducted"})


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
        trigger_ids = frozenset(t.i for t, _ in triggers)
        figures = [q for q in quantities if q.sentence == number]
        rules = [(token, _coded_rule(token, found, lexicon, trigger_ids)) for token, found in triggers]
        sentence_events = [
            (token, mention)
            for token, rule in rules
            if (mention := _build_mention(token, rule, number, sent, lexicon, linker, outcomes)) is not None
        ]
        victim_counts = [
            root
            for q in figures
            if q.what in _VICTIM_COUNTS
            and (root := _figure_root(doc, q)) is not None
            and not is_running_total(root)  # "since 2011" is no one event's toll
        ]
        if not sentence_events and victim_counts:
            # A trigger in one clause chain with a count of victims ("were killed in the
            # bombardment", "attacked ..., killing 156") tells a particular attack even when it
            # names no one, no place and no date.
            sentence_events = [
                (token, mention)
                for token, rule in rules
                if (tied := [r for r in victim_counts if token.is_ancestor(r) or r.is_ancestor(token)])
                and (
                    mention := _build_mention(
                        token, rule, number, sent, lexicon, linker, outcomes, counted=tied
                    )
                )
                is not None
            ]
        events.extend(_attach_quantities(_inherit_targets(sentence_events), figures))
    return events


def _inherit_targets(sentence_events: list[tuple[Token, EventMention]]) -> list[tuple[Token, EventMention]]:
    """ "Refused to allow aid convoys to pass", "threatened to attack the base": a governing event
    that names no target of its own bears on the target of the act its infinitive names."""
    by_trigger = {token.i: mention for token, mention in sentence_events}
    inherited = []
    for token, mention in sentence_events:
        if not mention.targets:
            for child in token.children:
                embedded = by_trigger.get(child.i) if child.dep_ == "xcomp" else None
                if embedded is not None and embedded.targets:
                    mention = replace(mention, targets=embedded.targets)
                    break
        inherited.append((token, mention))
    return inherited


def _figure_root(doc: Doc, figure: QuantityMention) -> Token | None:
    """The syntactic head of a figure's words ("killed" in "two people were killed")."""
    piece = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    return piece.root if piece is not None else None


def _build_mention(
    token: Token,
    rule: TriggerRule,
    number: int,
    sent: SpacySpan,
    lexicon: EventLexicon,
    linker: _Linker,
    outcomes: set[int],
    *,
    counted: Sequence[Token] = (),
) -> EventMention | None:
    is_verb = token.pos_ == "VERB"
    host = None if is_verb else _light_verb_host(token, lexicon)
    governed_by = _outcome_verbs(token, outcomes)
    scope = {t.i for t in local_tokens(token)}
    context_scope = set(scope)
    for governor in [host, *(verb for verb, _ in governed_by), *counted]:
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
    if not source_heads:
        # "Turkish airstrikes hit Kurdish positions": the event noun's own source acts.
        source_heads = [h for n in event_subjects for h in _source_heads(n, rule, None, lexicon)]
    target_heads = _target_heads(token, rule, lexicon, linker)
    for outcome, subject_acts in governed_by:
        # The victims: the object, or the subject of a passive ("civilians were killed in ...").
        target_heads += [t for c in outcome.children if c.dep_ in {"dobj", "nsubjpass"} for t in conjuncts(c)]
        if subject_acts and not source_heads:
            source_heads = subject_of(outcome)
    sources = tuple(
        replace(m, place_modifier=True) if _is_place_modifier(h) else m
        for h, m in _actor_mentions_by_head(source_heads, number, lexicon)
    )
    targets = _actor_mentions(target_heads, number, lexicon)
    named_target = _clause_entity(token, host, rule, source_heads, target_heads, lexicon)
    actor_tokens = {
        i
        for actor in (*sources, *targets)
        for i in range(*_token_bounds(linker.doc, actor.span.start, actor.span.end))
    } - _place_qualifiers([*source_heads, *target_heads])
    actor_tokens -= {h.i for h in source_heads if _is_place_modifier(h)}
    places = tuple(p for p in linker.places_in(context_scope, actor_tokens) if p.kind == "toponym")
    if named_target is not None:
        # "cut ties with Chad and Peru": every coordinated name is a target
        named = [t for t in conjuncts(named_target) if t.ent_type_ == named_target.ent_type_]
        targets += _actor_mentions(named, number, lexicon)
    dates = linker.dates_in(context_scope)
    mode, mode_from_context = _mode(
        token, rule, lexicon, [*source_heads, *event_subjects], len(sources) + len(targets)
    )
    # `counted`: the words counting this attack's victims ("were killed in Aleppo on Tuesday"),
    # which make it a particular attack and lend it their place and date (see extract_events).
    if not (sources or targets or places or dates or mode_from_context or counted):
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
        if verb.dep_ == "conj" and (verb.head.i in outcomes or _is_harm(verb.head)):
            verb = verb.head  # "killed 14 and wounded nine in an attack"
        if verb.i in outcomes or _is_harm(verb):
            # "wounded two soldiers in a bomb attack", "were killed in a car bombing"
            found.append((verb, True))
    return found

#: Verbs of harm that tell an attack's outcome when the attack is in their in-phrase.
_HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def _is_harm(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _HARM_VERBS


def _trim_end(sent: SpacySpan) -> int:
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return end


def _token_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    piece = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (piece.start, piece.end) if piece is not None else (0, 0)


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
