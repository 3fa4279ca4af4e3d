"""A worker whose resources cannot load reports it with its first partition, not by crashing."""

from __future__ import annotations

import pytest

from eventwire.backends import worker
from eventwire.config import load_config
from eventwire.errors import ResourceError


def test_a_failed_load_is_raised_by_the_first_partition(monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot_load(*_: object) -> None:
        raise ResourceError("spaCy pipeline 'missing' is not installed")

    monkeypatch.setattr(worker, "_load_errors", [])
    monkeypatch.setattr(worker, "_pipeline_for", cannot_load)
    config = load_config()
    worker.load_worker_pipeline(config)  # what a pool's initializer runs: it must not raise
    with pytest.raises(ResourceError, match="not installed"):
        worker.extract_partition(config, [])
