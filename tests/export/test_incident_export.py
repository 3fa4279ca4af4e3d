"""The incident unit: one record per incident in ACLED, GeoJSON, CSV and Parquet.

Most tests build a real store with two outlets' reports of one air strike whose tolls differ,
run `build_incidents` and export what `Store.iter_incidents` gives; edge cases use hand-built
`Incident` records.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from builders import make_event, make_place

from eventwire.errors import ExportError
from eventwire.export import ACLED_COLUMNS, FORMATS, INCIDENT_COLUMNS, export
from eventwire.export.incidents import incident_time_precision
from eventwire.incidents import build_incidents
from eventwire.records import (
    Actor,
    Article,
    Attribution,
    Corroboration,
    Event,
    ExtractionResult,
    FigureRange,
    Incident,
    IncidentDate,
    Quantity,
    ResolvedDate,
    Span,
)
from eventwire.store import Store

ALEPPO = make_place("Aleppo", geonameid=170063, lat=36.2, lon=37.16, country="SYR", admin1="Aleppo")
CIVIL_DEFENCE = "the Syria Civil Defence"
OBSERVATORY = "the Syrian Observatory for Human Rights"


def report_event(event_id: str, article_id: str, killed: int, source: str, sentence: str) -> Event:
    attribution = Attribution(source, None, "NGO")
    return make_event(
        "ASSAULT",
        id=event_id,
        article_id=article_id,
        mode="aerial",
        cameo="195",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date=ResolvedDate("2024-03-01", "day", "Friday"),
        location=ALEPPO,
        quantities=[
            Quantity("killed", killed, None, None, f"{killed} killed", None, attribution, "asserted")
        ],
        source_actors=[Actor("Russian warplanes", "RUS", "MIL")],
        target_actors=[Actor("civilians", "SYR", "CVL")],
        attributed_to=[attribution],
        evidence=Span(sentence, 0, len(sentence)),
    )


def store_report(store: Store, article_id: str, outlet: str, event: Event) -> None:
    article = Article(
        id=article_id, text=event.evidence.text, title=article_id, published="2024-03-02", source=outlet
    )
    run_id = store.start_run("test", extractor="eventwire-test", data_fingerprint="fp")
    store.save_result(ExtractionResult(article, [event], []), run_id)
    store.commit()


@pytest.fixture
def stored_incidents(tmp_path: Path) -> Iterator[list[Incident]]:
    """The incidents of a real store: two outlets report one strike, 4 and 2 killed."""
    with Store.open(tmp_path / "eventwire.db") as store:
        store_report(
            store,
            "a1",
            "Levant Daily",
            report_event("e1", "a1", 4, CIVIL_DEFENCE, "An airstrike hit a market in Aleppo."),
        )
        store_report(
            store,
            "a2",
            "Idlib Monitor",
            report_event(
                "e2", "a2", 2, OBSERVATORY, "Warplanes bombed the Aleppo market on Friday, killing two."
            ),
        )
        build_incidents(store)
        yield list(store.iter_incidents())


def make_incident(**fields: Any) -> Incident:
    """A single-source incident with no place, date, figures or ACLED type; `fields` override."""
    values: dict[str, Any] = {
        "id": "inc-hand",
        "type": "ASSAULT",
        "mode": None,
        "cameo": "-",
        "acled_event_type": None,
        "acled_sub_event_type": None,
        "date": IncidentDate(None, None, None, "unknown"),
        "location": None,
        "source_actors": (),
        "target_actors": (),
        "figures": (),
        "fatalities": None,
        "injuries": None,
        "article_ids": ("a9",),
        "event_ids": ("e9",),
        "sources": ("Wire",),
        "attributed_sources": (),
        "corroboration": Corroboration(1, 0, "single source", "one outlet"),
    }
    values.update(fields)
    return Incident(**values)


def written(rows: Any, format_name: str) -> tuple[int, bytes]:
    buffer = io.BytesIO()
    count = export(rows, format_name, buffer, unit="incident")
    return count, buffer.getvalue()


def csv_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    text = data.decode("utf-8")
    header = next(csv.reader(io.StringIO(text, newline="")))
    return header, list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_two_reports_are_one_incident(stored_incidents):
    [incident] = stored_incidents
    assert set(incident.event_ids) == {"e1", "e2"} and incident.disagreements


def test_acled_incident_row_codes_the_merged_incident(stored_incidents):
    [incident] = stored_incidents
    count, data = written(stored_incidents, "acled")
    header, [row] = csv_rows(data)
    assert count == 1
    assert tuple(header) == ACLED_COLUMNS and len(header) == 31
    assert row["event_id_cnty"] == f"SYR{incident.id}"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-01", "2024", "1")
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Military Forces of Russia",
        "8",
        "Civilians (Syria)",
        "7",
    )
    assert (row["interaction"], row["civilian_targeting"]) == ("78", "Civilian targeting")
    assert (row["country"], row["location"], row["geo_precision"]) == ("Syria", "Aleppo", "1")
    assert row["fatalities"] == "2"  # the conservative figure of 4 and 2
    assert row["source"] == "Levant Daily; Idlib Monitor"


def test_acled_incident_notes_carry_the_disagreement_and_grade(stored_incidents):
    _, data = written(stored_incidents, "acled")
    notes = csv_rows(data)[1][0]["notes"]
    assert notes.startswith(
        "On 1 March 2024, an air/drone strike in Aleppo by Russian warplanes against civilians"
    )
    assert "reported in 2 articles by 2 outlets" in notes
    assert "Fatality reports range from 2 to 4; coded the most conservative figure, 2." in notes
    assert f"Sources disagree: {CIVIL_DEFENCE} says 4 killed; {OBSERVATORY} says 2." in notes
    assert "Corroboration: corroborated (reported by 2 outlets" in notes


def test_acled_leaves_out_incidents_without_an_acled_type_and_codes_no_toll_as_zero():
    coded = make_incident(
        id="inc-coded",
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        date=IncidentDate("2024-05", "2024-05-01", "2024-05-31", "month"),
    )
    count, data = written([make_incident(), coded], "acled")
    _, rows = csv_rows(data)
    assert count == 1 and [row["event_id_cnty"] for row in rows] == ["XXXinc-coded"]
    [row] = rows
    assert (row["fatalities"], row["time_precision"], row["event_date"]) == ("0", "3", "2024-05-15")
    assert row["actor1"] == "Unidentified Armed Group"  # ACLED's unknown perpetrator
    assert "Sources disagree" not in row["notes"] and "Corroboration: single source" in row["notes"]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (IncidentDate("2024-03-01", "2024-03-01", "2024-03-01", "day"), 1),
        (IncidentDate("2024-03-02", "2024-03-01", "2024-03-03", "day"), 2),  # reports 3 days apart
        (IncidentDate("2024-03-02", "2024-03-01", "2024-03-11", "day"), 3),  # more than a week
        (IncidentDate("2024-03", "2024-03-01", "2024-03-31", "month"), 3),
        (IncidentDate(None, None, None, "unknown"), 3),
    ],
)
def test_time_precision_follows_the_span_the_reports_cover(date, expected):
    assert incident_time_precision(date) == expected


def test_acled_notes_of_reports_days_apart_give_the_span():
    incident = make_incident(
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        date=IncidentDate("2024-03-02", "2024-03-01", "2024-03-03", "day"),
    )
    [row] = csv_rows(written([incident], "acled")[1])[1]
    assert row["time_precision"] == "2" and row["event_date"] == "2024-03-02"
    assert row["notes"].startswith("Between 1 March 2024 and 3 March 2024, an armed clash")


def test_geojson_feature_per_incident_with_its_fields(stored_incidents):
    [incident] = stored_incidents
    unplaced = make_incident()
    count, data = written([*stored_incidents, unplaced], "geojson")
    collection = json.loads(data)
    placed, alone = collection["features"]
    assert count == 2 and collection["type"] == "FeatureCollection"
    assert placed["id"] == incident.id
    assert placed["geometry"] == {"type": "Point", "coordinates": [37.16, 36.2]}
    assert alone["geometry"] is None and alone["properties"]["place"] is None
    properties = placed["properties"]
    assert set(properties) == {column.name for column in INCIDENT_COLUMNS}
    assert (
        properties["date"],
        properties["date_low"],
        properties["date_high"],
        properties["date_precision"],
    ) == (
        "2024-03-01",
        "2024-03-01",
        "2024-03-01",
        "day",
    )
    assert (properties["fatalities_low"], properties["fatalities_best"], properties["fatalities_high"]) == (
        2,
        2,
        4,
    )
    assert properties["n_articles"] == 2 and properties["sources"] == ["Levant Daily", "Idlib Monitor"]
    assert properties["grade"] == "corroborated"
    assert properties["disagreements"] == [f"{CIVIL_DEFENCE} says 4 killed; {OBSERVATORY} says 2"]
    assert sorted(properties["event_ids"]) == ["e1", "e2"]


def test_parquet_columns_are_typed(stored_incidents, tmp_path):
    path = tmp_path / "incidents.parquet"
    assert export(stored_incidents, "parquet", path, unit="incident") == 1
    table = pq.read_table(path)
    assert table.column_names == [column.name for column in INCIDENT_COLUMNS]
    types = {field.name: field.type for field in table.schema}
    assert types["fatalities_best"] == pa.int64() and types["n_sources"] == pa.int64()
    assert types["latitude"] == pa.float64() and types["geonameid"] == pa.int64()
    assert types["grade"] == pa.string() and types["date_low"] == pa.string()
    [row] = table.to_pylist()
    assert (row["fatalities_best"], row["fatalities_high"], row["injuries_best"]) == (2, 4, None)
    assert (row["geonameid"], row["latitude"], row["n_articles"], row["n_sources"]) == (170063, 36.2, 2, 2)
    assert row["sources"] == "Levant Daily; Idlib Monitor"


def test_csv_has_the_flat_incident_columns(stored_incidents):
    [incident] = stored_incidents
    disputed = make_incident(
        id="inc-two",
        disagreements=(
            dataclasses.replace(incident.disagreements[0]),
            dataclasses.replace(
                incident.disagreements[0], field="date", message="A dates it 1; B dates it 2"
            ),
        ),
        fatalities=FigureRange("killed", 0, 0, 0),
    )
    count, data = written([*stored_incidents, disputed], "csv")
    header, (row, second) = csv_rows(data)
    assert count == 2
    expected = {
        "id", "type", "mode", "acled_event_type", "acled_sub_event_type", "date", "date_low", "date_high",
        "date_precision", "place", "geonameid", "latitude", "longitude", "country", "admin1",
        "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high", "injuries_low",
        "injuries_best", "injuries_high", "n_articles", "n_sources", "sources", "grade",
        "disagreements", "article_ids", "event_ids",
    }  # fmt: skip
    assert expected <= set(header) and header == [column.name for column in INCIDENT_COLUMNS]
    assert (row["id"], row["type"], row["mode"], row["place"]) == (incident.id, "ASSAULT", "aerial", "Aleppo")
    assert (row["fatalities_best"], row["injuries_best"], row["n_sources"]) == ("2", "", "2")
    assert row["disagreements"] == f"{CIVIL_DEFENCE} says 4 killed; {OBSERVATORY} says 2"
    assert set(row["article_ids"].split("; ")) == {"a1", "a2"}
    assert second["disagreements"].split(" | ")[1] == "A dates it 1; B dates it 2"
    assert (second["fatalities_best"], second["place"], second["grade"]) == ("0", "", "single source")


def test_incident_formats_declare_the_unit():
    both = {name for name, exporter in FORMATS.items() if "incident" in exporter.units}
    assert both == {"acled", "geojson", "parquet", "csv"}


def test_event_only_formats_and_event_rows_are_clear_errors(stored_incidents):
    with pytest.raises(ExportError, match="the gdelt export cannot write unit 'incident'"):
        written(stored_incidents, "gdelt")
    event = report_event("e3", "a3", 1, OBSERVATORY, "x")
    article = Article(id="a3", text="x")
    with pytest.raises(ExportError, match="takes Incident records"):
        written([(article, event)], "csv")
