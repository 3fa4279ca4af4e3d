"""Event mentions: triggers from the lexicon, arguments from the dependency parse.

For each sentence, words in the trigger lexicon (``data/triggers.tsv``) become event mentions.
Their arguments are read off the parse:

- **source**: the active subject, the by-agent of a passive, a possessor or demonym of an event
  noun ("Russian airstrikes"), or the subject of a light verb carrying the noun ("rebels
  launched an offensive", "X responded with attacks");
- **target**: the direct object, the subject of a passive, or an on/against-phrase ("called on
  Russia and Iran", "attacks on the bases"). A direct object that is no party (see
  ``data/noun_classes.tsv``: "offered concessions", "lift the ban on the FIS") gives way to the
  party that receives it (an indirect object, a to/with/from/on-phrase); an infinitive lends its
  target to the verb governing it ("refused to allow aid convoys to pass");
- coordinated nationalities sharing a head noun are one actor each ("U.S. and Russian
  negotiators"); a stance's holder is its subject ("Israel is opposed to ..."), and a message's
  issuer says what it says ("issued a declaration demanding ...");
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
from eventwire.extract.quantities import is_running_total
from eventwire.extract.syntax import (
    antecedent,
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
_TIME_ENTS = frozenset({"DATE", "TIME"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})
_TARGET_PREPS = frozenset({"on", "against", "at", "targeting"})
#: Prepositions naming the recipient of a verbal or cooperative act ("apologized to Brazil").
_RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "from"})
_NAMED_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_PEOPLES = frozenset({"GPE", "NORP"})
#: Types whose object may be a thing (a town shelled, a road blocked) and still be the target.
_PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Endings of nouns that name people by what they do or where they are from ("activists").
_AGENT_SUFFIXES = ("ist", "ists", "ian", "ians")
#: Types whose direct object is usually the thing given or done, and the recipient a to-phrase.
_GIVING_TYPES = frozenset(
    {"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "SANCTION", "REQUEST"}
)
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


#: Types whose intent is coded AGREE (CAMEO 03) and whose refusal REJECT (CAMEO 12).
_COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Types whose intent is coded THREATEN (CAMEO 13).
_HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})


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
    if rule.type not in _COOPERATIVE_TYPES | _HOSTILE_TYPES | {"AGREE"}:
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
    if negated and rule.type in _COOPERATIVE_TYPES | {"AGREE"}:
        return replace(rule, type="REJECT", mode=None, cameo="120")
    if intent and rule.type in _COOPERATIVE_TYPES:
        return replace(rule, type="AGREE", mode=None, cameo="030")
    if intent and rule.type in _HOSTILE_TYPES:
        return replace(rule, type="THREATEN", mode=None, cameo="130")
    return rule


def _has_future_aux(verb: Token, lexicon: EventLexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lexicon.future_modals for c in verb.children)


def _subject_event_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}


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
    named_target = _clause_entity(token, host, rule, source_heads, target_heads)
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


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _source_heads(token: Token, rule: TriggerRule, host: Token | None, lexicon: EventLexicon) -> list[Token]:
    if token.pos_ == "VERB":
        if _is_passive(token):
            agents = [o for o in _prep_objects(token, {"by"}) if o.lemma_.lower() not in lexicon.mode_cues
                      and (rule.type != "ASSAULT" or _is_party(o, lexicon))]  # "killed by an IED"
            if not agents and token.lemma_.lower() in lexicon.stance_words:
                # "Chile is committed to reform", "Ghana is opposed to foreign mediation":
                # a stance, held by its grammatical subject.
                return [t for c in token.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
            return agents
        subjects = subject_of(token)
        if (not subjects and token.dep_ == "acl" and token.head.lemma_.lower() in lexicon.message_nouns
                and token.head.dep_ == "dobj"):
            # "issued a declaration demanding that ...": whoever issues it demands.
            subjects = subject_of(token.head.head)
        elif (not subjects and token.dep_ == "acl" and (token.tag_ == "VBG" or token.head.dep_ == "ROOT")
                and _is_party(token.head, lexicon) and token.head.pos_ == "NOUN"):
            # "demonstrators protesting election results"; "A newspaper called on Arabs ...", a
            # sentence the parser hangs on its subject, leaving the verb a modifier of it
            subjects = conjuncts(token.head)
        if not subjects and token.dep_ == "pcomp" and token.head.lower_ in {"of", "for"}:
            # "accused the US of supporting ...": the accused is the doer, whether the parser
            # hangs "of" on the object or on the verb.
            governor = token.head.head
            if governor.dep_ == "dobj":
                subjects = conjuncts(governor)
            elif governor.pos_ == "VERB":
                subjects = [t for c in governor.children if c.dep_ == "dobj" for t in conjuncts(c)]
        return _resolve_pronouns(subjects)
    heads: list[Token] = []
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue  # "held their first meeting": the light verb's subject says whose
        if child.dep_ == "poss" and child.ent_type_ not in _NOT_ACTOR_ENTS:
            heads.extend(conjuncts(child))
        elif (
            child.dep_ in {"amod", "compound"}
            and child.ent_type_ in {"NORP", "ORG", "GPE"}
            and not _same_entity(child, token)
        ):
            # "Russian airstrikes", "Hamas attack", "US airstrikes". A place name here may be
            # where ("Astana talks", "Aleppo offensive"): resolve_events keeps it as the source
            # only when it resolves to a country, and it stays a candidate location meanwhile.
            heads.append(child)
    heads.extend(o for o in _prep_objects(token, {"by"}) if o.lemma_.lower() not in lexicon.mode_cues)
    places = [h for h in heads if _is_place_modifier(h)]
    if len(places) == len(heads) and host is not None:
        # "Russia, Turkey and Iran held Astana talks": the light verb's subject acts, and the
        # place modifying the noun is where.
        heads = _resolve_pronouns(subject_of(host)) or heads
    carrier = _carrying_verb(token, lexicon) if not heads and host is None else None
    held = (rule.requires or "").startswith("under:") and token.head.head.pos_ == "VERB"
    if carrier is None and not heads and held:
        carrier = token.head.head  # "troops remained on alert", "workers stayed on strike"
    if carrier is not None:
        passive_subjects = [t for c in carrier.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
        heads = _resolve_pronouns(subject_of(carrier) or passive_subjects)
    return heads


def _carrying_verb(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The plain verb whose object an event noun is ("students staged demonstrations", "continued
    their hunger strike", "converged for a rally"): its subject holds the event. A verb that is
    an event itself ("condemned the attack") or passive ("was killed in an explosion") is not.
    """
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in _PARTAKING_VERBS:
        return head.head  # "militias were engaged in looting", "took part in the riots"
    purpose = noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for"
    if purpose:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    # A verb that is an event of its own here carries none ("condemned the attack"); one that
    # only could be ("return" of "negotiators return to Geneva for talks") carries the purpose.
    # Any trigger word taking the noun as object stays out ("called the explosion an attack").
    if purpose:
        is_event = _match(head, lexicon, headline=False) is not None
    else:
        is_event = _is_trigger_word(head, lexicon)
    if head.pos_ != "VERB" or _is_passive(head) or is_event or head.lemma_.lower() in _HINDERING_VERBS:
        return None
    return head


