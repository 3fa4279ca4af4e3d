"""The event lexicon: trigger words, mode cues, reporting cues, the CAMEO/ACLED coding tables,
and the word tables the extractors and resolvers read (calendar, quantity and place words, the
per-type event rules).

Loaded explicitly (``EventLexicon.load()``) from the data files in ``eventwire/data`` and
injected into the extractors, so tests can build a lexicon of a few rows. Pure data loading:
this module imports no spaCy, so the resolve layer can use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.data import read_table, read_words
from eventwire.data.calendar_words import CalendarWords
from eventwire.data.event_type_rules import TypeRules
from eventwire.data.place_words import PlaceWords
from eventwire.data.quantity_words import QuantityWords
from eventwire.errors import ResourceError

__all__ = ["AcledCode", "EventLexicon", "ReportingCue", "TriggerRule"]

_PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "SANCTION PROTEST MOBILIZE COERCE ASSAULT".split()
)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: str  # VERB, NOUN, ADJ or * (VERB or NOUN)
    type: str
    mode: str | None
    cameo: str
    requires: str | None  # prep:on, dobj, xcomp, alone

    @property
    def rule_id(self) -> str:
        return f"trigger:{self.lemma}/{self.pos}/{self.type}"


@dataclass(frozen=True, slots=True)
class ReportingCue:
    lemma: str
    status: str
    scopes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AcledCode:
    cameo: str | None
    event_type: str | None
    sub_event_type: str | None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    triggers: dict[str, tuple[TriggerRule, ...]]
    mode_cues: dict[str, str]  # lemma -> mode, in priority order
    reporting_cues: dict[str, ReportingCue]
    light_verbs: frozenset[str]
    assault_codes: dict[str, AcledCode]  # mode ("-" none, "civilians") -> codes
    acled_codes: dict[tuple[str, str], AcledCode] = field(default_factory=dict)
    modals: frozenset[str] = frozenset()
    irrealis_verbs: frozenset[str] = frozenset()
    future_modals: frozenset[str] = frozenset()  # "will withdraw": an intent, coded AGREE/THREATEN
    intent_words: frozenset[str] = frozenset()  # "ready to", "plans to": likewise
    stance_words: frozenset[str] = frozenset()  # "is committed to", "is opposed to": the subject holds it
    place_nouns: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()  # "officials", "government": nouns that can act
    message_nouns: frozenset[str] = frozenset()  # "declaration", "statement": the issuer speaks
    parts_of_whole: dict[str, tuple[str, ...]] = field(default_factory=dict)  # drones -> shot_down, ...
    # The shared word tables; a lexicon built by hand for a test gets the bundled ones.
    type_rules: TypeRules = field(default_factory=TypeRules.load)
    quantity_words: QuantityWords = field(default_factory=QuantityWords.load)
    calendar: CalendarWords = field(default_factory=CalendarWords.load)
    place_words: PlaceWords = field(default_factory=PlaceWords.load)

    @classmethod
    def load(cls) -> EventLexicon:
        """The bundled lexicon from eventwire/data."""
        modality = read_table("modality.tsv")
        noun_classes = read_table("noun_classes.tsv")
        triggers: dict[str, list[TriggerRule]] = {}
        for row in read_table("triggers.tsv"):
            if row["type"] not in _PLOVER_TYPES:
                raise ResourceError(f"triggers.tsv: unknown PLOVER type {row['type']!r}")
            rule = TriggerRule(
                lemma=row["lemma"],
                pos=row["pos"],
                type=row["type"],
                mode=_dash_to_none(row["mode"]),
                cameo=row["cameo"],
                requires=_dash_to_none(row["requires"]),
            )
            triggers.setdefault(rule.lemma, []).append(rule)
        return cls(
            # A rule asking for particular words ("lift" + obj:blockade) is tried before the
            # lemma's general rule, whatever the order of the rows.
            triggers={k: tuple(sorted(v, key=_generality)) for k, v in triggers.items()},
            mode_cues={row["lemma"]: row["mode"] for row in read_table("modes.tsv")},
            reporting_cues={
                row["lemma"]: ReportingCue(row["lemma"], row["status"], tuple(row["scope"].split("|")))
                for row in read_table("reporting_cues.tsv")
            },
            light_verbs=read_words("light_verbs.txt"),
            assault_codes={
                row["mode"]: AcledCode(row["cameo"], row["acled_event_type"], row["acled_sub_event_type"])
                for row in read_table("assault_modes.tsv")
            },
            acled_codes={
                (row["type"], row["mode"]): AcledCode(
                    None, row["acled_event_type"], row["acled_sub_event_type"]
                )
                for row in read_table("acled_types.tsv")
            },
            modals=frozenset(r["word"] for r in modality if r["kind"] == "modal"),
            irrealis_verbs=frozenset(r["word"] for r in modality if r["kind"] == "irrealis"),
            future_modals=frozenset(r["word"] for r in modality if r["kind"] == "future"),
            intent_words=frozenset(r["word"] for r in modality if r["kind"] == "intent"),
            stance_words=frozenset(r["word"] for r in modality if r["kind"] == "stance"),
            place_nouns=read_words("place_nouns.txt"),
            party_nouns=frozenset(r["word"] for r in noun_classes if r["class"] == "party"),
            message_nouns=frozenset(r["word"] for r in noun_classes if r["class"] == "message"),
            parts_of_whole={
                row["whole"]: tuple(row["parts"].split("|")) for row in read_table("parts_of_whole.tsv")
            },
            type_rules=TypeRules.load(),
            quantity_words=QuantityWords.load(),
            calendar=CalendarWords.load(),
            place_words=PlaceWords.load(),
        )

    def code(
        self, event_type: str, mode: str | None, cameo: str, *, civilian_target: bool = False
    ) -> AcledCode:
        """CAMEO and ACLED codes for a PLOVER type and mode."""
        if event_type == "ASSAULT":
            found = self.assault_codes.get(mode or "-") or self.assault_codes["-"]
            if civilian_target and found.event_type == "Battles":
                # One-sided violence: what would be a clash is an attack on civilians (ACLED).
                found = self.assault_codes["civilians"]
            # A trigger with its own specific code (e.g. 186 assassinate) keeps it.
            return AcledCode(cameo if cameo != "190" else found.cameo, found.event_type, found.sub_event_type)
        other = self.acled_codes.get((event_type, mode or "-"))
        if other is None:
            return AcledCode(cameo, None, None)
        return AcledCode(cameo, other.event_type, other.sub_event_type)


_WORD_CONDITIONS = ("obj:", "mod:", "prt:", "head:", "under:")


def _generality(rule: TriggerRule) -> int:
    """0 for rules that name the words around the trigger, 1 for the rest (sort key)."""
    conditions = (rule.requires or "").split("+")
    return 0 if any(c.startswith(_WORD_CONDITIONS) for c in conditions) else 1


def _dash_to_none(value: str) -> str | None:
    return None if value in {"", "-"} else value
