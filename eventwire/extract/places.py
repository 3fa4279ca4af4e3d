"""Place mentions: toponyms and demonyms in a parsed Doc -> `PlaceMention` records.

Needs: NER (``doc.ents``); uses POS tags and sentence boundaries when the Doc has them. Sets
nothing on the Doc. The gazetteer is not imported here: a `known_name` callable (normally
``gazetteer.has_name``) says whether a surface name is a known place.

What counts as a place mention:

* GPE and LOC entities, and FAC entities that are known names or name a kind of site
  ("the Bab al-Hawa crossing");
* names the small model mislabels (NORP "Hmeymim", ORG "Tartus", PERSON "Saqba") or misses
  (an unlabelled proper-noun run), when `known_name` knows them *and* the text uses them as a
  place: after a locative preposition, before a feature word ("air base", "province"), or
  coordinated with a place ("the Hmeymim and Tartus bases");
* demonyms and adjectival uses of country names ("Syrian", "US-led", "Kremlin spokesman") as
  ``kind="demonym"``; resolution maps them to countries.

`feature_hint` says what the words around a name tell about it (`place_context` reads them):
"province", "district", "city", "river", "area" (after a compass word), "base", "naval base",
"airport", "crossing", "dateline" (a wire dateline's place: a town or a country, not a
province), or "near" (near X, outskirts of X, 5 km from X ...), which may combine with one of
the others ("near base").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.extract.place_context import (
    _DIRECTIONS,
    _FEATURE_LAST_WORDS,
    _FEATURE_PHRASES,
    _LOWERCASE_ONLY,
    context_before,
    feature_after,
)
from eventwire.extract.place_qualifiers import may_qualify, with_qualifiers
from eventwire.records import PlaceMention
from eventwire.records import Span as TextSpan
from eventwire.text.dateline import DATELINE_CHARS, is_dateline_place

__all__ = ["extract_places", "place_mentions_at"]

# --------------------------------------------------------------------------- word lists
# Small closed classes of English function words and feature nouns; general, not tied to a text.

#: Words that join coordinated names into one chain ("the Hmeymim and Tartus bases").
_COORDINATORS = frozenset({",", "and", "or", "&"})
#: A title before a name marks a person ("President Assad"), not a place.
_TITLES = frozenset(
    {"president", "minister", "premier", "gen", "gen.", "general", "col", "col.", "colonel",
     "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "king", "queen", "prince", "princess",
     "emir", "sheikh", "senator", "sen", "sen.", "rep", "rep.", "secretary", "ambassador",
     "chancellor", "pope", "spokesman", "spokeswoman", "commander", "lt", "lt.", "sgt", "sgt."}
)
#: A country or capital name directly before one of these is adjectival ("Kremlin spokesman",
#: "US officials", "Iran envoy"): it names a state actor, not a location.
_ROLE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "envoy", "envoys",
     "ambassador", "minister", "ministers", "president", "leader", "leaders", "government",
     "authorities", "regime", "forces", "troops", "army", "military", "police", "diplomat",
     "diplomats", "embassy", "ministry", "lawmakers", "negotiators", "delegation", "media",
     "officer", "officers", "prosecutors", "intelligence"}
)
#: Arabic articles and particles that may sit inside an unlabelled name ("Bab al-Hawa").
_NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ez", "es",
                             "ed", "bin", "ibn", "abu", "-", "de", "du", "la", "le", "of"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Labels that the small model gives place names by mistake (it calls a town a PRODUCT too).
_MISLABELS = frozenset({"NORP", "ORG", "FAC", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"})


@dataclass(slots=True)
class _Candidate:
    start: int  # token indices, end exclusive
    end: int
    label: str
    kind: str = "toponym"  # or "demonym"
    hint: str | None = None  # from the name itself ("Homs province")
    known: bool = False
    needs: str = "none"  # context required: "none", "weak" or "strong"
    chain_hint: str | None = None
    context: str = "none"  # context found: "none", "weak", "strong", "listing"
    near: bool = False


def extract_places(
    doc: Doc,
    known_name: Callable[[str], bool],
    *,
    is_demonym: Callable[[str], bool] | None = None,
) -> list[PlaceMention]:
    """Toponym and demonym mentions of `doc`, in text order.

    `known_name(text)` says whether the gazetteer knows a name. `is_demonym(word)`, when given
    (normally ``lambda w: gazetteer.country_of_demonym(w) is not None``), keeps only NORP
    entities that name a country's people, dropping "Sunni", "Islamist" and the like; without
    it every NORP entity that is not a known place becomes a demonym mention.
    """
    sentence_of = _sentence_index(doc)
    candidates: list[_Candidate] = []
    in_entity = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            in_entity[i] = True
        candidate = _from_entity(ent, known_name, is_demonym)
        if candidate is not None:
            candidates.append(candidate)
    candidates.extend(_from_proper_nouns(doc, in_entity, known_name))
    candidates.sort(key=lambda c: c.start)

    accepted: list[_Candidate] = []
    for chain in _chains(doc, candidates, sentence_of):
        _read_context(doc, chain)
        chain_has_place = any(c.needs == "none" and c.kind == "toponym" for c in chain)
        listed_after_place = chain[0].context == "listing" and any(
            a.kind == "toponym" and sentence_of[a.start] == sentence_of[chain[0].start]
            for a in accepted
        )
        for c in chain:
            if c.kind == "demonym" or chain_has_place or listed_after_place or _has_context(c):
                accepted.append(c)
            elif c.label == "NORP" and (is_demonym is None or is_demonym(_text(doc, c))):
                accepted.append(_as_demonym(c))  # a known name, but used like a demonym here
    mentions = [_mention(doc, c, sentence_of) for c in accepted]
    if may_qualify(mentions):
        return with_qualifiers(doc.text, mentions)  # Doc.text rejoins every token: only if needed
    return mentions


def place_mentions_at(
    doc: Doc, spans: Sequence[tuple[int, int]], found: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """Toponym mentions at given character spans (gold spans, a user's selection), in order.

    Each keeps what `extract_places` found at the same place (`found`, its output for `doc`):
    its label and hint when a found mention has the same span; otherwise the hint is read from
    the words around the span as `extract_places` would, and the label is ``"given"`` (the
    caller vouches that it is a place, so resolution needs no further evidence for it).
    """
    by_span = {(m.span.start, m.span.end): m for m in found}
    sentence_of = _sentence_index(doc)
    doc_text = doc.text  # once: Doc.text rejoins every token
    mentions = []
    for start_char, end_char in spans:
        same = by_span.get((start_char, end_char))
        if same is not None:
            # A demonym ("Canadian") stays one: it resolves to its country. A name that NER
            # mislabelled ("Malakal" as ORG) is a place here: the caller says so.
            mentions.append(same if same.kind == "demonym" else replace(same, label="given"))
            continue
        text = doc_text[start_char:end_char]
        if not len(doc):
            mentions.append(PlaceMention(TextSpan(text, start_char, end_char), 0, label="given"))
            continue
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            i = _token_at(doc, start_char)
            span = doc[i:i + 1]
        candidate = _Candidate(span.start, span.end, "given")
        _read_context(doc, [candidate])
        mentions.append(PlaceMention(
            span=TextSpan(text, start_char, end_char),
            sentence=sentence_of[span.start],
            kind="toponym",
            label="given",
            feature_hint=_hint(candidate),
        ))
    # One mention per span (the given one where both exist), so that a name's neighbour in the
    # text, not its own duplicate, is what may qualify it.
    pool = {**by_span, **{(m.span.start, m.span.end): m for m in mentions}}
    qualified = {
        (m.span.start, m.span.end): m.qualifier
        for m in with_qualifiers(doc_text, sorted(pool.values(), key=lambda m: m.span.start))
    }
    return [replace(m, qualifier=qualified.get((m.span.start, m.span.end))) for m in mentions]


def _token_at(doc: Doc, char: int) -> int:
    for token in doc:
        if token.idx + len(token.text) > char:
            return token.i
    return len(doc) - 1


# --------------------------------------------------------------------------- candidates


def _from_entity(
    ent: Span,
    known_name: Callable[[str], bool],
    is_demonym: Callable[[str], bool] | None,
) -> _Candidate | None:
    label = ent.label_
    if label not in _PLACE_LABELS and label not in _MISLABELS:
        return None
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    if start >= end:
        return None
    candidate = _Candidate(start, end, label)
    _trim_feature_words(doc, candidate, known_name)
    text = doc[candidate.start:candidate.end].text
    if not any(ch.isupper() for ch in text):
        return None  # "13" or "overnight" mislabelled as a place

    if label in _PLACE_LABELS or label == "NORP":
        if _inside_organisation_name(doc, candidate) or _is_person_name(doc, candidate):
            return None
    if label == "NORP":
        if is_demonym is not None and is_demonym(text):
            candidate.kind = "demonym"
        elif known_name(text):
            candidate.known, candidate.needs = True, "weak"
        elif is_demonym is None:
            candidate.kind = "demonym"
        else:
            return None
        return candidate
    if label in _PLACE_LABELS:
        if _is_adjectival(doc, candidate) and (is_demonym is None or is_demonym(text)):
            # "US officials" name a state actor; "Richmond police" still place the story.
            candidate.kind = "demonym"
        candidate.known = known_name(text)
        return candidate
    candidate.known = known_name(text)
    if not candidate.known:
        # An unknown facility can still be a place when it says what it is ("X crossing").
        return candidate if label == "FAC" and candidate.hint else None
    candidate.needs = "strong" if label == "PERSON" else ("none" if label == "FAC" else "weak")
    return candidate


def _trim_feature_words(doc: Doc, candidate: _Candidate, known_name: Callable[[str], bool]) -> None:
    """Move a feature word that NER included ("Homs province") from the name to the hint.

    A capitalised one stays when it is part of a known name ("Kansas City", "Gaza Strip").
    """
    if doc[candidate.end - 1].lower_ not in _FEATURE_LAST_WORDS:
        return  # the common case, decided without building a slice per phrase
    for phrase, hint in _FEATURE_PHRASES:
        n = len(phrase)
        if candidate.end - candidate.start <= n:
            continue
        tail = doc[candidate.end - n:candidate.end]
        if tuple(t.lower_ for t in tail) != phrase:
            continue
        full = doc[candidate.start:candidate.end].text
        head = doc[candidate.start:candidate.end - n].text
        if all(t.is_lower for t in tail) or (
            phrase not in _LOWERCASE_ONLY and not known_name(full) and known_name(head)
        ):
            candidate.end -= n
            candidate.hint = hint
        return


def _from_proper_nouns(
    doc: Doc, in_entity: Sequence[bool], known_name: Callable[[str], bool]
) -> list[_Candidate]:
    """Known names among proper-noun runs that NER left unlabelled."""
    has_pos = doc.has_annotation("POS")
    found: list[_Candidate] = []
    i = 0
    while i < len(doc):
        if in_entity[i] or not _is_name_token(doc[i], has_pos):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and not in_entity[j] and (
            _is_name_token(doc[j], has_pos)
            or (doc[j].lower_ in _NAME_PARTICLES and j + 1 < len(doc)
                and _is_name_token(doc[j + 1], has_pos))
        ):
            j += 1
        found.extend(_known_subspans(doc, i, j, known_name))
        i = j
    return found


def _is_name_token(token: Token, has_pos: bool) -> bool:
    if not token.text[:1].isupper():
        return False
    return token.pos_ == "PROPN" if has_pos else not token.is_sent_start


def _known_subspans(
    doc: Doc, start: int, end: int, known_name: Callable[[str], bool]
) -> list[_Candidate]:
    """Longest known names in tokens [start, end), left to right."""
    found = []
    i = start
    while i < end:
        for j in range(min(end, i + 5), i, -1):
            if doc[j - 1].lower_ in _NAME_PARTICLES:
                continue
            if known_name(doc[i:j].text):
                found.append(_Candidate(i, j, "gazetteer", known=True, needs="weak"))
                i = j
                break
        else:
            i += 1
    return found


def _inside_organisation_name(doc: Doc, c: _Candidate) -> bool:
    """A place name that begins an organisation's name ("Syrian" + "Observatory for ...")."""
    return c.end < len(doc) and doc[c.end].ent_iob_ == "B" and doc[c.end].ent_type_ == "ORG"


def _is_person_name(doc: Doc, c: _Candidate) -> bool:
    before = doc[c.start - 1] if c.start > 0 else None
    after = doc[c.end] if c.end < len(doc) else None
    if before is not None and (before.lower_ in _TITLES or before.ent_type_ == "PERSON"):
        return True
    return after is not None and after.ent_type_ == "PERSON" and doc[c.end - 1].whitespace_ != ""


def _is_adjectival(doc: Doc, c: _Candidate) -> bool:
    """ "US-led", "Iran-backed", "Kremlin spokesman": the name qualifies an actor."""
    if c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end].whitespace_ == "":
        return doc[c.end + 1].is_lower  # "Idlib - the last stronghold" is a dash, not a compound
    return c.end < len(doc) and doc[c.end].lower_ in _ROLE_NOUNS


