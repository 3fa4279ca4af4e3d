"""Readable text tables of events, for the terminal."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from eventwire.records import Actor, Article, Attribution, Event, ExtractionResult, FigureRange, Incident

__all__ = ["render_events", "render_incidents", "render_table"]


def render_table(result: ExtractionResult) -> str:
    """A readable text table of one article's events."""
    article = result.article
    lines = [
        f"# {printable(article.title or article.source or article.id)}"
        f"  (published {article.published or 'unknown'})"
    ]
    for warning in result.warnings:
        lines.append(f"! {warning}")
    for check in result.checks:
        lines.append(f"{'ok' if check.passed else '??'} {check.kind}: {check.message}")
    header = f"{'#':>2}  " + " ".join(_cut(title, width) for title, width in _COLUMNS) + " status"
    lines += [header, "-" * len(header)]
    for number, event in enumerate(result.events, 1):
        lines.append(_row(number, event))
        lines.append("    " + textwrap.shorten(printable(f'"{event.evidence.text}"'), 150))
    if not result.events:
        lines.append("   (no events found)")
    return "\n".join(lines) + "\n"


_COLUMNS = (
    ("event", 24),
    ("date", 16),
    ("where", 26),
    ("who -> whom", 40),
    ("figures", 28),
    ("says who", 26),
)


def _row(number: int, event: Event) -> str:
    what = event.type + (f"/{event.mode}" if event.mode else "")
    when = f"{event.date.value or '?'} ({event.date.precision})" if event.date.basis != "publication" else "-"
    where = f"{event.location.name} [{event.location.precision}]" if event.location else "-"
    who = ", ".join(_actor(a) for a in event.source_actors) or "?"
    whom = ", ".join(_actor(a) for a in event.target_actors)
    figures = ", ".join(f"{q.what}={_figure(q.value, q.low, q.high)}" for q in event.quantities)
    says = ", ".join(_actor(a) for a in event.attributed_to)
    cells = (what, when, where, who + (" -> " + whom if whom else ""), figures, says)
    return (
        f"{number:>2}  "
        + " ".join(_cut(c, w) for c, (_, w) in zip(cells, _COLUMNS, strict=True))
        + f" {event.status}"
    )


def _actor(actor: Actor | Attribution) -> str:
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    return textwrap.shorten(actor.text, 24, placeholder="…") + (f" ({code})" if code else "")


def _figure(value: int | None, low: int | None, high: int | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    return str(value if value is not None else low if low is not None else f"<={high}")


def _cut(text: str, width: int) -> str:
    text = printable(text)
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Article text as a terminal may show it: control characters (a bell, an escape sequence
    that would restyle the terminal) become "?"."""
    return _CONTROLS.sub("?", text)


def render_events(rows: Iterable[tuple[Article, Event]], *, limit: int = 0) -> str:
    """A table of stored events (at most `limit`, 0 for all), each with the report it is from."""
    header = f"{'#':>4}  " + " ".join(_cut(title, width) for title, width in _COLUMNS) + " status"
    lines = [header, "-" * len(header)]
    shown = 0
    for article, event in rows:
        if limit and shown == limit:
            lines.append("   … more events: raise --limit, or use eventwire export")
            break
        shown += 1
        lines.append(_row(shown, event).replace(f"{shown:>2}  ", f"{shown:>4}  ", 1))
        report = article.title or article.source or article.id
        lines.append("      " + printable(textwrap.shorten(f"{report}: \"{event.evidence.text}\"", 150)))
    if not shown:
        lines.append("     (no events)")
    return "\n".join(lines) + "\n"


def render_incidents(incidents: Iterable[Incident]) -> str:
    """A table of incidents: what, when, where, how many by whom, and where the reports differ."""
    lines = []
    for number, incident in enumerate(incidents, 1):
        what = incident.type + (f"/{incident.mode}" if incident.mode else "")
        date = incident.date
        when = date.value or "?"
        if date.low and date.high and date.low != date.high:
            when += f" ({date.low}..{date.high})"
        where = f"{incident.location.name} [{incident.location.precision}]" if incident.location else "-"
        lines.append(
            f"{number:>3}  {what:<24} {when:<26} {_cut(where, 30)} "
            f"{len(incident.article_ids)} report(s), {incident.corroboration.grade}  {incident.id}"
        )
        for figure in (incident.fatalities, incident.injuries):
            if figure is not None:
                lines.append(f"       {_range(figure)}")
        for disagreement in incident.disagreements:
            lines.append("       ≠ " + textwrap.shorten(disagreement.message, 140))
        lines.append("       sources: " + textwrap.shorten(", ".join(incident.sources) or "-", 140))
    if not lines:
        lines.append("  (no incidents)")
    return "\n".join(lines) + "\n"


def _range(figure: FigureRange) -> str:
    told = "; ".join(
        f"{report.source or report.outlet or '?'}: {_figure(report.value, report.low, report.high)}"
        + ("" if report.status == "asserted" else f" ({report.status})")
        for report in figure.reports
    )
    return f"{figure.what}: best {figure.best}, {figure.low}-{figure.high} ({told})"
