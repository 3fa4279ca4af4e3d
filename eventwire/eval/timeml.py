"""Read TimeML (.tml) files, the gold format of TimeBank, AQUAINT and TempEval-3.

A document's text is the content of its ``<TEXT>`` element with every tag (``EVENT``,
``TIMEX3``, ``SIGNAL``...) stripped and entities (``&amp;``) decoded; timex offsets index into
that text, end exclusive. The ``TIMEX3`` inside ``<DCT>`` gives the publication date: it is not
in the text and is not an evaluation target. Markup outside ``<TEXT>`` (``TLINK``,
``MAKEINSTANCE``, titles) is ignored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputError, MissingInputError

__all__ = ["TimemlDocument", "TimexGold", "read_timeml", "read_timeml_dir"]


@dataclass(frozen=True, slots=True)
class TimexGold:
    """One gold ``TIMEX3``: offsets into `TimemlDocument.text`, its type and TimeML value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    """One TimeML document: the plain text of ``<TEXT>``, its publication date and timexes."""

    id: str
    text: str
    dct: date | None
    timexes: tuple[TimexGold, ...]


def read_timeml(path: str | Path) -> TimemlDocument:
    """Read one .tml file; the id is ``<DOCID>`` when present, else the file name's stem."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError as exc:
        raise MissingInputError(f"TimeML file {path} does not exist") from exc
    except ET.ParseError as exc:
        raise InputError(f"{path} is not well-formed XML ({exc}); fix the file or leave it out") from exc
    text_element = root.find("TEXT")
    if text_element is None:
        raise InputError(f"{path} has no <TEXT> element; is it a TimeML file?")
    pieces: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    _flatten(text_element, pieces, found, offset=0)
    text = "".join(pieces)
    timexes = tuple(
        TimexGold(start, end, text[start:end], element.get("type", ""), element.get("value", ""))
        for element, start, end in found
    )
    doc_id = (root.findtext("DOCID") or "").strip() or path.stem
    return TimemlDocument(id=doc_id, text=text, dct=_dct(root), timexes=timexes)


def read_timeml_dir(directory: str | Path) -> list[TimemlDocument]:
    """Every .tml file under `directory` (subfolders included), in path order."""
    directory = Path(directory)
    if not directory.is_dir():
        raise MissingInputError(f"{directory} is not a directory of TimeML (.tml) files")
    return [read_timeml(path) for path in sorted(directory.rglob("*.tml"))]


def _flatten(
    element: ET.Element, pieces: list[str], found: list[tuple[ET.Element, int, int]], offset: int
) -> int:
    """Append the text inside `element` (not its tail) to `pieces` and each TIMEX3 with its
    offsets to `found`; returns the offset after the element."""
    start = offset
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _flatten(child, pieces, found, offset)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        found.append((element, start, offset))
    return offset


def _dct(root: ET.Element) -> date | None:
    timex = root.find("DCT/TIMEX3")
    value = timex.get("value", "") if timex is not None else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
