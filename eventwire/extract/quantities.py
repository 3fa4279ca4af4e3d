"""Counts of casualties and equipment, read off the dependency parse.

A count is found through the word that says what it counts (its *trigger*), never by looking
at numbers alone, so "50km", "two years" or a "12-year-old" are not counts:

- a verb and the role the count plays in it: "N people were killed", "killing N", "N fled",
  "six forced to land";
- a state word: "8 dead", "two were missing", "three wounded soldiers", "shot dead";
- a noun that names what it counts: "13 drones", "30 casualties", "no deaths";
- a toll: "the death toll rose to 45", "a death toll of 12".

Victims in a list are added up ("a woman and two children were killed" is 3); explicit zeros
are kept ("no casualties", "did not suffer any casualties", "no one was hurt"); a count under
a negated or modal verb ("did not kill 10", "could kill 100") is not a report.

Decisions worth knowing:

- "casualties" covers the killed and the wounded, so a zero ("no casualties") is reported as
  both `killed` 0 and `wounded` 0; a non-zero figure stays `casualties`, because the text
  does not say how it splits.
- When a verb counts a noun that names a kind of its own ("intercepted five rockets", "shot
  down two drones") only the verb's kind is reported: counting the noun too would make "two
  drones" look like a second, smaller estimate of the drones in the attack.
- An article counts one victim ("a man was killed", "a drone was shot down") but not a
  weapon named for its own sake ("a shell struck the house"): that is a description, not a
  reported figure.
- Counts of part of a group ("including four children", "three of them seriously") and of
  households ("200 families fled") are not reported; neither are definite victims without a
  number ("the commander was killed"), which usually repeat someone already counted.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.data.quantity_words import QuantityWords
from eventwire.extract.counts import count_group, counted_with
from eventwire.extract.syntax import char_span, conjuncts
from eventwire.records import AttributionMention, EventMention, QuantityMention, Span
from eventwire.text.numbers import (
    Count,
    is_number_word,
)

__all__ = [
    "attribute_quantities",
    "extract_quantities",
    "is_running_total",
    "link_unattached_figures",
]

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
#: How a state word ("dead", "missing") complements the verb whose object or subject it describes.
_STATE_COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "attr", "advmod"})
#: Dependencies through which a noun or adjective belongs to a verb's clause.
_CLAUSE_MEMBER_DEPS = frozenset(
    {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "conj", "appos", "oprd", "acomp",
     "nummod", "npadvmod"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Found:
    """A count with its token bounds [start, end) in the Doc."""

    what: str
    count: Count
    start: int
    end: int


def extract_quantities(doc: Doc, words: QuantityWords) -> list[QuantityMention]:
    """Counts of casualties (killed, wounded, ...) and equipment (drones, shot_down, ...);
    `words` (the lexicon's `quantity_words`) say what each number counts."""
    mentions: list[QuantityMention] = []
    for number, sentence in enumerate(doc.sents):
        seen: set[tuple[str, int | None, int | None, int | None]] = set()
        for found in sorted(_find(sentence, words), key=lambda f: (f.start, f.end)):
            key = (found.what, found.count.value, found.count.low, found.count.high)
            if key in seen:
                continue  # the same figure twice in one sentence is one report
            seen.add(key)
            mentions.append(
                QuantityMention(
                    what=found.what,
                    value=found.count.value,
                    low=found.count.low,
                    high=found.count.high,
                    span=char_span(doc, found.start, found.end),
                    sentence=number,
                )
            )
    return mentions


def attribute_quantities(
    quantities: Sequence[QuantityMention], attributions: Sequence[AttributionMention]
) -> list[QuantityMention]:
    """Each figure with the attribution that vouches for it: the narrowest reported content
    ("..., the ministry said", "according to ...") that holds the figure, if any."""
    # Scopes by start, so that each figure looks only at those that start close enough before
    # it to reach over it: comparing every figure with every attribution was quadratic.
    by_start = sorted(range(len(attributions)), key=lambda k: attributions[k].scope.start)
    starts = [attributions[k].scope.start for k in by_start]
    longest = max((a.scope.end - a.scope.start for a in attributions), default=0)
    attributed = []
    for quantity in quantities:
        reaching = by_start[
            bisect_left(starts, quantity.span.end - longest) : bisect_right(starts, quantity.span.start)
        ]
        covering = [
            attributions[k] for k in sorted(reaching) if quantity.span.end <= attributions[k].scope.end
        ]
        source = min(covering, key=lambda a: a.scope.end - a.scope.start, default=None)
        attributed.append(replace(quantity, attribution=source) if source is not None else quantity)
    return attributed


def link_unattached_figures(
    doc: Doc, events: Sequence[EventMention], quantities: Sequence[QuantityMention]
) -> list[EventMention]:
    """Give a casualty figure stated in a sentence with no event back to the attack it is about.

    Two ways a sentence without an event continues one before it:

    - it follows an attack in the same paragraph: "Gunmen ambushed a bus near Hama. Three
      passengers were wounded." (the last attack of the sentence just before is taken);
    - its subject takes up a noun of an earlier sentence that reports one, as a definite
      description refers back: "The Russian bases did not suffer any casualties" after
      "attacks on the Hmeymim and Tartus bases". The nearest such earlier attack is taken.

    Otherwise the figure stays unattached.
    """
    attached = {id(q) for e in events for q in e.quantities}
    event_sentences = {e.sentence for e in events}
    # Linking replaces only an event's quantities, so which events are attacks, and where,
    # is known up front; each figure then looks its attacks up instead of scanning every event.
    assaults = [
        position
        for position, event in enumerate(events)
        if event.type == "ASSAULT" and event.status not in {"denied", "hypothetical"}
    ]
    assault_sentences = [events[p].sentence for p in assaults]
    in_order = all(a <= b for a, b in zip(assault_sentences, assault_sentences[1:], strict=False))
    lemmas: dict[tuple[int, int], frozenset[str]] = {}  # per sentence span, read once
    text: str | None = None  # Doc.text rejoins every token on each read: read it once, if needed
    linked = list(events)
    for quantity in quantities:
        if id(quantity) in attached or quantity.what not in _CASUALTY_KINDS:
            continue
        if quantity.sentence in event_sentences:
            continue  # the event extractor saw this sentence's events and chose none for it
        if in_order:  # as extract_events gives them: the earlier attacks are a prefix
            attacks = assaults[: bisect_left(assault_sentences, quantity.sentence)]
        else:
            attacks = [p for p, s in zip(assaults, assault_sentences, strict=True) if s < quantity.sentence]
        # In order, an attack of the sentence just before is the last of the earlier ones.
        previous = [
            p for p in (attacks[-1:] if in_order else attacks) if linked[p].sentence == quantity.sentence - 1
        ]
        target: int | None = None
        if previous:
            text = doc.text if text is None else text
        if previous and text is not None and (
            "\n" not in text[linked[previous[-1]].sentence_span.end : quantity.span.start]
        ):
            target = previous[-1]
        else:
            bearer = _bearer_lemma(doc, quantity)
            target = next(
                (
                    p
                    for p in reversed(attacks)
                    if bearer is not None and bearer in _span_lemmas(doc, linked[p].sentence_span, lemmas)
                ),
                None,
            )
        if target is not None:
            linked[target] = replace(linked[target], quantities=(*linked[target].quantities, quantity))
    return linked


_CASUALTY_KINDS = frozenset({"killed", "wounded", "casualties", "missing"})
_PERIOD_NOUNS = frozenset({"day", "week", "month", "year"})


def is_running_total(verb: Token) -> bool:
    """Whether a verb counts over a period rather than in one event: "have been killed since
    2011", "... since the offensive began", "killed in the past two months"."""
    for child in verb.children:
        if child.lower_ == "since":
            return True
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since" for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ in {"in", "over", "during"}:
            for period in child.children:
                if period.lemma_.lower() in _PERIOD_NOUNS and any(
                    m.lower_ in {"last", "past"} for m in period.children
                ):
                    return True
    return False


def _bearer_lemma(doc: Doc, quantity: QuantityMention) -> str | None:
    """The lemma of the noun that suffered the figure: the subject of the figure's clause."""
    piece = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
    if piece is None:
        return None
    verb = _governing_verb(piece.root)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}]
    if not subjects or any(subject.i in range(piece.start, piece.end) for subject in subjects):
        return None  # "two soldiers were killed": the subject is the count itself
    return subjects[0].lemma_.lower()


