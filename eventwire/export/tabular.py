"""Flat tables of events: `csv` (RFC 4180, UTF-8) and `parquet` (typed columns, via pyarrow).

Both write `columns.FLAT_COLUMNS`, one row per event. CSV quotes a cell only when it must (a
comma, quote or line break inside), so evidence text with newlines survives a round trip
through any CSV reader. Parquet is written in row groups of `PARQUET_BATCH` events with
pyarrow's ParquetWriter, so memory stays bounded; pyarrow is imported only here, when a
Parquet export is asked for.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, BinaryIO

from eventwire.errors import ExportError
from eventwire.export.columns import FLAT_COLUMNS, Column, flat_row
from eventwire.export.exporter import Row, text_stream

__all__ = ["PARQUET_BATCH", "write_csv", "write_csv_table", "write_parquet", "write_parquet_table"]

#: Events per Parquet row group: large enough for good compression, small enough to stream.
PARQUET_BATCH = 10_000


def write_csv(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    return write_csv_table((flat_row(article, event) for article, event in rows), FLAT_COLUMNS, stream)


def write_parquet(rows: Iterable[Row], stream: BinaryIO, unit: str = "event") -> int:
    return write_parquet_table((flat_row(article, event) for article, event in rows), FLAT_COLUMNS, stream)


def write_csv_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[Column], stream: BinaryIO) -> int:
    """Write a header of `columns` and a line of cells (keyed by column name) per row."""
    names = [column.name for column in columns]
    count = 0
    with text_stream(stream) as text:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(names)
        for cells in rows:
            writer.writerow(["" if cells[name] is None else cells[name] for name in names])
            count += 1
    return count


def write_parquet_table(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[Column], stream: BinaryIO
) -> int:
    """Write the rows as Parquet, `columns` typed, in row groups of `PARQUET_BATCH`."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise ExportError("Parquet export needs pyarrow: pip install pyarrow==26.0.1") from exc

    kinds = {"string": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([pa.field(column.name, kinds[column.type]) for column in columns])
    count = 0
    batch: list[Mapping[str, Any]] = []
    with pq.ParquetWriter(stream, schema) as writer:
        for cells in rows:
            batch.append(cells)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch.clear()
        if batch:  # with no rows at all, closing the writer still leaves a file with the schema
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
