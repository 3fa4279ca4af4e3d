"""Event mentions: triggers from the lexicon, arguments from the dependency parse.

For each sentence, words in the trigger lexicon (``data/triggers.tsv``) become event mentions.
Their arguments are read off the parse:

- **source**: the active subject, the by-agent of a passive, a possessor or demonym of an event
  noun ("Russian airstrikes"), or the subject of a light verb carrying the noun ("rebels
  launched an offensive", "X responded with attacks");
- **target**: the direct object, the subject of a passive, or an on/against-phrase ("called on
  Russia and Iran", "attacks on the bases"). A direct object that is no party (see
  ``data/noun_classes.tsv``: "offered concessions", "lift the ban on the FIS") gives way to the
  party that receives it (an indirect object, a to/with/from/on-phrase); an infinitive lends its
  target to the verb governing it ("refused to allow aid convoys to pass");
- coordinated nationalities sharing a head noun are one actor each ("U.S. and Russian
  negotiators"); a stance's holder is its subject ("Israel is opposed to ..."), and a message's
  issuer says what it says ("issued a declaration demanding ...");
- **places, dates, quantities**: mentions found by the other extractors that lie in the
  trigger's own clause (clauses embedded in it describe other events);
- **mode** from cue words naming the means ("drone attack", "by drones", "warplanes attacked");
- **status** from negation, modality ("would", "threatened to") and attribution cues.

Mentions with no argument at all ("a new method of carrying out terrorist attacks") are generic
and dropped.

The package: `triggers` (lexicon rows matched against the parse), `arguments` (source and
target heads), `actor_mentions` (heads to actor mentions), `status` (mode, status, CAMEO
recoding of intent and refusal; the per-type rules of ``data/event_type_rules.tsv`` come as the
lexicon's `type_rules`), `parse` (helpers they share) and `mentions` (`extract_events`, which assembles them).
"""

from __future__ import annotations

from eventwire.extract.events.mentions import extract_events

__all__ = ["extract_events"]
