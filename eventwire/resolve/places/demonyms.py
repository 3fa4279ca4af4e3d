"""Demonym mentions: the country of its people, or a capital standing for its state
("Moscow officials"), unless the article's context picks a namesake town ("London police" in a
story from Ontario)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.records import Place, PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, normalize_toponym
from eventwire.resolve.places.evidence import _Evidence
from eventwire.resolve.places.learned import LearnedRanker
from eventwire.resolve.places.place_records import _place, _unresolved
from eventwire.resolve.places.ranking import _choose
from eventwire.resolve.places.unlisted import _PEOPLE_WORD_ENDINGS


def _is_people_word(text: str, gazetteer: Gazetteer) -> bool:
    """A demonym that also names places, none of them in its own country: "Canadian" (towns in
    Texas and Queensland), "German" (San Germán). It means the country, as a demonym does.
    Only words shaped like English demonyms count, or single words that name no place by its
    own name ("Turk", "Thai": GeoNames lists them as alternate names of Angren and Alor Setar):
    countrynames also takes misspelt country names and codes ("Columbia", "KY") that are
    places in their own right."""
    if len(text) < 4:
        return False
    if text.isupper():  # an all-capitals wire ("SALVADORANS"): the word as it is written in prose
        text = text.title()
    country = gazetteer.country_of_demonym(text)
    found = gazetteer.lookup(text)
    if country is None or any(e.country == country for e in found):
        return False
    if text.casefold().endswith(_PEOPLE_WORD_ENDINGS):
        return True
    key = normalize_toponym(text)
    return text.isalpha() and not any(normalize_toponym(e.name) == key for e in found)


def _capital_namesake(
    mention: PlaceMention,
    key: str,
    country: str | None,
    gazetteer: Gazetteer,
    evidence: Sequence[_Evidence],
    biased: frozenset[str],
    model: LearnedRanker | None = None,
) -> Place | None:
    """The namesake town that "London police" means in an article set around London, Ontario:
    a capital used as an adjective stands for its state only where the article's context does
    not pick another place of that name."""
    found = gazetteer.lookup(mention.span.text)
    if not any(e.feature_code == "PPLC" and e.country == country for e in found):
        return None
    choice = _choose(mention, found, key, evidence, biased, set(), {}, model)
    town = choice.entry
    if town.country == country or town.feature_class != "P":
        return None
    # Country context alone is not enough ("Moscow said" in a story full of American places):
    # another name must lie in the town's own state or province.
    if not any(e.key != key and (e.country, e.admin1) == (town.country, town.admin1) for e in evidence):
        return None
    return _place(mention, choice)


def _demonym_place(mention: PlaceMention, country: str | None, gazetteer: Gazetteer) -> Place:
    capital = next(
        (e for e in gazetteer.lookup(mention.span.text) if e.feature_code == "PPLC" and e.country == country),
        None,
    )
    if capital is not None:
        # "Washington said", "Moscow officials": the capital stands for its state.
        return Place(
            name=capital.name, geonameid=capital.geonameid, lat=capital.lat, lon=capital.lon,
            country=capital.country, admin1=capital.admin1 or None, precision=3,
            text=mention.span.text, span=mention.span, feature_code=capital.feature_code,
            score=1.0, reason=f"capital standing for {capital.country}", kind="demonym",
        )
    entry = gazetteer.country(country) if country else None
    if entry is None:
        why = f"country {country} has no gazetteer entry" if country else "not a country demonym"
        place = _unresolved(mention, why)
        return replace(place, kind="demonym") if country is None else _with_country(place, country)
    return Place(
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        admin1=None,
        precision=3,
        text=mention.span.text,
        span=mention.span,
        feature_code=entry.feature_code,
        score=1.0,
        reason=f"demonym of {entry.country}",
        kind="demonym",
    )


def _with_country(place: Place, country: str) -> Place:
    return Place(
        name=place.name, geonameid=None, lat=None, lon=None, country=country, admin1=None,
        precision=3, text=place.text, span=place.span, score=0.0, reason=place.reason,
        kind="demonym",
    )
