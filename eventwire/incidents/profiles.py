"""`Profile`: what blocking and scoring compare of one stored event, computed once per event.

A profile is internal to this package: days as ordinals, place as numbers, actors as
(country, sector) codes, names and evidence as lower-cased text, the credible casualty figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.incidents.rules import IncidentRules
from eventwire.records import StoredEvent
from eventwire.store.rows import date_range
from eventwire.text.numbers import count_bounds

__all__ = ["Profile", "make_profile", "order_key"]

_NAME = re.compile(r"\b[A-Z][\w'-]{2,}")
_NOT_CREDIBLE = frozenset({"denied", "hypothetical"})
_CODED_FIGURES = ("killed", "wounded")
# Capitalised words that start sentences or name no one.
_NOT_NAMES = frozenset(
    "the this that these those there they their his her its our a an in on at of for and but "
    "with from after before during when while monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december".split()
)


@dataclass(frozen=True, slots=True)
class Profile:
    stored: StoredEvent
    family: str
    start: int | None  # first and last day the date covers, as ordinals
    end: int | None
    slack: int | None  # None: the date is too vague (or absent) to link on
    own_date: bool  # dated by the text, not by the publication date standing in
    lat: float | None
    lon: float | None
    geo_precision: int | None
    geonameid: int | None
    country: str | None  # of the place, else of the actors: the blocking bucket
    admin1: str | None
    whole_country: bool  # the place is a country
    source_codes: frozenset[tuple[str | None, str | None]]
    target_codes: frozenset[tuple[str | None, str | None]]
    figures: tuple[tuple[str, int | None, int | None], ...]  # credible (what, low, high)
    names: frozenset[str]
    evidence: str
    place_required: bool = False  # of a family whose events link on a place (see `weak`)

    @property
    def event_id(self) -> str:
        return self.stored.event.id

    @property
    def article_id(self) -> str:
        return self.stored.event.article_id

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def linkable(self) -> bool:
        return self.start is not None and self.slack is not None

    @property
    def weak(self) -> bool:
        """Neither a place nor a date of its own, or no place where its family needs one (many
        protests share a day in one country): it joins only on strong evidence."""
        return not self.placed and (not self.own_date or self.place_required)


def order_key(stored: StoredEvent) -> tuple[int, str]:
    """Earliest stored first, then smallest id: the anchor that names an incident."""
    return stored.article_seq, stored.event.id


def make_profile(stored: StoredEvent, family: str, rules: IncidentRules) -> Profile:
    event = stored.event
    value = event.date.value if event.date.value else stored.published
    first, last = date_range(value)
    start = date.fromisoformat(first).toordinal() if first else None
    end = date.fromisoformat(last).toordinal() if last else None
    own_date = (
        bool(event.date.value) and event.date.basis != "publication" and event.date.precision != "unknown"
    )
    precision = event.date.precision if own_date else "unknown"
    slack = rules.slack_days.get(precision) if start is not None else None
    # A location that only the article's setting gave is no evidence of where the incident was:
    # such an event is compared as unplaced, in the setting's country.
    place, setting_country = event.location, None
    if place is not None and place.basis == "setting":
        place, setting_country = None, place.country
    actors = [*event.target_actors, *event.source_actors]
    actor_country = next((a.country for a in actors if a.country), None)
    names = {word.lower() for word in _NAME.findall(event.evidence.text)}
    names |= {word.lower() for actor in actors for word in _NAME.findall(actor.text)}
    if place is not None:
        names |= {word.lower() for word in _NAME.findall(place.name)}
    figures = tuple(
        (q.what, *count_bounds(q.value, q.low, q.high))
        for q in event.quantities
        if q.what in _CODED_FIGURES and q.status not in _NOT_CREDIBLE
    )
    return Profile(
        stored=stored,
        family=family,
        start=start,
        end=end,
        slack=slack,
        own_date=own_date,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.precision if place else None,
        geonameid=place.geonameid if place else None,
        country=(place.country if place and place.country else setting_country or actor_country),
        admin1=place.admin1 if place else None,
        whole_country=bool(place and (place.feature_code or "").startswith("PCL")),
        source_codes=frozenset((a.country, a.sector) for a in event.source_actors),
        target_codes=frozenset((a.country, a.sector) for a in event.target_actors),
        figures=figures,
        names=frozenset(names - _NOT_NAMES),
        evidence=event.evidence.text.lower(),
        place_required=family in rules.needs_place,
    )
