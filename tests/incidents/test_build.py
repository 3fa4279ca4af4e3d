"""Building incidents from a real store: reports merged, near misses kept apart, ids stable."""

from __future__ import annotations

import random

from incidents.incident_reports import (
    ALEPPO,
    HMEYMIM,
    IDLIB,
    JALALABAD,
    KABUL,
    memberships,
    store_report,
    strike,
)

from eventwire.incidents import build_incidents
from eventwire.store import Store

CIVIL_DEFENCE = "the Syria Civil Defence"
OBSERVATORY = "the Syrian Observatory for Human Rights"


def two_reports_of_one_airstrike(store: Store) -> None:
    store_report(
        store,
        "a1",
        "Levant Daily",
        [strike("e1", "a1", killed=4, source=CIVIL_DEFENCE, sentence="An airstrike hit a market in Aleppo.")],
    )
    store_report(
        store,
        "a2",
        "Idlib Monitor",
        [
            strike(
                "e2",
                "a2",
                killed=2,
                source=OBSERVATORY,
                sentence="Warplanes bombed the Aleppo market on Friday, killing two.",
            )
        ],
    )


def test_two_outlets_reporting_one_airstrike_make_one_incident_with_the_range(store: Store) -> None:
    two_reports_of_one_airstrike(store)

    summary = build_incidents(store)

    [incident] = list(store.iter_incidents())
    assert (summary.incidents, summary.new, summary.updated, summary.events) == (1, 1, 0, 2)
    assert set(incident.event_ids) == {"e1", "e2"} and set(incident.article_ids) == {"a1", "a2"}
    assert incident.sources == ("Levant Daily", "Idlib Monitor")
    assert set(incident.attributed_sources) == {CIVIL_DEFENCE, OBSERVATORY}
    fatalities = incident.fatalities
    assert fatalities is not None
    assert (fatalities.low, fatalities.best, fatalities.high) == (2, 2, 4)  # best: the lowest
    assert {(r.source, r.value, r.outlet, r.article_id) for r in fatalities.reports} == {
        (CIVIL_DEFENCE, 4, "Levant Daily", "a1"),
        (OBSERVATORY, 2, "Idlib Monitor", "a2"),
    }
    [disagreement] = incident.disagreements
    assert disagreement.field == "killed"
    assert set(disagreement.values) == {(CIVIL_DEFENCE, "4"), (OBSERVATORY, "2")}
    assert disagreement.message == f"{CIVIL_DEFENCE} says 4 killed; {OBSERVATORY} says 2"
    assert incident.corroboration.grade == "corroborated"
    assert incident.corroboration.outlets == 2 and incident.corroboration.attributed_sources == 2
    checks = {check.kind: check.passed for check in incident.checks}
    assert checks == {
        "incident_figures": False,
        "incident_claims": True,
        "incident_dates": True,
        "incident_places": True,
    }
    assert (incident.type, incident.mode, incident.date.value, incident.date.precision) == (
        "ASSAULT",
        "aerial",
        "2024-03-01",
        "day",
    )
    assert incident.location is not None and incident.location.geonameid == ALEPPO.geonameid


def test_a_second_attack_on_the_same_base_ten_days_later_stays_apart(store: Store) -> None:
    store_report(store, "a1", "Levant Daily", [strike("first", "a1", place=HMEYMIM, mode="drone")])
    store_report(store, "a2", "Idlib Monitor", [strike("again", "a2", place=HMEYMIM, mode="drone")])
    store_report(
        store, "a3", "Coast News", [strike("later", "a3", place=HMEYMIM, mode="drone", day="2024-03-11")]
    )

    build_incidents(store)

    assert memberships(store) == {frozenset({"first", "again"}), frozenset({"later"})}


def test_a_car_bomb_the_same_day_in_another_city_stays_apart(store: Store) -> None:
    bomb = "A car bomb exploded near a checkpoint, killing 9 people."
    store_report(
        store, "a1", "Kabul Times", [strike("kabul", "a1", place=KABUL, mode="explosives", sentence=bomb)]
    )
    store_report(
        store, "a2", "Pajhwok", [strike("kabul2", "a2", place=KABUL, mode="explosives", sentence=bomb)]
    )
    store_report(
        store, "a3", "Tolo", [strike("jalalabad", "a3", place=JALALABAD, mode="explosives", sentence=bomb)]
    )

    build_incidents(store)

    assert memberships(store) == {frozenset({"kabul", "kabul2"}), frozenset({"jalalabad"})}


def test_the_same_town_struck_a_month_later_stays_apart(store: Store) -> None:
    store_report(store, "a1", "Levant Daily", [strike("march", "a1", place=IDLIB)])
    store_report(store, "a2", "Idlib Monitor", [strike("april", "a2", place=IDLIB, day="2024-04-01")])

    build_incidents(store)

    assert memberships(store) == {frozenset({"march"}), frozenset({"april"})}


def test_a_vague_report_does_not_chain_two_attacks_together(store: Store) -> None:
    # "earlier this month" could be either strike; it may join one but never bridge them.
    store_report(store, "a1", "Levant Daily", [strike("first", "a1", place=IDLIB, day="2024-03-02")])
    store_report(store, "a2", "Idlib Monitor", [strike("second", "a2", place=IDLIB, day="2024-03-20")])
    store_report(
        store, "a3", "Coast News", [strike("vague", "a3", place=IDLIB, day="2024-03", precision="month")]
    )

    build_incidents(store)

    groups = memberships(store)
    assert not any({"first", "second"} <= group for group in groups)
    assert set().union(*groups) == {"first", "second", "vague"}


