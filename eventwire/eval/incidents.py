"""Evaluation of incidents: are the reports of one incident linked, and only those?

Two gold formats, told apart by content (`detect_incident_gold_format`):

**Labelled reports** (``benchmarks/data/incident_reports.jsonl``, JSON Lines written for
eventwire; the fields are described in ``benchmarks/data/incident_reports.md``)::

    {"id": "h01", "incident": "iraq-ainalasad-2025-01-06", "split": "holdout" | "dev",
     "outlet": "Gulf Wire Service", "title": "...", "date": "YYYY-MM-DD", "text": "...",
     "fatalities": {"low": 1, "high": 2} | null}

**FA-KES** (``FA-KES-Dataset.csv``, read by `eval.fakes.read_fakes`). These are *weak labels*:
articles that share an incident date and governorate count as one incident. Two attacks in one
governorate on one day are then "one incident", and a report dated a day off is "another". The
scores show how the clustering behaves on real text. They do not measure it exactly. FA-KES
gives no figures, so fatality ranges are not scored on it.

**Running.** Each split is scored on its own. Its reports become `Article`s (id, text, title,
``published`` = date, ``source`` = outlet) in a temporary store. They are extracted with
`ingest_corpus`, then `build_incidents` groups them. Because no split sees another's reports, a
holdout score never depends on the dev reports. ``all`` pools the splits' predictions.

**A report's predicted incident** is the incident that holds the report's *main event*: the
rule of `eval.fakes.main_incident` over the article's events in text order. Among events not
denied or hypothetical, that is the located ASSAULT with the highest best fatality estimate,
else the first event. Events dated wholly more than `BACKGROUND_DAYS` before publication are
background and are passed over when the report has others. Without that step, a 2017 report of
a gas attack that recalls the 2013 Ghouta attack would be scored as a report of Ghouta.

If no incident holds the main event (the builder leaves statements out, for instance), the
prediction is the incident that holds most of the article's events. A report with no events,
or none in any incident, is *unlinked*. It counts as a cluster of its
own, so its gold links count as missed, and the number of unlinked reports is reported.

**Scores** per split:
- pairwise precision, recall and F1 over pairs of reports. A pair is predicted when both
  reports map to one incident, and gold when they share a label. An empty denominator gives
  1.0, since nothing was claimed or nothing was there to find. ``any_event_recall`` is the share
  of gold pairs whose articles share *any* incident. It tells a missed link caused by the
  main-event choice from one the clustering missed;
- B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over reports;
- ``wrong_merges``: predicted pairs across gold incidents, listed by report ids. ``missed_links``:
  gold pairs predicted apart. The lists stop at `LISTED_PAIRS` and the counts are complete;
- fatality ranges, over the gold incidents that give one. The incident predicted for most of
  the gold incident's reports (ties go to the first report) is right when its ``fatalities``
  low and high equal the gold range (``exact``), or when each bound is within one
  (``within_1``). ``disagreement_flagged`` is the share of gold incidents whose sources differ
  (low < high) where the predicted incident carries a disagreement on the killed figure.
  ``spurious`` counts gold incidents with no toll that got one.
"""

from __future__ import annotations

import calendar
import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from eventwire.errors import InputError, MissingInputError, RecordFormatError
from eventwire.eval.fakes import main_incident, read_fakes
from eventwire.eval.metrics import f1 as _f1
from eventwire.records import Article, Event

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline
    from eventwire.records import Incident

__all__ = [
    "BACKGROUND_DAYS",
    "LISTED_PAIRS",
    "GoldReport",
    "bcubed_scores",
    "detect_incident_gold_format",
    "evaluate_incidents",
    "format_incidents_report",
    "link_errors",
    "pairwise_scores",
    "predicted_incidents",
    "read_incident_gold",
]

GoldFormat = Literal["reports", "fakes"]

#: An event dated wholly more than this many days before publication is background ("a month
#: ago air strikes on the town killed 15"), not the news a report is about.
BACKGROUND_DAYS = 30

