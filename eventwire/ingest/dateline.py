"""Datelines: the place and date a news report opens with.

Two readings, both of the opening of a text only:

- `publication_date`: the first complete written date (day, month and year) in the first
  `DATELINE_CHARS` characters ("Wed 05 Apr 2017", "12 February 2015", "Apr 232017",
  "24.08.2013"), the outlet's date line; ISO, or None.
- `opening_dateline`: the wire-style place opening ("DAMASCUS, Syria (AP) —",
  "KHARTOUM (Reuters) -"): the place in capitals, an optional region, an optional agency, then a
  dash; a `Dateline` with the character offsets of each part, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventwire.data.calendar_words import calendar_words

__all__ = ["DATELINE_CHARS", "Dateline", "opening_dateline", "publication_date"]

#: How far into the text the dateline is looked for (SANA's follows a headline of up to ~150
#: characters).
DATELINE_CHARS = 200

_OPENING_RE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*)*)"
    r"(?:, (?P<region>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*))?"
    r"(?: \((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"\s*[—–-]{1,2}\s"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire-style opening; `end` is where the report's first sentence starts."""

    place: str
    region: str | None
    agency: str | None
    start: int
    end: int


@cache  # built on first use from the shared calendar table (data/calendar_words.tsv)
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    months = calendar_words().months
    month = r"(?P<month>" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
    # "April 5 2017", "Apr 232017" (Jordan Times glues day and year), "12 February 2015", "24.08.2013"
    return (
        re.compile(
            r"\b" + month + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<year>(?:19|20)\d\d)\b", re.I
        ),
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + month + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
        ),
        re.compile(r"\b(?P<day>\d{1,2})([.-])(?P<month>\d{1,2})\2(?P<year>(?:19|20)\d\d)"),
    )


def publication_date(text: str) -> str | None:
    """The dateline date of a text (ISO), or None: the earliest complete written date
    in its first `DATELINE_CHARS` characters."""
    head = text[:DATELINE_CHARS]
    found: list[tuple[int, str]] = []
    months = calendar_words().months
    for pattern in _dateline_patterns():
        for match in pattern.finditer(head):
            month_text = match["month"].lower()
            month = int(month_text) if month_text.isdigit() else months[month_text]
            try:
                value = date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
            found.append((match.start(), value.isoformat()))
            break
    return min(found)[1] if found else None


def opening_dateline(text: str) -> Dateline | None:
    """The wire-style dateline the body opens with, after an optional headline; or None.

    The place must be in capitals (at least two letters), which is what tells a dateline from a
    sentence that happens to contain a dash.
    """
    head = text[:DATELINE_CHARS]
    for paragraph in re.finditer(r"[^\n]+", head):
        match = _OPENING_RE.match(paragraph.group())
        if match and len(match["place"].replace(" ", "")) >= 2:
            offset = paragraph.start()
            return Dateline(
                place=match["place"],
                region=match["region"],
                agency=match["agency"],
                start=offset,
                end=offset + match.end(),
            )
    return None