#: Verbs whose subject takes part in the event their in-phrase names, active or passive.
_PARTAKING_VERBS = frozenset({"engage", "involve", "participate", "join"})

# Verbs whose subject stops the event named by their object: "police prevented the
# demonstration" - the police did not demonstrate.
_HINDERING_VERBS = frozenset({
    "prevent", "stop", "block", "ban", "forbid", "prohibit", "halt", "end", "cancel", "disperse",
    "suppress", "postpone", "avert", "thwart", "foil", "outlaw", "break", "crush", "quell", "oppose",
    "reject", "condemn", "denounce", "criticise", "criticize", "investigate", "report", "cover",
})


def _resolve_pronouns(heads: list[Token]) -> list[Token]:
    resolved: list[Token] = []
    for head in heads:
        resolved.extend((antecedent(head) or [head]) if head.pos_ == "PRON" else [head])
    return resolved


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
        if passive and token.lemma_.lower() in lexicon.stance_words:
            passive = False  # "is opposed to X": the subject holds the stance, X is its target
            heads = _prep_objects(token, {"to"})
        for child in token.children:
            if (child.dep_ == "dobj" and not passive) or (child.dep_ == "nsubjpass" and passive):
                heads.extend(conjuncts(child))
        if rule.type == "CONSULT":
            heads.extend(_prep_objects(token, {"with"}))
        requires = rule.requires or ""
        if rule.type == "ASSAULT" and "obj:" in requires:
            # "launched 14 drones at the base": the object is the means; the target is aimed at
            means = {w for c in requires.split("+") if c.startswith("obj:") for w in c[4:].split("|")}
            heads = [h for h in heads if h.lemma_.lower() not in means] or _prep_objects(token, _TARGET_PREPS)
        if rule.type in _GIVING_TYPES and not passive:
            # "gave the Ivory Coast a grant", "sent arms to Pakistan", "granted asylum to 18
            # rebels": the recipient, not the thing given, is the target.
            recipients = [t for c in token.children if c.dep_ in {"dative", "iobj"} for t in conjuncts(c)]
            recipients += [o for o in _prep_objects(token, {"to", "with"})
                           if o.ent_type_ in _NAMED_ENTS or o.pos_ == "PROPN" or not heads]
            if recipients and not any(h.ent_type_ in _NAMED_ENTS or h.pos_ == "PROPN" for h in heads):
                heads = recipients
        if rule.type == "PROTEST" and not any(_is_party(h, lexicon) for h in heads):
            # "marched in Minsk in defiance of the police"
            heads = _protested(token) or heads
        if heads and not passive and rule.type not in _PHYSICAL_TYPES and not any(
            _is_party(h, lexicon) or _is_trigger_word(h, lexicon) for h in heads
        ):
            # "offered concessions", "lift the ban on the FIS", "provide food aid to refugees":
            # the object is the thing given or done, and the party it goes to is the target.
            # With no such party the thing stays ("imposed martial law", "blocked roads"), and
            # resolve_events codes it by the country where the event happens.
            heads = ([r for r in _recipients(token, heads) if _is_party(r, lexicon)]
                     or _thing_clause_parties(token, heads) or heads)
        if not heads and not passive and rule.type != "ASSAULT":
            # "demanded that the US cancel ...", "said Sudan must return ...": whom it is asked of;
            # "apologized to Brazil", "cooperate with Iran": the recipient of verbal acts.
            heads = [s for c in token.children if c.dep_ == "ccomp" for s in subject_of(c)
                     if s.pos_ != "PRON"] or _prep_objects(token, _RECIPIENT_PREPS)
        if rule.type == "ACCUSE":
            # "complained to the UN over Israeli air raids": whoever did what is complained of,
            # not whom the complaint is made to
            heads = _prep_objects(token, {"over", "about"}) or heads
        if not heads and not passive:
            # "threatened to impose a curfew in Kano", "refused to allow aid convoys to
            # pass": the act the infinitive names bears on its object.
            heads = [t for x in token.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
                     for c in x.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if rule.type == "THREATEN" and not any(h.ent_type_ in _NAMED_ENTS for h in heads):
            # "threatened to quit the talks if Spain goes ahead", "... unless Peru
            # lifts the ban": the threat is aimed at whoever must meet its condition.
            heads = _conditioned(token) or heads
        if not heads and any(c.lower_ == "to" for c in token.children) and (
            token.dep_ == "advcl" or (token.dep_ == "xcomp" and token.head.lemma_.lower() in _CONVENING_VERBS)
        ):
            # "summoned Niger's ambassador to complain": the purpose bears on the main object
            heads = [t for c in token.head.children if c.dep_ == "dobj" for t in conjuncts(c)]
    elif token.dep_ == "pobj" and token.head.lower_ == "under" and token.head.head.pos_ in {"VERB", "AUX"}:
        # "a US national was put under investigation", "the convoy came under fire": whoever is
        # under the act is its target.
        verb = token.head.head
        heads = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c)
                 if t.pos_ != "PRON"]
    else:
        # "talks with Iran", "a mediation mission between Chad and the rebels"
        consulted = {"with", "between"} if rule.type == "CONSULT" else set()
        heads = _prep_objects(token, _TARGET_PREPS | consulted)
        if not heads and rule.type == "ASSAULT":
            heads = _prep_objects(token, {"of"})  # "the killing of three civilians"
        if not heads and rule.type == "ACCUSE":
            # "an investigation into X", "... into abuses carried out by militia units": whoever is
            # investigated, or whoever did what is investigated
            for probed in _prep_objects(token, {"into", "over", "about"}):
                heads += [probed] if _is_party(probed, lexicon) else [
                    o for c in probed.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                    for o in a.children if o.dep_ == "pobj" and _is_named_party(o)]
        carrier = _light_verb_host(token, lexicon) or _carrying_verb(token, lexicon)
        if not heads:
            # "reiterated its demand that Israel ease restrictions": whom it is asked of (the
            # parser hangs the that-clause on the noun or on the verb carrying it)
            heads = [s for c in token.children if c.dep_ in {"ccomp", "acl"} for s in subject_of(c)
                     if s.pos_ != "PRON"]
            if not heads and carrier is not None and rule.type == "REQUEST":
                heads = [s for c in carrier.children if c.dep_ == "ccomp" for s in subject_of(c)
                         if s.pos_ != "PRON"]
        if not heads and carrier is not None and rule.type in {"PROTEST", "ACCUSE"}:
            # "staged rallies in Gaza against the party's leader", "... in protest against X"
            heads = _protested(carrier)
    if rule.type == "PROTEST" and not any(_is_party(h, lexicon) for h in heads):
        # "rallies to demand reforms by the prime minister's cabinet", "a march calling
        # for the dismissal of the governor": protesters target whom their demand is made of.
        governor = token if token.pos_ == "VERB" else (
            _light_verb_host(token, lexicon) or _carrying_verb(token, lexicon) or token)
        heads = _demanded_of(governor, lexicon) or heads
    kept = []
    for found in heads:
        inside = _actor_inside(found, with_of=_is_trigger_word(found, lexicon))
        for head in inside or [found]:
            if _is_trigger_word(head, lexicon):
                # "accused X of supporting the attack": an event, not an actor; "insisted on its
                # demand that Chad's government release ...": whom the demand is made of.
                kept += [s for c in head.children if c.dep_ in {"ccomp", "acl"} and c.pos_ == "VERB"
                         for s in subject_of(c) if s.pos_ != "PRON" and not _is_trigger_word(s, lexicon)]
                continue
            if rule.type == "ASSAULT" and (
                {head.lemma_.lower(), head.lower_} & lexicon.place_nouns or head.i in linker.place_tokens
            ):
                continue  # "attacked several suburbs of Damascus": a location, not an actor
            kept.append(head)
    return kept