#: How many wrong-merge and missed-link pairs a report lists (its counts are always complete).
LISTED_PAIRS = 50

_SPLITS = ("dev", "holdout")
_FAKES_SPLIT = "fakes"
_WEAK_LABELS = "weak: FA-KES articles sharing an incident date and governorate count as one incident"
_KILLED_FIELDS = frozenset({"killed", "fatalities", "dead"})


@dataclass(frozen=True, slots=True)
class GoldReport:
    """One labelled report. `fatalities` is the gold (low, high) of its incident, None if none."""

    id: str
    incident: str
    split: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    fatalities: tuple[int, int] | None = None
    weak: bool = False  # the label is FA-KES's date and governorate, not a curated incident

    def article(self) -> Article:
        return Article(
            id=self.id, text=self.text, title=self.title, published=self.published, source=self.outlet
        )


# --------------------------------------------------------------------------- reading


def detect_incident_gold_format(path: str | Path) -> GoldFormat:
    """``reports`` for a JSON Lines file of labelled reports, ``fakes`` for the FA-KES CSV."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            head = handle.read(4096)
    except FileNotFoundError as exc:
        raise MissingInputError(
            f"{path} does not exist; pass a JSONL file of reports or FA-KES-Dataset.csv"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}; pass a UTF-8 JSONL or CSV file") from exc
    if head.lstrip().startswith("{"):
        return "reports"
    header = head.splitlines()[0] if head else ""
    if "unit_id" in header and "article_content" in header:
        return "fakes"
    raise RecordFormatError(
        f"{path} is neither JSON Lines of labelled reports nor the FA-KES CSV "
        "(whose header starts with unit_id,article_title,article_content)"
    )


def read_incident_gold(path: str | Path, *, limit: int | None = None) -> list[GoldReport]:
    """The reports of a gold file of either format, in file order (the first `limit` of them)."""
    if detect_incident_gold_format(path) == "fakes":
        reports = [
            GoldReport(
                id=a.id,
                incident=f"{a.incident_date}|{a.governorate}",
                split=_FAKES_SPLIT,
                text=a.text,
                title=a.title or None,
                published=a.published,
                outlet=a.source or None,
                weak=True,
            )
            for a in read_fakes(path)
        ]
    else:
        reports = _read_reports(Path(path))
    return reports[:limit] if limit is not None else reports


def _read_reports(path: Path) -> list[GoldReport]:
    reports = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            report = GoldReport(
                id=str(record["id"]),
                incident=str(record["incident"]),
                split=str(record.get("split", "dev")),
                text=record["text"],
                title=record.get("title"),
                published=record.get("date"),
                outlet=record.get("outlet"),
                fatalities=_range(record.get("fatalities"), where),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RecordFormatError(
                f"{where}: not a labelled report ({exc}); each line needs id, incident and text"
            ) from exc
        if report.id in seen:
            raise RecordFormatError(f"{where}: the id {report.id!r} is used twice")
        seen.add(report.id)
        reports.append(report)
    return reports


def _range(value: object, where: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RecordFormatError(f'{where}: fatalities must be {{"low": n, "high": n}} or null')
    try:
        low, high = int(value["low"]), int(value["high"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordFormatError(f"{where}: fatalities needs whole numbers low and high ({exc})") from exc
    if low > high:
        raise RecordFormatError(f"{where}: fatalities low {low} is above high {high}")
    return low, high


# --------------------------------------------------------------------------- clustering metrics


def _pairs_within(groups: Iterable[int]) -> int:
    return sum(size * (size - 1) // 2 for size in groups)


def _groups(labels: Mapping[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return groups


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def pairwise_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, Any]:
    """Pairwise precision, recall and F1. Both map every item to its cluster label.

    Counts come from cluster sizes, so the cost grows with the items and not with the pairs.
    """
    _check_same_items(gold, predicted)
    gold_pairs = _pairs_within(Counter(gold.values()).values())
    predicted_pairs = _pairs_within(Counter(predicted.values()).values())
    correct = _pairs_within(Counter((gold[item], predicted[item]) for item in gold).values())
    precision, recall = _share(correct, predicted_pairs), _share(correct, gold_pairs)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(_f1(precision, recall), 4),
        "gold_pairs": gold_pairs,
        "predicted_pairs": predicted_pairs,
        "correct_pairs": correct,
    }


def bcubed_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1: per item, the share of its predicted cluster in its gold
    cluster (precision) and of its gold cluster in its predicted cluster (recall), averaged."""
    _check_same_items(gold, predicted)
    if not gold:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    gold_size = Counter(gold.values())
    predicted_size = Counter(predicted.values())
    overlap = Counter((gold[item], predicted[item]) for item in gold)
    precision = sum(overlap[gold[i], predicted[i]] / predicted_size[predicted[i]] for i in gold) / len(gold)
    recall = sum(overlap[gold[i], predicted[i]] / gold_size[gold[i]] for i in gold) / len(gold)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(_f1(precision, recall), 4),
    }


