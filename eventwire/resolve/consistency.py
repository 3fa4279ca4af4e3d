"""Checks of an article against itself, so a reader sees where to look closer.

- **parts_of_whole**: figures of one event that are parts of another ("7 shot down + 6 forced
  to land" of "13 drones", from ``data/parts_of_whole.tsv``) must not add up to more than it;
- **date_spread**: the article's dated expressions span more than `max_spread_days` (a report
  mixing the event with background from months before or plans months ahead);
- **unsourced_figures**: casualty figures that no source is credited for: neither the figure
  ("..., police said") nor its event names one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from eventwire.records import ConsistencyCheck, Event, Quantity, ResolvedDate

__all__ = ["check_consistency"]

_CASUALTY_FIGURES = frozenset({"killed", "wounded", "missing", "casualties"})


def check_consistency(
    events: Sequence[Event],
    dates: Sequence[ResolvedDate],
    parts_of_whole: dict[str, tuple[str, ...]],
    *,
    max_spread_days: int = 60,
) -> list[ConsistencyCheck]:
    """The checks that apply to this article, passed or not."""
    checks = _parts_of_whole(events, parts_of_whole)
    spread = _date_spread(dates, max_spread_days)
    if spread is not None:
        checks.append(spread)
    checks += _unsourced(events)
    return checks


def _parts_of_whole(
    events: Sequence[Event], parts_of_whole: dict[str, tuple[str, ...]]
) -> list[ConsistencyCheck]:
    checks: list[ConsistencyCheck] = []
    seen_links: set[str] = set()
    for event in events:
        if event.link is not None:
            if event.link in seen_links:
                continue  # events split by place share their figures: check them once
            seen_links.add(event.link)
        figures = {q.what: q for q in event.quantities if q.value is not None}
        for whole, parts in parts_of_whole.items():
            present = [figures[p] for p in parts if p in figures]
            if whole not in figures or not present:
                continue
            total = sum(q.value or 0 for q in present)
            whole_value = figures[whole].value or 0
            terms = " + ".join(f"{q.value} {q.what}" for q in present)
            relation = "=" if total == whole_value else "<" if total < whole_value else ">"
            checks.append(
                ConsistencyCheck(
                    kind="parts_of_whole",
                    passed=total <= whole_value,
                    message=f"{terms} = {total} {relation} {whole_value} {whole}",
                    evidence=tuple(q.span for q in (*present, figures[whole]) if q.span is not None),
                )
            )
    return checks


def _date_spread(dates: Sequence[ResolvedDate], max_spread_days: int) -> ConsistencyCheck | None:
    dated = [(d, _first_day(d.value)) for d in dates if d.value and d.precision in {"day", "week", "month"}]
    if len(dated) < 2:
        return None
    earliest = min(dated, key=lambda pair: pair[1])
    latest = max(dated, key=lambda pair: pair[1])
    days = (latest[1] - earliest[1]).days
    return ConsistencyCheck(
        kind="date_spread",
        passed=days <= max_spread_days,
        message=f"dates in the article run from {earliest[0].value} ({earliest[0].text!r}) to "
        f"{latest[0].value} ({latest[0].text!r}), {days} days apart",
        evidence=tuple(d.span for d, _ in (earliest, latest) if d.span is not None),
    )


def _first_day(value: str) -> date:
    parts = value.split("-")
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


def _unsourced(events: Sequence[Event]) -> list[ConsistencyCheck]:
    """Casualty figures with no source of their own, in events that credit no one either.

    Events split by place share their figures, so a figure is listed once (by its span).
    """
    figures: dict[tuple[str, int | None, int | None], Quantity] = {}
    for event in events:
        if event.attributed_to:
            continue
        for quantity in event.quantities:
            if quantity.what in _CASUALTY_FIGURES and quantity.source is None:
                where = (quantity.span.start, quantity.span.end) if quantity.span else (None, None)
                figures.setdefault((quantity.what, *where), quantity)
    if not figures:
        return []
    listed = ", ".join(f"{q.what} {q.value}" for q in figures.values())
    return [
        ConsistencyCheck(
            kind="unsourced_figures",
            passed=False,
            message=f"casualty figures with no source given: {listed}",
            evidence=tuple(q.span for q in figures.values() if q.span is not None),
        )
    ]
