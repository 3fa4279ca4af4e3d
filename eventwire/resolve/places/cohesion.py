"""Cohesion: how close a candidate lies to *some* reading of each other name in the article.

"Huntsville" and "Walker County" are both in Texas and both in Alabama: the pair that lies
together wins. Names with many readings count at a tighter distance, a province or country is
close to the names with a reading inside it, and a town to a name one of whose readings is its
province.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from eventwire.records import PlaceMention
from eventwire.resolve.gazetteer import GazetteerEntry, distance_km
from eventwire.resolve.places.evidence import _PLACE_LABELS, _PRECISION_3, is_capital, is_well_known

#: Cohesion: how close a candidate lies to some reading of each other name in the article
#: ("Huntsville" and "Walker County" both have readings in Texas and in Alabama; the pair that
#: lies together wins). Names with more readings than this say too little to be counted.
_COHESION_MAX_READINGS = 8
#: Only the most populous readings of a name are tried for cohesion (keeps it cheap).
_COHESION_TOP = 15
_COHESION_KM = 100.0
#: A province name that a town this big also bears ("New York") does not say which province.
_CITY_NOT_PROVINCE = 100_000
#: Names with more readings count only when two readings nearly touch (a town in its county).
_COHESION_AMBIGUOUS_KM = 20.0
#: Readings of two such names farther apart than this give no cohesion at all: Oxford and
#: Cambridge, Massachusetts, 70 km apart, do not make "Cambridge and Oxford" American.
_COHESION_AMBIGUOUS_MAX_KM = 3 * _COHESION_AMBIGUOUS_KM


#: Points by one-degree grid cell (see `_grid`).
_Grid = dict[tuple[int, int], list[GazetteerEntry]]
#: (name key, geonameid) -> (cohesion in [0, 1], the name of the nearest other reading).
_Scores = dict[tuple[str, int], tuple[float, str]]


def _cohesion(
    mentions: Sequence[PlaceMention], keys: Sequence[str], candidates: Sequence[list[GazetteerEntry]]
) -> _Scores:
    """(name key, geonameid) -> (share of the article's other names, those with few readings,
    that have a reading near this candidate, each weighted by closeness; the nearest one).
    Names with many readings count at a tighter distance; a province or country counts the
    names with a reading inside it."""
    readings, divisions = _cohesion_readings(mentions, keys, candidates)
    informative = {
        key: found for key, found in readings.items() if 0 < len(found) <= _COHESION_MAX_READINGS
    }
    # Names with many readings ("Paris", "Henry County") still tell a region when two of them
    # have readings that nearly touch (Paris, Tennessee lies in Henry County, Tennessee): they
    # count at a tighter distance, looked up by grid cell.
    ambiguous = {
        key: _grid(found) for key, found in readings.items() if len(found) > _COHESION_MAX_READINGS
    }
    # A town lies close to a name that has its province among its readings ("Redding" with
    # "California"), however far the province's drawn point: the converse of the rule below.
    # Not for names that are divisions themselves ("Oklahoma" listed beside "Pennsylvania" is
    # the state), nor from a province that shares its name with a big city ("New York").
    provinces = {
        key: held
        for key, found in divisions.items()
        if (held := [e for e in found if e.feature_code == "ADM1"])
        and all(e.population < _CITY_NOT_PROVINCE for e in readings.get(key, ()))
    }
    capitals = frozenset(key for key, found in readings.items() if any(map(is_capital, found)))
    scores = _point_cohesion(readings, divisions, informative, ambiguous, provinces, capitals)
    scores.update(_division_cohesion(readings, divisions, informative, capitals))
    return scores


def _cohesion_readings(
    mentions: Sequence[PlaceMention], keys: Sequence[str], candidates: Sequence[list[GazetteerEntry]]
) -> tuple[dict[str, list[GazetteerEntry]], dict[str, list[GazetteerEntry]]]:
    """Per name the point readings tried for cohesion and the provinces and countries it may
    mean; only names that NER or the caller called places count."""
    readings: dict[str, list[GazetteerEntry]] = {}
    divisions: dict[str, list[GazetteerEntry]] = {}
    for mention, key, found in zip(mentions, keys, candidates, strict=True):
        if found and key not in readings and mention.label in _PLACE_LABELS:
            # Counties are small enough to tell a region; provinces and countries are not.
            points = [e for e in found if e.feature_code not in _PRECISION_3]
            readings[key] = sorted(points, key=lambda e: -e.population)[:_COHESION_TOP]
            divisions[key] = [
                e for e in found
                if (e.feature_code == "ADM1" and e.admin1) or e.feature_code.startswith("PCL")
            ]
    return readings, divisions


def _point_cohesion(
    readings: dict[str, list[GazetteerEntry]],
    divisions: dict[str, list[GazetteerEntry]],
    informative: dict[str, list[GazetteerEntry]],
    ambiguous: dict[str, _Grid],
    provinces: dict[str, list[GazetteerEntry]],
    capitals: frozenset[str],
) -> _Scores:
    """Each point reading's closeness to the other names, averaged over those names; a namesake
    of a capital is not brought closer by another capital's name (`is_capital`), nor by the
    small namesakes of a well-known town's name among the names of few readings ("Leeds" in a
    report from England is no Leeds, Utah to bring Washington, Utah forward)."""
    well_known = {key: _well_known_readings(found) for key, found in informative.items()}
    scores: _Scores = {}
    for key, found in readings.items():
        others = [other for other in informative if other != key]
        crowded = [other for other in ambiguous if other != key]
        contained = not divisions.get(key)
        holders = [
            other for other in provinces
            if contained and other != key and other not in informative and other not in ambiguous
        ]
        if not (others or crowded or holders) or len({(round(e.lat), round(e.lon)) for e in found}) < 2:
            continue  # nothing to compare with, or every reading is the same spot
        for entry in found:
            total, best, best_name = 0.0, 0.0, ""
            namesake = key in capitals and not is_capital(entry)
            for other in [*others, *crowded, *holders]:
                if namesake and other in capitals:
                    continue
                closeness, name = _closeness(
                    entry, other, well_known if namesake else informative, ambiguous, provinces, contained
                )
                total += closeness
                if closeness > best:
                    best, best_name = closeness, name
            scores[(key, entry.geonameid)] = (total / (len(others) + len(crowded) + len(holders)), best_name)
    return scores


def _closeness(
    entry: GazetteerEntry,
    other: str,
    informative: dict[str, list[GazetteerEntry]],
    ambiguous: dict[str, _Grid],
    provinces: dict[str, list[GazetteerEntry]],
    contained: bool,
) -> tuple[float, str]:
    """How close `entry` lies to some reading of the name `other`, and that reading's name."""
    closeness, name = 0.0, ""
    if other in informative:
        distance, name = min(
            (distance_km(entry.lat, entry.lon, p.lat, p.lon), p.name) for p in informative[other]
        )
        closeness = math.exp(-distance / _COHESION_KM)
    elif other in ambiguous:
        near = _near_in_grid(entry, ambiguous[other])
        if near is not None and near[0] <= _COHESION_AMBIGUOUS_MAX_KM:
            closeness, name = math.exp(-near[0] / _COHESION_AMBIGUOUS_KM), near[1]
    if contained and closeness < 1.0:
        province = next((p for p in provinces.get(other, ()) if _lies_in(entry, p, False)), None)
        if province is not None:
            closeness, name = 1.0, province.name
    return closeness, name


