"""The main-incident rules added for issue 17: background attacks, country-only places, the lead's
attack before the deadliest."""

from __future__ import annotations

from builders import make_event, make_place

from eventwire.eval.fakes import main_incident
from eventwire.records import Estimate, Event, ResolvedDate


def attack(*, precision: str = "day", admin1: str | None = "Idlib", country: str = "SYR",
           killed: int | None = None) -> Event:  # fmt: skip
    value = {"day": "2016-06-12", "month": "2016-04", "year": "2011"}[precision]
    return make_event(
        "ASSAULT",
        date=ResolvedDate(value=value, precision=precision, text="x"),  # type: ignore[arg-type]
        location=make_place(country=country, admin1=admin1),
        fatalities=Estimate(killed, killed, killed) if killed is not None else None,
    )


def test_an_attack_dated_only_to_a_month_or_year_is_background() -> None:
    war_toll = attack(precision="year", killed=300000)
    last_month = attack(precision="month", killed=450)
    today = attack(killed=12)
    assert main_incident([war_toll, last_month, today], news_report_rules=True) is today
    assert main_incident([war_toll, last_month, today]) is war_toll  # background by publication date only


def test_background_attacks_still_count_when_nothing_else_is_reported() -> None:
    war_toll = attack(precision="year", killed=300000)
    assert main_incident([war_toll, make_event("CONSULT")], news_report_rules=True) is war_toll


def test_a_place_inside_a_province_beats_a_country_only_place() -> None:
    national = attack(admin1=None, killed=39)
    local = attack(killed=3)
    assert main_incident([national, local], news_report_rules=True) is local
    assert main_incident([national, make_event("ASSAULT")], news_report_rules=True) is national
    assert main_incident([national, local]) is national  # the plain rule: the deadliest located


def test_the_first_attack_placed_in_a_province_is_the_incident_not_the_deadliest() -> None:
    # "Barrel bombs killed 11 on Thursday ... Since Saturday at least 68 civilians have been killed"
    lead = attack(killed=11)
    running_toll = attack(killed=68)
    assert main_incident([lead, running_toll], news_report_rules=True) is lead
    assert main_incident([lead, running_toll]) is running_toll  # the plain rule: the deadliest
    unplaced_lead = attack(admin1=None, killed=11)
    assert main_incident([unplaced_lead, running_toll], news_report_rules=True) is running_toll


def test_a_dateline_starting_inside_the_window_is_read_whole() -> None:
    from eventwire.text.dateline import DATELINE_CHARS, DatelineReader

    head = "Headline words " * ((DATELINE_CHARS - 30) // 15)
    text = head + "AFP Friday 23 Aug 2013 Syrian troops ..."
    assert DatelineReader.load().publication_date(text) == "2013-08-23"
    assert DatelineReader.load().publication_date("x" * DATELINE_CHARS + " 23 Aug 2013") is None
