"""One normalisation step before parsing, with a map back to the text the user gave.

Invisible characters split or glue words for spaCy: a soft hyphen inside "Hmeymim", a zero-width
space inside "attacked", a bidi isolate around "Monday" or a no-break space between words each
change what the parser sees although a reader sees the same text. `normalise_for_parsing` makes
one text for parsing, and `Normalised` maps any span of it back to the original text, so that
evidence spans still index the stored article text exactly (`map_spans_to_original`).

What changes, in one pass (then Unicode NFC):

* every space separator (no-break, narrow no-break, figure, en/em ... spaces) and a tab -> " ";
* a line or paragraph separator, vertical tab, form feed and a lone CR -> "\\n" (sentence
  splitting uses newlines; "\\r\\n" keeps only its "\\n");
* a C1 control (U+0080-U+009F) -> the Windows-1252 character of that byte: in news text these
  are cp1252 read as Latin-1 ("order\\x97a very painful order" is an em dash, "actions\\x85" an
  ellipsis), and dropping them would glue words; the five bytes cp1252 leaves undefined go;
* every format character (category Cf: zero-width space and joiners, word joiner, soft hyphen,
  BOM, bidi marks, embeddings, overrides and isolates, the Arabic letter mark ...) is removed;
* every other control character (C0 but "\\n") and any lone surrogate is removed.

Each character of the normalised text comes from a run of original characters: usually one, a
run of several where NFC composed them ("e" + U+0301 -> "é"). Removed characters belong to no
normalised character, so a mapped span never starts or ends on one (it may contain some).
Linear time; a text that needs no change (most articles) is returned as is with no offset arrays.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from eventwire.records import Span

__all__ = ["Normalised", "map_spans_to_original", "normalise_for_parsing"]

#: Characters that may need a change: everything but printable ASCII and "\n". Ordinary text
#: meets this only at curly quotes, dashes and accented letters, each classified in O(1).
_CANDIDATE = re.compile(r"[^\x20-\x7e\n]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_LINE_BREAKS = frozenset("\x0b\x0c\u2028\u2029")
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


@dataclass(frozen=True, slots=True)
class Normalised:
    """The text to parse and its map to `original`.

    `starts[i]`/`ends[i]` are the original [start, end) of normalised character i; both are None
    when nothing changed (`text is original`), which makes every mapping the identity.
    """

    text: str
    original: str
    starts: array[int] | None = None
    ends: array[int] | None = None

    @classmethod
    def identity(cls, text: str) -> Normalised:
        return cls(text=text, original=text)

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the normalised [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        size = len(self.text)
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if end <= start:
            point = self.starts[start] if start < size else len(self.original)
            return point, point
        return self.starts[start], self.ends[end - 1]

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The normalised [start, end) covering the original [start, end): every normalised
        character that starts inside it (removed characters vanish from it)."""
        if self.starts is None:
            return start, end
        return bisect_left(self.starts, start), max(
            bisect_left(self.starts, start), bisect_left(self.starts, end)
        )


def normalise_for_parsing(text: str) -> Normalised:
    """The text spaCy should parse, with the map back to `text` (see the module docstring)."""
    edits = list(_edits(text))
    if not edits and unicodedata.is_normalized("NFC", text):
        return Normalised.identity(text)
    mapped, origins = _apply(text, edits)
    starts = origins
    ends = array("q", [i + 1 for i in origins])
    if not unicodedata.is_normalized("NFC", mapped):
        mapped, starts, ends = _compose(mapped, starts, ends)
    return Normalised(text=mapped, original=text, starts=starts, ends=ends)


def _edits(text: str) -> list[tuple[int, str]]:
    """(index, replacement) for each character that changes; "" removes it."""
    edits: list[tuple[int, str]] = []
    for match in _CANDIDATE.finditer(text):
        index = match.start()
        char = text[index]
        replacement = _replacement(char, text[index + 1 : index + 2])
        if replacement != char:
            edits.append((index, replacement))
    return edits


