"""`resolve_actors` and `story_country`: actor mentions coded with the dictionary and the story's places."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

from eventwire.records import Actor, ActorMention, Place
from eventwire.resolve.actors.dictionary import _STATELESS_SECTORS, _STOP_WORDS, ActorDictionary, _Coding


def resolve_actors(
    mentions: Sequence[ActorMention],
    dictionary: ActorDictionary,
    *,
    context_country: str | None = None,
    places: Sequence[Place] = (),
    year: int | None = None,
    located_country: str | None = None,
) -> list[Actor]:
    """One `Actor` per mention, in order.

    `year` is the article's year of publication; it dates the people with terms of office
    (leaders.tsv): "President Bashir" in 1995 is Sudan's head of state, and "President
    Mitterrand" is France's whatever country the story is in.

    `context_country` (ISO3, the country the story is in) fills the country of a *local role*
    when the phrase itself names none: CAMEO and PLOVER code domestic actors by the country
    they are in, so in a Syrian story "the army", "rebels", "civilians", "officials", "judges"
    or "ethnic Kurds" are Syria's. Roles often played by foreigners ("warplanes", "troops",
    "diplomats", "refugees") are left without a country: in a war with foreign forces a guess
    would often be wrong. Which roles are local is data: kind ``local_role`` in actors.tsv.

    Two more rules fill a country the dictionary cannot give:

    * a phrase about an act, coded as nothing, is coded by what follows its first "of" ("the
      removal of President X");
    * a resolved place named inside the phrase ("Darfur rebels", "opposition groups in
      Zimbabwe") gives its country, except to international organisations.

    A pronoun's actor ("they", "its forces", "their fighters") names no country of its own:
    it takes the country, and when it has none the sector, of the phrase it refers to
    (`ActorMention.antecedent`, "the Turkish military said one of *its* soldiers"), before
    any place or story country is tried; not an IGO or NGO ("Greece ... its European
    Community partners" are no Greeks).

    `located_country` is the one country the event is located in, when it has one. A local
    role of the kind that is where the event happens (`_PRESENT_SECTORS`: people,
    protesters, police, rebels) takes it before the story's country: "thousands of people
    protested in Tbilisi" in a story about Ukraine are Georgians.
    """
    actors: list[Actor] = []
    for mention in mentions:
        text = mention.span.text
        coding = _coding(text, dictionary, year)
        referent = None
        if (coding.country is None and mention.antecedent is not None
                and coding.sector not in _STATELESS_SECTORS):
            referent = _coding(mention.antecedent.text, dictionary, year)
        if referent is not None and referent.sector is not None:
            # Only a party refers: "The Russian bases were not hit ... they might bomb" is no Russian act.
            coding = _Coding(referent.country, coding.sector or referent.sector,
                             referent.local if coding.sector is None else coding.local,
                             referent.transnational if coding.sector is None else coding.transnational)
        country = coding.country
        if country is None and coding.sector not in _STATELESS_SECTORS:
            country = next((p.country for p in places if p.country and _within(p, mention, dictionary)),
                           None)
        if country is None and coding.local and located_country and coding.sector in _PRESENT_SECTORS:
            country = located_country
        if country is None and coding.local and context_country:
            country = context_country
        actors.append(Actor(text=mention.span.text, country=country, sector=coding.sector,
                            span=mention.span, transnational=coding.transnational and country is None))
    return actors


#: Sectors of local roles that are where their event happens, whatever the story's country:
#: civilians, protesters, police, opposition, rebels, criminals, reporters, parties. Not the
#: state's army, government, legislature, courts or spies, which act and speak across borders
#: ("the army shelled positions in Lebanon" is still the story's army).
_PRESENT_SECTORS: Final = frozenset({"CVL", "COP", "OPP", "REB", "CRM", "JRN", "PTY", "UAF", "ELI"})


def is_agent(mention: ActorMention, dictionary: ActorDictionary, year: int | None = None) -> bool:
    """Whether a mention can be an event's actor at all.

    Not a phrase that holds a scraped page's navigation or labels ("Tags Syria ...", "Share
    this"), and not a bare pronoun whose referent is no party ("The Russian bases were not
    hit ... they might bomb": bases do not bomb; who does is unknown).
    """
    coding = dictionary._analyse(mention.span.text, year)
    if coding.furniture:
        return False
    if mention.antecedent is not None and coding.country is None and coding.sector is None:
        return _coding(mention.antecedent.text, dictionary, year).sector is not None
    return True


def without_seats(places: Iterable[Place], text: str, dictionary: ActorDictionary) -> list[Place]:
    """The places, less those that only say where an office is ("Britain-based", "based in London").

    An organisation's seat is no country the story is about: the Syrian Observatory's British
    office does not make a report of Syrian shelling a British story.
    """
    seats = dictionary.seat_words
    kept = []
    for place in places:
        span = place.span
        if span is not None and seats:
            after = _fold_words(text[span.end: span.end + 20])
            before = _fold_words(text[max(0, span.start - 20): span.start])
            if (after and after[0] in seats) or (len(before) >= 2 and before[-2] in seats
                                                 and before[-1] in ("in", "at")):
                continue
        kept.append(place)
    return kept


def _fold_words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]


def _coding(text: str, dictionary: ActorDictionary, year: int | None) -> _Coding:
    coding = dictionary._analyse(text, year)
    if "(" in text:
        coding = _without_parentheses(text, coding, dictionary, year)
    if coding.country is None and coding.sector is None and " of " in text:
        coding = dictionary._analyse(text.split(" of ", 1)[1], year)
    return coding


def story_country(places: Iterable[Place], phrases: Iterable[str], dictionary: ActorDictionary,
                  year: int | None = None) -> str | None:
    """The country a passage is about: the one its places and actor phrases name most, if one stands out.

    Each place counts once, and so does each distinct actor phrase that names a country.
    """
    counts = Counter(p.country for p in places if p.country)
    for phrase in set(phrases):
        country = dictionary._analyse(phrase, year).country
        if country:
            counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


_PARENTHESES_RE: Final = re.compile(r"\s*\(([^()]*)\)")


def _without_parentheses(text: str, coding: _Coding, dictionary: ActorDictionary,
                         year: int | None) -> _Coding:
    """The coding of a phrase read past its parenthetical asides.

    An aside glosses a name ("the Musavat (Equality) opposition bloc", "Revolutionary
    United Front (RUF)"); read as part of the phrase its brackets would end the head zone
    before the head noun. What the aside alone codes fills only what the rest leaves open.
    """
    outside = dictionary._analyse(_PARENTHESES_RE.sub("", text).strip(), year)
    if outside.country is None and outside.sector is None:
        outside = coding
    if outside.country is not None and outside.sector is not None:
        return outside
    for aside in _PARENTHESES_RE.findall(text):
        inside = dictionary._analyse(aside, year)
        if inside.country is not None or inside.sector is not None:
            return _Coding(outside.country or inside.country, outside.sector or inside.sector,
                           outside.local and inside.country is None)
    return outside


_STOP_BEFORE_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(w for w in _STOP_WORDS if w.isalpha())) + r")\b", re.IGNORECASE)
_PATRON_BEFORE_RE: Final = re.compile(r"(?:\bpro|\banti|\bethnic)[-\s]*$", re.IGNORECASE)


def _within(place: Place, mention: ActorMention, dictionary: ActorDictionary) -> bool:
    span = place.span
    if span is None or not (mention.span.start <= span.start and span.end <= mention.span.end):
        return False
    before = mention.span.text[: span.start - mention.span.start]
    after = _fold_words(mention.span.text[span.end - mention.span.start:])
    preceding = _fold_words(before)
    if (after and after[0] in dictionary.qualifier_suffixes) or (
            len(preceding) >= 2 and preceding[-2] in dictionary.seat_words):
        # "a Britain-based monitor", "a group based in London": where its office is;
        # "US-backed fighters": who backs them.
        return False
    # "a prominent anti-Syria journalist" is not Syria's; "ethnic Albanians" are a people; and
    # after a stop word the phrase describes something else: "a rebel camp *on*
    # the Chadian border" is not Chad's.
    return not (_PATRON_BEFORE_RE.search(before) or _STOP_BEFORE_RE.search(before))
