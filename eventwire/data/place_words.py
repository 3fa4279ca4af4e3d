"""Written forms of place names that the gazetteer does not hold as such: aliases and
abbreviations (place_aliases.tsv), region demonyms (region_demonyms.tsv), the generic words
around a name (place_affixes.tsv) and the heads of site names (place_sites.tsv). Used by place
resolution for names with no gazetteer entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from eventwire.data import read_table

__all__ = ["PlaceAlias", "PlaceWords", "SiteWords", "site_kind", "site_words"]


@dataclass(frozen=True, slots=True)
class PlaceAlias:
    """What a written form ("B.C.", "EU") stands for: gazetteer entries named `name` in
    `country` whose feature code starts with `feature`; `kind` says why (abbreviation, seat,
    successor, short)."""

    name: str
    country: str
    feature: str
    kind: str


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The three tables, ready for lookups."""

    aliases: Mapping[str, PlaceAlias]  # by the exact written form
    aliases_in_capitals: Mapping[str, PlaceAlias]  # by the form in capitals, for headlines
    demonyms: Mapping[str, str]  # casefolded singular demonym -> region name
    abbreviations: Mapping[str, str]  # "co." -> "county"
    heads_before: Mapping[str, str]  # "township" (of X) -> which readings it allows
    heads_after: Mapping[str, str]  # (X) "province" -> which readings it allows
    parts_before: frozenset[str]  # "north", "greater" ...
    parts_after: frozenset[str]  # "area", "metro"
    county_heads: tuple[str, ...]  # "county", "parish"
    facility_words: frozenset[str]  # "art", "gallery", "museum" ...
    natural_words: frozenset[str]  # "river", "lake", "valley" ...
    site_words: frozenset[str]  # "airport", "airbase" ...

    @classmethod
    def load(cls) -> PlaceWords:
        """The bundled tables, read afresh; the `EventLexicon` holds the one the pipeline uses."""
        aliases = {
            row["alias"]: PlaceAlias(row["name"], row["country"], row["feature"], row["kind"])
            for row in read_table("place_aliases.tsv")
        }
        demonyms = {row["demonym"].casefold(): row["region"] for row in read_table("region_demonyms.tsv")}
        affixes = read_table("place_affixes.tsv")

        def words(role: str, *positions: str) -> list[dict[str, str]]:
            return [r for r in affixes if r["role"] == role and (not positions or r["position"] in positions)]

        return cls(
            aliases=MappingProxyType(aliases),
            aliases_in_capitals=MappingProxyType({form.upper(): alias for form, alias in aliases.items()}),
            demonyms=MappingProxyType(demonyms),
            abbreviations=MappingProxyType({r["word"]: r["value"] for r in words("abbreviation")}),
            heads_before=MappingProxyType({r["word"]: r["value"] for r in words("head", "before", "both")}),
            heads_after=MappingProxyType({r["word"]: r["value"] for r in words("head", "after", "both")}),
            parts_before=frozenset(r["word"] for r in words("part", "before", "both")),
            parts_after=frozenset(r["word"] for r in words("part", "after", "both")),
            county_heads=tuple(r["word"] for r in words("county")),
            facility_words=frozenset(r["word"] for r in words("facility")),
            natural_words=frozenset(r["word"] for r in words("natural")),
            site_words=frozenset(r["word"] for r in words("site")),
        )


@dataclass(frozen=True, slots=True)
class SiteWords:
    """The heads of the names of sites and natural features the gazetteer lacks (place_sites.tsv),
    read by place extraction ("X Hospital in Y") and by place resolution (resolve.places.sites)."""

    sites: frozenset[str]  # last words of site names: "airport", "university"
    natural: frozenset[str]  # last words of natural features: "river", "lake"
    generic: frozenset[str]  # words of a site name that name no town: "international"
    streets: frozenset[str]  # last (or, in "Rue de Rivoli", first) words of street names
    heads_first: frozenset[str]  # first words of head-first site names: "universidad"
    prepositions: frozenset[str]  # what joins a head-first name to its namesake: "de"
    polities: frozenset[str]  # last words of the names of states and unions: "union", "empire"

    def joining(self) -> frozenset[str]:
        """The words of a site's name that are no part of a town's name (a preposition may be:
        "Rio de Janeiro")."""
        return self.sites | self.natural | self.generic | self.heads_first


@lru_cache(maxsize=1)
def site_words() -> SiteWords:
    rows = read_table("place_sites.tsv")

    def role(name: str) -> frozenset[str]:
        return frozenset(r["word"].casefold() for r in rows if r["role"] == name)

    return SiteWords(
        *map(role, ("site", "natural", "generic", "street", "head_first", "preposition", "polity"))
    )


def site_kind(text: str) -> str | None:
    """Kind "site" for "Aleppo University", "University of Kansas", "National University of
    Colombia" or "Hospital Universitario de Caracas", "street" for "Oxford Street" or "Rue de
    Rivoli", "natural" for "Red River", "polity" for "Soviet Union" or "the Caliphate", None for
    other names (one word is never a site: "Field" is a name, not a stadium)."""
    tokens = [t.casefold().removesuffix("'s").removesuffix("’s") for t in text.split()]
    words = site_words()
    if tokens and tokens[-1] in words.polities:
        return "polity"
    if len(tokens) < 2:
        return None
    joined = tokens[1] == "of" or any(t in words.prepositions for t in tokens[1:-1])
    if tokens[-1] in words.natural:
        return "natural"
    if tokens[-1] in words.streets or (tokens[0] in words.streets and joined):
        return "street"
    if tokens[-1] in words.sites or (tokens[0] in words.sites | words.heads_first and joined):
        return "site"
    # A qualified head before "of": "National University of Colombia", "Royal Hospital of Chelsea".
    heads = zip(tokens[1:-1], tokens[2:], strict=True)
    if any(word in words.sites and after == "of" for word, after in heads):
        return "site"
    return None
