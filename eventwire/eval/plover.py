"""Evaluation on the PLOVER gold standard records (openeventdata/PLOVER, ``PLOVER_GSR_CAMEO.txt``).

The file is a JSON array. Its first record documents the file (``"event": "DOCUMENT"``) and is
skipped; every other record is one sentence (``text``, publication ``date``) with one gold event:
``event`` (type), ``eventText`` (the trigger words), ``source`` and ``target`` (lists of
``{actorText, code, sector}``; an empty string or null when the role is empty) and sometimes
``mode``.

**Old names.** The records predate PLOVER 2.0: types are mapped with `TYPE_ALIASES` (DEMAND ->
REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), modes with `MODE_ALIASES`
("strike-hun" -> hunger, "demo-org" -> demo, ...). Actor codes are CAMEO's: an ISO3 country, or
IGO / NGO / IMG (international militarised group) for actors of no single country, and a few
older country codes (`CODE_ALIASES`). Sectors keep their first three letters ("CVLalb" -> CVL,
an ethnic suffix); "***" means unknown and is not scored.

**Which predicted event.** Each sentence is run through the whole pipeline (the record's date is
the publication date). The event scored is, in text order, the first whose trigger word is one
of the gold ``eventText`` words (case-insensitive), else the first event of the sentence; a
sentence with no event is predicted "NONE", which is wrong for every gold type.

**Scores** (JSON keys):

* ``type_accuracy``: the share of the n sentences whose event type is right; ``type_macro_f1``
  the unweighted mean of per-type F1 over the gold types (``per_type``; "NONE" predictions count
  as false negatives and add no class);
* ``source_country_accuracy`` / ``target_country_accuracy``: over the records whose gold role has
  at least one coded actor, the share where some gold code is among the scored event's actor
  codes in the same role. A predicted actor's code is its country, else CAMEO's transnational
  code: IMG for a group active in many countries (`Actor.transnational`: al-Qaeda, IS), else
  the one for its sector (IGO, NGO). No event or no actor counts wrong;
* ``target_or_place_country_accuracy``: the target score, except that an event with no target
  actor is scored by its location's country (CAMEO coders code an attacked town as the target:
  "shelled Juba" -> SDN); reported beside the strict figure, not instead of it;
* ``sector_accuracy``: likewise over (record, role) pairs whose gold role has a scored sector:
  some gold sector is among the predicted actors' sectors in that role;
* ``mode_accuracy``: over records with a gold mode, the predicted mode equals the mapped gold one.

``confusion`` lists (gold, predicted) type pairs that differ, most frequent first.
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
from eventwire.eval.metrics import ratio, rounded_scores
from eventwire.records import Actor, Article, Event, ExtractionResult, Failure

__all__ = [
    "CODE_ALIASES",
    "MODE_ALIASES",
    "TYPE_ALIASES",
    "PloverActor",
    "PloverRecord",
    "evaluate_plover",
    "format_plover_report",
    "pick_event",
    "read_plover",
]

#: Older PLOVER/CAMEO type names in the gold records -> PLOVER 2.0 types.
TYPE_ALIASES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: Older mode names in the gold records -> the PLOVER 2.0 mode eventwire uses.
MODE_ALIASES: dict[str, str] = {
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "assassinate": "targeted",
    "detain": "arrest",
    "host": "visit",
    "confiscate": "seize",
}

#: CAMEO country codes that differ from ISO 3166 alpha-3.
CODE_ALIASES: dict[str, str] = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}

#: CAMEO codes for organisations of no single country, by eventwire sector.
_TRANSNATIONAL_CODES: dict[str, str] = {"IGO": "IGO", "NGO": "NGO"}

_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class PloverActor:
    text: str
    code: str | None  # ISO3 or IGO/NGO/IMG, after CODE_ALIASES
    sector: str | None  # three letters; None when unknown ("***") or absent


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    text: str
    date: str | None
    type: str  # PLOVER 2.0, after TYPE_ALIASES
    event_text: str
    sources: tuple[PloverActor, ...]
    targets: tuple[PloverActor, ...]
    mode: str | None  # after MODE_ALIASES


class _Extractor(Protocol):
    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]: ...


def read_plover(path: str | Path) -> list[PloverRecord]:
    """The gold records of a PLOVER GSR JSON file, the DOCUMENT record left out."""
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(f"{path} does not exist; pass the PLOVER_GSR_CAMEO.txt file")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordFormatError(f"{path} is not a UTF-8 JSON array: {exc}") from exc
    if not isinstance(data, list):
        raise RecordFormatError(f"{path}: expected a JSON array of records")
    records = []
    for number, item in enumerate(data):
        if not isinstance(item, dict) or item.get("event") == "DOCUMENT":
            continue
        try:
            event = str(item["event"]).strip().upper()
            records.append(
                PloverRecord(
                    id=str(item.get("id") or f"record-{number}"),
                    text=str(item["text"]),
                    date=_iso_date(item.get("date")),
                    type=TYPE_ALIASES.get(event, event),
                    event_text=str(item.get("eventText") or ""),
                    sources=_actors(item.get("source")),
                    targets=_actors(item.get("target")),
                    mode=_mode(item.get("mode")),
                )
            )
        except KeyError as exc:
            raise RecordFormatError(f"{path}: record {number} lacks the field {exc}") from exc
    if not records:
        raise InputError(f"{path} holds no PLOVER event records")
    return records


def _iso_date(value: object) -> str | None:
    text = str(value or "")
    return text if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None


def _actors(value: object) -> tuple[PloverActor, ...]:
    if not isinstance(value, list):
        return ()  # "" or null: the role is empty
    actors = []
    for item in value:
        if not isinstance(item, dict):
            continue
        code = str(item.get("code") or "").strip().upper() or None
        sector = str(item.get("sector") or "").strip()[:3].upper()
        actors.append(
            PloverActor(
                text=str(item.get("actorText") or ""),
                code=CODE_ALIASES.get(code, code) if code else None,
                sector=sector if sector.isalpha() and len(sector) == 3 else None,
            )
        )
    return tuple(actors)


def _mode(value: object) -> str | None:
    text = str(value or "").strip().lower()
    return MODE_ALIASES.get(text, text) or None


def pick_event(events: Sequence[Event], event_text: str) -> Event | None:
    """The predicted event to score: the first whose trigger is a gold trigger word, else the first."""
    ordered = sorted(events, key=lambda e: e.trigger.start if e.trigger else e.evidence.start)
    gold_words = {w.lower() for w in _WORD_RE.findall(event_text)}
    for event in ordered:
        if event.trigger is not None and event.trigger.text.lower() in gold_words:
            return event
    return ordered[0] if ordered else None


def actor_code(actor: Actor) -> str | None:
    """The CAMEO-style code of a predicted actor: its country, else a transnational code (IMG for
    an armed group active in many countries, IGO, NGO)."""
    if actor.country:
        return actor.country
    if actor.transnational:
        return "IMG"
    return _TRANSNATIONAL_CODES.get(actor.sector or "")


def evaluate_plover(records: Sequence[PloverRecord], pipeline: _Extractor) -> dict[str, Any]:
    """Run `pipeline` (a loaded `Pipeline`) on each gold sentence and score it; a JSON-ready dict."""
    articles = [Article(id=r.id, text=r.text, published=r.date) for r in records]
    predicted: list[Event | None] = []
    for record, outcome in zip(records, pipeline.extract(articles), strict=True):
        events = outcome.events if isinstance(outcome, ExtractionResult) else []
        predicted.append(pick_event(events, record.event_text))
    return score_plover(records, predicted)


def score_plover(records: Sequence[PloverRecord], predicted: Sequence[Event | None]) -> dict[str, Any]:
    """Scores of one chosen event (or None) per gold record; see the module docstring."""
    pairs = [(r.type, e.type if e else "NONE") for r, e in zip(records, predicted, strict=True)]
    role_hits: dict[str, list[bool]] = {"source": [], "target": [], "sector": [], "target_or_place": []}
    mode_hits: list[bool] = []
    for record, event in zip(records, predicted, strict=True):
        for role, gold, actors in (
            ("source", record.sources, event.source_actors if event else []),
            ("target", record.targets, event.target_actors if event else []),
        ):
            gold_codes = {a.code for a in gold if a.code}
            if gold_codes:
                predicted_codes = {actor_code(a) for a in actors}
                role_hits[role].append(bool(gold_codes & predicted_codes))
                if role == "target":
                    if not actors and event is not None and event.location is not None:
                        predicted_codes = {event.location.country}
                    role_hits["target_or_place"].append(bool(gold_codes & predicted_codes))
            gold_sectors = {a.sector for a in gold if a.sector}
            if gold_sectors:
                role_hits["sector"].append(bool(gold_sectors & {a.sector for a in actors}))
        if record.mode:
            mode_hits.append(event is not None and event.mode == record.mode)
    per_type = _per_type(pairs)
    confusion = Counter((g, p) for g, p in pairs if g != p)
    return {
        "n": len(records),
        "type_accuracy": _share([g == p for g, p in pairs]),
        "type_macro_f1": round(sum(row["f1"] for row in per_type.values()) / len(per_type), 4)
        if per_type
        else 0.0,
        "source_country_accuracy": _share(role_hits["source"]),
        "target_country_accuracy": _share(role_hits["target"]),
        "target_or_place_country_accuracy": _share(role_hits["target_or_place"]),
        "sector_accuracy": _share(role_hits["sector"]),
        "mode_accuracy": _share(mode_hits),
        "n_source": len(role_hits["source"]),
        "n_target": len(role_hits["target"]),
        "n_sector": len(role_hits["sector"]),
        "n_mode": len(mode_hits),
        "no_event": sum(p == "NONE" for _, p in pairs),
        "per_type": per_type,
        "confusion": [
            {"gold": g, "predicted": p, "count": n} for (g, p), n in confusion.most_common()
        ],
    }


def _per_type(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, float | int]]:
    table = {}
    for label in sorted({g for g, _ in pairs}):
        tp = sum(g == label and p == label for g, p in pairs)
        n_pred = sum(p == label for _, p in pairs)
        n_gold = sum(g == label for g, _ in pairs)
        table[label] = {**rounded_scores(tp, n_pred, n_gold), "support": n_gold}
    return table


def _share(hits: Sequence[bool]) -> float:
    return ratio(sum(hits), len(hits))


def format_plover_report(report: dict[str, Any]) -> str:
    """The report as aligned lines for a terminal: headline scores, per-type table, confusions."""
    lines = [
        f"PLOVER gold records: {report['n']} sentences ({report['no_event']} with no event)",
        f"  type accuracy            {_percent(report['type_accuracy'])}",
        f"  type macro-F1            {_percent(report['type_macro_f1'])}",
        f"  source country accuracy  {_percent(report['source_country_accuracy'])}  (n={report['n_source']})",
        f"  target country accuracy  {_percent(report['target_country_accuracy'])}  (n={report['n_target']})",
        f"    or the place's country {_percent(report['target_or_place_country_accuracy'])}"
        "  (no target actor)",
        f"  sector accuracy          {_percent(report['sector_accuracy'])}  (n={report['n_sector']})",
        f"  mode accuracy            {_percent(report['mode_accuracy'])}  (n={report['n_mode']})",
        "",
        f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}",
    ]
    for label, row in report["per_type"].items():
        lines.append(
            f"  {label:<10} {_percent(row['precision'])} {_percent(row['recall'])} "
            f"{_percent(row['f1'])} {row['support']:>4}"
        )
    if report["confusion"]:
        lines += ["", "  most frequent confusions (gold -> predicted):"]
        lines += [f"    {c['gold']} -> {c['predicted']}: {c['count']}" for c in report["confusion"][:12]]
    return "\n".join(lines)


def _percent(value: float) -> str:
    return f"{100 * value:5.1f}%"
