"""Score toponym recognition and resolution against geoparsing gold (LGL, TR-News, GeoVirus).

Two layouts are read (`read_geoparse_gold`, autodetected when no format is given):

* ``lgl``: ``<article docid><text><toponyms><toponym><start><end><phrase><gaztag geonameid>
  <name><fclass><fcode><lat><lon><country><admin1>`` (LGL, TR-News and any file written the
  same way). A span whose text is not its ``<phrase>`` is re-anchored on the nearest
  occurrence of the phrase (TR-News has 117 offsets shifted by a few characters).
* ``geovirus``: ``<article><source><text><locations><location><start><end><name><page><lat>
  <lon>``; its offsets are one too high (the name is ``text[start-1:end-1]``).

Corrections (``corrections_mlg/*.tsv``: ``toponym \\t old lat,lon \\t new lat,lon``) replace
the coordinates of gold toponyms with that phrase and those old coordinates.

Two modes:

* ``resolve``: the gold spans are given (`Pipeline.geoparse` with ``spans``) and only resolved,
  in the context of everything else the article mentions, as the pipeline would. This is the
  setting of the published accuracy figures.
* ``end2end``: the pipeline recognises and resolves; a system toponym matches a gold toponym
  when their spans overlap (one-to-one, text order). Unrecognised gold toponyms count as
  misses with the largest possible error. Precision, recall and F1 score recognition. The
  corpora differ on demonyms: LGL and TR-News annotate many ("Russian", "Palestinian") as
  toponyms, GeoVirus does not; the system's demonyms (resolved to their country) count as
  predicted toponyms only with ``count_demonyms=True`` (``--count-demonyms``).

Metrics over the gold toponyms that have coordinates (``n_gold``; those without are skipped and
counted in ``n_skipped``); an unresolved toponym gets the largest error, half the Earth's
circumference (20,038 km):

* ``acc_at_161km``: share within 161 km (100 miles) of the gold point;
* ``acc_at_161km_or_id``: share within 161 km or resolved to the gold's own GeoNames id: an
  area (a country, a province, a sea) is right at its own id wherever a gazetteer draws it;
* ``exact_id_match``: share with the gold GeoNames id (over gold toponyms that have one;
  ``None`` for GeoVirus, which has none);
* ``country_match``: share in the gold country (over gold toponyms that name one);
* ``mean_error_km``, ``median_error_km``;
* ``misses``: the toponyms beyond 161 km, by kind: ``unresolved``; ``same_area_other_point``,
  the gold's own country or first-order division drawn at another representative point (the
  same GeoNames id, or for gold without ids the same name); ``other_place``, everything else.
  Gazetteers disagree on where to draw an area (GeoNames puts Canada at 60.1 N 113.6 W, the
  Factbook at 60 N 95 W, an older GeoNames at 60 N 96 W), and the corpora follow different ones
  (TR-News current GeoNames, LGL an older GeoNames, GeoVirus Wikipedia): the middle count is
  that disagreement, not a wrong reading;
* ``auc``: area under the curve of normalised log errors, as in Gritta et al. 2018 ("What's
  missing in geoparsing?"): with errors e_1 <= ... <= e_n sorted and y_i = ln(1 + e_i) /
  ln(1 + 20038), AUC = trapezoid area under (x_i, y_i) with x_i = (i - 1) / (n - 1), i.e.
  ``sum((y_i + y_(i+1)) / 2) / (n - 1)``. 0 is perfect, 1 is every toponym at the antipode;
  lower is better.
"""

from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from eventwire.errors import InputError
from eventwire.eval.metrics import ratio as _share
from eventwire.eval.metrics import rounded_scores
from eventwire.resolve.gazetteer import distance_km, normalize_toponym

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline
    from eventwire.records import Place

__all__ = [
    "GeoparseDocument",
    "GoldToponym",
    "apply_corrections",
    "evaluate_geoparse",
    "format_geoparse_report",
    "geoparse_metrics",
    "read_corrections",
    "read_geoparse_gold",
]

