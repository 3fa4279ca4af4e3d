"""Executors: where extraction runs. Scale-out swaps the executor; the pipeline is never forked.

Every executor has the one method a corpus run needs, `extract(inputs)`, with the contract of
`Pipeline.extract`: one `ExtractionResult` or `Failure` per input, in input order, Failures from
ingest passed through. They differ only in where `extract_partition` (`worker.py`) runs:

- `local`: in this process (the `Pipeline` itself);
- `processes`: in N local worker processes (`--workers N`), each loading its resources once;
- `dask`: on a Dask cluster: a running one (`--scheduler tcp://HOST:8786`) or a `LocalCluster`
  of N worker processes started for the run.

Results stream back to the caller, which is the one writer of the store, so the store stays
consistent and a rerun stays idempotent; the event ids are those of a local run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, Protocol

from eventwire.config import Config
from eventwire.errors import ConfigError
from eventwire.records import Article, ExtractionResult, Failure

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

__all__ = ["EXECUTORS", "Executor", "close_executor", "open_executor"]

ExecutorKind = Literal["local", "processes", "dask"]
EXECUTORS: tuple[ExecutorKind, ...] = ("local", "processes", "dask")


class Executor(Protocol):
    """What a corpus run extracts with: a `Pipeline`, or a pool of workers that each hold one."""

    data_fingerprint: str

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]: ...


def open_executor(
    config: Config,
    kind: ExecutorKind = "local",
    *,
    workers: int = 1,
    scheduler: str | None = None,
    partition_size: int = 200,
    pipeline: Pipeline | None = None,
) -> Executor:
    """An executor of `kind`; close it with `close_executor` (or use it as a context manager).

    `local` uses `pipeline` (loaded from `config` when None). The others build the place index
    first, here, so that workers open it rather than race to build it.
    """
    if kind not in EXECUTORS:
        raise ConfigError(f"unknown executor {kind!r}; use one of {', '.join(EXECUTORS)}")
    if workers < 1 or partition_size < 1:
        raise ConfigError("workers and partition size must be at least 1")
    if kind == "local":
        if scheduler is not None:
            raise ConfigError("--scheduler needs --executor dask")
        from eventwire.pipeline import Pipeline

        return pipeline or Pipeline.load(config)
    from eventwire.resolve.gazetteer import build_index

    build_index(config.gazetteer)
    if kind == "processes":
        from eventwire.backends.processes import ProcessExecutor

        return ProcessExecutor(config, workers=workers, partition_size=partition_size)
    from eventwire.backends.dask_cluster import DaskExecutor

    return DaskExecutor(config, workers=workers, scheduler=scheduler, partition_size=partition_size)


def close_executor(executor: Executor) -> None:
    """Stop an executor's workers; a local `Pipeline` has none."""
    close = getattr(executor, "close", None)
    if close is not None:
        close()
