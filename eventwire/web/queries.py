"""Read-only queries the web app runs against a store file: listings with filters and totals.

The app never writes through these: each request opens its own read-only connection
(`open_readonly`), so a slow page never holds a lock and a writer (`eventwire ingest`, or the
app's own POST /api/ingest) never waits for readers (the store is in WAL mode). Every value a
caller gives is a bound parameter; the only text put into SQL is built here from constants.

Incidents live in tables another part of eventwire creates (`incidents`, `incident_events`);
on a store without them the incident queries return nothing instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.records import Article, Event
from eventwire.store import rows

__all__ = [
    "Filters",
    "article_events",
    "count_by_day",
    "get_article_row",
    "get_event",
    "get_incident",
    "event_incident",
    "has_incidents",
    "has_table",
    "incident_points",
    "incidents_by_day",
    "incident_events",
    "iter_event_rows",
    "list_articles",
    "list_events",
    "list_incidents",
    "map_points",
    "open_readonly",
]

# A page of a listing: the total matching, and the rows of this page.
Listing = tuple[int, list[dict[str, Any]]]

_ARTICLE_SUMMARY = "id, title, published, url, source, length(text) AS chars"


@dataclass(frozen=True, slots=True)
class Filters:
    """What a listing is narrowed to; every field is optional (see `eventwire.web.api`)."""

    since: str | None = None
    until: str | None = None
    types: Sequence[str] = ()
    countries: Sequence[str] = ()
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to the store at `path`; StoreError when it cannot be opened."""
    if not path.is_file():
        raise StoreError(f"no store at {path}")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store {path} to read: {exc}") from exc
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def has_table(db: sqlite3.Connection, name: str) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (name,))
    return found.fetchone() is not None


def _fts_ids(q: str) -> tuple[str, list[object]]:
    # The article ids the full-text query matches, as a subquery with its parameter.
    return (
        "SELECT articles.id FROM articles_fts JOIN articles ON articles.seq = articles_fts.rowid"
        " WHERE articles_fts MATCH ?",
        [q],
    )


def _run(db: sqlite3.Connection, sql: str, params: Sequence[object]) -> list[sqlite3.Row]:
    return list(_iterate(db, sql, params))


def _iterate(db: sqlite3.Connection, sql: str, params: Sequence[object]) -> Iterator[sqlite3.Row]:
    """The rows of a query one at a time (an export of the whole store never sits in memory)."""
    try:
        cursor = db.execute(sql, list(params))
        while batch := cursor.fetchmany(500):
            yield from batch
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in str(exc) or "syntax" in str(exc):
            raise StoreError(
                f"not a valid full-text query ({exc}); put words in double quotes to search for "
                'them as written, e.g. "al-Bab"'
            ) from exc
        raise StoreError(f"cannot read the store: {exc}") from exc


def _event_where(filters: Filters, prefix: str = "") -> tuple[list[str], list[object]]:
    """WHERE terms over the `events` table (columns prefixed with `prefix`): the store's own
    filters, and `q` through the events' articles."""
    where, params = rows.filters(
        filters.since,
        filters.until,
        filters.types,
        filters.countries,
        filters.bbox,
        first_day="date_start",
        last_day="date_end",
        prefix=prefix,
    )
    if filters.q:
        subquery, sub_params = _fts_ids(filters.q)
        where.append(f"{prefix}article_id IN ({subquery})")
        params.extend(sub_params)
    return where, params


