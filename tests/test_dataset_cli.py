"""The dataset commands as a user runs them: real processes, a real store file, the real pipeline."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.export import ACLED_COLUMNS

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"

pytestmark = pytest.mark.model


def eventwire(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        **kwargs,
    )


def export(db: Path, fmt: str, output: Path) -> subprocess.CompletedProcess[str]:
    return eventwire("export", "--db", str(db), "--format", fmt, "-o", str(output))


def status(db: Path) -> dict[str, int]:
    result = eventwire("status", "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "sample.db"
    result = eventwire("ingest", str(CORPUS), "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (9, 0) and summary["events"] > 9
    assert summary["incidents"]["incidents"] > 0
    return db


def test_the_sample_corpus_is_stored_and_a_second_run_adds_nothing(sample_store):
    before = status(sample_store)
    assert before["articles"] == 9 and before["failures"] == 0 and before["events"] > 0
    again = eventwire("ingest", str(CORPUS), "--db", str(sample_store), "--json")
    assert again.returncode == 0
    summary = json.loads(again.stdout)
    assert {key: summary[key] for key in ("new", "updated", "skipped", "conflicts", "failed", "events")} == {
        "new": 0, "updated": 0, "skipped": 9, "conflicts": 0, "failed": 0, "events": 0,
    }
    assert (summary["incidents"]["new"], summary["incidents"]["updated"]) == (0, 0)
    assert status(sample_store) | {"runs": 0} == before | {"runs": 0}


def test_the_exports_load_with_their_columns(sample_store, tmp_path):
    acled = tmp_path / "events.csv"
    assert export(sample_store, "acled", acled).returncode == 0
    with acled.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(ACLED_COLUMNS) and len(ACLED_COLUMNS) == 31
    assert {row["country"] for row in rows} >= {"Syria", "Sudan"}

    geojson = tmp_path / "events.geojson"
    assert export(sample_store, "geojson", geojson).returncode == 0
    collection = json.loads(geojson.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == status(sample_store)["events"]

    import pyarrow.parquet as pq

    parquet = tmp_path / "events.parquet"
    assert export(sample_store, "parquet", parquet).returncode == 0
    table = pq.read_table(parquet)
    assert table.num_rows == status(sample_store)["events"]
    assert str(table.schema.field("latitude").type) == "double"


def test_the_two_reports_of_the_market_strike_are_one_incident_with_both_tolls(sample_store):
    result = eventwire("incidents", "--db", str(sample_store), "--json", "--limit", "0")
    assert result.returncode == 0, result.stderr
    incidents = json.loads(result.stdout)
    assert len(incidents) == status(sample_store)["incidents"]
    both = {"Levant Daily", "Idlib Monitor"}
    (market,) = [i for i in incidents if {report["source"] for report in i["reports"]} >= both]
    figures = {report["value"] for report in market["fatalities"]["reports"]}
    assert market["fatalities"]["low"] < market["fatalities"]["high"] and len(figures) > 1
    assert any(d["field"] == "killed" for d in market["disagreements"])
    assert market["corroboration"]["grade"] in ("corroborated", "contested")


def test_incidents_export_as_acled_rows_with_their_sources(sample_store, tmp_path):
    output = tmp_path / "incidents.csv"
    result = eventwire(
        "export", "--db", str(sample_store), "--format", "acled", "--unit", "incident", "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == list(ACLED_COLUMNS)
    assert any("Levant Daily" in row["source"] and "Idlib Monitor" in row["source"] for row in rows)


def test_export_filters_by_country(sample_store):
    result = eventwire("export", "--db", str(sample_store), "--format", "plover", "--country", "SDN")
    assert result.returncode == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all("SDN" in json.dumps(event) for event in events)


def test_bad_inputs_become_failures_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "good.txt").write_text(
        "Shelling kills four in Aleppo\n\nShelling killed four civilians in Aleppo on Monday, "
        "local officials said.\n",
        "utf-8",
    )
    (folder / "lines.jsonl").write_text(
        '{"id": "r1", "text": "Gunmen attacked a checkpoint in Dori on Sunday, killing three soldiers."}\n'
        "{not json\n",
        "utf-8",
    )
    db = tmp_path / "bad.db"
    result = eventwire("ingest", str(folder), "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (2, 3)
    assert "Traceback" not in result.stderr
    with sqlite3.connect(db) as connection:
        sources = {Path(row[0]).name for row in connection.execute("SELECT source FROM failures")}
    assert sources == {"empty.txt", "binary.txt", "lines.jsonl:2"}


def test_a_missing_or_foreign_store_is_a_clean_error(tmp_path):
    missing = eventwire("export", "--db", str(tmp_path / "none.db"), "--format", "csv")
    assert missing.returncode == 1 and "no store at" in missing.stderr
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database", "utf-8")
    result = eventwire("status", "--db", str(foreign))
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_an_ingest_killed_mid_run_resumes_with_nothing_lost_or_doubled(tmp_path):
    towns = ["Aleppo", "Homs", "Idlib", "Dori", "Mosul", "Kharkiv", "Hodeidah", "Gao"]
    corpus = tmp_path / "reports.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for n in range(150):
            town = towns[n % len(towns)]
            text = (
                f"Shelling hit {town} on Monday\n\nArtillery shells hit a market in {town} on Monday, "
                f"killing {n % 9 + 2} civilians and wounding {n % 7 + 3}, local officials said. "
                f"Report number {n}."
            )
            handle.write(json.dumps({"id": f"r{n}", "date": "2024-03-15", "text": text}) + "\n")
    db = tmp_path / "resume.db"
    command = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), "--quiet"]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed = 0
    deadline = time.monotonic() + 240
    try:
        while committed == 0 and time.monotonic() < deadline and writer.poll() is None:
            time.sleep(0.2)
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as reader:
                        committed = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:  # the schema is being created
                    committed = 0
        assert writer.poll() is None, "the ingest finished before it could be killed"
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait(timeout=60)
    assert 0 < status(db)["articles"] < 150
    stored_before = status(db)["articles"]
    resumed = eventwire("ingest", str(corpus), "--db", str(db), "--json")
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["skipped"] == stored_before and summary["new"] == 150 - stored_before
    # The same events as a run that was never interrupted: none lost, none doubled.
    clean = tmp_path / "clean.db"
    assert eventwire("ingest", str(corpus), "--db", str(clean), "--quiet").returncode == 0
    assert event_ids(db) == event_ids(clean) and len(event_ids(db)) >= 150
    assert status(db)["articles"] == 150


def event_ids(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT article_id, id FROM events ORDER BY article_id, id").fetchall()
