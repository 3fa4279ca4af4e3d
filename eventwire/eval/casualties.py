"""Evaluation of casualty and equipment figures and of who is credited for them.

Two gold formats, told apart by content (`read_casualty_gold`):

**PLOVER GSR** (``PLOVER_GSR_CAMEO.txt``, a JSON array of event records): records with a
``dead`` or ``injured`` field give the number killed or wounded in the one event their
``text`` reports. eventwire's figure is the best estimate of the text's main incident (the
rule of `eval.fakes.main_incident`: the ASSAULT with the highest best fatality estimate, else
the first event). Reported: exact-match accuracy of dead and of injured over the records that
give them, with n. A text in which eventwire finds no figure counts as wrong.

**Casualty sentences** (``benchmarks/data/casualty_sentences.jsonl``, JSON Lines, one item a
line; written for eventwire, not taken from any publisher)::

    {"id": "d01", "split": "dev" | "holdout", "text": "...", "published": "YYYY-MM-DD" (optional),
     "figures": [{"what": "killed", "value": 22, "low": 22, "high": null,
                  "source": "the interior ministry" | null, "status": "claimed" (optional)}]}

``what`` is one of eventwire's quantity kinds (killed, wounded, missing, arrested, abducted,
displaced, drones, missiles, rockets, shells, shot_down, intercepted, ...); ``value``, ``low``
and ``high`` follow `text.numbers` ("at least 22" is 22 with low 22; "dozens" 12 with low
12; "nearly 70" 70 with high 70); missing ``low``/``high`` mean none. ``source`` is the phrase
that vouches for the figure as written, or null when the text names none; ``figures`` lists
every figure a careful coder would take from the text (an empty list: none). The ``holdout``
half was written first and is never looked at while changing the rules, so its score is the
honest one; ``dev`` is for development.

Scores per split (and over all items): figure precision, recall and F1, where a predicted
figure matches a gold one of the same ``what``, ``value``, ``low`` and ``high``; item exact
match (the item's predicted figures are exactly its gold ones); attribution accuracy over the
matched figures (no source on both sides, or the two source phrases are the same once case and
a leading article are dropped, or one contains the other: "the Britain-based Syrian
Observatory for Human Rights" for "the Syrian Observatory for Human Rights"); and status
accuracy over matched figures whose gold gives a status. eventwire's figures are those on its
events (the same figure at the same place in the text counts once).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.errors import InputError, MissingInputError, RecordFormatError
from eventwire.eval.fakes import main_incident
from eventwire.eval.metrics import f1 as _f1
from eventwire.eval.metrics import ratio as _ratio
from eventwire.records import Article, ExtractionResult, Failure, Quantity, make_id

__all__ = [
    "CasualtyGold",
    "GoldFigure",
    "PloverCasualties",
    "evaluate_casualties",
    "format_casualties_report",
    "read_casualty_gold",
]

_SPLITS = ("dev", "holdout")


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """One figure of a casualty-sentence item."""

    what: str
    value: int | None
    low: int | None = None
    high: int | None = None
    source: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class CasualtyGold:
    """One item of the casualty-sentence file."""

    id: str
    split: str
    text: str
    figures: tuple[GoldFigure, ...]
    published: str | None = None


@dataclass(frozen=True, slots=True)
class PloverCasualties:
    """A PLOVER GSR record that gives the dead and/or the injured of its event."""

    id: str
    text: str
    published: str | None
    dead: int | None
    injured: int | None


class _Extractor(Protocol):
    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]: ...


# --------------------------------------------------------------------------- reading


def read_casualty_gold(path: str | Path) -> list[PloverCasualties] | list[CasualtyGold]:
    """The items of a gold file: PLOVER records (a JSON array) or casualty sentences (JSONL)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise MissingInputError(f"{path} does not exist; pass PLOVER_GSR_CAMEO.txt or a JSONL file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}; pass a UTF-8 JSON or JSONL file") from exc
    if text.lstrip().startswith("["):
        return _read_plover(text, path)
    return _read_sentences(text, path)


