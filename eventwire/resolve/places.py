"""Place resolution: `PlaceMention`s + a `Gazetteer` -> one `Place` per mention, in order.

Each mention's candidates (``gazetteer.lookup``) are ranked on evidence a reader would use:

1. what the text says the place is (``feature_hint``: "base" prefers MILB/AIRB/NVB entries,
   "province" prefers ADM1 ...), and a comma qualifier (``qualifier``: "Springfield,
   Illinois", "Paris, Texas" keep to the state or country named after the comma);
2. the article's context: the countries of its demonyms and of its other mentions, and their
   first-order divisions (first the unambiguous ones, then, in a second pass, everyone's
   first-pass choice);
3. cohesion: how close a candidate lies to *some* reading of each other name with few readings
   ("Huntsville" and "Walker County" are both in Texas and both in Alabama: the pair that lies
   together wins), and proximity to the other mentions' first-pass places;
4. population, and prominence: for a bare name a country beats a capital beats a province beats
   a town, strongly enough that country context alone never turns "Russia" into a village in
   Ohio; a town that shares its province's name ("Aleppo") stands for it unless the text says
   "province";
5. whether the text wrote the entry's own name rather than one of its alternate names;
6. an optional ``country_bias`` (ISO3 codes: the desk's region, a feed's country).

Written abbreviations ("S.C.", "W.Va.") only mean states and countries. A capital used as an
adjective ("Moscow officials", a demonym mention) stands for its state at the capital's point.

Scores are combined linearly with fixed weights (`_WEIGHTS`); `Place.score` is the winner's
softmax share among the candidates, so a name with one plausible reading scores near 1 and a
name with many similar readings scores low. `Place.reason` names the deciding evidence.

A name that NER did not label as a place (ORG "Tartus", PERSON "Saqba", an unlabelled proper
noun) must also fit the article's geography (country context, proximity, a matching feature
hint, or a curated entry); otherwise it stays unresolved, so that "Hamas" never becomes a town
in Germany. An unresolvable mention gets ``geonameid=None`` and never changes the others.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from eventwire.records import Place, PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, distance_km, normalize_toponym

__all__ = ["resolve_places"]

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
}
#: A bare name means the best-known place of that name: a country before a capital before a
#: first-order division before other towns ("Georgia", "Washington", "Texas"), unless the
#: article's context says otherwise.
#: A country's name means the country unless the article clearly places a namesake town (its
#: province mentioned, its neighbours, "Russia, Ohio"): country context alone is not enough.
_PROMINENCE_BY_CODE = {"PPLC": 0.4, "ADM1": 0.35, "CONT": 0.4, "PPLA": 0.2, "ADM2": 0.1, "PPLA2": 0.1}
#: Divisions carry no population in our sources; this stands in for it (a typical state and
#: county), so that a village called "California" does not outweigh the state.
_TYPICAL_POPULATION = {"ADM1": 1_000_000, "PCLI": 5_000_000}
#: World regions, seas and islands (curated in places.csv) are as well known as a country: a
#: village called "Pacific" or "Java" must not outweigh the ocean or the island.
_TYPICAL_POPULATION.update(
    dict.fromkeys(("RGN", "OCN", "SEA", "GULF", "STRT", "ISL", "ISLS", "PEN", "DSRT", "MTS"), 5_000_000)
)
#: Cohesion: how close a candidate lies to some reading of each other name in the article
#: ("Huntsville" and "Walker County" both have readings in Texas and in Alabama; the pair that
#: lies together wins). Names with more readings than this say too little to be counted.
_COHESION_MAX_READINGS = 8
#: Only the most populous readings of a name are tried for cohesion (keeps it cheap).
_COHESION_TOP = 15
_COHESION_KM = 100.0
#: Proximity decays with this distance (km): neighbouring towns score high, other provinces low.
_PROXIMITY_KM = 250.0
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
    "province": {"ADM1": 1.0, "ADM2": 0.5, "RGN": 0.5},
    "district": {"ADM2": 1.0, "ADM3": 1.0, "PPLX": 1.0, "ADMD": 1.0},
}
#: Feature codes that are regions at ACLED geo_precision 3 or 2, and never proximity anchors.
#: Seas, island groups and other wide areas count as regions too (never proximity anchors).
_PRECISION_3 = frozenset(
    {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ADM1", "CONT", "OCN", "SEA", "GULF",
     "ISLS", "PEN", "DSRT", "MTS"}
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


@dataclass(frozen=True, slots=True)
class _Choice:
    entry: GazetteerEntry
    share: float  # softmax share among the mention's candidates
    reason: str
    supported: bool  # some evidence beyond the name itself (hint, context, proximity, curated)


def resolve_places(
    mentions: Sequence[PlaceMention],
    gazetteer: Gazetteer,
    *,
    country_bias: Sequence[str] | str | None = None,
) -> list[Place]:
    """One `Place` per mention, in the same order; see the module docstring for the ranking.

    `mentions` should be all the place mentions of one article: they are each other's context.
    `country_bias` (ISO3 codes, or one code) nudges ambiguous names toward those countries.
    """
    biased = frozenset([country_bias] if isinstance(country_bias, str) else country_bias or ())
    demonym_countries: list[str | None] = [
        gazetteer.country_of_demonym(m.span.text) if m.kind == "demonym" else None
        for m in mentions
    ]
    keys = [normalize_toponym(m.span.text) for m in mentions]
    candidates = [
        _candidates(m, gazetteer) if m.kind == "toponym" else [] for m in mentions
    ]

    regions = [_qualifier_regions(m.qualifier, gazetteer) for m in mentions]
    cohesion = _cohesion(mentions, keys, candidates)

    # Pass 1: context from demonyms and from names that can only mean one country (or one
    # first-order division).
    evidence: list[_Evidence] = [
        _Evidence(key, country, None, None, 1.0)
        for key, country in zip(keys, demonym_countries, strict=True)
        if country
    ]
    for mention, key, found in zip(mentions, keys, candidates, strict=True):
        if mention.label not in _PLACE_LABELS:
            continue  # a mislabelled name must first be supported by the others
        countries = {e.country for e in found if e.country}
        if len(countries) == 1:
            anchor = found[0] if len(found) == 1 and _is_anchor(found[0]) else None
            admin1s = {e.admin1 for e in found}
            admin1 = admin1s.pop() if len(admin1s) == 1 else None
            evidence.append(_Evidence(key, countries.pop(), admin1 or None, anchor, 1.0))
        elif found and found[0].feature_code.startswith("PCL"):
            evidence.append(_Evidence(key, found[0].country, None, None, 1.0))
    # Repeated names ("U.S." five times) share one ranking per pass: the same name, hint and
    # qualifier see the same evidence.
    memo: dict[tuple[str, str | None, str | None], _Choice] = {}

    def choose(i: int) -> _Choice:
        mention = mentions[i]
        marker = (keys[i], mention.feature_hint, mention.qualifier)
        if marker not in memo:
            memo[marker] = _choose(mention, candidates[i], keys[i], evidence, biased, regions[i], cohesion)
        return memo[marker]

    first = [choose(i) if candidates[i] else None for i in range(len(mentions))]

    # Pass 2: every first-pass choice is context for the others.
    memo.clear()
    evidence = [
        _Evidence(key, country, None, None, 1.0)
        for key, country in zip(keys, demonym_countries, strict=True)
        if country
    ]
    for mention, key, choice in zip(mentions, keys, first, strict=True):
        if choice is None or not choice.entry.country:
            continue
        if mention.label in _PLACE_LABELS or choice.supported:
            entry = choice.entry
            anchor = entry if _is_anchor(entry) else None
            admin1 = None if entry.feature_code.startswith("PCL") else entry.admin1 or None
            evidence.append(_Evidence(key, entry.country, admin1, anchor, min(1.0, 2 * choice.share)))
    places = []
    for i, mention in enumerate(mentions):
        if mention.kind == "demonym":
            places.append(_demonym_place(mention, demonym_countries[i], gazetteer))
        elif not candidates[i]:
            places.append(_unresolved(mention, "not in the gazetteer"))
        else:
            choice = choose(i)
            if mention.label not in _PLACE_LABELS and not choice.supported:
                places.append(_unresolved(
                    mention,
                    f"{mention.label or 'unlabelled'} name with no place evidence in the article "
                    f"(best guess {choice.entry.name}, {choice.entry.country})",
                ))
            else:
                places.append(_place(mention, choice))
    return places


# --------------------------------------------------------------------------- candidates


def _candidates(mention: PlaceMention, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    found = gazetteer.lookup(mention.span.text)
    if found and _is_abbreviation(mention.span.text):
        # "US" is not the village "Us" (nor "Ous"): an abbreviation only means the places that
        # have it as an alias, not those whose own name merely spells the same.
        key = normalize_toponym(mention.span.text)
        found = [e for e in found if normalize_toponym(e.name) != key or e.name.isupper()]
    if found and _is_dotted_abbreviation(mention.span.text):
        # "S.C.", "W.Va.", "U.S.": written abbreviations stand for states and countries, not for
        # the airports, codes and villages that share their letters.
        found = [e for e in found if e.feature_class == "A"]
    if found:
        return found
    # Formal and foreign country names the index lacks ("Republic of Türkiye").
    country = gazetteer.country_of_demonym(mention.span.text)
    entry = gazetteer.country(country) if country else None
    return [entry] if entry is not None else []


def _population_value(people: int) -> float:
    return min(1.0, math.log10(1 + max(0, people)) / 7)


def _namesake_seats(found: Sequence[GazetteerEntry], key: str) -> set[int]:
    """Towns that share their name with the province they lie in ("Idlib", "Aleppo"): a bare
    name means the town; "Idlib province" (a hint) means the province."""
    provinces = {
        (e.country, e.admin1) for e in found if e.feature_code == "ADM1" and _name_key(e.name) == key
    }
    if not provinces:
        return set()
    return {
        e.geonameid
        for e in found
        if e.feature_class == "P" and (e.country, e.admin1) in provinces and _name_key(e.name) == key
    }


def _cohesion(
    mentions: Sequence[PlaceMention], keys: Sequence[str], candidates: Sequence[list[GazetteerEntry]]
) -> dict[tuple[str, int], tuple[float, str]]:
    """(name key, geonameid) -> (share of the article's other names, those with few readings,
    that have a reading near this candidate, each weighted by closeness; the nearest one)."""
    readings: dict[str, list[GazetteerEntry]] = {}
    for mention, key, found in zip(mentions, keys, candidates, strict=True):
        if found and key not in readings and mention.label in _PLACE_LABELS:
            # Counties are small enough to tell a region; provinces and countries are not.
            points = [e for e in found if e.feature_code not in _PRECISION_3]
            readings[key] = sorted(points, key=lambda e: -e.population)[:_COHESION_TOP]
    informative = {
        key: found for key, found in readings.items() if 0 < len(found) <= _COHESION_MAX_READINGS
    }
    scores: dict[tuple[str, int], tuple[float, str]] = {}
    for key, found in readings.items():
        others = [points for other, points in informative.items() if other != key]
        if not others or len({(round(e.lat), round(e.lon)) for e in found}) < 2:
            continue  # nothing to compare with, or every reading is the same spot
        for entry in found:
            total, best, best_name = 0.0, 0.0, ""
            for points in others:
                distance, name = min(
                    (distance_km(entry.lat, entry.lon, p.lat, p.lon), p.name) for p in points
                )
                closeness = math.exp(-distance / _COHESION_KM)
                total += closeness
                if closeness > best:
                    best, best_name = closeness, name
            scores[(key, entry.geonameid)] = (total / len(others), best_name)
    return scores


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


def _is_dotted_abbreviation(text: str) -> bool:
    return "." in text and " " not in text and len(text.replace(".", "")) <= 5


def _is_abbreviation(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _is_anchor(entry: GazetteerEntry) -> bool:
    """A point that stands for itself: countries and provinces are drawn at a representative
    town, so distance to them says little."""
    return entry.feature_code not in _PRECISION_3 and entry.feature_code not in _PRECISION_2


# --------------------------------------------------------------------------- ranking


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
) -> tuple[dict[str, float], str | None, str | None]:
    """Feature values in [0, 1] for one candidate, with the country and anchor that helped."""
    hint = 0.0
    if kind in _HINT_CODES:
        hint = _HINT_CODES[kind].get(entry.feature_code, 0.0)
    elif kind == "city":
        hint = 1.0 if entry.feature_class == "P" else 0.0
    total = others.total
    context = others.by_country.get(entry.country, 0.0) / total if total else 0.0
    admin1 = 0.0
    if total and entry.admin1 and not entry.feature_code.startswith("PCL"):
        admin1 = others.by_admin1.get((entry.country, entry.admin1), 0.0) / total
    qualifier = float(
        (entry.country, None) in region or (entry.country, entry.admin1 or None) in region
    )
    proximity, near_name = 0.0, None
    for anchor in others.anchors if _is_anchor(entry) and entry.feature_class != "L" else ():
        if anchor.geonameid == entry.geonameid:
            continue
        closeness = math.exp(
            -distance_km(entry.lat, entry.lon, anchor.lat, anchor.lon) / _PROXIMITY_KM
        )
        if closeness > proximity:
            proximity, near_name = closeness, anchor.name
    population = _population_value(entry.population or _TYPICAL_POPULATION.get(entry.feature_code, 0))
    if entry.feature_code.startswith("PCL"):
        prominence = 1.0
    else:
        prominence = _PROMINENCE_BY_CODE.get(entry.feature_code, 0.0)
        if entry.geonameid < 0:
            # curated: a conflict place that the news names more than its size says
            prominence = max(prominence, 0.25)
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
    }
    if near_name is None or values["cohesion"] > proximity:
        near_name = cohesion.get((key, entry.geonameid), (0.0, None))[1] or near_name
    return values, entry.country if context else None, near_name


@dataclass(frozen=True, slots=True)
class _Others:
    """The evidence of the article's other names, summed once per name."""

    total: float
    by_country: dict[str, float]
    by_admin1: dict[tuple[str, str], float]
    anchors: tuple[GazetteerEntry, ...]

    @classmethod
    def of(cls, evidence: Sequence[_Evidence], key: str) -> _Others:
        by_country: dict[str, float] = {}
        by_admin1: dict[tuple[str, str], float] = {}
        anchors: dict[int, GazetteerEntry] = {}
        total = 0.0
        for e in evidence:
            if e.key == key:
                continue
            total += e.weight
            by_country[e.country] = by_country.get(e.country, 0.0) + e.weight
            if e.admin1:
                by_admin1[(e.country, e.admin1)] = by_admin1.get((e.country, e.admin1), 0.0) + e.weight
            if e.anchor is not None:
                anchors[e.anchor.geonameid] = e.anchor
        return cls(total, by_country, by_admin1, tuple(anchors.values()))


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    return normalize_toponym(name)


