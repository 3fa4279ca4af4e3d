"""Score resolution on eventwire's own held-out toponyms (``benchmarks/data/toponyms_holdout.jsonl``):
``eventwire eval toponyms --gold FILE --corpus ../shared/gold/corpus/dev_news.jsonl``.

The file holds toponyms from real news in ``../shared/gold/corpus/dev_news.jsonl`` (articles not
in LGL, TR-News or GeoVirus), of the kinds that the geoparsing corpora under-sample: facilities
and landmarks, world regions and seas, a state against its namesake city, a world city against
small namesakes. Each line: ``doc`` (the article id), ``toponym``, ``start``/``end`` (offsets in
the article's ``text``), the expected ``lat``/``lon`` (written down before any code was tuned),
``class`` and a ``note``. ``benchmarks/data/toponyms_holdout2.jsonl`` is the unbiased
complement: every toponym of 22 TimeBank-AQUAINT and WikiEvents articles picked by a fixed rule
(every 14th and every 2nd), labelled by hand without running eventwire, in the classes country,
admin, city, facility and region. Each toponym is resolved in its article's context, as
`eval geoparse` resolves gold spans, and scored by acc@161km overall and per class.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import InputError
from eventwire.eval.geoparse import MAX_ERROR_KM
from eventwire.eval.metrics import ratio
from eventwire.resolve.gazetteer import distance_km

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

_ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class HoldoutToponym:
    doc: str
    toponym: str
    start: int
    end: int
    lat: float
    lon: float
    kind: str


def read_holdout(path: str | Path) -> list[HoldoutToponym]:
    rows = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append(
                HoldoutToponym(
                    row["doc"],
                    row["toponym"],
                    int(row["start"]),
                    int(row["end"]),
                    float(row["lat"]),
                    float(row["lon"]),
                    row["class"],
                )
            )
        except (ValueError, KeyError) as exc:
            raise InputError(f"{path}:{number}: not a holdout toponym ({exc})") from exc
    return rows


def read_article_texts(path: str | Path, wanted: set[str]) -> dict[str, str]:
    """The ``text`` of each wanted article of a corpus JSONL file."""
    texts = {}
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if row.get("id") in wanted:
                    texts[row["id"]] = str(row["text"])
            except (ValueError, KeyError, AttributeError) as exc:
                raise InputError(f"{path}:{number}: not a corpus article ({exc})") from exc
    missing = wanted - texts.keys()
    if missing:
        raise InputError(f"{path}: articles not found: {', '.join(sorted(missing))}")
    return texts


def evaluate_holdout(
    toponyms: Sequence[HoldoutToponym], texts: dict[str, str], pipeline: Pipeline
) -> dict[str, Any]:
    """acc@161km overall and by class, with each miss (toponym, what it became, error km)."""
    by_doc: dict[str, list[HoldoutToponym]] = defaultdict(list)
    for toponym in toponyms:
        if texts[toponym.doc][toponym.start : toponym.end] != toponym.toponym:
            raise InputError(f"{toponym.doc}: {toponym.toponym!r} is not at {toponym.start}")
        by_doc[toponym.doc].append(toponym)
    docs = list(by_doc)
    results = pipeline.geoparse(
        [texts[d] for d in docs], spans=[[(t.start, t.end) for t in by_doc[d]] for d in docs]
    )
    hits: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for doc, places in zip(docs, results, strict=True):
        for toponym, place in zip(by_doc[doc], places, strict=True):
            error = MAX_ERROR_KM
            if place.lat is not None and place.lon is not None:
                error = distance_km(place.lat, place.lon, toponym.lat, toponym.lon)
            hit = error <= _ACCURACY_KM
            hits[toponym.kind].append(hit)
            hits["all"].append(hit)
            if not hit:
                got = f"{place.name} ({place.country})" if place.lat is not None else "unresolved"
                misses.append({"toponym": toponym.toponym, "got": got, "error_km": round(error)})
    return {
        "n": len(toponyms),
        "acc_at_161km": {kind: ratio(sum(v), len(v)) for kind, v in sorted(hits.items())},
        "misses": misses,
    }


def evaluate_holdout_file(path: str | Path, corpus: str | Path, pipeline: Pipeline) -> dict[str, Any]:
    """`evaluate_holdout` on a holdout file whose articles are in the corpus JSONL `corpus`."""
    toponyms = read_holdout(path)
    if not toponyms:
        raise InputError(f"{path}: no held-out toponyms")
    return evaluate_holdout(toponyms, read_article_texts(corpus, {t.doc for t in toponyms}), pipeline)


def format_holdout_report(report: dict[str, Any]) -> str:
    lines = [f"{report['n']} held-out toponyms, acc@161km by class:"]
    lines += [f"  {kind:<16} {share}" for kind, share in report["acc_at_161km"].items()]
    lines += ["misses:"] + [f"  {m['toponym']} -> {m['got']} ({m['error_km']} km)" for m in report["misses"]]
    return "\n".join(lines)