def _read_plover(text: str, path: Path) -> list[PloverCasualties]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordFormatError(f"{path} is not a JSON array: {exc}") from exc
    items = []
    for record in records:
        if not isinstance(record, dict) or not record.get("text"):
            continue
        if "dead" not in record and "injured" not in record:
            continue
        where = f"{path}: {record.get('id', '?')}"
        items.append(
            PloverCasualties(
                id=str(record.get("id", "")),
                text=record["text"],
                published=record.get("date"),
                dead=_integer(record.get("dead"), where),
                injured=_integer(record.get("injured"), where),
            )
        )
    return items


def _read_sentences(text: str, path: Path) -> list[CasualtyGold]:
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            figures = tuple(
                GoldFigure(
                    what=f["what"],
                    value=_integer(f.get("value"), where),
                    low=_integer(f.get("low"), where),
                    high=_integer(f.get("high"), where),
                    source=f.get("source"),
                    status=f.get("status"),
                )
                for f in record["figures"]
            )
            items.append(
                CasualtyGold(
                    id=str(record["id"]),
                    split=str(record.get("split", "dev")),
                    text=record["text"],
                    figures=figures,
                    published=record.get("published"),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RecordFormatError(
                f"{where}: not a casualty item ({exc}); each line needs id, text and figures"
            ) from exc
    return items


def _integer(value: object, where: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value).replace(",", ""))
    except ValueError as exc:
        raise RecordFormatError(f"{where}: {value!r} is not a whole number") from exc


# --------------------------------------------------------------------------- scoring


def evaluate_casualties(
    items: Sequence[PloverCasualties] | Sequence[CasualtyGold], pipeline: _Extractor
) -> dict[str, Any]:
    """Run `pipeline` (a loaded `Pipeline`) over the gold items and score it; JSON-ready dict."""
    inputs = [
        Article(id=make_id(item.id, item.text, prefix="a-"), text=item.text, published=item.published)
        for item in items
    ]
    results = list(pipeline.extract(inputs))
    if items and isinstance(items[0], PloverCasualties):
        return _score_plover([i for i in items if isinstance(i, PloverCasualties)], results)
    return _score_sentences([i for i in items if isinstance(i, CasualtyGold)], results)


def _score_plover(
    items: Sequence[PloverCasualties], results: Sequence[ExtractionResult | Failure]
) -> dict[str, Any]:
    dead = Counter[str]()
    injured = Counter[str]()
    misses = []
    for item, result in zip(items, results, strict=True):
        event = main_incident(result.events) if isinstance(result, ExtractionResult) else None
        predicted_dead = event.fatalities.best if event and event.fatalities else None
        predicted_injured = event.injuries.best if event and event.injuries else None
        for gold, predicted, tally, what in (
            (item.dead, predicted_dead, dead, "dead"),
            (item.injured, predicted_injured, injured, "injured"),
        ):
            if gold is None:
                continue
            tally["n"] += 1
            if predicted == gold:
                tally["correct"] += 1
            else:
                misses.append({"id": item.id, "what": what, "gold": gold, "predicted": predicted})
    return {
        "format": "plover",
        "dead": {"accuracy": _ratio(dead["correct"], dead["n"]), "n": dead["n"]},
        "injured": {"accuracy": _ratio(injured["correct"], injured["n"]), "n": injured["n"]},
        "all": {
            "accuracy": _ratio(dead["correct"] + injured["correct"], dead["n"] + injured["n"]),
            "n": dead["n"] + injured["n"],
        },
        "misses": misses,
    }


@dataclass(slots=True)
class _Tally:
    items: int = 0
    exact_items: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_right: int = 0
    with_status: int = 0
    status_right: int = 0

    def report(self) -> dict[str, Any]:
        precision = _ratio(self.matched, self.predicted)
        recall = _ratio(self.matched, self.gold)
        f1 = round(_f1(precision, recall), 4)
        return {
            "n_items": self.items,
            "n_figures": self.gold,
            "item_exact_match": _ratio(self.exact_items, self.items),
            "figure_precision": precision,
            "figure_recall": recall,
            "figure_f1": f1,
            "attribution_accuracy": _ratio(self.source_right, self.matched),
            "status_accuracy": _ratio(self.status_right, self.with_status),
            "n_status": self.with_status,
        }


def _score_sentences(
    items: Sequence[CasualtyGold], results: Sequence[ExtractionResult | Failure]
) -> dict[str, Any]:
    tallies = {split: _Tally() for split in (*_SPLITS, "all")}
    misses = []
    for item, result in zip(items, results, strict=True):
        predicted = _figures(result)
        unmatched = list(predicted)
        matches: list[tuple[GoldFigure, Quantity]] = []
        lost = []
        for figure in item.figures:
            partner = next((q for q in unmatched if _same_figure(figure, q)), None)
            if partner is None:
                lost.append(figure)
                continue
            unmatched.remove(partner)
            matches.append((figure, partner))
        for split in (item.split, "all"):
            tally = tallies.setdefault(split, _Tally())
            tally.items += 1
            tally.exact_items += not lost and not unmatched
            tally.gold += len(item.figures)
            tally.predicted += len(predicted)
            tally.matched += len(matches)
            tally.source_right += sum(_same_source(f.source, q) for f, q in matches)
            tally.with_status += sum(f.status is not None for f, _ in matches)
            tally.status_right += sum(f.status is not None and f.status == q.status for f, q in matches)
        wrong_sources = [f for f, q in matches if not _same_source(f.source, q)]
        if lost or unmatched or wrong_sources:
            misses.append(
                {
                    "id": item.id,
                    "missed": [_describe(f.what, f.value, f.low, f.high, f.source) for f in lost],
                    "extra": [_describe(q.what, q.value, q.low, q.high, _source_text(q)) for q in unmatched],
                    "wrong_source": [f"{f.what} {f.value}: gold {f.source!r}" for f in wrong_sources],
                }
            )
    return {"format": "sentences", **{split: t.report() for split, t in tallies.items()}, "misses": misses}


def _figures(result: ExtractionResult | Failure) -> list[Quantity]:
    """The figures on the events; one figure at one place in the text counts once."""
    if not isinstance(result, ExtractionResult):
        return []
    seen: set[tuple[str, int | None, int | None, int | None, int | None]] = set()
    figures = []
    for event in result.events:
        for quantity in event.quantities:
            key = (
                quantity.what,
                quantity.value,
                quantity.low,
                quantity.high,
                quantity.span.start if quantity.span else None,
            )
            if key not in seen:
                seen.add(key)
                figures.append(quantity)
    return figures


def _same_figure(gold: GoldFigure, quantity: Quantity) -> bool:
    return (gold.what, gold.value, gold.low, gold.high) == (
        quantity.what,
        quantity.value,
        quantity.low,
        quantity.high,
    )


def _same_source(gold: str | None, quantity: Quantity) -> bool:
    predicted = _source_text(quantity)
    if gold is None or predicted is None:
        return gold is None and predicted is None
    a, b = _normalise(gold), _normalise(predicted)
    return bool(a and b) and (a == b or a in b or b in a)


def _source_text(quantity: Quantity) -> str | None:
    return quantity.source.text if quantity.source is not None else None


def _normalise(phrase: str) -> str:
    words = re.findall(r"[a-z0-9]+", phrase.lower())
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words)


