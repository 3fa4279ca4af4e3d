"""Places files: the curated ``eventwire/data/places.csv`` and a user's CSV or JSONL file."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.errors import ResourceError

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
    ("ESTY", "H"),
    ("PLN", "T"),
    ("GLCR", "H"),
    ("PEN", "T"),
    ("DSRT", "T"),
    ("DLTA", "T"),
    ("CPE", "T"),
    ("PLAT", "T"),
    ("RF", "H"),
    ("PRK", "L"),
    ("RESN", "L"),
)


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
