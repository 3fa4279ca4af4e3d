"""Registry of eventwire's small, versioned data files (lexicons, dictionaries, curated places).

Every data file is read through `read_table`, so the format rules live in one place:
UTF-8, tab-separated (``.tsv``) or comma-separated (``.csv``), ``#`` lines are comments, the
first other line is the header, blank lines are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
from importlib import resources
from pathlib import Path

__all__ = [
    "data_fingerprint", "data_path", "read_notes", "read_source", "read_table", "read_text", "read_words"
]


def data_path(name: str) -> Path:
    """The path of a bundled data file."""
    return Path(str(resources.files("eventwire.data").joinpath(name)))


def read_text(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text("utf-8")


def read_source(source: str | Path) -> str:
    """The text of a bundled data file (by name) or of a user file (by path)."""
    path = Path(source)
    return path.read_text("utf-8") if path.is_absolute() or path.exists() else read_text(str(source))


def read_notes(text: str) -> dict[str, str]:
    """The ``# key: value`` comment lines of a data file's text (a fitted model's version,
    margin, fingerprint), by key; other comments are left out."""
    notes: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                notes[key.strip()] = value.strip()
    return notes


def read_table(source: str | Path) -> list[dict[str, str]]:
    """Rows of a bundled data file (by name) or of a user file (by path), as dicts."""
    text = read_source(source)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if str(source).endswith(".csv"):
        reader = csv.DictReader(io.StringIO("\n".join(lines)))
    else:  # TSV cells are taken literally: a note may start with a quotation mark
        reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def read_words(name: str) -> frozenset[str]:
    """A bundled word list: one entry per line, ``#`` comments and blank lines skipped."""
    return frozenset(
        line.strip() for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")
    )


#: Data files that extraction never reads: how incidents are merged and how exports code, so
#: editing one does not make every stored result look stale.
NOT_READ_BY_EXTRACTION = frozenset({
    "incident_rules.tsv",
    "acled_country_names.tsv",
    "acled_disorder.tsv",
    "acled_inter.tsv",
    "acled_regions.tsv",
    "cameo_goldstein.tsv",
    "cameo_quad.tsv",
    "plover_quad.tsv",
})


def data_fingerprint(extra: tuple[str | Path, ...] = (), *, settings: tuple[str, ...] = ()) -> str:
    """A short hash of every bundled data file and of the user files in `extra`.

    Stored with each result, it tells results coded with the current data files from results
    coded before one was edited, so `eventwire reprocess` can find the stale ones.
    """
    digest = hashlib.sha256("\0".join(settings).encode("utf-8") + b"\0")
    root = resources.files("eventwire.data")
    for entry in sorted(root.iterdir(), key=lambda item: item.name):
        name = entry.name
        if name.endswith((".tsv", ".csv", ".txt", ".toml")) and name not in NOT_READ_BY_EXTRACTION:
            digest.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    for path in extra:
        file = Path(path).expanduser()
        if str(path) and file.is_file():
            # The content, not the path: a user file moved unchanged codes the same.
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
