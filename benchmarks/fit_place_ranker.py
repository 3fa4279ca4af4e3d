"""Learn the place ranking's weights from the dev gold, validated across corpora.

    python benchmarks/fit_place_ranker.py [--features FILE] [--recollect] [--write]
                                          [--pipeline-figures] [--gold-root DIR]

1. For every gold toponym of LGL, TR-News and GeoVirus (the ``geoparse_*`` resolve entries of
   benchmarks/baseline.json) the pipeline resolves the gold spans as the evaluation does, and
   `recorded_rankings` hands back every candidate's feature values as the ranker computed them
   (cached in --features; --recollect rebuilds the cache).
2. The candidate with the gold's GeoNames id, else the one nearest the gold point if within
   161 km, is the positive; the mention's other candidates are negatives. Mentions without a
   positive or without a negative teach nothing and are left out of fitting.
3. A pairwise logistic regression (positive minus negative feature vectors, both signs, no
   intercept; each mention weighs 1 in total) gives one coefficient per feature: its scores are
   log-odds that one candidate beats another, so the softmax share uses sharpness 1.
4. Cross-corpus folds: train on two corpora, score the third by acc@161 of the toponyms as
   resolved (the learned ranker's top candidate where it disagrees with the rules', else the
   pipeline's own place), beside the hand-set ranking's figure on the same toponyms. The first
   pass of resolution used the rules' choices as context in both columns.
5. --write fits on all three corpora and writes eventwire/data/place_ranker.tsv;
   --pipeline-figures then reruns the six geoparse baseline entries with ``ranker = "learned"``.

scikit-learn is used here only (the ``dev`` extra); eventwire applies the coefficients with a
dot product (`eventwire.resolve.places.learned`).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import time
from pathlib import Path
from typing import Any

from eventwire.eval.baseline import gold_path, gold_root, run_entry
from eventwire.eval.geoparse import MAX_ERROR_KM, read_geoparse_gold
from eventwire.pipeline import Pipeline
from eventwire.resolve.gazetteer import distance_km
from eventwire.resolve.places.article import recorded_rankings
from eventwire.resolve.places.learned import entry_features

REPO = Path(__file__).resolve().parents[1]
BASELINE_FILE = REPO / "benchmarks" / "baseline.json"
MODEL_FILE = REPO / "eventwire" / "data" / "place_ranker.tsv"
CORPORA = {"lgl": "geoparse_lgl", "trnews": "geoparse_trnews", "geovirus": "geoparse_geovirus"}
END2END = [f"{entry}_end2end" for entry in CORPORA.values()]
ACCURACY_KM = 161.0
#: Regularisation of the logistic fit (scikit-learn's C); fixed beforehand, not tuned on folds.
C = 1.0
VERSION = "1"


# --------------------------------------------------------------------------- collecting


def collect(pipeline: Pipeline, path: Path) -> list[dict[str, Any]]:
    """One row per gold toponym with coordinates: the gold, the pipeline's place, and every
    ranked candidate's point and features (empty where the name was not ranked)."""
    rows = []
    for document in read_geoparse_gold(path):
        spans = [[(t.start, t.end) for t in document.toponyms]]
        with recorded_rankings() as calls:
            places = next(iter(pipeline.geoparse([document.text], spans=spans)))
        choices = calls[-1][: len(document.toponyms)] if calls else [None] * len(document.toponyms)
        for toponym, place, choice in zip(document.toponyms, places, choices, strict=True):
            if toponym.lat is None or toponym.lon is None:
                continue
            candidates = []
            for ranked in choice.ranked if choice is not None else ():
                entry = ranked.entry
                features = {**ranked.features, **entry_features(entry)}
                candidates.append({"id": entry.geonameid, "lat": entry.lat, "lon": entry.lon, "f": features})
            rows.append({
                "doc": document.id,
                "phrase": toponym.phrase,
                "gold": [toponym.lat, toponym.lon, toponym.geonameid],
                "place": [place.lat, place.lon] if place.lat is not None and place.lon is not None else None,
                "candidates": candidates,
            })
    return rows


def positive(row: dict[str, Any]) -> int | None:
    """The index of the candidate that is right: the gold's id, else the nearest within 161 km."""
    lat, lon, gold_id = row["gold"]
    for i, candidate in enumerate(row["candidates"]):
        if gold_id is not None and candidate["id"] == gold_id:
            return i
    distances = [distance_km(c["lat"], c["lon"], lat, lon) for c in row["candidates"]]
    if not distances or min(distances) > ACCURACY_KM:
        return None
    return distances.index(min(distances))


# --------------------------------------------------------------------------- fitting


def fit(rows: list[dict[str, Any]], names: list[str]) -> dict[str, float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    differences, labels, weights = [], [], []
    for row in rows:
        right = positive(row)
        if right is None or len(row["candidates"]) < 2:
            continue
        good = [row["candidates"][right]["f"][n] for n in names]
        wrong = [c for i, c in enumerate(row["candidates"]) if i != right]
        for candidate in wrong:
            difference = [g - candidate["f"][n] for g, n in zip(good, names, strict=True)]
            for sign in (1, -1):
                differences.append([sign * d for d in difference])
                labels.append(int(sign > 0))
                weights.append(1.0 / len(wrong))
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000)
    model.fit(np.array(differences), np.array(labels), sample_weight=np.array(weights))
    return {name: round(float(w), 4) for name, w in zip(names, model.coef_[0], strict=True)}


