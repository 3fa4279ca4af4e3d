"""The quality gate's evaluations: one registry that the CI test and the pinning script share.

`benchmarks/baseline.json` lists evaluations by name; each entry says which evaluation runs
(`evaluation`), on which gold (`gold` under ../shared/gold, or `repo_gold` for eventwire's own
labelled files under benchmarks/data), with which options (`mode` for geoparse, `corpus` for
the articles of eventwire's held-out toponyms, under the gold root, or `repo_corpus` for articles
written for them, in the repository, `dates` for the adjudicated
FA-KES dates, in the repository), and the figures
it pins (`floors`, and `ceilings` for figures where lower is better).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

__all__ = ["EVALUATORS", "baseline_entries", "check_figures", "figure", "gold_path", "gold_root", "run_entry"]

Entry = dict[str, Any]
Report = dict[str, Any]


def _dates(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.dates import evaluate_dates
    from eventwire.eval.timeml import read_timeml_dir

    return evaluate_dates(read_timeml_dir(path), pipeline.nlp, batch_size=pipeline.config.nlp.batch_size)


def _fakes(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.fakes import evaluate_fakes, read_adjudicated, read_fakes

    adjudicated = read_adjudicated(Path(entry["_repo"]) / entry["dates"]) if "dates" in entry else ()
    return evaluate_fakes(read_fakes(path), pipeline, adjudicated)


def _geoparse(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.geoparse import evaluate_geoparse, read_geoparse_gold

    return evaluate_geoparse(read_geoparse_gold(path), pipeline, mode=entry.get("mode", "resolve"))


def _plover(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.plover import evaluate_plover, read_plover

    return evaluate_plover(read_plover(path), pipeline)


def _casualties(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.casualties import evaluate_casualties, read_casualty_gold

    return evaluate_casualties(read_casualty_gold(path), pipeline)


def _acled(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.acled import evaluate_acled_file

    return evaluate_acled_file(path, pipeline)


def _satp(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.satp import evaluate_satp_file

    return evaluate_satp_file(path, pipeline)


def _wikievents(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.wikievents import evaluate_wikievents, read_wikievents

    return evaluate_wikievents(read_wikievents(path), pipeline)


def _toponyms(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.toponym_holdout import evaluate_holdout_file

    # Articles written for eventwire's own files live in the repository (`repo_corpus`).
    if "repo_corpus" in entry:
        corpus = Path(entry["_repo"]) / entry["repo_corpus"]
    else:
        corpus = Path(entry["_gold_root"]) / entry["corpus"]
    return evaluate_holdout_file(path, corpus, pipeline)


def _incidents(path: Path, pipeline: Any, entry: Entry) -> Report:
    from eventwire.eval.incidents import evaluate_incidents, read_incident_gold

    return evaluate_incidents(read_incident_gold(path), pipeline)


#: evaluation name -> function(gold path, loaded Pipeline, baseline entry) -> report
EVALUATORS: dict[str, Callable[[Path, Any, Entry], Report]] = {
    "dates": _dates,
    "fakes": _fakes,
    "geoparse": _geoparse,
    "plover": _plover,
    "casualties": _casualties,
    "acled": _acled,
    "satp": _satp,
    "wikievents": _wikievents,
    "incidents": _incidents,
    "toponyms": _toponyms,
}


def baseline_entries(baseline: dict[str, Any]) -> Iterator[tuple[str, Entry]]:
    """The named entries of a baseline file (keys starting with _ and `tolerance` are settings)."""
    for name, entry in baseline.items():
        if not name.startswith("_") and name != "tolerance":
            if entry.get("evaluation") not in EVALUATORS:
                raise ConfigError(f"baseline entry {name!r}: unknown evaluation {entry.get('evaluation')!r}")
            yield name, entry


def gold_root(repo: Path, given: str | os.PathLike[str] | None = None) -> Path:
    """The folder of the shared gold sets: `given`, else $EVENTWIRE_GOLD, else ../shared/gold
    beside the repository (where CI puts it)."""
    chosen = given or os.environ.get("EVENTWIRE_GOLD")
    return Path(chosen).expanduser() if chosen else repo.parent / "shared" / "gold"


def gold_path(entry: Entry, repo: Path, root: Path | None = None) -> Path:
    """Where an entry's gold lives: `repo_gold` in the repository, `gold` under the gold root."""
    if "repo_gold" in entry:
        return repo / entry["repo_gold"]
    return (root or gold_root(repo)) / entry["gold"]


def run_entry(entry: Entry, pipeline: Any, repo: Path, root: Path | None = None) -> Report:
    """Run one baseline entry's evaluation and return its report (`corpus`, when an entry names
    one, is read under the gold root)."""
    settings = {**entry, "_gold_root": str(root or gold_root(repo)), "_repo": str(repo)}
    return EVALUATORS[entry["evaluation"]](gold_path(entry, repo, root), pipeline, settings)


def figure(report: Report, dotted: str) -> float:
    """A figure of a report by dotted path ("date.value_f1", "labels_25.weighted_f1")."""
    value: Any = report
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def check_figures(entry: Entry, report: Report, tolerance: float) -> list[str]:
    """What moved past its pin: floors dropped by more than `tolerance`, ceilings risen by more."""
    problems = [
        f"{key}: {figure(report, key):.4f} < floor {floor}"
        for key, floor in entry.get("floors", {}).items()
        if figure(report, key) < floor - tolerance
    ]
    problems += [
        f"{key}: {figure(report, key):.4f} > ceiling {ceiling}"
        for key, ceiling in entry.get("ceilings", {}).items()
        if figure(report, key) > ceiling + tolerance
    ]
    return problems
