"""Ranking one mention's candidates: feature values from the text and the article's other
names, combined linearly with fixed weights (`_WEIGHTS`), or with the coefficients of a
`LearnedRanker` when one is given; the winner's softmax share is its score and the feature that
most sets it above the runner-up its reason (see `reasons`). Every candidate's values come back
with the choice (`_Choice.ranked`), which is how ``benchmarks/fit_place_ranker.py`` reads them."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eventwire.records import PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, distance_km, spelled_toponym
from eventwire.resolve.places.evidence import (
    _VILLAGE,
    RankedCandidate,
    _Choice,
    _Evidence,
    _is_anchor,
    _is_country_or_province,
    _name_key,
    is_capital,
    is_well_known,
)
from eventwire.resolve.places.learned import LearnedRanker
from eventwire.resolve.places.namesakes import (
    _MEGACITY,
    _bears_name,
    _known_by_the_name,
    _namesake_seats,
    _spelled_as_written,
)
from eventwire.resolve.places.reasons import _learned_reason, _reason, _Scored

_WEIGHTS = {
    "hint": 3.0,
    "context": 2.0,
    "proximity": 0.5,
    "cohesion": 3.0,
    "population": 1.5,
    "prominence": 2.0,
    "name": 1.0,
    "bias": 1.5,
    "admin1": 1.5,
    "qualifier": 4.0,
    "named": 0.5,
    "neighbour": 1.0,
    "spelling": 0.75,
}
#: A bare name means the best-known place of that name: a country before a capital before a
#: first-order division before other towns ("Georgia", "Washington", "Texas"), unless the
#: article's context says otherwise.
#: A country's name means the country unless the article clearly places a namesake town (its
#: province mentioned, its neighbours, "Russia, Ohio"): country context alone is not enough.
#: An airport with scheduled service (an IATA code) before an airfield of the same name (a
#: private strip called "Heathrow Airport" in Texas), which has the floor of derived entries.
_PROMINENCE_BY_CODE = {
    "PPLC": 0.4, "ADM1": 0.35, "CONT": 0.4, "PPLA": 0.2, "ADM2": 0.1, "PPLA2": 0.1, "AIRP": 0.35,
}
#: A bare ocean, sea, gulf or strait name, or a region that spans countries ("Red Sea", "Middle
#: East", "Balkans"), means that feature before any province or town named after it (Sudan's
#: Red Sea State, a village called "Pacific"): above a first-order division and a capital, below
#: a country.
_WATER_CODES = frozenset({"OCN", "SEA", "GULF", "STRT", "BAY", "SD"})
#: A name that says it is a sea, an ocean, a gulf or a strait ("Red Sea", "Gulf of Aden") is that
#: water unless the text calls it a province ("Red Sea state"): the country's other names do not
#: make it Egypt's Red Sea Governorate. Bays are left out: "Green Bay" is as often the city.
_WATER_NAME = re.compile(r"\b(?:sea|ocean|gulf|strait|straits)\b")
_REGION_CODES = frozenset({"RGN", "CONT", "PEN", "DSRT", "MTS", "ISLS"})
_WORLD_FEATURE_PROMINENCE = 0.45
#: City prominence grows from 10**_CITY_FROM inhabitants to the province level at
#: 10**(_CITY_FROM + _CITY_SPAN).
_CITY_FROM = 4.5
_CITY_SPAN = 1.5
#: A city this big is known abroad by its name, as a capital is: a country's other names do not
#: bring forward its small namesake ("Toronto" in a story that names Delaware is not Toronto, Ohio).
_WORLD_CITY = 1_000_000
#: How many of the article's other names (each weighted by how sure it is) must lie in a
#: province before it brings forward a small namesake of a capital or world name there (`minor`).
_PROVINCE_NAMES_FOR_MINOR = 2.0
#: First-order divisions that are nations, not provinces: the United Kingdom's four. Towns of
#: England say of a small namesake of a capital or a world name there (`minor`) no more than
#: towns of Britain do ("talks with Washington" in a report from London and Birmingham is not
#: Washington, Tyne and Wear).
_NATIONS_AS_PROVINCES = frozenset(
    ("GBR", nation) for nation in ("England", "Scotland", "Wales", "Northern Ireland")
)
#: Divisions carry no population in our sources; this stands in for it (a typical state and
#: county), so that a village called "California" does not outweigh the state.
_TYPICAL_POPULATION = {"ADM1": 1_000_000, "PCLI": 5_000_000}
#: A country's first-order divisions share its people; a typical country has about this many.
#: So a province of a small country ("Florida", Uruguay; "Maryland", Liberia) stands for fewer
#: people than the typical province, and never a province for more (see `province_population`).
_PROVINCES_PER_COUNTRY = 20
#: World regions, seas, islands, rivers, lakes and mountains (curated in places.csv) are as well
#: known as a country: a village called "Pacific", "Java" or "Lake Geneva" must not outweigh the
#: ocean, the island or the lake.
_TYPICAL_POPULATION.update(
    dict.fromkeys(
        ("RGN", "OCN", "SEA", "GULF", "STRT", "ISL", "ISLS", "PEN", "DSRT", "MTS", "MT", "STM", "LK"),
        5_000_000,
    )
)
#: A curated landmark that stands for its seat ("White House", "Kremlin", "Tahrir Square"), and a
#: famous venue, university, hospital, shrine or estate ("Anfield", "Harvard", "Highgrove"), is as
#: well known as a capital: a town called "White House" or "Harvard" must not outweigh it. Curated
#: bases and crossings are not landmarks: they win only when the text says "base" or "crossing".
_LANDMARK_CODES = frozenset("BLDG PAL ST SQR MNMT TOWR MSQE PRN STDM UNIV HSP CH RLG EST".split())
_LANDMARK_POPULATION = 1_000_000
#: Closeness to a country the text names, other than the candidate's own, decays with this
#: distance (km): "Gaza" beside "Israel" and "Egypt" is the city on their border, not the
#: province in Mozambique.
_NEIGHBOUR_KM = 500.0
#: A town this near a sea or a world region (its representative point) lies on or in it.
_SHORE_KM = 1_500.0
#: Proximity decays with this distance (km): neighbouring towns score high, other provinces low.
_PROXIMITY_KM = 250.0
#: The proximity of a named place within 50 km: a nation's town that near one still counts
#: (`_NATIONS_AS_PROVINCES`): Edmonton beside London is the London quarter.
_NEARBY = math.exp(-50.0 / _PROXIMITY_KM)
#: Softmax sharpness: a weighted-score lead of 1.5 over each of a dozen namesake villages
#: should read as confident (share > 0.9), not be diluted by their number.
_SHARPNESS = 3.0
#: Candidates this close to the winner are the same location at another extent (the province
#: "Idlib" drawn at the city "Idlib"): they do not make the location uncertain.
_SAME_SPOT_KM = 5.0
#: Which feature codes satisfy which hint, and how well.
_HINT_CODES: dict[str, dict[str, float]] = {
    "base": {"MILB": 1.0, "AIRB": 1.0, "NVB": 1.0, "AIRF": 1.0, "INSM": 1.0, "AIRP": 0.6},
    "naval base": {"NVB": 1.0, "MILB": 0.6, "PRT": 0.6, "INSM": 0.6},
    "airport": {"AIRP": 1.0, "AIRB": 0.8, "AIRF": 0.8, "MILB": 0.5},
    "crossing": {"PSTB": 1.0, "PSTP": 1.0},
    "river": {"STM": 1.0},
    "province": {"ADM1": 1.0, "ADM2": 0.5, "RGN": 0.5},
    "district": {"ADM2": 1.0, "ADM3": 1.0, "PPLX": 1.0, "ADMD": 1.0},
}


@dataclass(frozen=True, slots=True)
class _Others:
    """The evidence of the article's other names, summed once per name."""

    total: float
    by_country: dict[str, float]
    by_country_local: dict[str, float]  # from names below a nation (see `is_capital`)
    by_admin1: dict[tuple[str, str], float]
    anchors: tuple[GazetteerEntry, ...]
    named: frozenset[str]  # countries the text names outright
    countries: tuple[GazetteerEntry, ...]  # their entries

    @classmethod
    def of(cls, evidence: Sequence[_Evidence], key: str) -> _Others:
        by_country: dict[str, float] = {}
        by_country_local: dict[str, float] = {}
        by_admin1: dict[tuple[str, str], float] = {}
        anchors: dict[int, GazetteerEntry] = {}
        named: set[str] = set()
        countries: dict[str, GazetteerEntry] = {}
        total = 0.0
        for e in evidence:
            if e.key == key:
                continue
            total += e.weight
            by_country[e.country] = by_country.get(e.country, 0.0) + e.weight
            if not e.national:
                by_country_local[e.country] = by_country_local.get(e.country, 0.0) + e.weight
            if e.admin1:
                by_admin1[(e.country, e.admin1)] = by_admin1.get((e.country, e.admin1), 0.0) + e.weight
            if e.anchor is not None:
                anchors[e.anchor.geonameid] = e.anchor
            if e.named:
                named.add(e.country)
            if e.country_entry is not None:
                countries[e.country] = e.country_entry
        return cls(
            total, by_country, by_country_local, by_admin1,
            tuple(anchors.values()), frozenset(named), tuple(countries.values()),
        )


