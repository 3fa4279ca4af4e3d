"""The ACLED sub-event of a snippet: one CASE 2021 code for a short report of one incident.

ACLED codes each event note with one sub-event type; the CASE 2021 shared task (task 2) names
them with codes (ARMED_CLASH, AIR_STRIKE, ...) and adds classes ACLED does not code (organised
crime, disasters, diplomacy, claims of responsibility). `classify_acled` gives one code to an
`ExtractionResult` (the pipeline's output for the snippet) from three data files:

- ``data/acled_codes.tsv``: the codes, their ACLED event and sub-event types, the label set each
  belongs to (25, 28, 30) and a rank that picks the **main event** among the pipeline's events;
- ``data/acled_cues.tsv``: named groups of cue words ("grenade", "protest", "capture"), sought
  in the whole snippet or only in its first sentence;
- ``data/acled_masks.tsv``: where a cue does not say what its group means ("received TOW
  missiles" names no means of attack; "captured 12 soldiers" takes no territory);
- ``data/acled_rules.tsv``: an ordered decision list over facts: cue groups, the order of two
  cues ("troops" before "captured"), and the pipeline's events (type, mode, status, target
  sector, the sector of who acted, figures of people killed). The first rule that holds gives
  the code.

When no rule holds, the main event gives the code: of the events asserted or claimed (not
denied or hypothetical) that carry an ACLED sub-event type, the one whose type ranks first in
``acled_codes.tsv`` (remote violence, then battles, violence against civilians, riots, protests,
strategic developments), the earliest on a tie. With no such event the code is OTHER.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from eventwire.data import read_table
from eventwire.errors import ConfigError, ResourceError
from eventwire.records import AcledDecision, Event, ExtractionResult
from eventwire.resolve.acled_event_facts import COUNTED_STATUSES, event_facts
from eventwire.resolve.acled_learned import AcledModel, decision_features, tables_fingerprint

__all__ = [
    "COUNTED_STATUSES",
    "DECISIONS",
    "AcledClass",
    "AcledRules",
    "DecisionRule",
    "acled_features",
    "backdrop_spans",
    "classify_acled",
    "code_acled_events",
    "lead_sentence",
]

#: How a snippet is decided: the decision list alone, or with the learned second opinion.
DECISIONS = frozenset({"rules", "learned"})
#: A fact "main:GROUP" holds when a cue of GROUP occurs outside every backdrop clause.
_MAIN = "main:"
#: The cue group that opens a backdrop clause ("after weeks of protests", "amid fighting").
_BACKDROP = "backdrop"
#: Where a backdrop clause ends: the next comma, semicolon, colon, dash, line break (a headline
#: has no full stop) or sentence end; not the full stop of an abbreviation ("the U.S. embassies",
#: "J. Smith": a lone capital), nor one before a lower-case word ("Gen. and Mrs."). An acronym
#: ends its sentence ("clashes with the RSF. Gunmen then ...").
_CLAUSE_END = re.compile(
    r"[,;:!?]\s|(?<![^A-Za-z][A-Z])(?<!^[A-Z])\.\s(?![a-z])|\s[-\u2013\u2014]\s|\n|[.!?]?$"
)
#: The marks that end a clause inside a sentence (a backdrop opening a sentence needs one).
_CLAUSE_MARKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014"})
_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|"
    r"scores|several|hundreds|thousands|tens)"
)
_WORD_CHARS = r"[\w'-]"
#: How a row of acled_masks.tsv qualifies a cue (see `CueMask`).
_MASK_KINDS = frozenset({"object", "has_object", "inside"})
#: A verb's object, as the masks read it: at most this many words after the verb, up to a clause
#: mark or a word that opens an adjunct ("destroyed by shelling" has no object "shelling").
_OBJECT_WORDS = 5
_OBJECT_END = frozenset(
    "by from in at on with using during after before as when while near into across amid and then".split()
)
#: A `**` in a cue pattern: up to this many words ("seized the ** hill": "the strategic Tal hill").
_GAP_WORDS = 3
#: Words whose full stop does not end a sentence ("U.S. forces", "Gen. Haftar").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "no", "vs"}
)


@dataclass(frozen=True, slots=True)
class AcledClass:
    """One code of the CASE label sets, with its ACLED names (None for the extra classes)."""

    code: str
    event_type: str | None
    sub_event_type: str | None
    label_set: int  # the smallest label set holding the code: 25, 28 or 30
    rank: int  # lower ranks win the choice of a snippet's main event


@dataclass(frozen=True, slots=True)
class DecisionRule:
    """A row of ``acled_rules.tsv``: `code` when every condition holds and no `unless` fact does."""

    number: int
    code: str
    when: tuple[tuple[str, ...], ...]  # all of these conditions; each holds when any fact in it does
    unless: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class _Cue:
    scope: str  # "text" or "lead"
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CueMask:
    """A row of ``acled_masks.tsv``: occurrences of cue `group` that do not count.

    `how` is "object" (the cue lies in the object of a `by` cue: "received TOW missiles"),
    "has_object" (a `by` cue lies in the cue's own object: "captured 12 soldiers") or "inside"
    (the cue lies inside a `by` phrase: "chief of the Salvadoran air force").
    """

    group: str
    by: str
    how: str
    #: The pipeline's events told by a set-aside cue word do not count either ("backed by air
    #: strikes": the strikes support the event told, they are not it).
    drops_events: bool = False


@dataclass(frozen=True, slots=True)
class AcledRules:
    """The decision resource: codes, cue groups and ordered rules. Build it with `load()`."""

    classes: Mapping[str, AcledClass]
    cues: Mapping[str, _Cue]
    rules: tuple[DecisionRule, ...]
    masks: tuple[CueMask, ...] = ()
    #: The learned second opinion (`eventwire.resolve.acled_learned`); None: the rules alone.
    model: AcledModel | None = None

    @classmethod
    def load(
        cls,
        codes: str = "acled_codes.tsv",
        cues: str = "acled_cues.tsv",
        rules: str = "acled_rules.tsv",
        masks: str = "acled_masks.tsv",
        *,
        decision: str = "rules",
    ) -> AcledRules:
        """Read the bundled tables (or the files at the given paths) and check that they fit;
        `decision` "learned" adds the model of ``data/acled_model.tsv``, "rules" decides alone."""
        if decision not in DECISIONS:
            choices = ", ".join(sorted(DECISIONS))
            raise ConfigError(f"[acled] decision must be one of {choices}, got {decision!r}")
        classes = {
            row["code"]: AcledClass(
                code=row["code"],
                event_type=_dash_none(row["event_type"]),
                sub_event_type=_dash_none(row["sub_event_type"]),
                label_set=int(row["label_set"]),
                rank=int(row["rank"]),
            )
            for row in read_table(codes)
        }
        cue_table = {
            row["group"]: _Cue(row["scope"], compile_cue(row["pattern"])) for row in read_table(cues)
        }
        ordered = tuple(_rule(number, row) for number, row in enumerate(read_table(rules), 1))
        mask_rows = read_table(masks)
        for row in mask_rows:
            if row.get("events", "") not in {"", "drop"}:
                raise ResourceError(f"acled_masks.tsv: events must be 'drop' or empty, not {row['events']!r}")
        cue_masks = tuple(
            CueMask(row["group"], row["by"], row["how"], drops_events=row.get("events") == "drop")
            for row in mask_rows
        )
        built = cls(classes=classes, cues=cue_table, rules=ordered, masks=cue_masks)
        built._check()
        if decision == "learned":
            model = AcledModel.load()
            if model.tables != built.fingerprint():
                raise ConfigError(
                    "the learned ACLED decision (data/acled_model.tsv) was fitted on other ACLED "
                    "tables (other rules, cue groups or codes): set [acled] decision = \"rules\", or "
                    "refit it from a source checkout with `python benchmarks/fit_acled_model.py --write`"
                )
            built = replace(built, model=model)
        return built

    def fingerprint(self) -> str:
        """What the learned model's features name in these tables (`tables_fingerprint`)."""
        rules = (f"{r.number} {r.code} {r.when} {r.unless}" for r in self.rules)
        return tables_fingerprint(self.classes, self.cues, rules)

    def _check(self) -> None:
        for rule in self.rules:
            if rule.code not in self.classes:
                raise ResourceError(f"acled_rules.tsv rule {rule.number}: unknown code {rule.code!r}")
            for fact in [f for condition in rule.when for f in condition] + list(rule.unless):
                for part in fact.split("<"):
                    group = part.removeprefix(_MAIN)
                    if group != part and group not in self.cues:
                        raise ResourceError(
                            f"acled_rules.tsv rule {rule.number}: {group!r} (in {part!r}) is no cue "
                            "group of acled_cues.tsv"
                        )
                    if ":" not in part and part != "killed" and part not in self.cues:
                        raise ResourceError(
                            f"acled_rules.tsv rule {rule.number}: {part!r} is no cue group of "
                            "acled_cues.tsv and no event fact; add the group or fix the name"
                        )
        if _BACKDROP not in self.cues:
            raise ResourceError(
                f"acled_cues.tsv: the group {_BACKDROP!r} (clauses that tell context) is missing"
            )
        for mask in self.masks:
            if mask.how not in _MASK_KINDS or not {mask.group, mask.by} <= self.cues.keys():
                raise ResourceError(
                    f"acled_masks.tsv: {mask.group!r} by {mask.by!r} ({mask.how!r}) needs two cue groups "
                    f"of acled_cues.tsv and one of {sorted(_MASK_KINDS)}"
                )
            if mask.group == _BACKDROP and mask.how != "inside":
                raise ResourceError(f"acled_masks.tsv: a {_BACKDROP!r} cue takes only an 'inside' mask")
            if self.cues[mask.group].scope != self.cues[mask.by].scope:
                raise ResourceError(f"acled_masks.tsv: {mask.group!r} and {mask.by!r} differ in scope")
        for name, cue in self.cues.items():
            if cue.scope not in {"text", "lead"}:
                raise ResourceError(f"acled_cues.tsv group {name!r}: scope must be text or lead")

    def by_sub_event_type(self) -> dict[str, AcledClass]:
        """The classes ACLED codes, by their sub-event type name ("Air/drone strike")."""
        return {c.sub_event_type: c for c in self.classes.values() if c.sub_event_type}

    def tells(self, text: str, group: str) -> bool:
        """Whether a cue of `group` occurs in `text` (its lead sentence for a lead-scoped group),
        as the rules see it: less what acled_masks.tsv sets aside."""
        return bool(_Facts(text, (), self, ()).positions(group))

    def label_set(self, size: int) -> frozenset[str]:
        """The codes of the 25, 28 or 30 label set."""
        return frozenset(code for code, c in self.classes.items() if c.label_set <= size)


def _dash_none(value: str) -> str | None:
    return None if value in {"", "-"} else value


def _rule(number: int, row: Mapping[str, str]) -> DecisionRule:
    when = tuple(tuple(fact.strip() for fact in term.split("|")) for term in row["when"].split("+"))
    unless = tuple(fact.strip() for fact in row.get("unless", "").split("|") if fact.strip())
    if not row["when"].strip():
        raise ResourceError(f"acled_rules.tsv rule {number}: empty 'when'")
    return DecisionRule(number, row["code"], when, unless, row.get("why", ""))


def compile_cue(pattern: str) -> re.Pattern[str]:
    """One regular expression for a cue pattern: phrases joined by |, whole words, `*` a prefix.

    A `*` standing alone is any one word ("suspended * participation"), `**` up to three words
    ("seized the ** hill"), `#` a number ("killing #"), and `{a,b}` either word ("{seized,took}
    the ** hill"); hyphens and apostrophes belong to words, so "gang" does not match "gang-raped".
    """
    phrases = []
    for phrase in pattern.split("|"):
        parts = []
        for word in phrase.split():
            if word == "**":  # a gap: the words it spans bring their own leading spaces
                parts.append(rf"(?:\s+{_WORD_CHARS}+){{0,{_GAP_WORDS}}}")
            else:
                parts.append((r"\s+" if parts else "") + _cue_word(word))
        if parts:
            phrases.append("".join(parts))
    # a possessive still names the word ("the judge's car"); other apostrophes join words
    return re.compile(r"(?<![\w'-])(?:" + "|".join(phrases) + r")(?:['\u2019]s)?(?![\w'-])", re.IGNORECASE)


def _cue_word(word: str) -> str:
    if word.startswith("{") != word.endswith("}"):
        raise ResourceError(f"cue word {word!r}: a {{choice,choice}} holds single words, no spaces")
    if word.startswith("{"):
        return "(?:" + "|".join(_cue_word(choice) for choice in word[1:-1].split(",")) + ")"
    if word == "*":
        return _WORD_CHARS + "+"
    if word == "#":
        return _NUMBER
    if word.endswith("*"):
        return re.escape(word[:-1]) + _WORD_CHARS + "*"
    return re.escape(word)


def lead_sentence(text: str) -> str:
    """The first sentence of a snippet (ACLED notes tell the event first)."""
    for match in re.finditer(r"[.!?]\s+(?=[A-Z0-9\"'(\[])", text):
        before = text[: match.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(\w\.)+\w", word):
            continue  # "Gen. Haftar", "U.S. forces": not a sentence end
        return text[: match.start() + 1]
    return text


def classify_acled(
    result: ExtractionResult, rules: AcledRules, labels: frozenset[str] | None = None
) -> AcledDecision:
    """The CASE code of one snippet, from the pipeline's events and the decision tables.

    `labels` (say ``rules.label_set(25)``) keeps the decision within a label set: a rule whose
    code the set lacks is passed over, so a gang shoot-out that the 28-label set calls organised
    crime is coded as the 25 ACLED types would code it. None: any code of the tables.

    `rules` decides as it was loaded: ``AcledRules.load()`` by the rules alone,
    ``AcledRules.load(decision="learned")`` (what the default configuration loads into
    ``pipeline.acled``) with the learned second opinion.

    >>> pipeline = Pipeline.load()
    >>> classify_acled(pipeline.extract_text("On 3 May 2017, a grenade was lobbed ..."), pipeline.acled).code
    'GRENADE'
    """
    places = _place_texts(result)
    return _decide(result.article.text, result.events, rules, base=0, labels=labels, places=places)


def code_acled_events(events: Sequence[Event], rules: AcledRules) -> list[Event]:
    """Events with their ACLED types set by the same decision, applied to each event alone.

    An event ACLED codes (its type and mode gave it an ACLED sub-event type) is re-coded from
    its own sentence and itself, so that "police shot dead three protesters" is excessive force
    against protesters, and a grenade attack a grenade attack, as the snippet decision says.
    A decision outside ACLED's classes (a disaster, a claim) leaves the table's coding alone.
    """
    coded = []
    for event in events:
        if event.acled_sub_event_type is not None and event.status in COUNTED_STATUSES:
            decision = _decide(event.evidence.text, [event], rules, base=event.evidence.start, coded=event)
            if decision.sub_event_type is not None and decision.code != "OTHER":
                event = replace(
                    event, acled_event_type=decision.event_type, acled_sub_event_type=decision.sub_event_type
                )
        coded.append(event)
    return coded


def acled_features(
    result: ExtractionResult, rules: AcledRules, labels: frozenset[str] | None = None
) -> frozenset[str]:
    """What the learned model reads for a snippet: the facts held and the rules' verdict
    (``benchmarks/fit_acled_model.py`` fits on these; `classify_acled` weighs the same)."""
    text, places = result.article.text, _place_texts(result)
    facts, code, _, number, _ = _verdict(text, result.events, rules, 0, None, labels, places)
    return decision_features(facts.held(), code, number)


def _place_texts(result: ExtractionResult) -> frozenset[str]:
    """The casefolded texts of a snippet's places (a target so named is no person)."""
    return frozenset(p.text.casefold() for p in result.places)


def _decide(
    text: str,
    events: Sequence[Event],
    rules: AcledRules,
    *,
    base: int,
    coded: Event | None = None,
    labels: frozenset[str] | None = None,
    places: frozenset[str] = frozenset(),
) -> AcledDecision:
    """The decision for `text`; `base` is the offset of `text` in the article the events' spans index.

    When one event is `coded`, the clause that tells it is no backdrop: in "urged Damascus to
    halt its offensive in Idlib despite a deal", the offensive is the event being coded, not the
    setting of another.
    """
    facts, code, reason, number, main = _verdict(text, events, rules, base, coded, labels, places)
    if rules.model is not None and code in rules.model.labels:
        code, reason = rules.model.second_opinion(facts.held(), code, reason, number, labels)
    return _decision(rules, code, reason, main)


def _verdict(
    text: str,
    events: Sequence[Event],
    rules: AcledRules,
    base: int,
    coded: Event | None,
    labels: frozenset[str] | None,
    places: frozenset[str],
) -> tuple[_Facts, str, str, int | None, tuple[Event, str] | None]:
    """The facts of `text` and the decision list's verdict on them: code, reason, rule number
    (see `_by_rules`) and the main event."""
    backdrop = backdrop_spans(text, rules)
    if coded is not None:
        backdrop = [span for span in backdrop if not _in_spans(_position(coded, base), [span])]
    told = [e for e in events if not _in_spans(_position(e, base), backdrop)]
    facts = _Facts(text, told, rules, backdrop, places)
    set_aside = facts.set_aside() if any(_position(e, base) is not None for e in told) else []
    if any(_in_spans(_position(e, base), set_aside) for e in told):
        # "backed by Russian air strikes": an event told by a cue word a mask sets aside gives no facts
        told = [e for e in told if not _in_spans(_position(e, base), set_aside)]
        facts.event_facts = frozenset(event_facts(told, places))  # the cues found so far still hold
    main = _main_event(told, rules)
    return (facts, *_by_rules(facts, rules, labels, main), main)


def _by_rules(
    facts: _Facts, rules: AcledRules, labels: frozenset[str] | None, main: tuple[Event, str] | None
) -> tuple[str, str, int | None]:
    """The decision list's code, its reason and the number of the rule that gave it (None: the
    main event gave it; 0: nothing did)."""
    for rule in rules.rules:
        if labels is not None and rule.code not in labels:
            continue
        if all(any(facts.holds(f) for f in condition) for condition in rule.when) and not any(
            facts.holds(f) for f in rule.unless
        ):
            return rule.code, f"rule {rule.number}: {rule.why}", rule.number
    if main is not None:
        event, code = main
        return code, f"main event: {event.type} '{_trigger(event)}'", None
    return "OTHER", "no rule and no event", 0


def backdrop_spans(text: str, rules: AcledRules) -> list[tuple[int, int]]:
    """The clauses of `text` that tell context rather than the event (character spans).

    A clause opened by a backdrop cue ("since the war began with protests", "after weeks of
    fighting", "amid clashes") runs to the next clause boundary. ACLED codes the event a report
    tells, not the earlier events it names as its reason or setting.
    """
    spans = []
    qualifiers = [
        m.span()
        for mask in rules.masks
        if mask.group == _BACKDROP
        for m in rules.cues[mask.by].pattern.finditer(text)
    ]  # "has since seized": an adverb, no clause ("inside" is the only mask a backdrop takes)
    for match in rules.cues[_BACKDROP].pattern.finditer(text):
        if _within_any(match.span(), qualifiers):
            continue
        end = _CLAUSE_END.search(text, match.end())  # always found: the pattern matches at the end
        assert end is not None
        if _opens_sentence(text, match.start()) and end.group().strip()[:1] not in _CLAUSE_MARKS:
            continue  # "Since March the group has recruited ...": without a comma the clause has no end
        spans.append((match.start(), end.start()))
    return spans


def _opens_sentence(text: str, at: int) -> bool:
    """Whether only spaces lie between `at` and the text's start or a sentence end or line break."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in ".!?\n"


def _in_spans(position: int | None, spans: Sequence[tuple[int, int]]) -> bool:
    return position is not None and any(start <= position < end for start, end in spans)


def _within_any(span: tuple[int, int], outer: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in outer)


def _position(event: Event, base: int) -> int | None:
    return event.trigger.start - base if event.trigger is not None else None


def _decision(rules: AcledRules, code: str, reason: str, main: tuple[Event, str] | None) -> AcledDecision:
    known = rules.classes[code]
    return AcledDecision(
        code=code,
        event_type=known.event_type,
        sub_event_type=known.sub_event_type,
        reason=reason,
        event_id=main[0].id if main is not None else None,
    )


def _trigger(event: Event) -> str:
    return event.trigger.text if event.trigger else event.evidence.text[:40]


def _main_event(events: Sequence[Event], rules: AcledRules) -> tuple[Event, str] | None:
    """The event ACLED would code for the snippet, with its code (see the module docstring)."""
    by_name = rules.by_sub_event_type()
    ranked = [
        (known.rank, e.trigger.start if e.trigger else 0, n, e, known.code)
        for n, e in enumerate(events)
        if e.status in COUNTED_STATUSES and (known := by_name.get(e.acled_sub_event_type or ""))
    ]
    if not ranked:
        return None
    _, _, _, event, code = min(ranked, key=lambda item: item[:3])
    return event, code


class _Facts:
    """What a snippet offers the rules: cue positions and facts about the pipeline's events.

    Cue groups are sought only when a rule asks (most snippets are decided by an early rule).
    """

    def __init__(
        self,
        text: str,
        events: Sequence[Event],
        rules: AcledRules,
        backdrop: Sequence[tuple[int, int]],
        places: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.lead = lead_sentence(text)
        self.cues = rules.cues
        self.masks = rules.masks
        self.backdrop = backdrop
        self.found: dict[str, list[tuple[int, int]]] = {}
        self.event_facts = frozenset(event_facts(events, places))

    def positions(self, name: str) -> list[int]:
        if name.startswith(_MAIN):
            return [p for p in self.positions(name.removeprefix(_MAIN)) if not _in_spans(p, self.backdrop)]
        return [start for start, _ in self._matches(name)]

    def _matches(self, name: str) -> list[tuple[int, int]]:
        """The spans of `name`'s cues, less those a mask of ``acled_masks.tsv`` sets aside."""
        if name not in self.found:
            self.found[name] = []  # a mask that refers back to this group sees no matches
            cue = self.cues.get(name)
            spans = [m.span() for m in cue.pattern.finditer(self._scope(cue))] if cue is not None else []
            for mask in self.masks:
                if mask.group == name and spans:
                    spans = self._unmasked(spans, mask)
            self.found[name] = spans
        return self.found[name]

    def set_aside(self) -> list[tuple[int, int]]:
        """The spans of the cues that a mask marked "drop" in ``acled_masks.tsv`` sets aside."""
        aside: list[tuple[int, int]] = []
        for name in dict.fromkeys(mask.group for mask in self.masks if mask.drops_events):
            cue = self.cues[name]
            kept = set(self._matches(name))
            aside.extend(m.span() for m in cue.pattern.finditer(self._scope(cue)) if m.span() not in kept)
        return aside

    def _scope(self, cue: _Cue) -> str:
        return self.lead if cue.scope == "lead" else self.text

    def _unmasked(self, spans: list[tuple[int, int]], mask: CueMask) -> list[tuple[int, int]]:
        by = self._matches(mask.by)
        text = self._scope(self.cues[mask.group])
        if mask.how == "inside":
            return [span for span in spans if not _within_any(span, by)]
        if mask.how == "object":
            objects = [_object_span(text, end) for _, end in by]
            return [span for span in spans if not _in_spans(span[0], objects)]
        # "has_object": a `by` cue begins in the cue's own object
        objects = [_object_span(text, end) for _, end in spans]
        return [
            span
            for span, obj in zip(spans, objects, strict=True)
            if not any(_in_spans(b, [obj]) for b, _ in by)
        ]

    def held(self) -> frozenset[str]:
        """Every single fact that holds: event facts, cue groups found, and ``main:`` groups."""
        found = [name for name in self.cues if self.positions(name)]
        return self.event_facts | set(found) | {_MAIN + n for n in found if self.positions(_MAIN + n)}

    def holds(self, fact: str) -> bool:
        if "<" in fact:
            first, second = (self.positions(name) for name in fact.split("<", 1))
            return bool(first and second) and min(first) < max(second)
        return fact in self.event_facts or bool(self.positions(fact))


def _object_span(text: str, end: int) -> tuple[int, int]:
    """The span of the object of a verb that ends at `end` (see `_OBJECT_WORDS`)."""
    stop = end
    for count, word in enumerate(re.finditer(r"\S+", text[end:]), 1):
        bare = word.group().strip("\"'()").lower()
        if bare in _OBJECT_END or count > _OBJECT_WORDS:
            break
        stop = end + word.end()
        if word.group()[-1] in ",;:.!?":
            break
    return end, stop
