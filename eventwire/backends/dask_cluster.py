"""Dask: `--executor dask`, on a running cluster (`--scheduler`) or a `LocalCluster` of processes.

Partitions are submitted as tasks of `extract_partition` with retries, so a partition whose
worker dies is run again; results come back to the driver, the store's one writer, and a
partition run twice is saved once because only the driver writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.backends.worker import (
    extract_partition,
    load_worker_pipeline,
    ordered_results,
    worker_fingerprint,
)
from eventwire.config import Config
from eventwire.errors import ConfigError
from eventwire.records import Article, ExtractionResult, Failure

__all__ = ["DaskExecutor"]

RETRIES = 2
#: A Dask worker's statistical profiler samples the task thread's stack every 10 ms, taking the
#: GIL from a task that is nearly all Python: it made each LocalCluster worker ~1.5x slower than
#: a plain worker process (the same calls, measured with cProfile in both; with it off, 16.1
#: against 17.1 articles/s for two workers). Its GIL monitor (when gilknocker is installed) polls
#: every 1 ms. The workers we start run without both; a running cluster keeps its own settings
#: (`distributed.worker.profile.enabled` on its workers).
_QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
}


class DaskExecutor:
    def __init__(self, config: Config, *, workers: int, scheduler: str | None, partition_size: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError(
                "the dask executor needs dask.distributed: pip install 'eventwire[dask]'"
            ) from exc
        self.config = config
        self.partition_size = partition_size
        self.data_fingerprint = worker_fingerprint(config)
        self._cluster: Any = None
        if scheduler is None:
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # inherited by the worker processes
            import dask

            with dask.config.set(_QUIET_WORKERS):
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,  # spaCy and our resources are used by one thread each
                    processes=True,
                    dashboard_address=None,
                    host="127.0.0.1",
                )
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(scheduler, timeout="30s")
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        addresses = list(self._client.scheduler_info().get("workers", {}))
        self.workers = max(1, len(addresses) or workers)
        # Every worker present loads its pipeline now, in its task thread, all in parallel (a
        # worker that joins later loads on its first partition; a load that fails is reported
        # with the articles of the first partition, see load_worker_pipeline).
        loading = [
            self._client.submit(
                load_worker_pipeline, config, workers=[address], allow_other_workers=False, pure=False
            )
            for address in addresses
        ]
        try:
            for future in loading:
                future.result()
        except BaseException:
            self.close()  # a worker that cannot load its resources: stop the cluster we started
            raise

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        return ordered_results(
            lambda partition: self._client.submit(
                extract_partition, self.config, partition, pure=False, retries=RETRIES
            ),
            inputs,
            partition_size=self.partition_size,
            in_flight=2 * self.workers,
        )

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
