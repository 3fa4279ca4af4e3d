"""`eventwire eval acled`: reading labelled snippets, the F1 averages, the report."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from eventwire.eval.acled import evaluate_acled, format_acled_report, read_acled_snippets, score_labels
from eventwire.records import Article, ExtractionResult, Failure
from eventwire.resolve.acled import AcledRules
from eventwire.resolve.acled_learned import AcledModel

SAMPLE = Path(__file__).parent / "data" / "acled_sample.tsv"


@pytest.fixture(scope="module")
def rules() -> AcledRules:
    return AcledRules.load()


def test_read_skips_header_comments_and_reports_bad_lines(rules: AcledRules) -> None:
    snippets, bad = read_acled_snippets(SAMPLE, rules.classes)
    assert [(s.id, s.label) for s in snippets] == [("t1", "GRENADE"), ("t2", "ARREST"), ("t3", "ARMED_CLASH")]
    assert snippets[1].text == 'On 4 May 2017, police said "two" men were arrested.'  # unquoted
    assert snippets[2].text == "On 5 May 2017, rebels\tand troops clashed."  # a tab inside the text
    assert bad == [
        "line 7: expected id, text and label separated by tabs",
        "line 8: unknown label 'NOT_A_CODE'",
        "line 9: empty text",
    ]


def test_read_without_header(tmp_path: Path, rules: AcledRules) -> None:
    path = tmp_path / "plain.tsv"
    path.write_text("a\tOn 1 June 2019, troops shelled a village.\tART_MISS_ATTACK\r\n", "utf-8")
    snippets, bad = read_acled_snippets(path, rules.classes)
    assert [(s.id, s.label) for s in snippets] == [("a", "ART_MISS_ATTACK")]
    assert bad == []


def test_score_labels_on_a_toy_confusion() -> None:
    gold = ["A", "A", "B", "C"]
    predicted = ["A", "B", "B", "X"]  # X is outside the label set: wrong, and no label's false positive
    scores = score_labels(gold, predicted, {"A", "B", "C"})
    assert scores["n"] == 4
    assert scores["per_label"]["A"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "n": 2}
    assert scores["per_label"]["B"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "n": 1}
    assert scores["per_label"]["C"]["f1"] == 0.0
    assert scores["micro_f1"] == pytest.approx(0.5714, abs=1e-4)  # P 2/3, R 2/4
    assert scores["macro_f1"] == pytest.approx(0.4444, abs=1e-4)
    assert scores["weighted_f1"] == pytest.approx(0.5, abs=1e-4)


def test_score_labels_keeps_only_gold_labels_in_the_set() -> None:
    scores = score_labels(["A", "A", "B", "C"], ["A", "B", "B", "X"], {"A", "B"})
    assert scores["n"] == 3
    assert scores["micro_f1"] == pytest.approx(0.6667, abs=1e-4)
    assert scores["macro_f1"] == pytest.approx(0.6667, abs=1e-4)


class _NoEvents:
    """An extractor that finds no events: the decision then rests on cue words alone."""

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for article in inputs:
            assert isinstance(article, Article)
            yield ExtractionResult(article=article, events=[], places=[])


def test_evaluate_reports_the_three_label_sets(rules: AcledRules) -> None:
    snippets, bad = read_acled_snippets(SAMPLE, rules.classes)
    report = evaluate_acled(snippets, _NoEvents(), rules, bad_lines=bad)
    assert set(report) >= {"labels_25", "labels_28", "labels_30", "confusion", "bad_lines", "n"}
    assert set(report["labels_25"]) >= {"micro_f1", "macro_f1", "weighted_f1", "n"}
    assert report["labels_25"]["n"] == 3
    assert report["confusion"]["GRENADE"] == {"GRENADE": 1}
    assert report["confusion"]["ARREST"] == {"ARREST": 1}
    assert "skipped line 8: unknown label 'NOT_A_CODE'" in format_acled_report(report)


@pytest.mark.model
def test_cli_prints_the_json_report() -> None:
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    outcome = CliRunner().invoke(main, ["eval", "acled", "--gold", str(SAMPLE), "--json"])
    assert outcome.exit_code == 0, outcome.output
    report = json.loads(outcome.output)
    assert report["labels_25"]["n"] == 3
    assert report["bad_lines"][1] == "line 8: unknown label 'NOT_A_CODE'"


class _WithRules(_NoEvents):
    """An extractor that carries its own ACLED rules, as a loaded Pipeline does."""

    def __init__(self, acled: AcledRules) -> None:
        self.acled = acled


def test_the_file_evaluation_decides_with_the_pipelines_own_rules(rules: AcledRules) -> None:
    from eventwire.eval.acled import evaluate_acled_file

    # A model that votes ARREST on every snippet, far beyond any margin: the pipeline's rules
    # carry it, so the evaluation decides with it, as the configured pipeline would.
    votes = {"(bias)": {"ARREST": 9.0, "GRENADE": 0.0}}
    model = AcledModel(labels=("ARREST", "GRENADE"), weights=votes, tables="x")
    report = evaluate_acled_file(SAMPLE, _WithRules(dataclasses.replace(rules, model=model)))
    assert report["confusion"]["GRENADE"] == {"ARREST": 1}
    assert evaluate_acled_file(SAMPLE, _WithRules(rules))["confusion"]["GRENADE"] == {"GRENADE": 1}


@pytest.mark.model
def test_cli_decides_by_the_rules_alone_when_asked() -> None:
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    asked = ["eval", "acled", "--gold", str(SAMPLE), "--decision", "rules", "--json"]
    outcome = CliRunner().invoke(main, asked)
    assert outcome.exit_code == 0, outcome.output
    assert json.loads(outcome.output)["labels_25"]["n"] == 3
    refused = CliRunner().invoke(main, ["eval", "acled", "--gold", str(SAMPLE), "--decision", "neural"])
    assert refused.exit_code == 2 and "neural" in refused.output
