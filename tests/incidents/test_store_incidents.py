"""The incidents tables: the migration from version 1, filters, counts, round trips."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from incidents.incident_reports import KABUL, store_report, strike

from eventwire.errors import StoreError
from eventwire.incidents import build_incidents
from eventwire.records import to_dict
from eventwire.store import SCHEMA_VERSION, Store
from eventwire.store.schema import APPLICATION_ID, MIGRATIONS, statements


def test_a_version_1_store_migrates_to_the_incident_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        for statement in statements(MIGRATIONS[0]):
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.close()

    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        assert store.status()["incidents"] == 0
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert {"incidents", "incident_events"} <= tables


def stored_two_incidents(store: Store) -> None:
    store_report(store, "a1", "Levant Daily", [strike("syria", "a1", killed=3)])
    store_report(
        store, "a2", "Kabul Times", [strike("afg", "a2", place=KABUL, day="2024-05-10", mode="explosives")]
    )
    build_incidents(store)


def test_incidents_filter_by_date_country_type_and_box(store: Store) -> None:
    stored_two_incidents(store)

    def ids(**filters):  # type: ignore[no-untyped-def]
        return [event for incident in store.iter_incidents(**filters) for event in incident.event_ids]

    assert ids() == ["syria", "afg"]  # by first day
    assert ids(since="2024-04") == ["afg"]
    assert ids(until="2024-03-01") == ["syria"]
    assert ids(countries=["afg"]) == ["afg"]
    assert ids(types=["assault"]) == ["syria", "afg"]
    assert ids(bbox=(60.0, 30.0, 75.0, 40.0)) == ["afg"]
    with pytest.raises(StoreError, match="not a date"):
        ids(since="last week")


def test_the_stored_record_round_trips_and_the_flat_columns_match(store: Store, tmp_path: Path) -> None:
    stored_two_incidents(store)
    incident = next(store.iter_incidents(countries=["SYR"]))

    row = store._db.execute(  # the flat columns are what Datasette and DuckDB users query
        "SELECT fatalities_best, n_events, n_articles, n_sources, grade, geonameid, date_low FROM incidents"
        " WHERE id = ?",
        (incident.id,),
    ).fetchone()
    members = store._db.execute(
        "SELECT event_id, article_id FROM incident_events WHERE incident_id = ?", (incident.id,)
    ).fetchall()

    assert tuple(row) == (3, 1, 1, 1, "single source", 170063, "2024-03-01")
    assert [tuple(m) for m in members] == [("syria", "a1")]
    assert to_dict(incident)["fatalities"]["reports"][0]["value"] == 3
    assert store.status()["incidents"] == 2


def test_deleting_an_article_deletes_its_incident_rows(store: Store) -> None:
    stored_two_incidents(store)
    store._db.execute("DELETE FROM articles WHERE id = 'a2'")

    assert store.stale_incident_ids() == [next(i.id for i in store.iter_incidents(countries=["AFG"]))]
    build_incidents(store)

    assert [i.event_ids for i in store.iter_incidents()] == [("syria",)]
