"""Hostile values: bad JSONL dates, duplicate ids in one input, SQL in filter values, path-like ids.

Every value a user gives reaches SQLite as a bound parameter, never as SQL text; ids are data,
never paths; a date that cannot be read is dropped with a warning, not replaced by a guess.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path

import pytest
from builders import make_event

from eventwire.config import IngestConfig
from eventwire.corpus import ingest_corpus
from eventwire.errors import StoreError
from eventwire.ingest import read_articles
from eventwire.records import Article, ExtractionResult, Span
from eventwire.store import Store

TEXT = "Gunmen attacked a checkpoint in Dori, killing three soldiers, the army said in a statement."
HOSTILE = [
    "'",
    '"',
    "'; DROP TABLE events; --",
    "x' OR '1'='1",
    '") OR 1=1 --',
    "%",
    "_",
    "\x00",
    "a\x00'; DELETE FROM articles; --",
    "*",
    "NEAR(",
]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def tables(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return sorted(row[0] for row in connection.execute("SELECT name FROM sqlite_schema"))
    finally:
        connection.close()


# --------------------------------------------------------------------------- JSONL dates


@pytest.mark.parametrize(
    "bad_date", ["2018-13-45", "yesterday", 20180112, 1515715200.5, ["2018-01-12"], True]
)
def test_a_bad_jsonl_date_keeps_the_article_undated_with_a_warning(
    tmp_path: Path, bad_date: object, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_jsonl(tmp_path / "dump.jsonl", [
        {"id": "good", "text": TEXT, "date": "2018-01-10"},
        {"id": "bad", "text": TEXT, "date": bad_date},
        {"id": "none", "text": TEXT},
    ])  # fmt: skip
    with caplog.at_level(logging.WARNING):
        records = list(read_articles([str(path)], IngestConfig(), published="2018-01-12"))
    assert [type(record) for record in records] == [Article, Article, Article]
    published = {record.id: record.published for record in records}
    # The override only fills in a date the record does not give; a garbled date gives no day.
    assert published == {"good": "2018-01-10", "bad": None, "none": "2018-01-12"}
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert f"{path}:2" in warning.getMessage() and "'bad'" in warning.getMessage()
    assert "not a date" in warning.getMessage()


def test_a_bad_published_field_is_read_the_same_way(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dump.jsonl", [{"id": "p", "text": TEXT, "published": "2018-02-30"}])
    (record,) = read_articles([str(path)], IngestConfig(), published="2018-01-12")
    assert isinstance(record, Article) and record.published is None


def test_a_bad_jsonl_date_is_stored_as_no_date(tmp_path: Path, stand_in_pipeline) -> None:
    path = write_jsonl(tmp_path / "dump.jsonl", [{"id": "bad", "text": TEXT, "date": "2018-13-45"}])
    with Store.open(tmp_path / "dates.db") as store:
        inputs = read_articles([str(path)], IngestConfig(), published="2018-01-12")
        summary = ingest_corpus(inputs, store, stand_in_pipeline)
        assert (summary.new, summary.failed) == (1, 0)
        assert store.get_article("bad").published is None


# --------------------------------------------------------------------------- duplicate ids


def test_one_id_twice_in_one_input_is_one_article_and_one_conflict(tmp_path: Path, stand_in_pipeline) -> None:
    path = write_jsonl(tmp_path / "dump.jsonl", [
        {"id": "dup", "text": TEXT},
        {"id": "dup", "text": TEXT.replace("three", "four")},
        {"id": "dup", "text": TEXT},  # the same article again: skipped, not a conflict
    ])  # fmt: skip
    db = tmp_path / "dup.db"
    with Store.open(db) as store:
        summary = ingest_corpus(read_articles([str(path)], IngestConfig()), store, stand_in_pipeline)
        assert (summary.new, summary.conflicts, summary.skipped) == (1, 1, 1)
        assert store.get_article("dup").text == TEXT  # the first text is kept
        status = store.status()
        assert (status["articles"], status["events"], status["conflicts"]) == (1, 1, 1)
    connection = sqlite3.connect(db)
    try:
        ((conflict_id,),) = connection.execute("SELECT article_id FROM conflicts").fetchall()
    finally:
        connection.close()
    assert conflict_id == "dup"


# --------------------------------------------------------------------------- SQL in values


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    """A store whose ids, titles, texts and event types are themselves hostile strings."""
    path = tmp_path / "hostile.db"
    with Store.open(path) as store:
        run = store.start_run("test", extractor="x", data_fingerprint="y")
        for n, value in enumerate(["plain", *HOSTILE]):
            article = Article(id=f"{value}-{n}", text=f"{TEXT} {value}", title=value)
            event = make_event(type_=value, id=f"e-{n}", article_id=article.id, evidence=Span(TEXT[:6], 0, 6))
            store.save_result(ExtractionResult(article, [event], []), run)
    return path


def test_hostile_filter_values_are_data_never_sql(hostile_store: Path, integrity) -> None:
    schema = tables(hostile_store)
    with Store.open(hostile_store) as store:
        before = store.status()
        for value in HOSTILE:
            # Matched as exact values: "%" or "_" are not wildcards, quotes do not end a string.
            found = [event.type for _, event in store.iter_events(types=[value])]
            assert found == [value]
            assert list(store.iter_events(countries=[value])) == []
            assert list(store.iter_incidents(types=[value], countries=[value])) == []
            for name in ("since", "until"):
                with pytest.raises(StoreError, match="is not a date"):
                    list(store.iter_events(**{name: value}))
                with pytest.raises(StoreError, match="is not a date"):
                    list(store.iter_incidents(**{name: value}))
            try:
                hits = store.search(value)
            except StoreError:
                pass  # not valid FTS5 syntax: refused with a message, which is fine
            else:
                assert all(isinstance(article_id, str) for article_id, _ in hits)
            quoted = '"' + value.replace('"', '""') + '"'
            if "\x00" in value:  # FTS5 reads NUL as the end of the query: refused, cleanly
                with pytest.raises(StoreError, match="not a valid full-text query"):
                    store.search(quoted)
            else:  # in double quotes anything is searched as written
                assert all(isinstance(article_id, str) for article_id, _ in store.search(quoted))
        assert store.status() == before
    assert tables(hostile_store) == schema
    assert integrity(hostile_store) == "ok"


def test_hostile_ids_round_trip_exactly(hostile_store: Path) -> None:
    with Store.open(hostile_store) as store:
        for n, value in enumerate(HOSTILE, start=1):
            stored = store.get_article(f"{value}-{n}")
            assert stored is not None and stored.title == value
        assert store.get_article("' OR '1'='1") is None


# --------------------------------------------------------------------------- path-like ids


def test_path_like_ids_are_plain_ids_and_touch_no_file(
    tmp_path: Path, stand_in_pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # so that the relative id would land in `target` if it were a path
    target = tmp_path / "outside"
    path_ids = [
        "../../etc/passwd",
        str(target / "absolute"),
        os.path.relpath(target / "relative", start=work),
        "..\\..\\windows\\win.ini",
        "file:///etc/passwd",
        "con",
    ]
    dump = write_jsonl(work / "dump.jsonl", [
        {"id": article_id, "text": f"{TEXT} Report {n}."} for n, article_id in enumerate(path_ids)
    ])  # fmt: skip
    db = work / "ids.db"
    with Store.open(db) as store:
        summary = ingest_corpus(read_articles([str(dump)], IngestConfig()), store, stand_in_pipeline)
        assert summary.new == len(path_ids)
        for article_id in path_ids:
            stored = store.get_article(article_id)
            assert stored is not None and stored.id == article_id
    assert not target.exists()
    assert {p.name for p in work.iterdir()} <= {"dump.jsonl", "ids.db", "ids.db-wal", "ids.db-shm"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]
