"""The one error tree of eventwire. Library code raises these; it never prints or exits.

    EventwireError
    ├── InputError              an input document cannot be processed (becomes a Failure row)
    │   ├── MissingInputError       the file does not exist or cannot be opened
    │   ├── EmptyInputError         no text after stripping white space
    │   ├── BinaryInputError        NUL bytes or other signs of a binary file
    │   ├── EncodingError           the bytes are not valid in the expected encoding
    │   ├── InputTooLargeError      longer than [ingest] max_chars
    │   ├── NotEnglishError         the text does not look like English
    │   ├── RecordFormatError       a JSONL line is not a valid article object
    │   └── FetchError              a URL was not fetched (fetching off, network error, refused)
    │       └── BlockedAddressError     the URL's host is a private/loopback/metadata address
    ├── ExtractionError         an unexpected error while parsing or extracting one document
    │                           (a bug: the document becomes a Failure row, the batch goes on)
    ├── ResourceError           a model, gazetteer or data file is missing or broken
    ├── StoreError              the SQLite store cannot be opened, read or written
    ├── ConfigError             a configuration file or value is invalid
    └── ExportError             an export cannot be written (unknown format or unit, bad output)

Third-party exceptions are wrapped at the boundary: ``raise ResourceError(...) from exc``.
Messages say what happened and what to do next.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "BlockedAddressError",
    "EventwireError",
    "ExportError",
    "FetchError",
    "ExtractionError",
    "InputError",
    "InputTooLargeError",
    "MissingInputError",
    "NotEnglishError",
    "RecordFormatError",
    "ResourceError",
    "StoreError",
]


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """One input document cannot be processed; other documents in the batch are unaffected."""


class MissingInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class NotEnglishError(InputError):
    pass


class RecordFormatError(InputError):
    pass


class FetchError(InputError):
    """A URL input could not become a page: fetching is off, the server failed, or a limit hit."""


class BlockedAddressError(FetchError):
    """The URL (or a redirect) leads to an address that is not public (SSRF guard)."""


class ExtractionError(EventwireError):
    """Parsing or extraction failed on one document for a reason that is not the input's fault."""


class ResourceError(EventwireError):
    """A model, gazetteer or data file is missing or unreadable."""


class StoreError(EventwireError):
    """The SQLite store is not an eventwire store, is from a newer version, or a query failed."""


class ConfigError(EventwireError):
    """A configuration file or value is invalid."""


class ExportError(EventwireError):
    """An export cannot be written: unknown format or unit, or an output that cannot be opened."""
