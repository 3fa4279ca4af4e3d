"""Which of a name's gazetteer entries the name means when the text gives no other sign: a
town that shares its province's name (the province's seat, or a city of millions in it), and a
town so much bigger than every bearer of the spelling that the name is its exonym."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from eventwire.resolve.gazetteer import GazetteerEntry, spelled_toponym
from eventwire.resolve.places.evidence import _name_key

#: A city this big is known the world over, above the province it lies in (see `_namesake_seats`).
_MEGACITY = 5_000_000
#: GeoNames gives a town its name in the country's own romanisation ("Janīn", "Darnah") and
#: keeps the English one among its alternates: a town this many times bigger than every town
#: that bears the text's spelling as its own name is what the news means by that spelling
#: ("Jenin" is Janīn, not the Polish village Jenin).
_EXONYM_RATIO = 20


def _namesake_seats(found: Sequence[GazetteerEntry], key: str) -> set[int]:
    """Towns that share their name with the province they lie in ("Idlib", "Aleppo"): a bare
    name means the town; "Idlib province" (a hint) means the province. The shared name may be
    one both carry as an alternate ("Hodeidah" for Al Hudaydah, town and governorate), or the
    text's name, the town's own or qualified ("Santa Cruz de la Sierra"), that the province
    bears ("Geneva", the city in the canton of Genève)."""
    provinces = {
        (e.country, e.admin1): _name_key(e.name) for e in found if e.feature_code == "ADM1"
    }
    # A city of several million that the name found is what its province's name means, though
    # the city's own name adds a word ("New York" is New York City, as "Lagos" is the city).
    return {
        e.geonameid
        for e in found
        if e.feature_class == "P"
        and (e.country, e.admin1) in provinces
        and (
            provinces[(e.country, e.admin1)] == _name_key(e.name)
            or _bears_name(_name_key(e.name), key)
            or e.population >= _MEGACITY
        )
    }


def _bears_name(own: str, key: str) -> bool:
    """Whether a name key is `key` itself or `key` followed by a qualifier of more words
    ("Frankfurt am Main", "Santa Cruz de la Sierra"). "X City" does not bear X: Oklahoma City
    is not what "Oklahoma" means."""
    if own == key:
        return True
    return own.startswith(key + " ") and own[len(key) + 1 :].split()[:1] != ["city"]


#: A town that bears a site's name only as an alternate in another language or script ("Kouga"
#: of Xincheng, "Acropolis" of Little Rock) is named by it only if it is a city this big, whose
#: exonym English uses ("Bombay"): an English site name uses a town's own name or its spelling
#: ("Seville" of Sevilla, "Turin" of Torino; not "Augusta" of Augsburg).
_EXONYM_CITY_POPULATION = 1_000_000
_SPELLING_SIMILARITY = 0.7


def _bears_only_as_alternate(entry: GazetteerEntry, name: str) -> bool:
    if (entry.feature_class != "P" or entry.population >= _EXONYM_CITY_POPULATION
            or _bears_name(_name_key(entry.name), _name_key(name))):
        return False
    written, listed = name.casefold(), entry.name.casefold()  # as spelt: keys fold "Shaar" to "Sarh"
    return written[:1] != listed[:1] or SequenceMatcher(None, written, listed).ratio() < _SPELLING_SIMILARITY


def _known_by_the_name(found: Sequence[GazetteerEntry], key: str) -> set[int]:
    """Towns that carry the name only as an alternate but dwarf every town bearing it as its
    own name (see `_EXONYM_RATIO`): the name is theirs."""
    own = [e for e in found if e.feature_class == "P" and _name_key(e.name) == key]
    if not own:
        return set()
    bar = _EXONYM_RATIO * max(max(e.population for e in own), 1)
    # Within one country two spellings are the local usage itself ("St. George" and "Saint
    # George", "Rocky Hill" and "Rock Hill"): only a foreign town's exonym is the news's name.
    countries = {e.country for e in own}
    return {
        e.geonameid for e in found
        if e.feature_class == "P" and e.population >= bar and _name_key(e.name) != key
        and e.country not in countries
    }


def _spelled_as_written(found: Sequence[GazetteerEntry], key: str, written: str, seats: set[int]) -> set[int]:
    """Entries whose own name is spelled letter for letter as the text's `written` name, where
    the lookup key evened out a romanisation (none where it did not). Curated names are vetted
    spellings, and a namesake seat bears its province's name ("Raqqa": the province is spelled
    so, and the city Ar Raqqah is what the bare name means)."""
    if written == key:
        return set()
    spelled = {e.geonameid for e in found if e.geonameid < 0 or spelled_toponym(e.name) == written}
    provinces = {(e.country, e.admin1) for e in found if e.feature_code == "ADM1" and e.geonameid in spelled}
    return spelled | {
        e.geonameid for e in found if e.geonameid in seats and (e.country, e.admin1) in provinces
    }
