"""Readings that belong to no place of the report: a small town, or a district named bare,
abroad and named in passing in a report set elsewhere, and a compass part of a town far from
the report's places. Each is left unresolved, for `sites.place_sites` to draw where the
report is set."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from eventwire.records import Place, PlaceMention
from eventwire.resolve.places.candidates import _names_a_division
from eventwire.resolve.places.evidence import (
    _KNOWN_TOWN,
    _VILLAGE,
    _Choice,
    _Found,
    _is_local_unit,
    is_capital,
)
from eventwire.resolve.places.place_records import _unresolved
from eventwire.resolve.places.ranking import _is_supported, _split_hint
from eventwire.resolve.places.sites import _is_country

#: A report whose places lie in one country, named this many times and for this share of its
#: names, is set there (see `_without_lone_namesakes_abroad`).
_SETTLED_MENTIONS = 3
_SETTLED_SHARE = 0.75


def _without_lone_namesakes_abroad(
    mentions: Sequence[PlaceMention],
    keys: Sequence[str],
    places: list[Place],
    choices: Sequence[_Choice | None],
) -> list[Place]:
    """A small town, or a district named bare, abroad that only its name brought in, named in
    passing in a report whose other places lie in one other country (three in four of its
    names, or of its towns and provinces; none in the town's country), is no place of the
    report: the gazetteer lacks the local place of that name ("Fuaa" in a report from Idlib is
    al-Fu'ah, not Fuwwah in Egypt; "the Al Mallah district" of Aleppo is no Algerian district).
    It is left unresolved for `place_sites` to draw where the report is set."""
    out = list(places)
    located = [
        (k, p.country, m.kind != "demonym" and not _is_country(p))
        for k, p, m in zip(keys, places, mentions, strict=True) if p.lat is not None and p.country
    ]
    countries = Counter(country for _, country, _ in located)
    # A report is set where its towns and provinces lie (as in `sites.main_place`): a country's
    # or its people's name is as often an actor's ("Russia said", "Russian jets" in Aleppo).
    settings = Counter(country for _, country, local in located if local)
    by_key: dict[str, Counter[str]] = {}
    local_by_key: dict[str, Counter[str]] = {}
    for key, country, local in located:
        by_key.setdefault(key, Counter())[country] += 1
        if local:
            local_by_key.setdefault(key, Counter())[country] += 1
    named = Counter(keys)
    for i, (place, choice) in enumerate(zip(places, choices, strict=True)):
        if choice is None or mentions[i].kind != "toponym" or place.lat is None:
            continue
        if _is_placed(choice, mentions[i]):
            continue
        entry = choice.entry
        known = entry.population >= _KNOWN_TOWN  # a town this big is known in its own right
        town = entry.feature_class == "P"
        # A district only as named bare ("the Al Mallah district"); no village is "Cook County".
        bare_district = not town and _is_local_unit(entry) and not _names_a_division(mentions[i])
        if not (town or bare_district) or is_capital(entry) or known:
            continue
        # The report's other names (not this one again): set in one country, none in the town's,
        # by all its names or by its towns and provinces alone.
        others = countries - by_key.get(keys[i], Counter())
        local = settings - local_by_key.get(keys[i], Counter())
        setting, count = others.most_common(1)[0] if others else (None, 0)
        settled = False
        for names in (others, local):
            top, most = names.most_common(1)[0] if names else (None, 0)
            if most >= _SETTLED_MENTIONS and most >= _SETTLED_SHARE * sum(names.values()):
                settled, setting, count = True, top, most
                break
        total = sum(others.values())
        in_passing = 2 * named[keys[i]] < count  # a name the report dwells on is its setting
        # A village of a country the report names nowhere else, where it has several places
        # elsewhere, is a stranger too ("Pocitos" in a story from Montevideo is no Mexican hamlet).
        stranger = (town and entry.population < _VILLAGE and total >= _SETTLED_MENTIONS
                    and 2 * named[keys[i]] < total)
        if ((settled and in_passing) or stranger) and entry.country not in others:
            out[i] = _unresolved(
                mentions[i], f"not in the gazetteer in {setting}; best guess {entry.name},"
                f" {entry.country}, where the report names nothing",
            )
    return out


def _without_parts_of_towns_elsewhere(
    mentions: Sequence[PlaceMention],
    places: list[Place],
    choices: Sequence[_Choice | None],
    found_as: Sequence[_Found],
) -> list[Place]:
    """A compass part of a town ("North London", "East Harlem") is part of a town the report is
    about or of one everyone knows: "South Esk" and "North Esk" in a report from Launceston are
    its rivers, not parts of Esk, a Queensland village. A part read as a town of fewer than
    100,000 people in a province where none of the report's other places lies, or as a province
    of a country where none lies, is left unresolved, for `place_sites` to draw where the
    report is set."""
    provinces = {
        (p.country, p.admin1) for p, found in zip(places, found_as, strict=True)
        if p.lat is not None and p.country and p.admin1 and not found.part
    }
    countries = {country for country, _ in provinces}
    out = list(places)
    for i, (place, choice, found) in enumerate(zip(places, choices, found_as, strict=True)):
        if not (provinces and found.part and choice is not None and place.lat is not None):
            continue
        entry = choice.entry
        # a part of a province abroad neither: "the Northern Rivers region" of New South Wales
        # is no part of Rivers State, Nigeria
        if ((entry.feature_class == "P" and entry.population < _KNOWN_TOWN
             and (place.country, place.admin1) not in provinces)
                or (entry.feature_code in {"ADM1", "ADM2"} and entry.country not in countries)):
            reason = f"not in the gazetteer; no part of {place.name}, far from the report"
            out[i] = _unresolved(mentions[i], reason)
    return out


def _is_placed(choice: _Choice, mention: PlaceMention) -> bool:
    """Whether evidence beyond the name puts the winner where it is. "The town of X", "X
    district" or "X and Y counties", "near X" and a dateline say that X is a place, not where:
    they place no village or district of that name abroad."""
    kind, _ = _split_hint(mention.feature_hint)
    values = dict(choice.ranked[0].features)
    if kind in {"city", "district", "dateline"}:
        values["hint"] = 0.0
    return _is_supported(values, False, choice.entry)
