"""Where the reports of one incident differ, how well it is corroborated, and its checks.

Disagreements, each with every source's value:
- a figure (killed, wounded, ...) that credible reports give differently ("the Syria Civil
  Defence says 4 killed; the Syrian Observatory says 2 killed");
- ``status``: a report or a figure denied while another asserts or claims it;
- ``date``: reports that date it to different days;
- ``location``: reports that put it in different towns or sites (geo precision 1).

The grade is "contested" when there is a claim against a denial, "corroborated" when two or
more outlets report it, else "single source". The checks (`ConsistencyCheck`, like an
article's) are incident_figures, incident_claims, incident_dates and incident_places.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from eventwire.records import (
    ConsistencyCheck,
    Corroboration,
    Disagreement,
    FigureRange,
    SourceFigure,
    StoredEvent,
)

__all__ = ["corroborate", "find_disagreements", "incident_checks"]

_NOT_CREDIBLE = frozenset({"denied", "hypothetical"})
_FIELD_CHECKS = {
    "incident_claims": ("status",),
    "incident_dates": ("date",),
    "incident_places": ("location",),
}


def find_disagreements(
    members: Sequence[StoredEvent], figures: Sequence[FigureRange]
) -> tuple[Disagreement, ...]:
    found = [d for figure in figures if (d := _figure_disagreement(figure)) is not None]
    for disagreement in (_status(members, figures), _dates(members), _places(members)):
        if disagreement is not None:
            found.append(disagreement)
    return tuple(found)


def _who(source: str | None, outlet: str | None, article_id: str) -> str:
    return source or outlet or f"article {article_id}"


def _shown(report: SourceFigure) -> str:
    if report.low is not None and report.high is not None and report.low != report.high:
        return f"{report.low}-{report.high}"
    if report.low is not None and report.high is None:
        return f"at least {report.low}"
    if report.high is not None and report.low is None:
        return f"up to {report.high}"
    return str(report.value if report.value is not None else report.low)


def _figure_disagreement(figure: FigureRange) -> Disagreement | None:
    credible = [r for r in figure.reports if r.status not in _NOT_CREDIBLE]
    values = _unique((_who(r.source, r.outlet, r.article_id), _shown(r)) for r in credible)
    if len({value for _, value in values}) < 2:
        return None
    message = "; ".join(
        f"{who} says {value} {figure.what}" if n == 0 else f"{who} says {value}"
        for n, (who, value) in enumerate(values)
    )
    return Disagreement(figure.what, tuple(values), message)


def _status(members: Sequence[StoredEvent], figures: Sequence[FigureRange]) -> Disagreement | None:
    said: list[tuple[str, str]] = []
    for member in members:
        event = member.event
        who = _who(
            event.attributed_to[0].text if event.attributed_to else None, member.outlet, event.article_id
        )
        said.append((who, event.status))
    for figure in figures:
        for report in figure.reports:
            if report.status == "denied":
                said.append((_who(report.source, report.outlet, report.article_id), f"denied {figure.what}"))
    values = _unique(said)
    denials = [who for who, status in values if status.startswith("denied")]
    claims = [who for who, status in values if status in ("asserted", "claimed")]
    if not denials or not claims:
        return None
    message = f"{', '.join(_unique_names(claims))} report it; {', '.join(_unique_names(denials))} deny it"
    return Disagreement("status", tuple(values), message)


def _dates(members: Sequence[StoredEvent]) -> Disagreement | None:
    days = _unique(
        (_who(None, m.outlet, m.event.article_id), m.event.date.value or "")
        for m in members
        if m.event.date.precision == "day" and m.event.date.basis != "publication" and m.event.date.value
    )
    if len({value for _, value in days}) < 2:
        return None
    return Disagreement("date", tuple(days), "; ".join(f"{who} dates it {value}" for who, value in days))


def _places(members: Sequence[StoredEvent]) -> Disagreement | None:
    towns = _unique(
        (_who(None, m.outlet, m.event.article_id), m.event.location.name)
        for m in members
        if m.event.location is not None and m.event.location.precision == 1
    )
    if len({value.casefold() for _, value in towns}) < 2:
        return None
    return Disagreement(
        "location", tuple(towns), "; ".join(f"{who} places it in {value}" for who, value in towns)
    )


def _unique(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for pair in pairs:
        if pair not in kept:
            kept.append(pair)
    return kept


def _unique_names(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def corroborate(outlets: int, attributed: int, disagreements: Sequence[Disagreement]) -> Corroboration:
    status = next((d for d in disagreements if d.field == "status"), None)
    if status is not None:
        return Corroboration(outlets, attributed, "contested", f"a claim against a denial: {status.message}")
    if outlets >= 2:
        reason = f"reported by {outlets} outlets"
        if attributed:
            reason += f", citing {attributed} source{'s' if attributed > 1 else ''}"
        return Corroboration(outlets, attributed, "corroborated", reason)
    reason = "one outlet"
    if attributed:
        reason += f", citing {attributed} source{'s' if attributed > 1 else ''}"
    return Corroboration(outlets, attributed, "single source", reason)


def incident_checks(
    members: Sequence[StoredEvent], disagreements: Sequence[Disagreement]
) -> tuple[ConsistencyCheck, ...]:
    """One check per kind; `passed` False where the reports disagree on it."""
    evidence = tuple(m.event.evidence for m in members)
    figure_fields = [d for d in disagreements if d.field not in ("status", "date", "location")]
    checks = [
        ConsistencyCheck(
            "incident_figures",
            not figure_fields,
            "; ".join(d.message for d in figure_fields) or "the reports' figures agree",
            evidence if figure_fields else (),
        )
    ]
    for kind, fields in _FIELD_CHECKS.items():
        failing = [d for d in disagreements if d.field in fields]
        checks.append(
            ConsistencyCheck(
                kind,
                not failing,
                "; ".join(d.message for d in failing) or f"no disagreement on {fields[0]}",
                evidence if failing else (),
            )
        )
    return tuple(checks)
