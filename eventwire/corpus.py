"""Corpus runs: ingest a pile of reports into a store, or re-code what a store holds.

This is the job users come for: `ingest_corpus` takes what `read_articles` yields, skips what
the store already holds, extracts the rest with a loaded `Pipeline` and saves each result (or
failure) in the store. Work commits every `commit_every` articles, and an article is saved with
all its results at once, so a run killed at any point leaves a store that the same command
resumes: stored articles are skipped, the rest are coded, nothing is duplicated.

The same article met twice is skipped; the same id with other text is a conflict, recorded and
left alone unless `update` is given (then the article and its results are replaced together).
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire.errors import StoreError
from eventwire.records import EXTRACTOR_VERSION, Article, ExtractionResult, Failure, RunSummary
from eventwire.store.rows import text_sha256

if TYPE_CHECKING:
    from eventwire.backends import Executor
    from eventwire.store import Store

__all__ = ["ingest_corpus", "reprocess_corpus"]

COMMIT_EVERY = 50

Progress = Callable[[int], None]


def ingest_corpus(
    inputs: Iterable[Article | Failure],
    store: Store,
    pipeline: Executor,
    *,
    update: bool = False,
    commit_every: int = COMMIT_EVERY,
    progress: Progress | None = None,
    command: str = "ingest",
) -> RunSummary:
    """Code every new article of `inputs` into `store`; `progress(n)` is told of each input done.

    `pipeline` is a loaded `Pipeline` or any executor of `eventwire.backends` (worker processes,
    Dask): the run is the same, only where extraction happens differs.
    """
    run = _Run(store, pipeline, command, commit_every, progress)
    replacing: set[str] = set()
    seen: dict[str, str] = {}  # id -> text hash, for the same article twice in one run

    def new_articles() -> Iterator[Article | Failure]:
        for item in inputs:
            if isinstance(item, Failure):
                yield item
                continue
            state = _state_in_run(item, seen) or store.lookup(item)
            seen.setdefault(item.id, text_sha256(item.text))
            if state == "same":
                run.tally("skipped")
            elif state == "conflict" and not update:
                store.save_conflict(item, run.id)
                run.tally("conflicts")
            else:
                if state == "conflict":
                    replacing.add(item.id)
                yield item

    return run.code(new_articles(), replacing)


def reprocess_corpus(
    store: Store,
    pipeline: Executor,
    *,
    commit_every: int = COMMIT_EVERY,
    progress: Progress | None = None,
) -> RunSummary:
    """Re-code the stored articles whose results another extractor version or data produced."""
    run = _Run(store, pipeline, "reprocess", commit_every, progress)
    # `stale_articles` reads the ids first, so results may be replaced while it yields; every
    # article it yields is one whose results are replaced.
    replacing: set[str] = set()

    def stale() -> Iterator[Article]:
        for article in store.stale_articles(
            extractor=EXTRACTOR_VERSION, data_fingerprint=pipeline.data_fingerprint
        ):
            replacing.add(article.id)
            yield article

    return run.code(stale(), replacing)


class _Run:
    """One run's bookkeeping: its row in `runs`, its counts, batching of commits."""

    def __init__(
        self, store: Store, pipeline: Executor, command: str, commit_every: int, progress: Progress | None
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.commit_every = max(1, commit_every)
        self.progress = progress
        self.counts: Counter[str] = Counter()
        self.started = time.perf_counter()
        self.id = store.start_run(
            command, extractor=EXTRACTOR_VERSION, data_fingerprint=pipeline.data_fingerprint
        )

    def tally(self, what: str) -> None:
        self.counts[what] += 1
        if self.progress is not None:
            self.progress(1)

    def code(self, articles: Iterable[Article | Failure], replacing: set[str]) -> RunSummary:
        done_since_commit = 0
        try:
            for outcome in self.pipeline.extract(articles):
                self._save(outcome, replacing)
                done_since_commit += 1
                if done_since_commit >= self.commit_every:
                    self.store.commit()
                    done_since_commit = 0
        except BaseException:
            # Ctrl-C or an error: what was coded stays, and the run says how far it got; if
            # that fails too (the disk is full), the first error is the one the user sees.
            with contextlib.suppress(StoreError):
                self._close_run()
            raise
        self._close_run()
        return RunSummary(
            run_id=self.id,
            new=self.counts["new"],
            updated=self.counts["updated"],
            skipped=self.counts["skipped"],
            conflicts=self.counts["conflicts"],
            failed=self.counts["failed"],
            events=self.counts["events"],
            seconds=time.perf_counter() - self.started,
        )

    def _close_run(self) -> None:
        self.store.commit()
        self.store.finish_run(self.id, self.counts)

    def _save(self, outcome: ExtractionResult | Failure, replacing: set[str]) -> None:
        if isinstance(outcome, Failure):
            self.store.save_failure(outcome, self.id)
            self.tally("failed")
            return
        replace = outcome.article.id in replacing
        self.store.save_result(outcome, self.id, replace=replace)
        self.counts["events"] += len(outcome.events)
        self.tally("updated" if replace else "new")


def _state_in_run(article: Article, seen: dict[str, str]) -> str | None:
    if article.id not in seen:
        return None
    return "same" if seen[article.id] == text_sha256(article.text) else "conflict"