def _describe(what: str, value: int | None, low: int | None, high: int | None, source: str | None) -> str:
    bounds = (
        f" [{low if low is not None else ''}..{high if high is not None else ''}]"
        if (low, high) != (None, None)
        else ""
    )
    return f"{what} {value}{bounds} ({source or 'no source'})"




# --------------------------------------------------------------------------- display


def format_casualties_report(report: dict[str, Any]) -> str:
    """The report as a few aligned lines for a terminal (misses are in the JSON)."""
    if report.get("format") == "plover":
        lines = [
            f"{what:<8} exact match {report[what]['accuracy']:.1%}  (n={report[what]['n']})"
            for what in ("dead", "injured", "all")
        ]
        return "\n".join(lines)
    lines = []
    for split in (*_SPLITS, "all"):
        if split not in report or not report[split]["n_items"]:
            continue
        part = report[split]
        lines.append(
            f"{split:<8} items {part['n_items']:>3}  exact {part['item_exact_match']:.1%}  "
            f"figures P {part['figure_precision']:.1%} R {part['figure_recall']:.1%} "
            f"F1 {part['figure_f1']:.1%}  attribution {part['attribution_accuracy']:.1%}  "
            f"status {part['status_accuracy']:.1%} (n={part['n_status']})"
        )
    return "\n".join(lines)
