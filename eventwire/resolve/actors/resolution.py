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
    """
    actors: list[Actor] = []
    for mention in mentions:
        text = mention.span.text
        coding = dictionary._analyse(text, year)
        if "(" in text:
            coding = _without_parentheses(text, coding, dictionary, year)
        if coding.country is None and coding.sector is None and " of " in text:
            coding = dictionary._analyse(text.split(" of ", 1)[1], year)
        country = coding.country
        if country is None and coding.sector not in _STATELESS_SECTORS:
            country = next((p.country for p in places if p.country and _within(p, mention)), None)
        if country is None and coding.local and context_country:
            country = context_country
        actors.append(Actor(text=mention.span.text, country=country, sector=coding.sector,
                            span=mention.span, transnational=coding.transnational and country is None))
    return actors


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


def _within(place: Place, mention: ActorMention) -> bool:
    span = place.span
    if span is None or not (mention.span.start <= span.start and span.end <= mention.span.end):
        return False
    before = mention.span.text[: span.start - mention.span.start]
    # "a prominent anti-Syria journalist" is not Syria's; "ethnic Albanians" are a people; and
    # after a stop word the phrase describes something else: "a rebel camp *on*
    # the Chadian border" is not Chad's.
    return not (_PATRON_BEFORE_RE.search(before) or _STOP_BEFORE_RE.search(before))
