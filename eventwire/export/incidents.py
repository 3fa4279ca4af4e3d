"""Exports of the incident unit: one record per `Incident` (events merged across reports).

The rows are `Incident` records, as `Store.iter_incidents()` gives them, in the formats that
take the unit (`acled`, `geojson`, `csv`, `parquet`); the others write events only.

- ``INCIDENT_COLUMNS`` are the flat cells of an incident: its coding, the date the reports
  give and the span of days they cover, its place, each figure's range (``best`` the most
  conservative, ACLED's rule), its reports (articles, outlets, event ids), the corroboration
  grade and the disagreements. CSV and Parquet (typed) write exactly these; several values in
  one cell are ``"; "``-separated, except the disagreements, whose messages hold ``;``
  themselves and are separated by `" | "`.
- GeoJSON: a Feature per incident, the flat cells as properties but the outlets, articles,
  events and disagreement messages as JSON lists; a Point geometry, or null without one.
- ACLED: the 31 columns, one row per incident ACLED codes (one with an ACLED sub-event type:
  incidents hold no hypothetical events, see `eventwire.incidents`). The coding is the event
  export's (`acled.acled_cells`); ``event_date`` is the incident's best date, and
  ``time_precision`` the coarser of that date's precision and the span the reports cover (the
  reports' days a week apart or less: 2, more: 3, as ACLED codes an event it can date only
  within a period). ``fatalities`` is the incident's conservative figure (0 when none is
  reported); ``source`` the distinct outlets; ``notes`` a summary, the tolls' range, "Sources
  disagree: ..." with every disagreement, and the corroboration grade.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

from eventwire.errors import ExportError
from eventwire.export.acled import (
    TIME_PRECISION,
    AcledCoding,
    AcledSubject,
    acled_cells,
    acled_coding,
    date_phrase,
    long_date,
    write_acled_cells,
)
from eventwire.export.columns import Column, CountryCodes, country_codes, iso_day, one_line, place_columns
from eventwire.export.geojson import point, write_features
from eventwire.export.tabular import write_csv_table, write_parquet_table
from eventwire.records import Actor, FigureRange, Incident, IncidentDate

__all__ = [
    "INCIDENT_COLUMNS",
    "incident_acled_row",
    "incident_feature",
    "incident_flat_row",
    "incident_notes",
    "incident_time_precision",
    "write_acled_incidents",
    "write_csv_incidents",
    "write_geojson_incidents",
    "write_parquet_incidents",
]

INCIDENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "stable incident id (named after its earliest report's event)"),
    Column("type", "string", "PLOVER 2.0 event type, the reports' most common"),
    Column("mode", "string", "PLOVER mode"),
    Column("cameo", "string", "CAMEO event code (text: leading zeros matter)"),
    Column("acled_event_type", "string", "ACLED event type"),
    Column("acled_sub_event_type", "string", "ACLED sub-event type"),
    Column("date", "string", "the best ISO date the reports give: YYYY-MM-DD, YYYY-MM or YYYY"),
    Column("date_low", "string", "first day the reports' dates cover"),
    Column("date_high", "string", "last day the reports' dates cover"),
    Column("date_precision", "string", "day, week, month, year or unknown"),
    Column("source_actors", "string", "every source actor's text, '; '-separated"),
    Column("target_actors", "string", "every target actor's text, '; '-separated"),
    Column("place", "string", "gazetteer name of the incident's location"),
    Column("geonameid", "int", "GeoNames id of the location"),
    Column("latitude", "float", "WGS84"),
    Column("longitude", "float", "WGS84"),
    Column("country", "string", "ISO3 of the location"),
    Column("admin1", "string", "first-order division of the location"),
    Column("geo_precision", "int", "ACLED geo_precision: 1 town or site, 2 near a town, 3 region"),
    Column("fatalities_low", "int", "lowest credible figure of people killed"),
    Column("fatalities_best", "int", "the conservative figure (ACLED's: the lowest credible)"),
    Column("fatalities_high", "int", "highest credible figure of people killed"),
    Column("injuries_low", "int", "lowest credible figure of people injured"),
    Column("injuries_best", "int", "the conservative figure"),
    Column("injuries_high", "int", "highest credible figure of people injured"),
    Column("n_articles", "int", "articles reporting the incident"),
    Column("n_sources", "int", "distinct outlets reporting it"),
    Column("sources", "string", "the distinct outlets, '; '-separated"),
    Column("grade", "string", "single source, corroborated or contested"),
    Column("disagreements", "string", "where the reports differ, one message each, ' | '-separated"),
    Column("article_ids", "string", "the reporting articles, '; '-separated"),
    Column("event_ids", "string", "the merged events, '; '-separated"),
)


def incident_records(rows: Iterable[Any]) -> Iterator[Incident]:
    """The rows, checked to be incidents: a clear error for (Article, Event) pairs passed by mistake."""
    for row in rows:
        if not isinstance(row, Incident):
            raise ExportError(
                f"the incident unit takes Incident records (Store.iter_incidents()), not {type(row).__name__}"
            )
        yield row


# --------------------------------------------------------------------------- writers


def write_csv_incidents(rows: Iterable[Incident], stream: BinaryIO, unit: str = "incident") -> int:
    cells = (incident_flat_row(incident) for incident in incident_records(rows))
    return write_csv_table(cells, INCIDENT_COLUMNS, stream)


def write_parquet_incidents(rows: Iterable[Incident], stream: BinaryIO, unit: str = "incident") -> int:
    cells = (incident_flat_row(incident) for incident in incident_records(rows))
    return write_parquet_table(cells, INCIDENT_COLUMNS, stream)


def write_geojson_incidents(rows: Iterable[Incident], stream: BinaryIO, unit: str = "incident") -> int:
    return write_features((incident_feature(incident) for incident in incident_records(rows)), stream)


def write_acled_incidents(rows: Iterable[Incident], stream: BinaryIO, unit: str = "incident") -> int:
    coding, countries = acled_coding(), country_codes()
    exported_at = int(time.time())
    cells = (
        incident_acled_row(incident, coding, countries, exported_at) for incident in incident_records(rows)
    )
    return write_acled_cells(cells, stream)


# --------------------------------------------------------------------------- flat cells and features


def incident_flat_row(incident: Incident) -> dict[str, Any]:
    """The flat cells of one incident, keyed by `INCIDENT_COLUMNS` names (None for an empty cell)."""
    place = incident.location
    fatalities = _figure(incident.fatalities)
    injuries = _figure(incident.injuries)
    return {
        "id": incident.id,
        "type": incident.type,
        "mode": incident.mode,
        "cameo": incident.cameo if incident.cameo.strip() not in {"", "-"} else None,
        "acled_event_type": incident.acled_event_type,
        "acled_sub_event_type": incident.acled_sub_event_type,
        "date": incident.date.value,
        "date_low": incident.date.low,
        "date_high": incident.date.high,
        "date_precision": incident.date.precision,
        "source_actors": _joined(one_line(a.text) for a in incident.source_actors),
        "target_actors": _joined(one_line(a.text) for a in incident.target_actors),
        **place_columns(place),
        "fatalities_low": fatalities[0],
        "fatalities_best": fatalities[1],
        "fatalities_high": fatalities[2],
        "injuries_low": injuries[0],
        "injuries_best": injuries[1],
        "injuries_high": injuries[2],
        "n_articles": len(incident.article_ids),
        "n_sources": len(incident.sources),
        "sources": _joined(incident.sources),
        "grade": incident.corroboration.grade,
        "disagreements": " | ".join(d.message for d in incident.disagreements) or None,
        "article_ids": _joined(incident.article_ids),
        "event_ids": _joined(incident.event_ids),
    }


def incident_feature(incident: Incident) -> dict[str, Any]:
    """The GeoJSON Feature of one incident: the flat cells, the several-valued ones as lists."""
    properties = incident_flat_row(incident)
    properties.update(
        sources=list(incident.sources),
        disagreements=[d.message for d in incident.disagreements],
        article_ids=list(incident.article_ids),
        event_ids=list(incident.event_ids),
    )
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": point(incident.location),
        "properties": properties,
    }


def _figure(figure: FigureRange | None) -> tuple[int | None, int | None, int | None]:
    if figure is None:
        return None, None, None
    return figure.low, figure.best, figure.high


def _joined(values: Iterable[str]) -> str | None:
    return "; ".join(value for value in values if value) or None


# --------------------------------------------------------------------------- ACLED


def incident_acled_row(
    incident: Incident,
    coding: AcledCoding,
    countries: Mapping[str, CountryCodes],
    exported_at: int,
) -> dict[str, Any] | None:
    """The ACLED cells of one incident, None for one ACLED does not code (no ACLED type)."""
    if incident.acled_event_type is None or incident.acled_sub_event_type is None:
        return None
    day = iso_day(incident.date.value) or iso_day(incident.date.low)
    best = incident.fatalities.best if incident.fatalities is not None else None
    fatalities = best if best is not None else 0  # ACLED codes an unreported toll as 0
    subject = AcledSubject(
        record_id=incident.id,
        event_type=incident.acled_event_type,
        sub_event_type=incident.acled_sub_event_type,
        source_actors=incident.source_actors,
        target_actors=incident.target_actors,
        place=incident.location,
    )
    return acled_cells(
        subject,
        day=day,
        time_precision=incident_time_precision(incident.date),
        fatalities=fatalities,
        source=_joined(incident.sources),
        notes=incident_notes(incident, fatalities),
        coding=coding,
        countries=countries,
        exported_at=exported_at,
    )


def incident_time_precision(date: IncidentDate) -> int:
    """ACLED's time_precision: the best date's, made coarser by the span of days the reports
    cover (up to a week apart: 2; more: 3)."""
    code = TIME_PRECISION.get(date.precision, 3)
    low, high = iso_day(date.low), iso_day(date.high)
    if low is None or high is None:
        return code
    days = (high - low).days
    if days >= 7:
        return 3
    if days >= 1:
        return max(code, 2)
    return code


def incident_notes(incident: Incident, fatalities: int) -> str:
    """A note in ACLED's manner: what happened, when and where, who reports it and how well,
    the tolls' range and where the reports disagree."""
    parts = [_summary(incident)]
    figure = incident.fatalities
    if (
        figure is not None
        and figure.low is not None
        and figure.high is not None
        and figure.low != figure.high
    ):
        parts.append(
            f"Fatality reports range from {figure.low} to {figure.high}; "
            f"coded the most conservative figure, {fatalities}."
        )
    if incident.disagreements:
        parts.append("Sources disagree: " + ". ".join(d.message for d in incident.disagreements) + ".")
    corroboration = incident.corroboration
    parts.append(f"Corroboration: {corroboration.grade} ({corroboration.reason}).")
    return " ".join(parts)


