"""A mention's gazetteer candidates: its written alias, its own name, a formal country name,
or (`unlisted`) a reading of a name the gazetteer lacks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.data.place_words import PlaceWords
from eventwire.records import PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize_toponym
from eventwire.resolve.places.evidence import _Found, _is_country_or_province
from eventwire.resolve.places.ranking import _in_regions, _split_hint
from eventwire.resolve.places.unlisted import _alias, _alias_entries, _fallback, _listed_demonym, _with_head

#: How a written alias (place_aliases.tsv) reads in a place's reason, by its kind.
_ALIAS_HOW = {
    "abbreviation": "{alias} abbreviates {name}",
    "seat": "{alias} drawn at its seat {name}",
    "successor": "{alias} drawn at its successor state {name}",
    "short": "{alias} is the short name of {name}",
}


def _candidates(
    mention: PlaceMention,
    gazetteer: Gazetteer,
    words: PlaceWords,
    region: set[tuple[str, str | None]],
    capitals: bool = False,
) -> _Found:
    """`region`: the (country, admin1) pairs of the mention's qualifier (`_qualifier_regions`);
    `capitals`: the article is written all in capitals, so a short capitalised word need not be
    an abbreviation ("ICA" in a wire of 1989 is the Peruvian city Ica)."""
    text = mention.span.text
    alias = _alias(text, words)
    if alias is not None:
        # "L.A." is Los Angeles, not the village "La"; "EU" is drawn at Brussels.
        entries = _alias_entries(alias, gazetteer)
        if entries:
            return _Found(entries, _ALIAS_HOW[alias.kind].replace("{alias}", text))
    found = gazetteer.lookup(text)
    listed = _listed_demonym(text, gazetteer, words)
    # "Welsh, Louisiana" and "the Balkan province" are the places the text says they are.
    if listed is not None and mention.feature_hint is None and not any(_in_regions(e, region) for e in found):
        return listed
    if found and _is_abbreviation(text):
        # "US" is not the village "Us" (nor "Ous"): an abbreviation only means the places that
        # have it as an alias, not those whose own name merely spells the same.
        # A word of four or five capitals is also how a headline or a wire dateline writes a
        # well-known place ("BONN (AP) _", "IRAN:"), so there the country, province or city
        # of that very name stays.
        # A dateline that names the town's state or country ("PARIS, Mo. —") is that town.
        key = normalize_toponym(text)
        long_word = len(text) > 3 or capitals
        kept = [e for e in found if normalize_toponym(e.name) != key or e.name.isupper()
                or (long_word and (_is_well_known(e) or _in_regions(e, region)))]
        if long_word and mention.feature_hint == "dateline" and not any(
            normalize_toponym(e.name) == key for e in kept
        ):
            # A dateline names a town by its own name, a small one too: "BEND -" in a paper
            # from Oregon is Bend, not South Bend, which lists "Bend" among its names.
            kept = found
        found = kept
    if found and _is_dotted_abbreviation(text):
        # "S.C.", "W.Va.", "U.S.": written abbreviations stand for states and countries, not for
        # the airports, codes and villages that share their letters.
        found = [e for e in found if e.feature_class == "A"]
    kind, _ = _split_hint(mention.feature_hint)
    if kind == "river":
        return _Found(_river(text, found, gazetteer))
    # The gazetteer lists many divisions under their full name only: "York and Cumberland
    # counties" are York County and Cumberland County, beside the other readings of "York". A
    # country's or province's own name keeps its readings: "Texas counties" are the state's.
    key = normalize_toponym(text)
    if not any(_is_country_or_province(e) and normalize_toponym(e.name) == key for e in found):
        found = _with_readings(found, _by_division_word(text, kind, gazetteer))
    found = _with_readings(found, _towns_of_formal_name(text, found, gazetteer, words))
    if found:
        return _Found(found)
    # Formal and foreign country names the index lacks ("Republic of Türkiye").
    country = gazetteer.country_of_demonym(text)
    entry = gazetteer.country(country) if country else None
    if entry is not None:
        return _Found([entry])
    return _fallback(text, gazetteer, words)


def _towns_of_formal_name(
    text: str, found: list[GazetteerEntry], gazetteer: Gazetteer, words: PlaceWords
) -> list[GazetteerEntry]:
    """The towns that "City of X" (or "Town of X", "Village of X": a head of `place_affixes.tsv`
    that allows towns) formally names, when the gazetteer lists the full form only as a division:
    "CITY OF SAN FERNANDO, Pampanga" is the Philippine city, not only Trinidad's division. A
    full form listed as a town keeps its own reading ("the City of London" is not London,
    Ontario). Where the full form is not listed at all, `_fallback` strips the head."""
    tokens = text.split()
    lower = [t.casefold() for t in tokens]
    if not found or any(e.feature_class == "P" for e in found) or len(tokens) < 3 or lower[1] != "of":
        return []
    if words.heads_before.get(lower[0]) != "town":
        return []
    named = _with_head(tokens, lower, gazetteer, words)
    return [e for e in (named.entries if named else []) if e.feature_class == "P"]


def _with_readings(found: list[GazetteerEntry], more: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """`found` and then the entries of `more` it does not hold yet."""
    ids = {e.geonameid for e in found}
    return [*found, *(e for e in more if e.geonameid not in ids)]


#: The words a division's full name may carry, by the hint the text's own division word gives
#: (`extract.places`): "Morowali regency" is the gazetteer's "Morowali Regency", "Sulu
#: province" its "Province of Sulu".
_DIVISION_WORDS = {
    "province": ("Province", "Region", "State", "Governorate", "Oblast"),
    "district": ("District", "Regency", "County", "Municipality"),
}


_DIVISION_NOUNS = frozenset(word.casefold() for words in _DIVISION_WORDS.values() for word in words)


def _names_a_division(mention: PlaceMention) -> bool:
    """Whether the name carries its division word: "Cook County", "Homs Governorate"."""
    return mention.span.text.split()[-1].casefold() in _DIVISION_NOUNS


def _river(text: str, found: list[GazetteerEntry], gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """What "the X river" may mean: a river of the name, or one listed as "X River" or "River
    X" ("the Jordan river" is not the country); never a town or village of the name ("Douro" of
    Daromehar, Juba in South Sudan for the Juba river of Somalia): a river the gazetteer lacks
    is drawn where the text puts it."""
    rivers = [e for e in found if _is_river(e)]
    return rivers or _listed_as([f"{text} River", f"River {text}"], gazetteer, _is_river)


def _is_river(entry: GazetteerEntry) -> bool:
    return entry.feature_code == "STM"


def _by_division_word(text: str, hint: str | None, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Divisions the gazetteer lists only under their full name, for a name the text calls a
    division of that kind ("X regency", "the X district"): a district's bare name is no key (a
    town's or a person's name mostly), but the text's own word says which is meant."""
    for word in _DIVISION_WORDS.get(hint or "", ()):
        names = [f"{text} {word}", f"{word} of {text}"]
        found = _listed_as(names, gazetteer, lambda e: e.feature_class == "A")
        if found:
            return found
    return []


def _listed_as(
    names: Sequence[str], gazetteer: Gazetteer, keep: Callable[[GazetteerEntry], bool]
) -> list[GazetteerEntry]:
    """The entries of the kind `keep` accepts that the gazetteer lists under any of `names`."""
    return [e for name in names for e in gazetteer.lookup(name) if keep(e)]


#: A populated place this large is a city a headline could name in capitals.
_WELL_KNOWN_POPULATION = 100_000


def _is_well_known(entry: GazetteerEntry) -> bool:
    return (entry.feature_code.startswith("PCL") or entry.feature_code in {"ADM1", "PPLC"}
            or entry.population >= _WELL_KNOWN_POPULATION)


def _is_dotted_abbreviation(text: str) -> bool:
    return "." in text and " " not in text and len(text.replace(".", "")) <= 5


def _is_abbreviation(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()
