"""`build_incidents`: group the store's events into incidents, incrementally or from scratch."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

from eventwire.incidents.blocking import candidate_pairs
from eventwire.incidents.clustering import cluster
from eventwire.incidents.merging import merge_incident
from eventwire.incidents.profiles import Profile, make_profile
from eventwire.incidents.rules import IncidentRules
from eventwire.incidents.scoring import score_pair
from eventwire.records import Incident, IncidentSummary, StoredEvent
from eventwire.store import Store

__all__ = ["build_incidents", "incidents_of"]

#: Events that say something may happen are no incident.
EXCLUDED_STATUSES = ("hypothetical",)


def build_incidents(
    store: Store, *, rebuild: bool = False, rules: IncidentRules | None = None
) -> IncidentSummary:
    """Build or update the store's incidents and commit them (see `eventwire.incidents`)."""
    started = time.perf_counter()
    rules = rules or IncidentRules.load()
    if rebuild:
        store.clear_incidents()
    stale = store.stale_incident_ids()
    if stale:  # their remaining events become unassigned and are clustered again below
        store.save_incidents((), replacing=stale)
    fresh = _events(store, rules, assigned=False)
    if not fresh:
        store.commit()
        return IncidentSummary(store.status()["incidents"], 0, 0, 0, time.perf_counter() - started)
    fresh_profiles = _profiles(fresh, rules)
    touched = _touched_incidents(store, fresh_profiles, rules)
    working = fresh_profiles + _profiles(_events(store, rules, incident_ids=sorted(touched)), rules)
    incidents = incidents_of(working, rules)
    store.save_incidents(incidents, replacing=sorted(touched))
    store.commit()
    updated = sum(1 for incident in incidents if incident.id in touched)
    return IncidentSummary(
        incidents=store.status()["incidents"],
        new=len(incidents) - updated,
        updated=updated,
        events=len(working),
        seconds=time.perf_counter() - started,
    )


def incidents_of(profiles: Sequence[Profile], rules: IncidentRules) -> list[Incident]:
    """Cluster a closed set of events from scratch: one incident per group, by id."""
    pairs = candidate_pairs(profiles, rules)
    scores = {(i, j): score_pair(profiles[i], profiles[j], rules) for i, j in pairs}
    groups = cluster(profiles, scores, rules)
    return sorted(
        (merge_incident([profiles[i].stored for i in group]) for group in groups), key=lambda i: i.id
    )


def _events(
    store: Store,
    rules: IncidentRules,
    *,
    assigned: bool | None = None,
    incident_ids: Sequence[str] | None = None,
) -> list[StoredEvent]:
    if incident_ids is not None and not incident_ids:
        return []
    return store.stored_events(
        exclude_types=rules.excluded_types,
        exclude_statuses=EXCLUDED_STATUSES,
        assigned=assigned,
        incident_ids=incident_ids,
    )


def _profiles(events: Sequence[StoredEvent], rules: IncidentRules) -> list[Profile]:
    made = []
    for stored in events:
        family = rules.family(stored.event.type)
        if family is not None:
            made.append(make_profile(stored, family, rules))
    return made


def _touched_incidents(store: Store, fresh: Sequence[Profile], rules: IncidentRules) -> set[str]:
    """Stored incidents with an event that a fresh event could join: they are clustered again
    with the fresh events, so a new report may join one, or bridge two into one."""
    starts = [p.start for p in fresh if p.linkable and p.start is not None]
    ends = [p.end for p in fresh if p.linkable and p.end is not None]
    if not starts or not ends:
        return set()
    window = rules.max_slack
    first = date.fromordinal(max(1, min(starts) - window)).isoformat()
    last = date.fromordinal(max(ends) + window).isoformat()
    context = store.stored_events(
        exclude_types=rules.excluded_types,
        exclude_statuses=EXCLUDED_STATUSES,
        assigned=True,
        overlapping=(first, last),
    )
    if not context:
        return set()
    profiles = list(fresh) + _profiles(context, rules)
    fresh_indices = range(len(fresh))
    pairs = candidate_pairs(profiles, rules, involving=set(fresh_indices))
    return {
        incident_id
        for pair in pairs
        for index in pair
        if index >= len(fresh) and (incident_id := profiles[index].stored.incident_id) is not None
    }
