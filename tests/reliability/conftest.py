"""Fixtures of the reliability tests: a stand-in pipeline, an integrity check, and a way to
constrain the connection a `Store` opens (a size cap, read-only) without root or a special
filesystem."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from builders import make_event

from eventwire.records import Article, ExtractionResult, Failure, Span


class OneEventPipeline:
    """Codes every article as one event without spaCy, so these tests are about the store."""

    data_fingerprint = "fp-reliability"

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for item in inputs:
            if isinstance(item, Failure):
                yield item
                continue
            event = make_event(id=f"e-{item.id}", article_id=item.id, evidence=Span(item.text[:5], 0, 5))
            yield ExtractionResult(item, [event], [], data_fingerprint=self.data_fingerprint)


# Not named `pipeline`: tests/conftest.py marks every test asking for that fixture `model`.
@pytest.fixture
def stand_in_pipeline() -> OneEventPipeline:
    return OneEventPipeline()


@pytest.fixture
def integrity() -> Callable[[Path], str]:
    """`integrity(path)`: `PRAGMA integrity_check` of the file, from a connection of its own."""

    def check(path: Path) -> str:
        connection = sqlite3.connect(path)
        try:
            return connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()

    return check


@pytest.fixture
def constrain_connections(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, str], None]:
    """`constrain(path, pragma)`: every later connection to `path` runs `pragma` first.

    ``PRAGMA max_page_count = 1`` caps a store at its current size (SQLite never lowers the cap
    below the pages in use), which is what a full disk looks like to SQLite: SQLITE_FULL.
    ``PRAGMA query_only = ON`` refuses writes as a read-only file does: SQLITE_READONLY.
    """
    real_connect = sqlite3.connect

    def constrain(path: Path, pragma: str) -> None:
        def connect(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
            connection = real_connect(database, *args, **kwargs)  # type: ignore[arg-type]
            if str(database) == str(path):
                connection.execute(pragma)
            return connection

        monkeypatch.setattr(sqlite3, "connect", connect)

    return constrain
