"""The facts the ACLED decision reads from the pipeline's events (``event:TYPE``, ``mode:MODE``,
``target:SECTOR``, ``killed``...; the list is in ``data/acled_rules.tsv``'s header)."""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.data.place_words import site_kind
from eventwire.records import Actor, Event

__all__ = ["COUNTED_STATUSES", "event_facts"]

#: Events that count as facts: a denied or hypothetical event did not happen as reported
#: (public so that other ACLED consumers, such as the SATP evaluation, share this one definition).
COUNTED_STATUSES = frozenset({"asserted", "claimed"})


def event_facts(events: Iterable[Event], places: frozenset[str]) -> Iterable[str]:
    """The event facts of acled_rules.tsv; `places`: the casefolded texts of the snippet's places."""
    for event in events:
        if event.type == "ASSAULT" and event.status in {"claimed", "denied"}:
            yield f"status:{event.status}"
        if event.status not in COUNTED_STATUSES:
            continue
        yield f"event:{event.type}"
        if any(actor.sector or actor.country for actor in event.source_actors):
            yield f"with_source:{event.type}"  # "the army accused ...", not "a man accused of ..."
        for actor in event.source_actors:
            if actor.sector:
                yield f"source:{actor.sector}"  # who acts: the codebook splits by it (state or rebels)
        if event.mode:
            yield f"event:{event.type}/{event.mode}"
            yield f"mode:{event.mode}"
        if event.type == "ASSAULT":
            sectors = {actor.sector for actor in event.target_actors}
            if len(sectors) == 1 and None not in sectors:
                yield f"target:{sectors.pop()}"
            targets = event.target_actors
            if targets and all(_is_a_personal_name(a, event, places) for a in targets):
                yield "target:person"
        if any(q.what == "killed" and (q.value or q.low or 0) > 0 for q in event.quantities):
            yield "killed"


#: Lower-case particles inside personal names ("Abu Bakr al-Baghdadi", "Juan de la Cruz").
_NAME_PARTICLES = frozenset("al el bin ibn bint de del della da la van von".split())


def _is_a_personal_name(actor: Actor, event: Event, places: frozenset[str]) -> bool:
    """Whether a target is a person named by name alone ("Barnett Slepian", "ROBERTO SARASTY
    BOTERO", "Abu Bakr al-Baghdadi"): no sector, two to five words, capitalised but for name
    particles, neither a place of the snippet ("Tal Abyad") nor a site ("Serena Hotel"). Killing
    someone so named, with no armed side said to fight back, is one-sided: ACLED codes the
    killing of an individual an attack, not a clash."""
    words = actor.text.split()
    if actor.sector is not None or not 2 <= len(words) <= 5 or site_kind(actor.text) is not None:
        return False
    name = actor.text.casefold()
    if name in places or (event.location is not None and event.location.text.casefold() == name):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w.split("-", 1)[0].casefold() in _NAME_PARTICLES for w in words[1:]
    )