def _as_demonym(c: _Candidate) -> _Candidate:
    c.kind, c.hint, c.chain_hint, c.near = "demonym", None, None, False
    return c


# --------------------------------------------------------------------------- context


def _chains(
    doc: Doc, candidates: Sequence[_Candidate], sentence_of: Sequence[int]
) -> list[list[_Candidate]]:
    """Group candidates joined only by commas and conjunctions within one sentence."""
    chains: list[list[_Candidate]] = []
    for c in candidates:
        if chains:
            last = chains[-1][-1]
            between = doc[last.end:c.start]
            if (
                c.start >= last.end
                and sentence_of[c.start] == sentence_of[last.start]
                and len(between) > 0
                and all(t.lower_ in _COORDINATORS or t.lower_ == "the" for t in between)
                and any(t.lower_ in _COORDINATORS for t in between)
            ):
                chains[-1].append(c)
                continue
            if c.start < last.end:
                continue  # overlaps an earlier candidate
        chains.append([c])
    return chains


def _read_context(doc: Doc, chain: list[_Candidate]) -> None:
    """Set context, near and chain_hint from the words before the first and after the last."""
    first, last = chain[0], chain[-1]
    context, near, before_hint = context_before(doc, first.start)
    after_hint = feature_after(doc, last.end)
    if before_hint is None and first.start > 0 and doc[first.start - 1].text in _DIRECTIONS:
        before_hint = "area"  # lower case only: "Northern Alliance" is a name
    if after_hint or before_hint:
        context = "strong"
    elif last.end < len(doc) and doc[last.end].pos_ == "NOUN":
        # "on Taliban positions": the preposition governs the noun; the name only modifies it.
        context = "none"
    # "Baghdad and the Tigris river": one river word names the last name only ("rivers" all)
    one_river = after_hint == "river" and doc[last.end].lower_ == "river"
    for c in chain:
        c.context = context
        c.near = near
        c.chain_hint = (None if one_river and c is not last else after_hint) or before_hint
    if first.chain_hint is None and _is_dateline(doc, first):
        first.chain_hint = "dateline"  # the dateline's own place, not the country after it


