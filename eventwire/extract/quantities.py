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
from eventwire.extract.doc_index import sentence_bounds
from eventwire.extract.syntax import char_span, conjuncts
from eventwire.records import AttributionMention, EventMention, QuantityMention, Span
from eventwire.text.numbers import (
    Count,
    add_counts,
    is_number_word,
    is_qualifier_word,
    parse_count,
)

__all__ = [
    "attribute_quantities",
    "extract_quantities",
    "is_running_total",
    "link_unattached_figures",
]

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
#: Determiners that state a count by themselves: "a man", "no casualties", "both soldiers".
_COUNTING_DETERMINERS = frozenset({"a", "an", "another", "no", "both"})
_ARTICLES = frozenset({"a", "an", "another"})
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
            yield from _report(kind, token, _counted_with(token, words), words, listed=False)


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
        counted = _count_group(argument, words, listed=listed)
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


# --------------------------------------------------------------------------- counting


def _counted_with(noun: Token, words: QuantityWords) -> Token:
    """Where a noun trigger's count sits: "dozens of drones", "the deaths of 12 people"."""
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    definite = bool(determiners & {"the", "these", "those"})
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and is_number_word(head.head.text) and not definite:
        return head.head  # but not "seven of the drones": a part of them
    if noun.lemma_.lower() in words.of_counted and not (determiners - {"the"}):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), noun)
    return noun


def _count_group(argument: Token, words: QuantityWords, *, listed: bool) -> tuple[Count, int, int] | None:
    """The count of an argument (with its conjuncts when `listed`) and its first and last token."""
    members = conjuncts(argument) if listed else [argument]
    found = [(member, _count_one(member, words, articles=listed)) for member in members]
    parts = [part for _, part in found if part is not None]
    if not parts:
        return None
    counts = [part[0] for part in parts]
    indices = [i for part in parts for i in part[1:]]
    alternatives = any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in argument.children)
    for member, part in found:
        if part is None and not alternatives and member.pos_ in {"NOUN", "PROPN"}:
            # In a list of victims each singular noun names one ("a man and his son"); a
            # plural without a number says "more", so the sum becomes a floor.
            counts.append(Count(1) if member.tag_ in {"NN", "NNP"} else Count(0, 0, None))
            indices.append(member.i)
    return add_counts(counts), min(indices), max(indices)


def _count_one(word: Token, words: QuantityWords, *, articles: bool) -> tuple[Count, int, int] | None:
    """The count of one noun, or bare number; `articles`: whether "a"/"an"/"another" count one."""
    if is_number_word(word.text):
        counted = [g for c in word.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if any(g.lemma_.lower() in words.unit_nouns for g in counted):
            return None  # "hundreds of families"
        found = _number_phrase(word, word)
        if found is None or not counted:
            return found
        return found[0], found[1], max(found[2], counted[0].i)  # "dozens of activists"
    if word.lemma_.lower() in words.unit_nouns:
        return None
    # The number nearest the noun: "2016 Thirty one militants" (a glued dateline) counts from "one".
    for child in reversed(list(word.children)):
        if child.i < word.i and child.dep_ not in {"det", "predet"} and is_number_word(child.text):
            return _number_phrase(child, word)
    for child in word.children:
        if child.dep_ in {"det", "predet"} and child.lower_ in (
            _COUNTING_DETERMINERS if articles else _COUNTING_DETERMINERS - _ARTICLES
        ):
            return _parse_tokens(word.doc, _qualifier_start(child), child.i, word.i + 1)
    coordinator = word
    while coordinator.dep_ == "conj" and coordinator.head is not coordinator:
        coordinator = coordinator.head
    if coordinator is not word and any(c.dep_ == "det" and c.lower_ == "no" for c in coordinator.children):
        return Count(0), coordinator.i, word.i  # "no damage or casualties"
    return None


def _number_phrase(number: Token, noun: Token) -> tuple[Count, int, int] | None:
    """Parse the number around `number` with its qualifiers, up to the counted noun."""
    sentence = _Bounds(number.doc, *sentence_bounds(number))
    first = last = number.i
    while True:
        if is_number_word(_word_at(sentence, first - 1)) and _one_number(
            _word_at(sentence, first - 1), _word_at(sentence, first)
        ):
            first -= 1
        elif _joins(
            _word_at(sentence, first - 2),
            _word_at(sentence, first - 1),
            between=_word_at(sentence, first - 3) == "between",
        ):
            first -= 2
        else:
            break
    between = _word_at(sentence, first - 1) == "between"
    while True:
        if is_number_word(_word_at(sentence, last + 1)) and _one_number(
            _word_at(sentence, last), _word_at(sentence, last + 1)
        ):
            last += 1
        elif _joins(_word_at(sentence, last), _word_at(sentence, last + 1), between=between) and (
            is_number_word(_word_at(sentence, last + 2))
        ):
            last += 2
        else:
            break
    end = last + 1
    if noun.i > last:
        end = noun.i + 1
    else:
        # A bare number: keep the words that qualify it from the right ("20 or more", "100+",
        # "12-year-old") so that parse_count can judge them.
        while end - last <= 2 and _word_at(sentence, end) in {"or", "so", "more", "+", "-", "%"}:
            end += 1
    return _parse_tokens(number.doc, _qualifier_start(number.doc[first]), first, end)


@dataclass(frozen=True, slots=True)
class _Bounds:
    """A sentence's token bounds [start, end) in its Doc."""

    doc: Doc
    start: int
    end: int


def _word_at(sentence: _Bounds, i: int) -> str:
    """The lower-cased token at doc index `i`, or "" outside the sentence."""
    return sentence.doc[i].lower_ if sentence.start <= i < sentence.end else ""


def _one_number(left: str, right: str) -> bool:
    """Whether two adjacent number words are one number. A figure in digits takes only a scale
    word after it ("5 million"): "2016 Scores of civilians" and "2016 5 people" are a year (a
    dateline glued to the first sentence, punctuation lost) and then the count."""
    return not left.isdigit() or right in _SCALE_WORDS


def _joins(left: str, connector: str, *, between: bool) -> bool:
    """Whether `connector` makes one number of two: "10 to 15", "10-15", "hundred and ten"."""
    if not is_number_word(left):
        return False
    if connector in {"-", "to", "or", "\u2013"}:
        return True
    return connector == "and" and (between or left in _SCALE_WORDS)


def _qualifier_start(token: Token) -> int:
    """How far left the words that may qualify a count reach ("at least", "more than")."""
    start = token.i
    sentence_start, _ = sentence_bounds(token)
    while start - 1 >= sentence_start and is_qualifier_word(token.doc[start - 1].text):
        start -= 1
    return start


def _parse_tokens(doc: Doc, earliest: int, latest: int, end: int) -> tuple[Count, int, int] | None:
    """The count of the longest parseable phrase that starts in [earliest, latest], ends at `end`.

    Trying from the left lets a qualifier join when it is one ("at least 30") and drops a word
    that only looks like one ("rose to 45": "to 45" is not a count, "45" is).
    """
    for start in range(earliest, latest + 1):
        count = parse_count(doc[start:end].text)
        if count is not None:
            return count, start, end - 1
    return None
