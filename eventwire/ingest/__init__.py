"""Ingest: input files -> `Article` records, or `Failure` records for what cannot be read.

The one public verb is `read_articles`. Bad input never stops a batch and never disappears: each
input (or JSONL line, table row, feed item, archive record) that cannot become an article is
reported as one `Failure` in its place, saying what failed, where and why.

Inputs are files, folders (read recursively), globs, "-" for stdin and, with fetching on, URLs
(`paths`). Each is read in the format its content shows (`detect`): plain text (`text`), JSONL
(`jsonl`), HTML pages (`html`), RSS/Atom feeds (`feeds`), WARC archives (`warc`), CSV/TSV tables
(`tables`), and gzip of any of them. URLs are fetched by `fetch`, behind an SSRF guard.

What an article's text is: the input decoded strictly (UTF-8 by default), with a UTF-8
byte-order mark dropped and ``\\r\\n``/``\\r`` line endings made ``\\n``; for markup, the main text
trafilatura finds (headline, blank line, paragraphs). Every later character offset indexes into
that text. See `checks` for the refusals (empty, binary, mis-encoded, too large, not English),
which every format passes through, and the date formats accepted.
"""

from __future__ import annotations

import codecs
import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO, Literal
from urllib.parse import urlsplit

from eventwire.config import IngestConfig
from eventwire.errors import (
    ConfigError,
    EmptyInputError,
    FetchError,
    InputError,
    InputTooLargeError,
    MissingInputError,
    RecordFormatError,
)
from eventwire.ingest.checks import (
    PrependedStream,
    Readable,
    TextChecks,
    check_binary_bytes,
    decode_bytes,
    normalise_date,
    to_failure,
)
from eventwire.ingest.detect import SNIFF_BYTES, Format, looks_like_html, sniff_format
from eventwire.ingest.feeds import iter_feed
from eventwire.ingest.fetch import fetch_url
from eventwire.ingest.html import article_from_html
from eventwire.ingest.jsonl import iter_jsonl, read_jsonl_file
from eventwire.ingest.paths import STDIN, InputRef, expand_inputs
from eventwire.ingest.tables import iter_table
from eventwire.ingest.text import article_from_bytes, read_limited, read_text_file
from eventwire.ingest.warc import charset_of, iter_warc, max_markup_bytes
from eventwire.records import Article, Failure
from eventwire.text.dateline import DatelineReader

__all__ = ["read_articles"]


@dataclass(frozen=True, slots=True)
class _Options:
    config: IngestConfig
    checks: TextChecks
    datelines: DatelineReader
    published: str | None
    encoding: str
    fetch: bool
    allow_private: bool
    text_column: str | None