def _is_dateline(doc: Doc, first: _Candidate) -> bool:
    """Whether the name opens the text as a wire dateline does (`is_dateline_place`: "NEW YORK
    (AP) —", "BEIRUT, Lebanon (AP) -", "Washington (CNN)"). A dateline names the town (or the
    country: "LEBANON —") the report was filed from, so a state or province of the same name is
    not meant ("NEW YORK (AP)" is the city)."""
    start = doc[first.start].idx
    if start > DATELINE_CHARS or (first.start > 0 and not doc[first.start - 1].is_space):
        return False  # cheap checks first: Doc.text rejoins every token
    end = doc[first.end - 1].idx + len(doc[first.end - 1])
    return is_dateline_place(doc.text, start, end)


def _has_context(c: _Candidate) -> bool:
    if c.needs == "none" or c.hint is not None:
        return True
    if c.needs == "strong":
        return c.context == "strong"
    return c.context in {"weak", "strong"}


# --------------------------------------------------------------------------- output


def _sentence_index(doc: Doc) -> list[int]:
    """Index in ``list(doc.sents)`` of each token's sentence (0 when the Doc has none)."""
    index = [0] * len(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index[i] = number
    return index


def _text(doc: Doc, c: _Candidate) -> str:
    return doc[c.start:c.end].text


def _hint(c: _Candidate) -> str | None:
    kind = c.hint or c.chain_hint
    if kind == "near":
        kind, near = None, True
    else:
        near = c.near
    if near:
        return f"near {kind}" if kind else "near"
    return kind


def _mention(doc: Doc, c: _Candidate, sentence_of: Sequence[int]) -> PlaceMention:
    span = doc[c.start:c.end]
    start_char, end_char = span.start_char, span.end_char
    return PlaceMention(
        span=TextSpan(span.text, start_char, end_char),  # Doc.text would rejoin every token
        sentence=sentence_of[c.start],
        kind="demonym" if c.kind == "demonym" else "toponym",
        label=c.label,
        feature_hint=None if c.kind == "demonym" else _hint(c),
    )