_CONDITIONS = frozenset({"if", "unless"})

#: Verbs that state what protesters demand ("to demand reforms", "calling for the removal of X").
_DEMANDING_VERBS = frozenset({"demand", "call", "seek", "urge"})


def _demanded_of(governor: Token, lexicon: EventLexicon) -> list[Token]:
    """The named party a protest's demand bears on: the agent or patient of what is demanded
    ("reforms by the prime minister's cabinet", "the dismissal of the governor"), or the subject of a
    demanded clause ("demanding that the government resign")."""
    clauses = [c for c in governor.children if c.dep_ in {"advcl", "xcomp", "acl"}]
    clauses += [g for c in governor.children if c.dep_ in {"dobj", "prep", "pobj"}
                for g in c.children if g.dep_ in {"acl", "dobj", "pobj"}]
    clauses += [g for c in list(clauses) for g in c.children if g.dep_ == "acl"]
    found: list[Token] = []
    for verb in clauses:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _DEMANDING_VERBS:
            continue
        demanded = [c for c in verb.children if c.dep_ == "dobj"] + _prep_objects(verb, {"for"})
        for thing in demanded:
            if _is_named_party(thing):
                found += conjuncts(thing)
                continue
            found += [o for o in _prep_objects(thing, {"by", "of"}) if _is_named_party(o)][:1]
        found += [s for c in verb.children if c.dep_ == "ccomp" for s in subject_of(c) if _is_named_party(s)]
    return found


