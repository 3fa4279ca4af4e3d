"""Scoring a candidate pair: how likely two events of different articles report one incident.

The score is a weighted sum (weights in ``data/incident_rules.tsv``) of parts in 0..1:

- **type**: same PLOVER type and mode 1; one mode unknown, or two modes of one `mode_group`
  (a drone strike and an air strike) 0.8; modes that differ 0.3 (an airstrike and a car bomb);
  another type of the same family 0.5;
- **date**: the same day 1; overlapping spans of coarser dates 0.6; a day apart 0.5; further
  (within the slack) 0.3; a date standing in from publication 0.4;
- **place**: the same GeoNames place 1; within 10 km 0.8; within the radius, or a region that
  holds the other, 0.5; one report without a place 0.3;
- **actors**: sources and targets coded to the same (country, sector) agree, coded to different
  ones disagree, uncoded ones say nothing (0.5);
- **figures**: casualty counts that could describe one event (one within `ratio` of the other,
  or `gap` apart) 1, counts that could not 0, none to compare 0.5;
- **names**: the proper names the two evidence sentences, actors and places share (Jaccard);
- **text**: similarity of the evidence sentences (rapidfuzz token-set ratio).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from eventwire.incidents.blocking import date_gap, distance_km
from eventwire.incidents.profiles import Profile
from eventwire.incidents.rules import IncidentRules

__all__ = ["score_pair"]

_NEAR_KM = 10.0


def score_pair(a: Profile, b: Profile, rules: IncidentRules) -> float:
    """The weighted score of a compatible pair, rounded so that ties compare exactly."""
    parts = {
        "type": _type_part(a, b, rules),
        "date": _date_part(a, b),
        "place": _place_part(a, b, rules),
        "actors": (_codes_part(a.source_codes, b.source_codes) + _codes_part(a.target_codes, b.target_codes))
        / 2,
        "figures": _figures_part(a, b, rules),
        "names": _jaccard(a.names, b.names),
        "text": fuzz.token_set_ratio(a.evidence, b.evidence) / 100.0,
    }
    return round(sum(rules.weights[name] * value for name, value in parts.items()), 6)


def _type_part(a: Profile, b: Profile, rules: IncidentRules) -> float:
    event_a, event_b = a.stored.event, b.stored.event
    if event_a.type != event_b.type:
        return 0.5
    if event_a.mode == event_b.mode:
        return 1.0
    if event_a.mode is None or event_b.mode is None:
        return 0.8
    if rules.same_mode_group(event_a.mode, event_b.mode):
        return 0.8
    return 0.3


def _date_part(a: Profile, b: Profile) -> float:
    if not (a.own_date and b.own_date):
        return 0.4
    gap = date_gap(a, b)
    day_a = a.start == a.end
    day_b = b.start == b.end
    if gap == 0:
        return 1.0 if day_a and day_b else 0.6
    return 0.5 if gap == 1 else 0.3


def _place_part(a: Profile, b: Profile, rules: IncidentRules) -> float:
    if not (a.placed and b.placed):
        return 0.3
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0
    if (a.geo_precision or 3) <= 2 and (b.geo_precision or 3) <= 2:
        return 0.8 if distance_km(a, b) <= _NEAR_KM else 0.5
    return 0.5


def _codes_part(
    a: frozenset[tuple[str | None, str | None]], b: frozenset[tuple[str | None, str | None]]
) -> float:
    coded_a = {code for code in a if code != (None, None)}
    coded_b = {code for code in b if code != (None, None)}
    if not coded_a or not coded_b:
        return 0.5
    if coded_a & coded_b:
        return 1.0
    countries_a = {country for country, _ in coded_a if country}
    countries_b = {country for country, _ in coded_b if country}
    return 0.4 if countries_a & countries_b else 0.0


def _figures_part(a: Profile, b: Profile, rules: IncidentRules) -> float:
    verdicts = []
    for what in ("killed", "wounded"):
        counts_a = _counts(a, what)
        counts_b = _counts(b, what)
        if counts_a and counts_b:
            verdicts.append(_could_be_one(max(counts_a), max(counts_b), rules))
    if not verdicts:
        return 0.5
    return 1.0 if all(verdicts) else 0.0


def _counts(profile: Profile, what: str) -> list[int]:
    counts = [low if low is not None else high for kind, low, high in profile.figures if kind == what]
    return [count for count in counts if count is not None]


def _could_be_one(x: int, y: int, rules: IncidentRules) -> bool:
    small, large = sorted((x, y))
    return large - small <= rules.figure_gap or (large > 0 and small / large >= rules.figure_ratio)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0