def _span_lemmas(doc: Doc, span: Span, known: dict[tuple[int, int], frozenset[str]]) -> frozenset[str]:
    """The lower-cased lemmas of the tokens over a character span (cached in `known`)."""
    bounds = (span.start, span.end)
    found = known.get(bounds)
    if found is None:
        piece = doc.char_span(span.start, span.end, alignment_mode="expand")
        found = known[bounds] = frozenset(() if piece is None else (t.lemma_.lower() for t in piece))
    return found


def _find(sentence: SpacySpan, words: QuantityWords) -> Iterator[_Found]:
    governed: set[int] = set()  # words already counted through a verb or state word
    for token in sentence:
        kind = _predicate_kind(token, words)
        if kind is not None:
            for argument in _affected(token, words):
                governed.update(t.i for t in conjuncts(argument))
                yield from _report(kind, token, argument, words, listed=True)
        elif token.lemma_.lower() == "toll" and token.pos_ == "NOUN":
            kind = _toll_kind(token, words)
            for figure in _toll_figures(token):
                yield from _report(kind, token, figure, words, listed=False)
    for token in sentence:
        kind = words.noun_kinds.get(token.lemma_.lower())
        if kind is None or token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound":
            continue
        if token.i not in governed:
            yield from _report(kind, token, counted_with(token, words), words, listed=False)


