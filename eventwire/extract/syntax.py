"""Small dependency-tree helpers shared by the extractors (spaCy tokens in, tokens or Spans out)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.doc_index import entity_index
from eventwire.records import Span

__all__ = [
    "CLAUSE_DEPS",
    "antecedent",
    "char_span",
    "clause_tense",
    "conjuncts",
    "is_headline",
    "local_tokens",
    "noun_phrase",
    "subject_of",
    "token_span",
]

#: Dependencies that open a clause of its own; a trigger's arguments do not reach into them.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})

#: Modifiers that belong to a noun phrase when we cut one out of the tree.
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "flat"})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})


def char_span(doc: Doc, start_token: int, end_token: int) -> Span:
    """The record Span of tokens [start_token, end_token) with character offsets into doc.text."""
    piece = doc[start_token:end_token]
    return Span(text=piece.text, start=piece.start_char, end=piece.end_char)


def token_span(token: Token) -> Span:
    return Span(text=token.text, start=token.idx, end=token.idx + len(token.text))


def is_headline(sent: SpacySpan) -> bool:
    """Title Case lines: the small model tags most of their words as proper nouns."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.7


def conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ("Russia and Iran" -> [Russia, Iran])."""
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def local_tokens(root: Token) -> Iterator[Token]:
    """The root's subtree without the clauses it embeds (they describe other events)."""
    stack = [root]
    while stack:
        token = stack.pop()
        yield token
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
                continue
            if child.dep_ in {"relcl", "acl", "ccomp", "advcl", "parataxis"}:
                continue
            stack.append(child)


def subject_of(verb: Token) -> list[Token]:
    """Active subjects of a verb (with conjuncts); a relative pronoun stands for its antecedent."""
    subjects: list[Token] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            head = child
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                head = verb.head
            subjects.extend(conjuncts(head))
    if not subjects and verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        # "Turkey vowed to attack ..." / "troops entered and shelled ...": shared subject.
        return subject_of(verb.head)
    if not subjects and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subject_of(verb.head.head)  # "Syria is willing to withdraw": the copula's subject
    if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        # "police opened fire, killing one and arresting 12": the participle shares the subject
        return subject_of(verb.head)
    if (not subjects and verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        # A purpose clause: "students staged demonstrations to demand reforms", "send material
        # to help": whoever acts in the main clause does it.
        return subject_of(verb.head)
    if (not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "as"
            and verb.head.head.pos_ == "VERB"):
        # "King Hassan was quoted as saying ...": the one quoted says it.
        return [t for c in verb.head.head.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    return subjects


_PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def antecedent(pronoun: Token) -> list[Token]:
    """What a subject pronoun stands for, when a governing clause names it; else [].

    "Syria says it will withdraw", "the rebels said they would release ...": the subject of the
    clause that reports or embeds the pronoun's clause.
    """
    if pronoun.lower_ not in _PERSONAL_PRONOUNS:
        return []
    clause = pronoun.head
    while clause.dep_ in {"ccomp", "xcomp", "conj", "advcl", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
        found = [t for t in subject_of(clause) if t.pos_ != "PRON"]
        if found:
            return found
    return []


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `head`, without a leading article.

    Keeps pre-modifiers (compounds, adjectives, possessors: "Kremlin spokesman Dmitry Peskov",
    "Moscow's ministry of defense") and an of-phrase naming an entity ("ministry of defense"),
    or, after a name, the country it heads ("King Hassan of Morocco").
    """
    start, end = head.i, head.i + 1
    for child in head.children:
        keep = (
            child.dep_ in _PHRASE_DEPS
            or (
                # "ministry of defence", but not "accused the US of supporting ..."
                child.dep_ == "prep"
                and child.lower_ == "of"
                and child.i == head.i + 1
                and any(
                    g.dep_ == "pobj"
                    and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and g.ent_type_ == "GPE"))
                    for g in child.children
                )
            )
            or (child.dep_ == "punct" and child.text == "-" and child.i < head.i)
            # "Kenzo Oshima, the UN relief coordinator": the apposition says who a name is.
            or (child.dep_ == "appos" and head.pos_ == "PROPN" and child.i > head.i
                and child.pos_ in {"NOUN", "PROPN"} and head.doc[child.left_edge.i - 1].text == ",")
        )
        if keep:
            start = min(start, child.left_edge.i)
            end = max(end, child.right_edge.i + 1)
    doc = head.doc
    if head.ent_type_:
        # A named entity stays whole: "Syrian Observatory for Human Rights", "ministry of defense".
        ent = entity_index(doc).containing(head.i)
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
    while start < head.i and doc[start].dep_ in {"det", "predet", "punct", "cc"}:
        start += 1
    while end - 1 > head.i and (doc[end - 1].dep_ in {"punct", "cc"} or doc[end - 1].is_space):
        end -= 1
    return start, end


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # "wo" of "won't"
# Words whose infinitive looks ahead ("is scheduled to close Monday", "plans to leave Thursday"),
# and verbs that look ahead themselves ("has scheduled a news conference Thursday").
_FUTURE_GOVERNORS = frozenset(
    {"schedule", "plan", "set", "due", "expect", "intend", "aim", "prepare", "ready", "poise", "slate"}
)
# "postponed until Tuesday", "extended to Nov. 16": the new date lies ahead of the decision.
_DEFERRING_VERBS = frozenset({"postpone", "delay", "extend", "adjourn", "defer", "push", "reschedule"})


def clause_tense(doc: Doc, char_offset: int) -> Literal["past", "future", "unknown"]:
    """Tense of the clause around a character offset: "past", "future" or "unknown".

    "Putin faces an election this March" reads forward; "said Saturday's attacks" backward.
    Plans read forward whatever the tense of their verb: "was scheduled to meet Monday".
    """
    token = doc.char_span(char_offset, char_offset + 1, alignment_mode="expand")
    if token is None:
        return "unknown"
    word = token[0]
    verb = word
    through_adjective = False
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
        through_adjective |= verb.pos_ == "ADJ"
    if verb.pos_ not in {"VERB", "AUX"}:
        return "unknown"
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & _FUTURE_AUX or (verb.tag_ == "VBG" and "going" in auxes):
        return "future"
    if _looks_ahead(word, verb, auxes):
        return "future"
    if through_adjective:
        return "unknown"  # "declared a dividend payable Dec. 15": the date is the adjective's
    if verb.tag_ in {"VBD", "VBN"} or auxes & {"had", "was", "were", "did"}:
        return "past"
    return "unknown"


def _looks_ahead(word: Token, verb: Token, auxes: set[str]) -> bool:
    """A plan, a schedule or a deferral: the date it names lies ahead of the clause's time."""
    governor = verb.head if "to" in auxes and verb.dep_ == "xcomp" else verb
    if governor.lemma_ in _FUTURE_GOVERNORS:
        # A plan in the past perfect ("had been due to expire Friday") is over.
        return "had" not in {c.lower_ for c in governor.children if c.dep_ in {"aux", "auxpass"}}
    doc = word.doc
    before = doc[word.i - 1].lower_ if word.i > 0 else ""
    if word.i >= 3 and doc[word.i - 3 : word.i].text.lower() in {"as soon as", "as early as"}:
        return True  # "could arrive as early as Tuesday"
    if auxes & {"would", "could", "might", "may", "must", "should"} and "have" not in auxes:
        return True  # "would be traveling Thursday", "must be returned by Jan. 14"
    return before in {"until", "till", "to"} and verb.lemma_ in _DEFERRING_VERBS