#: Half the Earth's circumference: the error of a toponym left unresolved or unrecognised.
MAX_ERROR_KM = 20038.0
_ACCURACY_KM = 161.0
#: How far (characters) a shifted gold span is searched for its phrase.
_REANCHOR_WINDOW = 200
#: Coordinates in a corrections file are rounded; an old point matches within this (degrees).
_CORRECTION_TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: its span in the text and, when annotated, where it is."""

    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None  # as the gold writes it ("United States")
    name: str | None = None


@dataclass(frozen=True, slots=True)
class GeoparseDocument:
    """One gold article."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


Format = Literal["lgl", "geovirus"]


# --------------------------------------------------------------------------- reading


def read_geoparse_gold(path: str | Path, fmt: Format | None = None) -> list[GeoparseDocument]:
    """The articles of a gold file in the LGL/TR-News or GeoVirus layout (autodetected)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read geoparsing gold {path}: {exc}; give an XML file") from exc
    articles = root.findall("article")
    if fmt is None:
        fmt = "geovirus" if any(a.find("locations") is not None for a in articles) else "lgl"
    read = _read_geovirus_article if fmt == "geovirus" else _read_lgl_article
    return [read(article, number) for number, article in enumerate(articles)]


def _read_lgl_article(article: ET.Element, number: int) -> GeoparseDocument:
    text = article.findtext("text") or ""
    toponyms = []
    for element in article.iter("toponym"):
        start, end = int(element.findtext("start") or 0), int(element.findtext("end") or 0)
        phrase = element.findtext("phrase") or text[start:end]
        start, end = _anchor(text, phrase, start, end)
        gaztag = element.find("gaztag")
        if gaztag is None:
            toponyms.append(GoldToponym(start, end, phrase))
            continue
        geonameid = gaztag.get("geonameid")
        toponyms.append(GoldToponym(
            start,
            end,
            phrase,
            lat=_number(gaztag.findtext("lat")),
            lon=_number(gaztag.findtext("lon")),
            geonameid=int(geonameid) if geonameid and geonameid.isdigit() else None,
            country=(gaztag.findtext("country") or "").strip() or None,
            name=gaztag.findtext("name"),
        ))
    return GeoparseDocument(article.get("docid") or str(number), text, tuple(toponyms))


def _read_geovirus_article(article: ET.Element, number: int) -> GeoparseDocument:
    text = article.findtext("text") or ""
    toponyms = []
    for element in article.iter("location"):
        start, end = int(element.findtext("start") or 1) - 1, int(element.findtext("end") or 1) - 1
        phrase = element.findtext("name") or text[start:end]
        start, end = _anchor(text, phrase, start, end)
        toponyms.append(GoldToponym(
            start,
            end,
            text[start:end],
            lat=_number(element.findtext("lat")),
            lon=_number(element.findtext("lon")),
            name=phrase,
        ))
    return GeoparseDocument(article.findtext("source") or str(number), text, tuple(toponyms))


def _anchor(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """The span of `phrase` nearest to `start` when the given span does not hold it."""
    if text[start:end] == phrase or not phrase:
        return start, end
    low = max(0, start - _REANCHOR_WINDOW)
    found = [m.start() for m in re.finditer(re.escape(phrase), text[low:start + _REANCHOR_WINDOW])]
    if not found:
        return start, end
    best = min((low + offset for offset in found), key=lambda s: abs(s - start))
    return best, best + len(phrase)


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None and value.strip() else None
    except ValueError:
        return None


def read_corrections(path: str | Path) -> dict[str, list[tuple[float, float, float, float]]]:
    """A corrections file: toponym -> [(old lat, old lon, new lat, new lon), ...]."""
    table: dict[str, list[tuple[float, float, float, float]]] = {}
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read corrections {path}: {exc}") from exc
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 3:
            continue
        try:
            old = [float(x) for x in cells[1].split(",")]
            new = [float(x) for x in cells[2].split(",")]
        except ValueError:
            continue
        table.setdefault(cells[0], []).append((old[0], old[1], new[0], new[1]))
    return table


def apply_corrections(
    documents: Iterable[GeoparseDocument], corrections: dict[str, list[tuple[float, float, float, float]]]
) -> list[GeoparseDocument]:
    """The documents with corrected coordinates where a toponym and its old point match."""
    out = []
    for document in documents:
        toponyms = []
        for toponym in document.toponyms:
            rows = corrections.get(toponym.phrase, []) + (
                corrections.get(toponym.name, []) if toponym.name and toponym.name != toponym.phrase else []
            )
            for old_lat, old_lon, new_lat, new_lon in rows:
                if (
                    toponym.lat is not None
                    and toponym.lon is not None
                    and abs(toponym.lat - old_lat) <= _CORRECTION_TOLERANCE
                    and abs(toponym.lon - old_lon) <= _CORRECTION_TOLERANCE
                ):
                    toponym = replace(toponym, lat=new_lat, lon=new_lon)
                    break
            toponyms.append(toponym)
        out.append(replace(document, toponyms=tuple(toponyms)))
    return out


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class _Outcome:
    """One gold toponym with coordinates and what the system made of it."""

    error_km: float
    id_match: bool | None  # None: the gold has no id
    country_match: bool | None  # None: the gold names no country
    miss: str | None = None  # beyond 161 km: one of _MISS_KINDS


def evaluate_geoparse(
    documents: Sequence[GeoparseDocument],
    pipeline: Pipeline,
    *,
    mode: Literal["resolve", "end2end"] = "resolve",
    count_demonyms: bool = False,
) -> dict[str, Any]:
    """Run the pipeline's geoparser over the documents and score it; see the module docstring.

    Returns JSON-ready figures: ``n_gold``, ``n_skipped``, ``acc_at_161km``, ``exact_id_match``,
    ``country_match``, ``mean_error_km``, ``median_error_km``, ``auc`` and, in end2end mode,
    ``precision``, ``recall`` and ``f1`` (fractions rounded to four places).
    """
    if mode not in {"resolve", "end2end"}:
        raise InputError(f"unknown mode {mode!r}; use resolve or end2end")
    texts = [document.text for document in documents]
    if mode == "resolve":
        spans = [[(t.start, t.end) for t in document.toponyms] for document in documents]
        results = pipeline.geoparse(texts, spans=spans)
    else:
        results = pipeline.geoparse(texts)
    country_codes: dict[str, str | None] = {}
    outcomes: list[_Outcome] = []
    n_system = n_matched = n_all_gold = 0
    for document, places in zip(documents, results, strict=True):
        n_all_gold += len(document.toponyms)
        if mode == "resolve":
            paired: list[Place | None] = list(places)
        else:
            system = [
                p for p in places
                if p.span is not None and (p.kind == "toponym" or (count_demonyms and p.lat is not None))
            ]
            n_system += len(system)
            paired = _pair(system, document.toponyms)
            n_matched += sum(p is not None for p in paired)
        for toponym, place in zip(document.toponyms, paired, strict=True):
            if toponym.lat is None or toponym.lon is None:
                continue
            outcomes.append(_outcome(toponym, place, pipeline, country_codes))
    report = geoparse_metrics(outcomes)
    report["n_skipped"] = sum(
        1 for d in documents for t in d.toponyms if t.lat is None or t.lon is None
    )
    if mode == "end2end":
        report.update(rounded_scores(n_matched, n_system, n_all_gold))
    return report


def _pair(system: Sequence[Place], gold: Sequence[GoldToponym]) -> list[Place | None]:
    """For each gold toponym the overlapping system place (one-to-one, text order), or None."""
    paired: list[Place | None] = [None] * len(gold)
    used: set[int] = set()
    for i, toponym in enumerate(gold):
        for j, place in enumerate(system):
            span = place.span
            if j in used or span is None:
                continue
            if span.start < toponym.end and toponym.start < span.end:
                paired[i] = place
                used.add(j)
                break
    return paired


def _outcome(
    toponym: GoldToponym, place: Place | None, pipeline: Pipeline, country_codes: dict[str, str | None]
) -> _Outcome:
    assert toponym.lat is not None and toponym.lon is not None
    if place is None or place.lat is None or place.lon is None:
        error = MAX_ERROR_KM
    else:
        error = distance_km(place.lat, place.lon, toponym.lat, toponym.lon)
    id_match = None if toponym.geonameid is None else bool(
        place is not None and place.geonameid == toponym.geonameid
    )
    country_match = None
    if toponym.country:
        if toponym.country not in country_codes:
            country_codes[toponym.country] = pipeline.gazetteer.country_of_demonym(toponym.country)
        code = country_codes[toponym.country]
        if code is not None:
            country_match = place is not None and place.country == code
    return _Outcome(error, id_match, country_match, _miss(toponym, place, error))


#: Kinds of miss, in report order (see ``misses`` in the module docstring).
_MISS_KINDS = ("unresolved", "same_area_other_point", "other_place")


def _miss(toponym: GoldToponym, place: Place | None, error: float) -> str | None:
    if error <= _ACCURACY_KM:
        return None
    if place is None or place.lat is None:
        return "unresolved"
    if toponym.geonameid is not None:
        same = place.geonameid == toponym.geonameid
    else:
        same = toponym.name is not None and normalize_toponym(toponym.name) == normalize_toponym(place.name)
    # Countries and first-order divisions: the areas that gazetteers draw at differing points.
    if same and (place.feature_code or "").startswith(("PCL", "ADM1")):
        return "same_area_other_point"
    return "other_place"


def geoparse_metrics(outcomes: Sequence[_Outcome]) -> dict[str, Any]:
    """The figures of the module docstring over scored gold toponyms."""
    errors = sorted(o.error_km for o in outcomes)
    with_id = [o.id_match for o in outcomes if o.id_match is not None]
    with_country = [o.country_match for o in outcomes if o.country_match is not None]
    return {
        "n_gold": len(errors),
        "acc_at_161km": _share(sum(e <= _ACCURACY_KM for e in errors), len(errors)),
        "acc_at_161km_or_id": _share(
            sum(o.error_km <= _ACCURACY_KM or bool(o.id_match) for o in outcomes), len(outcomes)
        ),
        "exact_id_match": _share(sum(with_id), len(with_id)) if with_id else None,
        "country_match": _share(sum(with_country), len(with_country)) if with_country else None,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(error_auc(errors), 4) if errors else None,
        "misses": {kind: sum(o.miss == kind for o in outcomes) for kind in _MISS_KINDS},
    }


def error_auc(errors: Sequence[float]) -> float:
    """Gritta et al.'s AUC of sorted, normalised log errors (0 best, 1 worst)."""
    ys = sorted(math.log1p(max(0.0, e)) / math.log1p(MAX_ERROR_KM) for e in errors)
    if len(ys) == 1:
        return ys[0]
    return sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False)) / (len(ys) - 1)




_REPORT_ORDER = (
    "n_gold", "n_skipped", "acc_at_161km", "acc_at_161km_or_id", "exact_id_match", "country_match",
    "mean_error_km", "median_error_km", "auc", "precision", "recall", "f1", "misses",
)


def format_geoparse_report(report: dict[str, Any]) -> str:
    """One ``name  value`` line per figure of `evaluate_geoparse`' report."""
    width = max(len(name) for name in _REPORT_ORDER)
    lines = []
    for name in _REPORT_ORDER:
        if name in report:
            value = report[name]
            if isinstance(value, dict):
                lines.append(f"{name.ljust(width)}  " + ", ".join(f"{k} {v}" for k, v in value.items()))
                continue
            shown = "-" if value is None else (f"{value:.4f}" if isinstance(value, float) and value <= 1
                                               and name not in {"mean_error_km", "median_error_km"}
                                               else str(value))
            lines.append(f"{name.ljust(width)}  {shown}")
    return "\n".join(lines)
