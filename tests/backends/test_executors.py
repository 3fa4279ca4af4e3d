"""Executors: worker processes and a real Dask LocalCluster code a corpus as a local run does.

Each test starts real worker processes that load the real pipeline, so they are marked model;
every wait is bounded by the cluster's own timeouts and pytest's subprocess limits.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eventwire.backends import close_executor, open_executor
from eventwire.backends.worker import ordered_results, partitions
from eventwire.config import load_config
from eventwire.corpus import ingest_corpus
from eventwire.errors import ConfigError
from eventwire.ingest import read_articles
from eventwire.records import Article, Failure
from eventwire.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def corpus_inputs(tmp_path: Path) -> list[Article | Failure]:
    """The sample corpus plus generated reports and one unreadable input, in a fixed order."""
    extra = tmp_path / "more.jsonl"
    towns = ["Aleppo", "Mosul", "Kharkiv", "Gao", "Hodeidah"]
    extra.write_text(
        "".join(
            json.dumps({
                "id": f"m{n}",
                "date": "2024-05-02",
                "text": f"Gunmen attacked a police post in {towns[n % 5]} on Tuesday, "
                f"killing {n + 2} officers.",
            }) + "\n"
            for n in range(25)
        )
        + "{broken\n",
        "utf-8",
    )
    return list(read_articles([str(CORPUS), str(extra)], load_config().ingest))


def stored(db: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    with sqlite3.connect(db) as connection:
        events = connection.execute("SELECT article_id, id, record FROM events ORDER BY id").fetchall()
        failures = connection.execute("SELECT source, message FROM failures ORDER BY source").fetchall()
    return events, failures


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - the real Pipeline: tests using it are marked model
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="module")
def local_store(tmp_path_factory, pipeline) -> tuple[Path, list[Article | Failure]]:
    folder = tmp_path_factory.mktemp("local")
    inputs = corpus_inputs(folder)
    db = folder / "local.db"
    with Store.open(db) as store:
        ingest_corpus(inputs, store, pipeline)
    return db, inputs


@pytest.mark.parametrize("kind", ["processes", "dask"])
def test_two_workers_give_the_store_a_local_run_gives(kind, local_store, tmp_path):
    local_db, inputs = local_store
    executor = open_executor(load_config(), kind, workers=2, partition_size=7)
    try:
        with Store.open(tmp_path / f"{kind}.db") as store:
            summary = ingest_corpus(inputs, store, executor)
    finally:
        close_executor(executor)
    articles = sum(isinstance(item, Article) for item in inputs)
    assert (summary.new, summary.failed) == (articles, len(inputs) - articles) and summary.failed >= 1
    assert stored(tmp_path / f"{kind}.db") == stored(local_db)  # same event ids, same records


def test_results_come_back_in_input_order_whatever_finishes_first():
    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    submitted: list[list[int]] = []

    def submit(partition):
        submitted.append(partition)
        return Done([item * 10 for item in partition])

    results = list(ordered_results(submit, range(10), partition_size=3, in_flight=2))
    assert results == [item * 10 for item in range(10)]
    assert submitted == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert list(partitions([], 3)) == []


def test_a_scheduler_needs_the_dask_executor():
    with pytest.raises(ConfigError, match="--executor dask"):
        open_executor(load_config(), "local", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ConfigError, match="unknown executor"):
        open_executor(load_config(), "spark")  # type: ignore[arg-type]


def test_a_lost_worker_fails_its_partition_and_the_run_goes_on():
    class Lost:
        def result(self):
            raise RuntimeError("worker killed")

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    articles = [Article(id=f"a{n}", text=f"Report {n}.", source=f"in:{n}") for n in range(4)]
    unreadable = Failure("bad.txt", "ingest", "EmptyInputError", "empty")
    inputs = [articles[0], articles[1], unreadable, articles[2], articles[3]]
    results = list(ordered_results(
        lambda part: Lost() if part[0].id == "a0" else Done(list(part)),
        inputs, partition_size=3, in_flight=1,
    ))  # fmt: skip
    assert [getattr(r, "error", None) for r in results] == [
        "WorkerError", "WorkerError", "EmptyInputError", None, None
    ]
    assert results[0].article_id == "a0" and "run the same command again" in results[0].message
    assert results[3:] == articles[2:]