def _page(
    db: sqlite3.Connection,
    base: str,
    where: list[str],
    params: list[object],
    order: str,
    limit: int,
    offset: int,
) -> tuple[int, list[sqlite3.Row]]:
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = _run(db, f"SELECT count(*) FROM ({base}{clause})", params)[0][0]
    found = _run(db, f"{base}{clause} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    return total, found


# --------------------------------------------------------------------------- articles


def list_articles(db: sqlite3.Connection, filters: Filters, limit: int, offset: int) -> Listing:
    """Articles (without their text), newest first; events filters keep articles with such events."""
    where: list[str] = []
    params: list[object] = []
    if filters.since is not None:
        where.append("published >= ?")
        params.append(rows.filter_date_range(filters.since, "since")[0])
    if filters.until is not None:
        where.append("published <= ?")
        params.append(rows.filter_date_range(filters.until, "until")[1])
    event_filters = Filters(types=filters.types, countries=filters.countries, bbox=filters.bbox)
    event_where, event_params = _event_where(event_filters)
    if event_where:
        where.append(f"id IN (SELECT article_id FROM events WHERE {' AND '.join(event_where)})")
        params.extend(event_params)
    if filters.q:
        subquery, sub_params = _fts_ids(filters.q)
        where.append(f"id IN ({subquery})")
        params.extend(sub_params)
    base = (
        f"SELECT {_ARTICLE_SUMMARY}, (SELECT count(*) FROM events WHERE events.article_id = articles.id)"
        " AS events FROM articles"
    )
    order = "published IS NULL, published DESC, seq DESC"
    total, found = _page(db, base, where, params, order, limit, offset)
    return total, [dict(row) for row in found]


def get_article_row(db: sqlite3.Connection, article_id: str) -> Article | None:
    row = db.execute(f"SELECT {', '.join(rows.ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,))
    found = row.fetchone()
    return rows.article_from_row(found) if found else None


def article_events(db: sqlite3.Connection, article_id: str) -> list[Event]:
    found = db.execute(
        "SELECT record FROM events WHERE article_id = ? ORDER BY evidence_start, id", (article_id,)
    )
    return [rows.event_from_json(row["record"]) for row in found]


def article_places(db: sqlite3.Connection, article_id: str) -> list[dict]:
    found = db.execute(
        "SELECT name, country, lat, lon, kind, text, span_start, span_end FROM places"
        " WHERE article_id = ? ORDER BY position",
        (article_id,),
    )
    return [dict(row) for row in found]


# --------------------------------------------------------------------------- events


def _event_dict(row: sqlite3.Row) -> dict[str, Any]:
    record = json.loads(row["record"])
    record["article_id"] = row["article_id"]
    return record


def list_events(db: sqlite3.Connection, filters: Filters, limit: int, offset: int) -> Listing:
    """Events as `records.to_dict` gives them, by date (undated last), then id."""
    where, params = _event_where(filters)
    base = "SELECT id, article_id, date_start, record FROM events"
    total, found = _page(db, base, where, params, "date_start IS NULL, date_start, id", limit, offset)
    return total, [_event_dict(row) for row in found]


def get_event(db: sqlite3.Connection, event_id: str) -> tuple[Event, str] | None:
    """The event and its article id."""
    row = db.execute("SELECT article_id, record FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    return rows.event_from_json(row["record"]), row["article_id"]


def iter_event_rows(db: sqlite3.Connection, filters: Filters) -> Iterator[tuple[Article, Event]]:
    """(Article, Event) pairs for the exports, by date then id; articles read once each."""
    where, params = _event_where(filters)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    sql = f"SELECT article_id, record FROM events{clause} ORDER BY date_start IS NULL, date_start, id"
    cached: tuple[str, Article] | None = None
    for row in _iterate(db, sql, params):
        if cached is None or cached[0] != row["article_id"]:
            article = get_article_row(db, row["article_id"])
            if article is None:
                continue
            cached = (row["article_id"], article)
        yield cached[1], rows.event_from_json(row["record"])


def map_points(db: sqlite3.Connection, filters: Filters, limit: int) -> Listing:
    """Located events for the map: the few fields a marker needs."""
    where, params = _event_where(filters, prefix="events.")
    where.append("events.lat IS NOT NULL AND events.lon IS NOT NULL")
    base = (
        "SELECT events.id, events.type, events.date, events.lat, events.lon, events.place_name,"
        " events.country, events.fatalities_best, events.article_id, articles.title"
        " FROM events JOIN articles ON articles.id = events.article_id"
    )
    total, found = _page(
        db, base, where, params, "events.date_start IS NULL, events.date_start, events.id", limit, 0
    )
    return total, [dict(row) for row in found]


def count_by_day(db: sqlite3.Connection, filters: Filters) -> list[dict]:
    """Events per first day of their date and type (day-precision and coarser dates alike)."""
    where, params = _event_where(filters)
    where.append("date_start IS NOT NULL")
    sql = (
        "SELECT date_start AS day, type, count(*) AS n FROM events"
        f" WHERE {' AND '.join(where)} GROUP BY date_start, type ORDER BY date_start, type"
    )
    return [dict(row) for row in _run(db, sql, params)]


# --------------------------------------------------------------------------- incidents


def has_incidents(db: sqlite3.Connection) -> bool:
    """Whether the store has incident tables with at least one incident in them."""
    if not (has_table(db, "incidents") and has_table(db, "incident_events")):
        return False
    return db.execute("SELECT 1 FROM incidents LIMIT 1").fetchone() is not None


def _incident_where(filters: Filters) -> tuple[list[str], list[object]]:
    """WHERE terms over the `incidents` table: the store's filters over its own date span, type
    and place; `q` through the articles of its events."""
    where, params = rows.filters(
        filters.since,
        filters.until,
        filters.types,
        filters.countries,
        filters.bbox,
        first_day="date_low",
        last_day="date_high",
    )
    if filters.q:
        subquery, sub_params = _fts_ids(filters.q)
        where.append(f"id IN (SELECT incident_id FROM incident_events WHERE article_id IN ({subquery}))")
        params.extend(sub_params)
    return where, params


def _incident_dict(row: sqlite3.Row) -> dict[str, Any]:
    """The incident as `records.to_dict` gives it, plus the counts its row keeps."""
    record = json.loads(row["record"])
    for column in ("n_events", "n_articles", "n_sources", "grade"):
        record.setdefault(column, row[column])
    return record


def list_incidents(db: sqlite3.Connection, filters: Filters, limit: int, offset: int) -> Listing:
    """Incidents (events merged across articles) by first day; none on a store without them."""
    if not has_table(db, "incidents"):
        return 0, []
    where, params = _incident_where(filters)
    base = "SELECT id, date_low, record, n_events, n_articles, n_sources, grade FROM incidents"
    total, found = _page(db, base, where, params, "date_low IS NULL, date_low, id", limit, offset)
    return total, [_incident_dict(row) for row in found]


def get_incident(db: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    if not has_table(db, "incidents"):
        return None
    row = db.execute(
        "SELECT record, n_events, n_articles, n_sources, grade FROM incidents WHERE id = ?", (incident_id,)
    ).fetchone()
    return _incident_dict(row) if row else None


def incident_events(db: sqlite3.Connection, incident: dict[str, Any]) -> list[tuple[str, Event]]:
    """(article id, event) of each event the incident merges, in the incident's order."""
    merged = []
    for event_id in incident.get("event_ids") or []:
        pair = get_event(db, str(event_id))
        if pair is not None:
            merged.append((pair[1], pair[0]))
    return merged


def event_incident(db: sqlite3.Connection, event_id: str) -> str | None:
    """The id of the incident an event belongs to, if any."""
    if not has_table(db, "incident_events"):
        return None
    row = db.execute("SELECT incident_id FROM incident_events WHERE event_id = ?", (event_id,)).fetchone()
    return row[0] if row else None


def incident_points(db: sqlite3.Connection, filters: Filters, limit: int) -> Listing:
    """Located incidents for the map, with the same fields as `map_points`."""
    if not has_table(db, "incidents"):
        return 0, []
    where, params = _incident_where(filters)
    where.append("lat IS NOT NULL AND lon IS NOT NULL")
    base = (
        "SELECT id, type, date, lat, lon, place_name, country, fatalities_best, n_articles, grade"
        " FROM incidents"
    )
    total, found = _page(db, base, where, params, "date_low IS NULL, date_low, id", limit, 0)
    return total, [dict(row) for row in found]


def incidents_by_day(db: sqlite3.Connection, filters: Filters) -> list[dict]:
    """Incidents per first day of their date span and type."""
    if not has_table(db, "incidents"):
        return []
    where, params = _incident_where(filters)
    where.append("date_low IS NOT NULL")
    sql = (
        "SELECT date_low AS day, type, count(*) AS n FROM incidents"
        f" WHERE {' AND '.join(where)} GROUP BY date_low, type ORDER BY date_low, type"
    )
    return [dict(row) for row in _run(db, sql, params)]
