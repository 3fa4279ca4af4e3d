"""Which format an input is in, told from its first bytes (the name only breaks ties).

A JSONL file named ``.txt`` is still JSONL, and a saved page named ``.txt`` is still HTML, so
the content decides: gzip and WARC by their magic bytes, JSONL by a leading ``{``, markup by its
root element (``<rss``/``<rdf:RDF`` feeds, ``<feed`` Atom, else HTML), and a table by a header
row that names a text column. Only when the content says nothing (a header-less table) does the
extension (``.csv``, ``.tsv``) decide; everything else is plain text.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Literal

__all__ = [
    "GZIP_MAGIC",
    "SNIFF_BYTES",
    "TEXT_COLUMN_NAMES",
    "Format",
    "looks_like_html",
    "sniff_format",
    "sniff_table",
]

Format = Literal["gzip", "warc", "jsonl", "rss", "atom", "html", "csv", "tsv", "text"]

#: How much of an input is looked at to tell its format.
SNIFF_BYTES = 8192

GZIP_MAGIC = b"\x1f\x8b"

#: Header names taken as the article text of a table, in order of preference.
TEXT_COLUMN_NAMES = ("text", "body", "content", "article", "article_text", "article_content")

_TABLE_SUFFIXES: dict[str, Format] = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}

# Elements only HTML has; a fragment that opens with one of them is a page, not a text.
_HTML_START_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|main|section|h[1-6])\b", re.I
)
_XML_DECL_RE = re.compile(r"<\?xml[^>]*\?>", re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_FIRST_ELEMENT_RE = re.compile(r"<([A-Za-z][\w:.-]*)")

# A header cell is a short label, not a sentence of the article.
_MAX_HEADER_CELL = 40


def sniff_format(head: bytes, name: str = "", *, text_column: str | None = None) -> Format:
    """The format of an input that starts with `head` (its first `SNIFF_BYTES` bytes or all)."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    # Sniffing tolerates bad bytes: decoding strictly is the reader's job, with a clear error.
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("<"):
        markup = _markup_format(text)
        if markup is not None:
            return markup
    suffix = _suffix(name)
    table = sniff_table(text, text_column=text_column)
    if table is not None:
        return table
    if suffix in _TABLE_SUFFIXES:
        return _TABLE_SUFFIXES[suffix]
    return "text"


def looks_like_html(head: bytes) -> bool:
    """Whether a payload (a WARC record, a fetched body) is an HTML page."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return text.startswith("<") and _markup_format(text) == "html"


def _markup_format(text: str) -> Format | None:
    body = _COMMENT_RE.sub("", _XML_DECL_RE.sub("", text, count=1)).lstrip()
    match = _FIRST_ELEMENT_RE.match(body)
    root = match.group(1).lower() if match else ""
    if root in ("rss", "rdf:rdf"):
        return "rss"
    if root == "feed" or root.endswith(":feed"):
        return "atom"
    if _HTML_START_RE.match(body):
        return "html"
    return None


def sniff_table(text: str, *, text_column: str | None = None) -> Literal["csv", "tsv"] | None:
    """"csv"/"tsv" when the first row is a header naming a text column, else None.

    The header must hold at least two short cells, one of them `text_column` or one of
    `TEXT_COLUMN_NAMES`, and the next row (when the sample has one) the same number of cells:
    prose has commas too, but not a header like ``id,title,text``.
    """
    wanted = {text_column.lower()} if text_column else set(TEXT_COLUMN_NAMES)
    first_line = text.split("\n", 1)[0]
    for delimiter, kind in (("\t", "tsv"), (",", "csv")):
        if delimiter not in first_line:
            continue
        # Three rows, so that the second is known to be whole (the sample may end inside one).
        rows = _first_rows(text, delimiter, 3)
        if not rows:
            continue
        header = [cell.strip().lower() for cell in rows[0]]
        if len(header) < 2 or any(len(cell) > _MAX_HEADER_CELL or not cell for cell in header):
            continue
        if not wanted & set(header):
            continue
        if len(rows) > 2 and len(rows[1]) != len(header):
            continue
        return kind  # type: ignore[return-value]
    return None


def _first_rows(text: str, delimiter: str, n: int) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= n:
                break
    except csv.Error:
        pass  # a sample cut inside a quoted cell: the rows read so far still tell
    return rows


def _suffix(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    dot = lowered.rfind(".")
    return lowered[dot:] if dot > lowered.rfind("/") else ""
