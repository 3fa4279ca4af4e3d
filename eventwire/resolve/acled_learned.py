"""A learned second opinion on the ACLED decision (``[acled] decision = "learned"``).

The decision list of ``acled_rules.tsv`` takes the first rule that holds; it cannot weigh one
fact against another ("captured" beside "killed" beside "troops"). This model does: a
multinomial logistic regression over the same facts the rules read (every cue group found in
the snippet, the same outside backdrop clauses as ``main:GROUP``, the pipeline's event facts)
plus the rules' own answer (its code and the number of the rule that gave it). It was fitted
by ``benchmarks/fit_acled_model.py`` on eventwire's labelled snippet files and validated file
by file (fit on the others, score the one left out); its features are names, never text, so
the shipped ``data/acled_model.tsv`` holds no sentence of any source.

The model keeps every decision explainable: the reason names the code it chose, its
probability, the rule it overrode and the facts that weighed most. A decision outside ACLED's
25 classes (organised crime, diplomacy, a claim) is the rules' alone: the model was never
shown those classes.

The weights name rules by number and cue groups by name, so they belong to one version of the
ACLED tables: the file records a fingerprint of what the features name (each rule's number, code
and conditions, the cue groups, the codes), and `AcledRules.load` refuses it beside tables that
differ there (refit with ``python benchmarks/fit_acled_model.py --write``, or decide by the rules
alone). Comments and cue patterns may change freely.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eventwire.data import read_notes, read_source
from eventwire.errors import ResourceError

__all__ = ["BIAS", "AcledModel", "decision_features", "tables_fingerprint"]

#: The feature every snippet has (the intercept).
BIAS = "(bias)"
#: The facts printed in a reason.
_REASON_FACTS = 3


def tables_fingerprint(codes: Iterable[str], groups: Iterable[str], rules: Iterable[str]) -> str:
    """A short hash of what the model's features name: the codes, the cue groups and each
    rule as ``number code when unless`` (see `AcledRules.fingerprint`)."""
    parts = ["codes", *sorted(codes), "groups", *sorted(groups), "rules", *rules]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def decision_features(facts: Iterable[str], code: str, rule: int | None) -> frozenset[str]:
    """The model's features: the facts held, the rules' code and the rule that gave it
    (``rule:main`` when the main event decided, ``rule:none`` when nothing did)."""
    which = "main" if rule is None else ("none" if rule == 0 else str(rule))
    return frozenset(facts) | {f"code:{code}", f"rule:{which}"}


@dataclass(frozen=True, slots=True)
class AcledModel:
    """Weights by feature and label; `labels` are the codes the model was fitted on."""

    labels: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]
    tables: str  # the fingerprint of the ACLED tables it was fitted with
    #: How much more probable than the rules' code the model's must be to replace it (the
    #: fitter picks it on the file-by-file folds).
    margin: float = 0.0

    @classmethod
    def load(cls, source: str = "acled_model.tsv") -> AcledModel:
        """Read a weights file (the bundled one by default); a malformed one is a ResourceError."""
        text = read_source(source)
        header = read_notes(text)
        rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
        weights: dict[str, dict[str, float]] = {}
        try:
            if not rows or rows[0] != ["feature", "label", "weight"]:
                raise ValueError("the header line must be feature, label, weight")
            for feature, label, weight in rows[1:]:
                weights.setdefault(feature, {})[label] = float(weight)
            margin = float(header.get("margin", "0"))
        except ValueError as exc:
            raise ResourceError(f"{source}: not a weights file of fit_acled_model.py ({exc})") from exc
        labels = tuple(sorted(weights.get(BIAS, {})))
        if not labels:
            raise ResourceError(f"{source}: no {BIAS!r} rows, so no labels")
        return cls(labels=labels, weights=weights, tables=header.get("tables", ""), margin=margin)

    def probabilities(self, features: Iterable[str], labels: Iterable[str] | None = None) -> dict[str, float]:
        """The probability of each label (of `labels` only, renormalised, when given)."""
        wanted = None if labels is None else set(labels)
        allowed = self.labels if wanted is None else tuple(lab for lab in self.labels if lab in wanted)
        scores = dict.fromkeys(allowed, 0.0)
        for feature in {BIAS, *features}:
            for label, weight in self.weights.get(feature, {}).items():
                if label in scores:
                    scores[label] += weight
        if not scores:
            return {}
        top = max(scores.values())
        exps = {label: math.exp(score - top) for label, score in scores.items()}
        total = sum(exps.values())
        return {label: value / total for label, value in exps.items()}

    def leading_facts(self, features: Iterable[str], label: str, against: str) -> list[str]:
        """The features that most favour `label` over `against`, strongest first."""
        margins = [
            (self.weights[f].get(label, 0.0) - self.weights[f].get(against, 0.0), f)
            for f in features
            if f in self.weights
        ]
        return [f for margin, f in sorted(margins, reverse=True)[:_REASON_FACTS] if margin > 0]

    def second_opinion(
        self, facts: Iterable[str], code: str, reason: str, rule: int | None, labels: Iterable[str] | None
    ) -> tuple[str, str]:
        """The model's code where it disagrees with the rules' `code`, with a reason that says
        what it overrode and why; the rules' code and reason where it agrees."""
        features = decision_features(facts, code, rule)
        chances = self.probabilities(features, labels)
        if code not in chances:  # a code outside the labels asked for: the model has no say
            return code, reason
        best = max(chances, key=chances.__getitem__)
        if chances[best] - chances[code] <= self.margin:
            return code, reason
        why = ", ".join(self.leading_facts(features, best, code)) or "the weights together"
        return best, (
            f"learned: {best} ({chances[best]:.2f}) over {code} ({chances[code]:.2f}) of "
            f"{reason.split(':', 1)[0]}; weighed most: {why}"
        )
