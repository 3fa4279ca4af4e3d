"""The exporter interface: a named writer of one file format, and the units it can write.

An exporter's `write(rows, stream, unit)` reads the rows once, in order, writes them to a
binary stream and returns how many records it wrote; it never holds the whole export in memory.
The unit says what one record is: every format writes one record per `"event"` ((Article,
Event) rows), and ACLED, GeoJSON, CSV and Parquet also one per `"incident"` (`Incident` rows,
events merged across articles), without a second set of format names: `by_unit` picks the
writer of the unit asked for.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

from eventwire.errors import ExportError
from eventwire.records import Article, Event

__all__ = ["UNITS", "Exporter", "Row", "WriteFunction", "by_unit", "text_stream"]

#: Every unit an export can be made of; formats declare the ones they support.
UNITS: tuple[str, ...] = ("event", "incident")

Row = tuple[Article, Event]
#: Writes rows of a unit ((Article, Event) pairs for "event", `Incident`s for "incident").
WriteFunction = Callable[[Iterable[Any], BinaryIO, str], int]


@dataclass(frozen=True, slots=True)
class Exporter:
    """One output format: its name, what it is, how to write it and which units it supports."""

    name: str
    description: str
    write: WriteFunction
    suffix: str  # the usual file name suffix, for help texts and default output names
    units: tuple[str, ...] = ("event",)


def by_unit(**writers: WriteFunction) -> WriteFunction:
    """One write function that hands each unit's rows to that unit's writer (`event=...`,
    `incident=...`); declare the same units on the `Exporter`."""

    def write(rows: Iterable[Any], stream: BinaryIO, unit: str) -> int:
        writer = writers.get(unit)
        if writer is None:
            raise ExportError(f"no writer for unit {unit!r}; this format writes: {', '.join(writers)}")
        return writer(rows, stream, unit)

    return write


@contextmanager
def text_stream(stream: BinaryIO) -> Iterator[TextIO]:
    """A UTF-8 text view of a binary stream that leaves the stream open when done.

    Newlines are written as given (`newline=""`): the csv module writes its own line ends, and
    every other format writes "\\n".
    """
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)
    try:
        yield text
        text.flush()
    finally:
        text.detach()
