"""Evaluation on SATP incident summaries (South Asia Terrorism Portal, via ConfliBERT).

**File.** UTF-8 TSV without a header: ``text<TAB>a<TAB>b<TAB>c<TAB>d``, four 0/1 columns. They
are undocumented; reading the training split (for understanding only, nothing is fitted to it)
shows what they mark, in order: **armed_assault** (shootings, encounters, gun battles),
**bombing** (IEDs, grenades, suicide and other explosions), **kidnapping** (abductions,
hostages, rescues of the abducted) and **other** (everything else: arson, ransacking and
destruction, extortion, attacks on buildings, some targeted killings). Every row has at least
one label; several may hold. Bad lines are reported in ``bad_lines`` and skipped.

**Our labels**, a rule fixed in advance from the pipeline's events and the snippet's ACLED
decision (`classify_acled`), counting only events asserted or claimed:

- armed_assault: an ASSAULT event whose means are not remote or abduction (firearms,
  unknown, targeted, primitive, beating, torture), or the decision ARMED_CLASH or ATTACK;
- bombing: an event coded Explosions/Remote violence by ACLED, or a decision of that type;
- kidnapping: an ASSAULT event of mode abduct, or the decision ABDUCT_DISSAP, or the decision
  ATTACK on people the summary says were abducted (ACLED codes the killing that ended an
  abduction; SATP, which marks every kind a summary tells, marks the abduction too);
- other: the decision is a strategic development, a riot or one of the classes outside ACLED,
  or none of the three labels above holds (every incident has a label).

**Scores**: per label precision, recall, F1 and n (incidents with the gold label); micro F1
pools the four labels' counts, macro F1 averages them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.errors import InputError, MissingInputError
from eventwire.eval.metrics import precision_recall_f1, rounded_scores
from eventwire.records import AcledDecision, Article, ExtractionResult, Failure
from eventwire.resolve.acled import COUNTED_STATUSES, AcledRules, classify_acled

__all__ = [
    "SATP_LABELS",
    "SatpIncident",
    "evaluate_satp",
    "evaluate_satp_file",
    "format_satp_report",
    "read_satp",
    "satp_labels",
]

SATP_LABELS = ("armed_assault", "bombing", "kidnapping", "other")
_REMOTE = "Explosions/Remote violence"
_DIRECT_MODES = frozenset({"firearms", "targeted", "primitive", "beat", "torture"})


@dataclass(frozen=True, slots=True)
class SatpIncident:
    id: str
    text: str
    labels: frozenset[str]


class _Extractor(Protocol):
    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]: ...


def read_satp(path: str | Path) -> tuple[list[SatpIncident], list[str]]:
    """The incidents of a SATP TSV file, and one message per bad line (skipped)."""
    source = Path(path)
    try:
        text = source.read_text("utf-8-sig")  # a byte-order mark is not part of the first id
    except FileNotFoundError as exc:
        raise MissingInputError(f"{source}: no such file; pass the SATP dev.tsv") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{source}: cannot read it as UTF-8 text ({exc}); save it as UTF-8") from exc
    incidents: list[SatpIncident] = []
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.rstrip("\r").split("\t")
        flags = [f.strip() for f in fields[-4:]]
        body = "\t".join(fields[:-4]).strip()
        if len(fields) < 5 or any(f not in {"0", "1"} for f in flags) or not body:
            bad.append(f"line {number}: expected text and four 0/1 columns separated by tabs")
            continue
        labels = frozenset(label for label, flag in zip(SATP_LABELS, flags, strict=True) if flag == "1")
        incidents.append(SatpIncident(f"satp-{number}", body, labels))
    return incidents, bad


def satp_labels(
    result: ExtractionResult, decision: AcledDecision, rules: AcledRules | None = None
) -> frozenset[str]:
    """Our SATP labels for one incident (the rule in the module docstring); `rules` give the
    abduction cues an ATTACK decision is read against."""
    labels: set[str] = set()
    for event in result.events:
        if event.status not in COUNTED_STATUSES or event.type != "ASSAULT":
            continue
        if event.acled_event_type == _REMOTE:
            labels.add("bombing")
        elif event.mode == "abduct":
            labels.add("kidnapping")
        elif event.mode is None or event.mode in _DIRECT_MODES:
            labels.add("armed_assault")
    if decision.event_type == _REMOTE:
        labels.add("bombing")
    elif decision.code == "ABDUCT_DISSAP":
        labels.add("kidnapping")
    elif decision.code in {"ARMED_CLASH", "ATTACK"}:
        labels.add("armed_assault")
        if decision.code == "ATTACK" and rules is not None and rules.tells(result.article.text, "abduction"):
            labels.add("kidnapping")
    elif decision.event_type in {None, "Strategic developments", "Riots"}:
        labels.add("other")
    return frozenset(labels or {"other"})


def evaluate_satp(
    incidents: Sequence[SatpIncident], pipeline: _Extractor, rules: AcledRules
) -> dict[str, Any]:
    """Run `pipeline` (a loaded `Pipeline`) over the incidents and score the four labels; JSON-ready."""
    started = time.perf_counter()
    articles = [Article(id=i.id, text=i.text) for i in incidents]
    predicted: list[frozenset[str]] = []
    for outcome in pipeline.extract(articles):
        if isinstance(outcome, Failure):
            predicted.append(frozenset())
            continue
        predicted.append(satp_labels(outcome, classify_acled(outcome, rules), rules))
    report: dict[str, Any] = {"labels": {}}
    totals = [0, 0, 0]  # true positives, predicted, gold
    f1s = []
    for label in SATP_LABELS:
        tp = sum(1 for i, p in zip(incidents, predicted, strict=True) if label in i.labels and label in p)
        n_predicted = sum(1 for p in predicted if label in p)
        n_gold = sum(1 for i in incidents if label in i.labels)
        f1s.append(precision_recall_f1(tp, n_predicted, n_gold)[2])
        scores = rounded_scores(tp, n_predicted, n_gold)
        report["labels"][label] = {**scores, "n": n_gold, "predicted": n_predicted}
        totals = [totals[0] + tp, totals[1] + n_predicted, totals[2] + n_gold]
    report["micro_f1"] = round(precision_recall_f1(*totals)[2], 4)
    report["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    report["n"] = len(incidents)
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def evaluate_satp_file(
    path: str | Path, pipeline: _Extractor, rules: AcledRules | None = None
) -> dict[str, Any]:
    """Read a SATP TSV file (bad lines reported in the result) and evaluate it."""
    incidents, bad_lines = read_satp(path)
    # The pipeline's own rules, as its configuration loaded them ([acled] decision).
    rules = rules or getattr(pipeline, "acled", None) or AcledRules.load()
    report = evaluate_satp(incidents, pipeline, rules)
    report["bad_lines"] = bad_lines
    return report


def format_satp_report(report: dict[str, Any]) -> str:
    """A readable table of the four labels."""
    lines = [f"SATP incident types: {report['n']} incidents in {report['seconds']} s"]
    lines += [f"  skipped {bad}" for bad in report.get("bad_lines", [])]
    lines.append(f"  {'label':<14} {'n':>4} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label, s in report["labels"].items():
        lines.append(
            f"  {label:<14} {s['n']:>4} {s['predicted']:>5} {s['precision']:>6.3f} {s['recall']:>6.3f}"
            f" {s['f1']:>6.3f}"
        )
    lines.append(f"  micro F1 {report['micro_f1']:.3f}   macro F1 {report['macro_f1']:.3f}")
    return "\n".join(lines) + "\n"
