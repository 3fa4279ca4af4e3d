"""Score date extraction and normalisation against TimeML gold (TempEval-3 style).

The system side is what the pipeline does with a text: `extract_dates` (in its TimeML mode,
which adds durations, times and vague references such as "now"), the tense of each mention's
clause (`clause_tense`), then `resolve_dates` against the document's DCT. A system timex's
value is ``ResolvedDate.timex or ResolvedDate.value``, compared as a string with the gold TimeML
value ("1998-01-08", "1998-W02", "PRESENT_REF"). A range, one interval for eventwire
("1994/1997"), is scored as the two timexes TimeML annotates ("1994", "1997").

Three scores, each an F1 over one-to-one matches between system and gold timexes:

* strict: the same offsets;
* relaxed: any character overlap;
* value: overlap *and* the same value. This is TempEval-3's attribute F1 for value (UzZaman et
  al. 2013): precision = correctly valued relaxed matches / system timexes, recall = the same /
  gold timexes, so a missed or spurious timex counts against it, not only a wrong value.
  `precision` and `recall` in the report are these value precision and recall.

They are given for all gold timexes ("all") and for DATE timexes ("date"). eventwire only
extracts dates, so in "date" a system timex that overlaps a TIME, DURATION or SET timex and no
DATE timex is left out rather than counted wrong: it is a typing question, and "all" counts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.eval.metrics import ratio as _ratio
from eventwire.eval.timeml import TimemlDocument, TimexGold

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["evaluate_dates", "format_date_report"]

_CATEGORIES = ("date", "all")
_RANGE_LEAD = re.compile(r"(?i)(?:between|from)\s+")
_RANGE_JOIN = re.compile(r"(?i)\s+(?:to|and|through|until|till)\s+|(?<=\d)\s*[-\u2013]\s*(?=\d)")
_METRICS = ("strict_f1", "relaxed_f1", "value_f1", "precision", "recall")


@dataclass(frozen=True, slots=True)
class _SystemTimex:
    start: int
    end: int
    value: str | None


@dataclass(slots=True)
class _Counts:
    n_gold: int = 0
    n_system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, system: Sequence[_SystemTimex], gold: Sequence[TimexGold]) -> None:
        self.n_gold += len(gold)
        self.n_system += len(system)
        self.strict += _match(system, gold, lambda s, g: (s.start, s.end) == (g.start, g.end))
        self.relaxed += _match(system, gold, _overlap)
        self.value += _match(system, gold, lambda s, g: _overlap(s, g) and s.value == g.value)

    def scores(self) -> dict[str, float | int]:
        return {
            "strict_f1": _f1(self.strict, self.n_system, self.n_gold),
            "relaxed_f1": _f1(self.relaxed, self.n_system, self.n_gold),
            "value_f1": _f1(self.value, self.n_system, self.n_gold),
            "n_gold": self.n_gold,
            "precision": _ratio(self.value, self.n_system),
            "recall": _ratio(self.value, self.n_gold),
        }


def evaluate_dates(
    documents: Iterable[TimemlDocument], nlp: Language, *, batch_size: int = 32
) -> dict[str, Any]:
    """Run extraction and resolution over the documents and score them against their timexes.

    Returns JSON-ready scores: ``{"date": {...}, "all": {...}}``, each with ``strict_f1``,
    ``relaxed_f1``, ``value_f1``, ``n_gold``, ``precision`` and ``recall`` (value precision and
    recall), fractions rounded to four places.
    """
    from eventwire.extract.dates import extract_dates
    from eventwire.extract.syntax import clause_tense
    from eventwire.resolve.dates import resolve_dates

    documents = list(documents)
    counts = {category: _Counts() for category in _CATEGORIES}
    docs = nlp.pipe((document.text for document in documents), batch_size=batch_size)
    for document, doc in zip(documents, docs, strict=True):
        mentions = extract_dates(doc, timeml=True)
        tenses = [clause_tense(doc, mention.span.start) for mention in mentions]
        resolved = resolve_dates(mentions, document.dct, tenses)
        system = [
            timex
            for mention, found in zip(mentions, resolved, strict=True)
            for timex in _system_timexes(mention.span.text, mention.span.start, found.timex or found.value)
        ]
        gold_dates = [timex for timex in document.timexes if timex.type == "DATE"]
        other_gold = [timex for timex in document.timexes if timex.type != "DATE"]
        system_dates = [
            s
            for s in system
            if any(_overlap(s, g) for g in gold_dates) or not any(_overlap(s, g) for g in other_gold)
        ]
        counts["all"].add(system, document.timexes)
        counts["date"].add(system_dates, gold_dates)
    return {category: counts[category].scores() for category in _CATEGORIES}


def format_date_report(report: dict[str, Any]) -> str:
    """A plain-text table of `evaluate_dates`' report, one row per category."""
    header = ["", *_METRICS, "n_gold"]
    rows = [header] + [
        [
            category,
            *(f"{report[category][metric]:.4f}" for metric in _METRICS),
            str(report[category]["n_gold"]),
        ]
        for category in _CATEGORIES
        if category in report
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.rjust(width) if i else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _system_timexes(text: str, start: int, value: str | None) -> list[_SystemTimex]:
    """One timex, or two for a range: TimeML annotates "between 1994 and 1997" as "1994" and
    "1997", where eventwire keeps one interval ("1994/1997")."""
    end = start + len(text)
    if value is None or "/" not in value or (middle := _RANGE_JOIN.search(text)) is None:
        return [_SystemTimex(start, end, value)]
    first, last = value.split("/", 1)
    lead = _RANGE_LEAD.match(text)
    first_start = start + (lead.end() if lead else 0)
    return [
        _SystemTimex(first_start, start + middle.start(), first),
        _SystemTimex(start + middle.end(), end, last),
    ]


def _overlap(system: _SystemTimex, gold: TimexGold) -> bool:
    return system.start < gold.end and gold.start < system.end


def _match(
    system: Sequence[_SystemTimex],
    gold: Sequence[TimexGold],
    matches: Callable[[_SystemTimex, TimexGold], bool],
) -> int:
    """Pairs in a greedy one-to-one matching (text order): a system timex spanning two gold
    timexes ("between 3 and 5 May") counts once, not twice."""
    used: set[int] = set()
    for s in system:
        for i, g in enumerate(gold):
            if i not in used and matches(s, g):
                used.add(i)
                break
    return len(used)


def _f1(correct: int, n_system: int, n_gold: int) -> float:
    return round(2 * correct / (n_system + n_gold), 4) if n_system + n_gold else 0.0
