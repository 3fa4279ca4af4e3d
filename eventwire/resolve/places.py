"""Place resolution: `PlaceMention`s + a `Gazetteer` -> one `Place` per mention, in order.

Each mention's candidates (``gazetteer.lookup``) are ranked on evidence a reader would use:

1. what the text says the place is (``feature_hint``: "base" prefers MILB/AIRB/NVB entries,
   "province" prefers ADM1 ...);
2. the article's country context: the countries of its demonyms and of its other mentions
   (first the unambiguous ones, then, in a second pass, everyone's first-pass choice);
3. proximity to the other mentions' places;
4. population, and the prominence of countries, capitals and curated conflict places;
5. whether the text wrote the entry's own name rather than one of its alternate names;
6. an optional ``country_bias`` (the desk's region, a feed's country).

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
from dataclasses import dataclass

from eventwire.records import Place, PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, distance_km, normalize_toponym

__all__ = ["resolve_places"]

_WEIGHTS = {
    "hint": 3.0,
    "context": 2.0,
    "proximity": 1.5,
    "population": 1.5,
    "prominence": 1.0,
    "name": 1.0,
    "bias": 0.75,
}
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
_PRECISION_3 = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ADM1", "CONT"})
_PRECISION_2 = frozenset({"ADM2", "ADM3", "RGN", "AREA", "ADMD"})
#: Labels of names that NER called places; any other label must fit the article's geography.
_PLACE_LABELS = frozenset({"GPE", "LOC"})


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
    country_bias: str | None = None,
) -> list[Place]:
    """One `Place` per mention, in the same order; see the module docstring for the ranking.

    `mentions` should be all the place mentions of one article: they are each other's context.
    `country_bias` (ISO3) nudges ambiguous names toward one country.
    """
    demonym_countries: list[str | None] = [
        gazetteer.country_of_demonym(m.span.text) if m.kind == "demonym" else None
        for m in mentions
    ]
    keys = [normalize_toponym(m.span.text) for m in mentions]
    candidates = [
        _candidates(m, gazetteer) if m.kind == "toponym" else [] for m in mentions
    ]

    # Pass 1: context from demonyms and from names that can only mean one country.
    evidence: list[tuple[str, str, GazetteerEntry | None, float]] = []  # (key, iso3, anchor, w)
    for key, country in zip(keys, demonym_countries, strict=True):
        if country:
            evidence.append((key, country, None, 1.0))
    for mention, key, found in zip(mentions, keys, candidates, strict=True):
        if mention.label not in _PLACE_LABELS:
            continue  # a mislabelled name must first be supported by the others
        countries = {e.country for e in found if e.country}
        if len(countries) == 1:
            anchor = found[0] if len(found) == 1 and _is_anchor(found[0]) else None
            evidence.append((key, countries.pop(), anchor, 1.0))
        elif found and found[0].feature_code.startswith("PCL"):
            evidence.append((key, found[0].country, None, 1.0))
    first = [
        _choose(m, found, key, evidence, country_bias) if found else None
        for m, found, key in zip(mentions, candidates, keys, strict=True)
    ]

    # Pass 2: every first-pass choice is context for the others.
    evidence = [(k, c, None, 1.0) for k, c in zip(keys, demonym_countries, strict=True) if c]
    for mention, key, choice in zip(mentions, keys, first, strict=True):
        if choice is None or not choice.entry.country:
            continue
        if mention.label in _PLACE_LABELS or choice.supported:
            anchor = choice.entry if _is_anchor(choice.entry) else None
            evidence.append((key, choice.entry.country, anchor, min(1.0, 2 * choice.share)))
    places = []
    for i, mention in enumerate(mentions):
        if mention.kind == "demonym":
            places.append(_demonym_place(mention, demonym_countries[i], gazetteer))
        elif not candidates[i]:
            places.append(_unresolved(mention, "not in the gazetteer"))
        else:
            choice = _choose(mention, candidates[i], keys[i], evidence, country_bias)
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
    if found:
        return found
    # Formal and foreign country names the index lacks ("Republic of Türkiye").
    country = gazetteer.country_of_demonym(mention.span.text)
    entry = gazetteer.country(country) if country else None
    return [entry] if entry is not None else []


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
    evidence: Sequence[tuple[str, str, GazetteerEntry | None, float]],
    country_bias: str | None,
) -> tuple[dict[str, float], str | None, str | None]:
    """Feature values in [0, 1] for one candidate, with the country and anchor that helped."""
    hint = 0.0
    if kind in _HINT_CODES:
        hint = _HINT_CODES[kind].get(entry.feature_code, 0.0)
    elif kind == "city":
        hint = 1.0 if entry.feature_class == "P" else 0.0
    others = [(c, a, w) for k, c, a, w in evidence if k != key]
    total = sum(w for _, _, w in others)
    context = sum(w for c, _, w in others if c == entry.country) / total if total else 0.0
    proximity, near_name = 0.0, None
    for _, anchor, _ in others:
        if anchor is None or anchor.geonameid == entry.geonameid or entry.feature_class == "L":
            continue
        if entry.feature_code.startswith("PCL"):
            break  # a country is drawn at its capital: distance to it means nothing
        closeness = math.exp(
            -distance_km(entry.lat, entry.lon, anchor.lat, anchor.lon) / _PROXIMITY_KM
        )
        if closeness > proximity:
            proximity, near_name = closeness, anchor.name
    population = min(1.0, math.log10(1 + max(0, entry.population)) / 7)
    if entry.feature_code.startswith("PCL"):
        prominence = 1.0
    elif entry.geonameid < 0:
        prominence = 0.5  # curated: a conflict place that the news names more than its size says
    elif entry.feature_code == "PPLC":
        prominence = 0.5
    elif entry.feature_code in {"ADM1", "CONT"}:
        prominence = 0.3
    else:
        prominence = 0.0
    # The entry's own name, not one of its alternate names, is what the text wrote ("Missouri"
    # the state rather than a town listing "Missouri" among its alternates). Curated alternate
    # names are vetted spellings and count as own names.
    name = 1.0 if entry.geonameid < 0 or normalize_toponym(entry.name) == key else 0.0
    values = {
        "hint": hint,
        "name": name,
        "context": context,
        "proximity": proximity,
        "population": population,
        "prominence": prominence,
        "bias": 1.0 if country_bias and entry.country == country_bias else 0.0,
    }
    return values, entry.country if context else None, near_name


def _choose(
    mention: PlaceMention,
    found: Sequence[GazetteerEntry],
    key: str,
    evidence: Sequence[tuple[str, str, GazetteerEntry | None, float]],
    country_bias: str | None,
) -> _Choice:
    kind, near = _split_hint(mention.feature_hint)
    scored = []
    for entry in found:
        values, country, near_name = _features(entry, kind, key, evidence, country_bias)
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
        or values["bias"] > 0
        or best.geonameid < 0
    )
    if len(scored) == 1:
        reason = "only candidate"
    else:
        runner_up = scored[1][2]
        gains = {name: _WEIGHTS[name] * (values[name] - runner_up[name]) for name in values}
        reason = _reason(max(gains, key=lambda n: gains[n]), best, kind, country, near_name,
                         country_bias)
    return _Choice(best, share, reason, supported)


def _reason(
    feature: str,
    entry: GazetteerEntry,
    kind: str | None,
    country: str | None,
    near_name: str | None,
    country_bias: str | None,
) -> str:
    if feature == "hint":
        return f"feature hint {kind}"
    if feature == "context":
        return f"country context {country}"
    if feature == "proximity":
        return f"near {near_name}"
    if feature == "bias":
        return f"country bias {country_bias}"
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
    entry = gazetteer.country(country) if country else None
    if entry is None:
        why = f"country {country} has no gazetteer entry" if country else "not a country demonym"
        place = _unresolved(mention, why)
        return place if country is None else _with_country(place, country)
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
    )


def _with_country(place: Place, country: str) -> Place:
    return Place(
        name=place.name, geonameid=None, lat=None, lon=None, country=country, admin1=None,
        precision=3, text=place.text, span=place.span, score=0.0, reason=place.reason,
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
