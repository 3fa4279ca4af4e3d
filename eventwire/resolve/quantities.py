"""Quantity mentions -> an event's quantities, and its fatalities and injuries as estimates.

The figures given to one event are reports of the same thing: two sources, or one source
updating itself. They are never added up (victims listed together in one phrase were already
added by the extractor). Following ACLED, the best figure is the most conservative one reported;
following UCDP, low and high span what the reports allow:

- low:  the least lower bound ("at least 25" gives 25; "up to 40" gives none);
- best: the least reported value;
- high: the greatest upper bound ("between 10 and 15" gives 15; "at least 25" gives none).

An explicit zero ("no casualties") is a figure like any other: alone it gives (0, 0, 0).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.extract.numbers import count_bounds
from eventwire.records import Estimate, Quantity, QuantityMention

__all__ = ["resolve_quantities", "summarize_casualties"]


def resolve_quantities(mentions: Sequence[QuantityMention]) -> list[Quantity]:
    """One quantity per distinct figure, in the order first mentioned.

    The same figure for the same thing reported twice ("13 drones" in the lead and again in a
    quote) is kept once, with the evidence of its first mention; different figures all stay,
    because each is evidence the estimate draws on.
    """
    seen: set[tuple[str, int | None, int | None, int | None]] = set()
    quantities: list[Quantity] = []
    for mention in mentions:
        key = (mention.what, mention.value, mention.low, mention.high)
        if key in seen:
            continue
        seen.add(key)
        quantities.append(
            Quantity(
                what=mention.what,
                value=mention.value,
                low=mention.low,
                high=mention.high,
                text=mention.span.text,
                span=mention.span,
            )
        )
    return quantities


def summarize_casualties(quantities: Sequence[Quantity]) -> tuple[Estimate | None, Estimate | None]:
    """(fatalities, injuries) across the figures for `killed` and `wounded`; None without any.

    A non-zero `casualties` figure is not used: it does not say how many of them died.
    """
    return _estimate(quantities, "killed"), _estimate(quantities, "wounded")


def _estimate(quantities: Sequence[Quantity], what: str) -> Estimate | None:
    figures = [q for q in quantities if q.what == what]
    if not figures:
        return None
    bounds = [count_bounds(q.value, q.low, q.high) for q in figures]
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds if high is not None]
    values = [q.value for q in figures if q.value is not None]
    return Estimate(
        low=min(lows) if lows else None,
        best=min(values) if values else None,
        high=max(highs) if highs else None,
    )
