"""A writer killed with SIGKILL mid-batch: the same command continues, nothing lost or doubled."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

# The ingest loop the CLI runs, reduced to its store calls: skip what is stored, commit every
# BATCH articles, and (on the first try) die without warning after KILL_AFTER articles.
WRITER = """
import json, os, signal, sys
from eventwire.records import Article, Event, ExtractionResult, ResolvedDate, Span
from eventwire.store import Store

path, kill_after = sys.argv[1], int(sys.argv[2])
BATCH = 3
store = Store.open(path)
run = store.start_run("ingest", extractor="v1", data_fingerprint="fp")
counts = {"new": 0, "skipped": 0}
for n in range(10):
    article = Article(id=f"a{n}", text=f"Article number {n}: shelling reported.")
    if store.lookup(article) == "same":
        counts["skipped"] += 1
        continue
    start = article.text.index("shelling")
    event = Event(
        id=f"e{n}", type="ASSAULT", mode=None, cameo="190", acled_event_type=None,
        acled_sub_event_type=None, source_actors=[], target_actors=[],
        date=ResolvedDate(None, "unknown", ""), location=None, quantities=[], fatalities=None,
        injuries=None, attributed_to=[], status="asserted", evidence=Span("shelling", start, start + 8),
        confidence=0.5, article_id=article.id,
    )
    store.save_result(ExtractionResult(article, [event], [], extractor="v1", data_fingerprint="fp"), run)
    counts["new"] += 1
    if counts["new"] % BATCH == 0:
        store.commit()
    if n + 1 == kill_after:
        os.kill(os.getpid(), signal.SIGKILL)
store.finish_run(run, counts)
store.close()
print(json.dumps(counts))
"""


def run_writer(store_path: Path, kill_after: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WRITER, str(store_path), str(kill_after)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_run_resumes_where_it_stopped(tmp_path: Path) -> None:
    store_path = tmp_path / "eventwire.db"

    killed = run_writer(store_path, kill_after=8)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with sqlite3.connect(store_path) as db:
        # Articles 0-5 were committed in two batches; 6 and 7 were in the open batch.
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 6

    resumed = run_writer(store_path, kill_after=-1)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout) == {"new": 4, "skipped": 6}

    with sqlite3.connect(store_path) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")]
        events = db.execute("SELECT count(*), count(DISTINCT article_id) FROM events").fetchone()
        unfinished = db.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone()[0]
        indexed = db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ("shelling",)
        ).fetchone()
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert ids == sorted(f"a{n}" for n in range(10))
    assert events == (10, 10)
    assert indexed == (10,)
    assert unfinished == 1  # the killed run stays visible as one that never finished
