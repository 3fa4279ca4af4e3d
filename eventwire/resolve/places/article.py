"""Resolving all the place mentions of one article together, in two passes: first the names
that can only mean one country (or province) are context for all, then every first-pass choice."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from eventwire.data.place_words import PlaceWords
from eventwire.records import Place, PlaceMention
from eventwire.resolve.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    distance_km,
    normalize_toponym,
    spelled_toponym,
)
from eventwire.resolve.places.candidates import _candidates
from eventwire.resolve.places.cohesion import _cohesion
from eventwire.resolve.places.demonyms import _capital_namesake, _demonym_place, _is_people_word
from eventwire.resolve.places.evidence import (
    _NOT_FOUND,
    _PLACE_LABELS,
    _Choice,
    _Evidence,
    _Found,
    _is_anchor,
    _is_country_or_province,
    is_capital,
    is_well_known,
)
from eventwire.resolve.places.learned import LearnedRanker
from eventwire.resolve.places.place_records import _as_found, _place, _unresolved
from eventwire.resolve.places.ranking import (
    _choose,
    _in_regions,
    _qualifier_regions,
    _split_hint,
    _without_lesser_alternates,
    province_population,
)
from eventwire.resolve.places.sites import _entry_place, _is_province, place_sites
from eventwire.resolve.places.strangers import (
    _without_lone_namesakes_abroad,
    _without_parts_of_towns_elsewhere,
)
from eventwire.resolve.places.unlisted import _sites_named_without_town, listed_region

__all__ = ["recorded_rankings", "resolve_places"]

#: Where `recorded_rankings` collects the final choices; None outside such a block.
_RECORDED: ContextVar[list[list[_Choice | None]] | None] = ContextVar("place_rankings", default=None)


@contextmanager
def recorded_rankings() -> Iterator[list[list[_Choice | None]]]:
    """Collect, for each `resolve_places` call inside the block, every mention's final ranked
    choice (None for a mention that was not ranked: demonyms, names without candidates). Each
    choice carries every candidate's feature values (`_Choice.ranked`); recording changes no
    decision. ``benchmarks/fit_place_ranker.py`` learns the ranking weights from them."""
    calls: list[list[_Choice | None]] = []
    token = _RECORDED.set(calls)
    try:
        yield calls
    finally:
        _RECORDED.reset(token)


def resolve_places(
    mentions: Sequence[PlaceMention],
    gazetteer: Gazetteer,
    *,
    country_bias: Sequence[str] | str | None = None,
    place_words: PlaceWords | None = None,
    ranker: LearnedRanker | None = None,
) -> list[Place]:
    """One `Place` per mention, in the same order; see the package docstring for the ranking.

    `mentions` should be all the place mentions of one article: they are each other's context.
    `country_bias` (ISO3 codes, or one code) nudges ambiguous names toward those countries.
    `place_words` (aliases, region demonyms, affixes) read names the gazetteer lacks; the
    pipeline passes its lexicon's, a caller without one gets the bundled tables read afresh.
    `ranker` combines the ranking's features with learned coefficients (``[gazetteer] ranker =
    "learned"``); None keeps the hand-set weights.
    """
    words = place_words if place_words is not None else PlaceWords.load()
    biased = frozenset([country_bias] if isinstance(country_bias, str) else country_bias or ())
    # A demonym that region_demonyms.tsv lists names its region ("Sicilian"), not the country.
    listed = [listed_region(m.span.text, words) for m in mentions]
    mentions = [
        replace(m, kind="toponym") if region
        else replace(m, kind="demonym") if m.kind == "toponym" and _is_people_word(m.span.text, gazetteer)
        else m
        for m, region in zip(mentions, listed, strict=True)
    ]
    demonym_countries: list[str | None] = [
        gazetteer.country_of_demonym(m.span.text) if m.kind == "demonym" else None
        for m in mentions
    ]
    # "Londoners" and "London" are one name: neither is evidence for the other.
    keys = [normalize_toponym(region or m.span.text) for m, region in zip(mentions, listed, strict=True)]
    spellings = [spelled_toponym(m.span.text) for m in mentions]
    regions = [_qualifier_regions(m.qualifier, gazetteer) for m in mentions]
    capitals = _written_in_capitals(mentions)
    found_as = [
        _candidates(m, gazetteer, words, region, capitals) if m.kind == "toponym" else _NOT_FOUND
        for m, region in zip(mentions, regions, strict=True)
    ]
    found_as = _sites_named_without_town(mentions, found_as, gazetteer, words)
    found_as = _features_named_bare(mentions, keys, found_as, words, regions)
    candidates = [found.entries for found in found_as]

    # A town that bears a name only as a lesser alternate is no reading of it to lie near either.
    readings = [list(_without_lesser_alternates(c, key)) for c, key in zip(candidates, keys, strict=True)]
    cohesion = _cohesion(mentions, keys, readings)
    provinces = _province_populations(candidates, gazetteer)

    def chooser(evidence: Sequence[_Evidence]) -> Callable[[int], _Choice]:
        # Repeated names ("U.S." five times) share one ranking per pass: the same name, hint and
        # qualifier see the same evidence.
        memo: dict[tuple[str, str, str | None, str | None], _Choice] = {}

        def choose(i: int) -> _Choice:
            mention = mentions[i]
            marker = (keys[i], spellings[i], mention.feature_hint, mention.qualifier)
            if marker not in memo:
                memo[marker] = _choose(
                    mention, candidates[i], keys[i], evidence, biased, regions[i], cohesion, ranker, provinces
                )
            return memo[marker]

        return choose

    # Pass 1: context from demonyms and from names that can only mean one country (or one
    # first-order division).
    choose = chooser(_first_pass_evidence(mentions, keys, candidates, demonym_countries, gazetteer))
    first = [choose(i) if candidates[i] else None for i in range(len(mentions))]

    # Pass 2: every first-pass choice is context for the others.
    evidence = _second_pass_evidence(mentions, keys, first, demonym_countries, gazetteer)
    choose = chooser(evidence)
    places = []
    for i, mention in enumerate(mentions):
        if mention.kind == "demonym":
            town = _capital_namesake(
                mention, keys[i], demonym_countries[i], gazetteer, evidence, biased, ranker
            )
            places.append(town or _demonym_place(mention, demonym_countries[i], gazetteer))
        elif not candidates[i]:
            places.append(_unresolved(mention, "not in the gazetteer"))
        else:
            places.append(_chosen_place(mention, choose(i), found_as[i]))
    chosen = [choose(i) if found else None for i, found in enumerate(candidates)]
    places = _without_lone_namesakes_abroad(mentions, keys, places, chosen)
    places = _without_parts_of_towns_elsewhere(mentions, places, chosen, found_as)
    places = _without_namesakes_outside_qualifier(mentions, places, chosen, candidates)
    places = _qualifiers_that_hold(mentions, places, candidates)
    places = _provinces_in_lists_of_provinces(mentions, keys, places, candidates)
    places = _capitals_in_lists_of_capitals(mentions, keys, places, candidates)
    # Sites the gazetteer lacks take the place the others put them in; they are context for none.
    places = place_sites(mentions, places, gazetteer)
    recorder = _RECORDED.get()
    if recorder is not None:
        recorder.append(chosen)  # demonyms have no candidates, so no choice
    return places


def _features_named_bare(
    mentions: Sequence[PlaceMention],
    keys: Sequence[str],
    found_as: list[_Found],
    words: PlaceWords,
    regions: Sequence[set[tuple[str, str | None]]],
) -> list[_Found]:
    """One name, one place in a story: a natural feature the gazetteer lacks, given with its word
    ("the Tana river"), is that feature when the story names it again bare ("boats on the Tana").
    Its bare mentions lose their readings and are drawn, as the first one is, where the story is
    set, not at a namesake town abroad. (In practice the word is "river": a river hint keeps only
    streams, while "the Sinjar mountains" keeps the town.) The readings stay when one of them is
    a country or a province ("the Jordan River ... Jordan"), or lies where the text's qualifier
    puts the name ("Tana, Norway")."""
    features = {
        keys[i] for i, (mention, found) in enumerate(zip(mentions, found_as, strict=True))
        if not found.entries and _split_hint(mention.feature_hint)[0] in words.natural_words
    }
    out = list(found_as)
    for i, (mention, found) in enumerate(zip(mentions, found_as, strict=True)):
        if keys[i] not in features or mention.feature_hint is not None or not found.entries:
            continue
        if any(_is_country_or_province(e) or _in_regions(e, regions[i]) for e in found.entries):
            continue
        out[i] = _NOT_FOUND
    return out


def _qualifiers_that_hold(
    mentions: Sequence[PlaceMention], places: list[Place], candidates: Sequence[list[GazetteerEntry]]
) -> list[Place]:
    """A name that qualifies the one before it ("The Hamilton (Ontario) Spectator", "Amherst,
    N.Y.") is the region that holds that place: where its own reading lies in another province
    (the village Ontario, New York, in a story from Buffalo), its candidate province or country
    that holds the place is taken, the province first. A qualifier that the text calls something
    else ("Manbij, Aleppo city") or that continues a list ("Tank, Punjab and Sindh") keeps its
    reading."""
    out = list(places)
    by_start = {m.span.start: j for j, m in enumerate(mentions)}
    for mention, held in zip(mentions, places, strict=True):
        if not mention.qualifier or held.lat is None or not held.country:
            continue
        # the qualifier's own mention: the next name, after ", " or " (" (at most _LIST_GAP chars)
        after = range(mention.span.end, mention.span.end + _LIST_GAP)
        j = next((by_start[k] for k in after if k in by_start), None)
        if j is None or mentions[j].kind != "toponym" or normalize_toponym(mentions[j].span.text) != (
            normalize_toponym(mention.qualifier)
        ):
            continue
        own = places[j]
        kind, _ = _split_hint(mentions[j].feature_hint)
        # a qualifier read as a town in the held place's own province gives way to a province
        # that holds it: "Bronx, New York" is the state, as "Buffalo, New York" is
        if (kind not in {None, "province"} or _holds(own, held) or _continues_a_list(j, mentions, places)
                or (own.country == held.country and own.admin1 == held.admin1
                    and not (own.feature_code or "").startswith("PPL"))):
            continue
        holders = [e for e in candidates[j] if e.feature_class == "A" and _holds(e, held)]
        if holders:
            entry = max(holders, key=lambda e: e.feature_code == "ADM1")
            out[j] = _reread(entry, mentions[j], own, f"holds {held.name}, which it qualifies")
    return out


def _reread(entry: GazetteerEntry, mention: PlaceMention, place: Place, reason: str) -> Place:
    """The mention read as `entry` instead of the ranking's `place`, at no more than half
    confidence: a reading the ranking did not choose."""
    return replace(
        _entry_place(entry), text=mention.span.text, span=mention.span,
        score=round(min(place.score, 0.5), 3), reason=reason,
    )


#: A province of another country listed with provinces lies within this distance of them.
_NEIGHBOURING_KM = 1_500.0


def _provinces_in_lists_of_provinces(
    mentions: Sequence[PlaceMention],
    keys: Sequence[str],
    places: list[Place],
    candidates: Sequence[list[GazetteerEntry]],
) -> list[Place]:
    """A name listed with first-order divisions of its country ("Missouri, New York, North
    Carolina", "New Jersey and New York") is that country's province of the name, not the town
    that bears it: a list names things of one kind. So is a name listed with a neighbour's
    divisions: "Michigan and Ontario" is the Canadian province, not Ontario, California. A
    capital, known in its own right, yields only to a list of three or more ("Utah, Washington
    and Wisconsin", not "Texas and Washington")."""
    out = list(places)
    for i, (mention, place) in enumerate(zip(mentions, places, strict=True)):
        town = (place.feature_code or "").startswith("PPL")
        if mention.kind != "toponym" or mention.feature_hint or not town:
            continue
        provinces = [
            e for e in candidates[i] if e.feature_code == "ADM1" and normalize_toponym(e.name) == keys[i]
        ]
        # the town's own country's province first ("New York" beside "New Jersey")
        provinces.sort(key=lambda e: e.country != place.country)
        around = _list_around(i, mentions)
        for province in provinces:
            listed = [places[j] for j in around if _lists_provinces_with(places[j], province, place)]
            if len(listed) >= (2 if place.feature_code == "PPLC" else 1):
                out[i] = _reread(province, mention, place, f"listed with the province {listed[0].name}")
                break
    return out


#: A capital listed with another must dwarf the report's town of its name to take the name:
#: "Victoria and Beijing" in a report from British Columbia keeps Victoria, BC, not the
#: Seychelles' capital.
_CAPITAL_OVER_TOWN = 5


def _capitals_in_lists_of_capitals(
    mentions: Sequence[PlaceMention],
    keys: Sequence[str],
    places: list[Place],
    candidates: Sequence[list[GazetteerEntry]],
) -> list[Place]:
    """A name listed with a foreign capital ("new routes from Madrid and Amsterdam" in a report
    from Colombia) is the capital of that name, not the report's own town that bears it: a list
    names things of one kind."""
    out = list(places)
    for i, (mention, place) in enumerate(zip(mentions, places, strict=True)):
        if (mention.kind != "toponym" or mention.feature_hint or mention.qualifier
                or place.feature_code not in {"PPL", "PPLA", "PPLA2", "PPLX"}):
            continue
        town = max((e.population for e in candidates[i] if e.geonameid == place.geonameid), default=0)
        capital = next(
            (e for e in candidates[i] if e.feature_code == "PPLC" and e.country != place.country
             and normalize_toponym(e.name) == keys[i] and e.population > _CAPITAL_OVER_TOWN * town),
            None,
        )
        if capital is None:
            continue
        listed = [
            places[j] for j in _list_around(i, mentions)
            if places[j].feature_code == "PPLC" and places[j].country not in {place.country, capital.country}
        ]
        if listed:
            out[i] = _reread(capital, mention, place, f"listed with the capital {listed[0].name}")
    return out


def _lists_provinces_with(other: Place, province: GazetteerEntry, town: Place) -> bool:
    """Whether `other`, listed beside `town`, is a province of a list that `province` (a reading
    of the town's name) belongs to: one of its own country, or of the town's country across a
    border from it ("Michigan and Ontario"; not "New York and Savannah", Ghana's Savannah)."""
    if other.feature_code != "ADM1" or other.lat is None or other.lon is None:
        return False
    if (other.country, other.admin1) in {(province.country, province.admin1), (town.country, town.admin1)}:
        return False  # the town's own qualifier: "Washington, D.C."
    return other.country == province.country or (
        other.country == town.country
        and distance_km(other.lat, other.lon, province.lat, province.lon) <= _NEIGHBOURING_KM
    )


def _list_around(i: int, mentions: Sequence[PlaceMention]) -> list[int]:
    """The other mentions in the run of names that mention `i` belongs to, each at most
    `_LIST_GAP` characters (", and ") from the next."""
    order = sorted(range(len(mentions)), key=lambda j: mentions[j].span.start)
    at = order.index(i)
    run = [i]
    for step in (-1, 1):
        k = at
        while 0 <= k + step < len(order):
            here, there = mentions[order[k]].span, mentions[order[k + step]].span
            gap = there.start - here.end if step == 1 else here.start - there.end
            if not 0 <= gap <= _LIST_GAP:
                break
            k += step
            run.append(order[k])
    return [j for j in run if j != i]


def _holds(region: Place | GazetteerEntry, place: Place) -> bool:
    """Whether a country or first-order division holds the place."""
    code = region.feature_code or ""
    return region.country == place.country and (
        code.startswith("PCL") or (code == "ADM1" and (region.admin1 or None) == place.admin1)
    )


#: Qualifiers that hold places are first- and second-order divisions (`sites._is_province`). A
#: country is left out: a village drawn at a country's point is no nearer, and "Zaïre,
#: Bundibugyo, Côte d'Ivoire" is as often a list.
#: The longest gap (", and ") after a province that continues a list of places.
_LIST_GAP = 6


def _without_namesakes_outside_qualifier(
    mentions: Sequence[PlaceMention],
    places: list[Place],
    choices: Sequence[_Choice | None],
    candidates: Sequence[list[GazetteerEntry]],
) -> list[Place]:
    """A town or district that the text puts in a province or county ("Foua in Idlib",
    "Cellardyke in Fife") where the gazetteer has no place of that name is not a namesake
    elsewhere: it is left unresolved for `place_sites` to draw in the province, as a geographer
    places a village the map lacks. Countries, provinces, capitals, known cities and natural
    features keep their own reading ("Russia in Idlib", "the Indian Ocean in Seychelles")."""
    holders: dict[str, Place] = {}
    for j, (mention, place) in enumerate(zip(mentions, places, strict=True)):
        text = mention.span.text
        if (
            place.lat is not None
            and mention.label in _PLACE_LABELS
            and _is_province(place)
            # by its own name ("Sichuan" for Sichuan Sheng), a written abbreviation ("Mo.") or
            # a full exonym ("Bavaria"), not a short alternate ("Elida in the Teen category")
            and (spelled_toponym(place.name).startswith(spelled_toponym(text)) or "." in text
                 or len(text) > 4)
            and not _continues_a_list(j, mentions, places)  # "Tank, Punjab and Sindh"
        ):
            holders.setdefault(normalize_toponym(text), place)
    out = list(places)
    for i, (mention, place, choice) in enumerate(zip(mentions, places, choices, strict=True)):
        holder = holders.get(normalize_toponym(mention.qualifier or ""))
        if holder is None or choice is None or place.lat is None or mention.kind != "toponym":
            continue
        entry = choice.entry
        if is_well_known(entry) or entry.feature_code.startswith(("PCL", "ADM1")):
            continue
        if entry.feature_class not in {"P", "A"} or any(
            e.country == holder.country and e.admin1 == holder.admin1 for e in candidates[i]
        ):
            continue
        out[i] = _unresolved(
            mention, f"no {mention.span.text} in the gazetteer in {holder.name}; best guess"
            f" {entry.name}, {entry.country}",
        )
    return out


def _province_populations(candidates: Sequence[list[GazetteerEntry]], gazetteer: Gazetteer) -> dict[str, int]:
    """By country, what its first-order divisions among the candidates stand for in people: a
    bare "Florida" is the US state, not the Uruguayan department."""
    countries = {e.country for found in candidates for e in found if e.feature_code == "ADM1"}
    return {
        code: province_population(entry.population)
        for code in countries
        if (entry := gazetteer.country(code)) is not None and entry.population
    }


def _continues_a_list(j: int, mentions: Sequence[PlaceMention], places: Sequence[Place]) -> bool:
    """Whether the province of mention `j` is followed at once (", ", " and ") by another place
    that does not hold it: "Tank, Punjab and Sindh" lists provinces, "Fife, Scotland" does not,
    nor "Florida's Big Bend" (the next name, which the province qualifies, lies in it)."""
    holder, end = places[j], mentions[j].span.end
    following = [
        (m.span.start, m, p) for m, p in zip(mentions, places, strict=True)
        if end <= m.span.start <= end + _LIST_GAP and p.lat is not None
    ]
    if not following:
        return False
    _, after, nxt = min(following, key=lambda triple: triple[0])
    if after.qualifier == mentions[j].span.text:
        return False  # "Florida's Big Bend": the next name lies in this one
    holds = (nxt.feature_code or "").startswith("PCL") or (
        nxt.feature_code == "ADM1" and nxt.country == holder.country and nxt.admin1 == holder.admin1
    )
    return not holds


#: An article whose place names are all capitals, this many of them and one of them a long word
#: (not a list of initials, "US, UK and EU"), is an all-capitals wire (MUC-4's FBIS reports).
_CAPITALS_MIN_NAMES = 3
_CAPITALS_LONG_WORD = 6


def _written_in_capitals(mentions: Sequence[PlaceMention]) -> bool:
    names = [m.span.text for m in mentions if any(c.isalpha() for c in m.span.text)]
    return (
        len(names) >= _CAPITALS_MIN_NAMES
        and all(name.isupper() for name in names)
        and any(len(name) >= _CAPITALS_LONG_WORD for name in names)
    )


def _demonym_evidence(
    keys: Sequence[str], demonym_countries: Sequence[str | None], gazetteer: Gazetteer
) -> list[_Evidence]:
    """The countries the article's demonyms name, in both passes."""
    return [
        _Evidence(
            key, country, None, None, 1.0, named=True, country_entry=gazetteer.country(country), national=True
        )
        for key, country in zip(keys, demonym_countries, strict=True)
        if country
    ]


def _first_pass_evidence(
    mentions: Sequence[PlaceMention],
    keys: Sequence[str],
    candidates: Sequence[list[GazetteerEntry]],
    demonym_countries: Sequence[str | None],
    gazetteer: Gazetteer,
) -> list[_Evidence]:
    evidence = _demonym_evidence(keys, demonym_countries, gazetteer)
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
            evidence.append(_Evidence(
                key, found[0].country, None, None, 1.0, named=True, country_entry=found[0], national=True
            ))
    return evidence


def _second_pass_evidence(
    mentions: Sequence[PlaceMention],
    keys: Sequence[str],
    first: Sequence[_Choice | None],
    demonym_countries: Sequence[str | None],
    gazetteer: Gazetteer,
) -> list[_Evidence]:
    evidence = _demonym_evidence(keys, demonym_countries, gazetteer)
    for mention, key, choice in zip(mentions, keys, first, strict=True):
        if choice is None or not choice.entry.country:
            continue
        if mention.label in _PLACE_LABELS or choice.supported:
            entry = choice.entry
            anchor = entry if _is_anchor(entry) else None
            admin1 = None if entry.feature_code.startswith("PCL") else entry.admin1 or None
            named = entry.feature_code.startswith("PCL")
            evidence.append(_Evidence(
                key, entry.country, admin1, anchor, min(1.0, 2 * choice.share),
                named=named, country_entry=entry if named else None, national=named or is_capital(entry),
            ))
    return evidence


def _chosen_place(mention: PlaceMention, choice: _Choice, found: _Found) -> Place:
    """The ranked winner, unless the name was not labelled a place and nothing backs it (a
    demonym read as its region's, "Sicilians" or "Texans", is labelled a people and names its
    region)."""
    if mention.label not in _PLACE_LABELS and not choice.supported and not found.demonym:
        return _unresolved(
            mention,
            f"{mention.label or 'unlabelled'} name with no place evidence in the article "
            f"(best guess {choice.entry.name}, {choice.entry.country})",
        )
    return _as_found(_place(mention, choice), found)
