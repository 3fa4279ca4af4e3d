"""Web archives (WARC, plain or gzipped, via warcio): each HTML response record is an article.

Only ``response`` records whose payload is an HTML page are read (request, metadata and
warcinfo records, and responses holding images, scripts or feeds, are not articles and are
passed over). A page's URL is the record's ``WARC-Target-URI`` unless the page names a canonical
one; its publication date is the page's own, else the record's ``WARC-Date`` (the fetch date, the
latest the report can be from). Failures are sourced ``path:N``, N counting records from 1.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from eventwire.errors import InputError, InputTooLargeError, RecordFormatError
from eventwire.ingest.checks import Readable, TextChecks, to_failure
from eventwire.ingest.detect import SNIFF_BYTES, looks_like_html
from eventwire.ingest.html import article_from_html
from eventwire.records import Article, Failure, make_id

__all__ = ["MARKUP_BYTES_PER_CHAR", "charset_of", "iter_warc", "max_markup_bytes"]

#: Markup outweighs its text: a page may take this many bytes per character of `max_chars`.
MARKUP_BYTES_PER_CHAR = 16


def max_markup_bytes(max_chars: int) -> int:
    """The most bytes of one HTML page (or feed) read before it is refused as too large."""
    return max_chars * MARKUP_BYTES_PER_CHAR


def iter_warc(
    stream: Readable, source: str, checks: TextChecks, *, encoding: str = "utf-8"
) -> Iterator[Article | Failure]:
    """Articles and per-record Failures; a WARC that cannot be read at all is one Failure."""
    limit = max_markup_bytes(checks.max_chars)
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            mime = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if mime and "html" not in mime.lower():
                continue  # an image or script the crawler saved: not an article, not a failure
            payload = record.content_stream().read(limit + 1)
            if not mime and not looks_like_html(payload[:SNIFF_BYTES]):
                continue
            where = f"{source}:{number}"
            try:
                if len(payload) > limit:
                    raise InputTooLargeError(
                        f"the page {url} in the archive is larger than {limit:,} bytes; raise "
                        f"max_chars in the [ingest] section of the config file"
                    )
                fetched = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                yield article_from_html(
                    payload, where, checks, url=url, published=fetched,
                    encoding=charset_of(mime) or encoding,
                )
            except InputError as exc:
                yield to_failure(where, exc, make_id(url, prefix="u-") if url else None)
    except ArchiveLoadFailed as exc:
        where = f"{source}:{number + 1}" if number else source
        yield to_failure(where, RecordFormatError(
            f"the web archive cannot be read past record {number}: {exc}; check that it is a "
            f"complete WARC or WARC.gz file"
        ))


def charset_of(mime: str) -> str | None:
    """The charset a Content-Type header declares ("text/html; charset=windows-1252")."""
    for part in mime.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            name = value.strip().strip('"').lower()
            try:
                codecs.lookup(name)
            except LookupError:
                return None  # a charset Python does not know: decode as the caller said
            return name
    return None
