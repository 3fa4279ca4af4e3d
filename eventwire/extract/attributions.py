"""Attribution: who says so. "X said ...", "according to X", "X claimed responsibility for ..."."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.syntax import char_span, noun_phrase, subject_of
from eventwire.records import AttributionMention, Span

__all__ = ["extract_attributions"]


def extract_attributions(doc: Doc, lexicon: EventLexicon) -> list[AttributionMention]:
    """Every reporting cue with a source and the stretch of text the source vouches for."""
    found: list[AttributionMention] = []
    for number, sent in enumerate(doc.sents):
        for token in sent:
            mention = _according_to(token, sent, number) or _reporting_verb(token, lexicon, number)
            if mention is not None:
                found.append(mention)
    return found


def _according_to(token: Token, sent: object, number: int) -> AttributionMention | None:
    """'..., according to Moscow's ministry of defense.' vouches for the whole sentence."""
    if token.lower_ != "according":
        return None
    objects = [c for c in token.children if c.lower_ == "to"]
    sources = [g for to in objects for g in to.children if g.dep_ == "pobj"]
    if not sources:
        return None
    doc = token.doc
    start, end = noun_phrase(sources[0])
    return AttributionMention(
        source=char_span(doc, start, end),
        cue="according to",
        sentence=number,
        status="asserted",
        scope=char_span(doc, sent.start, sent.end),  # type: ignore[attr-defined]
        scope_kind="sentence",
    )


def _reporting_verb(token: Token, lexicon: EventLexicon, number: int) -> AttributionMention | None:
    cue = lexicon.reporting_cues.get(token.lemma_.lower())
    if cue is None or token.pos_ not in {"VERB", "AUX"}:
        return None
    if any(child.dep_ == "neg" for child in token.children):
        return None  # "no faction claimed ..." attributes nothing to anyone
    subjects = subject_of(token)
    if not subjects or subjects[0].pos_ == "PRON" or _is_negated_subject(subjects[0]):
        return None
    found = _scope(token, cue.scopes)
    if found is None:
        return None
    scope, scope_kind = found
    doc = token.doc
    start, end = noun_phrase(subjects[0])
    return AttributionMention(
        source=char_span(doc, start, end),
        cue=token.lemma_.lower(),
        sentence=number,
        status=cue.status,  # type: ignore[arg-type]
        scope=scope,
        scope_kind=scope_kind,
    )


def _is_negated_subject(subject: Token) -> bool:
    return any(child.lower_ in {"no", "none"} for child in subject.children)


def _scope(verb: Token, scopes: tuple[str, ...]) -> tuple[Span, str] | None:
    doc = verb.doc
    for kind in scopes:
        for child in verb.children:
            target: Token | None = None
            if kind == "ccomp" and child.dep_ in {"ccomp", "parataxis"}:
                target = child
            elif kind in {"dobj", "xcomp"} and child.dep_ == kind:
                target = child
            elif kind in {"of", "for"} and child.dep_ == "prep" and child.lower_ == kind:
                target = child
            elif kind in {"of", "for"} and child.dep_ == "dobj":
                # "accused the US of supporting ...": the of-phrase hangs on the object.
                target = next((g for g in child.children if g.dep_ == "prep" and g.lower_ == kind), None)
            if target is not None:
                return char_span(doc, target.left_edge.i, target.right_edge.i + 1), kind
    head = verb.head
    if "ccomp" in scopes and verb.dep_ == "parataxis" and head.i < verb.i:
        # "Security forces killed 12 protesters, the opposition said, while ...": the parser
        # hangs the parenthetical cue on the reported clause, which it vouches for up to itself.
        return char_span(doc, head.left_edge.i, verb.left_edge.i), "parataxis"
    return None
