"""The small arithmetic every evaluation shares: shares of a whole and the F1 of P and R."""

from __future__ import annotations

__all__ = ["f1", "ratio"]


def ratio(part: int, whole: int) -> float:
    """part / whole rounded to four places; 0.0 for an empty whole."""
    return round(part / whole, 4) if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (unrounded); 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
