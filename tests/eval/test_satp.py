"""`eventwire eval satp`: the reader and the mapping of our events to the four SATP labels."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from builders import make_event as build_event

from eventwire.eval.satp import evaluate_satp, read_satp, satp_labels
from eventwire.records import (
    AcledDecision,
    Article,
    Event,
    ExtractionResult,
    Failure,
    Status,
)
from eventwire.resolve.acled import AcledRules

SAMPLE = Path(__file__).parent / "data" / "incident_labels.tsv"


def make_event(
    mode: str | None, sub_event_type: str | None, event_type: str | None, status: Status = "asserted"
) -> Event:
    return build_event(
        mode=mode, cameo="190", acled_event_type=event_type, acled_sub_event_type=sub_event_type,
        status=status,
    )


def decision(code: str, event_type: str | None) -> AcledDecision:
    return AcledDecision(code=code, event_type=event_type, sub_event_type=None, reason="test")


def result(*events: Event) -> ExtractionResult:
    return ExtractionResult(article=Article(id="s", text="x"), events=list(events), places=[])


def test_read_satp_reports_bad_lines() -> None:
    incidents, bad = read_satp(SAMPLE)
    assert [sorted(i.labels) for i in incidents] == [["armed_assault"], ["bombing", "kidnapping"], ["other"]]
    assert bad == ["line 3: expected text and four 0/1 columns separated by tabs"]


def test_labels_from_events_and_decision() -> None:
    blast = make_event("explosives", "Remote explosive/landmine/IED", "Explosions/Remote violence")
    kidnap = make_event("abduct", "Abduction/forced disappearance", "Violence against civilians")
    shooting = make_event("firearms", "Armed clash", "Battles")
    denied = make_event("firearms", "Armed clash", "Battles", status="denied")
    remote = decision("REM_EXPLOS", "Explosions/Remote violence")
    assert satp_labels(result(blast, kidnap), remote) == {"bombing", "kidnapping"}
    assert satp_labels(result(shooting), decision("ARMED_CLASH", "Battles")) == {"armed_assault"}
    assert satp_labels(result(denied), decision("PROPERTY_DISTRUCT", "Strategic developments")) == {"other"}
    assert satp_labels(result(), decision("ATTACK", "Violence against civilians")) == {"armed_assault"}
    assert satp_labels(result(), decision("PEACE_PROTEST", "Protests")) == {"other"}  # nothing else holds


def test_an_attack_on_the_abducted_is_a_kidnapping_too() -> None:
    # ACLED codes the killing that ended an abduction; SATP marks every kind the summary tells.
    rules = AcledRules.load()
    attack = decision("ATTACK", "Violence against civilians")
    told = ExtractionResult(
        article=Article(id="s", text="Rebels abducted and killed a village guard."), events=[], places=[]
    )
    assert satp_labels(told, attack, rules) == {"armed_assault", "kidnapping"}
    assert satp_labels(result(), attack, rules) == {"armed_assault"}


class _Fixed:
    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for article in inputs:
            assert isinstance(article, Article)
            yield ExtractionResult(article=article, events=[], places=[])


def test_evaluate_satp_scores_each_label() -> None:
    incidents, _ = read_satp(SAMPLE)
    report = evaluate_satp(incidents, _Fixed(), AcledRules.load())
    assert report["n"] == 3
    assert set(report["labels"]) == {"armed_assault", "bombing", "kidnapping", "other"}
    # With no events the decision rests on cue words: a shooting, an IED, an arson; the
    # abduction in the IED sentence is missed (one code per snippet).
    assert {label: s["f1"] for label, s in report["labels"].items()} == {
        "armed_assault": 1.0, "bombing": 1.0, "kidnapping": 0.0, "other": 1.0,
    }
    assert report["macro_f1"] == 0.75
    assert report["micro_f1"] == 0.8571  # precision 3/3, recall 3/4