def feature_names(rows: list[dict[str, Any]]) -> list[str]:
    for row in rows:
        if row["candidates"]:
            return list(row["candidates"][0]["f"])
    raise SystemExit("no ranked candidates collected")


# --------------------------------------------------------------------------- scoring


def _error(point: list[float] | None, row: dict[str, Any]) -> float:
    if point is None:
        return MAX_ERROR_KM
    return distance_km(point[0], point[1], row["gold"][0], row["gold"][1])


def accuracy(rows: list[dict[str, Any]], coefficients: dict[str, float] | None) -> float:
    """acc@161 over the rows: the pipeline's place (the rules' choice), or with `coefficients`
    the learned top candidate where it differs from the rules' top candidate."""
    right = 0
    for row in rows:
        point = row["place"]
        if coefficients is not None and row["candidates"] and point is not None:
            scores = [
                sum(coefficients[n] * c["f"][n] for n in coefficients) for c in row["candidates"]
            ]
            best = scores.index(max(scores))
            if best != 0:
                candidate = row["candidates"][best]
                point = [candidate["lat"], candidate["lon"]]
        right += _error(point, row) <= ACCURACY_KM
    return right / len(rows) if rows else 0.0


def folds(data: dict[str, list[dict[str, Any]]], names: list[str]) -> list[tuple[str, float, float]]:
    table = []
    for held_out in data:
        training = [row for corpus, rows in data.items() if corpus != held_out for row in rows]
        coefficients = fit(training, names)
        table.append((held_out, accuracy(data[held_out], None), accuracy(data[held_out], coefficients)))
    return table


# --------------------------------------------------------------------------- writing


def write_model(
    coefficients: dict[str, float], table: list[tuple[str, float, float]], counts: dict[str, int]
) -> None:
    fold_lines = [
        f"# fold {corpus}: rules {rules:.4f} learned {learned:.4f} (trained on the other two)"
        for corpus, rules, learned in table
    ]
    lines = [
        "# The learned place ranker (eventwire.resolve.places.learned); used with",
        '# [gazetteer] ranker = "learned". Written by benchmarks/fit_place_ranker.py --write.',
        f"# version: {VERSION}",
        f"# date: {datetime.date.today().isoformat()}",
        f"# fitted: pairwise logistic regression (scikit-learn 1.9.1, C={C}, no intercept, each"
        f" mention weighing 1) on the candidates of {sum(counts.values())} gold toponyms of LGL,"
        " TR-News and GeoVirus; positive: the gold's GeoNames id, else the candidate nearest the"
        " gold point within 161 km",
        "# sharpness: 1.0",
        *fold_lines,
        "feature\tcoefficient",
        *(f"{name}\t{value}" for name, value in coefficients.items()),
    ]
    MODEL_FILE.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {MODEL_FILE}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", default=str(REPO / ".cache" / "place_ranker_features.json"))
    parser.add_argument("--recollect", action="store_true", help="rebuild the features cache")
    parser.add_argument("--write", action="store_true", help=f"fit on all corpora, write {MODEL_FILE.name}")
    parser.add_argument("--pipeline-figures", action="store_true",
                        help='rerun the geoparse baseline entries with ranker = "learned"')
    parser.add_argument(
        "--gold-root", help="the shared gold folder (default: $EVENTWIRE_GOLD or ../shared/gold)"
    )
    args = parser.parse_args()
    root = gold_root(REPO, args.gold_root)
    baseline = json.loads(BASELINE_FILE.read_text("utf-8"))
    cache = Path(args.features)
    pipeline = None
    if cache.exists() and not args.recollect:
        data = json.loads(cache.read_text("utf-8"))
    else:
        pipeline = Pipeline.load()
        data = {}
        for corpus, name in CORPORA.items():
            started = time.perf_counter()
            data[corpus] = collect(pipeline, gold_path(baseline[name], REPO, root))
            seconds = time.perf_counter() - started
            print(f"collected {corpus}: {len(data[corpus])} toponyms in {seconds:.0f} s", flush=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(data), "utf-8")
    names = feature_names([row for rows in data.values() for row in rows])
    table = folds(data, names)
    print(f"{'held out':<10} {'toponyms':>8} {'rules':>7} {'learned':>7}")
    for corpus, rules, learned in table:
        print(f"{corpus:<10} {len(data[corpus]):>8} {rules:>7.4f} {learned:>7.4f}")
    print(f"{'mean':<10} {'':>8} {sum(t[1] for t in table) / 3:>7.4f} {sum(t[2] for t in table) / 3:>7.4f}")
    if args.write:
        coefficients = fit([row for rows in data.values() for row in rows], names)
        print(json.dumps(coefficients))
        write_model(coefficients, table, {corpus: len(rows) for corpus, rows in data.items()})
    if args.pipeline_figures:
        from eventwire.config import load_config

        config = load_config()
        gazetteer = dataclasses.replace(config.gazetteer, ranker="learned")
        config = dataclasses.replace(config, gazetteer=gazetteer)
        learned = Pipeline.load(config)
        for name in [*CORPORA.values(), *END2END]:
            entry = baseline[name]
            report = run_entry(entry, learned, REPO, root)
            shown = {key: report.get(key) for key in (*entry.get("floors", {}), *entry.get("ceilings", {}))}
            print(f"learned {name}: {json.dumps(shown)}", flush=True)


if __name__ == "__main__":
    main()
