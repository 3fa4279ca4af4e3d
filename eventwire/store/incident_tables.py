"""The SQL of the `incidents` and `incident_events` tables (schema version 2), behind the
`Store` methods of the same names: reading events with what incidents need, writing incidents.

Every function takes the store's open connection; the `Store` methods own the transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from eventwire.records import Incident, StoredEvent
from eventwire.store import rows

__all__ = [
    "clear_incidents",
    "iter_incidents",
    "save_incidents",
    "stale_incident_ids",
    "stored_events",
]

_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on parameters


def _marks(values: Sequence[object]) -> str:
    return rows.placeholders(values)


def stored_events(
    db: sqlite3.Connection,
    *,
    exclude_types: Sequence[str] = (),
    exclude_statuses: Sequence[str] = (),
    assigned: bool | None = None,
    overlapping: tuple[str, str] | None = None,
    incident_ids: Sequence[str] | None = None,
) -> list[StoredEvent]:
    """Events with their article's order, outlet and date and their incident, by article order."""
    base = (
        "SELECT e.record, a.seq, a.source, a.published, ie.incident_id FROM events e"
        " JOIN articles a ON a.id = e.article_id LEFT JOIN incident_events ie ON ie.event_id = e.id"
    )
    where: list[str] = []
    params: list[object] = []
    if exclude_types:
        where.append(f"e.type NOT IN ({_marks(exclude_types)})")
        params.extend(exclude_types)
    if exclude_statuses:
        where.append(f"ifnull(e.status, '') NOT IN ({_marks(exclude_statuses)})")
        params.extend(exclude_statuses)
    if assigned is not None:
        where.append("ie.incident_id IS NOT NULL" if assigned else "ie.incident_id IS NULL")
    if overlapping is not None:
        where.append("e.date_end >= ? AND e.date_start <= ?")
        params.extend(overlapping)
    chunks: list[Sequence[str] | None] = [None]
    if incident_ids is not None:
        ids = sorted(set(incident_ids))
        chunks = [ids[n : n + _CHUNK] for n in range(0, len(ids), _CHUNK)]
    found: list[StoredEvent] = []
    for chunk in chunks:
        clauses, values = list(where), list(params)
        if chunk is not None:
            clauses.append(f"ie.incident_id IN ({_marks(chunk)})")
            values.extend(chunk)
        query = base + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY a.seq, e.id"
        for row in db.execute(query, values):
            found.append(StoredEvent(rows.event_from_json(row[0]), row[1], row[2], row[3], row[4]))
    return found


def stale_incident_ids(db: sqlite3.Connection) -> list[str]:
    """Incidents that lost events since they were built (an article replaced or deleted)."""
    query = (
        "SELECT i.id FROM incidents i LEFT JOIN incident_events ie ON ie.incident_id = i.id"
        " GROUP BY i.id HAVING count(ie.event_id) != i.n_events ORDER BY i.id"
    )
    return [row[0] for row in db.execute(query)]


def clear_incidents(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM incident_events")
    db.execute("DELETE FROM incidents")


def save_incidents(db: sqlite3.Connection, incidents: Sequence[Incident], replacing: Iterable[str]) -> None:
    """Delete the incidents `replacing` names, then write `incidents` with their members."""
    removed = sorted(set(replacing) | {incident.id for incident in incidents})
    for n in range(0, len(removed), _CHUNK):
        chunk = removed[n : n + _CHUNK]
        db.execute(f"DELETE FROM incident_events WHERE incident_id IN ({_marks(chunk)})", chunk)
        db.execute(f"DELETE FROM incidents WHERE id IN ({_marks(chunk)})", chunk)
    db.executemany(
        f"INSERT INTO incidents ({', '.join(rows.INCIDENT_COLUMNS)})"
        f" VALUES ({_marks(rows.INCIDENT_COLUMNS)})",
        [rows.incident_row(incident) for incident in incidents],
    )
    # The article of each event comes from the events table, so a member must be stored.
    db.executemany(
        "INSERT INTO incident_events (event_id, incident_id, article_id)"
        " SELECT id, ?, article_id FROM events WHERE id = ?",
        [(incident.id, event_id) for incident in incidents for event_id in incident.event_ids],
    )


def iter_incidents(db: sqlite3.Connection, where: list[str], params: list[object]) -> Iterator[Incident]:
    query = "SELECT record FROM incidents"
    if where:
        query += " WHERE " + " AND ".join(where)
    query += " ORDER BY date_low IS NULL, date_low, id"
    for row in db.execute(query, params):
        yield rows.incident_from_json(row[0])