def test_two_events_of_one_article_stay_apart(store: Store) -> None:
    store_report(store, "a1", "Levant Daily", [strike("one", "a1"), strike("two", "a1")])

    build_incidents(store)

    assert memberships(store) == {frozenset({"one"}), frozenset({"two"})}


def test_a_claim_and_a_denial_make_a_contested_incident(store: Store) -> None:
    store_report(store, "a1", "Levant Daily", [strike("claim", "a1", killed=5, source="the army")])
    store_report(
        store,
        "a2",
        "Idlib Monitor",
        [strike("denial", "a2", killed=5, source="the ministry", figure_status="denied", status="denied")],
    )

    build_incidents(store)

    [incident] = list(store.iter_incidents())
    assert incident.corroboration.grade == "contested"
    status = next(d for d in incident.disagreements if d.field == "status")
    assert "deny it" in status.message and "the ministry" in status.message
    assert incident.fatalities is not None and incident.fatalities.best == 5  # the denial is no figure
    assert not {check.kind: check.passed for check in incident.checks}["incident_claims"]


def test_statements_and_hypothetical_events_are_no_incidents(store: Store) -> None:
    store_report(
        store,
        "a1",
        "Levant Daily",
        [strike("accuse", "a1", type_="ACCUSE", mode=None), strike("maybe", "a1", status="hypothetical")],
    )

    summary = build_incidents(store)

    assert summary.incidents == 0 and list(store.iter_incidents()) == []


def test_an_incremental_build_keeps_the_id_and_adds_the_report(store: Store) -> None:
    store_report(store, "a1", "Levant Daily", [strike("e1", "a1", killed=4, source=CIVIL_DEFENCE)])
    build_incidents(store)
    [before] = list(store.iter_incidents())

    store_report(store, "a2", "Idlib Monitor", [strike("e2", "a2", killed=2, source=OBSERVATORY)])
    summary = build_incidents(store)

    [after] = list(store.iter_incidents())
    assert after.id == before.id
    assert set(after.event_ids) == {"e1", "e2"}
    assert (summary.new, summary.updated) == (0, 1)
    assert store.status()["incidents"] == 1


def test_a_build_with_nothing_new_changes_nothing(store: Store) -> None:
    two_reports_of_one_airstrike(store)
    build_incidents(store)
    before = list(store.iter_incidents())

    summary = build_incidents(store)

    assert (summary.new, summary.updated, summary.events) == (0, 0, 0)
    assert list(store.iter_incidents()) == before


def test_a_rebuild_gives_the_incremental_incidents(store: Store) -> None:
    reports = [
        (
            "a1",
            "Levant Daily",
            [strike("e1", "a1", killed=4), strike("k1", "a1", place=KABUL, mode="explosives")],
        ),
        ("a2", "Idlib Monitor", [strike("e2", "a2", killed=2)]),
        ("a3", "Kabul Times", [strike("k2", "a3", place=KABUL, mode="explosives")]),
        ("a4", "Coast News", [strike("later", "a4", day="2024-03-20")]),
    ]
    for article_id, outlet, events in reports:
        store_report(store, article_id, outlet, events)
        build_incidents(store)
    incremental = {(i.id, frozenset(i.event_ids)) for i in store.iter_incidents()}

    build_incidents(store, rebuild=True)

    assert {(i.id, frozenset(i.event_ids)) for i in store.iter_incidents()} == incremental
    assert {group for _, group in incremental} == {
        frozenset({"e1", "e2"}),
        frozenset({"k1", "k2"}),
        frozenset({"later"}),
    }


def test_the_order_reports_were_stored_in_does_not_change_the_clusters(store: Store, tmp_path) -> None:
    reports = [
        (f"a{n}", f"Outlet {n % 3}", [strike(f"e{n}", f"a{n}", place=place, day=day, killed=n)])
        for n, (place, day) in enumerate(
            [(ALEPPO, "2024-03-01"), (IDLIB, "2024-03-01"), (ALEPPO, "2024-03-01"), (HMEYMIM, "2024-03-05"),
             (IDLIB, "2024-03-02"), (ALEPPO, "2024-03-15"), (HMEYMIM, "2024-03-05"), (ALEPPO, "2024-03-16")]
        )
    ]  # fmt: skip
    for article_id, outlet, events in reports:
        store_report(store, article_id, outlet, events)
    build_incidents(store)
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != reports

    with Store.open(tmp_path / "shuffled.db") as other:
        for article_id, outlet, events in shuffled:
            store_report(other, article_id, outlet, events)
        build_incidents(other)
        assert memberships(other) == memberships(store)
    assert len(memberships(store)) < len(reports)  # something did merge


def test_replacing_an_article_recomputes_the_incident_that_lost_its_event(store: Store) -> None:
    two_reports_of_one_airstrike(store)
    build_incidents(store)
    from eventwire.records import Article, ExtractionResult

    article = Article(id="a2", text="An unrelated update.", published="2024-03-02", source="Idlib Monitor")
    store.save_result(
        ExtractionResult(article, [], []),
        store.start_run("t", extractor="x", data_fingerprint="y"),
        replace=True,
    )
    build_incidents(store)

    [incident] = list(store.iter_incidents())
    assert incident.event_ids == ("e1",) and incident.sources == ("Levant Daily",)
    assert incident.corroboration.grade == "single source"
