"""Month, weekday and season names (calendar_words.tsv), shared by date extraction and resolution."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from eventwire.data import read_table

__all__ = ["CalendarWords", "calendar_words"]


@dataclass(frozen=True, slots=True)
class CalendarWords:
    """Lower-case calendar words, each mapping in file order."""

    months: Mapping[str, int]  # names and abbreviations -> 1 (January) .. 12
    month_names: tuple[str, ...]  # "january" .. "december"
    month_abbreviations: tuple[str, ...]  # "jan", "feb", ...; "may" has none
    weekdays: Mapping[str, int]  # names and abbreviations -> 1 (Monday) .. 7
    weekday_names: tuple[str, ...]  # "monday" .. "sunday"
    seasons: Mapping[str, str]  # "spring" -> "SP", "autumn" and "fall" -> "FA", ...

    @classmethod
    def load(cls) -> CalendarWords:
        """The bundled table, read afresh; the `EventLexicon` holds the one the pipeline uses."""
        rows = read_table("calendar_words.tsv")

        def of(kind: str, form: str | None = None) -> list[dict[str, str]]:
            return [r for r in rows if r["kind"] == kind and (form is None or r["form"] == form)]

        return cls(
            months=MappingProxyType({r["word"]: int(r["value"]) for r in of("month")}),
            month_names=tuple(r["word"] for r in of("month", "name")),
            month_abbreviations=tuple(r["word"] for r in of("month", "abbr")),
            weekdays=MappingProxyType({r["word"]: int(r["value"]) for r in of("weekday")}),
            weekday_names=tuple(r["word"] for r in of("weekday", "name")),
            seasons=MappingProxyType({r["word"]: r["value"] for r in of("season")}),
        )


def calendar_words() -> CalendarWords:
    """`CalendarWords.load()`, for callers not yet handed the lexicon's (ingest's datelines)."""
    return CalendarWords.load()
