"""What the steps of place resolution hand each other, and the feature-code classes they judge by.

`_Found` is a mention's candidates and how they were found, `_Evidence` what one mention says
about the article's geography, `_Choice` a mention's ranked winner.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.resolve.gazetteer import GazetteerEntry, normalize_toponym

#: Feature codes that are regions at ACLED geo_precision 3 or 2, and never proximity anchors.
#: Seas, island groups and other wide areas count as regions too (never proximity anchors).
_PRECISION_3 = frozenset(
    {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ADM1", "CONT", "OCN", "SEA", "GULF",
     "ISLS", "PEN", "DSRT", "MTS", "STM"}
)
_PRECISION_2 = frozenset({"ADM2", "ADM3", "RGN", "AREA", "ADMD", "ISL", "STRT", "CHN", "LK", "VAL", "DLTA"})
#: Labels of names that NER called places, or that the caller gave as places ("given", see
#: `extract.places.place_mentions_at`); any other label must fit the article's geography.
_PLACE_LABELS = frozenset({"GPE", "LOC", "given"})


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What one other mention says about the article's geography."""

    key: str  # the mention's normalised name: a name is no evidence for itself
    country: str
    admin1: str | None
    anchor: GazetteerEntry | None  # a point to measure distance from
    weight: float
    named: bool = False  # the text names the country itself (a country name or demonym)
    country_entry: GazetteerEntry | None = None  # that country's entry, when named
    national: bool = False  # a country, its people or its capital (see `is_capital`)


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    """One candidate as the ranker saw it: its feature values and its combined score."""

    entry: GazetteerEntry
    features: dict[str, float]
    total: float


@dataclass(frozen=True, slots=True)
class _Choice:
    entry: GazetteerEntry
    share: float  # softmax share among the mention's candidates
    reason: str
    supported: bool  # some evidence beyond the name itself (hint, context, proximity, curated)
    ranked: tuple[RankedCandidate, ...] = ()  # every candidate scored, the winner first


@dataclass(frozen=True, slots=True)
class _Found:
    """A mention's gazetteer candidates and, when the gazetteer does not hold the mention's own
    text, how they were found: `how` begins the place's reason (``{name}`` stands for the
    chosen entry's name), `part` says the text names a part of the place ("North London",
    precision at least 2), `demonym` that it names the place's people ("Ontarians")."""

    entries: list[GazetteerEntry]
    how: str | None = None
    part: bool = False
    demonym: bool = False


_NOT_FOUND = _Found([])


# Memoises a pure function of its argument, not data.
@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    return normalize_toponym(name)


def is_capital(entry: GazetteerEntry) -> bool:
    """A country's capital: what a bare "Moscow" or "Paris" means in world news.

    News names capitals for their governments ("Washington and Moscow", "London and Paris"), and
    settlers copied such names in bunches (Washington, Missouri lies beside Moscow Mills; London,
    Ontario beside Paris, Ontario). So a capital's name means the capital unless the text puts
    it elsewhere, as a country's name does: two capitals say nothing about each other's
    namesakes (no cohesion between them), and a country, its people or its capital named
    ("Washington", "American officials", "the United States") does not by itself bring a small
    namesake of a capital forward; a province, a county or a nearby town does."""
    return entry.feature_code == "PPLC"


#: A town this big is known in its own right: a namesake of a capital (London, Ontario; Tripoli,
#: Lebanon) that the article's countries bring forward as they would any town, or a town abroad
#: that a report set elsewhere may name (see strangers._without_lone_namesakes_abroad).
_KNOWN_TOWN = 100_000
#: A town this small is a village: the gazetteer lists thousands of namesakes of such size,
#: and news names one only where the text puts it (see `strangers._without_lone_namesakes_abroad`
#: and `ranking._features`).
_VILLAGE = 5_000


def is_well_known(entry: GazetteerEntry) -> bool:
    """A capital or a town of `_KNOWN_TOWN` people: what its name means unless the text puts it
    elsewhere, and what a small namesake of it is not."""
    return is_capital(entry) or entry.population >= _KNOWN_TOWN


#: Districts below a province: named in passing like towns ("the Al Mallah district").
_DISTRICT_CODES = frozenset({"ADM2", "ADM3", "ADM4", "ADMD"})


def _is_local_unit(entry: GazetteerEntry) -> bool:
    """A town or a district: what a report names in passing as where something happened."""
    return entry.feature_class == "P" or entry.feature_code in _DISTRICT_CODES


def _is_country_or_province(entry: GazetteerEntry) -> bool:
    """A country or a first-order division."""
    return entry.feature_code.startswith("PCL") or entry.feature_code == "ADM1"


def _is_anchor(entry: GazetteerEntry) -> bool:
    """A point that stands for itself: countries and provinces are drawn at a representative
    town, so distance to them says little."""
    return entry.feature_code not in _PRECISION_3 and entry.feature_code not in _PRECISION_2