# --------------------------------------------------------------------------- triggers


def _predicate_kind(token: Token, words: QuantityWords) -> str | None:
    lemma = token.lemma_.lower()
    for particle in _particles(token):
        if (lemma, particle.lower_) in words.phrasal_kinds:
            return words.phrasal_kinds[(lemma, particle.lower_)]
    if (idiom := _idiom_kind(token, words)) is not None:
        return idiom
    if lemma == "force":
        for child in token.children:
            if child.dep_ == "xcomp":
                complement = child.lemma_.lower()
                return (words.forced_kinds.get(complement)
                        or words.verb_kinds.get(complement))
        return None
    if token.pos_ in _VERBAL and lemma in words.verb_kinds:
        return words.verb_kinds[lemma]
    if token.lower_ in words.state_kinds and token.pos_ in {"ADJ", "VERB", "NOUN"}:
        return words.state_kinds[token.lower_]
    return None


def _idiom_kind(verb: Token, words: QuantityWords) -> str | None:
    """The kind of "lost their lives" or "fell victim": a verb and its object or complement."""
    complements = (c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "npadvmod", "attr", "oprd"})
    lemma = verb.lemma_.lower()
    return next((words.idiom_kinds[lemma, c] for c in complements if (lemma, c) in words.idiom_kinds), None)


def _particles(verb: Token) -> list[Token]:
    """Verb particles; the parser also files "down" right after "shot" as an adverb."""
    return [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1)]


def _affected(trigger: Token, words: QuantityWords) -> list[Token]:
    """The words naming who or what the trigger happened to."""
    arguments: list[Token] = []
    # The parser sometimes hangs the subject on the auxiliary: "20 others were missing".
    children = [
        *trigger.children,
        *(
            g
            for c in trigger.children
            if c.dep_ in {"aux", "auxpass"}
            for g in c.children
            if g.dep_ in {"nsubj", "nsubjpass"}
        ),
    ]
    for child in children:
        if child.dep_ == "nsubjpass" or (
            child.dep_ == "dobj" and trigger.lemma_.lower() not in words.intransitive
        ):
            arguments.append(child)
        elif child.dep_ == "nsubj" and _subject_is_affected(trigger, child, words):
            arguments.append(child)
        elif child.dep_ in {"nummod", "npadvmod", "attr", "oprd"} and is_number_word(child.text):
            arguments.append(child)  # "8 dead", "injuring at least 30"
        elif child.dep_ == "prep" and child.lower_ == "between":
            # The parser reads "between 10 and 15 people were hurt" as a prepositional phrase.
            arguments.extend(c for c in child.children if c.dep_ == "pobj")
    head = trigger.head
    if trigger.dep_ in {"acl", "amod"} and trigger.tag_ != "VBG" and head.pos_ in _NOMINAL:
        arguments.append(head)  # "five killed in ...", "three wounded soldiers"
    elif trigger.dep_ in _STATE_COMPLEMENT_DEPS and head.pos_ in _VERBAL:
        # "two were missing", "left 20 people dead", "were shot dead", "shot dead a suspect"
        # (the parser files "dead" there as an adverb): the object if there is one, else the
        # subject.
        objects = [c for c in head.children if c.dep_ == "dobj"]
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        arguments.extend(objects or subjects)
    elif trigger.dep_ == "pobj" and head.lower_ == "of" and is_number_word(head.head.text):
        arguments.append(head.head)  # "dozens of wounded"
    return arguments


def _subject_is_affected(trigger: Token, subject: Token, words: QuantityWords) -> bool:
    """Whether an active-voice subject is the victim rather than the agent."""
    if trigger.lemma_.lower() in words.intransitive or _idiom_kind(trigger, words) is not None:
        return True  # "500 people fled their homes", "7 lost their lives": the subject is counted
    if any(c.dep_ == "dobj" for c in trigger.children):
        return False
    if trigger.lower_ in words.state_kinds:
        return True
    auxiliaries = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    if trigger.tag_ == "VBN" and not any(a.lemma_.lower() == "have" for a in auxiliaries):
        return True  # a participle without "have" is a reduced passive: "and 20 wounded"
    # So is a bare number subject of a transitive verb without an object: "seven shot down".
    return not auxiliaries and is_number_word(subject.text)


