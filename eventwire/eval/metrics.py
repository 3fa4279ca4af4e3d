"""The small arithmetic every evaluation shares: shares of a whole and the F1 of P and R."""

from __future__ import annotations

__all__ = ["f1", "precision_recall_f1", "ratio", "rounded_scores"]


def ratio(part: int, whole: int) -> float:
    """part / whole rounded to four places; 0.0 for an empty whole."""
    return round(part / whole, 4) if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (unrounded); 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def precision_recall_f1(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision over `predicted`, recall over `gold` and their F1 (unrounded; 0.0 when empty)."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return precision, recall, f1(precision, recall)


def rounded_scores(correct: int, predicted: int, gold: int) -> dict[str, float]:
    """``precision``, ``recall`` and ``f1`` rounded to four places, as the reports print them."""
    precision, recall, score = precision_recall_f1(correct, predicted, gold)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(score, 4)}
