"""Evaluation on WikiEvents (Li et al. 2021, KAIROS ontology): event detection and argument heads.

The file is JSON lines, one document a line: ``sentences`` (each ``[[token, start, end], ...]``
and the sentence's text), ``tokens``, ``entity_mentions`` (``id``, token ``start``/``end``) and
``event_mentions`` (``event_type`` such as ``Conflict.Attack.DetonateExplode``, a ``trigger``
with token ``start``/``end``, and ``arguments``: ``entity_id`` and ``role``).

**Text.** The documents' ``text`` field runs sentences together ("...in SyriaThe desert"), so
the text given to eventwire is the sentence texts joined by line breaks, and every gold token is
located in it by its sentence. There is no publication date.

**Types.** `KAIROS_TYPES` maps the KAIROS types that eventwire models to PLOVER types (by the
longest matching prefix). Gold events of other types (statements, movement, transactions,
disease, ...) are left out and counted (``excluded_gold``); a predicted event whose trigger
overlaps the trigger of such an event is left out too (``excluded_predicted``) rather than
counted wrong, since eventwire was not asked about it.

**Detection.** A predicted event (events that eventwire splits by location are one event, by
trigger) matches a gold event when their triggers overlap; ``identification`` scores that match,
``classification`` also asks for the same mapped type. Precision is over predicted events,
recall over gold events; each gold event is matched at most once.

**Arguments.** eventwire's roles map to KAIROS roles by the gold event type (`ROLE_MAP`): the
source actors to the agent role (Attacker, Killer, Jailer, ...), the target actors to the patient
role (Target, Victim, Detainee, ...), the location to Place. eventwire gives no span for the
means of an attack (its mode is a label), so Instrument and ExplosiveDevice are never predicted.
Scoring is end to end: every argument of every predicted event counts in precision, and it can
be correct only under an event matched to a gold event of the same mapped type; recall is over
every argument of the mapped gold events.
A predicted argument matches a gold one with the same role when their **head words** are the same
token. The gold head is the last token of the gold entity mention (English noun phrases are
head-final); the predicted head is the last word of the predicted phrase before any
post-modifier (of, in, from, who, a comma). This approximates Li et al.'s head match, which
takes heads from a dependency parse. ``head_in_span`` is a laxer variant: the gold head lies
inside the predicted phrase.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.errors import InputError, MissingInputError, RecordFormatError
from eventwire.eval.metrics import rounded_scores
from eventwire.records import Article, Event, ExtractionResult, Failure, Span

__all__ = [
    "KAIROS_TYPES",
    "REPORTED_ROLES",
    "ROLE_MAP",
    "WikiArgument",
    "WikiDocument",
    "WikiEvent",
    "evaluate_wikievents",
    "format_wikievents_report",
    "read_wikievents",
]

#: KAIROS event type prefixes -> PLOVER types; the longest matching prefix wins.
KAIROS_TYPES: dict[str, str] = {
    "Conflict.Attack": "ASSAULT",
    "Life.Die": "ASSAULT",
    "Life.Injure": "ASSAULT",
    "Conflict.Demonstrate": "PROTEST",
    "Justice.ArrestJailDetain": "COERCE",
    "ArtifactExistence.DamageDestroyDisableDismantle": "COERCE",
    "Contact.ThreatenCoerce": "THREATEN",
    "Contact.RequestCommand": "REQUEST",
    "Contact.Contact.Meet": "CONSULT",
    "Justice.ChargeIndict": "ACCUSE",
    "Justice.InvestigateCrime": "ACCUSE",
    "Justice.Convict": "SANCTION",
    "Justice.Sentence": "SANCTION",
    "Justice.ReleaseParole": "RETREAT",
}

#: (agent roles, patient roles) of each KAIROS type prefix: what eventwire's source and target
#: actors stand for in that type.
ROLE_MAP: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Conflict.Attack": (("Attacker",), ("Target",)),
    "Life.Die": (("Killer",), ("Victim",)),
    "Life.Injure": (("Injurer",), ("Victim",)),
    "Conflict.Demonstrate": (("Demonstrator",), ("Target",)),
    "Justice.ArrestJailDetain": (("Jailer",), ("Detainee",)),
    "ArtifactExistence.DamageDestroyDisableDismantle": (("Damager", "Destroyer"), ("Artifact",)),
    "Contact.ThreatenCoerce": (("Communicator",), ("Recipient",)),
    "Contact.RequestCommand": (("Communicator",), ("Recipient",)),
    "Contact.Contact.Meet": (("Participant",), ("Participant",)),
    "Justice.ChargeIndict": (("Prosecutor",), ("Defendant",)),
    "Justice.InvestigateCrime": (("Investigator",), ("Defendant",)),
    "Justice.Convict": (("JudgeCourt",), ("Defendant",)),
    "Justice.Sentence": (("JudgeCourt",), ("Defendant",)),
    "Justice.ReleaseParole": (("JudgeCourt",), ("Defendant",)),
}

#: Roles reported one by one (the rest are in "all").
REPORTED_ROLES = ("Attacker", "Target", "Victim", "Instrument", "Place")

_POST_MODIFIER = re.compile(r"\s(?:of|in|from|at|on|who|which|that)\s|,|\(")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class WikiArgument:
    role: str
    text: str
    head_start: int  # character offsets of the head token in the document text we build
    head_end: int


@dataclass(frozen=True, slots=True)
class WikiEvent:
    kairos_type: str
    type: str | None  # PLOVER type, None when eventwire does not model it
    trigger_start: int
    trigger_end: int
    arguments: tuple[WikiArgument, ...]


@dataclass(frozen=True, slots=True)
class WikiDocument:
    id: str
    text: str
    events: tuple[WikiEvent, ...]


class _Extractor(Protocol):
    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]: ...


def plover_type(kairos_type: str) -> str | None:
    """The PLOVER type for a KAIROS type, or None when eventwire does not model it."""
    prefix = _longest_prefix(kairos_type, KAIROS_TYPES)
    return KAIROS_TYPES[prefix] if prefix else None


def _longest_prefix(kairos_type: str, table: dict[str, Any]) -> str | None:
    found = [p for p in table if kairos_type == p or kairos_type.startswith(p + ".")]
    return max(found, key=len, default=None)


def read_wikievents(path: str | Path) -> list[WikiDocument]:
    """The documents of a WikiEvents JSON-lines file, with gold offsets into our joined text."""
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(f"{path} does not exist; pass a WikiEvents .jsonl file (e.g. dev.jsonl)")
    documents = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise RecordFormatError(f"{path} is not UTF-8 text") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            documents.append(_document(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise RecordFormatError(f"{path} line {number}: not a WikiEvents document ({exc})") from exc
    if not documents:
        raise InputError(f"{path} holds no documents")
    return documents


def _document(raw: dict[str, Any]) -> WikiDocument:
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []  # per document token
    position = 0
    for tokens, sentence_text in raw["sentences"]:
        cursor = 0
        for token, _, _ in tokens:
            found = sentence_text.find(token, cursor)
            if found < 0:
                found = cursor  # keep going; a token the text lacks gets an empty span
                offsets.append((position + found, position + found))
                continue
            offsets.append((position + found, position + found + len(token)))
            cursor = found + len(token)
        pieces.append(sentence_text)
        position += len(sentence_text) + 1
    entities = {e["id"]: e for e in raw["entity_mentions"]}
    events = []
    for mention in raw["event_mentions"]:
        trigger = mention["trigger"]
        arguments = []
        for argument in mention["arguments"]:
            entity = entities.get(argument["entity_id"])
            if entity is None:
                continue
            head = offsets[_head_token(raw["tokens"], entity["start"], entity["end"])]
            arguments.append(WikiArgument(argument["role"], argument.get("text", ""), *head))
        events.append(
            WikiEvent(
                kairos_type=mention["event_type"],
                type=plover_type(mention["event_type"]),
                trigger_start=offsets[trigger["start"]][0],
                trigger_end=offsets[trigger["end"] - 1][1],
                arguments=tuple(arguments),
            )
        )
    return WikiDocument(id=str(raw["doc_id"]), text="\n".join(pieces), events=tuple(events))


def _head_token(tokens: Sequence[str], start: int, end: int) -> int:
    """The last word token of a mention (skipping trailing punctuation)."""
    for index in range(end - 1, start - 1, -1):
        if _WORD.fullmatch(tokens[index]) or any(c.isalnum() for c in tokens[index]):
            return index
    return end - 1


@dataclass(slots=True)
class _Tally:
    predicted: int = 0
    gold: int = 0
    correct: int = 0

    def scores(self) -> dict[str, float | int]:
        return {
            **rounded_scores(self.correct, self.predicted, self.gold),
            "predicted": self.predicted,
            "gold": self.gold,
            "correct": self.correct,
        }


@dataclass(frozen=True, slots=True)
class _Predicted:
    type: str
    start: int
    end: int
    arguments: tuple[tuple[str, int, int, int, int], ...]  # (kind, span start, end, head start, end)


def evaluate_wikievents(documents: Sequence[WikiDocument], pipeline: _Extractor) -> dict[str, Any]:
    """Run `pipeline` (a loaded `Pipeline`) on each document and score it; a JSON-ready dict."""
    articles = [Article(id=d.id, text=d.text) for d in documents]
    identification, classification = _Tally(), _Tally()
    roles: dict[str, _Tally] = {}
    roles_lax: dict[str, _Tally] = {}
    excluded_gold = excluded_predicted = 0
    excluded_types: Counter[str] = Counter()
    for document, outcome in zip(documents, pipeline.extract(articles), strict=True):
        events = outcome.events if isinstance(outcome, ExtractionResult) else []
        predicted = _predicted_events(events)
        modelled = [g for g in document.events if g.type is not None]
        for gold in document.events:
            if gold.type is None:
                excluded_types[gold.kairos_type] += 1
        excluded_gold += len(document.events) - len(modelled)
        unmodelled = [g for g in document.events if g.type is None]
        kept = []
        for event in predicted:
            if not any(_overlap(event, g) for g in modelled) and any(_overlap(event, g) for g in unmodelled):
                excluded_predicted += 1
            else:
                kept.append(event)
        identification.predicted += len(kept)
        classification.predicted += len(kept)
        identification.gold += len(modelled)
        classification.gold += len(modelled)
        for gold in modelled:
            for argument in gold.arguments:
                for table in (roles, roles_lax):
                    for name in (argument.role, "all"):
                        table.setdefault(name, _Tally()).gold += 1
        free_id, free_cls = list(modelled), list(modelled)
        for event in kept:
            match = next((g for g in free_id if _overlap(event, g)), None)
            if match is not None:
                free_id.remove(match)
                identification.correct += 1
            typed = next((g for g in free_cls if _overlap(event, g) and g.type == event.type), None)
            if typed is not None:
                free_cls.remove(typed)
                classification.correct += 1
            _score_arguments(event, typed, roles, roles_lax)
    report_roles = {
        name: roles.get(name, _Tally()).scores() for name in (*REPORTED_ROLES, "all")
    }
    return {
        "n_documents": len(documents),
        "mapping": dict(KAIROS_TYPES),
        "identification": identification.scores(),
        "classification": classification.scores(),
        "event_f1": classification.scores()["f1"],
        "argument_head_f1": report_roles["all"]["f1"],
        "roles": report_roles,
        "roles_head_in_span": {
            name: roles_lax.get(name, _Tally()).scores() for name in (*REPORTED_ROLES, "all")
        },
        "excluded_gold": excluded_gold,
        "excluded_predicted": excluded_predicted,
        "excluded_types": dict(excluded_types.most_common()),
    }


def _predicted_events(events: Sequence[Event]) -> list[_Predicted]:
    """One record per trigger: events split by location are one event with several places."""
    by_trigger: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        span = event.trigger or event.evidence
        by_trigger.setdefault((span.start, span.end), []).append(event)
    found = []
    for (start, end), group in by_trigger.items():
        arguments: list[tuple[str, int, int, int, int]] = []
        seen: set[tuple[str, int, int]] = set()
        for event in group:
            items: list[tuple[str, Span | None]] = [("source", a.span) for a in event.source_actors]
            items += [("target", a.span) for a in event.target_actors]
            if event.location is not None and event.location.basis == "text":  # an argument
                items.append(("place", event.location.span))
            for kind, where in items:
                if where is None or (kind, where.start, where.end) in seen:
                    continue
                seen.add((kind, where.start, where.end))
                arguments.append((kind, where.start, where.end, *_head_of(where.text, where.start)))
        found.append(_Predicted(group[0].type, start, end, tuple(arguments)))
    return found


def _head_of(text: str, start: int) -> tuple[int, int]:
    """Offsets of the last word before any post-modifier: "Police in Ouagadougou" -> "Police"."""
    cut = _POST_MODIFIER.search(text)
    core = text[: cut.start()] if cut else text
    words = list(_WORD.finditer(core)) or list(_WORD.finditer(text))
    if not words:
        return start, start + len(text)
    last = words[-1]
    return start + last.start(), start + last.end()


def _overlap(event: _Predicted, gold: WikiEvent) -> bool:
    return event.start < gold.trigger_end and gold.trigger_start < event.end


def _roles_for(kind: str, kairos_type: str | None, plover: str) -> tuple[str, ...]:
    if kind == "place":
        return ("Place",)
    prefix = _longest_prefix(kairos_type, ROLE_MAP) if kairos_type else None
    if prefix is None:
        # An event matching no gold event: name its roles as an attack's, or generically.
        agent, patient = ROLE_MAP["Conflict.Attack"] if plover == "ASSAULT" else (("Agent",), ("Patient",))
    else:
        agent, patient = ROLE_MAP[prefix]
    return agent if kind == "source" else patient


def _score_arguments(
    event: _Predicted,
    gold: WikiEvent | None,
    roles: dict[str, _Tally],
    roles_lax: dict[str, _Tally],
) -> None:
    free = list(gold.arguments) if gold is not None else []
    free_lax = list(free)
    for kind, start, end, head_start, head_end in event.arguments:
        names = _roles_for(kind, gold.kairos_type if gold else None, event.type)
        role = names[0]
        for table in (roles, roles_lax):
            for name in (role, "all"):
                table.setdefault(name, _Tally()).predicted += 1
        strict = next(
            (a for a in free if a.role in names and (a.head_start, a.head_end) == (head_start, head_end)),
            None,
        )
        if strict is not None:
            free.remove(strict)
            roles["all"].correct += 1
            roles.setdefault(strict.role, _Tally()).correct += 1
        lax = next((a for a in free_lax if a.role in names and start <= a.head_start < end), None)
        if lax is not None:
            free_lax.remove(lax)
            roles_lax["all"].correct += 1
            roles_lax.setdefault(lax.role, _Tally()).correct += 1


def format_wikievents_report(report: dict[str, Any]) -> str:
    """The report as aligned lines for a terminal."""
    def row(name: str, scores: dict[str, Any]) -> str:
        return (
            f"  {name:<16} P {_percent(scores['precision'])}  R {_percent(scores['recall'])}  "
            f"F1 {_percent(scores['f1'])}  (predicted {scores['predicted']}, gold {scores['gold']})"
        )

    lines = [
        f"WikiEvents: {report['n_documents']} documents; {report['excluded_gold']} gold events of "
        f"unmodelled types left out ({report['excluded_predicted']} predicted events on their triggers)",
        row("trigger ident.", report["identification"]),
        row("trigger class.", report["classification"]),
        "  argument head match:",
    ]
    lines += [row(name, scores) for name, scores in report["roles"].items()]
    lines.append("  argument head in predicted span:")
    lines += [row(name, scores) for name, scores in report["roles_head_in_span"].items()]
    return "\n".join(lines)


def _percent(value: float) -> str:
    return f"{100 * value:5.1f}%"
