"""WikiEvents evaluation: reader offsets, type mapping and scores on a document of our own."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from builders import make_event as build_event

from eventwire.errors import MissingInputError
from eventwire.eval.wikievents import (
    evaluate_wikievents,
    format_wikievents_report,
    plover_type,
    read_wikievents,
)
from eventwire.records import Actor, Article, Event, ExtractionResult, Failure, Place, Span

S1 = "Rebels attacked the town of Dori"
S2 = "A spokesman said the army will respond"
TOKENS1 = ["Rebels", "attacked", "the", "town", "of", "Dori"]
TOKENS2 = ["A", "spokesman", "said", "the", "army", "will", "respond"]


def sentence(tokens: list[str], text: str) -> list:
    cursor, out = 0, []
    for token in tokens:
        start = text.index(token, cursor)
        out.append([token, start, start + len(token)])
        cursor = start + len(token)
    return [out, text]


DOC = {
    "doc_id": "d1",
    "tokens": TOKENS1 + TOKENS2,
    "text": S1 + S2,  # run together, as in the real files
    "sentences": [sentence(TOKENS1, S1), sentence(TOKENS2, S2)],
    "entity_mentions": [
        {"id": "d1-T1", "start": 0, "end": 1, "text": "Rebels"},
        {"id": "d1-T2", "start": 2, "end": 6, "text": "the town of Dori"},
        {"id": "d1-T3", "start": 7, "end": 8, "text": "spokesman"},
    ],
    "event_mentions": [
        {
            "id": "d1-E1",
            "event_type": "Conflict.Attack.Unspecified",
            "trigger": {"start": 1, "end": 2, "text": "attacked"},
            "arguments": [
                {"entity_id": "d1-T1", "role": "Attacker", "text": "Rebels"},
                {"entity_id": "d1-T2", "role": "Place", "text": "the town of Dori"},
            ],
        },
        {
            "id": "d1-E2",
            "event_type": "Contact.Contact.Broadcast",
            "trigger": {"start": 8, "end": 9, "text": "said"},
            "arguments": [{"entity_id": "d1-T3", "role": "Communicator", "text": "spokesman"}],
        },
    ],
}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(DOC) + "\n", "utf-8")
    return path


def test_type_mapping_takes_the_longest_prefix() -> None:
    assert plover_type("Conflict.Attack.DetonateExplode") == "ASSAULT"
    assert plover_type("Contact.Contact.Meet") == "CONSULT"
    assert plover_type("Contact.Contact.Broadcast") is None


def test_reader_joins_sentences_and_locates_heads(gold_file: Path) -> None:
    (document,) = read_wikievents(gold_file)
    assert document.text == S1 + "\n" + S2
    attack = document.events[0]
    assert document.text[attack.trigger_start : attack.trigger_end] == "attacked"
    place = attack.arguments[1]
    assert document.text[place.head_start : place.head_end] == "Dori"  # the mention's last token
    assert document.events[1].type is None
    with pytest.raises(MissingInputError):
        read_wikievents(gold_file.parent / "none.jsonl")


def make_event(type_: str, trigger: Span, sources: list[Actor], location: Place | None) -> Event:
    return build_event(type_, source_actors=sources, location=location, trigger=trigger)


class FakePipeline:
    """An attack by the rebels at Dori, and an event on the unmodelled "said" trigger."""

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for article in inputs:
            assert isinstance(article, Article)
            text = article.text

            def span(word: str, text: str = text) -> Span:
                start = text.index(word)
                return Span(word, start, start + len(word))

            dori = Place(name="Dori", geonameid=1, lat=0.0, lon=0.0, country="BFA", admin1=None,
                         precision=1, text="Dori", span=span("town of Dori"))
            rebels = Actor("Rebels", None, "REB", span("Rebels"))
            events = [
                make_event("ASSAULT", span("attacked"), [rebels], dori),
                make_event("ACCUSE", span("said"), [], None),
            ]
            yield ExtractionResult(article=article, events=events, places=[])


def test_scores(gold_file: Path) -> None:
    report = evaluate_wikievents(read_wikievents(gold_file), FakePipeline())
    assert report["excluded_gold"] == 1 and report["excluded_predicted"] == 1
    assert report["classification"]["f1"] == 1.0
    assert report["roles"]["Attacker"]["f1"] == 1.0
    # "town of Dori": the predicted head is "town", the gold head "Dori": no head match,
    # but the gold head lies inside the predicted phrase.
    assert report["roles"]["Place"]["correct"] == 0
    assert report["roles_head_in_span"]["Place"]["correct"] == 1
    assert report["argument_head_f1"] == 0.5
    assert "argument head match" in format_wikievents_report(report)
