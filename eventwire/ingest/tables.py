"""CSV and TSV tables: one article per row, the text in one column.

The header row is recognised when it names a text column (`TEXT_COLUMN_NAMES`, or the column
the user passed as ``--text-column``) or when `csv.Sniffer` judges it a header; the other columns
named ``id``, ``title``, ``date``/``published``, ``url`` and ``source`` fill the same fields as in
JSONL (a row's own id stays its article id). Without a header, ``--text-column`` may be a column
number (1 = the first); else the text is the column whose cells are longest on average in the
first rows. Failures are sourced ``path:LINE``, the line the row starts on (cells may hold
line breaks).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import Any, Literal

from eventwire.errors import InputError, RecordFormatError
from eventwire.ingest.checks import TextChecks, normalise_date, normalise_newlines, to_failure
from eventwire.ingest.detect import TEXT_COLUMN_NAMES
from eventwire.records import Article, Failure, make_id

__all__ = ["iter_table"]

_DATE_COLUMNS = ("date", "published", "published_at", "pubdate")
_SAMPLE_ROWS = 20


def iter_table(
    text: str,
    source: str,
    checks: TextChecks,
    kind: Literal["csv", "tsv"],
    *,
    text_column: str | None = None,
    published: str | None = None,
) -> Iterator[Article | Failure]:
    """Articles and per-row Failures from a decoded table; raises `InputError` for the whole."""
    # csv's default cell limit (128 KiB) is below max_chars; the limit is process-wide, so it
    # is only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), checks.max_chars * 2))
    delimiter = "\t" if kind == "tsv" else ","
    reader = csv.reader(io.StringIO(normalise_newlines(text)), delimiter=delimiter)
    rows = _rows(reader)
    try:
        first_line, first = next(rows)
    except StopIteration:
        raise RecordFormatError(f"the {kind.upper()} file has no rows") from None
    header = [cell.strip().lower() for cell in first]
    has_header = _is_header(header, text, delimiter, text_column)
    buffered: list[tuple[int, list[str]]] = [] if has_header else [(first_line, first)]
    if has_header:
        names = header
        index = _named_column(names, text_column)
    else:
        names = []
        buffered += list(itertools.islice(rows, _SAMPLE_ROWS))
        index = _numbered_column(text_column, len(first)) if text_column else _longest(buffered)
    for line, row in itertools.chain(buffered, rows):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}:{line}"
        try:
            yield _row_article(row, names, index, where, checks, published)
        except InputError as exc:
            yield to_failure(where, exc)


def _rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RecordFormatError(f"the table cannot be read at line {reader.line_num}: {exc}") from exc
        yield start, row
        start = reader.line_num + 1


def _is_header(header: list[str], text: str, delimiter: str, text_column: str | None) -> bool:
    if text_column and not text_column.isdigit():
        return True  # a column named by the user needs a header to be named in
    if set(TEXT_COLUMN_NAMES) & set(header):
        return True
    try:
        return csv.Sniffer().has_header(text[:8192])
    except csv.Error:
        return False


def _named_column(names: list[str], text_column: str | None) -> int:
    if text_column and not text_column.isdigit():
        if text_column.lower() not in names:
            raise RecordFormatError(
                f"the table has no column {text_column!r} (its columns: {', '.join(names)}); "
                f"pass one of them as --text-column"
            )
        return names.index(text_column.lower())
    if text_column:
        return _numbered_column(text_column, len(names))
    for name in TEXT_COLUMN_NAMES:
        if name in names:
            return names.index(name)
    raise RecordFormatError(
        f"no text column found among {', '.join(names)}; name it with --text-column"
    )


def _numbered_column(text_column: str, width: int) -> int:
    if not text_column.isdigit() or not 1 <= int(text_column) <= width:
        raise RecordFormatError(
            f"--text-column {text_column} is not a column of this header-less table: use a "
            f"number from 1 to {width}"
        )
    return int(text_column) - 1


def _longest(rows: list[tuple[int, list[str]]]) -> int:
    width = max(len(row) for _, row in rows)
    totals = [sum(len(row[i]) for _, row in rows if i < len(row)) for i in range(width)]
    return max(range(width), key=lambda i: totals[i])


def _row_article(
    row: list[str],
    names: list[str],
    index: int,
    where: str,
    checks: TextChecks,
    published: str | None,
) -> Article:
    if index >= len(row):
        raise RecordFormatError(
            f"the row has {len(row)} cells, so no text in column {index + 1}; check the quoting"
        )
    cells = {name: row[i].strip() for i, name in enumerate(names) if i < len(row) and i != index}
    text = checks.prepare(row[index])
    date = next((cells[c] for c in _DATE_COLUMNS if cells.get(c)), None)
    return Article(
        id=cells.get("id") or make_id(text, prefix="a-"),
        text=text,
        title=cells.get("title") or None,
        published=_readable_date(date) or published,
        url=cells.get("url") or None,
        source=cells.get("source") or where,
    )


def _readable_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalise_date(value)
    except ValueError:
        return None
