"""PLOVER gold-record evaluation: reader, event choice and scores on records of our own."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from builders import make_event as build_event

from eventwire.errors import MissingInputError, RecordFormatError
from eventwire.eval.plover import (
    actor_code,
    evaluate_plover,
    format_plover_report,
    pick_event,
    read_plover,
    score_plover,
)
from eventwire.records import Actor, Article, Event, ExtractionResult, Failure, Span

RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "about this file"},
    {
        "id": "r1",
        "date": "2000-01-01",
        "event": "DEMAND",
        "eventText": "demanded",
        "text": "Ruritania demanded that Freedonia withdraw its troops.",
        "source": [{"actorText": "Ruritania", "code": "RUR", "sector": "GOV"}],
        "target": [{"actorText": "Freedonia", "code": "FRE"}],
    },
    {
        "id": "r2",
        "date": "2000-01-02",
        "event": "PROTEST",
        "eventText": "went on hunger strike",
        "mode": "strike-hun",
        "text": "Prisoners went on hunger strike.",
        "source": [{"actorText": "Prisoners", "code": "RUR", "sector": "CVLkur"}],
        "target": "",
    },
    {
        "id": "r3",
        "date": "2000-01-03",
        "event": "FIGHT",
        "eventText": "shelled",
        "text": "The UN said troops shelled the town.",
        "source": [{"actorText": "UN", "code": "IGO", "sector": "***"}],
        "target": None,
    },
]


def make_event(type_: str, trigger: str, start: int, *, sources=(), targets=(), mode=None) -> Event:
    return build_event(
        type_,
        mode=mode,
        source_actors=list(sources),
        target_actors=list(targets),
        trigger=Span(trigger, start, start + len(trigger)),
    )


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS), "utf-8")
    return path


def test_reader_maps_old_types_modes_codes_and_sectors(gold_file: Path) -> None:
    records = read_plover(gold_file)
    assert [r.id for r in records] == ["r1", "r2", "r3"]  # the DOCUMENT record is skipped
    assert [r.type for r in records] == ["REQUEST", "PROTEST", "ASSAULT"]
    assert records[1].mode == "hunger"
    assert records[1].sources[0].sector == "CVL"  # the ethnic suffix is dropped
    assert records[1].targets == ()  # "" means no target
    assert records[2].sources[0].sector is None  # "***" is unknown
    assert records[0].date == "2000-01-01"


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError):
        read_plover(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(RecordFormatError):
        read_plover(bad)


def test_pick_event_prefers_a_gold_trigger_word_else_the_first() -> None:
    said = make_event("ACCUSE", "said", 10)
    shelled = make_event("ASSAULT", "shelled", 20)
    assert pick_event([shelled, said], "shelled") is shelled
    assert pick_event([shelled, said], "bombarded") is said  # first in text order
    assert pick_event([], "shelled") is None


def test_actor_code_gives_transnational_codes() -> None:
    assert actor_code(Actor("UN", None, "IGO")) == "IGO"
    assert actor_code(Actor("Ruritanian army", "RUR", "MIL")) == "RUR"
    assert actor_code(Actor("rebels", None, "REB")) is None
    assert actor_code(Actor("al-Qaeda", None, "REB", transnational=True)) == "IMG"


def test_scores(gold_file: Path) -> None:
    records = read_plover(gold_file)
    ruritania = Actor("Ruritania", "RUR", "GOV")
    predicted = [
        make_event(
            "REQUEST", "demanded", 10, sources=[ruritania], targets=[Actor("Freedonia", "FRE", "GOV")]
        ),
        make_event("PROTEST", "strike", 25, sources=[Actor("Prisoners", None, "CVL")], mode="hunger"),
        None,  # nothing found: a wrong "NONE"
    ]
    report = score_plover(records, predicted)
    assert report["n"] == 3
    assert report["type_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    # per-type F1: REQUEST 1, PROTEST 1, ASSAULT 0 -> macro 2/3
    assert report["type_macro_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["per_type"]["ASSAULT"]["recall"] == 0.0
    # sources: r1 right, r2 wrong (no country), r3 no event
    assert (report["n_source"], report["source_country_accuracy"]) == (3, pytest.approx(1 / 3, abs=1e-4))
    assert (report["n_target"], report["target_country_accuracy"]) == (1, 1.0)
    assert (report["n_sector"], report["sector_accuracy"]) == (2, 1.0)
    assert (report["n_mode"], report["mode_accuracy"]) == (1, 1.0)
    assert report["confusion"] == [{"gold": "ASSAULT", "predicted": "NONE", "count": 1}]
    assert "type macro-F1" in format_plover_report(report)


class FakePipeline:
    """Returns one REQUEST event per article, triggered on its first word."""

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for article in inputs:
            assert isinstance(article, Article)
            word = article.text.split()[1]
            start = article.text.index(word)
            event = make_event("REQUEST", word, start)
            yield ExtractionResult(article=article, events=[event], places=[])


def test_evaluate_runs_the_pipeline_with_the_record_dates(gold_file: Path) -> None:
    report = evaluate_plover(read_plover(gold_file), FakePipeline())
    assert report["per_type"]["REQUEST"]["recall"] == 1.0
    assert report["no_event"] == 0
