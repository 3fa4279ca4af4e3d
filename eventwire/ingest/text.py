"""Plain-text input: one file (or stdin) is one article.

`Article.text` is the whole input after the shared normalisation (BOM dropped, line endings made
``\\n``, see `checks`); a title line, when there is one, stays inside it so that offsets index
the full text, and is also copied to `Article.title`.
"""

from __future__ import annotations

import os

from eventwire.errors import InputTooLargeError, MissingInputError
from eventwire.ingest.checks import (
    BYTES_PER_CHAR_MAX,
    Readable,
    TextChecks,
    check_binary_bytes,
    decode_bytes,
    too_large_message,
)
from eventwire.records import Article, make_id

__all__ = ["MAX_TITLE_CHARS", "article_from_bytes", "find_title", "read_limited", "read_text_file"]

#: A first line at least this long is a paragraph, not a headline.
MAX_TITLE_CHARS = 200


def read_text_file(
    path: str, checks: TextChecks, *, published: str | None = None, encoding: str = "utf-8"
) -> Article:
    """Read one plain-text file as an article; raises an `InputError` when it cannot."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            # A regular file's size is known up front: refuse a huge one without reading it.
            if size > checks.max_chars * BYTES_PER_CHAR_MAX:
                raise InputTooLargeError(too_large_message(f"{size:,} bytes", checks.max_chars))
            data = read_limited(stream, checks.max_chars)
    except FileNotFoundError as exc:
        raise MissingInputError(f"no such file: {path}; check the path") from exc
    except IsADirectoryError as exc:
        raise MissingInputError(
            f"{path} is a directory, not a file; pass the files in it instead (e.g. {path}/*.txt)"
        ) from exc
    except OSError as exc:  # permissions, broken links, devices that cannot be read
        raise MissingInputError(f"cannot open {path}: {exc.strerror or exc}") from exc
    return article_from_bytes(data, path, checks, published=published, encoding=encoding)


def read_limited(stream: Readable, max_chars: int) -> bytes:
    """Read at most one byte more than `max_chars` characters can take, then stop.

    Raises InputTooLargeError when the input is longer, so a 20 MB stream costs 4 MB of reading
    (at the default limit) and is never held in memory twice.
    """
    limit = max_chars * BYTES_PER_CHAR_MAX
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(too_large_message(f"more than {limit:,} bytes", max_chars))
    return data


def article_from_bytes(
    data: bytes,
    source: str,
    checks: TextChecks,
    *,
    published: str | None = None,
    encoding: str = "utf-8",
) -> Article:
    """Check, decode and normalise one plain-text input; `published` must already be ISO."""
    check_binary_bytes(data, encoding=encoding)
    text = checks.prepare(decode_bytes(data, encoding=encoding))
    return Article(
        # The id hashes the normalised text only, so rereading (or re-encoding, or CRLF vs LF)
        # the same report gives the same id and storing it again is harmless.
        id=make_id(text, prefix="a-"),
        text=text,
        title=find_title(text),
        published=published,
        source=source,
    )


def find_title(text: str) -> str | None:
    """The headline, if the text opens with one: a short first line, blank line, then a body.

    "Short" is under `MAX_TITLE_CHARS` characters; a line ending in a period is a sentence, not a
    headline ("?" and "!" are allowed: headlines ask and exclaim). Without a body after the blank
    line the whole text is the headline, and there is nothing to title.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or first + 2 >= len(lines):
        return None
    title = lines[first].strip()
    if len(title) >= MAX_TITLE_CHARS or title.endswith("."):
        return None
    if lines[first + 1].strip():
        return None
    if not any(line.strip() for line in lines[first + 2 :]):
        return None
    return title
