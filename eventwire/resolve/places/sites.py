"""Sites, landmarks and natural features that the gazetteer does not hold ("Aleppo University",
"Qamishli National Hospital", "Duke University", "Oxford Street", "Red River"), placed where a
geographer would place them: at the place the text puts them in ("X in Y", "Y's X", "X, Y": the
mention's qualifier), and when that is a province, at a town of it named inside the site's own
name ("Dugway Proving Ground in Utah"); else (not for streets and natural features) at a place
named inside the site's own name, else at the article's main place. A site placed in a province
either way lies at the article's main place when that is in the province ("Florida
International University" in a report from Miami). A village or district the
gazetteer lacks ("Kafr Naha", "Cherry Hinton") is placed the same way, but by the words of its
own name only inside its province, as ACLED codes a location it cannot find at the nearest
place the report names; where the text names no container, it lies at the town, district or
province named before it in its sentence when that is in another province of the story's
country, named there more than once ("a reporter in Deir Ezzor said shells hit al-Qusor" in a
report set in Aleppo), else at the article's main place.
The result is coarse (precision 2; 3 for a natural feature, an unlisted place or a site placed
only in a province) and its reason says which rule placed it. The words are in
``data/place_sites.tsv``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from eventwire.data.place_words import site_kind, site_words
from eventwire.records import Place, PlaceMention
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize_toponym
from eventwire.resolve.places.evidence import _PLACE_LABELS
from eventwire.resolve.places.namesakes import _bears_only_as_alternate
from eventwire.resolve.places.ranking import _typical_population

#: A town named inside a site's name counts in the article's countries from this size, elsewhere
#: only from the larger one ("Miami International Airport" in a story from Cuba): a site is named
#: after a town people know, and a person's name ("Duke", "Hopkins") matches many small towns.
_NAMED_TOWN_MIN_POPULATION = 10_000
_NAMED_TOWN_ABROAD_MIN_POPULATION = 100_000


def _name_parts(text: str) -> list[str]:
    """The runs of a site's name that may name its town, longest first: "Qamishli" in
    "Qamishli National Hospital", "Ohio" in "Ohio State University", "Johns Hopkins" then
    "Hopkins" and "Johns" in "Johns Hopkins University Hospital"."""
    words = site_words()
    skip = words.joining()
    runs: list[list[str]] = [[]]
    for n, token in enumerate(text.split()):
        word = token.casefold().strip(",")
        if n and word in words.streets:
            runs.append([])  # "Oxford Street bus station": a street's namesake is not its town
            runs[-2] = []
        elif word in skip:
            runs.append([])
        else:
            runs[-1].append(token)
    # Of runs of one length the last first: the town stands next to the facility word, and a
    # person's name puts the given name first ("Washington" in "George Washington University").
    parts: list[str] = []
    for run in reversed(runs):
        for size in range(len(run), 0, -1):
            parts.extend(" ".join(run[i : i + size]) for i in reversed(range(len(run) - size + 1)))
    return sorted(
        dict.fromkeys(
            p for p in parts if p[:1].isupper() and p.rsplit(None, 1)[-1].casefold() not in words.prepositions
        ),
        key=lambda p: -len(p.split()),
    )


def place_sites(mentions: Sequence[PlaceMention], places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The places, with each unresolved site, natural feature or other name the text gives as a
    place placed by the first rule that fits (see the module docstring); the others are
    returned as they are."""
    resolved = [p for p in places if p.lat is not None and p.kind == "toponym"]
    by_text: dict[str, Place] = {}
    for place in resolved:
        by_text.setdefault(normalize_toponym(place.text), place)
    countries = {p.country for p in resolved if p.country}
    provinces = {(p.country, p.admin1) for p in resolved if p.country and p.admin1}
    # A name of the article left unresolved (by its ranking or by a filter) holds nothing either:
    # "the Castello Road in the Al Mallah district" is not in a namesake of Al Mallah.
    unplaced = {normalize_toponym(p.text) for p in places if p.lat is None} - set(by_text)
    main = main_place(resolved)
    out = list(places)
    for i, (mention, place) in enumerate(zip(mentions, places, strict=True)):
        if place.lat is not None or mention.kind != "toponym":
            continue
        kind = site_kind(mention.span.text)
        if kind is None and mention.label in _PLACE_LABELS:
            kind = "unlisted"
        if kind is None or kind == "polity":
            continue
        found = _in_container(mention, by_text, gazetteer, countries, unplaced)
        basis: Literal["text", "setting"] = "text"
        if found and _is_country(found[0]) and main is not None and main.country == found[0].country:
            # "Kasai Occidental province of DRC" in a report from Kananga: the report's own
            # setting is nearer than the country's point.
            found, basis = (main, f"drawn at the article's main place {main.name}"), "setting"
        elif found is not None and _is_province(found[0]) and kind in {"site", "unlisted"}:
            # A site is named after its town, nearer than the province the text puts it in
            # ("Dugway Proving Ground in Utah").
            found = _in_own_name(mention, by_text, gazetteer, countries, provinces, within=found[0]) or found
        elif found is None and kind == "site":  # a street or a river is often named after elsewhere
            found = _in_own_name(mention, by_text, gazetteer, countries, provinces)
        if (found is not None and found[0].feature_code == "ADM1" and kind in {"site", "unlisted"}
                and main is not None and not _is_province(main) and _lies_within(main, found[0])):
            # "Florida International University" in a report from Miami: a site in (or named
            # after) a province lies where the report is set, when that is in the province.
            found, basis = (main, f"drawn at the article's main place {main.name}"), "setting"
        if found is None and mention.label in _PLACE_LABELS:
            # Only a name the text (or the caller) gives as a place: an ORG "Duke University"
            # is an institution, not a location, unless the text puts it somewhere.
            near = _named_before(i, mentions, places, main) if kind == "unlisted" else None
            if near is not None:
                found, basis = (near, f"drawn at {near.name}, named before it in its sentence"), "setting"
            elif main is not None:
                found, basis = (main, f"drawn at the article's main place {main.name}"), "setting"
        if found is not None:
            out[i] = _as_site(mention, place, *found, coarse=kind in {"natural", "unlisted"}, basis=basis)
    return out