def link_errors(
    gold: Mapping[str, str], predicted: Mapping[str, str], *, listed: int = LISTED_PAIRS
) -> dict[str, Any]:
    """Wrong merges (pairs predicted together across gold incidents) and missed links (gold
    pairs predicted apart): complete counts and the first `listed` pairs of each, sorted."""
    _check_same_items(gold, predicted)
    return {
        "wrong_merges": _pairs_split_by(predicted, gold, listed),
        "missed_links": _pairs_split_by(gold, predicted, listed),
    }


def _pairs_split_by(together: Mapping[str, str], other: Mapping[str, str], listed: int) -> dict[str, Any]:
    """Pairs that `together` puts in one cluster and `other` keeps apart."""
    count = 0
    pairs: list[list[str]] = []
    for members in sorted(sorted(group) for group in _groups(together).values()):
        if len(members) < 2:
            continue
        # All pairs in the cluster, minus those `other` also keeps together.
        inside = Counter(other[item] for item in members)
        count += _pairs_within([len(members)]) - _pairs_within(inside.values())
        if len(pairs) < listed:
            for a, b in combinations(members, 2):
                if other[a] != other[b]:
                    pairs.append([a, b])
                    if len(pairs) >= listed:
                        break
    return {"count": count, "pairs": pairs}


def _check_same_items(gold: Mapping[str, str], predicted: Mapping[str, str]) -> None:
    if gold.keys() != predicted.keys():
        raise ValueError("gold and predicted clusterings must label the same items")


# --------------------------------------------------------------------------- predictions


def predicted_incidents(
    events_by_article: Mapping[str, Sequence[Event]],
    incident_of_event: Mapping[str, str],
    article_ids: Iterable[str],
    *,
    published: Mapping[str, str | None] | None = None,
) -> dict[str, str | None]:
    """Each article's predicted incident id (the rule is in the module docstring), None when
    unlinked. `events_by_article` lists each article's events in text order; `published` gives
    the publication dates that tell background events from news."""
    predictions: dict[str, str | None] = {}
    for article_id in article_ids:
        events = events_by_article.get(article_id, ())
        news = _news_events(events, (published or {}).get(article_id))
        main = main_incident(news)
        incident = incident_of_event.get(main.id) if main is not None else None
        if incident is None:
            held = [incident_of_event[e.id] for e in events if e.id in incident_of_event]
            # most_common keeps first-met order among equals: the earlier event in the text wins.
            incident = Counter(held).most_common(1)[0][0] if held else None
        predictions[article_id] = incident
    return predictions


def _news_events(events: Sequence[Event], published: str | None) -> Sequence[Event]:
    """The events not dated wholly before the publication date's `BACKGROUND_DAYS`, unless
    that leaves none."""
    if not published:
        return events
    try:
        cutoff = date.fromisoformat(published[:10]) - timedelta(days=BACKGROUND_DAYS)
    except ValueError:
        return events
    news = [e for e in events if (last := _last_day(e.date.value)) is None or last >= cutoff]
    return news or events


