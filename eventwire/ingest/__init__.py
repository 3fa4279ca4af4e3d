"""Ingest: input files -> `Article` records, or `Failure` records for what cannot be read.

The one public verb is `read_articles`. Bad input never stops a batch and never disappears: each
input (or JSONL line) that cannot become an article is reported as one `Failure` in its place.

What an article's text is: the input decoded strictly (UTF-8 by default), with a UTF-8
byte-order mark dropped and ``\\r\\n``/``\\r`` line endings made ``\\n``; nothing else changes, and
every later character offset indexes into that text. See `checks` for the refusals (empty,
binary, mis-encoded, too large, not English) and the date formats accepted.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from eventwire.config import IngestConfig
from eventwire.errors import ConfigError, InputError, MissingInputError
from eventwire.ingest.checks import PrependedStream, Readable, normalise_date, to_failure
from eventwire.ingest.jsonl import SNIFF_BYTES, iter_jsonl, read_jsonl_file
from eventwire.ingest.text import article_from_bytes, read_limited, read_text_file
from eventwire.records import Article, Failure

__all__ = ["read_articles"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN = "-"


def read_articles(
    paths: Sequence[str],
    config: IngestConfig,
    *,
    published: str | None = None,
    encoding: str = "utf-8",
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Articles (and Failures) from files, in the order given; lazily, one input at a time.

    - A path ending in .jsonl or .ndjson is JSON Lines, one article a line; any other path is
      one plain-text article. "-" reads `stdin` (default: the process's standard input) as
      JSONL when its first non-blank character is "{", else as plain text.
    - `published` (any date `normalise_date` accepts) is the publication date of plain-text
      articles and of JSONL records without one of their own.
    - `encoding` is how input bytes are decoded; UTF-8 input may start with a byte-order mark.
    - Ids are deterministic: a JSONL record's own `id`, else a hash of the text ("a-..."), so
      reading the same input twice yields the same ids.

    A bad `encoding` or `published` value is a mistake for the whole run, not for one input:
    it raises `ConfigError` here, before anything is read.
    """
    if isinstance(paths, str):
        raise TypeError(f"paths must be a sequence of paths, not one string: use [{paths!r}]")
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise ConfigError(
            f"unknown encoding {encoding!r}; use a Python codec name such as utf-8 or latin-1"
        ) from exc
    if published is not None:
        try:
            published = normalise_date(published)
        except ValueError as exc:
            raise ConfigError(f"bad publication date override: {exc}") from exc
    return _iter_articles(list(paths), config, published, encoding, stdin)


def _iter_articles(
    paths: list[str],
    config: IngestConfig,
    published: str | None,
    encoding: str,
    stdin: BinaryIO | None,
) -> Iterator[Article | Failure]:
    for path in paths:
        try:
            if path == STDIN:
                yield from _read_stream(stdin or sys.stdin.buffer, config, published, encoding)
            elif path.lower().endswith(JSONL_SUFFIXES):
                yield from read_jsonl_file(path, config, published=published, encoding=encoding)
            else:
                yield read_text_file(path, config, published=published, encoding=encoding)
        except InputError as exc:
            yield to_failure(path, exc)
        except OSError as exc:  # a read that fails after the open (I/O error, vanished mount)
            yield to_failure(path, MissingInputError(f"cannot read {path}: {exc.strerror or exc}"))


def _read_stream(
    stream: Readable, config: IngestConfig, published: str | None, encoding: str
) -> Iterator[Article | Failure]:
    """stdin: sniff the start to tell JSONL from plain text, then read it as that."""
    head = stream.read(SNIFF_BYTES)
    rest = PrependedStream(head, stream)
    if head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n").startswith("{"):
        # A plain text starting with "{" is rarer than JSONL; and misread as JSONL it fails
        # loudly line by line, whereas JSONL misread as text would pass as one odd article.
        yield from iter_jsonl(rest, STDIN, config, published=published, encoding=encoding)
    else:
        data = read_limited(rest, config.max_chars)
        yield article_from_bytes(data, STDIN, config, published=published, encoding=encoding)
