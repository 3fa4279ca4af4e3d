"""Airports, air bases and heliports from airportsdata."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from eventwire.resolve.gazetteer.draft import _Index
from eventwire.resolve.gazetteer.geometry import distance_km
from eventwire.resolve.gazetteer.names import _keys, normalize_toponym
from eventwire.resolve.gazetteer.places_file import _derived_id
from eventwire.resolve.gazetteer.protocol import GazetteerEntry

# Words that mark a name as an airfield's; a name without one gets " Airport" added, so that a
# bare town name ("Kabwum") never becomes an airport's key.
_AIRFIELD_WORD = re.compile(
    r"\b(?:airport|airfield|airstrip|aerodrome|air ?base|airpark|air station|heliport|field|"
    r"strip|base|intl|international|raf)\b",
    re.IGNORECASE,
)
#: Words that do not name one airfield: what is left of "Kabul International Airport" without its
#: town says nothing of which airport it is.
_GENERIC_AIRFIELD_WORD = re.compile(
    r"(?:airport|airfield|airstrip|aerodrome|air|base|airpark|station|heliport|field|strip|intl|"
    r"international|regional|municipal|county|metropolitan|executive|national|domestic|city|"
    r"downtown|new|old|de|del|la|le|of|the)",
    re.IGNORECASE,
)
#: What is left of an airport's name that names no airport alone ("Pakistan's Tarbela Dam
#: Airport" is no "Dam"; "Ohio State University Airport" no "State").
_NOT_ALONE = frozenset(
    "state area army park north south east west camp metro union lakes lake hole town basin naval "
    "bay dam island valley river creek harbour harbor beach point springs falls memorial centre "
    "center love ohio".split()
)
#: "Ben Gurion International Airport" is "Ben Gurion Airport" in the news.
_INTERNATIONAL = re.compile(r"\s+(?:international|intl\.?)\s+(?=airport\b)", re.IGNORECASE)
_MILITARY_AIRFIELD = re.compile(
    r"\b(?:air ?base|air force|afb|air station|naval air|army air|army heliport|military|raf|"
    r"nas|jrb|ab)\b",
    re.IGNORECASE,
)


#: Curated feature codes of airfields: an airport within 3 km of one is the same airfield.
_AIRFIELD_CODES = frozenset({"AIRB", "AIRP", "AIRH", "MILB"})
#: A bare name that is a city this big of the airport's own country, lying farther away than
#: this, names the other city the airport serves ("Manchester Boston", "Melbourne Orlando"),
#: not the airport. A place of the name (own or alternate) within that distance is what the
#: airport is named after ("Pudong"); small or foreign namesakes take nothing ("Midway",
#: "Changi" beside China's Changyi).
_OTHER_CITY_PEOPLE = 100_000
_OWN_TOWN_KM = 50.0


def _add_airports(
    index: _Index, iso3: Mapping[str, str], admin1_by_key: Mapping[tuple[str, str], str]
) -> None:
    """Airports and air bases from airportsdata, under their name and ICAO code.

    A name that begins with its town's is also a key without it: the news writes "Heathrow
    Airport" and "O'Hare International Airport" (airportsdata: "London Heathrow Airport"),
    unless what is left is generic ("International Airport"); and "International" may be left
    out before "Airport" ("Ben Gurion Airport"). An airport with scheduled service (an IATA
    code) is also known by that rest alone ("flights at Heathrow", "landed at Schiphol"); the
    ranking weighs it against a town of the name, as for any namesake. An airfield with an IATA code
    has scheduled passenger service and is an airport (``AIRP``); one without is GeoNames'
    airfield (``AIRF``), so that a private strip called "Heathrow Airport" in Texas ranks
    below London's.

    An airfield whose name is already a key of a curated or user entry within 5 km (the
    curated Hmeymim Air Base is also "Bassel al-Assad International Airport"), or that lies
    within 3 km of a curated airfield (airportsdata's "Mezze Airport" is the curated Mezzeh
    Military Airport), is that entry: it only adds its names and ICAO code there. ICAO codes
    that are already a place's key are skipped.
    """
    import airportsdata

    nearby_sites: dict[str, list[GazetteerEntry]] = {}
    for geonameid, keys in index.names.items():
        if geonameid < 0:
            for key in keys:
                nearby_sites.setdefault(key, []).append(index.places[geonameid])
    taken = {key for keys in index.names.values() for key in keys}
    airfields = [e for gid, e in index.places.items() if gid < 0 and e.feature_code in _AIRFIELD_CODES]
    towns: dict[str, list[GazetteerEntry]] = {}  # every populated place, under each of its keys
    for geonameid, e in index.places.items():
        if e.feature_class == "P":
            for key in index.names.get(geonameid, ()):
                towns.setdefault(key, []).append(e)

    for icao, airport in airportsdata.load("ICAO").items():
        country3 = iso3.get(airport["country"])
        name = airport["name"].strip()
        if country3 is None or not name:
            continue
        lat, lon = float(airport["lat"]), float(airport["lon"])
        label = name if _AIRFIELD_WORD.search(name) else f"{name} Airport"
        names = [label, re.sub(r"\s*\([^)]*\)", "", label), *_without_town(label, airport["city"])]
        if airport["iata"].strip() and not _MILITARY_AIRFIELD.search(name):
            names += [
                bare for bare in _bare_names(names[2:])
                if not _names_another_city(towns, normalize_toponym(bare), country3, lat, lon)
            ]
        keys = _keys([*names, *(_INTERNATIONAL.sub(" ", n) for n in names)])
        # Only codes that normalising leaves alone: "UKKK" would become "uk".
        code = icao.lower()
        code_keys = {code} - taken if icao.isalpha() and normalize_toponym(icao) == code else set()
        same = next(
            (
                e
                for key in keys
                for e in nearby_sites.get(key, ())
                if distance_km(e.lat, e.lon, lat, lon) <= 5
            ),
            None,
        ) or next(
            (e for e in airfields if abs(e.lat - lat) < 0.03 and distance_km(e.lat, e.lon, lat, lon) <= 3),
            None,
        )
        if same is not None:
            index.names[same.geonameid].update(keys | code_keys)
            continue
        if "heliport" in name.casefold():
            code = "AIRH"
        elif _MILITARY_AIRFIELD.search(name):
            code = "AIRB"
        elif airport["iata"].strip():
            code = "AIRP"
        else:
            code = "AIRF"
        index.add(
            GazetteerEntry(
                geonameid=_derived_id(f"{icao} {name}", country3, lat, lon),
                name=label,
                lat=lat,
                lon=lon,
                country=country3,
                admin1=admin1_by_key.get((country3, normalize_toponym(airport["subd"])), airport["subd"]),
                feature_class="S",
                feature_code=code,
                population=0,
            ),
            "airportsdata",
            keys | code_keys,
        )


def _names_another_city(
    towns: Mapping[str, Sequence[GazetteerEntry]], key: str, country: str, lat: float, lon: float
) -> bool:
    """Whether a bare name (`key`) is the own name of a big city of the airport's country that
    lies far from it (at lat, lon), and no place near the airport bears the name; `towns`: the
    populated places by each of their keys."""
    bearers = towns.get(key, ())
    if any(distance_km(t.lat, t.lon, lat, lon) <= _OWN_TOWN_KM for t in bearers):
        return False
    return any(
        t.country == country and t.population >= _OTHER_CITY_PEOPLE and normalize_toponym(t.name) == key
        for t in bearers
    )


def _bare_names(rests: list[str]) -> list[str]:
    """ "Heathrow Airport" and "Airport Schiphol" without their generic words at either end."""
    bare = []
    for rest in rests:
        words = rest.split()
        while words and _GENERIC_AIRFIELD_WORD.fullmatch(words[0].strip(",-")):
            words.pop(0)
        while words and _GENERIC_AIRFIELD_WORD.fullmatch(words[-1].strip(",-")):
            words.pop()
        name = " ".join(words)
        if (
            words
            and len(words) < len(rest.split())
            and len(name) >= 4
            and name[:1].isupper()
            and not name.isupper()  # "SAAB", "GAP": an operator's or a project's initials
            and name.casefold() not in _NOT_ALONE
        ):
            bare.append(name)
    return bare


def _without_town(name: str, town: str) -> list[str]:
    """The airport's name without the town it begins with, when what is left names it."""
    town = town.strip()
    if not town or not name.casefold().startswith(town.casefold() + " "):
        return []
    rest = name[len(town) + 1 :].strip(" -,")
    if all(_GENERIC_AIRFIELD_WORD.fullmatch(word) for word in re.findall(r"[\w']+", rest)):
        return []
    return [rest]
