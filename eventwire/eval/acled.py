"""Evaluation of the ACLED sub-event decision on labelled snippets (CASE 2021 task 2 format).

**File.** UTF-8 text, one snippet a line: ``id<TAB>text<TAB>label``, the label a CASE code
(``data/acled_codes.tsv``). A header line ``id<TAB>EventSnippet<TAB>SubType`` may come first;
blank lines and lines starting with ``#`` are skipped. A text holding tabs keeps them (the id is
the first field and the label the last); a text wrapped in double quotes is unquoted (``""`` is
one quotation mark). Lines with fewer than three fields, an empty text or an unknown label are
reported in ``bad_lines`` and skipped; the others are still scored.

**Scores.** Each snippet gets exactly one code per label set (25 ACLED sub-event types; 28
adding ORG_CRIME, NATURAL_DISASTER and MAN_MADE_DISASTER; 30 adding DIPLO and ATTRIB): the
snippets whose gold label is in the set are scored, each decided within that set
(`classify_acled` with the set's labels), as a system built for that label set decides. Per
label: precision, recall, F1. Micro F1 pools the counts of the labels in the set (accuracy);
macro F1 is the mean over the labels of the set that occur in the gold or the predictions;
weighted F1 weights each label's F1 by its number of gold snippets. These follow scikit-learn's
``f1_score`` with ``labels`` set to the labels seen, as the shared task scored.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.errors import InputError, MissingInputError
from eventwire.eval.metrics import f1 as _f1
from eventwire.eval.metrics import precision_recall_f1, rounded_scores
from eventwire.records import Article, ExtractionResult, Failure
from eventwire.resolve.acled import AcledRules, classify_acled

__all__ = [
    "LABEL_SETS",
    "AcledSnippet",
    "evaluate_acled",
    "evaluate_acled_file",
    "format_acled_report",
    "read_acled_snippets",
    "score_labels",
]

#: The label sets of the shared task, by size.
LABEL_SETS = (25, 28, 30)
_HEADER = ("id", "eventsnippet", "subtype")


@dataclass(frozen=True, slots=True)
class AcledSnippet:
    id: str
    text: str
    label: str


class _Extractor(Protocol):
    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]: ...


def read_acled_snippets(path: str | Path, labels: Iterable[str]) -> tuple[list[AcledSnippet], list[str]]:
    """The snippets of a labelled TSV file, and one message per bad line (skipped)."""
    source = Path(path)
    try:
        text = source.read_text("utf-8-sig")  # a byte-order mark is not part of the first id
    except FileNotFoundError as exc:
        raise MissingInputError(f"{source}: no such file; pass a TSV of id, text and label") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{source}: cannot read it as UTF-8 text ({exc}); save it as UTF-8") from exc
    known = frozenset(labels)
    snippets: list[AcledSnippet] = []
    bad: list[str] = []
    first = True
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if first and tuple(f.strip().lower() for f in fields) == _HEADER:
            first = False
            continue
        first = False
        if len(fields) < 3:
            bad.append(f"line {number}: expected id, text and label separated by tabs")
            continue
        snippet_id, label = fields[0].strip(), fields[-1].strip()
        snippet = _unquote("\t".join(fields[1:-1]).strip())
        if not snippet:
            bad.append(f"line {number}: empty text")
        elif label not in known:
            bad.append(f"line {number}: unknown label {label!r}")
        else:
            snippets.append(AcledSnippet(snippet_id or f"line-{number}", snippet, label))
    return snippets, bad


def _unquote(text: str) -> str:
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('""', '"').strip()
    return text


def score_labels(gold: Sequence[str], predicted: Sequence[str], label_set: Iterable[str]) -> dict[str, Any]:
    """Micro, macro and weighted F1 of the snippets whose gold label is in `label_set`."""
    allowed = frozenset(label_set)
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in allowed]
    seen = sorted({g for g, _ in pairs} | {p for _, p in pairs if p in allowed})
    support = Counter(g for g, _ in pairs)
    per_label: dict[str, dict[str, float | int]] = {}
    true_positives = predicted_in_set = 0
    for label in seen:
        tp = sum(1 for g, p in pairs if g == p == label)
        n_predicted = sum(1 for _, p in pairs if p == label)
        per_label[label] = {**rounded_scores(tp, n_predicted, support[label]), "n": support[label]}
        true_positives += tp
        predicted_in_set += n_predicted
    n = len(pairs)
    f1s = {label: _f1_of(per_label[label]) for label in seen}
    return {
        "micro_f1": round(precision_recall_f1(true_positives, predicted_in_set, n)[2], 4),
        "macro_f1": round(sum(f1s.values()) / len(f1s), 4) if f1s else 0.0,
        "weighted_f1": round(sum(f1s[label] * support[label] for label in seen) / n, 4) if n else 0.0,
        "n": n,
        "per_label": per_label,
    }


def _f1_of(scores: dict[str, float | int]) -> float:
    return _f1(float(scores["precision"]), float(scores["recall"]))


def evaluate_acled(
    snippets: Sequence[AcledSnippet],
    pipeline: _Extractor,
    rules: AcledRules,
    *,
    bad_lines: Sequence[str] = (),
) -> dict[str, Any]:
    """Run `pipeline` (a loaded `Pipeline`) over the snippets, classify each and score; JSON-ready."""
    started = time.perf_counter()
    articles = [Article(id=s.id, text=s.text) for s in snippets]
    # One decision per label set: a system for the 25-label task codes within those 25.
    label_sets = {size: rules.label_set(size) for size in LABEL_SETS}
    by_size: dict[int, list[str]] = {size: [] for size in LABEL_SETS}
    reasons: list[str] = []
    for outcome in pipeline.extract(articles):
        if isinstance(outcome, Failure):
            for codes in by_size.values():
                codes.append("OTHER")  # nothing to classify: the fallback code, scored as usual
            reasons.append(f"failure: {outcome.message}")
            continue
        decisions = {size: classify_acled(outcome, rules, label_sets[size]) for size in LABEL_SETS}
        for size, codes in by_size.items():
            codes.append(decisions[size].code)
        reasons.append(decisions[max(LABEL_SETS)].reason)  # the widest set's, as the confusion table
    predicted = by_size[max(LABEL_SETS)]
    gold = [s.label for s in snippets]
    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        confusion.setdefault(g, {})
        confusion[g][p] = confusion[g].get(p, 0) + 1
    report: dict[str, Any] = {
        f"labels_{size}": score_labels(gold, by_size[size], label_sets[size]) for size in LABEL_SETS
    }
    report["confusion"] = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    report["errors"] = [
        {"id": s.id, "gold": s.label, "predicted": p, "reason": r}
        for s, p, r in zip(snippets, predicted, reasons, strict=True)
        if p != s.label
    ]
    report["bad_lines"] = list(bad_lines)
    report["n"] = len(snippets)
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def evaluate_acled_file(
    path: str | Path, pipeline: _Extractor, rules: AcledRules | None = None
) -> dict[str, Any]:
    """Read a labelled TSV file (bad lines reported in the result) and evaluate it."""
    # The pipeline's own rules, as its configuration loaded them ([acled] decision).
    rules = rules or getattr(pipeline, "acled", None) or AcledRules.load()
    snippets, bad_lines = read_acled_snippets(path, rules.classes)
    return evaluate_acled(snippets, pipeline, rules, bad_lines=bad_lines)


def format_acled_report(report: dict[str, Any]) -> str:
    """A readable summary: the three label sets, per-label F1 and the confusion table."""
    lines = [f"ACLED sub-event classification: {report['n']} snippets in {report['seconds']} s"]
    for bad in report["bad_lines"]:
        lines.append(f"  skipped {bad}")
    lines.append(f"  {'labels':<8} {'n':>5} {'micro F1':>9} {'macro F1':>9} {'weighted F1':>12}")
    for size in LABEL_SETS:
        scores = report[f"labels_{size}"]
        lines.append(
            f"  {size:<8} {scores['n']:>5} {scores['micro_f1']:>9.3f} {scores['macro_f1']:>9.3f}"
            f" {scores['weighted_f1']:>12.3f}"
        )
    lines.append("\nper label (30 set):")
    for label, scores in report["labels_30"]["per_label"].items():
        lines.append(
            f"  {label:<30} n={scores['n']:<4} P={scores['precision']:.2f} R={scores['recall']:.2f}"
            f" F1={scores['f1']:.2f}"
        )
    lines.append("\nconfusion (gold: predicted counts):")
    for gold, row in report["confusion"].items():
        cells = ", ".join(f"{p}={c}" for p, c in sorted(row.items(), key=lambda kv: -kv[1]))
        lines.append(f"  {gold:<30} {cells}")
    return "\n".join(lines) + "\n"
