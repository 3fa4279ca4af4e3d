"""Corpus runs into a real store file: skip what is stored, record conflicts, resume, re-code.

The pipeline here is a stand-in that codes one event per article without spaCy, so that these
tests are about the run's bookkeeping; tests/test_dataset_cli.py runs the real pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import pytest
from builders import make_event

from eventwire.corpus import ingest_corpus, reprocess_corpus
from eventwire.records import Article, ExtractionResult, Failure, Span
from eventwire.store import Store


class OneEventPipeline:
    """Codes every article as one event; an article whose text says "unparseable" fails."""

    def __init__(self, data_fingerprint: str = "fp-1") -> None:
        self.data_fingerprint = data_fingerprint
        self.coded: list[str] = []

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        # Like the real pipeline, it reads a batch of inputs ahead of what it yields.
        stream = iter(inputs)
        while batch := list(islice(stream, 8)):
            yield from self._code(batch)

    def _code(self, batch: list[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for item in batch:
            if isinstance(item, Failure):
                yield item
            elif "unparseable" in item.text:
                yield Failure(item.id, "extract", "ExtractionError", "could not code it", item.id)
            else:
                self.coded.append(item.id)
                event = make_event(
                    id=f"e-{item.id}-{len(item.text)}",
                    article_id=item.id,
                    evidence=Span(item.text[:5], 0, 5),
                )
                yield ExtractionResult(item, [event], [], data_fingerprint=self.data_fingerprint)


def article(n: int, text: str | None = None) -> Article:
    return Article(id=f"a-{n}", text=text or f"Report {n}: shelling in the north.", title=f"Report {n}")


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "corpus.db") as opened:
        yield opened


def test_a_second_run_of_the_same_inputs_adds_nothing(store):
    pipeline = OneEventPipeline()
    first = ingest_corpus([article(n) for n in range(5)], store, pipeline, commit_every=2)
    second = ingest_corpus([article(n) for n in range(5)], store, pipeline, commit_every=2)
    assert (first.new, first.events, first.skipped) == (5, 5, 0)
    assert (second.new, second.skipped) == (0, 5)
    assert len(pipeline.coded) == 5  # stored articles are not parsed again
    assert store.status()["articles"] == 5 and store.status()["events"] == 5
    assert store.status()["runs"] == 2


def test_changed_text_under_a_stored_id_is_a_conflict_unless_updating(store):
    pipeline = OneEventPipeline()
    ingest_corpus([article(1)], store, pipeline)
    edited = article(1, "Report 1, corrected: shelling in the north and the east.")
    kept = ingest_corpus([edited], store, pipeline)
    assert (kept.conflicts, kept.new) == (1, 0)
    assert store.get_article("a-1").text == article(1).text
    updated = ingest_corpus([edited], store, pipeline, update=True)
    assert (updated.updated, updated.conflicts) == (1, 0)
    assert store.get_article("a-1").text == edited.text
    ((stored_article, event),) = list(store.iter_events())
    assert stored_article.text == edited.text and event.id == f"e-a-1-{len(edited.text)}"


def test_the_same_article_twice_in_one_run_is_coded_once(store):
    pipeline = OneEventPipeline()
    summary = ingest_corpus([article(1), article(2), article(1)], store, pipeline)
    assert (summary.new, summary.skipped) == (2, 1)
    other = ingest_corpus([article(3), article(3, "Another text under the same id.")], store, pipeline)
    assert (other.new, other.conflicts) == (1, 1)


def test_failures_are_recorded_and_the_rest_goes_on(store):
    unreadable = Failure("broken.html", "ingest", "EmptyInputError", "the file is empty")
    inputs = [article(1), unreadable, article(2, "unparseable text"), article(3)]
    summary = ingest_corpus(inputs, store, OneEventPipeline())
    assert (summary.new, summary.failed) == (2, 2)
    again = ingest_corpus(inputs, store, OneEventPipeline())
    assert store.status()["failures"] == 2  # recorded once, not once a run
    assert (again.skipped, again.new) == (2, 0)


def test_an_interrupted_run_keeps_what_it_coded_and_the_next_run_finishes(store):
    class Interrupted(OneEventPipeline):
        def extract(self, inputs):
            for number, outcome in enumerate(super().extract(inputs)):
                if number == 4:
                    raise KeyboardInterrupt
                yield outcome

    with pytest.raises(KeyboardInterrupt):
        ingest_corpus([article(n) for n in range(10)], store, Interrupted(), commit_every=3)
    assert store.status()["articles"] == 4
    resumed = ingest_corpus([article(n) for n in range(10)], store, OneEventPipeline())
    assert (resumed.skipped, resumed.new) == (4, 6)
    assert store.status()["events"] == 10


def test_reprocess_recodes_only_what_other_data_files_coded(store):
    ingest_corpus([article(n) for n in range(3)], store, OneEventPipeline("fp-old"))
    fresh = OneEventPipeline("fp-new")
    ingest_corpus([article(n) for n in range(3, 5)], store, fresh)
    fresh.coded.clear()
    summary = reprocess_corpus(store, fresh)
    assert summary.updated == 3 and sorted(fresh.coded) == ["a-0", "a-1", "a-2"]
    assert reprocess_corpus(store, fresh).updated == 0
    assert store.status()["events"] == 5