def _choose(
    mention: PlaceMention,
    found: Sequence[GazetteerEntry],
    key: str,
    evidence: Sequence[_Evidence],
    biased: frozenset[str],
    region: set[tuple[str, str | None]],
    cohesion: dict[tuple[str, int], tuple[float, str]],
) -> _Choice:
    kind, near = _split_hint(mention.feature_hint)
    seats = _namesake_seats(found, key) if kind != "province" else set()
    others = _Others.of(evidence, key)
    scored = []
    for entry in found:
        values, country, near_name = _features(entry, kind, key, others, biased, region, cohesion)
        if entry.geonameid in seats:  # the town inherits its province's standing, and a bit more
            values["prominence"] = _PROMINENCE_BY_CODE["ADM1"] + 0.05
            values["population"] = max(values["population"], _population_value(_TYPICAL_POPULATION["ADM1"]))
        total = sum(_WEIGHTS[name] * value for name, value in values.items())
        scored.append((total, entry, values, country, near_name))
    scored.sort(key=lambda s: (-s[0], -s[1].population, s[1].geonameid))
    best_total, best, values, country, near_name = scored[0]
    share = 1.0 / sum(
        math.exp(_SHARPNESS * (total - best_total))
        for total, entry, *_ in scored
        if entry is best
        or distance_km(entry.lat, entry.lon, best.lat, best.lon) > _SAME_SPOT_KM
    )
    supported = (
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
    if len(scored) == 1:
        reason = "only candidate"
    else:
        runner_up = scored[1][2]
        gains = {name: _WEIGHTS[name] * (values[name] - runner_up[name]) for name in values}
        reason = _reason(max(gains, key=lambda n: gains[n]), best, kind, country, near_name)
    return _Choice(best, share, reason, supported)


def _reason(
    feature: str,
    entry: GazetteerEntry,
    kind: str | None,
    country: str | None,
    near_name: str | None,
) -> str:
    if feature == "hint":
        return f"feature hint {kind}"
    if feature == "context":
        return f"country context {country}"
    if feature in {"cohesion", "proximity"}:
        return f"near {near_name}"
    if feature == "bias":
        return f"country bias {entry.country}"
    if feature == "admin1":
        return f"region context {entry.admin1}"
    if feature == "qualifier":
        return f"qualified by {entry.admin1 or entry.country}"
    if feature == "name":
        return "name match"
    if feature == "prominence":
        if entry.feature_code.startswith("PCL"):
            return "country name"
        if entry.geonameid < 0:
            return "curated conflict place"
        return "capital" if entry.feature_code == "PPLC" else "largest population"
    return "largest population"


# --------------------------------------------------------------------------- places


def _precision(entry: GazetteerEntry, kind: str | None, near: bool) -> int:
    if entry.feature_code in _PRECISION_3 or kind == "province":
        precision = 3  # a province named after its seat is drawn at the seat, but means all of it
    elif entry.feature_code in _PRECISION_2 or kind == "district":
        precision = 2
    else:
        precision = 1
    return max(precision, 2) if near else precision


def _place(mention: PlaceMention, choice: _Choice) -> Place:
    entry = choice.entry
    kind, near = _split_hint(mention.feature_hint)
    reason = choice.reason
    if kind == "province" and entry.feature_code != "ADM1" and entry.feature_class == "P":
        reason += "; province drawn at its namesake town"
    return Place(
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country or None,
        admin1=entry.admin1 or None,
        precision=_precision(entry, kind, near),
        text=mention.span.text,
        span=mention.span,
        feature_code=entry.feature_code,
        score=round(choice.share, 3),
        reason=reason,
    )


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


def _unresolved(mention: PlaceMention, reason: str) -> Place:
    return Place(
        name=mention.span.text,
        geonameid=None,
        lat=None,
        lon=None,
        country=None,
        admin1=None,
        precision=3,
        text=mention.span.text,
        span=mention.span,
        feature_code=None,
        score=0.0,
        reason=reason,
    )
