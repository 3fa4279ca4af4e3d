"""Opening files: migrations, versions, files that are no store, WAL, the spaCy-free import."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.store import SCHEMA_VERSION, Store
from eventwire.store.schema import APPLICATION_ID, MIGRATIONS, statements

TABLES = {
    "articles", "events", "event_actors", "event_figures", "event_attributions", "places", "checks",
    "failures", "conflicts", "runs", "articles_fts",
}  # fmt: skip


def test_a_fresh_file_gets_the_current_schema_in_wal_mode(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.path == store_path

    with sqlite3.connect(store_path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        assert TABLES <= names
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_the_data_and_migrates_nothing(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.start_run("first", extractor="x", data_fingerprint="y")
    with Store.open(store_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.status()["runs"] == 1


def test_foreign_keys_are_enforced(store: Store) -> None:
    from eventwire.records import Failure

    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.save_failure(Failure("x", "ingest", "E", "m"), run_id=12345)


def test_a_file_from_a_newer_version_is_refused(store_path: Path) -> None:
    Store.open(store_path).close()
    with sqlite3.connect(store_path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    with pytest.raises(StoreError, match="newer"):
        Store.open(store_path)


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database\n" * 10)

    with pytest.raises(StoreError, match="not an SQLite database"):
        Store.open(notes)
    assert notes.read_text().startswith("these are my notes")


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE names (name TEXT)")

    with pytest.raises(StoreError, match="not an eventwire store"):
        Store.open(other)
    with sqlite3.connect(other) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 0
        assert db.execute("PRAGMA journal_mode").fetchone()[0] != "wal"


def test_a_directory_or_missing_parent_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(tmp_path / "missing" / "eventwire.db")


def test_a_failing_migration_leaves_the_file_at_its_old_version(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.store.store as store_module

    broken = (MIGRATIONS[0], "CREATE TABLE extra (x);\nTHIS IS NOT SQL;\n")
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(broken))

    with pytest.raises(StoreError):
        Store.open(store_path)
    with sqlite3.connect(store_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0


def test_a_later_migration_applies_to_an_older_file(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.store.store as store_module

    Store.open(store_path).close()
    later = (*MIGRATIONS, "CREATE TABLE later_things (id TEXT PRIMARY KEY);\n")
    monkeypatch.setattr(store_module, "MIGRATIONS", later)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(later))

    with Store.open(store_path) as store:
        assert store.schema_version == len(later)
        assert store._db.execute("SELECT count(*) FROM later_things").fetchone()[0] == 0


def test_statements_keep_trigger_bodies_whole() -> None:
    script = (
        "-- a comment\nCREATE TABLE t (x);\n"
        "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    )
    assert list(statements(script)) == [
        "CREATE TABLE t (x);",
        "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;",
    ]
    with pytest.raises(ValueError, match="incomplete"):
        list(statements("CREATE TABLE t (x)"))


def test_every_table_and_column_is_documented() -> None:
    from eventwire.store import schema

    doc = schema.__doc__ or ""
    db = sqlite3.connect(":memory:")
    for script in MIGRATIONS:
        for statement in statements(script):
            db.execute(statement)
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
    for table in tables:
        if table.startswith("articles_fts_"):  # FTS5's own shadow tables
            continue
        assert f"``{table}``" in doc, table
        if table == "articles_fts":
            continue
        for column in (row[1] for row in db.execute(f"PRAGMA table_info({table})")):
            assert f"``{column}``" in doc, f"{table}.{column}"


def test_importing_the_store_does_not_import_spacy() -> None:
    code = "import eventwire.store, sys; assert 'spacy' not in sys.modules, 'spacy imported'"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
