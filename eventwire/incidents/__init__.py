"""Incidents: the events of many articles that report one happening, merged, every source's
version of the facts kept and the places where they disagree flagged.

    >>> from eventwire.incidents import build_incidents
    >>> with Store.open("eventwire.db") as store:
    ...     summary = build_incidents(store)            # after an ingest: only what is new
    ...     summary = build_incidents(store, rebuild=True)  # all over again

How (rules and thresholds in ``data/incident_rules.tsv``):

1. **blocking** (`blocking.py`): candidate pairs are events of one family, from different
   articles, dated within the slack of their dates' precision and placed within the radius of
   their places' precision; a sweep over dates per (family, country) keeps the cost near-linear.
2. **scoring** (`scoring.py`): type and mode, date, place, actors, figures that could describe
   one event, shared names and the similarity of the evidence sentences (rapidfuzz).
3. **clustering** (`clustering.py`): best pairs first, deterministic; never two events of one
   article (it kept them apart), never a merge across a pair that is no candidate (the same
   base attacked ten days later, a car bomb the same day in another city, the same town struck
   a month later stay apart).
4. **merging** (`merging.py`, `disagreements.py`): the `Incident` record, its figure ranges
   (best: the lowest credible figure, ACLED's rule), disagreements, corroboration and checks.

Policies:

- Types the rules file maps to "-" (statements and verbal acts: ACCUSE, CONSULT, REQUEST,
  REJECT, SUPPORT, COOPERATE, THREATEN, CONCEDE) and hypothetical events are no incidents:
  each outlet reports a statement afresh, and what may happen has not happened.
- An event with neither a place nor a date of its own (its date stands in from publication)
  joins another only with a score of at least the `weak` threshold; an event dated to a year
  only, or not at all, links to nothing and is an incident alone. Every other clustered event
  is in exactly one incident, alone when nothing matches it.
- An event of a family the rules file marks `needs_place` (protests: many share a day in one
  country) joins another without a place of its own only at the `weak` threshold too.
- Two modes of one `mode_group` (a drone strike, an air strike: ACLED's "Air/drone strike")
  agree as when one report leaves the mode out.
- Denied events are clustered: a denial against a claim is what `disagreements` shows. Pairs
  with a denial are taken after all the others, so a report joins an outlet's account of an
  attack rather than the same outlet's denial of it, and the denial then joins that incident.

Ids: an incident is named after its earliest stored member event (article storage order, then
event id), so a report joining it never changes its id, and when two incidents merge the older
name stays. The incremental build clusters the new events together with the stored incidents
they could join (and the incidents that lost events since, their article replaced) and rewrites
only those; ``rebuild=True`` deletes every incident and clusters all events again: the same store
gives the same incidents with the same ids. Incremental and rebuilt incidents agree except where
an incident not touched by the new events would itself have grouped differently had it been
clustered again with them (a rare greedy-order effect).
"""

from eventwire.incidents.build import build_incidents
from eventwire.incidents.rules import IncidentRules

__all__ = ["IncidentRules", "build_incidents"]
