"""Places imported from GeoNames dump files: the import store, and merging it into an index."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from eventwire.config import GazetteerConfig
from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer.draft import _Index
from eventwire.resolve.gazetteer.names import _geonames_alternates, _keys
from eventwire.resolve.gazetteer.protocol import GazetteerEntry

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


def imported_places_path(config: GazetteerConfig) -> Path:
    """Where `import_geonames` keeps imported GeoNames places (merged into every index build)."""
    return config.cache_path() / "geonames-import.sqlite"


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