def _last_day(value: str | None) -> date | None:
    """The last day an ISO date, month or year can mean; None when there is none or it is odd."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, calendar.monthrange(year, month)[1])
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _SplitRun:
    predictions: dict[str, str | None]  # report id -> incident id, None when unlinked
    article_incidents: dict[str, frozenset[str]]  # report id -> every incident holding its events
    incidents: dict[str, Incident]


def _run_split(reports: Sequence[GoldReport], pipeline: Pipeline) -> _SplitRun:
    from eventwire.corpus import ingest_corpus
    from eventwire.incidents import build_incidents
    from eventwire.store import Store

    with tempfile.TemporaryDirectory(prefix="eventwire-eval-incidents-") as folder:
        store = Store.open(Path(folder) / "incidents.db")
        try:
            ingest_corpus([r.article() for r in reports], store, pipeline)
            store.commit()
            build_incidents(store)
            store.commit()
            incidents = {incident.id: incident for incident in store.iter_incidents()}
            events_by_article: dict[str, list[Event]] = defaultdict(list)
            for article, event in store.iter_events():
                events_by_article[article.id].append(event)
        finally:
            store.close()
    for events in events_by_article.values():
        events.sort(key=lambda e: (e.evidence.start, e.id))
    incident_of_event = {event_id: i.id for i in incidents.values() for event_id in i.event_ids}
    ids = [r.id for r in reports]
    article_incidents = {
        article_id: frozenset(
            incident_of_event[e.id]
            for e in events_by_article.get(article_id, ())
            if e.id in incident_of_event
        )
        for article_id in ids
    }
    published = {r.id: r.published for r in reports}
    predictions = predicted_incidents(events_by_article, incident_of_event, ids, published=published)
    return _SplitRun(predictions, article_incidents, incidents)


# --------------------------------------------------------------------------- scoring


def evaluate_incidents(
    reports: Sequence[GoldReport], pipeline: Pipeline, *, split: str | None = None
) -> dict[str, Any]:
    """Cluster the reports (of one `split`, or each split on its own) and score; JSON-ready."""
    chosen = [r for r in reports if split is None or r.split == split]
    if not chosen:
        raise InputError(f"no gold reports in split {split!r}" if split else "no gold reports to score")
    started = time.perf_counter()
    by_split: dict[str, list[GoldReport]] = defaultdict(list)
    for report in chosen:
        by_split[report.split].append(report)
    runs = {name: _run_split(members, pipeline) for name, members in by_split.items()}
    weak = any(r.weak for r in chosen)
    result: dict[str, Any] = {
        "format": "fakes" if weak else "reports",
        "labels": _WEAK_LABELS if weak else "gold",
        "n_reports": len(chosen),
    }
    for name in [s for s in _SPLITS if s in by_split] + sorted(set(by_split) - set(_SPLITS)):
        result[name] = _score(by_split[name], [runs[name]])
    if len(by_split) > 1:
        result["all"] = _score(chosen, list(runs.values()))
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def _score(reports: Sequence[GoldReport], runs: Sequence[_SplitRun]) -> dict[str, Any]:
    predictions: dict[str, str | None] = {}
    article_incidents: dict[str, frozenset[str]] = {}
    incidents: dict[str, Incident] = {}
    for run in runs:
        predictions.update(run.predictions)
        article_incidents.update(run.article_incidents)
        incidents.update(run.incidents)
    gold = {r.id: r.incident for r in reports}
    # An unlinked report is a cluster of its own (its id cannot clash with an incident id).
    predicted = {r.id: predictions.get(r.id) or f"unlinked:{r.id}" for r in reports}
    errors = link_errors(gold, predicted)
    pairwise = pairwise_scores(gold, predicted)
    gold_pairs = [(a, b) for members in _groups(gold).values() for a, b in combinations(sorted(members), 2)]
    any_linked = sum(
        bool(article_incidents.get(a, frozenset()) & article_incidents.get(b, frozenset()))
        for a, b in gold_pairs
    )
    return {
        "n_reports": len(reports),
        "n_gold_incidents": len(set(gold.values())),
        "n_predicted_incidents": len(set(predicted.values())),
        "unlinked": sum(predictions.get(r.id) is None for r in reports),
        "pairwise": pairwise,
        "bcubed": bcubed_scores(gold, predicted),
        "any_event_recall": round(_share(any_linked, len(gold_pairs)), 4),
        "wrong_merges": errors["wrong_merges"]["count"],
        "missed_links": errors["missed_links"]["count"],
        "wrong_merge_pairs": errors["wrong_merges"]["pairs"],
        "missed_link_pairs": errors["missed_links"]["pairs"],
        "fatalities": _score_figures(reports, predicted, incidents),
    }


def _score_figures(
    reports: Sequence[GoldReport], predicted: Mapping[str, str], incidents: Mapping[str, Incident]
) -> dict[str, Any]:
    by_incident: dict[str, list[GoldReport]] = defaultdict(list)
    for report in reports:
        by_incident[report.incident].append(report)
    n = exact = within = disputed = flagged = spurious = 0
    misses = []
    for label, members in by_incident.items():
        votes = Counter(predicted[r.id] for r in members)
        incident = incidents.get(votes.most_common(1)[0][0])
        figure = incident.fatalities if incident is not None else None
        found = (figure.low, figure.high) if figure is not None and figure.high is not None else None
        wanted = members[0].fatalities
        if wanted is None:
            if not members[0].weak and found is not None and found[1] > 0:
                spurious += 1
            continue
        n += 1
        low_high = found if found is not None and found[0] is not None else None
        exact += low_high == wanted
        if low_high is not None:
            low, high = low_high
            close = low is not None and high is not None
            within += close and abs(low - wanted[0]) <= 1 and abs(high - wanted[1]) <= 1  # type: ignore[operator]
        if wanted[0] < wanted[1]:
            disputed += 1
            flagged += incident is not None and any(d.field in _KILLED_FIELDS for d in incident.disagreements)
        if low_high != wanted:
            misses.append(
                {"incident": label, "gold": list(wanted), "predicted": list(found) if found else None}
            )
    return {
        "n": n,
        "exact": round(_share(exact, n), 4) if n else None,
        "within_1": round(_share(within, n), 4) if n else None,
        "n_disputed": disputed,
        "disagreement_flagged": round(_share(flagged, disputed), 4) if disputed else None,
        "spurious": spurious,
        "misses": misses,
    }


# --------------------------------------------------------------------------- display


def format_incidents_report(report: dict[str, Any]) -> str:
    """The report as a few aligned lines for a terminal (pairs and misses are in the JSON)."""
    lines = [f"incident clustering, {report['n_reports']} reports, labels: {report['labels']}"]
    for name, part in _parts(report):
        pair, cubed, figures = part["pairwise"], part["bcubed"], part["fatalities"]
        lines.append(
            f"  {name:<8} reports {part['n_reports']:>4}  gold incidents {part['n_gold_incidents']:>4}  "
            f"predicted {part['n_predicted_incidents']:>4}  unlinked {part['unlinked']}"
        )
        lines.append(
            f"           pairwise P {pair['precision']:.1%} R {pair['recall']:.1%} F1 {pair['f1']:.1%}  "
            f"B-cubed P {cubed['precision']:.1%} R {cubed['recall']:.1%} F1 {cubed['f1']:.1%}"
        )
        lines.append(
            f"           wrong merges {part['wrong_merges']}  missed links {part['missed_links']}  "
            f"any-event recall {part['any_event_recall']:.1%}"
        )
        if figures["n"]:
            flagged = figures["disagreement_flagged"]
            lines.append(
                f"           fatality range exact {figures['exact']:.1%} within 1 {figures['within_1']:.1%} "
                f"(n={figures['n']})  disagreement flagged "
                + (f"{flagged:.1%} (n={figures['n_disputed']})" if flagged is not None else "-")
                + f"  spurious tolls {figures['spurious']}"
            )
    lines.append(f"  {report['seconds']:.1f} s")
    return "\n".join(lines)


def _parts(report: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, value in report.items():
        if isinstance(value, dict) and "pairwise" in value:
            yield name, value
