"""Validity checks and normalisation shared by every reader.

Each check takes bytes or text and either returns (the normalised value) or raises one of the
`InputError`s from `eventwire.errors`; turning errors into `Failure` records is the caller's job.

Normalisation happens here, *before* an `Article` exists, because every character offset later
in the pipeline indexes into `Article.text`: a UTF-8 byte-order mark is dropped and line endings
become ``\\n`` (``\\r\\n`` and lone ``\\r``). Nothing else is changed (no stripping, no Unicode
normalisation), so the text is otherwise exactly what the input held.

The text checks need a word list and two config values; `TextChecks.load(config)` gathers them
once per `read_articles` call and the readers are handed the result (nothing is read at import).
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol

from dateutil import parser as date_parser  # type: ignore[import-untyped]

from eventwire.config import IngestConfig
from eventwire.data import read_words
from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    NotEnglishError,
)
from eventwire.records import Failure

__all__ = [
    "BYTES_PER_CHAR_MAX",
    "ENGLISH_WORDS_FILE",
    "MAX_CONTROL_SHARE",
    "MIN_LATIN_SHARE",
    "MIN_WORDS_FOR_RATIO",
    "PrependedStream",
    "Readable",
    "TextChecks",
    "check_binary_bytes",
    "check_binary_text",
    "check_english",
    "check_not_empty",
    "check_size",
    "decode_bytes",
    "normalise_date",
    "normalise_newlines",
    "to_failure",
    "too_large_message",
]

#: No encoding we read spends more than 4 bytes on a character, so more than ``4 * max_chars``
#: bytes is over the limit whatever the encoding: readers stop reading there.
BYTES_PER_CHAR_MAX = 4

#: Share of C0 control characters (other than white space) above which input is called binary.
#: Real text has essentially none; random or compressed bytes have about 10%.
MAX_CONTROL_SHARE = 0.05

#: Below this many words the function-word ratio says little (a headline has few function
#: words), so short texts are only checked for script, never for the ratio.
MIN_WORDS_FOR_RATIO = 20

#: A text whose letters are less than this share Latin is "mostly non-Latin script".
MIN_LATIN_SHARE = 0.5

#: The bundled list of common English words (how it was calibrated is said in the file).
ENGLISH_WORDS_FILE = "english_function_words.txt"

_YEAR_FIRST_RE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# C0 controls minus the white-space ones (\t \n \v \f \r), plus DEL.
_CONTROL_BYTES = bytes([b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r"] + [0x7F])
_CONTROL_CHARS = frozenset(chr(b) for b in _CONTROL_BYTES)

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# A script shown to the user; the rest are title-cased from the Unicode character name.
_SCRIPT_LABELS = {"CJK": "CJK (Chinese/Japanese)", "HANGUL": "Hangul (Korean)"}


# --------------------------------------------------------------------------- bytes -> text


def _is_ascii_compatible(encoding: str) -> bool:
    """Whether ASCII text is bytes-for-bytes the same in `encoding` (false for UTF-16/32)."""
    name = codecs.lookup(encoding).name
    return not name.startswith(("utf-16", "utf-32"))


def check_binary_bytes(data: bytes, *, encoding: str = "utf-8") -> None:
    """Refuse raw bytes that look binary (NUL bytes, many control bytes).

    Run before decoding, so that a PNG is reported as binary rather than as mis-encoded text.
    Skipped for UTF-16/32, whose ASCII characters legitimately contain NUL bytes.
    """
    if not data or not _is_ascii_compatible(encoding):
        return
    if data.startswith(_UTF16_32_BOMS) and codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
        # A UTF-16/32 text file is full of NULs; say what it really is instead of "binary".
        raise EncodingError(
            "the input starts with a UTF-16/UTF-32 byte-order mark, not UTF-8; re-encode it "
            "with `iconv -f utf-16 -t utf-8`, or pass --encoding utf-16"
        )
    nul = data.find(b"\x00")
    if nul >= 0 and _looks_like_utf16(data[:4096]):
        raise EncodingError(
            "the input looks like UTF-16 text without a byte-order mark (a NUL byte beside each "
            "ASCII letter), not UTF-8; pass --encoding utf-16-le (or utf-16-be), or re-encode it "
            "with `iconv -f utf-16le -t utf-8`"
        )
    if nul >= 0:
        raise BinaryInputError(
            f"the input contains a NUL byte (at byte {nul}), so it looks like a binary file, "
            f"not text; pass plain-text or JSONL files"
        )
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    _raise_if_many_controls(controls, len(data), "bytes")


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_valid_unicode(text: str) -> None:
    """Refuse a lone surrogate (JSON can spell one, "\\ud800"): it is no character, and no
    file, database or terminal can hold it."""
    found = _SURROGATE.search(text)
    if found:
        raise EncodingError(
            f"the text holds a lone surrogate (U+{ord(found.group()):04X} at character {found.start()}), "
            f"which is not valid Unicode; fix the source record's text"
        )


def _looks_like_utf16(head: bytes) -> bool:
    """Most even (little-endian) or odd (big-endian) bytes NUL and the others printable ASCII:
    English in UTF-16, which a binary file almost never looks like."""
    if len(head) < 8:
        return False
    for zeros, letters in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in letters)
        if zeros.count(0) >= 0.9 * len(zeros) and printable >= 0.9 * len(letters):
            return True
    return False


def check_binary_text(text: str) -> None:
    """The same test on decoded text (JSONL strings, UTF-16 input): NULs or many controls."""
    nul = text.find("\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"the text contains a NUL character (at character {nul}), so it looks like "
            f"binary data, not text"
        )
    counts = Counter(text)
    controls = sum(n for ch, n in counts.items() if ch in _CONTROL_CHARS)
    _raise_if_many_controls(controls, len(text), "characters")


def _raise_if_many_controls(controls: int, total: int, unit: str) -> None:
    if total and controls / total > MAX_CONTROL_SHARE:
        raise BinaryInputError(
            f"{controls} of {total} {unit} ({controls / total:.0%}) are control characters, so "
            f"the input looks like a binary file, not text; pass plain-text or JSONL files"
        )


def decode_bytes(data: bytes, *, encoding: str = "utf-8", offset: int = 0) -> str:
    """Decode strictly, dropping a UTF-8 byte-order mark; EncodingError says where and what to do.

    `offset` is where `data` starts in its file (for one JSONL line), so the error gives the
    byte position in the file, which is what `head -c`/`xxd` need to find it.
    """
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        # "utf-8-sig" decodes plain UTF-8 too and drops the BOM that Windows tools prepend.
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        where = f"byte {offset + exc.start} (0x{data[exc.start : exc.start + 1].hex()})"
        if name == "utf-8":
            # Non-UTF-8 news text is nearly always Latin-1 or its Windows variant.
            advice = (
                "re-encode it with `iconv -f latin1 -t utf-8` (windows-1252 for Windows text), "
                "or pass --encoding latin-1"
            )
        else:
            advice = "pass its real encoding with --encoding (e.g. utf-8, latin-1, windows-1252)"
        raise EncodingError(
            f"the input is not valid {name} at {where}: {exc.reason}; {advice}"
        ) from exc


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; done before offsets exist (see module doc)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- text checks


def check_not_empty(text: str) -> None:
    if not text.strip():
        what = "empty" if not text else "only white space"
        raise EmptyInputError(f"the input is {what}; there is no text to read")


def check_size(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputTooLargeError(too_large_message(f"{len(text):,} characters", max_chars))


def too_large_message(size: str, max_chars: int) -> str:
    """The one wording of InputTooLargeError: the size, the limit, and how to raise it."""
    return (
        f"the input is too large: {size}, the limit is {max_chars:,} characters; split it, or "
        f"raise max_chars in the [ingest] section of the config file (spaCy needs about 1 GB of "
        f"memory per 100,000 characters)"
    )


def check_english(text: str, min_english_ratio: float, english_words: frozenset[str]) -> None:
    """Refuse text that is mostly in a non-Latin script, or has too few English function words.

    Dependency-free on purpose: a language-identification model would be a heavy resource for
    what only has to catch inputs fed to the wrong pipeline. The ratio is only computed from
    `MIN_WORDS_FOR_RATIO` words on, so short English headlines are never refused. The ratio
    is the share of words (lower-cased) found in `english_words`.
    """
    counts = Counter(text)
    scripts: Counter[str] = Counter()
    for ch, n in counts.items():
        if ch.isalpha():
            scripts[_script(ch)] += n
    letters = sum(scripts.values())
    if letters and scripts["LATIN"] / letters < MIN_LATIN_SHARE:
        script, n = max(((s, n) for s, n in scripts.items() if s != "LATIN"), key=lambda x: x[1])
        label = _SCRIPT_LABELS.get(script, script.title())
        raise NotEnglishError(
            f"the text is mostly in {label} script ({n / letters:.0%} of its letters), not "
            f"English; eventwire reads English news only, so translate it first"
        )
    words = _WORD_RE.findall(text)
    if len(words) < MIN_WORDS_FOR_RATIO:
        return
    hits = sum(1 for w in words if w.lower() in english_words)
    ratio = hits / len(words)
    if ratio < min_english_ratio:
        raise NotEnglishError(
            f"the text does not look like English: {ratio:.1%} of its {len(words)} words are "
            f"common English words (the minimum is {min_english_ratio:.0%}); translate it first, "
            f"or lower min_english_ratio in the [ingest] section of the config file"
        )


def _script(ch: str) -> str:
    """The script of a letter, as the first word of its Unicode name ("LATIN", "CYRILLIC"...)."""
    if ch < "\u0250":  # ASCII, Latin-1 and Latin Extended-A/B: the common case, no lookup
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


@dataclass(frozen=True, slots=True)
class TextChecks:
    """The limits and the word list every reader checks text against; see `load`.

    `max_chars` also bounds how many bytes the readers read before refusing an input.
    """

    max_chars: int
    min_english_ratio: float
    english_words: frozenset[str]

    @classmethod
    def load(cls, config: IngestConfig) -> TextChecks:
        """The checks `config` asks for, with the bundled English word list read now."""
        return cls(
            max_chars=config.max_chars,
            min_english_ratio=config.min_english_ratio,
            english_words=read_words(ENGLISH_WORDS_FILE),
        )

    def prepare(self, text: str) -> str:
        """Normalise decoded text and run every text check; returns the text for `Article.text`."""
        text = normalise_newlines(text)
        check_not_empty(text)
        check_size(text, self.max_chars)  # first of the rest: the others are linear in the length
        check_binary_text(text)
        check_valid_unicode(text)
        check_english(text, self.min_english_ratio, self.english_words)
        return text


# --------------------------------------------------------------------------- dates


def normalise_date(value: str) -> str:
    """A publication date as YYYY-MM-DD, or ValueError with what is accepted.

    Accepts ISO dates and date-times ("2018-01-12", "2018-01-12T10:00:00Z"), RFC 2822 (RSS:
    "Fri, 12 Jan 2018 10:00:00 +0000") and written dates ("Jan 12, 2018", "12 January 2018").
    The date is taken as written: a time zone never moves it to another day, because the
    reporter's local date is what "yesterday" in the text refers to. Incomplete dates ("Jan
    2018") and ambiguous numeric ones ("01/02/2018") are refused rather than guessed.
    """
    raw = value.strip()
    if not raw:
        raise ValueError("the date is empty")
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    year_first = _YEAR_FIRST_RE.fullmatch(raw)
    if year_first:
        # "2018/01/12": year-day-month is not a real-world order, so this is not ambiguous.
        year, month, day = (int(part) for part in year_first.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r}: {exc}; use YYYY-MM-DD") from exc
    parses: set[date] = set()
    # Two different defaults reveal missing parts (dateutil fills them in silently); both
    # dayfirst settings reveal day/month ambiguity.
    for default in (datetime(2000, 1, 1), datetime(2001, 2, 2)):
        for dayfirst in (False, True):
            try:
                # ignoretz: the zone would not change the date anyway, and unknown zone
                # names ("ET") would only raise warnings.
                parsed = date_parser.parse(raw, default=default, dayfirst=dayfirst, ignoretz=True)
            except (ValueError, OverflowError) as exc:
                raise ValueError(f"unrecognised date {value!r}; use YYYY-MM-DD") from exc
            parses.add(parsed.date())
    if len(parses) > 1:
        raise ValueError(f"incomplete or ambiguous date {value!r}; use YYYY-MM-DD")
    return parses.pop().isoformat()


# --------------------------------------------------------------------------- streams, failures


class Readable(Protocol):
    """The part of a binary stream the readers use (a file, stdin, `PrependedStream`)."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class PrependedStream:
    """Bytes already read from a stream's start, put back in front of the rest of it.

    Readers sniff the first bytes (binary? JSON?) and then read from the start again; stdin and
    pipes cannot seek back, so the sniffed bytes are replayed from memory instead.
    """

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def read(self, size: int = -1, /) -> bytes:
        data = self._head.read(size)
        if size < 0:
            return data + self._rest.read()
        if len(data) < size:
            data += self._rest.read(size - len(data))
        return data

    def readline(self, size: int = -1, /) -> bytes:
        line = self._head.readline(size)
        if line.endswith(b"\n") or (size >= 0 and len(line) >= size):
            return line
        # The head ended inside this line: the line goes on in the rest of the stream.
        return line + self._rest.readline(size - len(line) if size >= 0 else -1)


def to_failure(source: str, exc: InputError, article_id: str | None = None) -> Failure:
    """The record a batch keeps for an input that could not be read."""
    return Failure(
        source=source, stage="ingest", error=type(exc).__name__, message=str(exc),
        article_id=article_id,
    )