def _named_before(
    at: int, mentions: Sequence[PlaceMention], places: Sequence[Place], main: Place | None
) -> Place | None:
    """The town, district or province resolved last before mention `at` in its sentence, when
    it lies in the story's country but in another province than the article's main place: "a
    reporter in Deir Ezzor said shells hit the al-Qusor and Hrabesh neighbourhoods" in a report
    set in Aleppo (ACLED codes a place it cannot find at the nearest place the report names).
    Within the main place's province the main place, counted over the whole article, is the
    safer guess; a place abroad is passed over, as a name the gazetteer lacks is most likely
    local."""
    if main is None:
        return None
    mention = mentions[at]
    before = [
        (other.span.start, place)
        for other, place in zip(mentions, places, strict=True)
        if other.sentence == mention.sentence and other.span.end <= mention.span.start
        and _up_to_a_province(place) and place.country == main.country
    ]
    if not before:
        return None
    near = max(before, key=lambda item: item[0])[1]
    # A second setting is named more than once ("Deir Ezzor" three times); one town of another
    # province is as likely a wrong reading of a small name ("Villas" in a report from Ohio).
    named = sum(_up_to_a_province(p) and (p.country, p.admin1) == (near.country, near.admin1) for p in places)
    return near if near.admin1 is not None and near.admin1 != main.admin1 and named >= 2 else None


def _up_to_a_province(place: Place) -> bool:
    """A resolved toponym no wider than a province: a town, a district or a province."""
    return (place.lat is not None and place.kind == "toponym"
            and not (place.feature_code or "").startswith(_WIDER_THAN_A_PROVINCE))


def _in_container(
    mention: PlaceMention,
    by_text: dict[str, Place],
    gazetteer: Gazetteer,
    countries: set[str],
    unplaced: set[str],
) -> tuple[Place, str] | None:
    if not mention.qualifier or normalize_toponym(mention.qualifier) in unplaced:
        return None
    place = by_text.get(normalize_toponym(mention.qualifier))
    if place is None:
        entry = _best_named(gazetteer.lookup(mention.qualifier), countries, any_size=True)
        place = _entry_place(entry) if entry is not None else None
    return (place, f"site in {place.name}") if place is not None else None


def _is_country(place: Place) -> bool:
    return (place.feature_code or "").startswith("PCL")


def _is_province(place: Place) -> bool:
    return (place.feature_code or "") in {"ADM1", "ADM2"}


def _lies_within(place: Place | GazetteerEntry, region: Place | GazetteerEntry) -> bool:
    """Whether a place lies in a province (by its first-order code: a county holder is
    checked at its province's level)."""
    return place.country == region.country and place.admin1 == region.admin1


def _in_own_name(
    mention: PlaceMention,
    by_text: dict[str, Place],
    gazetteer: Gazetteer,
    countries: set[str],
    provinces: set[tuple[str, str]],
    within: Place | None = None,
) -> tuple[Place, str] | None:
    """A place named inside the site's name; `within`: only a town of that province, of any
    size (the text says the site lies there). A small town counts only in a province the
    article's places lie in (`provinces`), if they lie in any: a site named after a person
    shares the surname with many small towns ("Millard Fillmore Suburban Hospital" in a report
    from Buffalo is not in Fillmore, California)."""
    for part in _name_parts(mention.span.text):
        place = by_text.get(normalize_toponym(part))
        if place is None:
            entries = gazetteer.lookup(part)
            if within is not None:  # by the town's own name: "Washington" is not Tappahannock
                key = normalize_toponym(part)
                entries = [
                    e for e in entries
                    if e.feature_class == "P" and _lies_within(e, within) and normalize_toponym(e.name) == key
                ]
            else:
                # abroad, by the town's own name: "Kouga Dam" is not in Xincheng, Xinjiang
                entries = [
                    e for e in entries if e.country in countries or not _bears_only_as_alternate(e, part)
                ]
            entry = _best_named(entries, countries, any_size=within is not None)
            if entry is not None and within is None and _is_small_town_elsewhere(entry, provinces):
                entry = None
            place = _entry_place(entry) if entry is not None else None
        if place is not None and (within is None or _lies_within(place, within)):
            return place, f"site named after {place.name}"
    return None


