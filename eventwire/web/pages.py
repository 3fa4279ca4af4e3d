"""The HTML pages: each renders server-side with autoescaped templates and has a JSON twin.

| page | JSON twin |
|---|---|
| ``/`` map and timeline | ``/api/map``, ``/api/timeline`` (``/api/events`` for the records) |
| ``/articles`` | ``/api/articles`` |
| ``/articles/{id}`` | ``/api/articles/{id}`` |
| ``/events/{id}`` | ``/api/events/{id}`` |
| ``/incidents``, ``/incidents/{id}`` | ``/api/incidents``, ``/api/incidents/{id}`` |

Pages carry no data in scripts: the map and timeline scripts read the filters from the page
URL and fetch the JSON twins. Highlighted article text is built by `highlight.render_highlighted`,
which escapes every piece of text.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from eventwire.records import Article, Event
from eventwire.web import queries
from eventwire.web.app import WebState
from eventwire.web.highlight import event_highlights, place_highlights, render_highlighted
from eventwire.web.params import Database, FilterParams, Limit, Offset, get_state

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(get_state)]


def _safe_link(url: str | None) -> str | None:
    """Only http(s) URLs become links: a stored ``javascript:`` URL stays text."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in {"http", "https"} else None


def _filter_query(request: Request, **changes: Any) -> str:
    params = [(key, value) for key, value in request.query_params.multi_items() if key not in changes]
    params += [(key, str(value)) for key, value in changes.items() if value is not None]
    return urlencode(params)


def _known_types(db: sqlite3.Connection) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT type FROM events ORDER BY type")]


def _html(state: WebState, template: str, request: Request, **context: Any) -> HTMLResponse:
    context.setdefault("query", dict(request.query_params))
    return HTMLResponse(state.render(template, safe_link=_safe_link, **context))


def _report(db: sqlite3.Connection, article: Article, events: list[Event]) -> dict[str, Any]:
    """An article ready for a template: its metadata and its text highlighted."""
    highlights = event_highlights(events, len(article.text))
    highlights += place_highlights(queries.article_places(db, article.id), len(article.text))
    return {
        "article": article,
        "events": events,
        "text": render_highlighted(article.text, highlights),
        "link": _safe_link(article.url),
    }


@router.get("/", response_class=HTMLResponse)
def index(request: Request, state: State, db: Database, filters: FilterParams) -> HTMLResponse:
    return _html(state, "index.html", request, title="Map", types=_known_types(db), filters=filters)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request, state: State) -> HTMLResponse:
    return _html(state, "docs.html", request, title="API")


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, state: State, db: Database, filters: FilterParams, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    total, items = queries.list_articles(db, filters, limit, offset)
    previous_page = _filter_query(request, offset=max(offset - limit, 0)) if offset > 0 else None
    next_page = _filter_query(request, offset=offset + limit) if offset + len(items) < total else None
    return _html(
        state,
        "articles.html",
        request,
        title="Articles",
        items=items,
        total=total,
        offset=offset,
        previous_page=previous_page,
        next_page=next_page,
        types=_known_types(db),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(article_id: str, request: Request, state: State, db: Database) -> HTMLResponse:
    found = queries.get_article_row(db, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    report = _report(db, found, queries.article_events(db, article_id))
    incidents = {event.id: queries.event_incident(db, event.id) for event in report["events"]}
    return _html(
        state, "article.html", request, title=found.title or found.id, report=report, incidents=incidents
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(event_id: str, request: Request, state: State, db: Database) -> HTMLResponse:
    found = queries.get_event(db, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    record, article_id = found
    source = queries.get_article_row(db, article_id)
    report = _report(db, source, [record]) if source else None
    return _html(
        state,
        "event.html",
        request,
        title=f"{record.type} event",
        event=record,
        report=report,
        incident_id=queries.event_incident(db, event_id),
    )


@router.get("/incidents", response_class=HTMLResponse)
def incidents(
    request: Request, state: State, db: Database, filters: FilterParams, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    total, items = queries.list_incidents(db, filters, limit, offset)
    next_page = _filter_query(request, offset=offset + limit) if offset + len(items) < total else None
    previous_page = _filter_query(request, offset=max(offset - limit, 0)) if offset > 0 else None
    return _html(
        state,
        "incidents.html",
        request,
        title="Incidents",
        items=items,
        total=total,
        offset=offset,
        next_page=next_page,
        previous_page=previous_page,
        available=queries.has_table(db, "incidents"),
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(incident_id: str, request: Request, state: State, db: Database) -> HTMLResponse:
    found = queries.get_incident(db, incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r} in this store")
    by_article: dict[str, list[Event]] = {}
    for article_id, record in queries.incident_events(db, found):
        by_article.setdefault(article_id, []).append(record)
    for article_id in found.get("article_ids") or []:
        by_article.setdefault(str(article_id), [])
    reports = []
    for article_id, events in by_article.items():
        source = queries.get_article_row(db, article_id)
        if source is not None:
            reports.append(_report(db, source, events))
    return _html(
        state,
        "incident.html",
        request,
        title=f"Incident {incident_id}",
        incident=found,
        reports=reports,
        figures=_figures_by_source(found, by_article),
    )


def _figures_by_source(incident: dict[str, Any], by_article: dict[str, list[Event]]) -> list[dict[str, Any]]:
    """One row per report's figure: the incident's own per-source figures when it has them,
    else the casualty figures of its events."""
    table = [
        report
        for figure in incident.get("figures") or []
        if isinstance(figure, dict)
        for report in figure.get("reports") or []
        if isinstance(report, dict)
    ]
    if table:
        return [{key: row.get(key) for key in _FIGURE_KEYS} for row in table]
    for article_id, events in by_article.items():
        for record in events:
            for quantity in record.quantities:
                table.append(
                    {
                        "what": quantity.what,
                        "value": quantity.value,
                        "low": quantity.low,
                        "high": quantity.high,
                        "status": quantity.status,
                        "source": quantity.source.text if quantity.source else None,
                        "outlet": None,
                        "article_id": article_id,
                    }
                )
    return table


_FIGURE_KEYS = ("what", "value", "low", "high", "status", "source", "outlet", "article_id")
