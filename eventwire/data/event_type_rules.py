"""Per-type rules of the event extractor, read from ``data/event_type_rules.tsv``.

The steps of argument, mode and recoding that hold for some PLOVER types only ("a meeting's
partner is the object of *with*", "an attack's place is no target") ask this table
(`TypeRules`, held by the `EventLexicon`) which types they apply to and with which words, so
that the domain knowledge sits in the data file and the code keeps only the mechanics of each
step (and their order).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from eventwire.data import read_table
from eventwire.errors import ResourceError

__all__ = ["STEPS", "TypeRules"]

_FILE: Final = "event_type_rules.tsv"

#: Every step the code asks about; the data file must give each exactly one row.
STEPS: Final = frozenset({
    "verb_partner_preps", "object_is_means", "recipient_is_target", "protest_against",
    "object_may_be_thing", "never_asked_of", "complained_of_preps", "threat_conditioned",
    "noun_partner_preps", "noun_victim_preps", "probe_preps", "carrier_asked_of",
    "carrier_protest_against", "demanded_of", "place_is_no_target", "agent_must_be_party",
    "clause_entity_not_place", "multilateral_mode", "mode_from_cues", "refusal_is_reject",
    "intent_is_agree", "intent_is_threaten",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class TypeRules:
    """Which event types each step applies to, and the words it uses."""

    types: Mapping[str, frozenset[str]]
    words: Mapping[str, frozenset[str]]

    def applies(self, step: str, event_type: str) -> bool:
        return event_type in self.types[step]

    def words_of(self, step: str) -> frozenset[str]:
        return self.words[step]

    @classmethod
    def load(cls) -> TypeRules:
        """The bundled table, checked: every step the code asks about has exactly one row."""
        types: dict[str, frozenset[str]] = {}
        words: dict[str, frozenset[str]] = {}
        for number, row in enumerate(read_table(_FILE), start=1):
            step = row.get("step", "")
            where = f"eventwire/data/{_FILE} row {number}"
            if step not in STEPS:
                known = ", ".join(sorted(STEPS))
                raise ResourceError(f"{where}: unknown step {step!r}; the steps are {known}")
            if step in types:
                raise ResourceError(f"{where}: step {step!r} has a row already; merge the two")
            types[step] = _cells(row.get("types", ""))
            words[step] = _cells(row.get("words", ""))
        missing = STEPS - types.keys()
        if missing:
            raise ResourceError(f"eventwire/data/{_FILE} has no row for {', '.join(sorted(missing))}; "
                                f"reinstall eventwire")
        return cls(MappingProxyType(types), MappingProxyType(words))


def _cells(value: str) -> frozenset[str]:
    return frozenset() if value in ("", "-") else frozenset(v.strip() for v in value.split("|"))
