"""The cached index: where it lives, when it is rebuilt, building it safely, what it holds."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from eventwire.config import GazetteerConfig
from eventwire.errors import ResourceError
from eventwire.resolve.gazetteer.build import _write_index
from eventwire.resolve.gazetteer.geonames import _imported_revision, imported_places_path
from eventwire.resolve.gazetteer.sources import (
    _BUNDLED_FILES,
    _SOURCE_PACKAGES,
    _bundled_bytes,
    _package_version,
    _read_user_bytes,
)
from eventwire.resolve.gazetteer.sqlite import SCHEMA_VERSION, SQLiteGazetteer


def gazetteer_index_path(config: GazetteerConfig) -> Path:
    """Where `load_gazetteer` keeps the index for this configuration."""
    return config.cache_path() / f"gazetteer-{SCHEMA_VERSION}.sqlite"


def load_gazetteer(config: GazetteerConfig | None = None) -> SQLiteGazetteer:
    """Open the cached SQLite gazetteer, building it first when missing or out of date.

    The index is rebuilt when the schema version, a source package's version, a bundled data
    file (places.csv, country_points.csv, division_points.csv), the user places file (path or content) or the
    imported GeoNames places change. The first build takes about half a minute; later calls
    only open the file.
    """
    return SQLiteGazetteer.open(build_index(config))


def build_index(config: GazetteerConfig | None = None, *, force: bool = False) -> Path:
    """Build the index for this configuration when it is missing or out of date (see
    `load_gazetteer`), or always with `force`; return its path.

    `load_gazetteer` does this on first use; calling it ahead (``eventwire gazetteer build``)
    keeps the half-minute build out of the first run.
    """
    config = config or GazetteerConfig()
    path = gazetteer_index_path(config)
    user = Path(config.user_places).expanduser() if config.user_places else None
    imported = imported_places_path(config)
    imported_or_none = imported if imported.exists() else None
    if force or _fingerprint(user, imported_or_none) != _stored_fingerprint(path):
        build_gazetteer_index(path, user_places=user, imported_places=imported_or_none)
    return path


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


def _fingerprint(user: Path | None, imported: Path | None = None) -> str:
    digest = hashlib.sha256()
    digest.update(f"{SCHEMA_VERSION}\x1f".encode())
    for package in _SOURCE_PACKAGES:
        digest.update(f"{package}={_package_version(package)}\x1f".encode())
    for name in _BUNDLED_FILES:
        digest.update(_bundled_bytes(name))
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
