"""Blocking: the pairs of events worth scoring, found in near-linear time.

Two events are candidates only when they are of one family (``data/incident_rules.tsv``), come
from different articles, have dates no further apart than the slack their precisions allow,
and have places that could be one (within the radius of the coarser place, the same admin1 for
a region, the same country for a country). Events are bucketed by (family, country) and swept
in date order, so each event meets only the events of its bucket still inside the date window:
the work grows with the events times the reports per window, not with the square of the store.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Sequence

from eventwire.incidents.profiles import Profile
from eventwire.incidents.rules import IncidentRules

__all__ = ["candidate_pairs", "compatible", "distance_km", "date_gap"]

_EARTH_RADIUS_KM = 6371.0


def distance_km(a: Profile, b: Profile) -> float:
    """Great-circle distance between two placed events."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def date_gap(a: Profile, b: Profile) -> int:
    """Days between the two dates' spans; 0 when they overlap."""
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    return max(0, b.start - a.end, a.start - b.end)


def compatible(a: Profile, b: Profile, rules: IncidentRules) -> bool:
    """Whether two events could report one incident at all (before any scoring)."""
    if a.family != b.family or a.article_id == b.article_id or not (a.linkable and b.linkable):
        return False
    assert a.slack is not None and b.slack is not None
    if date_gap(a, b) > max(a.slack, b.slack):
        return False
    return _places_compatible(a, b, rules)


def _places_compatible(a: Profile, b: Profile, rules: IncidentRules) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if not (a.placed and b.placed):
        return True  # the bucket already holds them to one country
    if a.whole_country or b.whole_country:
        return True
    radius_a = rules.radius_km.get(a.geo_precision or 3)
    radius_b = rules.radius_km.get(b.geo_precision or 3)
    if radius_a is None or radius_b is None:
        return not (a.admin1 and b.admin1) or a.admin1 == b.admin1
    return distance_km(a, b) <= max(radius_a, radius_b)


def candidate_pairs(
    profiles: Sequence[Profile], rules: IncidentRules, *, involving: Collection[int] | None = None
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of compatible profiles; with `involving`, only pairs touching it.

    Deterministic: buckets and events are visited in a fixed order whatever the input order.
    """
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        if profile.linkable:
            buckets[(profile.family, profile.country or "?")].append(index)
    # An event with no place and no country meets the events of its family in every country.
    unplaced = {family: members for (family, country), members in buckets.items() if country == "?"}
    window = rules.max_slack
    pairs: set[tuple[int, int]] = set()
    for (family, country), members in sorted(buckets.items()):
        extra = unplaced.get(family, []) if country != "?" else []
        pairs |= _sweep(profiles, sorted(set(members) | set(extra), key=lambda i: _sweep_key(profiles[i])),
                        window, rules, involving)  # fmt: skip
    return sorted(pairs)


def _sweep_key(profile: Profile) -> tuple[int, str]:
    assert profile.start is not None
    return profile.start, profile.event_id


def _cell(profile: Profile, rules: IncidentRules) -> tuple[int, int] | None:
    """The grid cell of a place fine enough for a radius (None: compared with the whole bucket).

    Cells are 1 degree of latitude by 2 of longitude (at least ~110 km up to 60 degrees north
    or south), wider than any radius, so an event's matches lie in its cell or the 8 around it.
    """
    if not profile.placed or profile.whole_country:
        return None
    if rules.radius_km.get(profile.geo_precision or 3) is None:
        return None
    assert profile.lat is not None and profile.lon is not None
    return math.floor(profile.lat), math.floor(profile.lon / 2)


def _sweep(
    profiles: Sequence[Profile],
    ordered: list[int],
    window: int,
    rules: IncidentRules,
    involving: Collection[int] | None,
) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    coarse: list[int] = []  # unplaced, regions and countries: they may match any place
    for index in ordered:
        current = profiles[index]
        assert current.start is not None
        horizon = current.start - window
        cell = _cell(current, rules)
        if cell is None:
            near = [key for key in cells]
        else:
            near = [(cell[0] + dy, cell[1] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        groups = [coarse] + [cells[key] for key in near if key in cells]
        for group in groups:
            group[:] = [i for i in group if (profiles[i].end or 0) >= horizon]
            for other in group:
                if involving is not None and index not in involving and other not in involving:
                    continue
                if compatible(profiles[other], current, rules):
                    found.add((min(index, other), max(index, other)))
        (coarse if cell is None else cells[cell]).append(index)
    return found
