"""Names the gazetteer does not hold as written, read as a place it holds in another form.

Each rule is general (data in place_aliases.tsv, region_demonyms.tsv, place_affixes.tsv) and
says in the reason how it read the name; a name no rule reads stays unresolved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.data.place_words import PlaceAlias, PlaceWords
from eventwire.records import PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize_toponym
from eventwire.resolve.places.evidence import _NOT_FOUND, _Found, _name_key
from eventwire.resolve.places.namesakes import _bears_only_as_alternate

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
_PEOPLE_WORD_ENDINGS = (*(ending for ending, _ in _DEMONYM_ENDINGS), "ish", "ch", "ss", "ek", "ic", "ine")


def _alias(text: str, words: PlaceWords) -> PlaceAlias | None:
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


def _lookup(name: str, gazetteer: Gazetteer, words: PlaceWords) -> list[GazetteerEntry]:
    """The entries of a name inside a longer one ("L.A." in "South L.A."), aliases first."""
    alias = _alias(name, words)
    if alias is not None:
        entries = _alias_entries(alias, gazetteer)
        if entries:
            return entries
    return gazetteer.lookup(name) if name else []


def _fallback(text: str, gazetteer: Gazetteer, words: PlaceWords) -> _Found:
    """Candidates for a name the gazetteer does not hold, read by the first rule that fits:
    written-out abbreviations ("Loudon Co."), a generic head ("Nyanza Province", "Port of Los
    Angeles"), a county named without its head ("Gwinnett"), a demonym of a region or town
    ("Ontarians", "South Ossetian"), a part of a place ("North London", "Greater Toronto Area")
    and a site named after its town ("Vancouver Art Gallery")."""
    tokens = text.split()
    if not tokens:
        return _NOT_FOUND
    expanded = [_written_out(t, words.abbreviations) for t in tokens]
    if expanded != tokens:
        written_out = " ".join(expanded)
        found = _lookup(written_out, gazetteer, words)
        if found:
            return _Found(found, f"{text} written out as {written_out}")
        tokens = expanded
    lower = [t.casefold() for t in tokens]
    for rule in (_with_head, _county, _region_demonym, _part_of, _facility):
        result = rule(tokens, lower, gazetteer, words)
        if result is not None and result.entries:
            return result
    return _NOT_FOUND


def _written_out(token: str, abbreviations: Mapping[str, str]) -> str:
    """"Co." -> "County", "CO." -> "COUNTY"; other words as they are."""
    full = abbreviations.get(token.casefold())
    if full is None:
        return token
    return full.upper() if token.isupper() and len(token) > 2 else full.capitalize()


def _with_head(tokens: list[str], lower: list[str], gazetteer: Gazetteer, words: PlaceWords) -> _Found | None:
    if len(tokens) >= 2 and lower[-1] in words.heads_after:
        head, rest, allows = lower[-1], tokens[:-1], words.heads_after[lower[-1]]
    elif len(tokens) >= 3 and lower[1] == "of" and lower[0] in words.heads_before:
        head, rest, allows = lower[0], tokens[2:], words.heads_before[lower[0]]
    else:
        return None
    keep = _HEAD_READINGS[allows]
    entries = [e for e in _lookup(" ".join(rest), gazetteer, words) if keep(e)]
    # A township or port around a town is a part of it; a province named X is X itself.
    return _Found(entries, f"{head} of {{name}}", part=allows == "town")


def _county(tokens: list[str], lower: list[str], gazetteer: Gazetteer, words: PlaceWords) -> _Found | None:
    if not tokens[0][:1].isupper() or lower[-1] in words.natural_words:
        return None  # "Red River" is the river, not Red River Parish
    name = " ".join(tokens)
    entries = [
        e
        for head in words.county_heads
        for e in gazetteer.lookup(f"{name} {head}")
        if e.feature_code == "ADM2"
    ]
    return _Found(entries, "county name without its head: {name}")


def _demonym_forms(text: str) -> list[str]:
    word = text.removesuffix("'s").removesuffix("’s")
    if word.isupper() and len(word) > 3:
        word = word.title()  # an all-capitals wire: "CENTRAL AMERICAN" as "Central American"
    if not word[:1].isupper() or not word[-1:].isalpha():
        return []
    forms = [word]
    if word.endswith("s") and len(word) > 4:
        forms.append(word[:-1])  # "Ontarians", "Scots"
    return forms


def listed_region(text: str, words: PlaceWords) -> str | None:
    """The region that region_demonyms.tsv says a demonym names ("Londoners": London)."""
    return next((r for form in _demonym_forms(text) if (r := words.demonyms.get(form.casefold()))), None)


def _listed_demonym(text: str, gazetteer: Gazetteer, words: PlaceWords) -> _Found | None:
    """The region a demonym of region_demonyms.tsv names ("Welsh", "Sicilians", "Gazans": the
    Gaza Strip, not any other Gaza), before any town that bears the word or the country it is
    also said of (Sicilian, Italian): the table is the reading a geographer gives the word.
    `_candidates` asks it first."""
    region = listed_region(text, words)
    entries = _demonym_readings([region], gazetteer, words, towns=True) if region else []
    return _Found(entries, "demonym of {name}", demonym=True) if entries else None


def _region_demonym(
    tokens: list[str], lower: list[str], gazetteer: Gazetteer, words: PlaceWords
) -> _Found | None:
    forms = _demonym_forms(" ".join(tokens))
    if not forms:
        return None
    # "North Eastern" is a direction, not the people of a "North East". The suffix rule reads
    # regions only: "Hamiltonian" and "Richmondites" fit too many towns of that name (the
    # people of a well-known city have their row in region_demonyms.tsv).
    parts = words.parts_before
    stems = [n for form in forms for n in _demonym_stems(form) if not parts.issuperset(n.casefold().split())]
    return _Found(_demonym_readings(stems, gazetteer, words, towns=False), "demonym of {name}", demonym=True)


def _demonym_readings(
    names: Sequence[str], gazetteer: Gazetteer, words: PlaceWords, *, towns: bool
) -> list[GazetteerEntry]:
    seen: set[int] = set()
    entries = []
    for name in names:
        for entry in _lookup(name, gazetteer, words):
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
            if ending == "i" and len(root) < 4:
                continue  # "Iraqi", "Sindhi"; the river "Musi" is no people of Muş
            stems.extend(root + r for r in replacements)
    return stems


def _has_demonym(entry: GazetteerEntry, *, towns: bool) -> bool:
    if entry.feature_class == "P":
        return towns and (entry.feature_code in _DEMONYM_CODES or entry.population >= _DEMONYM_MIN_POPULATION)
    return entry.feature_code in _DEMONYM_CODES or entry.feature_code.startswith("PCL")


def _part_of(tokens: list[str], lower: list[str], gazetteer: Gazetteer, words: PlaceWords) -> _Found | None:
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
    alias = _alias(rest, words)  # "South L.A."
    key = normalize_toponym(alias.name if alias is not None else rest)
    entries = [
        e for e in _lookup(rest, gazetteer, words)
        if e.feature_class != "S" and (e.feature_class != "P" or _name_key(e.name) == key)
    ]
    return _Found(entries, "part of {name}", part=True)


def _facility(tokens: list[str], lower: list[str], gazetteer: Gazetteer, words: PlaceWords) -> _Found | None:
    facility_words = words.facility_words
    end = len(tokens)
    while end > 1 and lower[end - 1] in facility_words:
        end -= 1
    if end == len(tokens):
        return None
    town = " ".join(tokens[:end])
    entries = [
        e for e in gazetteer.lookup(town)
        if e.feature_class == "P" and e.population >= _FACILITY_MIN_POPULATION
        and not _bears_only_as_alternate(e, town)
    ]
    return _Found(entries, "site named after its town {name}", part=True)


def _sites_named_without_town(
    mentions: Sequence[PlaceMention], found_as: list[_Found], gazetteer: Gazetteer, words: PlaceWords
) -> list[_Found]:
    """"Pearson International Airport" in an article that names Toronto: airports and bases are
    indexed under their full names, which often begin with their town's ("Toronto Pearson
    International Airport"); a site named without it takes a town the article names."""
    site_words = words.site_words
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
