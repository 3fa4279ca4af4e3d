"""Who acts and who is acted on: the source and target heads of a trigger, read off the parse.

The steps that hold for some event types only ask the lexicon's `type_rules` (``data/event_type_rules.tsv``)
which types they apply to; the order of the steps is the code's.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.data.lexicon import EventLexicon, TriggerRule
from eventwire.extract.doc_index import entity_index
from eventwire.extract.events.parse import (
    _NAMED_ENTS,
    _NOT_ACTOR_ENTS,
    _is_named_party,
    _is_party,
    _is_passive,
    _is_place_modifier,
    _is_trigger_word,
    _light_verb_host,
    _Linker,
    _prep_objects,
    _resolve_pronouns,
)
from eventwire.extract.events.triggers import _match
from eventwire.extract.syntax import conjuncts, local_tokens, subject_of

_TARGET_PREPS = frozenset({"on", "against", "at", "targeting"})

#: Prepositions naming the recipient of a verbal or cooperative act ("apologized to Brazil").
_RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "from"})


def _source_heads(token: Token, rule: TriggerRule, host: Token | None, lexicon: EventLexicon) -> list[Token]:
    rules = lexicon.type_rules
    if token.pos_ == "VERB":
        if _is_passive(token):
            agents = [o for o in _prep_objects(token, {"by"}) if o.lemma_.lower() not in lexicon.mode_cues
                      and (not rules.applies("agent_must_be_party", rule.type)
                           or _is_party(o, lexicon))]  # "killed by an IED"
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


def _same_entity(a: Token, b: Token) -> bool:
    """Whether both tokens sit in one named entity (headline NER often swallows the trigger)."""
    ent = entity_index(a.doc).containing(a.i)
    return ent is not None and ent.start <= b.i < ent.end


def _target_heads(token: Token, rule: TriggerRule, lexicon: EventLexicon, linker: _Linker) -> list[Token]:
    rules = lexicon.type_rules
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
        if rules.applies("verb_partner_preps", rule.type):
            heads.extend(_prep_objects(token, rules.words_of("verb_partner_preps")))
        requires = rule.requires or ""
        if rules.applies("object_is_means", rule.type) and "obj:" in requires:
            # "launched 14 drones at the base": the object is the means; the target is aimed at
            means = {w for c in requires.split("+") if c.startswith("obj:") for w in c[4:].split("|")}
            heads = [h for h in heads if h.lemma_.lower() not in means] or _prep_objects(token, _TARGET_PREPS)
        if rules.applies("recipient_is_target", rule.type) and not passive:
            # "gave the Ivory Coast a grant", "sent arms to Pakistan", "granted asylum to 18
            # rebels": the recipient, not the thing given, is the target.
            recipients = [t for c in token.children if c.dep_ in {"dative", "iobj"} for t in conjuncts(c)]
            recipients += [o for o in _prep_objects(token, rules.words_of("recipient_is_target"))
                           if o.ent_type_ in _NAMED_ENTS or o.pos_ == "PROPN" or not heads]
            if recipients and not any(h.ent_type_ in _NAMED_ENTS or h.pos_ == "PROPN" for h in heads):
                heads = recipients
        if rules.applies("protest_against", rule.type) and not any(_is_party(h, lexicon) for h in heads):
            # "marched in Minsk in defiance of the police"
            heads = _protested(token) or heads
        if heads and not passive and not rules.applies("object_may_be_thing", rule.type) and not any(
            _is_party(h, lexicon) or _is_trigger_word(h, lexicon) for h in heads
        ):
            # "offered concessions", "lift the ban on the FIS", "provide food aid to refugees":
            # the object is the thing given or done, and the party it goes to is the target.
            # With no such party the thing stays ("imposed martial law", "blocked roads"), and
            # resolve_events codes it by the country where the event happens.
            heads = ([r for r in _recipients(token, heads) if _is_party(r, lexicon)]
                     or _thing_clause_parties(token, heads) or heads)
        if not heads and not passive and not rules.applies("never_asked_of", rule.type):
            # "demanded that the US cancel ...", "said Sudan must return ...": whom it is asked of;
            # "apologized to Brazil", "cooperate with Iran": the recipient of verbal acts.
            heads = [s for c in token.children if c.dep_ == "ccomp" for s in subject_of(c)
                     if s.pos_ != "PRON"] or _prep_objects(token, _RECIPIENT_PREPS)
        if rules.applies("complained_of_preps", rule.type):
            # "complained to the UN over Israeli air raids": whoever did what is complained of,
            # not whom the complaint is made to
            heads = _prep_objects(token, rules.words_of("complained_of_preps")) or heads
        if not heads and not passive:
            # "threatened to impose a curfew in Kano", "refused to allow aid convoys to
            # pass": the act the infinitive names bears on its object.
            heads = [t for x in token.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
                     for c in x.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if rules.applies("threat_conditioned", rule.type) and not any(
            h.ent_type_ in _NAMED_ENTS for h in heads
        ):
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
        consulted = (rules.words_of("noun_partner_preps") if rules.applies("noun_partner_preps", rule.type)
                     else frozenset())
        heads = _prep_objects(token, _TARGET_PREPS | consulted)
        if not heads and rules.applies("noun_victim_preps", rule.type):
            # "the killing of three civilians"
            heads = _prep_objects(token, rules.words_of("noun_victim_preps"))
        if not heads and rules.applies("probe_preps", rule.type):
            # "an investigation into X", "... into abuses carried out by militia units": whoever is
            # investigated, or whoever did what is investigated
            for probed in _prep_objects(token, rules.words_of("probe_preps")):
                heads += [probed] if _is_party(probed, lexicon) else [
                    o for c in probed.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                    for o in a.children if o.dep_ == "pobj" and _is_named_party(o)]
        carrier = _light_verb_host(token, lexicon) or _carrying_verb(token, lexicon)
        if not heads:
            # "reiterated its demand that Israel ease restrictions": whom it is asked of (the
            # parser hangs the that-clause on the noun or on the verb carrying it)
            heads = [s for c in token.children if c.dep_ in {"ccomp", "acl"} for s in subject_of(c)
                     if s.pos_ != "PRON"]
            if not heads and carrier is not None and rules.applies("carrier_asked_of", rule.type):
                heads = [s for c in carrier.children if c.dep_ == "ccomp" for s in subject_of(c)
                         if s.pos_ != "PRON"]
        if not heads and carrier is not None and rules.applies("carrier_protest_against", rule.type):
            # "staged rallies in Gaza against the party's leader", "... in protest against X"
            heads = _protested(carrier)
    if rules.applies("demanded_of", rule.type) and not any(_is_party(h, lexicon) for h in heads):
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
            if rules.applies("place_is_no_target", rule.type) and (
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


def _clause_entity(
    token: Token,
    host: Token | None,
    rule: TriggerRule,
    source_heads: Sequence[Token],
    target_heads: Sequence[Token],
    lexicon: EventLexicon,
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
    labels = _NAMED_ENTS - {"GPE"} if lexicon.type_rules.applies("clause_entity_not_place", rule.type) else (
        _NAMED_ENTS | {"LOC"})
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
        for ent in entity_index(token.doc).overlapping(min(scope), max(scope) + 1)
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
