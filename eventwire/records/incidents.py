"""The records of incidents: events of several reports merged, each source's figures kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from eventwire.records.core import (
    Actor,
    ConsistencyCheck,
    Event,
    Place,
    Precision,
    Status,
)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as the store holds it, with what incidents need of its article: the order it
    was stored in (`article_seq`), its outlet (`Article.source`), its publication date, and the
    incident it belongs to (None while in none)."""

    event: Event
    article_seq: int
    outlet: str | None
    published: str | None
    incident_id: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One report's figure for an incident: what it counts, as the report gives it, who vouches
    for it (`source`, the attributed text, e.g. "SOHR"; None when the article says it itself),
    the outlet that published it, and the article and event it came from."""

    what: str
    value: int | None
    low: int | None
    high: int | None
    status: Status
    source: str | None
    outlet: str | None
    article_id: str
    event_id: str


@dataclass(frozen=True, slots=True)
class FigureRange:
    """A figure across the reports of an incident: `best` the most conservative credible figure
    (ACLED's rule: the lowest), `low`/`high` the range the credible reports allow; `reports`
    keeps every report's own figure, denied and hypothetical ones too."""

    what: str
    low: int | None
    best: int | None
    high: int | None
    reports: tuple[SourceFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class IncidentDate:
    """The incident's date: the best value the reports give, and the first and last day
    (`low`, `high`, ISO) their dates cover."""

    value: str | None
    low: str | None
    high: str | None
    precision: Precision


@dataclass(frozen=True, slots=True)
class Corroboration:
    """How many independent outlets and attributed sources report an incident, and a grade:
    "contested" when a report denies what another asserts, "corroborated" when two or more
    outlets report it, else "single source"; `reason` says why."""

    outlets: int
    attributed_sources: int
    grade: Literal["single source", "corroborated", "contested"]
    reason: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A field on which the reports of an incident differ, with every (who, value) given and a
    readable `message` ("the Syria Civil Defence says 4 killed; the Syrian Observatory says 2")."""

    field: str  # killed, wounded, ... (a figure), status, date, location
    values: tuple[tuple[str, str], ...]
    message: str


@dataclass(frozen=True, slots=True)
class Incident:
    """One incident reported by one or more articles: the events of every report merged.

    `id` is stable as reports arrive (see `eventwire.incidents`); `sources` are the distinct
    outlets, `attributed_sources` the distinct sources the reports cite.
    """

    id: str
    type: str
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: IncidentDate
    location: Place | None
    source_actors: tuple[Actor, ...]
    target_actors: tuple[Actor, ...]
    figures: tuple[FigureRange, ...]
    fatalities: FigureRange | None
    injuries: FigureRange | None
    article_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    sources: tuple[str, ...]
    attributed_sources: tuple[str, ...]
    corroboration: Corroboration
    disagreements: tuple[Disagreement, ...] = ()
    checks: tuple[ConsistencyCheck, ...] = ()


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """What one `build_incidents` did: incidents now stored, `new` and `updated` ones written,
    member events of those, and the time it took."""

    incidents: int
    new: int
    updated: int
    events: int
    seconds: float
