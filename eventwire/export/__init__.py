"""Exports users load into the tools they already have: ACLED, GDELT, PLOVER, GeoJSON, tables.

    >>> from eventwire.export import export
    >>> export(store_rows, "acled", "events.csv")     # (Article, Event) pairs; returns rows written
    42
    >>> export(store.iter_incidents(), "acled", "incidents.csv", unit="incident")
    17

`FORMATS` names every format; each `Exporter` streams its rows (Parquet batches row groups),
so an export of 100k events does not hold them in memory. `unit` says what one output record
is: "event" ((Article, Event) rows), or "incident" (`Incident` rows: events merged across
articles, in acled, geojson, csv and parquet); asking for a unit a format does not support
raises `ExportError`, as does an unknown format or an output that cannot be written. A file
output is written to a temporary file beside it and moved into place when complete, so a failed
export never leaves half a file under the asked-for name.

One module per format family: `acled`, `gdelt` (events and mentions), `plover`, `geojson`,
`tabular` (csv, parquet), `incidents` (the incident unit of acled, geojson, csv and parquet);
`columns` holds the flat columns and helpers they share.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

from eventwire.errors import ExportError
from eventwire.export.acled import ACLED_COLUMNS, write_acled
from eventwire.export.columns import FLAT_COLUMNS, Column
from eventwire.export.exporter import UNITS, Exporter, Row, by_unit
from eventwire.export.gdelt import (
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    write_gdelt_events,
    write_gdelt_mentions,
)
from eventwire.export.geojson import write_geojson
from eventwire.export.incidents import (
    INCIDENT_COLUMNS,
    write_acled_incidents,
    write_csv_incidents,
    write_geojson_incidents,
    write_parquet_incidents,
)
from eventwire.export.plover import write_plover
from eventwire.export.tabular import write_csv, write_parquet
from eventwire.records import Incident

__all__ = [
    "ACLED_COLUMNS",
    "FLAT_COLUMNS",
    "FORMATS",
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "INCIDENT_COLUMNS",
    "UNITS",
    "Column",
    "Exporter",
    "export",
]

_BOTH = ("event", "incident")
_EXPORTERS = (
    Exporter(
        "acled",
        "ACLED API CSV: 31 columns, ACLED's coding conventions",
        by_unit(event=write_acled, incident=write_acled_incidents),
        ".csv",
        _BOTH,
    ),
    Exporter("gdelt", "GDELT 2.0 Events: 61 tab-separated columns, no header", write_gdelt_events, ".tsv"),
    Exporter("gdelt-mentions", "GDELT 2.0 Mentions: 16 tab-separated columns", write_gdelt_mentions, ".tsv"),
    Exporter("plover", "PLOVER 2.0 JSON records, one a line", write_plover, ".jsonl"),
    Exporter(
        "geojson",
        "GeoJSON FeatureCollection, event (or incident) fields as properties",
        by_unit(event=write_geojson, incident=write_geojson_incidents),
        ".geojson",
        _BOTH,
    ),
    Exporter(
        "parquet",
        "Parquet, the flat columns typed",
        by_unit(event=write_parquet, incident=write_parquet_incidents),
        ".parquet",
        _BOTH,
    ),
    Exporter(
        "csv",
        "CSV, the flat columns, one row per event (or incident)",
        by_unit(event=write_csv, incident=write_csv_incidents),
        ".csv",
        _BOTH,
    ),
)

#: Every export format by name.
FORMATS: Mapping[str, Exporter] = MappingProxyType({exporter.name: exporter for exporter in _EXPORTERS})


def export(
    rows: Iterable[Row] | Iterable[Incident],
    format: str,
    output: str | os.PathLike[str] | BinaryIO,
    *,
    unit: str = "event",
) -> int:
    """Write `rows` as `format` to `output`; the number of records written.

    The rows are (Article, Event) pairs for `unit="event"` (`Store.iter_events`) and `Incident`
    records for `unit="incident"` (`Store.iter_incidents`). `output` is a path ("-" for standard
    output) or a binary stream, which is left open. The ACLED export leaves out events (and
    incidents) ACLED does not code and the GDELT Mentions export writes one record per passage,
    so the count can differ from the number of rows.
    """
    exporter = FORMATS.get(format)
    if exporter is None:
        raise ExportError(f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    if unit not in UNITS:
        raise ExportError(f"unknown export unit {unit!r}; units are: {', '.join(UNITS)}")
    if unit not in exporter.units:
        raise ExportError(
            f"the {format} export cannot write unit {unit!r} yet; it writes: {', '.join(exporter.units)}"
        )
    if isinstance(output, str | os.PathLike):
        if str(output) == "-":
            return _write(exporter, rows, sys.stdout.buffer, unit)
        return _write_file(exporter, rows, Path(output), unit)
    if isinstance(output, io.TextIOBase):
        buffer = getattr(output, "buffer", None)
        if buffer is None:
            raise ExportError("export needs a binary stream (open the file with 'wb')")
        output.flush()
        return _write(exporter, rows, buffer, unit)
    return _write(exporter, rows, output, unit)


def _write(exporter: Exporter, rows: Iterable[Any], stream: BinaryIO, unit: str) -> int:
    try:
        count = exporter.write(rows, stream, unit)
        stream.flush()
    except OSError as exc:
        raise ExportError(f"cannot write the {exporter.name} export: {exc}") from exc
    return count


def _write_file(exporter: Exporter, rows: Iterable[Any], path: Path, unit: str) -> int:
    path = path.expanduser()
    if path.is_dir():
        example = path / f"events{exporter.suffix}"
        raise ExportError(f"{path} is a directory; give a file name such as {example}")
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as stream:
            count = _write(exporter, rows, stream, unit)
        os.replace(partial, path)
    except OSError as exc:
        reason = exc.strerror or exc
        raise ExportError(f"cannot write {path}: {reason}; check the folder exists and is writable") from exc
    finally:
        partial.unlink(missing_ok=True)
    return count
