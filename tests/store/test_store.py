"""The store on real SQLite files: round trips, idempotence, filters, search, atomicity."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from builders import make_event, make_place

from eventwire.errors import EventwireError, StoreError
from eventwire.records import (
    Actor,
    Article,
    Attribution,
    ConsistencyCheck,
    Estimate,
    Event,
    ExtractionResult,
    Failure,
    Quantity,
    ResolvedDate,
    Span,
    to_dict,
)
from eventwire.store import Store

TEXT = "Drones attacked the Hmeymim air base on Saturday, the ministry said. Two soldiers were killed."


def article(article_id: str = "a1", text: str = TEXT, **fields: Any) -> Article:
    return Article(id=article_id, text=text, **fields)


def dated_event(event_id: str, value: str | None, precision: str = "day", **fields: Any) -> Event:
    return make_event(id=event_id, date=ResolvedDate(value=value, precision=precision, text=""), **fields)  # type: ignore[arg-type]


def located_event(event_id: str, lon: float, lat: float, country: str | None = None, **fields: Any) -> Event:
    return make_event(id=event_id, location=make_place(lon=lon, lat=lat, country=country), **fields)


def result(source: Article, events: list[Event], **fields: Any) -> ExtractionResult:
    values: dict[str, Any] = {"places": [], "extractor": "eventwire-test", "data_fingerprint": "fp-1"}
    values.update(fields)
    return ExtractionResult(article=source, events=events, **values)


def full_event(article_id: str = "a1") -> Event:
    """An event with every kind of nested record, so the round trip exercises them all."""
    ministry = Attribution("the ministry", "RUS", "GOV", Span("the ministry", 50, 62), "said")
    killed = Quantity("killed", 2, 2, 2, "Two", Span("Two", 69, 72), ministry, "claimed")
    return make_event(
        id="ev-full",
        mode="drone",
        cameo="195",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        source_actors=[Actor("Drones", None, "UAF", Span("Drones", 0, 6))],
        target_actors=[Actor("air base", "RUS", "MIL", Span("air base", 28, 36)), Actor("IS", None, "REB",
                       transnational=True)],
        date=ResolvedDate("2018-01-06", "day", "Saturday", Span("Saturday", 40, 48), anchored=True),
        location=make_place("Hmeymim", geonameid=8015556, lat=35.41, lon=35.95, country="SYR",
                            admin1="Latakia", feature_code="AIRB", score=0.9, reason="hint"),
        quantities=[killed],
        fatalities=Estimate(2, 2, 2, reports=[killed]),
        injuries=Estimate(None, None, None),
        attributed_to=[ministry],
        status="claimed",
        evidence=Span(TEXT[:67], 0, 67),
        confidence=0.8,
        article_id=article_id,
        trigger=Span("attacked", 7, 15),
        link="link-1",
        mentions=[Span("attacked", 7, 15)],
    )  # fmt: skip


def count(store_path: Path, table: str) -> int:
    with sqlite3.connect(store_path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --------------------------------------------------------------------------- round trip


def test_saved_events_come_back_equal_with_their_article(store: Store, run_id: int) -> None:
    source = article(
        title="Drone attack", published="2018-01-12", url="https://example.org/a1", source="a.txt"
    )
    event = full_event()
    check = ConsistencyCheck("unsourced_figures", False, "no source", [Span("Two", 69, 72)])
    store.save_result(
        result(source, [event], places=[event.location], warnings=["short"], checks=[check]), run_id
    )
    store.commit()

    [(got_article, got_event)] = list(store.iter_events())

    assert got_article == source
    assert got_event == event
    assert to_dict(got_event) == to_dict(event)  # Estimate.reports is left out of ==
    assert store.get_article("a1") == source


def test_flat_columns_and_child_rows_hold_the_event(store: Store, run_id: int, store_path: Path) -> None:
    store.save_result(result(article(), [full_event()], places=[make_place("Latakia")]), run_id)
    store.commit()

    with sqlite3.connect(store_path) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("SELECT * FROM events").fetchone()
        actors = db.execute(
            "SELECT role, text, country, transnational FROM event_actors ORDER BY role, position"
        )
        figures = db.execute("SELECT what, value, source_text FROM event_figures").fetchall()
        cues = db.execute("SELECT cue FROM event_attributions").fetchall()
        places = db.execute("SELECT name FROM places").fetchall()
        sha256, extractor = db.execute("SELECT sha256, extractor FROM articles").fetchone()

        assert (row["type"], row["country"], row["geonameid"], row["fatalities_best"]) == (
            "ASSAULT",
            "SYR",
            8015556,
            2,
        )
        assert (row["date_start"], row["date_end"], row["geo_precision"]) == ("2018-01-06", "2018-01-06", 1)
        assert [tuple(r) for r in actors] == [
            ("source", "Drones", None, 0),
            ("target", "air base", "RUS", 0),
            ("target", "IS", None, 1),
        ]
        assert [tuple(r) for r in figures] == [("killed", 2, "the ministry")]
        assert [r[0] for r in cues] == ["said"]
        assert [r[0] for r in places] == ["Latakia"]
        assert len(sha256) == 64 and extractor == "eventwire-test"  # fmt: skip


# --------------------------------------------------------------------------- idempotence


def test_lookup_tells_new_same_and_conflict(store: Store, run_id: int) -> None:
    assert store.lookup(article()) == "new"
    store.save_result(result(article(), []), run_id)
    store.commit()

    assert store.lookup(article(title="another title, same text")) == "same"
    assert store.lookup(article(text=TEXT + " Updated.")) == "conflict"
    assert store.lookup(article("a2")) == "new"


def test_saving_a_stored_article_again_without_replace_is_refused(store: Store, run_id: int) -> None:
    store.save_result(result(article(), [make_event(id="e1")]), run_id)
    with pytest.raises(StoreError, match="already"):
        store.save_result(result(article(), [make_event(id="e1")]), run_id)
    store.commit()
    assert store.status()["articles"] == 1 and store.status()["events"] == 1


def test_replace_swaps_the_text_and_all_results(store: Store, run_id: int) -> None:
    store.save_result(
        result(article(), [full_event(), make_event(id="e-old")], places=[make_place()]), run_id
    )
    store.commit()
    new_text = TEXT + " Updated."

    store.save_result(result(article(text=new_text), [make_event(id="e-new")]), run_id, replace=True)
    store.commit()

    assert store.lookup(article(text=new_text)) == "same"
    assert [event.id for _, event in store.iter_events()] == ["e-new"]
    counts = store.status()
    assert (counts["articles"], counts["events"], counts["places"]) == (1, 1, 0)
    assert store.search("Updated") == [("a1", "")]


def test_a_replaced_article_keeps_its_place_in_the_storage_order(
    store: Store, run_id: int, store_path: Path
) -> None:
    # Incident ids are named after their earliest stored member: a reprocess must not move it.
    store.save_result(result(article(), []), run_id)
    store.save_result(result(article("a2"), []), run_id)
    store.save_result(result(article(text=TEXT + " Again."), []), run_id, replace=True)
    store.commit()
    connection = sqlite3.connect(store_path)
    try:
        order = connection.execute("SELECT id FROM articles ORDER BY seq").fetchall()
    finally:
        connection.close()
    assert order == [("a1",), ("a2",)]
    assert store.search("Again") == [("a1", "")]


def test_conflicts_are_recorded_once_and_keep_the_stored_text(
    store: Store, run_id: int, store_path: Path
) -> None:
    store.save_result(result(article(), []), run_id)
    changed = article(text=TEXT + " Changed.", title="New title", source="b.txt")

    store.save_conflict(changed, run_id)
    store.save_conflict(changed, run_id)
    store.save_conflict(article(text=TEXT + " Changed again."), run_id)
    store.commit()

    assert store.status()["conflicts"] == 2
    assert store.get_article("a1") == article()
    with sqlite3.connect(store_path) as db:
        assert db.execute("SELECT title, source FROM conflicts ORDER BY id").fetchone() == (
            "New title",
            "b.txt",
        )


def test_failures_are_not_duplicated(store: Store, run_id: int) -> None:
    failure = Failure("in.jsonl:3", "ingest", "EncodingError", "not UTF-8")
    store.save_failure(failure, run_id)
    store.save_failure(failure, run_id)  # no article id: NULLs must still count as the same key
    store.save_failure(Failure("in.jsonl:3", "extract", "ExtractionError", "boom", "a9"), run_id)
    store.save_failure(Failure("in.jsonl:3", "extract", "ExtractionError", "boom", "a9"), run_id)
    store.save_failure(Failure("in.jsonl:4", "ingest", "EncodingError", "not UTF-8"), run_id)
    store.commit()

    assert store.status()["failures"] == 3


# --------------------------------------------------------------------------- filters


@pytest.fixture
def filtered_store(store: Store, run_id: int) -> Store:
    events = [
        dated_event("d-day", "2018-01-06", location=make_place(country="SYR")),
        dated_event("d-month", "2018-02", "month"),
        dated_event("d-year", "2017", "year"),
        dated_event("d-none", None, "unknown"),
    ]
    store.save_result(result(article("dates"), events), run_id)
    located = [
        located_event("p-latakia", 35.8, 35.5, "SYR", type="ASSAULT", acled_event_type="Battles"),
        located_event("p-kyiv", 30.5, 50.4, "UKR", type="COERCE", acled_sub_event_type="Arrests"),
        located_event("p-fiji", 179.5, -17.0, "FJI", type="PROTEST"),
        located_event("p-samoa", -171.8, -13.8, "WSM", type="PROTEST"),
    ]
    store.save_result(result(article("places", text="Another article."), located), run_id)
    store.commit()
    return store


def event_ids(store: Store, **filters: Any) -> list[str]:
    return [event.id for _, event in store.iter_events(**filters)]


def test_events_come_by_date_then_id_undated_last(filtered_store: Store) -> None:
    ids = event_ids(filtered_store)
    assert ids[:3] == ["d-year", "d-day", "d-month"]
    assert set(ids[3:]) == {"d-none", "p-fiji", "p-kyiv", "p-latakia", "p-samoa"}
    assert ids[3:] == sorted(ids[3:])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": "2018"}, ["d-day", "d-month"]),
        ({"since": "2018-01-07"}, ["d-month"]),
        ({"since": "2018-02-28"}, ["d-month"]),  # a month-precision date can fall on that day
        ({"since": "2018-03"}, []),
        ({"until": "2017-06"}, ["d-year"]),
        ({"until": "2018-01"}, ["d-year", "d-day"]),
        ({"since": "2017-12-31", "until": "2018-01-06"}, ["d-year", "d-day"]),
    ],
)
def test_date_filters_keep_events_whose_date_can_fall_in_range(
    filtered_store: Store, filters: dict[str, str], expected: list[str]
) -> None:
    assert event_ids(filtered_store, **filters) == expected


@pytest.mark.parametrize("bad", ["2018-13", "yesterday", "2018-02-30", ""])
def test_a_malformed_date_filter_is_a_store_error(filtered_store: Store, bad: str) -> None:
    with pytest.raises(StoreError, match="YYYY"):
        event_ids(filtered_store, since=bad)


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["ASSAULT"], ["d-day", "d-month", "d-none", "d-year", "p-latakia"]),
        (["protest"], ["p-fiji", "p-samoa"]),
        (["Battles"], ["p-latakia"]),
        (["Arrests", "PROTEST"], ["p-fiji", "p-kyiv", "p-samoa"]),
    ],
)
def test_type_filters_match_plover_or_acled_types(
    filtered_store: Store, types: list[str], expected: list[str]
) -> None:
    assert sorted(event_ids(filtered_store, types=types)) == expected


def test_country_filter_matches_iso3_of_the_place(filtered_store: Store) -> None:
    assert sorted(event_ids(filtered_store, countries=["SYR", "ukr"])) == ["d-day", "p-kyiv", "p-latakia"]
    assert event_ids(filtered_store, countries=["SYR"], types=["COERCE"]) == []


@pytest.mark.parametrize(
    ("bbox", "expected"),
    [
        ((35.0, 35.0, 36.0, 36.0), ["p-latakia"]),
        ((20.0, 30.0, 40.0, 60.0), ["p-kyiv", "p-latakia"]),
        ((170.0, -20.0, -170.0, -10.0), ["p-fiji", "p-samoa"]),  # across the antimeridian
        ((0.0, 0.0, 1.0, 1.0), ["d-day"]),  # at (0, 0): a real point, unlike no place at all
        ((1.0, 1.0, 2.0, 2.0), []),
    ],
)
def test_bbox_filter(
    filtered_store: Store, bbox: tuple[float, float, float, float], expected: list[str]
) -> None:
    assert sorted(event_ids(filtered_store, bbox=bbox)) == expected


def test_a_bbox_upside_down_is_refused(filtered_store: Store) -> None:
    with pytest.raises(StoreError, match="bbox"):
        event_ids(filtered_store, bbox=(0.0, 10.0, 1.0, 5.0))


# --------------------------------------------------------------------------- search


def test_search_finds_titles_and_text_best_first(store: Store, run_id: int) -> None:
    store.save_result(result(article("a1", "Drones hit the base.", title="Base attacked"), []), run_id)
    store.save_result(result(article("a2", "Protest in the capital.", title="Drones, drones"), []), run_id)
    store.save_result(result(article("a3", "Nothing relevant.", title="Weather"), []), run_id)
    store.commit()

    assert store.search("drones") == [("a2", "Drones, drones"), ("a1", "Base attacked")]
    assert store.search("base") == [("a1", "Base attacked")]
    assert store.search("drones", limit=1) == [("a2", "Drones, drones")]
    assert store.search("tanks") == []


@pytest.mark.parametrize("hostile", ['"unbalanced', "AND OR NOT", "title:", "NEAR(", "*", ""])
def test_a_malformed_search_is_a_store_error(store: Store, run_id: int, hostile: str) -> None:
    store.save_result(result(article(), []), run_id)
    with pytest.raises(StoreError, match="full-text query") as raised:
        store.search(hostile)
    assert isinstance(raised.value, EventwireError)


def test_the_index_joins_on_rowid_as_datasette_searches_it(
    store: Store, run_id: int, store_path: Path
) -> None:
    store.save_result(result(article("a1", "Shelling in the north."), []), run_id)
    store.save_result(result(article("a2", "Shelling again."), []), run_id)
    store.save_result(result(article("a1", "Calm today."), []), run_id, replace=True)
    store.commit()

    with sqlite3.connect(store_path) as db:
        # Datasette's table search: found by content="articles", joined on the table's rowid.
        [fts_table] = db.execute(
            "SELECT name FROM sqlite_schema WHERE rootpage = 0"
            " AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"articles\"%'"
        ).fetchone()
        found = db.execute(
            f"SELECT id FROM articles WHERE rowid IN"
            f" (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)",
            ("shelling",),
        ).fetchall()
    assert found == [("a2",)]
    assert store.search("calm") == [("a1", "")]


def test_sql_in_a_search_is_only_searched_for(store: Store, run_id: int, store_path: Path) -> None:
    store.save_result(result(article(), []), run_id)
    store.commit()

    assert store.search('"\'; DROP TABLE articles; --"') == []
    assert count(store_path, "articles") == 1


# --------------------------------------------------------------------------- provenance, status


def test_stale_articles_are_those_from_another_extractor_or_data(store: Store, run_id: int) -> None:
    store.save_result(result(article("fresh"), []), run_id)
    store.save_result(result(article("old-version"), [], extractor="eventwire-0.0.1"), run_id)
    store.save_result(result(article("old-data"), [], data_fingerprint="fp-0"), run_id)
    store.commit()

    stale = store.stale_articles(extractor="eventwire-test", data_fingerprint="fp-1")
    ids = []
    for stale_article in stale:  # replacing while iterating is allowed
        ids.append(stale_article.id)
        store.save_result(result(stale_article, []), run_id, replace=True)
    store.commit()

    assert ids == ["old-version", "old-data"]
    assert list(store.stale_articles(extractor="eventwire-test", data_fingerprint="fp-1")) == []


def test_status_counts_every_table(store: Store, run_id: int) -> None:
    store.save_result(
        result(article(), [make_event(id="e1"), make_event(id="e2")], places=[make_place()]), run_id
    )
    store.save_failure(Failure("x.txt", "ingest", "EmptyInputError", "empty"), run_id)
    store.save_conflict(article(text="other"), run_id)
    store.finish_run(run_id, {"new": 1})

    assert store.status() == {
        "articles": 1, "events": 2, "failures": 1, "conflicts": 1, "incidents": 0, "runs": 1, "places": 1,
    }  # fmt: skip


def test_runs_record_their_provenance_and_counts(store: Store, run_id: int, store_path: Path) -> None:
    store.finish_run(run_id, {"new": 3, "skipped": 1})
    with sqlite3.connect(store_path) as db:
        command, extractor, fingerprint, counts, finished = db.execute(
            "SELECT command, extractor, data_fingerprint, counts, finished_at FROM runs"
        ).fetchone()
    assert (command, extractor, fingerprint, counts) == ("test", "eventwire-test", "fp-1",
                                                         '{"new": 3, "skipped": 1}')  # fmt: skip
    assert finished is not None
    with pytest.raises(StoreError, match="no run 99"):
        store.finish_run(99, {})


# --------------------------------------------------------------------------- atomicity


def test_a_failing_save_leaves_nothing_half_written(store: Store, run_id: int, store_path: Path) -> None:
    store.save_result(result(article("kept", "Kept."), [make_event(id="e-kept")]), run_id)
    # The second event repeats the first one's id: the events insert fails after the article row.
    broken = result(article("broken"), [full_event(), full_event()], places=[make_place()])
    with pytest.raises(StoreError, match="broken"):
        store.save_result(broken, run_id)
    store.commit()

    assert store.lookup(article("broken")) == "new"
    assert store.search("Drones") == []
    for table, expected in [("articles", 1), ("events", 1), ("event_actors", 0), ("places", 0)]:
        assert count(store_path, table) == expected, table


def test_uncommitted_work_is_not_visible_to_other_readers_and_with_commits(store_path: Path) -> None:
    with Store.open(store_path) as store:
        run = store.start_run("test", extractor="x", data_fingerprint="y")
        store.save_result(result(article(), []), run)
        assert count(store_path, "articles") == 0
    assert count(store_path, "articles") == 1


def test_an_exception_in_a_with_block_discards_the_open_batch(store_path: Path) -> None:
    with pytest.raises(RuntimeError), Store.open(store_path) as store:
        run = store.start_run("test", extractor="x", data_fingerprint="y")
        store.save_result(result(article(), []), run)
        raise RuntimeError("crash")
    assert count(store_path, "articles") == 0
    assert count(store_path, "runs") == 1  # start_run commits


def test_a_second_writer_waits_then_gets_a_clear_error_while_readers_go_on(store_path: Path) -> None:
    with Store.open(store_path) as writer:
        run = writer.start_run("test", extractor="x", data_fingerprint="y")
        writer.save_result(result(article("a1"), []), run)  # holds the write lock until commit
        with Store.open(store_path, busy_timeout_s=0.05) as other:
            assert other.status()["articles"] == 0
            with pytest.raises(StoreError, match="another eventwire command"):
                other.save_result(result(article("a2"), []), run)
            writer.commit()
            other.save_result(result(article("a2"), []), run)
    with Store.open(store_path) as store:
        assert store.status()["articles"] == 2


def test_a_closed_store_says_so(store_path: Path) -> None:
    store = Store.open(store_path)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.status()
