"""eval casualties: reading both gold formats and scoring a stand-in pipeline's output."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from builders import make_event as build_event

from eventwire.errors import RecordFormatError
from eventwire.eval.casualties import (
    CasualtyGold,
    PloverCasualties,
    evaluate_casualties,
    format_casualties_report,
    read_casualty_gold,
)
from eventwire.records import (
    Article,
    Attribution,
    Estimate,
    Event,
    ExtractionResult,
    Failure,
    Quantity,
    Span,
)


def figure(
    what: str, value: int, source: str | None = None, *, at: int = 0, low: int | None = None
) -> Quantity:
    return Quantity(
        what, value, low, None, f"{what} {value}", Span("x", at, at + 1),
        source=Attribution(source, None, None) if source else None,
    )  # fmt: skip


def event(*quantities: Quantity, fatalities: int | None = None) -> Event:
    return build_event(
        id="e",
        cameo="190",
        quantities=list(quantities),
        fatalities=Estimate(fatalities, fatalities, fatalities) if fatalities is not None else None,
        evidence=Span("...", 0, 3),
    )


class StandIn:
    """Returns canned events for each text, as a loaded Pipeline would."""

    def __init__(self, events_by_text: dict[str, list[Event]]) -> None:
        self.events_by_text = events_by_text

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for article in inputs:
            assert isinstance(article, Article)
            yield ExtractionResult(article, self.events_by_text.get(article.text, []), [])


SENTENCES = [
    {"id": "a", "split": "holdout", "text": "Ten were killed, police said.",
     "figures": [{"what": "killed", "value": 10, "source": "police"}]},
    {"id": "b", "split": "dev", "text": "At least 5 were hurt, the army said, and 2 died.",
     "figures": [{"what": "wounded", "value": 5, "low": 5, "source": "The army"},
                 {"what": "killed", "value": 2, "source": None}]},
    {"id": "c", "split": "dev", "text": "200 families fled.", "figures": []},
]  # fmt: skip


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def test_sentences_are_read_with_their_figures(tmp_path: Path) -> None:
    items = read_casualty_gold(write_jsonl(tmp_path / "dev.jsonl", SENTENCES))
    assert [type(i) for i in items] == [CasualtyGold] * 3
    first, second, third = items
    assert isinstance(second, CasualtyGold) and isinstance(third, CasualtyGold)
    assert (second.split, second.figures[0].low, second.figures[1].source) == ("dev", 5, None)
    assert third.figures == ()


def test_sentence_scores_per_split(tmp_path: Path) -> None:
    items = read_casualty_gold(write_jsonl(tmp_path / "dev.jsonl", SENTENCES))
    pipeline = StandIn(
        {
            "Ten were killed, police said.": [event(figure("killed", 10, "Police"))],
            # wounded right with the right source; killed 2 missed; an extra wrong figure
            "At least 5 were hurt, the army said, and 2 died.": [
                event(figure("wounded", 5, "army", low=5), figure("killed", 3, at=9))
            ],
        }
    )
    report = evaluate_casualties(items, pipeline)
    assert report["holdout"]["item_exact_match"] == 1.0
    assert report["holdout"]["attribution_accuracy"] == 1.0
    assert report["dev"]["n_items"] == 2
    assert report["dev"]["item_exact_match"] == 0.5  # "200 families fled." rightly has none
    assert (report["dev"]["figure_precision"], report["dev"]["figure_recall"]) == (0.5, 0.5)
    assert report["all"]["n_figures"] == 3
    assert report["misses"] == [
        {"id": "b", "missed": ["killed 2 (no source)"], "extra": ["killed 3 (no source)"], "wrong_source": []}
    ]
    assert "holdout" in format_casualties_report(report)


def test_a_wrong_source_is_counted(tmp_path: Path) -> None:
    items = read_casualty_gold(write_jsonl(tmp_path / "dev.jsonl", SENTENCES[:1]))
    report = evaluate_casualties(
        items, StandIn({SENTENCES[0]["text"]: [event(figure("killed", 10, "rebels"))]})
    )
    assert report["all"]["figure_recall"] == 1.0
    assert report["all"]["attribution_accuracy"] == 0.0


def test_plover_records_with_dead_or_injured(tmp_path: Path) -> None:
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        {"id": "A1", "date": "2000-01-01", "text": "Gunmen killed 4.", "dead": "4"},
        {"id": "A2", "date": "2000-01-01", "text": "A bomb killed 2.", "dead": "2", "injured": "1"},
        {"id": "A3", "date": "2000-01-01", "text": "Police clashed with protesters."},
    ]  # fmt: skip
    path = tmp_path / "plover.txt"
    path.write_text(json.dumps(records), "utf-8")
    items = read_casualty_gold(path)
    assert [(i.id, i.dead, i.injured) for i in items if isinstance(i, PloverCasualties)] == [
        ("A1", 4, None),
        ("A2", 2, 1),
    ]
    report = evaluate_casualties(items, StandIn({"Gunmen killed 4.": [event(fatalities=4)]}))
    assert report["dead"] == {"accuracy": 0.5, "n": 2}
    assert report["injured"] == {"accuracy": 0.0, "n": 1}
    assert "dead" in format_casualties_report(report)


def test_a_broken_line_names_where(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "no figures key"}\n', "utf-8")
    with pytest.raises(RecordFormatError, match="bad.jsonl:1"):
        read_casualty_gold(path)


def test_the_bundled_development_file_reads() -> None:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "casualty_sentences.jsonl"
    items = read_casualty_gold(path)
    splits = {i.split for i in items if isinstance(i, CasualtyGold)}
    assert splits == {"dev", "holdout"} and len(items) >= 60
