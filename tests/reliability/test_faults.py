"""Resource faults on real store files: a full disk, a second writer, a read-only path.

Each must end in a `StoreError` that says what happened and what to do (never a bare
sqlite3 error, never a traceback through the CLI), and leave the file as its last commit left it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.corpus import ingest_corpus
from eventwire.errors import StoreError
from eventwire.records import Article
from eventwire.store import Store

REPORT = "Shelling hit the northern district of the town on Monday, officials said. "
AS_ROOT = os.geteuid() == 0


def report(n: int, repeat: int = 1) -> Article:
    return Article(id=f"r-{n}", text=f"Report {n}. " + REPORT * repeat, title=f"Report {n}")


def stored_texts(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        return dict(connection.execute("SELECT id, text FROM articles"))
    finally:
        connection.close()


@pytest.fixture
def filled_store(tmp_path: Path, stand_in_pipeline) -> Path:
    """A store with three committed reports, closed."""
    path = tmp_path / "filled.db"
    with Store.open(path) as store:
        summary = ingest_corpus([report(n) for n in range(3)], store, stand_in_pipeline)
    assert summary.new == 3
    return path


# --------------------------------------------------------------------------- disk full


def test_a_full_store_is_a_clear_error_and_keeps_what_was_committed(
    filled_store: Path, constrain_connections, integrity, stand_in_pipeline
) -> None:
    before = stored_texts(filled_store)
    constrain_connections(filled_store, "PRAGMA max_page_count = 1")
    store = Store.open(filled_store)
    try:
        run = store.start_run("test", extractor="x", data_fingerprint="y")
        big = report(99, repeat=2000)  # ~150 kB: needs pages the cap does not allow
        with pytest.raises(StoreError, match="disk is full or the store reached its size limit") as caught:
            (coded,) = stand_in_pipeline.extract([big])
            store.save_result(coded, run)
            store.commit()
        assert "r-99" in str(caught.value) or "commit" in str(caught.value)
        assert not isinstance(caught.value, sqlite3.Error)
        store.commit()  # nothing half-written is left to commit
    finally:
        store.close()
    assert integrity(filled_store) == "ok"
    assert stored_texts(filled_store) == before


def test_a_batch_that_fills_the_disk_leaves_only_whole_articles(
    filled_store: Path, constrain_connections, integrity, stand_in_pipeline
) -> None:
    before = stored_texts(filled_store)
    constrain_connections(filled_store, "PRAGMA max_page_count = 1")
    inputs = [report(10), report(11), report(12, repeat=2000), report(13)]
    with pytest.raises(StoreError, match="disk is full"), Store.open(filled_store) as store:
        ingest_corpus(inputs, store, stand_in_pipeline, commit_every=10)
    assert integrity(filled_store) == "ok"
    after = stored_texts(filled_store)
    # What was committed before is intact, and anything new is a whole, exact article.
    assert {key: after[key] for key in before} == before
    new = {key: text for key, text in after.items() if key not in before}
    assert all(text == report(int(key[2:])).text for key, text in new.items())
    assert "r-12" not in after


def test_ingest_into_a_full_store_exits_1_with_a_message_and_no_traceback(
    filled_store: Path, tmp_path: Path, constrain_connections, integrity, stand_in_pipeline, monkeypatch
) -> None:
    big = tmp_path / "long-report.txt"
    big.write_text("Shelling in the north\n\n" + REPORT * 2000, encoding="utf-8")
    monkeypatch.setattr("eventwire.backends.open_executor", lambda *args, **kwargs: stand_in_pipeline)
    before = stored_texts(filled_store)
    constrain_connections(filled_store, "PRAGMA max_page_count = 1")
    result = CliRunner().invoke(main, ["ingest", str(big), "--db", str(filled_store), "--no-incidents"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "disk is full or the store reached its size limit" in result.output
    assert "run the same command again" in result.output
    assert integrity(filled_store) == "ok"
    assert stored_texts(filled_store) == before


# --------------------------------------------------------------------------- a second writer


def test_a_store_locked_by_another_writer_waits_then_fails_clearly(filled_store: Path) -> None:
    holder = sqlite3.connect(filled_store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with Store.open(filled_store, busy_timeout_s=0.3) as store:
            assert store.status()["articles"] == 3  # reading is not blocked (WAL)
            started = time.monotonic()
            with pytest.raises(StoreError, match="another eventwire command .* is writing to it"):
                store.start_run("test", extractor="x", data_fingerprint="y")
            assert time.monotonic() - started >= 0.25  # it waited for the lock first
            holder.execute("ROLLBACK")
            run = store.start_run("test", extractor="x", data_fingerprint="y")  # free again: works
            assert run > 0
    finally:
        holder.close()


def test_creating_a_store_another_writer_holds_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="cannot open the store .*database is locked.*wait for it"):
            Store.open(path, busy_timeout_s=0.1)
    finally:
        holder.close()
    with Store.open(path) as store:  # nothing was half-created
        assert store.status()["articles"] == 0


# --------------------------------------------------------------------------- read-only


def test_a_read_only_store_refuses_writes_clearly(
    filled_store: Path, constrain_connections, integrity
) -> None:
    constrain_connections(filled_store, "PRAGMA query_only = ON")
    with Store.open(filled_store) as store:
        assert store.status()["articles"] == 3
        with pytest.raises(StoreError, match="read-only; check the permissions"):
            store.start_run("test", extractor="x", data_fingerprint="y")
    assert integrity(filled_store) == "ok"


def test_ingest_into_a_read_only_store_exits_1_without_a_traceback(
    filled_store: Path, tmp_path: Path, constrain_connections, stand_in_pipeline, monkeypatch
) -> None:
    page = tmp_path / "report.txt"
    page.write_text("Shelling in the north\n\n" + REPORT, encoding="utf-8")
    monkeypatch.setattr("eventwire.backends.open_executor", lambda *args, **kwargs: stand_in_pipeline)
    constrain_connections(filled_store, "PRAGMA query_only = ON")
    result = CliRunner().invoke(main, ["ingest", str(page), "--db", str(filled_store), "--no-incidents"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "read-only" in result.output


@pytest.mark.skipif(AS_ROOT, reason="root writes through chmod 0o555, so the directory is not read-only")
def test_a_store_in_a_read_only_directory_fails_clearly_on_open(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(StoreError, match="cannot open the store"):
            Store.open(locked / "new.db")
    finally:
        locked.chmod(0o755)
    assert not (locked / "new.db").exists()


@pytest.mark.skipif(AS_ROOT, reason="root writes through chmod 0o444, so the file is not read-only")
def test_a_read_only_store_file_fails_clearly_on_write(filled_store: Path) -> None:
    filled_store.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="read-only"), Store.open(filled_store) as store:
            store.start_run("test", extractor="x", data_fingerprint="y")
    finally:
        filled_store.chmod(0o644)
