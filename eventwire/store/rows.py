"""Records to table rows and back: the flat columns of the store's tables.

Every function here is pure: it turns one record into the parameters of one INSERT (or a row
back into a record), so the SQL in `store.py` stays short and the mapping is testable alone.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from eventwire.errors import StoreError
from eventwire.records import Article, ConsistencyCheck, Event, Incident, Place, Span, from_dict, to_dict

__all__ = [
    "ARTICLE_COLUMNS",
    "EVENT_COLUMNS",
    "INCIDENT_COLUMNS",
    "PLACE_COLUMNS",
    "actor_rows",
    "article_from_row",
    "attribution_rows",
    "check_row",
    "date_range",
    "event_from_json",
    "event_row",
    "figure_rows",
    "filter_date_range",
    "filters",
    "placeholders",
    "incident_from_json",
    "incident_row",
    "place_row",
    "text_sha256",
    "to_json",
]

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

EVENT_COLUMNS = (
    "id", "article_id", "type", "mode", "cameo", "acled_event_type", "acled_sub_event_type",
    "date", "date_precision", "date_start", "date_end",
    "place_name", "geonameid", "lat", "lon", "country", "admin1", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high",
    "status", "confidence", "link", "evidence_start", "evidence_end", "record",
)  # fmt: skip

INCIDENT_COLUMNS = (
    "id", "type", "mode", "cameo", "acled_event_type", "acled_sub_event_type",
    "date", "date_precision", "date_low", "date_high",
    "place_name", "geonameid", "lat", "lon", "country", "admin1", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high",
    "n_events", "n_articles", "n_sources", "grade", "record",
)  # fmt: skip

PLACE_COLUMNS = (
    "article_id", "position", "name", "geonameid", "lat", "lon", "country", "admin1",
    "precision", "feature_code", "kind", "text", "span_start", "span_end", "score", "reason",
)  # fmt: skip

ARTICLE_COLUMNS = ("id", "text", "title", "published", "url", "source")


def text_sha256(text: str) -> str:
    """The digest that tells a changed article text from the same one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_json(record: Any) -> str:
    # Compact and stable: the same record always gives the same bytes.
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day an ISO date covers: ``2018`` -> (2018-01-01, 2018-12-31).

    A value that is no ISO date (or partial date) gives (None, None): the event has no date a
    filter can compare.
    """
    if value is None:
        return None, None
    match = _PARTIAL_DATE.fullmatch(value.strip())
    if not match:
        return None, None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        return None, None
    last_day = calendar.monthrange(int(year), int(month))[1]
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-{last_day:02d}"
    if not 1 <= int(day) <= last_day:
        return None, None
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


def filter_date_range(value: str, name: str) -> tuple[str, str]:
    """`date_range` for a value a user gave (``since``/``until``); a bad value is an error."""
    start, end = date_range(value)
    if start is None or end is None:
        raise StoreError(f"{name}={value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return start, end


def event_row(event: Event, article_id: str) -> tuple[Any, ...]:
    """The `events` row of an event, in `EVENT_COLUMNS` order."""
    date_start, date_end = date_range(event.date.value)
    place = event.location
    fatalities, injuries = event.fatalities, event.injuries
    return (
        event.id,
        article_id,
        event.type,
        event.mode,
        event.cameo,
        event.acled_event_type,
        event.acled_sub_event_type,
        event.date.value,
        event.date.precision,
        date_start,
        date_end,
        place.name if place else None,
        place.geonameid if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.country if place else None,
        place.admin1 if place else None,
        place.precision if place else None,
        fatalities.low if fatalities else None,
        fatalities.best if fatalities else None,
        fatalities.high if fatalities else None,
        injuries.low if injuries else None,
        injuries.best if injuries else None,
        injuries.high if injuries else None,
        event.status,
        event.confidence,
        event.link,
        event.evidence.start,
        event.evidence.end,
        to_json(event),
    )


def _span(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span else (None, None)


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    """`event_actors` rows: sources then targets, each in order."""
    rows = []
    for role, actors in (("source", event.source_actors), ("target", event.target_actors)):
        for position, actor in enumerate(actors):
            rows.append(
                (event.id, role, position, actor.text, actor.country, actor.sector,
                 int(actor.transnational), *_span(actor.span))
            )  # fmt: skip
    return rows


def figure_rows(event: Event) -> list[tuple[Any, ...]]:
    """`event_figures` rows, one per reported figure."""
    rows = []
    for position, figure in enumerate(event.quantities):
        source = figure.source
        rows.append(
            (event.id, position, figure.what, figure.value, figure.low, figure.high, figure.text,
             figure.status, source.text if source else None, source.country if source else None,
             source.sector if source else None, *_span(figure.span))
        )  # fmt: skip
    return rows


def attribution_rows(event: Event) -> list[tuple[Any, ...]]:
    """`event_attributions` rows, one per source the event is attributed to."""
    return [
        (event.id, position, source.text, source.country, source.sector, source.cue, *_span(source.span))
        for position, source in enumerate(event.attributed_to)
    ]


def place_row(place: Place, article_id: str, position: int) -> tuple[Any, ...]:
    """The `places` row of a place resolved in an article, in `PLACE_COLUMNS` order."""
    return (
        article_id, position, place.name, place.geonameid, place.lat, place.lon, place.country,
        place.admin1, place.precision, place.feature_code, place.kind, place.text,
        *_span(place.span), place.score, place.reason,
    )  # fmt: skip


def check_row(check: ConsistencyCheck, article_id: str, position: int) -> tuple[Any, ...]:
    return (article_id, position, check.kind, int(check.passed), check.message, to_json(check.evidence))


def article_from_row(row: sqlite3.Row) -> Article:
    return Article(**{name: row[name] for name in ARTICLE_COLUMNS})


def event_from_json(record: str) -> Event:
    event: Event = from_dict(Event, json.loads(record))
    return event


def incident_row(incident: Incident) -> tuple[Any, ...]:
    """The `incidents` row of an incident, in `INCIDENT_COLUMNS` order."""
    place, date = incident.location, incident.date
    fatalities, injuries = incident.fatalities, incident.injuries
    return (
        incident.id, incident.type, incident.mode, incident.cameo, incident.acled_event_type,
        incident.acled_sub_event_type, date.value, date.precision, date.low, date.high,
        place.name if place else None, place.geonameid if place else None,
        place.lat if place else None, place.lon if place else None,
        place.country if place else None, place.admin1 if place else None,
        place.precision if place else None,
        fatalities.low if fatalities else None, fatalities.best if fatalities else None,
        fatalities.high if fatalities else None,
        injuries.low if injuries else None, injuries.best if injuries else None,
        injuries.high if injuries else None,
        len(incident.event_ids), len(incident.article_ids), len(incident.sources),
        incident.corroboration.grade, to_json(incident),
    )  # fmt: skip


def incident_from_json(record: str) -> Incident:
    incident: Incident = from_dict(Incident, json.loads(record))
    return incident


def placeholders(values: Sequence[object]) -> str:
    """ "?, ?, ?" for an IN list of `values` (the values themselves go in as parameters)."""
    return ", ".join("?" for _ in values)


BBOX_FORMAT = (
    "min_lon,min_lat,max_lon,max_lat in degrees with min_lat <= max_lat (e.g. 35.5,32.3,42.4,37.4 "
    "for Syria; min_lon > max_lon is a box across the antimeridian, 170,-20,-170,-10 around Fiji)"
)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """A bounding box written "min_lon,min_lat,max_lon,max_lat"; ValueError saying what is wrong."""
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4 or not _is_bbox(numbers):
        raise ValueError(f"{value!r} is not {BBOX_FORMAT}")
    min_lon, min_lat, max_lon, max_lat = numbers
    return min_lon, min_lat, max_lon, max_lat


def _is_bbox(box: Sequence[float]) -> bool:
    min_lon, min_lat, max_lon, max_lat = box
    return -90 <= min_lat <= max_lat <= 90 and -180 <= min_lon <= 180 and -180 <= max_lon <= 180


def filters(
    since: str | None,
    until: str | None,
    types: Sequence[str],
    countries: Sequence[str],
    bbox: tuple[float, float, float, float] | None,
    *,
    first_day: str,
    last_day: str,
    prefix: str = "",
) -> tuple[list[str], list[object]]:
    """WHERE terms and parameters of the user's filters over the events or incidents table,
    whose first and last covered days are the columns `first_day` and `last_day`: a record is
    kept when its days can fall in the range. `prefix` qualifies every column ("events.")."""
    where: list[str] = []
    params: list[object] = []
    if since is not None:
        where.append(f"{prefix}{last_day} >= ?")
        params.append(filter_date_range(since, "since")[0])
    if until is not None:
        where.append(f"{prefix}{first_day} <= ?")
        params.append(filter_date_range(until, "until")[1])
    if isinstance(types, str) or isinstance(countries, str):
        raise StoreError("types and countries are sequences of names, not one string")
    if types:
        marks = placeholders(types)
        where.append(
            f"({prefix}type IN ({marks}) OR {prefix}acled_event_type IN ({marks})"
            f" OR {prefix}acled_sub_event_type IN ({marks}))"
        )
        params.extend([*types, *types, *types])
    if countries:
        where.append(f"{prefix}country IN ({placeholders(countries)})")
        params.extend(countries)
    if bbox is not None:
        min_lon, min_lat, max_lon, max_lat = bbox
        if not _is_bbox(bbox):
            raise StoreError(f"bbox {bbox} is not {BBOX_FORMAT}")
        where.append(f"{prefix}lat BETWEEN ? AND ?")
        params.extend([min_lat, max_lat])
        # min_lon > max_lon: a box across the antimeridian.
        where.append(
            f"{prefix}lon BETWEEN ? AND ?"
            if min_lon <= max_lon
            else f"({prefix}lon >= ? OR {prefix}lon <= ?)"
        )
        params.extend([min_lon, max_lon])
    return where, params
