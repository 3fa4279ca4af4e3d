"""One `Incident` from the events of its reports: the agreed coding, the date and place the
reports allow, actors, figures with every source's own, and corroboration.

- type, mode, CAMEO and ACLED types: the members' most common coding (ties: the earliest report);
- date: among the dates the texts give (a date standing in from publication only when no report
  gives one), the most common of the finest precision; `low`/`high` the first and last day of
  them all;
- location: the most common place of the finest precision (ACLED geo precision) the reports give;
- actors: merged by role, one per distinct text ("Russian forces" and "Moscow" stay two);
- figures, per kind: `best` the lowest credible figure (ACLED: the most conservative), `low`
  and `high` the range of the credible ones (neither denied nor hypothetical), every report kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from eventwire.incidents.disagreements import corroborate, find_disagreements, incident_checks
from eventwire.incidents.profiles import order_key
from eventwire.records import (
    Actor,
    FigureRange,
    Incident,
    IncidentDate,
    Place,
    SourceFigure,
    StoredEvent,
    make_id,
)
from eventwire.store.rows import date_range
from eventwire.text.numbers import count_bounds

__all__ = ["incident_id", "merge_incident"]

T = TypeVar("T")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_NOT_CREDIBLE = frozenset({"denied", "hypothetical"})


def incident_id(members: Iterable[StoredEvent]) -> str:
    """Named after the earliest stored member, so later reports joining never change it, and
    of two incidents that merge the older name stays."""
    anchor = min(members, key=order_key)
    return make_id("incident", anchor.event.id, prefix="inc-")


def merge_incident(members: Sequence[StoredEvent]) -> Incident:
    ordered = sorted(members, key=order_key)
    events = [member.event for member in ordered]
    event_type = _vote(e.type for e in events) or events[0].type
    same_type = [e for e in events if e.type == event_type]
    figures = _figures(ordered)
    by_kind = {figure.what: figure for figure in figures}
    sources = _distinct(outlet_of(member) for member in ordered)
    attributed = _distinct(
        [a.text for e in events for a in e.attributed_to]
        + [q.source.text for e in events for q in e.quantities if q.source is not None]
    )
    disagreements = find_disagreements(ordered, figures)
    return Incident(
        id=incident_id(ordered),
        type=event_type,
        mode=_vote(e.mode for e in same_type),
        cameo=_vote(e.cameo for e in same_type) or "-",
        acled_event_type=_vote(e.acled_event_type for e in same_type),
        acled_sub_event_type=_vote(e.acled_sub_event_type for e in same_type),
        date=_date(ordered),
        location=_location(ordered),
        source_actors=_actors(a for e in events for a in e.source_actors),
        target_actors=_actors(a for e in events for a in e.target_actors),
        figures=figures,
        fatalities=by_kind.get("killed"),
        injuries=by_kind.get("wounded"),
        article_ids=tuple(_distinct(e.article_id for e in events)),
        event_ids=tuple(e.id for e in events),
        sources=tuple(sources),
        attributed_sources=tuple(attributed),
        corroboration=corroborate(len(sources), len(attributed), disagreements),
        disagreements=disagreements,
        checks=incident_checks(ordered, disagreements),
    )


def outlet_of(member: StoredEvent) -> str:
    """The outlet that published a report; an article of unknown outlet counts as its own."""
    return member.outlet or f"article {member.event.article_id}"


def _vote(values: Iterable[T | None]) -> T | None:
    """The most common value that is not None; ties go to the one met first."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    best = max(counts.values())
    return next(v for v in present if counts[v] == best)


def _distinct(values: Iterable[str], key: Callable[[str], Hashable] = str.casefold) -> list[str]:
    seen: set[Hashable] = set()
    kept = []
    for value in values:
        if value and key(value) not in seen:
            seen.add(key(value))
            kept.append(value)
    return kept


def _date(members: Sequence[StoredEvent]) -> IncidentDate:
    dated = [m.event.date for m in members if m.event.date.value]
    own = [d for d in dated if d.basis != "publication" and d.precision != "unknown"]
    pool = own or dated
    if not pool:
        published = next((m.published for m in members if m.published), None)
        low, high = date_range(published)
        return IncidentDate(published, low, high, "unknown")
    finest = min(_PRECISION_RANK.get(d.precision, 4) for d in pool)
    value = _vote(d.value for d in pool if _PRECISION_RANK.get(d.precision, 4) == finest)
    precision = next(d.precision for d in pool if d.value == value)
    spans = [date_range(d.value) for d in pool]
    lows = [low for low, _ in spans if low]
    highs = [high for _, high in spans if high]
    return IncidentDate(value, min(lows) if lows else None, max(highs) if highs else None, precision)


def _location(members: Sequence[StoredEvent]) -> Place | None:
    places = [m.event.location for m in members if m.event.location is not None]
    if not places:
        return None
    finest = min(p.precision for p in places)
    best = _vote(_place_key(p) for p in places if p.precision == finest)
    return next(p for p in places if p.precision == finest and _place_key(p) == best)


def _place_key(place: Place) -> str:
    return str(place.geonameid) if place.geonameid is not None else place.name.casefold()


def _actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    seen: set[str] = set()
    kept = []
    for actor in actors:
        if actor.text.casefold() not in seen:
            seen.add(actor.text.casefold())
            kept.append(actor)
    return tuple(kept)


def _figures(members: Sequence[StoredEvent]) -> tuple[FigureRange, ...]:
    reports: dict[str, list[SourceFigure]] = {}
    seen: set[tuple[object, ...]] = set()
    for member in members:
        event = member.event
        for q in event.quantities:
            source = q.source.text if q.source is not None else None
            key = (event.article_id, q.what, q.value, q.low, q.high, q.status, source)
            if key in seen:  # one article repeating its figure in two of its events
                continue
            seen.add(key)
            reports.setdefault(q.what, []).append(
                SourceFigure(q.what, q.value, q.low, q.high, q.status, source, member.outlet,
                             event.article_id, event.id)
            )  # fmt: skip
    return tuple(_figure_range(what, figures) for what, figures in reports.items())


def _figure_range(what: str, reports: list[SourceFigure]) -> FigureRange:
    credible = [r for r in reports if r.status not in _NOT_CREDIBLE]
    bounds = [count_bounds(r.value, r.low, r.high) for r in credible]
    lows = [low for low, _ in bounds if low is not None]
    values = [r.value if r.value is not None else r.low for r in credible]
    best = [v for v in values if v is not None]
    # "at least 15" has no upper bound of its own, but the range must still hold 15.
    highs = [high for _, high in bounds if high is not None] + best
    return FigureRange(
        what,
        low=min(lows) if lows else None,
        best=min(best) if best else None,
        high=max(highs) if highs else None,
        reports=tuple(reports),
    )