def _thing_clause_parties(verb: Token, things: Sequence[Token]) -> list[Token]:
    """The named party of a clause about the thing given or done: "offered a plan that Israel
    rejected", "offered terms that the Kenyan envoy said could end ...".
    The parser hangs such a clause on the thing (relcl) or, after an adverb, on the verb (ccomp)."""
    clauses = [c for t in things for c in t.children if c.dep_ == "relcl"]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > max(t.i for t in things)
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return [s for c in clauses for s in subject_of(c) if s.pos_ != "PRON" and _is_named_party(s)]


def _is_named_party(noun: Token) -> bool:
    """A name, or a noun a name qualifies ("President Ruto's government", "Israeli troops")."""
    if noun.ent_type_ in _NAMED_ENTS or noun.pos_ == "PROPN":
        return True
    return any(c.dep_ in {"poss", "amod", "compound", "nmod"}
               and (c.ent_type_ in _NAMED_ENTS or c.pos_ == "PROPN") for c in noun.children)

#: Verbs that bring a party in to hear the act their infinitive names ("summoned the envoy to protest").
_CONVENING_VERBS = frozenset({"summon"})


def _conditioned(verb: Token) -> list[Token]:
    """Subjects of the if/unless-clauses on a verb or on its infinitive."""
    clauses = [verb, *(x for x in verb.children if x.dep_ == "xcomp")]
    return [s for clause in clauses for c in clause.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
            for s in subject_of(c) if s.pos_ != "PRON"]


#: Nouns of a phrase that names whom a protest is against: "in protest against X", "in defiance of X".
_PROTEST_PHRASE_NOUNS = frozenset({"protest", "defiance", "opposition"})


