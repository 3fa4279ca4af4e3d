"""Clustering scored pairs into incidents: deterministic, with constraints.

Pairs are taken best score first (ties by event ids, so the order of the store never matters),
pairs with a denied event after all the others: the reports that tell what happened make the
incident, and a denial then joins the incident it denies. Taken by score alone, a report could
join an outlet's denial ("its aircraft carried out no strikes in Idlib") and so be kept from the
same outlet's account of the strike.
A pair whose score reaches the `link` threshold (`weak` when either event has neither a place
nor a date of its own) merges the two clusters it joins, unless:

- the two clusters hold events of one article: the article itself kept them apart;
- some pair across the two clusters is not a candidate at all (dates or places that cannot be
  one incident): a vague report never chains two distinct attacks together;
- the mean score across the two clusters is below `join`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.incidents.profiles import Profile
from eventwire.incidents.rules import IncidentRules

__all__ = ["cluster"]


def cluster(
    profiles: Sequence[Profile], scores: Mapping[tuple[int, int], float], rules: IncidentRules
) -> list[list[int]]:
    """Groups of profile indices, each sorted, every profile in exactly one group."""
    owner = list(range(len(profiles)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(profiles))}
    articles: dict[int, set[str]] = {i: {p.article_id} for i, p in enumerate(profiles)}
    link, join, weak = (rules.thresholds[name] for name in ("link", "join", "weak"))
    ordered = sorted(
        scores.items(),
        key=lambda item: (
            _denied(profiles[item[0][0]]) or _denied(profiles[item[0][1]]),
            -item[1],
            *sorted((profiles[item[0][0]].event_id, profiles[item[0][1]].event_id)),
        ),
    )
    for (i, j), score in ordered:
        needed = weak if profiles[i].weak or profiles[j].weak else link
        if score < needed:
            continue
        left, right = owner[i], owner[j]
        if left == right or articles[left] & articles[right]:
            continue
        cross = [scores.get((min(x, y), max(x, y))) for x in members[left] for y in members[right]]
        if any(value is None for value in cross):
            continue
        if sum(value for value in cross if value is not None) / len(cross) < join:
            continue
        keep, gone = (left, right) if left < right else (right, left)
        for index in members[gone]:
            owner[index] = keep
        members[keep].extend(members.pop(gone))
        articles[keep] |= articles.pop(gone)
    return sorted(sorted(group) for group in members.values())


def _denied(profile: Profile) -> bool:
    return profile.stored.event.status == "denied"
