"""`IncidentRules`: the event families, windows, weights and thresholds of
``data/incident_rules.tsv``, read once and handed to blocking and scoring."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.data import read_table
from eventwire.errors import ResourceError

__all__ = ["RULES_FILE", "IncidentRules"]

RULES_FILE = "incident_rules.tsv"
_WEIGHTS = ("type", "date", "place", "actors", "figures", "names", "text")
_THRESHOLDS = ("link", "join", "weak")


@dataclass(frozen=True, slots=True)
class IncidentRules:
    #: PLOVER type -> family; a type mapped to None is never an incident.
    families: dict[str, str | None]
    #: Date precision -> days of slack; None: too vague to link.
    slack_days: dict[str, int | None]
    #: ACLED geo precision -> km; None: compared by admin1 and country.
    radius_km: dict[int, float | None]
    weights: dict[str, float]
    thresholds: dict[str, float]
    figure_ratio: float
    figure_gap: int
    #: PLOVER mode -> group: two modes of one group are one way of attacking (a drone strike
    #: is an air strike), scored like a mode one report leaves out.
    mode_groups: dict[str, str] = field(default_factory=dict)
    #: Families whose events, without a place of their own, link only at the `weak` threshold.
    needs_place: frozenset[str] = frozenset()

    @classmethod
    def load(cls, source: str | Path = RULES_FILE) -> IncidentRules:
        try:
            table = read_table(source)
        except (OSError, ValueError) as exc:
            raise ResourceError(f"cannot read the incident rules {source}: {exc}") from exc
        sections: dict[str, dict[str, str]] = {}
        for row in table:
            sections.setdefault(row.get("rule", ""), {})[row.get("key", "")] = row.get("value", "")
        try:
            rules = cls(
                families={k: (None if v == "-" else v) for k, v in sections.get("family", {}).items()},
                slack_days={k: (None if v == "-" else int(v)) for k, v in sections.get("slack", {}).items()},
                radius_km={int(k): (None if v == "-" else float(v)) for k, v in sections["radius"].items()},
                weights={name: float(sections["weight"][name]) for name in _WEIGHTS},
                thresholds={name: float(sections["threshold"][name]) for name in _THRESHOLDS},
                figure_ratio=float(sections["figures"]["ratio"]),
                figure_gap=int(sections["figures"]["gap"]),
                mode_groups=dict(sections.get("mode_group", {})),
                needs_place=frozenset(k for k, v in sections.get("needs_place", {}).items() if v == "yes"),
            )
        except (KeyError, ValueError) as exc:
            raise ResourceError(
                f"the incident rules {source} lack or garble a row ({exc}); see the header of "
                f"eventwire/data/{RULES_FILE} for the rows it needs"
            ) from exc
        return rules

    def family(self, event_type: str) -> str | None:
        """The family of a PLOVER type; None for types that are never incidents. A type the
        file does not list is a family of its own."""
        return self.families.get(event_type, event_type)

    def same_mode_group(self, mode_a: str, mode_b: str) -> bool:
        group = self.mode_groups.get(mode_a)
        return group is not None and group == self.mode_groups.get(mode_b)

    @property
    def clustered_types(self) -> tuple[str, ...]:
        """The listed types that can be incidents (the store selects their events)."""
        return tuple(sorted(t for t, family in self.families.items() if family is not None))

    @property
    def excluded_types(self) -> tuple[str, ...]:
        return tuple(sorted(t for t, family in self.families.items() if family is None))

    @property
    def max_slack(self) -> int:
        return max((days for days in self.slack_days.values() if days is not None), default=0)