def _division_cohesion(
    readings: dict[str, list[GazetteerEntry]],
    divisions: dict[str, list[GazetteerEntry]],
    informative: dict[str, list[GazetteerEntry]],
    capitals: frozenset[str],
) -> _Scores:
    """Each province's or country's share of the other names with a reading inside it; a
    capital's name counts only by the capital itself."""
    counted = {
        other: [p for p in points if is_capital(p)] if other in capitals else points
        for other, points in readings.items()
    }
    counted_if_known = {
        other: points if other in capitals else _well_known_readings(points)
        for other, points in counted.items()
    }
    scores: _Scores = {}
    for key, found in divisions.items():
        # A province or a country is near the names that have a reading inside it ("California"
        # with "Fresno", "Mexico" with "Puebla"), which its drawn point alone would not show.
        # Names with many readings count for a province (a namesake of "Redding" lies in most
        # countries, but not in most provinces). A capital's namesakes bring no province
        # forward (`is_capital`): "Amsterdam" in a report of world markets does not make "New
        # York" the state; a province is brought forward by the names of its own towns.
        # Nor, for a division that bears a capital's name (Washington State; a country or a
        # province named as its capital is, Panama, Madrid), do the small namesakes of
        # well-known towns (Aberdeen, Washington beside "Glasgow and Aberdeen").
        by_name = counted if key not in capitals else counted_if_known
        for entry in found:
            whole = entry.feature_code.startswith("PCL")
            other_readings = [
                points for other, points in by_name.items()
                if other != key and points and (other in informative or not whole)
            ]
            inside = [
                next(p.name for p in points if _lies_in(p, entry, whole))
                for points in other_readings
                if any(_lies_in(p, entry, whole) for p in points)
            ]
            if inside:
                scores[(key, entry.geonameid)] = (len(inside) / len(other_readings), inside[0])
    return scores


def _well_known_readings(found: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """A name's capital or big-town readings, when it has one: the name means them."""
    known = [e for e in found if is_well_known(e)]
    return known or found


def _grid(points: Sequence[GazetteerEntry]) -> dict[tuple[int, int], list[GazetteerEntry]]:
    """Points by one-degree cell, so that only a candidate's own and neighbouring cells are searched."""
    cells: dict[tuple[int, int], list[GazetteerEntry]] = {}
    for p in points:
        cells.setdefault((math.floor(p.lat), math.floor(p.lon)), []).append(p)
    return cells


def _near_in_grid(
    entry: GazetteerEntry, cells: dict[tuple[int, int], list[GazetteerEntry]]
) -> tuple[float, str] | None:
    """The distance to and name of the nearest point in this or a neighbouring grid cell."""
    row, column = math.floor(entry.lat), math.floor(entry.lon)
    near = [
        (distance_km(entry.lat, entry.lon, p.lat, p.lon), p.name)
        for dr in (-1, 0, 1) for dc in (-1, 0, 1)
        for p in cells.get((row + dr, column + dc), ())
        if p.geonameid != entry.geonameid
    ]
    return min(near) if near else None


def _lies_in(point: GazetteerEntry, division: GazetteerEntry, whole_country: bool) -> bool:
    return point.country == division.country and (whole_country or point.admin1 == division.admin1)
