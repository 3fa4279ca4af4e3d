"""ACLED export: the 31 API columns in order and ACLED's coding of a worked example."""

from __future__ import annotations

import csv
import io

from eventwire.export import ACLED_COLUMNS, export
from eventwire.records import Actor, ResolvedDate, Span

# acledR tests/testthat/setup-acled_api.R, as quoted in shared/reference/formats.md 4a.
API_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
)


def acled_rows(rows):
    buffer = io.BytesIO()
    written = export(rows, "acled", buffer)
    text = buffer.getvalue().decode("utf-8")
    parsed = list(csv.DictReader(io.StringIO(text, newline="")))
    assert written == len(parsed)
    return text, parsed


def test_header_is_the_api_columns_in_order(article, strike):
    text, _ = acled_rows([(article, strike())])
    assert text.splitlines()[0] == API_HEADER
    assert ",".join(ACLED_COLUMNS) == API_HEADER and len(ACLED_COLUMNS) == 31


def test_worked_example_is_coded_as_acled_would(article, strike):
    _, [row] = acled_rows([(article, strike())])
    assert row["event_id_cnty"] == "SYRe-strike"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-11-22", "2024", "1")
    assert row["disorder_type"] == "Political violence"
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    # Russian state forces acting in Syria are external forces (8); civilians are 7.
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Russia", "8")
    assert (row["actor2"], row["inter2"]) == ("Civilians (Syria)", "7")
    assert row["interaction"] == "78"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
    assert (row["admin1"], row["location"]) == ("Idlib", "Maarat al-Numan")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("35.6478", "36.6717", "1")
    assert row["source"] == "example-news.org"
    assert int(row["timestamp"]) > 1_700_000_000


def test_fatalities_are_the_conservative_figure_and_the_dispute_is_noted(article, strike):
    _, [row] = acled_rows([(article, strike())])
    assert row["fatalities"] == "3"
    notes = row["notes"]
    assert notes.startswith("On 22 November 2024, Russian warplanes struck a market")
    assert "3 (Syrian Observatory for Human Rights)" in notes
    assert "5 (the civil defence)" in notes
    assert "Fatality reports differ" in notes


def test_agreeing_sources_are_not_a_dispute(article, strike, toll):
    _, [row] = acled_rows([(article, strike(fatalities=toll(3, 3)))])
    assert "differ" not in row["notes"]
    _, [none] = acled_rows([(article, strike(fatalities=None))])
    assert none["fatalities"] == "0"


def test_state_forces_at_home_battle_rebels(article, strike, place):
    battle = strike(
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        source_actors=[Actor("the Syrian army", "SYR", "MIL")],
        target_actors=[Actor("Hayat Tahrir al-Sham", None, "REB"), Actor("allied fighters", None, "REB")],
        location=place(precision=2),
    )
    _, [row] = acled_rows([(article, battle)])
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Syria", "1")
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"]) == (
        "Hayat Tahrir al-Sham",
        "allied fighters",
        "2",
    )
    assert row["interaction"] == "12"
    assert row["civilian_targeting"] == ""
    assert row["geo_precision"] == "2"


def test_protest_crowd_is_protesters_and_acts_alone(article, event, place):
    protest = event(
        "PROTEST",
        acled_event_type="Protests",
        acled_sub_event_type="Peaceful protest",
        source_actors=[Actor("students", "SYR", "EDU")],
        location=place(precision=3, feature_code="ADM1", name="Idlib"),
        date=ResolvedDate("2024-11", "month", "in November"),
    )
    _, [row] = acled_rows([(article, protest)])
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == ("Protesters (Syria)", "students", "6")
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("", "", "60")
    assert row["disorder_type"] == "Demonstrations"
    assert row["tags"] == "crowd size=no report"
    # Only the month is known: ACLED's precision 3, the middle of the month.
    assert (row["event_date"], row["time_precision"], row["geo_precision"]) == ("2024-11-15", "3", "3")
    assert row["notes"].startswith("In November 2024,")


def test_unknown_perpetrator_is_an_unidentified_armed_group(article, strike):
    _, [row] = acled_rows([(article, strike(source_actors=[]))])
    assert row["actor1"] == "Unidentified Armed Group (Syria)"
    assert (row["inter1"], row["interaction"]) == ("3", "37")


def test_events_acled_does_not_code_are_left_out(article, strike, event):
    consult = event("CONSULT", cameo="040")
    denied = strike(id="e-denied", status="denied")
    hypothetical = strike(id="e-maybe", status="hypothetical")
    claimed = strike(id="e-claimed", status="claimed")
    _, rows = acled_rows([(article, consult), (article, denied), (article, hypothetical), (article, claimed)])
    assert [row["event_id_cnty"] for row in rows] == ["SYRe-claimed"]


def test_csv_hostile_text_round_trips(article, strike):
    hostile = 'He said "stop, now",\nthen left; a tab\there, and a comma, too.'
    _, [row] = acled_rows([(article, strike(target_actors=[Actor('the "X, Y" group', None, None)]))])
    assert row["actor2"] == 'the "X, Y" group'
    rows = [(article, strike(evidence=Span(hostile, 0, len(hostile))))]
    _, [row] = acled_rows(rows)
    assert 'He said "stop, now", then left; a tab here, and a comma, too.' in row["notes"]


def test_event_without_place_or_date_keeps_its_columns_empty(article, strike):
    bare = strike(location=None, date=ResolvedDate(None, "unknown", ""))
    _, [row] = acled_rows([(article, bare)])
    assert row["event_id_cnty"] == "XXXe-strike"
    assert (row["country"], row["iso"], row["latitude"], row["geo_precision"]) == ("", "", "", "")
    # No date in the text: the publication day stands in, at the least precise code.
    assert (row["event_date"], row["time_precision"]) == ("2024-11-23", "3")
