"""JSON Lines input: one article object a line, ``{id, title, date, url, text}``.

``published`` is accepted as a synonym of ``date``; a ``source`` (the outlet) becomes
`Article.source`, else the source is ``path:LINENO``; other keys are ignored. A line that cannot
become an article is one `Failure` (source ``path:LINENO``, 1-based, blank lines counted) and
the rest of the file goes on. Only a file that is unreadable or binary as a whole fails as one.

A date that cannot be read ("Wed Nov 23", "2018-13-45", "yesterday", "12/01/2018", a number)
does not refuse the article: the text is the data and the date only anchors relative dates. The
article is kept with no date and a warning is logged. The caller's `published` override is not
used for it: it fills in dates a record does not give, and putting it in place of a date the
record does give (but garbled) would claim a day the record never said. 50 of the 3,515 lines of
the dev corpus have such dates.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from itertools import count
from typing import Any

from eventwire.errors import InputError, InputTooLargeError, MissingInputError, RecordFormatError
from eventwire.ingest.checks import (
    PrependedStream,
    Readable,
    TextChecks,
    check_binary_bytes,
    decode_bytes,
    normalise_date,
    normalise_newlines,
    to_failure,
)
from eventwire.records import Article, Failure, make_id

__all__ = ["SNIFF_BYTES", "iter_jsonl", "max_line_bytes", "read_jsonl_file"]

log = logging.getLogger(__name__)

#: How much of the start of a file is sniffed for binary content.
SNIFF_BYTES = 8192

# The longest a line holding a `max_chars` text can be: JSON may escape every character as a
# \uXXXX surrogate pair (12 bytes), plus room for the id, title, url and date.
_ESCAPED_BYTES_PER_CHAR = 12
_OTHER_FIELDS_BYTES = 64 * 1024
_SKIP_CHUNK = 1024 * 1024


def max_line_bytes(max_chars: int) -> int:
    """Lines longer than this are refused without being held in memory."""
    return max_chars * _ESCAPED_BYTES_PER_CHAR + _OTHER_FIELDS_BYTES


def read_jsonl_file(
    path: str, checks: TextChecks, *, published: str | None = None, encoding: str = "utf-8"
) -> Iterator[Article | Failure]:
    """Articles and per-line Failures from a JSONL file; raises `InputError` for the whole file."""
    try:
        stream = open(path, "rb")  # closed by the `with` below; only opening errors caught here
    except FileNotFoundError as exc:
        raise MissingInputError(f"no such file: {path}; check the path") from exc
    except IsADirectoryError as exc:
        raise MissingInputError(
            f"{path} is a directory, not a file; pass the files in it instead "
            f"(e.g. {path}/*.jsonl)"
        ) from exc
    except OSError as exc:
        raise MissingInputError(f"cannot open {path}: {exc.strerror or exc}") from exc
    with stream:
        yield from iter_jsonl(stream, path, checks, published=published, encoding=encoding)


def iter_jsonl(
    stream: Readable,
    source: str,
    checks: TextChecks,
    *,
    published: str | None = None,
    encoding: str = "utf-8",
) -> Iterator[Article | Failure]:
    """Articles and per-line Failures from a JSONL stream, in input order.

    Raises `BinaryInputError` (before yielding anything) when the stream starts like a binary
    file: one Failure for a renamed PNG is more useful than one per "line" of it.
    """
    head = stream.read(SNIFF_BYTES)
    check_binary_bytes(head, encoding=encoding)
    lines = PrependedStream(head, stream)
    limit = max_line_bytes(checks.max_chars)
    offset = 0
    for lineno in count(1):
        raw = lines.readline(limit + 1)
        if not raw:
            return
        where = f"{source}:{lineno}"
        start, offset = offset, offset + len(raw)
        if len(raw) > limit and not raw.endswith(b"\n"):
            offset += _skip_line(lines)
            message = f"the line is longer than {limit:,} bytes, the most a text of "
            message += f"{checks.max_chars:,} characters can take; split the article, or "
            message += "raise max_chars in the [ingest] section of the config file"
            yield to_failure(where, InputTooLargeError(message))
            continue
        if not raw.strip():
            continue  # blank lines (a trailing one, or spacing) are not records
        yield _line_to_article(raw, where, start, checks, published=published, encoding=encoding)


def _skip_line(lines: Readable) -> int:
    """Read and drop the rest of an over-long line, a chunk at a time; returns the bytes read."""
    skipped = 0
    while chunk := lines.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _line_to_article(
    raw: bytes,
    where: str,
    offset: int,
    checks: TextChecks,
    *,
    published: str | None,
    encoding: str,
) -> Article | Failure:
    article_id: str | None = None
    try:
        check_binary_bytes(raw, encoding=encoding)
        record = _parse_object(decode_bytes(raw, encoding=encoding, offset=offset))
        text = record.get("text")
        if not isinstance(text, str):
            found = "missing" if text is None else f"a {_json_type(text)}, not a string"
            raise RecordFormatError(
                f"the 'text' field is {found}; each line needs the article text as a string"
            )
        # Known before the text checks, so that a refused article can still be traced.
        article_id = _optional_id(record) or make_id(normalise_newlines(text), prefix="a-")
        prepared = checks.prepare(text)
        date_key = "date" if _given(record.get("date")) else "published"
        if _given(record.get(date_key)):
            record_date = _readable_date(record[date_key], date_key, where, article_id)
        else:
            record_date = published  # no date in the record: the caller's fills it in
        return Article(
            id=article_id,
            text=prepared,
            title=_optional_str(record, "title"),
            published=record_date,
            url=_optional_str(record, "url"),
            source=_optional_str(record, "source") or where,
        )
    except InputError as exc:
        return to_failure(where, exc, article_id)


def _parse_object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordFormatError(
            f"the line is not valid JSON ({exc.msg} at column {exc.colno}); each line must be "
            f"one JSON object"
        ) from exc
    if not isinstance(value, dict):
        raise RecordFormatError(
            f"the line is a JSON {_json_type(value)}, not an object; each line must be one "
            f'object like {{"id": ..., "title": ..., "date": ..., "url": ..., "text": ...}}'
        )
    return value


def _optional_id(record: dict[str, Any]) -> str | None:
    """The record's own id as a string; None (absent, null, "") means derive one from the text."""
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordFormatError(
            f"the 'id' field is a {_json_type(value)}; use a string or an integer, or leave it "
            f"out to derive the id from the text"
        )
    return str(value)


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    """A string field; surrounding white space is dropped and "" counts as absent."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordFormatError(f"the {key!r} field is a {_json_type(value)}, not a string")
    return value.strip() or None


def _given(value: object) -> bool:
    """Whether a field holds something: null, "" and white space count as absent."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _readable_date(value: object, key: str, where: str, article_id: str) -> str | None:
    """The record's date as YYYY-MM-DD, or None (with a warning) when unreadable: see module doc."""
    if isinstance(value, str):
        try:
            return normalise_date(value)
        except ValueError as exc:
            reason = str(exc)
    else:
        reason = f"a {_json_type(value)}, not a string"
    log.warning(
        "%s: article %r has %r=%r, which is not a date (%s); the article is kept without it",
        where, article_id, key, value, reason,
    )  # fmt: skip
    return None


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for messages ("array", not "list")."""
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array",
             dict: "object", type(None): "null"}
    return names.get(type(value), type(value).__name__)