def _toll_kind(toll: Token, words: QuantityWords) -> str:
    for child in toll.children:
        if child.dep_ in {"compound", "amod"} and child.lemma_.lower() in words.toll_kinds:
            return words.toll_kinds[child.lemma_.lower()]
    return "killed"


def _toll_figures(toll: Token) -> list[Token]:
    """ "a toll of 12", "the toll rose to 45", "put the toll at 23", "the toll reached 40"."""
    figures = [g for c in toll.children if c.dep_ == "prep" and c.lower_ in {"of", "at"} for g in _objects(c)]
    if toll.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        verb = toll.head
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
                figures.extend(_objects(child))
            elif child.dep_ in {"dobj", "attr"} and child is not toll:
                figures.append(child)
    return figures


def _trigger_parts(trigger: Token) -> list[int]:
    """Words that belong to a multi-word trigger: "shot down", "forced to land", "death toll"."""
    parts = [p.i for p in _particles(trigger)]
    if trigger.lemma_.lower() == "force":
        parts += [c.i for c in trigger.children if c.dep_ == "xcomp"]
    if trigger.dep_ in {"oprd", "acomp", "advmod"} and trigger.head.pos_ in _VERBAL:
        parts.append(trigger.head.i)  # "shot dead two gunmen", "left 20 people dead"
    if trigger.lemma_.lower() == "toll":
        parts += [c.i for c in trigger.children if c.dep_ in {"compound", "amod"}]
    return parts


# --------------------------------------------------------------------------- reporting


def _report(
    kind: str, trigger: Token, argument: Token, words: QuantityWords, *, listed: bool
) -> Iterator[_Found]:
    """The figure an argument gives a trigger; zero casualties are zero killed and wounded.

    `listed` arguments name who or what a verb happened to: their conjuncts add up and an
    article counts one ("a man and a child were killed"). A noun that names its own kind
    counts only with a number or "no": "a shell struck the house" reports no count of shells.
    """
    verb = _governing_verb(trigger)
    if verb is not None and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return  # "could kill 100" is not a report of what happened
    negation = next((c for c in verb.children if c.dep_ == "neg"), None) if verb else None
    if negation is None:
        counted = count_group(argument, words, listed=listed)
        extra: list[int] = []
    else:
        counted = _negated_zero(argument, noun_trigger=argument is trigger)
        extra = [negation.i]
    if counted is None:
        return
    count, first, last = counted
    edges = [first, last, trigger.i, *extra, *_trigger_parts(trigger)]
    start, end = min(edges), max(edges) + 1
    if kind == "casualties" and count.value == 0:
        yield _Found("killed", count, start, end)
        yield _Found("wounded", count, start, end)
    else:
        yield _Found(kind, count, start, end)


def _negated_zero(argument: Token, *, noun_trigger: bool) -> tuple[Count, int, int] | None:
    """Under a negated verb only "not ... any X" (or "not ... anyone") counts, as zero.

    A noun that names the kind counts without "any" too: "did not suffer casualties".
    """
    if argument.lower_ in {"anyone", "anybody"}:
        return Count(0), argument.i, argument.i
    determiners = {c.lower_ for c in argument.children if c.dep_ == "det"}
    has_number = any(is_number_word(c.text) for c in argument.children if c.i < argument.i)
    if has_number or not ("any" in determiners or (noun_trigger and not determiners)):
        return None
    return Count(0), argument.i, argument.i


def _objects(preposition: Token) -> list[Token]:
    return [c for c in preposition.children if c.dep_ == "pobj"]


#: How many heads up a figure's verb may be. Clauses put it a few heads up (9 at most in the
#: 5,000-item list of benchmarks/length.py; 155 golden and corpus articles code the same with
#: the cap); it keeps a degenerate parse (a coordination parsed as one long chain) from walking
#: its whole sentence for every figure.
_MAX_CLAUSE_STEPS = 40


def _governing_verb(token: Token) -> Token | None:
    """The verb whose clause a trigger word belongs to (itself when it is one)."""
    for _ in range(_MAX_CLAUSE_STEPS):
        if token.pos_ in _VERBAL:
            return token
        if token.head.i == token.i or token.dep_ not in _CLAUSE_MEMBER_DEPS:
            return None
        token = token.head
    return token if token.pos_ in _VERBAL else None