def _replacement(char: str, following: str) -> str:
    if char == "\t":
        return " "
    if char == "\r":
        return "" if following == "\n" else "\n"
    if char in _LINE_BREAKS:
        return "\n"
    if "\x80" <= char <= "\x9f":
        return _windows_1252(char)
    category = _category(char)
    if category == "Zs":
        return " "
    if category in _REMOVED_CATEGORIES:
        return ""
    return char


@cache
def _windows_1252(char: str) -> str:
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


@cache
def _category(char: str) -> str:
    return unicodedata.category(char)


def _apply(text: str, edits: list[tuple[int, str]]) -> tuple[str, array[int]]:
    """The text with the edits made, and the original index of each of its characters."""
    pieces: list[str] = []
    origins = array("q")
    done = 0
    for index, replacement in edits:
        pieces.append(text[done:index])
        origins.extend(range(done, index))
        if replacement:
            pieces.append(replacement)
            origins.append(index)
        done = index + 1
    pieces.append(text[done:])
    origins.extend(range(done, len(text)))
    return "".join(pieces), origins


def _compose(text: str, starts: array[int], ends: array[int]) -> tuple[str, array[int], array[int]]:
    """NFC, chunk by chunk. A chunk is a run of non-ASCII characters with the ASCII character
    before it: an ASCII character is never the second half of a composition nor reordered, so
    NFC never reaches across one and the chunks normalise independently (linear time)."""
    pieces: list[str] = []
    new_starts, new_ends = array("q"), array("q")
    done = 0
    for run in _NON_ASCII_RUN.finditer(text):
        first = max(run.start() - 1, done)
        pieces.append(text[done:first])
        new_starts.extend(starts[done:first])
        new_ends.extend(ends[done:first])
        chunk = text[first : run.end()]
        composed = unicodedata.normalize("NFC", chunk)
        pieces.append(composed)
        if composed == chunk or _one_for_one(chunk, composed):
            new_starts.extend(starts[first : run.end()])
            new_ends.extend(ends[first : run.end()])
        else:  # every character of the chunk comes from the whole chunk
            new_starts.extend([starts[first]] * len(composed))
            new_ends.extend([ends[run.end() - 1]] * len(composed))
        done = run.end()
    pieces.append(text[done:])
    new_starts.extend(starts[done:])
    new_ends.extend(ends[done:])
    return "".join(pieces), new_starts, new_ends


def _one_for_one(chunk: str, composed: str) -> bool:
    """Whether NFC replaced characters singly ("\u212b" -> "Å") without composing or reordering."""
    return len(composed) == len(chunk) and all(
        unicodedata.normalize("NFC", before) == after for before, after in zip(chunk, composed, strict=True)
    )


# --------------------------------------------------------------------------- records

Record = TypeVar("Record")


def map_spans_to_original(record: Record, normalised: Normalised) -> Record:
    """`record` with every `Span` in it (at any depth of records, tuples and lists) moved from the
    normalised text to `normalised.original`: offsets mapped, `text` sliced from the original.
    A record's own `text` that was its span's text follows the span."""
    if not normalised.changed:
        return record
    return _remap(record, normalised, {})


def _remap(value: Any, normalised: Normalised, seen: dict[int, Any]) -> Any:
    if isinstance(value, Span):
        start, end = normalised.to_original(value.start, value.end)
        return Span(text=normalised.original[start:end], start=start, end=end)
    if isinstance(value, list):
        return [_remap(item, normalised, seen) for item in value]
    if isinstance(value, tuple):
        items = tuple(_remap(item, normalised, seen) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    if id(value) in seen:  # a record shared by several events is mapped once
        return seen[id(value)]
    changes = {}
    for name in _field_names(type(value)):
        old = getattr(value, name)
        new = _remap(old, normalised, seen)
        if new is not old:
            changes[name] = new
    span = getattr(value, "span", None)
    if "span" in changes and isinstance(span, Span) and getattr(value, "text", None) == span.text:
        changes["text"] = changes["span"].text
    result = dataclasses.replace(value, **changes) if changes else value
    seen[id(value)] = result
    return result


@cache
def _field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)
