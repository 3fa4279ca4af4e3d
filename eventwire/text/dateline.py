"""Datelines: the date a news report opens with, and the place a wire report is filed from.

`DatelineReader.publication_date(text)` gives the first complete written date (day, month and
year) in the first `DATELINE_CHARS` characters ("Wed 05 Apr 2017", "12 February 2015", "Apr
232017", "24.08.2013"): the outlet's date line, as ISO, or None. Ingest gives it to an article
that has no publication date of its own (and none given with `--published`), so that "on
Saturday" can still be made absolute. The month names come from `data/calendar_words.tsv`;
the reader compiles its patterns once, when it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from eventwire.data.calendar_words import CalendarWords

__all__ = ["DATELINE_CHARS", "DatelineReader", "is_dateline_place"]

#: How far into the text the dateline may start (SANA's follows a headline of up to ~150
#: characters; Ahram Online's byline, "AFP Friday 23 Aug 2013", a headline and a deck of up to
#: ~230).
DATELINE_CHARS = 240
_LONGEST_DATE = len("September 30th, 2017")


@dataclass(frozen=True, slots=True)
class DatelineReader:
    months: Mapping[str, int]
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, words: CalendarWords | None = None) -> DatelineReader:
        months = (words or CalendarWords.load()).months
        month = r"(?P<month>" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
        # "April 5 2017", "Apr 232017" (Jordan Times glues day and year), "12 February 2015",
        # "24.08.2013"
        patterns = (
            re.compile(
                r"\b" + month + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<year>(?:19|20)\d\d)\b", re.I
            ),
            re.compile(
                r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + month + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
            ),
            re.compile(r"\b(?P<day>\d{1,2})([.-])(?P<month>\d{1,2})\2(?P<year>(?:19|20)\d\d)"),
        )
        return cls(months, patterns)

    def publication_date(self, text: str) -> str | None:
        """The dateline date of a text (ISO), or None: the earliest complete written date
        starting in its first `DATELINE_CHARS` characters."""
        # A date that starts inside the window counts even where it ends past it ("AFP Friday
        # 23 Aug 2013" after a long headline).
        head = text[: DATELINE_CHARS + _LONGEST_DATE]
        found: list[tuple[int, str]] = []
        for pattern in self.patterns:
            for match in pattern.finditer(head):
                if match.start() >= DATELINE_CHARS:
                    break
                month_text = match["month"].lower()
                month = int(month_text) if month_text.isdigit() else self.months[month_text]
                try:
                    value = date(int(match["year"]), month, int(match["day"]))
                except ValueError:
                    continue
                found.append((match.start(), value.isoformat()))
                break
        return min(found)[1] if found else None


#: What follows a wire dateline's place: ", Iraq, Jan 6 (Reuters) -", " (AP) _", ", Jan 24 -".
_AFTER_DATELINE_PLACE = re.compile(r"(?:,\s*[A-Z][\w .'-]{0,30})?(?:,|\s*\(|\s+[-\u2013\u2014_])")
#: The agency in brackets right after the place: "Washington (CNN)", "Kabul (Reuters)".
_AGENCY_AFTER_PLACE = re.compile(r"\s*\([A-Z][A-Za-z. ]{0,24}\)")


def is_dateline_place(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] is a wire dateline's: at the start of a line,
    written in capitals ("ADEN, Jan 24 (Gulf Wire) -", "BONN (AP) _") or followed by the agency
    ("Washington (CNN)"). It says where the report was filed, not where its events happened."""
    if start > DATELINE_CHARS or (start > 0 and text[start - 1] != "\n"):
        return False
    if text[start:end].isupper():
        return _AFTER_DATELINE_PLACE.match(text, end) is not None
    return _AGENCY_AFTER_PLACE.match(text, end) is not None
