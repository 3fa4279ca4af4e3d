"""Place resolution: `PlaceMention`s + a `Gazetteer` -> one `Place` per mention, in order.

Each mention's candidates (``gazetteer.lookup``) are ranked on evidence a reader would use:

1. what the text says the place is (``feature_hint``: "base" prefers MILB/AIRB/NVB entries,
   "province" prefers ADM1 ...), and a comma qualifier (``qualifier``: "Springfield,
   Illinois", "Paris, Texas" keep to the state or country named after the comma), unless the
   name is itself a state or country outside that region ("Illinois, Missouri" is a list);
2. the article's context: the countries of its demonyms and of its other mentions, and their
   first-order divisions (first the unambiguous ones, then, in a second pass, everyone's
   first-pass choice); whether the text names the candidate's country outright ("Canada"), and
   how close the candidate lies to another country it names ("Gaza" beside "Israel");
3. cohesion: how close a candidate lies to *some* reading of each other name with few readings
   ("Huntsville" and "Walker County" are both in Texas and both in Alabama: the pair that lies
   together wins) or, at a tighter distance, with many ("Paris" and "Henry County": Paris,
   Tennessee lies in Henry County, Tennessee); a province or country is close to the names with
   a reading inside it, and a town to a name one of whose readings is its province ("Redding"
   beside "California"); and proximity to the other mentions' first-pass places;
4. population, and prominence: for a bare name a country beats a capital beats a province beats
   a town, strongly enough that country context alone never turns "Russia" into a village in
   Ohio; a big city stands level with a province; a town that shares its province's name
   ("Aleppo") stands for it unless the text says "province";
5. whether the text wrote the entry's own name rather than one of its alternate names; a town
   that bears the name only as an alternate name is no candidate when a bigger town bears it as
   its own ("Maryville" is not Beeville);
6. an optional ``country_bias`` (ISO3 codes: the desk's region, a feed's country).

A demonym that names towns only outside its own country ("Canadian", towns in Texas and
Queensland) means the country. Written abbreviations ("S.C.", "W.Va.") only mean states and
countries. A capital used as an
adjective ("Moscow officials", a demonym mention) stands for its state at the capital's point,
unless the article's context picks a namesake town ("London police" in a story from Ontario).

Scores are combined linearly with fixed weights (`_WEIGHTS`); `Place.score` is the winner's
softmax share among the candidates, so a name with one plausible reading scores near 1 and a
name with many similar readings scores low. `Place.reason` names the deciding evidence.

A name the gazetteer does not hold as written may still name a place it holds: a written alias
("B.C.", "NSW", "L.A."; the "EU" at its seat Brussels: ``data/place_aliases.tsv``), a name with
an abbreviated word ("Loudon Co."), a generic head ("Nyanza Province", "Port of Los
Angeles"), a county without its head ("Gwinnett"), the people of a region, continent or town
("Ontarians", "South Ossetian", "European": a suffix rule plus ``data/region_demonyms.tsv``;
the place gets kind "demonym"), a part of a place ("North London", "Greater Toronto Area": the
place at precision 2 at least) or a site named after a large town ("Vancouver Art Gallery"),
with the words in ``data/place_affixes.tsv``. These readings are candidates like any other,
ranked in the article's context, and the reason says which one was used.

A name that NER did not label as a place (ORG "Tartus", PERSON "Saqba", an unlabelled proper
noun) must also fit the article's geography (country context, proximity, a matching feature
hint, or a curated entry); otherwise it stays unresolved, so that "Hamas" never becomes a town
in Germany. An unresolvable mention gets ``geonameid=None`` and never changes the others.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from eventwire.data.place_words import PlaceAlias, place_words
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
    "named": 0.5,
    "neighbour": 1.0,
}
#: A bare name means the best-known place of that name: a country before a capital before a
#: first-order division before other towns ("Georgia", "Washington", "Texas"), unless the
#: article's context says otherwise.
#: A country's name means the country unless the article clearly places a namesake town (its
#: province mentioned, its neighbours, "Russia, Ohio"): country context alone is not enough.
_PROMINENCE_BY_CODE = {"PPLC": 0.4, "ADM1": 0.35, "CONT": 0.4, "PPLA": 0.2, "ADM2": 0.1, "PPLA2": 0.1}
#: City prominence grows from 10**_CITY_FROM inhabitants to the province level at
#: 10**(_CITY_FROM + _CITY_SPAN).
_CITY_FROM = 4.5
_CITY_SPAN = 1.5
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
#: A province name that a town this big also bears ("New York") does not say which province.
_CITY_NOT_PROVINCE = 100_000
#: Names with more readings count only when two readings nearly touch (a town in its county).
_COHESION_AMBIGUOUS_KM = 20.0
#: Closeness to a country the text names, other than the candidate's own, decays with this
#: distance (km): "Gaza" beside "Israel" and "Egypt" is the city on their border, not the
#: province in Mozambique.
_NEIGHBOUR_KM = 500.0
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
    named: bool = False  # the text names the country itself (a country name or demonym)
    country_entry: GazetteerEntry | None = None  # that country's entry, when named


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
    mentions = [
        replace(m, kind="demonym") if m.kind == "toponym" and _is_people_word(m.span.text, gazetteer) else m
        for m in mentions
    ]
    demonym_countries: list[str | None] = [
        gazetteer.country_of_demonym(m.span.text) if m.kind == "demonym" else None
        for m in mentions
    ]
    keys = [normalize_toponym(m.span.text) for m in mentions]
    found_as = [_candidates(m, gazetteer) if m.kind == "toponym" else _NOT_FOUND for m in mentions]
    found_as = _sites_named_without_town(mentions, found_as, gazetteer)
    candidates = [found.entries for found in found_as]

    regions = [_qualifier_regions(m.qualifier, gazetteer) for m in mentions]
    cohesion = _cohesion(mentions, keys, candidates)

    # Pass 1: context from demonyms and from names that can only mean one country (or one
    # first-order division).
    evidence: list[_Evidence] = [
        _Evidence(key, country, None, None, 1.0, named=True, country_entry=gazetteer.country(country))
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
            evidence.append(
                _Evidence(key, found[0].country, None, None, 1.0, named=True, country_entry=found[0])
            )
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
        _Evidence(key, country, None, None, 1.0, named=True, country_entry=gazetteer.country(country))
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
            named = entry.feature_code.startswith("PCL")
            evidence.append(_Evidence(
                key, entry.country, admin1, anchor, min(1.0, 2 * choice.share),
                named=named, country_entry=entry if named else None,
            ))
    places = []
    for i, mention in enumerate(mentions):
        if mention.kind == "demonym":
            town = _capital_namesake(mention, keys[i], demonym_countries[i], gazetteer, evidence, biased)
            places.append(town or _demonym_place(mention, demonym_countries[i], gazetteer))
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
                places.append(_as_found(_place(mention, choice), found_as[i]))
    return places


# --------------------------------------------------------------------------- candidates


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
#: How a written alias (place_aliases.tsv) reads in a place's reason, by its kind.
_ALIAS_HOW = {
    "abbreviation": "{alias} abbreviates {name}",
    "seat": "{alias} drawn at its seat {name}",
    "successor": "{alias} drawn at its successor state {name}",
}
#: Readings of X that a generic head allows ("X Province", "Township of X"; place_affixes.tsv).
_HEAD_READINGS = {
    "division": lambda e: e.feature_class == "A" or e.feature_code in {"RGN", "AREA"},
    "county": lambda e: e.feature_class in {"A", "P"},
    "town": lambda e: e.feature_class == "P" or e.feature_code in {"ADM2", "ADM3", "ADM4"},
}
#: Readings that a demonym may stand for: a division, a region, a continent, or (named in
#: region_demonyms.tsv) a town big enough to have a name for its people ("Muscovite").
_DEMONYM_CODES = frozenset({"ADM1", "CONT", "RGN", "AREA", "TERR", "PPLC", "PPLA"})
_DEMONYM_MIN_POPULATION = 20_000
#: A site named after its town ("Vancouver Art Gallery") stands for a town at least this big.
_FACILITY_MIN_POPULATION = 100_000
#: Demonym endings and what may replace them to give the place's name, tried in order:
#: Ohio-an, Minnesot-an/-a, Tex-an/-as, Color-ad-an/-o, Paris-ian, Flori-d-ian/-a,
#: Kentuck-ian/-y, South Osset-ian/-ia, Missour-ian/-i, Ontar-ian/-io, Tennesse-an/-ee,
#: Vermont-er, Wisconsin-ite, Middle East-ern, Kashmir-i, Milan-ese, Vienn-ese/-a.
_DEMONYM_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ean", ("ee", "e")),
    ("ian", ("", "a", "y", "ia", "i", "io")),
    ("an", ("", "a", "o", "as")),
    ("er", ("",)),
    ("ite", ("",)),
    ("ern", ("",)),
    ("ese", ("", "a")),
    ("i", ("",)),
)
#: Endings of English demonyms: those above, and Danish, French, Swiss, Greek, Icelandic.
_PEOPLE_WORD_ENDINGS = (*(ending for ending, _ in _DEMONYM_ENDINGS), "ish", "ch", "ss", "ek", "ic")


def _candidates(mention: PlaceMention, gazetteer: Gazetteer) -> _Found:
    text = mention.span.text
    alias = _alias(text)
    if alias is not None:
        # "L.A." is Los Angeles, not the village "La"; "EU" is drawn at Brussels.
        entries = _alias_entries(alias, gazetteer)
        if entries:
            return _Found(entries, _ALIAS_HOW[alias.kind].replace("{alias}", text))
    found = gazetteer.lookup(text)
    if found and _is_abbreviation(text):
        # "US" is not the village "Us" (nor "Ous"): an abbreviation only means the places that
        # have it as an alias, not those whose own name merely spells the same.
        key = normalize_toponym(text)
        found = [e for e in found if normalize_toponym(e.name) != key or e.name.isupper()]
    if found and _is_dotted_abbreviation(text):
        # "S.C.", "W.Va.", "U.S.": written abbreviations stand for states and countries, not for
        # the airports, codes and villages that share their letters.
        found = [e for e in found if e.feature_class == "A"]
    if found:
        return _Found(found)
    # Formal and foreign country names the index lacks ("Republic of Türkiye").
    country = gazetteer.country_of_demonym(text)
    entry = gazetteer.country(country) if country else None
    if entry is not None:
        return _Found([entry])
    return _fallback(text, gazetteer)


# --------------------------------------------------------------------------- names not found
# A name the gazetteer does not hold may still name a place it holds, in another form. Each
# rule below is general (data in place_aliases.tsv, region_demonyms.tsv, place_affixes.tsv)
# and says in the reason how it read the name; a name no rule reads stays unresolved.


def _alias(text: str) -> PlaceAlias | None:
    words = place_words()
    written = text.strip().removesuffix("'s").removesuffix("’s")
    alias = words.aliases.get(written)
    if alias is None and written.isupper():  # a headline in capitals: "PHILA." as "Phila."
        alias = words.aliases_in_capitals.get(written)
    return alias


def _alias_entries(alias: PlaceAlias, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    return [
        e for e in gazetteer.lookup(alias.name)
        if e.country == alias.country and e.feature_code.startswith(alias.feature)
    ]


def _lookup(name: str, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """The entries of a name inside a longer one ("L.A." in "South L.A."), aliases first."""
    alias = _alias(name)
    if alias is not None:
        entries = _alias_entries(alias, gazetteer)
        if entries:
            return entries
    return gazetteer.lookup(name) if name else []


def _fallback(text: str, gazetteer: Gazetteer) -> _Found:
    """Candidates for a name the gazetteer does not hold, read by the first rule that fits:
    written-out abbreviations ("Loudon Co."), a generic head ("Nyanza Province", "Port of Los
    Angeles"), a county named without its head ("Gwinnett"), a demonym of a region or town
    ("Ontarians", "South Ossetian"), a part of a place ("North London", "Greater Toronto Area")
    and a site named after its town ("Vancouver Art Gallery")."""
    words = place_words()
    tokens = text.split()
    if not tokens:
        return _NOT_FOUND
    expanded = [_written_out(t, words.abbreviations) for t in tokens]
    if expanded != tokens:
        written_out = " ".join(expanded)
        found = _lookup(written_out, gazetteer)
        if found:
            return _Found(found, f"{text} written out as {written_out}")
        tokens = expanded
    lower = [t.casefold() for t in tokens]
    for rule in (_with_head, _county, _region_demonym, _part_of, _facility):
        result = rule(tokens, lower, gazetteer)
        if result is not None and result.entries:
            return result
    return _NOT_FOUND


def _written_out(token: str, abbreviations: Mapping[str, str]) -> str:
    """"Co." -> "County", "CO." -> "COUNTY"; other words as they are."""
    full = abbreviations.get(token.casefold())
    if full is None:
        return token
    return full.upper() if token.isupper() and len(token) > 2 else full.capitalize()


def _with_head(tokens: list[str], lower: list[str], gazetteer: Gazetteer) -> _Found | None:
    words = place_words()
    if len(tokens) >= 2 and lower[-1] in words.heads_after:
        head, rest, allows = lower[-1], tokens[:-1], words.heads_after[lower[-1]]
    elif len(tokens) >= 3 and lower[1] == "of" and lower[0] in words.heads_before:
        head, rest, allows = lower[0], tokens[2:], words.heads_before[lower[0]]
    else:
        return None
    keep = _HEAD_READINGS[allows]
    entries = [e for e in _lookup(" ".join(rest), gazetteer) if keep(e)]
    # A township or port around a town is a part of it; a province named X is X itself.
    return _Found(entries, f"{head} of {{name}}", part=allows == "town")


def _county(tokens: list[str], lower: list[str], gazetteer: Gazetteer) -> _Found | None:
    if not tokens[0][:1].isupper() or lower[-1] in place_words().natural_words:
        return None  # "Red River" is the river, not Red River Parish
    name = " ".join(tokens)
    entries = [
        e
        for head in place_words().county_heads
        for e in gazetteer.lookup(f"{name} {head}")
        if e.feature_code == "ADM2"
    ]
    return _Found(entries, "county name without its head: {name}")


def _region_demonym(tokens: list[str], lower: list[str], gazetteer: Gazetteer) -> _Found | None:
    word = " ".join(tokens).removesuffix("'s").removesuffix("’s")
    if not word[:1].isupper() or not word[-1:].isalpha():
        return None
    forms = [word]
    if word.endswith("s") and len(word) > 4:
        forms.append(word[:-1])  # "Ontarians", "Scots"
    # The table first: "Gazans" are the people of the Gaza Strip, not of any other Gaza.
    irregular = [place_words().demonyms.get(form.casefold()) for form in forms]
    entries = _demonym_readings([name for name in irregular if name], gazetteer, towns=True)
    if not entries:
        # "North Eastern" is a direction, not the people of a "North East". The suffix rule
        # reads regions only: "Londoner" and "Richmondites" fit too many towns of that name.
        parts = place_words().parts_before
        stems = [
            n for form in forms for n in _demonym_stems(form) if not parts.issuperset(n.casefold().split())
        ]
        entries = _demonym_readings(stems, gazetteer, towns=False)
    return _Found(entries, "demonym of {name}", demonym=True)


def _demonym_readings(names: Sequence[str], gazetteer: Gazetteer, *, towns: bool) -> list[GazetteerEntry]:
    seen: set[int] = set()
    entries = []
    for name in names:
        for entry in _lookup(name, gazetteer):
            if entry.geonameid not in seen and _has_demonym(entry, towns=towns):
                seen.add(entry.geonameid)
                entries.append(entry)
    return entries


def _demonym_stems(word: str) -> list[str]:
    """Names a demonym may come from by its ending ("Ontarian" -> "Ontario", "Texan" -> "Texas")."""
    stems: list[str] = []
    for ending, replacements in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            root = word[: -len(ending)]
            stems.extend(root + r for r in replacements)
    return stems


def _has_demonym(entry: GazetteerEntry, *, towns: bool) -> bool:
    if entry.feature_class == "P":
        return towns and (entry.feature_code in _DEMONYM_CODES or entry.population >= _DEMONYM_MIN_POPULATION)
    return entry.feature_code in _DEMONYM_CODES or entry.feature_code.startswith("PCL")


def _part_of(tokens: list[str], lower: list[str], gazetteer: Gazetteer) -> _Found | None:
    words = place_words()
    start, end = 0, len(tokens)
    while start < end - 1 and start < 2 and lower[start] in words.parts_before:
        start += 1
    while end > start + 1 and end > len(tokens) - 2 and lower[end - 1] in words.parts_after:
        end -= 1
    if (start, end) == (0, len(tokens)) or lower[start] in words.parts_before:
        return None
    # "North Dallas" is not Dallas' airport: sites do not have parts. A town must bear the
    # name itself ("South Plains" is no part of a town that lists "Plains" as an alternate).
    rest = " ".join(tokens[start:end])
    alias = _alias(rest)  # "South L.A."
    key = normalize_toponym(alias.name if alias is not None else rest)
    entries = [
        e for e in _lookup(rest, gazetteer)
        if e.feature_class != "S" and (e.feature_class != "P" or _name_key(e.name) == key)
    ]
    return _Found(entries, "part of {name}", part=True)


def _facility(tokens: list[str], lower: list[str], gazetteer: Gazetteer) -> _Found | None:
    facility_words = place_words().facility_words
    end = len(tokens)
    while end > 1 and lower[end - 1] in facility_words:
        end -= 1
    if end == len(tokens):
        return None
    entries = [
        e for e in gazetteer.lookup(" ".join(tokens[:end]))
        if e.feature_class == "P" and e.population >= _FACILITY_MIN_POPULATION
    ]
    return _Found(entries, "site named after its town {name}", part=True)


def _sites_named_without_town(
    mentions: Sequence[PlaceMention], found_as: list[_Found], gazetteer: Gazetteer
) -> list[_Found]:
    """"Pearson International Airport" in an article that names Toronto: airports and bases are
    indexed under their full names, which often begin with their town's ("Toronto Pearson
    International Airport"); a site named without it takes a town the article names."""
    site_words = place_words().site_words
    towns: list[str] = []
    pending = []
    for i, (mention, found) in enumerate(zip(mentions, found_as, strict=True)):
        if mention.kind != "toponym":
            continue
        if found.entries:
            towns.append(mention.span.text)
        elif mention.span.text.rsplit(None, 1)[-1].casefold() in site_words:
            pending.append(i)
    if not pending:
        return found_as
    towns = list(dict.fromkeys(towns))
    out = list(found_as)
    for i in pending:
        text = mentions[i].span.text
        entries = [e for town in towns for e in gazetteer.lookup(f"{town} {text}") if e.feature_class == "S"]
        if entries:
            out[i] = _Found(entries, "site named with the article's town: {name}")
    return out


def _as_found(place: Place, found: _Found) -> Place:
    """The place as its mention's text reads it (see `_Found`)."""
    if found.how is None:
        return place
    return replace(
        place,
        reason=f"{found.how.replace('{name}', place.name)}; {place.reason}",
        precision=max(place.precision, 2) if found.part else place.precision,
        kind="demonym" if found.demonym else place.kind,
    )


def _population_value(people: int) -> float:
    return min(1.0, math.log10(1 + max(0, people)) / 7)


def _city_prominence(people: int) -> float:
    """A big city is as well known as a province: a bare "Córdoba" is the city of 1.4 million in
    Argentina, not the department in Colombia, and the city of "Gaza" (410,000) needs little
    context to beat the province of Gaza in Mozambique."""
    size = (math.log10(1 + people) - _CITY_FROM) / _CITY_SPAN
    return _PROMINENCE_BY_CODE["ADM1"] * min(1.0, max(0.0, size))


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
    that have a reading near this candidate, each weighted by closeness; the nearest one).
    Names with many readings count at a tighter distance; a province or country counts the
    names with a reading inside it."""
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
    scores: dict[tuple[str, int], tuple[float, str]] = {}
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
            for other in [*others, *crowded, *holders]:
                closeness, name = 0.0, ""
                if other in informative:
                    distance, name = min(
                        (distance_km(entry.lat, entry.lon, p.lat, p.lon), p.name) for p in informative[other]
                    )
                    closeness = math.exp(-distance / _COHESION_KM)
                elif other in ambiguous:
                    near = _near_in_grid(entry, ambiguous[other])
                    if near is not None:
                        closeness, name = math.exp(-near[0] / _COHESION_AMBIGUOUS_KM), near[1]
                if contained and closeness < 1.0:
                    province = next((p for p in provinces.get(other, ()) if _lies_in(entry, p, False)), None)
                    if province is not None:
                        closeness, name = 1.0, province.name
                total += closeness
                if closeness > best:
                    best, best_name = closeness, name
            scores[(key, entry.geonameid)] = (total / (len(others) + len(crowded) + len(holders)), best_name)
    for key, found in divisions.items():
        # A province or a country is near the names that have a reading inside it ("California"
        # with "Fresno", "Mexico" with "Puebla"), which its drawn point alone would not show.
        # Names with many readings count for a province (a namesake of "Redding" lies in most
        # countries, but not in most provinces).
        for entry in found:
            whole = entry.feature_code.startswith("PCL")
            other_readings = [
                points for other, points in readings.items()
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


def _without_lesser_alternates(found: Sequence[GazetteerEntry], key: str) -> Sequence[GazetteerEntry]:
    """Drop towns that carry the name only as an alternate name ("Maryville" for Beeville,
    "Springfield" for Springfield Gardens) when a bigger town bears it as its own name: context
    can then not pull the text's word onto a place that is hardly ever called so. A bigger
    alternate stays ("Newcastle" for Newcastle upon Tyne)."""
    own = [e for e in found if _name_key(e.name) == key]
    if not own or len(own) == len(found):
        return found
    biggest = max(e.population or _TYPICAL_POPULATION.get(e.feature_code, 0) for e in own)
    words = key.split()
    return [
        e for e in found
        if e.feature_class != "P" or e.geonameid < 0 or e.population >= biggest
        or _shares_word(_name_key(e.name).split(), words)
    ]


def _shares_word(words: Sequence[str], others: Sequence[str]) -> bool:
    """Whether two names share a word, or a word's stem ("Hillsboro", "Hillsborough"): then one
    is a variant of the other ("St. Albans", "Avondale Estates"), not a different name."""
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
        if (e.feature_code.startswith("PCL") or e.feature_code == "ADM1") and _name_key(e.name) == key
    ]
    return bool(divisions) and not any(
        (e.country, None) in region or (e.country, e.admin1 or None) in region for e in divisions
    )


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
        if entry.feature_class == "P":
            prominence = max(prominence, _city_prominence(entry.population))
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
        "named": float(entry.country in others.named),
        "neighbour": max(
            (
                math.exp(-distance_km(entry.lat, entry.lon, c.lat, c.lon) / _NEIGHBOUR_KM)
                for c in others.countries
                if c.country != entry.country
            ),
            default=0.0,
        ),
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
    named: frozenset[str]  # countries the text names outright
    countries: tuple[GazetteerEntry, ...]  # their entries

    @classmethod
    def of(cls, evidence: Sequence[_Evidence], key: str) -> _Others:
        by_country: dict[str, float] = {}
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
            if e.admin1:
                by_admin1[(e.country, e.admin1)] = by_admin1.get((e.country, e.admin1), 0.0) + e.weight
            if e.anchor is not None:
                anchors[e.anchor.geonameid] = e.anchor
            if e.named:
                named.add(e.country)
            if e.country_entry is not None:
                countries[e.country] = e.country_entry
        return cls(
            total, by_country, by_admin1, tuple(anchors.values()), frozenset(named), tuple(countries.values())
        )


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
    if region and _is_list_item(found, key, region):
        region = set()
    candidate_count = len(found)
    found = _without_lesser_alternates(found, key)
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
        # The others bore the name only as an alternate name of a smaller town.
        reason = "only candidate" if candidate_count == 1 else "name match"
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
    if feature == "named":
        return f"country named {entry.country}"
    if feature == "neighbour":
        return "beside a country the text names"
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


def _is_people_word(text: str, gazetteer: Gazetteer) -> bool:
    """A demonym that also names places, none of them in its own country: "Canadian" (towns in
    Texas and Queensland), "German" (San Germán). It means the country, as a demonym does.
    Only words shaped like English demonyms count: countrynames also takes misspelt country
    names and codes ("Columbia", "KY") that are places in their own right."""
    if len(text) < 4 or text.isupper() or not text.casefold().endswith(_PEOPLE_WORD_ENDINGS):
        return False
    country = gazetteer.country_of_demonym(text)
    return country is not None and not any(e.country == country for e in gazetteer.lookup(text))


def _capital_namesake(
    mention: PlaceMention,
    key: str,
    country: str | None,
    gazetteer: Gazetteer,
    evidence: Sequence[_Evidence],
    biased: frozenset[str],
) -> Place | None:
    """The namesake town that "London police" means in an article set around London, Ontario:
    a capital used as an adjective stands for its state only where the article's context does
    not pick another place of that name."""
    found = gazetteer.lookup(mention.span.text)
    if not any(e.feature_code == "PPLC" and e.country == country for e in found):
        return None
    choice = _choose(mention, found, key, evidence, biased, set(), {})
    town = choice.entry
    if town.country == country or town.feature_class != "P":
        return None
    # Country context alone is not enough ("Moscow said" in a story full of American places):
    # another name must lie in the town's own state or province.
    if not any(e.key != key and (e.country, e.admin1) == (town.country, town.admin1) for e in evidence):
        return None
    return _place(mention, choice)


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