def read_articles(
    paths: Sequence[str],
    config: IngestConfig,
    *,
    published: str | None = None,
    encoding: str = "utf-8",
    stdin: BinaryIO | None = None,
    fetch: bool = False,
    allow_private: bool = False,
    text_column: str | None = None,
) -> Iterator[Article | Failure]:
    """Articles (and Failures) from the inputs, in the order given; lazily, one at a time.

    - `paths`: files, folders (recursive, hidden files skipped, sorted), globs, "-" (`stdin`,
      default the process's standard input) and URLs. Each input's format is told from its
      content, not its name (see `detect`).
    - `published` (any date `normalise_date` accepts) is the publication date of articles that
      carry none of their own. An article with neither takes the date its dateline gives
      ("Wed 05 Apr 2017 ...", see `dateline`), if any.
    - `encoding` is how input bytes are decoded; UTF-8 input may start with a byte-order mark.
      Feeds declare their own; a fetched page's or archived response's HTTP charset wins.
    - `fetch`: read URLs (given, or a feed item's page when the item has no text). Off by
      default: eventwire is offline unless asked. `allow_private` lifts the SSRF guard, for
      pages on your own network.
    - `text_column`: the text column of CSV/TSV input, by header name or 1-based number.
    - Ids are deterministic: a record's own `id`; else, for pages, feed items and archived
      pages, a hash of the canonical URL ("u-..."); else a hash of the text ("a-...").

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
    # Loaded once per call, shared by every input and reader.
    checks, datelines = TextChecks.load(config), DatelineReader.load()
    options = _Options(config, checks, datelines, published, encoding, fetch, allow_private, text_column)
    return _iter_articles(list(paths), options, stdin)


def _iter_articles(
    paths: list[str], options: _Options, stdin: BinaryIO | None
) -> Iterator[Article | Failure]:
    for ref in expand_inputs(paths):
        produced = 0
        try:
            for record in _read_input(ref, options, stdin):
                produced += 1
                if isinstance(record, Article) and record.published is None:
                    record = replace(record, published=options.datelines.publication_date(record.text))
                yield record
            if not produced:
                # An archive of images only, a table of blank rows: nothing may vanish silently.
                raise EmptyInputError(
                    f"{ref.location} holds no article: no HTML page, item, row or line with text"
                )
        except InputError as exc:
            yield to_failure(ref.location, exc)
        except OSError as exc:  # a read that fails after the open (I/O error, vanished mount)
            where = ref.location
            yield to_failure(where, MissingInputError(f"cannot read {where}: {exc.strerror or exc}"))


def _read_input(ref: InputRef, options: _Options, stdin: BinaryIO | None) -> Iterator[Article | Failure]:
    if ref.kind == "missing":
        raise MissingInputError(ref.message)
    if ref.kind == "stdin":
        yield from _read_stream(stdin or sys.stdin.buffer, STDIN, "", options)
    elif ref.kind == "url":
        yield from _read_url(ref.location, options)
    else:
        yield from _read_file(ref.location, options)


def _read_file(path: str, options: _Options) -> Iterator[Article | Failure]:
    try:
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        head = b""  # the plain-text reader reports these, with the advice it gives
    except OSError as exc:
        raise MissingInputError(f"cannot open {path}: {exc.strerror or exc}") from exc
    kind = sniff_format(head, path, text_column=options.text_column)
    checks, published, encoding = options.checks, options.published, options.encoding
    if kind == "text":
        # The plain-text and JSONL readers refuse a huge file from its size, unread.
        yield read_text_file(path, checks, published=published, encoding=encoding)
    elif kind == "jsonl":
        yield from read_jsonl_file(path, checks, published=published, encoding=encoding)
    else:
        with open(path, "rb") as stream:
            yield from _read_stream(stream, path, path, options)


def _read_url(url: str, options: _Options) -> Iterator[Article | Failure]:
    if not options.fetch:
        raise FetchError(
            f"{url} is a URL and fetching is off; pass --fetch (fetch=True) to download it, "
            f"or save the page and pass the file"
        )
    fetched = fetch_url(url, options.config, allow_private=options.allow_private)
    charset = charset_of(fetched.content_type)
    if charset:
        options = replace(options, encoding=charset)
    yield from _read_stream(io.BytesIO(fetched.content), url, urlsplit(fetched.url).path, options,
                            url=fetched.url)


def _read_stream(
    stream: Readable,
    source: str,
    name: str,
    options: _Options,
    *,
    url: str | None = None,
    unzipped: bool = False,
) -> Iterator[Article | Failure]:
    """Any input as a stream: sniff its start, then read it in the format it shows."""
    head = stream.read(SNIFF_BYTES)
    rest = PrependedStream(head, stream)
    kind: Format = sniff_format(head, name, text_column=options.text_column)
    checks, published, encoding = options.checks, options.published, options.encoding
    if kind == "gzip":
        if unzipped:
            raise RecordFormatError("the input is gzip inside gzip; decompress it once first")
        if _gunzip_head(head).startswith(b"WARC/"):
            yield from iter_warc(rest, source, checks, encoding=encoding)  # warcio reads .gz
        else:
            inner = name[:-3] if name.lower().endswith(".gz") else name
            with gzip.GzipFile(fileobj=rest, mode="rb") as unzipping:  # type: ignore[call-overload]
                try:
                    yield from _read_stream(unzipping, source, inner, options, url=url, unzipped=True)
                except (OSError, EOFError, zlib.error) as exc:
                    raise RecordFormatError(f"the gzip data is damaged or cut short: {exc}") from exc
    elif kind == "warc":
        yield from iter_warc(rest, source, checks, encoding=encoding)
    elif kind == "jsonl":
        yield from iter_jsonl(rest, source, checks, published=published, encoding=encoding)
    elif kind == "text":
        data = read_limited(rest, checks.max_chars)
        yield article_from_bytes(data, source, checks, published=published, encoding=encoding)
    elif kind == "html":
        data = _read_markup(rest, checks.max_chars)
        yield article_from_html(data, source, checks, url=url, published=published, encoding=encoding)
    elif kind in ("rss", "atom"):
        data = _read_markup(rest, checks.max_chars)
        fetch_page = (lambda link: _fetch_page(link, options)) if options.fetch else None
        yield from iter_feed(data, source, checks, published=published, encoding=encoding,
                             fetch_page=fetch_page)
    else:
        table: Literal["csv", "tsv"] = "tsv" if kind == "tsv" else "csv"
        data = _read_markup(rest, checks.max_chars)
        check_binary_bytes(data, encoding=encoding)
        yield from iter_table(decode_bytes(data, encoding=encoding), source, checks, table,
                              text_column=options.text_column, published=published)


def _fetch_page(link: str, options: _Options) -> Article:
    """The article on the page a feed item links to (fetching is on)."""
    fetched = fetch_url(link, options.config, allow_private=options.allow_private)
    if not looks_like_html(fetched.content[:SNIFF_BYTES]):
        raise FetchError(f"the item's link {link} is not an HTML page ({fetched.content_type})")
    return article_from_html(
        fetched.content, link, options.checks, url=fetched.url, published=options.published,
        encoding=charset_of(fetched.content_type) or options.encoding,
    )


def _read_markup(stream: Readable, max_chars: int) -> bytes:
    limit = max_markup_bytes(max_chars)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(
            f"the input is too large: more than {limit:,} bytes of markup or table, the limit "
            f"for max_chars = {max_chars:,}; split it, or raise max_chars in the [ingest] "
            f"section of the config file"
        )
    return data


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (to spot WARC.gz), or b"" if damaged."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""