def _summary(incident: Incident) -> str:
    """ "On 1 March 2024, an air/drone strike in Aleppo (Aleppo) by Russian warplanes against
    civilians, reported in 2 articles by 2 outlets." """
    words = []
    when = _when(incident.date)
    if when:
        words.append(when + ",")
    what = (incident.acled_sub_event_type or incident.type).lower()
    words.append(f"{'an' if what[:1] in 'aeiou' else 'a'} {what}")
    place = incident.location
    if place is not None:
        where = f"in {place.name}"
        if place.admin1 and place.admin1 != place.name:
            where += f" ({place.admin1})"
        words.append(where)
    if incident.source_actors:
        words.append(f"by {_actor_texts(incident.source_actors)}")
    if incident.target_actors:
        words.append(f"against {_actor_texts(incident.target_actors)}")
    articles, outlets = len(incident.article_ids), len(incident.sources)
    reported = f"reported in {articles} article{'s' if articles != 1 else ''}"
    reported += f" by {outlets} outlet{'s' if outlets != 1 else ''}."
    sentence = " ".join(words) + ", " + reported
    return sentence[:1].upper() + sentence[1:]


def _when(date: IncidentDate) -> str | None:
    low, high = iso_day(date.low), iso_day(date.high)
    if date.precision == "day" and low is not None and high is not None and low != high:
        return f"Between {long_date(low)} and {long_date(high)}"
    day = iso_day(date.value) or low
    return date_phrase(day, date.precision) if day is not None else None


def _actor_texts(actors: Sequence[Actor]) -> str:
    texts = [one_line(actor.text) for actor in actors]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]
