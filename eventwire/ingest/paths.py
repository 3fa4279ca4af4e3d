"""What the command line names, expanded into inputs: files, folders, globs, "-" and URLs.

A folder is read recursively and a glob is expanded (``**`` included); both skip hidden files
and folders (a name starting with "."), and both yield paths in sorted order, so the same
command reads the same articles in the same order on every machine. A file named literally is
read even when it is hidden: the user asked for it. Expansion is lazy and never fails: a glob
that matches nothing is an `InputRef` of kind "missing", which the reader reports as a Failure.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["STDIN", "InputRef", "expand_inputs", "is_url"]

STDIN = "-"

_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input to read: a file path, "-", a URL, or a pattern that matched nothing."""

    kind: Literal["file", "stdin", "url", "missing"]
    location: str
    message: str = ""


def is_url(value: str) -> bool:
    """Whether a command-line input is a URL ("scheme://..."), not a path."""
    return bool(_URL_RE.match(value))


def expand_inputs(inputs: Sequence[str]) -> Iterator[InputRef]:
    """The inputs in the order given, each folder and glob expanded in place."""
    for value in inputs:
        if value == STDIN:
            yield InputRef("stdin", STDIN)
        elif is_url(value):
            yield InputRef("url", value)
        elif os.path.isdir(value):
            yield from _walk(value)
        elif not os.path.lexists(value) and _GLOB_CHARS & set(value):
            yield from _expand_glob(value)
        else:
            # Missing or unreadable files are reported by the reader, with the reason.
            yield InputRef("file", value)


def _walk(folder: str) -> Iterator[InputRef]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # in place: os.walk skips them
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                # Sorted by path components, as `find | sort` would list them ("b/c/x" < "b/y").
                found.append((tuple(os.path.relpath(path, folder).split(os.sep)), path))
    for _, path in sorted(found):
        yield InputRef("file", path)
    if not found:
        message = f"{folder} is a directory with no files to read in it (hidden files are skipped)"
        yield InputRef("missing", folder, message)


def _expand_glob(pattern: str) -> Iterator[InputRef]:
    # glob skips names starting with "." unless the pattern spells the dot out.
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputRef("missing", pattern, f"no files match {pattern}; check the pattern")
        return
    for match in matches:
        if os.path.isdir(match):
            # "data/*" names folders too: read them as the folders they are.
            if "**" not in pattern:
                yield from _walk(match)
        else:
            yield InputRef("file", match)
