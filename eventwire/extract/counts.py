"""How many a counted word says: the number around a noun, with its qualifiers ("at least 30",
"10 to 15", "hundreds of"), a list of victims added up ("a man and his two sons" is 3), a
determiner that counts by itself ("a drone", "no casualties"). `extract.quantities` finds the
counted words through the parse; this module reads their counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.data.quantity_words import QuantityWords
from eventwire.extract.doc_index import sentence_bounds
from eventwire.extract.syntax import conjuncts
from eventwire.text.numbers import Count, add_counts, is_number_word, is_qualifier_word, parse_count

__all__ = ["count_group", "counted_with"]

_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
#: Determiners that state a count by themselves: "a man", "no casualties", "both soldiers".
_COUNTING_DETERMINERS = frozenset({"a", "an", "another", "no", "both"})
_ARTICLES = frozenset({"a", "an", "another"})


def counted_with(noun: Token, words: QuantityWords) -> Token:
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


def count_group(argument: Token, words: QuantityWords, *, listed: bool) -> tuple[Count, int, int] | None:
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
