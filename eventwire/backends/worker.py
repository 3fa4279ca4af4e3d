"""The batch function every executor runs, and the per-process resources it runs with.

`extract_partition(config, items)` is a plain picklable function of a picklable config and
records, so a worker process or a Dask worker can run it. Each process loads its `Pipeline` once
(from the config alone) and reuses it; after `recycle_after` documents it loads a fresh one,
because spaCy's vocabulary and string store only grow, and a long-lived worker would otherwise
grow without bound.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from eventwire.config import Config
from eventwire.records import Article, ExtractionResult, Failure
from eventwire.resources import resources_fingerprint

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

__all__ = ["extract_partition", "load_worker_pipeline", "ordered_results", "partitions", "worker_fingerprint"]

log = logging.getLogger(__name__)

RECYCLE_AFTER = 20_000

T = TypeVar("T")

# This process's loaded pipeline, keyed by the config it was loaded from, and the number of
# documents it has coded. Process state on purpose: it is what "each worker loads its
# resources once" means; the driver process never uses it.
_loaded: dict[str, tuple[Pipeline, int]] = {}
_load_errors: list[Exception] = []


def extract_partition(
    config: Config, items: list[Article | Failure], recycle_after: int = RECYCLE_AFTER
) -> list[ExtractionResult | Failure]:
    """Extract one partition with this process's pipeline, in order."""
    if _load_errors:
        raise _load_errors[0]
    pipeline = _pipeline_for(config, len(items), recycle_after)
    return list(pipeline.extract(items))


def load_worker_pipeline(config: Config) -> None:
    """Load this process's pipeline now: executors call it once as each worker starts, so that
    the workers load in parallel. A load that fails is kept and raised by the first partition,
    whose articles then become Failures with its message, as when the load happens there."""
    try:
        _pipeline_for(config, 0, RECYCLE_AFTER)
    except Exception as exc:  # noqa: BLE001 - reported per article by extract_partition
        _load_errors[:] = [exc]


def _pipeline_for(config: Config, documents: int, recycle_after: int) -> Pipeline:
    from eventwire.pipeline import Pipeline

    key = repr(config)
    pipeline, done = _loaded.get(key, (None, 0))
    if pipeline is None or done >= recycle_after:
        _loaded.clear()
        pipeline, done = Pipeline.load(config), 0
    _loaded[key] = (pipeline, done + documents)
    return pipeline


def worker_fingerprint(config: Config) -> str:
    """The data fingerprint a worker's results carry (the one `Pipeline` computes)."""
    return resources_fingerprint(config)


def partitions(inputs: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in inputs:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ordered_results(
    submit: Callable[[list[Article | Failure]], Any],
    inputs: Iterable[Article | Failure],
    *,
    partition_size: int,
    in_flight: int,
) -> Iterator[ExtractionResult | Failure]:
    """Submit partitions as futures, at most `in_flight` at once, and yield results in order.

    Bounding the futures in flight bounds the driver's memory on a corpus of any size, and
    reading the input lazily lets the caller skip stored articles before they are sent.
    """
    pending: deque[tuple[Any, list[Article | Failure]]] = deque()
    for partition in partitions(inputs, partition_size):
        pending.append((submit(partition), partition))
        if len(pending) >= in_flight:
            yield from _outcomes(*pending.popleft())
    while pending:
        yield from _outcomes(*pending.popleft())


def _outcomes(future: Any, partition: list[Article | Failure]) -> list[ExtractionResult | Failure]:
    """A partition's results; if its worker died (killed for memory, a crash in a library),
    one Failure per article of it, so that the run goes on and a rerun codes them again."""
    try:
        return list(future.result())
    except Exception as exc:  # noqa: BLE001 - a lost worker must not end the batch
        log.error("a worker lost a partition of %d inputs: %s", len(partition), exc)
        return [
            item if isinstance(item, Failure) else Failure(
                item.source or item.id, "extract", "WorkerError",
                f"the worker coding this article stopped ({type(exc).__name__}: {exc}); "
                "run the same command again to retry it", item.id,
            )
            for item in partition
        ]
