"""Request parameters shared by the JSON API and the HTML pages: filters, paging, the database.

A bad filter value is the caller's mistake and answers 400 with what to write instead; the
values are checked here, before any query runs, so a query never fails halfway through a
streamed response.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from eventwire.errors import StoreError
from eventwire.store import rows
from eventwire.web.app import WebState
from eventwire.web.queries import Filters, open_readonly

__all__ = ["Database", "FilterParams", "Limit", "Offset", "get_db", "get_filters", "get_state"]

MAX_PAGE = 500


def get_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def get_db(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for this request, closed after it."""
    db = open_readonly(get_state(request).db_path)
    try:
        yield db
    finally:
        db.close()


Database = Annotated[sqlite3.Connection, Depends(get_db)]


def _split(values: Sequence[str]) -> tuple[str, ...]:
    # type=A&type=B and type=A,B both work, so a shared URL stays short.
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        rows.filter_date_range(value, name)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from exc
    return value


def _parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    try:
        return rows.parse_bbox(value)
    except ValueError as exc:
        raise HTTPException(400, f"bbox={exc}") from exc


def _fts_error(db: sqlite3.Connection, q: str) -> sqlite3.Error | None:
    try:
        db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (q,)).fetchall()
    except sqlite3.Error as exc:
        return exc
    return None


def full_text_query(db: sqlite3.Connection, q: str) -> str:
    """`q` as FTS5 syntax when it parses; else each word quoted, so what people type into a
    search box ("al-Bab", "U.S.", a stray quote) searches for those words as written."""
    if _fts_error(db, q) is None:
        return q
    literal = " ".join('"' + word.replace('"', '""') + '"' for word in q.split())
    error = _fts_error(db, literal)
    if error is not None:
        raise HTTPException(
            400,
            f"q={q!r} is not a valid full-text query ({error}); put words in double quotes to "
            'search for them as written, e.g. "al-Bab"',
        )
    return literal


def get_filters(
    db: Database,
    since: Annotated[
        str | None, Query(description="Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, Query(description="Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    type: Annotated[
        list[str], Query(description="PLOVER type or ACLED (sub-)event type; repeat or comma-separate.")
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
    country: Annotated[
        list[str], Query(description="ISO3 country of the place; repeat or comma-separate.")
    ] = [],  # noqa: B006
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[
        str | None, Query(description="Full-text query (SQLite FTS5) over titles and texts.")
    ] = None,
) -> Filters:
    q = q.strip() if q else None
    if q:
        q = full_text_query(db, q)
    return Filters(
        since=_check_date(since, "since"),
        until=_check_date(until, "until"),
        types=_split(type),
        countries=_split(country),
        bbox=_parse_bbox(bbox),
        q=q or None,
    )


FilterParams = Annotated[Filters, Depends(get_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=2**31, description="Items to skip.")]