def _typical_population(entry: GazetteerEntry) -> int:
    """What stands in for the population of an entry that has none (a division, a sea, a
    curated landmark)."""
    if entry.geonameid < 0 and entry.feature_code in _LANDMARK_CODES:
        return _LANDMARK_POPULATION
    return _TYPICAL_POPULATION.get(entry.feature_code, 0)


def province_population(country_population: int) -> int:
    """What stands in for the population of a first-order division of a country this populous."""
    return min(_TYPICAL_POPULATION["ADM1"], country_population // _PROVINCES_PER_COUNTRY)


def _population_value(people: int) -> float:
    return min(1.0, math.log10(1 + max(0, people)) / 7)


def _city_prominence(people: int) -> float:
    """A big city is as well known as a province: a bare "Córdoba" is the city of 1.4 million in
    Argentina, not the department in Colombia, and the city of "Gaza" (410,000) needs little
    context to beat the province of Gaza in Mozambique."""
    size = (math.log10(1 + people) - _CITY_FROM) / _CITY_SPAN
    return _PROMINENCE_BY_CODE["ADM1"] * min(1.0, max(0.0, size))


def _qualifier_regions(qualifier: str | None, gazetteer: Gazetteer) -> set[tuple[str, str | None]]:
    """(country, admin1) pairs that "Illinois" in "Springfield, Illinois" allows; admin1 None
    stands for the whole country."""
    if not qualifier:
        return set()
    regions: set[tuple[str, str | None]] = set()
    for entry in gazetteer.lookup(qualifier):
        if entry.feature_code.startswith("PCL"):
            regions.add((entry.country, None))
        elif entry.feature_code == "ADM1" and entry.admin1:
            regions.add((entry.country, entry.admin1))
    country = gazetteer.country_of_demonym(qualifier)
    if country and not regions:
        regions.add((country, None))
    return regions


def _in_regions(entry: GazetteerEntry, regions: set[tuple[str, str | None]]) -> bool:
    """Whether the entry lies in one of the (country, admin1) pairs of `_qualifier_regions`."""
    return (entry.country, None) in regions or (entry.country, entry.admin1 or None) in regions


def _without_lesser_alternates(found: Sequence[GazetteerEntry], key: str) -> Sequence[GazetteerEntry]:
    """Drop towns that carry the name only as an alternate name ("Maryville" for Beeville,
    "Springfield" for Springfield Gardens) when a bigger town bears it as its own name: context
    can then not pull the text's word onto a place that is hardly ever called so. A bigger
    alternate stays ("Newcastle" for Newcastle upon Tyne)."""
    # Curated names are vetted, so a curated place bears each of its names as its own, and
    # outranks every town that has the name only as an alternate: "White House" is not
    # Casablanca, whose name it translates.
    # A town's own name is never a lesser alternate, however short its words ("Bonn" beside
    # the airport that bears it as a bare name).
    # A town whose own name is the name qualified ("Frankfurt am Main", "Frankfurt (Oder)") bears
    # it too: the Frankforts that list "Frankfurt" among their alternates are lesser.
    own_name = {e.geonameid for e in found if _bears_name(_name_key(e.name), key)}
    own = [e for e in found if e.geonameid in own_name or e.geonameid < 0]
    if not own or len(own) == len(found):
        return found
    curated = any(e.geonameid < 0 for e in own)
    biggest = math.inf if curated else max(e.population or _typical_population(e) for e in own)
    words = key.split()
    return [
        e for e in found
        if e.feature_class != "P" or e.geonameid < 0 or e.geonameid in own_name or e.population >= biggest
        or _shares_word(_name_key(e.name).split(), words)
    ]


def _shares_word(words: Sequence[str], others: Sequence[str]) -> bool:
    """Whether two names share a word, or a word's stem ("Hillsboro", "Hillsborough"), or are
    one name spaced otherwise ("De Kalb", "DeKalb"): then one is a variant of the other ("St.
    Albans", "Avondale Estates"), not a different name."""
    if "".join(words) == "".join(others):
        return True
    return any(
        a.startswith(b) or b.startswith(a) for a in words for b in others if min(len(a), len(b)) >= 4
    )


def _is_list_item(
    found: Sequence[GazetteerEntry], key: str, region: set[tuple[str, str | None]]
) -> bool:
    """Whether "Illinois, Missouri" or "Iraq, Syria" is a list rather than a qualified name: the
    name is itself a country or a first-order division, none of which lies in the region after
    the comma ("Georgia, USA" and "Punjab, India" stay qualified)."""
    divisions = [
        e for e in found
        if _is_country_or_province(e) and _name_key(e.name) == key
    ]
    # A province's name is no list item where a town of that very name lies in the region:
    # "Hamilton, Ontario" is the city, though Bermuda has a parish called Hamilton. A country's
    # name stays one ("China, Japan", whatever village is called China).
    country = any(e.feature_code.startswith("PCL") for e in divisions)
    return bool(divisions) and not any(
        _in_regions(e, region) for e in found if e in divisions or (not country and _name_key(e.name) == key)
    )


def _split_hint(hint: str | None) -> tuple[str | None, bool]:
    if not hint:
        return None, False
    if hint == "near" or hint.startswith("near "):
        return (hint[5:] or None), True
    return hint, False


def _features(
    entry: GazetteerEntry,
    kind: str | None,
    key: str,
    others: _Others,
    biased: frozenset[str],
    region: set[tuple[str, str | None]],
    cohesion: dict[tuple[str, int], tuple[float, str]],
    minor: bool = False,
) -> tuple[dict[str, float], str | None, str | None]:
    """Feature values in [0, 1] for one candidate, with the country and anchor that helped.
    `minor`: the entry is a small namesake of a capital, which a country, a people or another
    capital named does not bring forward ("Moscow" beside "Washington" or "American officials"
    is not Moscow, Idaho; see `is_capital`)."""
    hint = _hint_value(entry, kind)
    total = others.total
    by_country = others.by_country_local if minor else others.by_country
    context = by_country.get(entry.country, 0.0) / total if total else 0.0
    admin1 = 0.0
    in_province = others.by_admin1.get((entry.country, entry.admin1), 0.0) if entry.admin1 else 0.0
    proximity, near_name = _proximity(entry, others)
    if minor and proximity < _NEARBY and (
        (entry.country, entry.admin1) in _NATIONS_AS_PROVINCES
        or (entry.feature_class == "P" and entry.population < _VILLAGE)
    ):
        # England is a nation: its towns far away say no more than Britain's. A village that
        # bears a capital's name is named for its own sake beside its neighbours only: Boston
        # and Cambridge do not make "Washington" the Massachusetts village of 500 people.
        in_province = 0.0
    if minor:  # the country's other names say nothing of which of its towns a world name means
        context = min(context, in_province / total) if total else 0.0
    if total and entry.admin1 and not entry.feature_code.startswith("PCL"):
        # One town of its province named once does not make a small namesake the news's:
        # "Washington" beside "Columbia" is still the capital, not Washington, Missouri
        admin1 = in_province / total if not minor or in_province >= _PROVINCE_NAMES_FOR_MINOR else 0.0
    qualifier = float(_in_regions(entry, region))
    population = _population_value(entry.population or _typical_population(entry))
    prominence = _prominence(entry)
    # The entry's own name, not one of its alternate names, is what the text wrote ("Missouri"
    # the state rather than a town listing "Missouri" among its alternates). Curated alternate
    # names are vetted spellings and count as own names.
    name = 1.0 if entry.geonameid < 0 or _name_key(entry.name) == key else 0.0
    values = {
        "hint": hint,
        "name": name,
        "context": context,
        "proximity": proximity,
        "cohesion": cohesion.get((key, entry.geonameid), (0.0, ""))[0],
        "population": population,
        "prominence": prominence,
        "bias": 1.0 if entry.country in biased else 0.0,
        "admin1": admin1,
        "qualifier": qualifier,
        "named": float(entry.country in others.named),
        "neighbour": _neighbour(entry, others),
    }
    if near_name is None or values["cohesion"] > proximity:
        near_name = cohesion.get((key, entry.geonameid), (0.0, None))[1] or near_name
    return values, entry.country if context else None, near_name


def _hint_value(entry: GazetteerEntry, kind: str | None) -> float:
    """How well the entry's feature code fits what the text says the place is."""
    hint = 0.0
    if kind in _HINT_CODES:
        hint = _HINT_CODES[kind].get(entry.feature_code, 0.0)
    elif kind == "area":  # "northern New York": a country, a division or a region, not a town
        hint = 0.0 if entry.feature_class == "P" else 1.0
    elif kind in {"city", "dateline"}:  # a dateline names a town, or a country, not a province
        country = kind == "dateline" and entry.feature_code.startswith("PCL")
        hint = 1.0 if entry.feature_class == "P" or country else 0.0
    return hint


def _proximity(entry: GazetteerEntry, others: _Others) -> tuple[float, str | None]:
    """Closeness to the nearest of the other names' anchor points, and that anchor's name."""
    proximity, near_name = 0.0, None
    for anchor in others.anchors if _is_anchor(entry) and entry.feature_class != "L" else ():
        if anchor.geonameid == entry.geonameid:
            continue
        closeness = math.exp(
            -distance_km(entry.lat, entry.lon, anchor.lat, anchor.lon) / _PROXIMITY_KM
        )
        if closeness > proximity:
            proximity, near_name = closeness, anchor.name
    return proximity, near_name


def _is_world_feature(entry: GazetteerEntry) -> bool:
    """A sea, an ocean or a region across countries (Atlantic, Middle East, Sahel)."""
    return entry.feature_code in _WATER_CODES or (entry.feature_code in _REGION_CODES and not entry.country)


def _prominence(entry: GazetteerEntry) -> float:
    if entry.feature_code.startswith("PCL"):
        prominence = 1.0
    elif _is_world_feature(entry):
        prominence = _WORLD_FEATURE_PROMINENCE
    else:
        prominence = _PROMINENCE_BY_CODE.get(entry.feature_code, 0.0)
        if entry.feature_class == "P":
            prominence = max(prominence, _city_prominence(entry.population))
        if entry.geonameid < 0:
            # curated: a conflict place that the news names more than its size says
            prominence = max(prominence, 0.25)
    return prominence


def _tie_order(geonameid: int) -> tuple[int, int]:
    """Among equals: airports (ids below -10**9), curated rows in file order ("the Gulf" alone is
    the Persian Gulf, -3002, not the Gulf of Mexico), then GeoNames."""
    return (0, geonameid) if geonameid < -(10**9) else (1, -geonameid) if geonameid < 0 else (2, geonameid)


def _neighbour(entry: GazetteerEntry, others: _Others) -> float:
    """Closeness to the nearest country the text names, other than the entry's own; for a sea
    or region in no one country, to the towns and countries on its shores ("the Gulf" of a
    report from Riyadh is the Persian Gulf, of one from Veracruz the Gulf of Mexico)."""
    points = [c for c in others.countries if c.country != entry.country]
    if not entry.country:
        points.extend(others.anchors)
    near = (distance_km(entry.lat, entry.lon, p.lat, p.lon) for p in points)
    return max((math.exp(-d / _NEIGHBOUR_KM) for d in near if entry.country or d <= _SHORE_KM), default=0.0)


def _choose(
    mention: PlaceMention,
    found: Sequence[GazetteerEntry],
    key: str,
    evidence: Sequence[_Evidence],
    biased: frozenset[str],
    region: set[tuple[str, str | None]],
    cohesion: dict[tuple[str, int], tuple[float, str]],
    model: LearnedRanker | None = None,
    provinces: Mapping[str, int] | None = None,
) -> _Choice:
    """`provinces`: by country, the `province_population` of its first-order divisions (those
    left out stand for the typical province)."""
    kind, near = _split_hint(mention.feature_hint)
    seats = _namesake_seats(found, key) if kind not in {"province", "area"} else set()
    if region and _is_list_item(found, key, region):
        region = set()
    candidate_count = len(found)
    found = _without_lesser_alternates(found, key)
    if kind not in {"province", "district"} and _WATER_NAME.search(mention.span.text.casefold()) and not any(
        _in_regions(e, region) for e in found if e.feature_code not in _WATER_CODES
    ):  # "Red Sea, Sudan" and "Sudan's Red Sea" are the state the qualifier holds
        water = [e for e in found if e.feature_code in _WATER_CODES and _name_key(e.name) == key]
        found = water or found
    # A seat that bears the name, as its own or qualified ("Santa Cruz de la Sierra"), or that
    # has millions ("New York City"), is called by it.
    named = _known_by_the_name(found, key) | {
        e.geonameid for e in found
        if e.geonameid in seats
        and (e.population >= _MEGACITY or _bears_name(_name_key(e.name), key))
    }
    spelled = _spelled_as_written(found, key, spelled_toponym(mention.span.text), seats)
    others = _Others.of(evidence, key)
    # A country's or a world feature's name, like a capital's, means it unless the text puts it
    # elsewhere ("the United States, Canada, the United Kingdom" beside Mexico is not Cañada,
    # Mexico; "plucked from the Atlantic" in a story from Miami is no town in Iowa). A province
    # that bears a country's name ("Georgia") is no small namesake.
    capital_name = any(map(is_capital, found))
    world_city = any(
        e.feature_class == "P" and e.population >= _WORLD_CITY and _name_key(e.name) == key for e in found
    )
    world_name = any(e.feature_code.startswith("PCL") or _is_world_feature(e) for e in found)
    scored = [
        _score(entry, kind, key, others, biased, region, cohesion, seats, named, model,
               minor=(capital_name or ((world_name or world_city) and entry.feature_class == "P"))
               and not is_well_known(entry),
               spelled=entry.geonameid in spelled, province=(provinces or {}).get(entry.country))
        for entry in found
    ]
    scored.sort(key=lambda s: (-s[0], -s[1].population, _tie_order(s[1].geonameid)))
    best_total, best, values, country, near_name = scored[0]
    share = _share(scored, best_total, best, model.sharpness if model else _SHARPNESS)
    supported = _is_supported(values, near, best)
    if len(scored) == 1:
        # The others bore the name only as an alternate name of a smaller town.
        reason = "only candidate" if candidate_count == 1 else "name match"
    elif model is None:
        runner_up = scored[1][2]
        gains = {name: _WEIGHTS[name] * (values[name] - runner_up[name]) for name in values}
        reason = _reason(max(gains, key=lambda n: gains[n]), best, kind, country, near_name)
    else:
        reason = _learned_reason(model, scored[0], scored[1], kind)
    ranked = tuple(RankedCandidate(entry, vals, total) for total, entry, vals, *_ in scored)
    return _Choice(best, share, reason, supported, ranked)


def _score(
    entry: GazetteerEntry,
    kind: str | None,
    key: str,
    others: _Others,
    biased: frozenset[str],
    region: set[tuple[str, str | None]],
    cohesion: dict[tuple[str, int], tuple[float, str]],
    seats: set[int],
    named: set[int],
    model: LearnedRanker | None = None,
    *,
    minor: bool = False,
    spelled: bool = False,
    province: int | None = None,
) -> _Scored:
    """`seats`: towns that share their province's name; `named`: towns the name means though it
    is not their own (exonyms); `spelled`: the entry's name is spelled as the text wrote it
    (`_spelled_as_written`); `province`: the population a first-order division of the entry's
    country stands for (None: the typical province's)."""
    values, country, near_name = _features(entry, kind, key, others, biased, region, cohesion, minor)
    values["spelling"] = float(spelled)
    if entry.geonameid in named:
        values["name"] = 1.0
    people = _TYPICAL_POPULATION["ADM1"] if province is None else province
    standing = _population_value(people)
    # A province is as well known as a city of the people it stands for: a bare "Toledo" is the
    # city in Ohio, not the district of Belize.
    province_prominence = _city_prominence(people)
    if entry.feature_code == "ADM1" and not entry.population:
        values["population"] = standing
        values["prominence"] = province_prominence
    if entry.geonameid in seats:  # the town inherits its province's standing, and a bit more
        values["prominence"] = max(values["prominence"], province_prominence + 0.05)
        values["population"] = max(values["population"], standing)
    if model is None:
        total = sum(_WEIGHTS[name] * value for name, value in values.items())
    else:
        total = model.score(values, entry)
    return (total, entry, values, country, near_name)


def _share(scored: Sequence[_Scored], best_total: float, best: GazetteerEntry, sharpness: float) -> float:
    """The winner's softmax share; candidates at the winner's own spot do not dilute it."""
    return 1.0 / sum(
        math.exp(sharpness * (total - best_total))
        for total, entry, *_ in scored
        if entry is best
        or distance_km(entry.lat, entry.lon, best.lat, best.lon) > _SAME_SPOT_KM
    )


def _is_supported(values: dict[str, float], near: bool, best: GazetteerEntry) -> bool:
    """Whether some evidence beyond the name itself backs the winner."""
    return (
        near  # "near X", "the outskirts of X": the text itself says X is a place
        or values["hint"] > 0
        or values["context"] > 0
        or values["proximity"] > 0.3
        or values["cohesion"] > 0.3
        or values["bias"] > 0
        or values["qualifier"] > 0
        or values["admin1"] > 0
        or best.geonameid < 0
    )
