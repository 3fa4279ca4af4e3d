"""Fixtures of the store tests: a fresh store file in tmp_path with one run started."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "eventwire.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = Store.open(store_path)
    yield opened
    opened.close()


@pytest.fixture
def run_id(store: Store) -> int:
    return store.start_run("test", extractor="eventwire-test", data_fingerprint="fp-1")