def _is_small_town_elsewhere(entry: GazetteerEntry, provinces: set[tuple[str, str]]) -> bool:
    return (bool(provinces) and entry.feature_class == "P"
            and entry.population < _NAMED_TOWN_ABROAD_MIN_POPULATION
            and (entry.country, entry.admin1) not in provinces)


def _best_named(
    entries: Sequence[GazetteerEntry], countries: set[str], *, any_size: bool
) -> GazetteerEntry | None:
    """A town or division of that name: in the article's countries a division or the biggest
    town, elsewhere a country or a large town. `any_size`: the text itself says the site lies
    there ("X Hospital in Y"), so a town of any size will do."""
    places = [e for e in entries if e.feature_class in {"P", "A"} and e.feature_code not in {"ADMD"}]

    def big(e: GazetteerEntry, floor: int) -> bool:
        return any_size or e.population >= floor

    local = [
        e
        for e in places
        if e.country in countries and (e.feature_class == "A" or big(e, _NAMED_TOWN_MIN_POPULATION))
    ]
    if local:
        # A province stands for its people ("Florida International University" in a story that
        # also names Cuba is in the US state, not the Cuban town), but its namesake seat is
        # nearer to where a site named after it lies ("Idlib National Hospital").
        best = max(local, key=lambda e: (e.population or _typical_population(e), e.feature_class == "A"))
        key = normalize_toponym(best.name)
        seats = [
            e for e in local
            if best.feature_class == "A" and e.feature_class == "P" and _lies_within(e, best)
            and normalize_toponym(e.name) == key
        ]
        return max(seats, key=lambda e: e.population) if seats else best
    abroad = [
        e
        for e in places
        if e.feature_code.startswith("PCL")
        or (e.feature_class == "P" and big(e, _NAMED_TOWN_ABROAD_MIN_POPULATION))
    ]
    return max(abroad, key=lambda e: e.population) if abroad else None


#: Feature codes of places too large to be where a story happens: countries, provinces,
#: continents, world regions, oceans and seas.
_NOT_LOCAL_CODES = ("PCL", "ADM1", "CONT", "RGN", "OCN", "SEA", "GULF")
_WIDER_THAN_A_PROVINCE = tuple(code for code in _NOT_LOCAL_CODES if code != "ADM1")


def main_place(resolved: Sequence[Place]) -> Place | None:
    """The article's most-mentioned place, a town or district before a province or country:
    the story happens somewhere within its country.

    That country is the one whose provinces, towns and districts the article names most, the
    first named among equals (a report from Aleppo "said the London-based Syrian Observatory").
    A country's own name does not count, as it is as often an actor's ("U.S. aid"), unless the
    article names nothing below a country. Its province comes before a town abroad; a town is
    counted with the mentions of the province that bears its name; the first mentioned place
    wins among equals."""
    if not resolved:
        return None
    local = [p for p in resolved if not (p.feature_code or "").startswith(_NOT_LOCAL_CODES)]
    inland = [p for p in resolved if p.country and not (p.feature_code or "").startswith("PCL")]
    countries = Counter(p.country for p in inland) or Counter(p.country for p in resolved if p.country)
    setting = countries.most_common(1)[0][0] if countries else None
    pool = ([p for p in local if p.country == setting] or [p for p in inland if p.country == setting]
            or local or list(resolved))
    counts = Counter(p.geonameid for p in pool)
    # A province's name counts for its namesake seat: "Idlib province" and "Idlib" set a report
    # in one place (a province in the pool has its own count already).
    provinces = Counter(_seat_key(p) for p in resolved if p.feature_code == "ADM1")

    def mentions(place: Place) -> int:
        return counts[place.geonameid] + (provinces[_seat_key(place)] if place.feature_code != "ADM1" else 0)

    return max(pool, key=mentions)  # max keeps the first of the equals


def _seat_key(place: Place) -> tuple[str | None, str | None, str]:
    """A province and its namesake seat share this key: country, province and the name written."""
    return place.country, place.admin1, normalize_toponym(place.text)


def _entry_place(entry: GazetteerEntry) -> Place:
    return Place(
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country or None,
        admin1=entry.admin1 or None,
        precision=3 if entry.feature_class == "A" else 2,
        text=entry.name,
        feature_code=entry.feature_code,
    )


def _as_site(
    mention: PlaceMention,
    unresolved: Place,
    at: Place,
    reason: str,
    *,
    coarse: bool,
    basis: Literal["text", "setting"],
) -> Place:
    return replace(
        at,
        text=unresolved.text,
        span=unresolved.span,
        precision=max(at.precision, 3 if coarse else 2),
        score=round(min(at.score or 0.5, 0.5), 3),
        reason=f"{reason} ({mention.span.text}: {unresolved.reason})",
        kind="toponym",
        basis=basis,
    )