def _protested(word: Token) -> list[Token]:
    """Whom a protest is against: "rallies against X", "a strike in protest at X"."""
    return _prep_objects(word, {"against"}) or [
        o for p in word.children if p.dep_ == "prep" and p.lower_ == "in"
        for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() in _PROTEST_PHRASE_NOUNS
        for o in _prep_objects(n, {"against", "at", "of", "over"})
    ]


def _recipients(verb: Token, things: Sequence[Token]) -> list[Token]:
    """Who receives what a verb gives or does: its indirect object, or the object of a to/with/
    from/on/against-phrase on the verb or on the thing ("aid to refugees", "the ban on X")."""
    found = [t for c in verb.children if c.dep_ in {"dative", "iobj"} for t in conjuncts(c)]
    found += _prep_objects(verb, _RECIPIENT_PREPS)
    found += [o for thing in things for o in _prep_objects(thing, _RECIPIENT_PREPS)]
    return found


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


def _clause_entity(
    token: Token,
    host: Token | None,
    rule: TriggerRule,
    source_heads: Sequence[Token],
    target_heads: Sequence[Token],
) -> Token | None:
    """A named actor elsewhere in the trigger's clause, when the target found names none.

    "lifted the curfew in Kano", "denied visas to the rebels' envoys": the
    object is a thing, and the party the act bears on is named in a phrase of the clause (the
    next named entity, as dictionary coders such as PETRARCH take it). An attack's place names
    are where it happened, so for ASSAULT only groups, nationalities and people qualify.
    """
    if any(h.ent_type_ in _NAMED_ENTS or h.pos_ == "PROPN" for h in target_heads):
        return None
    # "threatened to impose a curfew in Kano" (which the small model tags LOC)
    labels = _NAMED_ENTS - {"GPE"} if rule.type == "ASSAULT" else _NAMED_ENTS | {"LOC"}
    governor = host or token
    scope = {t.i for t in local_tokens(governor)}
    for clause in _purpose_clauses(governor):
        scope.update(t.i for t in local_tokens(clause))
    # Entities in the object's prepositional phrases count ("restrictions on Palestinian
    # workers"); its own modifiers ("Kurdish fighters") and the source's words do not.
    taken = {t.i for h in source_heads for t in h.subtree} | {h.i for h in target_heads}
    taken |= {t.i for h in target_heads for c in h.children if c.dep_ != "prep" for t in c.subtree}
    candidates = [
        ent.root
        for ent in token.doc.ents
        if ent.label_ in labels and ent.root.i in scope and ent.root.i not in taken and ent.root.i != token.i
    ]
    after = [t for t in candidates if t.i > token.i]
    found = next(iter(after or candidates), None)
    if (found is not None and found.dep_ in {"compound", "amod"} and found.head.pos_ == "NOUN"
            and found.head.i != token.i and found.head.i not in taken):
        # "demands from Shona rebels", "a truce with Moslem forces": the party is the noun the
        # name qualifies, not the bare name.
        return found.head
    return found


def _purpose_clauses(verb: Token, depth: int = 2) -> list[Token]:
    """Infinitives that say what the act is about: "threatened to break relations with Russia"."""
    found = []
    for child in verb.children:
        if child.dep_ == "xcomp" or (
            child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            found.append(child)
            if depth > 1:
                found += _purpose_clauses(child, depth - 1)
    return found


def _actor_inside(noun: Token, *, with_of: bool) -> list[Token]:
    """The named actor inside a phrase about its act: "North Korea's demand", "calls by Kofi Annan".

    Of-phrases count only under an event noun ("the removal of President X"); elsewhere the
    phrase codes as a whole ("leaders of Romania's government").
    """
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_:
        return []
    for child in noun.children:
        if child.dep_ == "poss" and (child.ent_type_ in _NAMED_ENTS or child.pos_ == "PROPN"):
            return conjuncts(child)
    if with_of:
        # "over Israeli air raids": the nationality of an event noun names who acted
        for child in noun.children:
            if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"}:
                return conjuncts(child)
    preps = {"by", "from", "of"} if with_of else {"by", "from"}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ in _NAMED_ENTS or obj.pos_ == "PROPN" or (
                    with_of and any(c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}
                                    for c in obj.children)  # "the withdrawal of Serbian forces"
                )):
                    return conjuncts(obj)
    return []


def _is_place_modifier(head: Token) -> bool:
    return head.ent_type_ == "GPE" and head.dep_ in {"amod", "compound"}


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
    if "obj:" in (rule.requires or ""):
        # "launched 14 drones", "fired rockets": the object named in the rule is the means
        cue_words.update(c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "nsubjpass"})
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
