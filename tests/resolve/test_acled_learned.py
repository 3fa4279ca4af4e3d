"""The learned second opinion on the ACLED decision (``[acled] decision = "learned"``): the
bundled weights file, the margin, the reasons, and how the decision list hands over to it."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.data import data_path
from eventwire.errors import ConfigError, ResourceError
from eventwire.records import Article, ExtractionResult
from eventwire.resolve.acled import AcledRules, acled_features, classify_acled
from eventwire.resolve.acled_learned import AcledModel, decision_features

GRENADE_NOTE = "On 3 May 2017, a grenade was lobbed into a market."


def snippet(text: str) -> ExtractionResult:
    return ExtractionResult(article=Article(id="s", text=text), events=[], places=[])


def toy_model(margin: float = 0.0) -> AcledModel:
    """Two labels; the fact "grenade" favours REM_EXPLOS strongly, the rules' code GRENADE a little."""
    weights = {
        "(bias)": {"GRENADE": 0.0, "REM_EXPLOS": 0.0},
        "grenade": {"REM_EXPLOS": 3.0},
        "code:GRENADE": {"GRENADE": 1.0},
    }
    return AcledModel(labels=("GRENADE", "REM_EXPLOS"), weights=weights, tables="x", margin=margin)


@pytest.fixture(scope="module")
def rules() -> AcledRules:
    return AcledRules.load()


def test_the_bundled_model_was_fitted_on_the_tables_as_they_are(rules: AcledRules) -> None:
    # Fails after an edit of a rule, a cue group's name or a code: refit with
    # `python benchmarks/fit_acled_model.py --write`.
    model = AcledModel.load()
    assert model.tables == rules.fingerprint()
    assert set(model.labels) == rules.label_set(25)
    assert 0.0 <= model.margin < 1.0


def test_other_tables_refuse_the_model_but_comments_and_patterns_do_not(tmp_path: Path) -> None:
    rules_file = tmp_path / "acled_rules.tsv"
    bundled = data_path("acled_rules.tsv").read_text("utf-8")
    rules_file.write_text("# a comment of the user's\n" + bundled, "utf-8")
    assert AcledRules.load(rules=str(rules_file), decision="learned").model is not None
    header, first, *rest = [line for line in bundled.splitlines() if not line.startswith("#")]
    # Another order, so other rule numbers:
    rules_file.write_text("\n".join([header, *rest, first]) + "\n", "utf-8")
    with pytest.raises(ConfigError, match="fitted on other ACLED tables"):
        AcledRules.load(rules=str(rules_file), decision="learned")


def test_a_malformed_weights_file_is_a_resource_error(tmp_path: Path) -> None:
    bad_weight = "feature\tlabel\tweight\n(bias)\tATTACK\tmany\n"
    no_bias = "feature\tlabel\tweight\nx\tATTACK\t1\n"
    for text in (bad_weight, "a\tb\n", no_bias):
        bad = tmp_path / "model.tsv"
        bad.write_text(text, "utf-8")
        with pytest.raises(ResourceError):
            AcledModel.load(str(bad))


def test_the_decision_is_a_configuration_choice(tmp_path: Path) -> None:
    assert AcledRules.load().model is None  # the tables alone, unless asked
    assert AcledRules.load(decision="learned").model is not None
    assert load_config().acled.decision == "learned"
    config = tmp_path / "rules.toml"
    config.write_text('[acled]\ndecision = "rules"\n', "utf-8")
    assert load_config(config).acled.decision == "rules"
    with pytest.raises(ConfigError, match="decision"):
        AcledRules.load(decision="neural")


def test_probabilities_are_a_softmax_within_the_labels_asked() -> None:
    model = toy_model()
    chances = model.probabilities({"grenade", "code:GRENADE"})
    assert chances["REM_EXPLOS"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert sum(chances.values()) == pytest.approx(1.0)
    assert model.probabilities({"grenade"}, labels={"GRENADE"}) == {"GRENADE": 1.0}


def test_the_model_overrides_the_rules_only_beyond_its_margin() -> None:
    features = {"grenade"}
    code, reason = toy_model().second_opinion(features, "GRENADE", "rule 12: a grenade", 12, None)
    assert code == "REM_EXPLOS"
    assert reason.startswith("learned: REM_EXPLOS (0.88) over GRENADE (0.12) of rule 12")
    assert "weighed most: grenade" in reason
    # 0.88 - 0.12 is within a margin of 0.8: the rules' code and reason stand.
    assert toy_model(0.8).second_opinion(features, "GRENADE", "rule 12: a grenade", 12, None) == (
        "GRENADE", "rule 12: a grenade")
    # Within the labels asked for only; a rules' code outside them is the rules' alone.
    assert toy_model().second_opinion(features, "GRENADE", "rule 12", 12, {"GRENADE"})[0] == "GRENADE"
    outside = toy_model().second_opinion(features, "GRENADE", "rule 12", 12, {"ORG_CRIME"})
    assert outside == ("GRENADE", "rule 12")


def test_features_name_the_rule_that_decided() -> None:
    assert decision_features({"grenade"}, "GRENADE", 12) == {"grenade", "code:GRENADE", "rule:12"}
    assert "rule:main" in decision_features((), "ATTACK", None)
    assert "rule:none" in decision_features((), "OTHER", 0)


def test_classify_hands_the_rules_verdict_and_facts_to_the_model(rules: AcledRules) -> None:
    by_rules = classify_acled(snippet(GRENADE_NOTE), rules)
    number = int(by_rules.reason.split(":", 1)[0].removeprefix("rule "))
    features = acled_features(snippet(GRENADE_NOTE), rules)
    assert {"grenade", "main:grenade", "code:GRENADE", f"rule:{number}"} <= features
    learned = classify_acled(snippet(GRENADE_NOTE), dataclasses.replace(rules, model=toy_model()))
    assert (learned.code, learned.sub_event_type) == ("REM_EXPLOS", "Remote explosive/landmine/IED")
    assert learned.reason.startswith("learned: REM_EXPLOS") and f"of rule {number};" in learned.reason
    # A code outside the model's labels (the rules' OTHER here) is the rules' alone.
    with_model = dataclasses.replace(rules, model=toy_model())
    other = classify_acled(snippet("The minister resigned on Monday."), with_model)
    assert other.code == "OTHER" and not other.reason.startswith("learned")
