"""Local worker processes: `--executor processes --workers N` (or `local` with `--workers N`)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from eventwire.backends.worker import (
    extract_partition,
    load_worker_pipeline,
    ordered_results,
    worker_fingerprint,
)
from eventwire.config import Config
from eventwire.records import Article, ExtractionResult, Failure

__all__ = ["ProcessExecutor"]


class ProcessExecutor:
    """N spawned worker processes, each with its own pipeline, fed partitions in order."""

    def __init__(self, config: Config, *, workers: int, partition_size: int) -> None:
        # One BLAS thread per process: with more, two processes on two cores fight for them
        # (measured here: no speed-up at all from a second process without this).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        self.config = config
        self.workers = workers
        self.partition_size = partition_size
        self.data_fingerprint = worker_fingerprint(config)
        # spawn, not fork: a forked copy of a process that already holds threads (or a loaded
        # model) is not safe, and spawn behaves the same on every platform.
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=load_worker_pipeline,
            initargs=(config,),
        )

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        return ordered_results(
            lambda partition: self._pool.submit(extract_partition, self.config, partition),
            inputs,
            partition_size=self.partition_size,
            in_flight=2 * self.workers,
        )

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
