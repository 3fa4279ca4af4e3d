"""The JSON API under /api/: listings with totals, single records, exports, health, and writes.

Every listing answers ``{"total", "limit", "offset", "next_offset", "items"}``; ``next_offset``
is null on the last page. Writes need ``Authorization: Bearer TOKEN`` (the token from
EVENTWIRE_TOKEN or ``[web] token``); with no token configured they are refused with 403.
"""

from __future__ import annotations

import hmac
import io
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any, BinaryIO, Literal, cast

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.export import FORMATS, export
from eventwire.records import Article, ExtractionResult, Failure, to_dict
from eventwire.web import queries
from eventwire.web.app import WebState
from eventwire.web.highlight import event_highlights, place_highlights
from eventwire.web.params import Database, FilterParams, Limit, Offset, get_state

__all__ = ["article_summary", "read_body", "router"]

router = APIRouter(prefix="/api")
_bearer = HTTPBearer(auto_error=False, description="The token from EVENTWIRE_TOKEN or [web] token.")
_MEDIA_TYPES = {
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".jsonl": "application/x-ndjson",
    ".geojson": "application/geo+json",
    ".parquet": "application/vnd.apache.parquet",
}
_EXPORT_CHUNK = 64 * 1024
# The most points one map request returns; the total says how many matched.
MAX_MAP_POINTS = 5000


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[dict[str, Any]]


def _page(total: int, items: list[dict[str, Any]], limit: int, offset: int) -> Page:
    following = offset + len(items)
    return Page(
        total=total,
        limit=limit,
        offset=offset,
        items=items,
        next_offset=following if following < total else None,
    )


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "source": article.source,
    }


def _highlights(db: sqlite3.Connection, article: Article, events: list[Any]) -> list[dict[str, Any]]:
    found = event_highlights(events, len(article.text))
    found += place_highlights(queries.article_places(db, article.id), len(article.text))
    return [{"start": h.start, "end": h.end, "kind": h.kind, "label": h.label} for h in found]


# --------------------------------------------------------------------------- reading


@router.get("/health", summary="Whether the store can be read, and what it holds")
def health(db: Database, state: Annotated[WebState, Depends(get_state)]) -> dict[str, Any]:
    counts = {}
    for table in ("articles", "events", "incidents", "failures"):
        # Table names are the constants above.
        counts[table] = (
            db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if queries.has_table(db, table) else 0
        )
    return {
        "status": "ok",
        "version": __version__,
        "store": state.db_path.name,
        "counts": counts,
        "writes_enabled": bool(state.token),
    }


@router.get("/articles", summary="Articles (without text), newest first", response_model=Page)
def list_articles(db: Database, filters: FilterParams, limit: Limit = 50, offset: Offset = 0) -> Page:
    total, items = queries.list_articles(db, filters, limit, offset)
    return _page(total, items, limit, offset)


@router.get("/articles/{article_id:path}", summary="One article: text, events, places and evidence spans")
def get_article(article_id: str, db: Database) -> dict[str, Any]:
    article = queries.get_article_row(db, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    events = queries.article_events(db, article_id)
    return {
        "article": {**article_summary(article), "text": article.text},
        "events": [to_dict(event) for event in events],
        "places": queries.article_places(db, article_id),
        "highlights": _highlights(db, article, events),
    }


@router.get("/events", summary="Coded events, by date", response_model=Page)
def list_events(db: Database, filters: FilterParams, limit: Limit = 50, offset: Offset = 0) -> Page:
    total, items = queries.list_events(db, filters, limit, offset)
    return _page(total, items, limit, offset)


@router.get("/events/{event_id}", summary="One event with its article's metadata")
def get_event(event_id: str, db: Database) -> dict[str, Any]:
    found = queries.get_event(db, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    event, article_id = found
    article = queries.get_article_row(db, article_id)
    return {
        "event": {**to_dict(event), "article_id": article_id},
        "article": article_summary(article) if article else None,
        "incident_id": queries.event_incident(db, event_id),
    }


@router.get("/incidents", summary="Incidents: one happening, merged across reports", response_model=Page)
def list_incidents(db: Database, filters: FilterParams, limit: Limit = 50, offset: Offset = 0) -> Page:
    total, items = queries.list_incidents(db, filters, limit, offset)
    return _page(total, items, limit, offset)


@router.get("/incidents/{incident_id}", summary="One incident, its events and its reports")
def get_incident(incident_id: str, db: Database) -> dict[str, Any]:
    incident = queries.get_incident(db, incident_id)
    if incident is None:
        raise HTTPException(404, f"no incident {incident_id!r} in this store")
    merged = queries.incident_events(db, incident)
    articles = {}
    for article_id, _ in merged:
        article = queries.get_article_row(db, article_id)
        if article is not None:
            articles[article_id] = article_summary(article)
    return {
        "incident": incident,
        "events": [{**to_dict(e), "article_id": a} for a, e in merged],
        "articles": list(articles.values()),
    }


Unit = Annotated[
    Literal["auto", "incidents", "events"],
    Query(
        description="What a point is: incidents (events merged across reports), events, or auto: "
        "incidents when the store has any, else events."
    ),
]


def _unit(db: sqlite3.Connection, unit: str) -> str:
    if unit == "auto":
        return "incidents" if queries.has_incidents(db) else "events"
    return unit


@router.get("/map", summary="Located incidents or events for the map: position, type, fatalities")
def map_points(
    db: Database,
    filters: FilterParams,
    unit: Unit = "auto",
    limit: Annotated[int, Query(ge=1, le=MAX_MAP_POINTS)] = MAX_MAP_POINTS,
) -> dict[str, Any]:
    chosen = _unit(db, unit)
    points = queries.incident_points if chosen == "incidents" else queries.map_points
    total, items = points(db, filters, limit)
    return {"unit": chosen, "total": total, "items": items}


@router.get("/timeline", summary="Incidents or events per day and type")
def timeline(db: Database, filters: FilterParams, unit: Unit = "auto") -> dict[str, Any]:
    chosen = _unit(db, unit)
    counts = (queries.incidents_by_day if chosen == "incidents" else queries.count_by_day)(db, filters)
    days = sorted({row["day"] for row in counts})
    types = sorted({row["type"] for row in counts})
    index = {day: n for n, day in enumerate(days)}
    series = {kind: [0] * len(days) for kind in types}
    for row in counts:
        series[row["type"]][index[row["day"]]] += row["n"]
    return {"unit": chosen, "total": sum(row["n"] for row in counts), "days": days, "types": types,
            "series": series}  # fmt: skip


@router.get(
    "/export", summary="The matching events in one of the export formats", response_class=StreamingResponse
)
def export_events(
    state: Annotated[WebState, Depends(get_state)],
    db: Database,
    filters: FilterParams,
    format: Annotated[str, Query(description=f"One of: {', '.join(FORMATS)}")] = "csv",
) -> StreamingResponse:
    exporter = FORMATS.get(format)
    if exporter is None:
        raise HTTPException(400, f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    # Written to a temporary file (on disk past 8 MB), then streamed: the export holds no
    # more than a batch in memory, and a failure is an error status, not a truncated file.
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    try:
        export(queries.iter_event_rows(db, filters), format, cast(BinaryIO, spool))
    except BaseException:
        spool.close()
        raise
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            while chunk := spool.read(_EXPORT_CHUNK):
                yield chunk

    filename = f"events{exporter.suffix}"
    return StreamingResponse(
        chunks(),
        media_type=_MEDIA_TYPES.get(exporter.suffix, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# --------------------------------------------------------------------------- writing


def require_token(
    state: Annotated[WebState, Depends(get_state)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Refuse the request unless it carries the configured bearer token."""
    if not state.token:
        raise HTTPException(
            403,
            "writes are disabled on this server: no token is configured; set EVENTWIRE_TOKEN "
            "(or token in the [web] section of the config) and restart `eventwire serve`",
        )
    given = credentials.credentials.encode("utf-8") if credentials is not None else b""
    if credentials is None or not hmac.compare_digest(given, state.token.encode("utf-8")):
        raise HTTPException(
            401,
            "send the write token as 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 once it passes `limit` bytes (declared or not)."""
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise HTTPException(413, f"request body larger than {limit} bytes")
    return bytes(received)


_ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "date": {"type": "string"},
        "published": {"type": "string"},
        "url": {"type": "string"},
        "source": {"type": "string"},
        "text": {"type": "string"},
    },
}
_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [_ARTICLE_SCHEMA, {"type": "array", "items": _ARTICLE_SCHEMA, "minItems": 1}]
                }
            }
        },
    }
}
_EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string"},
                        "published": {"type": "string"},
                        "title": {"type": "string"},
                    },
                }
            }
        },
    }
}


async def _json_body(request: Request, state: WebState) -> Any:
    raw = await read_body(request, state.config.web.max_request_bytes)
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"the body is not valid JSON: {exc}") from exc


def _articles_from(records: list[Any], state: WebState) -> list[Article | Failure]:
    """The posted records read exactly as JSONL lines are (`ingest.jsonl`), failures included."""
    from eventwire.ingest.checks import TextChecks
    from eventwire.ingest.jsonl import iter_jsonl

    lines = b"\n".join(json.dumps(record, ensure_ascii=False).encode("utf-8") for record in records)
    return list(iter_jsonl(io.BytesIO(lines), "api", TextChecks.load(state.config.ingest)))


def _ingest(state: WebState, items: list[Article | Failure]) -> dict[str, Any]:
    from eventwire.corpus import ingest_corpus
    from eventwire.store import Store

    pipeline = state.get_pipeline()
    with state.write_lock, Store.open(state.db_path) as store:
        summary = ingest_corpus(items, store, pipeline, command="serve: POST /api/ingest")
        store.commit()
        incidents = _update_incidents(store)
    return {"summary": to_dict(summary), "incidents_updated": incidents}


def _update_incidents(store: Any) -> bool:
    from eventwire.incidents import build_incidents

    build_incidents(store)
    store.commit()
    return True


@router.post(
    "/ingest",
    summary="Store, extract and merge one article or a list of them",
    dependencies=[Depends(require_token)],
    openapi_extra=_INGEST_BODY,
)
async def ingest(request: Request, state: Annotated[WebState, Depends(get_state)]) -> dict[str, Any]:
    body = await _json_body(request, state)
    records = body if isinstance(body, list) else [body]
    if not records or not all(isinstance(record, dict) for record in records):
        raise HTTPException(
            400, "send one article object or a non-empty list of them (fields of the JSONL input)"
        )
    items = _articles_from(records, state)
    failures = [to_dict(item) for item in items if isinstance(item, Failure)]
    articles = [item.id for item in items if isinstance(item, Article)]
    try:
        result = await run_in_threadpool(_ingest, state, items)
    except EventwireError as exc:
        raise HTTPException(503, str(exc)) from exc
    return {**result, "articles": articles, "failures": failures}


def _extract(state: WebState, text: str, published: str | None, title: str | None) -> ExtractionResult:
    return state.get_pipeline().extract_text(text, published=published, title=title)


@router.post(
    "/extract",
    summary="Events of a text, not stored",
    dependencies=[Depends(require_token)],
    openapi_extra=_EXTRACT_BODY,
)
async def extract(request: Request, state: Annotated[WebState, Depends(get_state)]) -> dict[str, Any]:
    body = await _json_body(request, state)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise HTTPException(
            400, 'send {"text": "...", "published": "YYYY-MM-DD"} (published and title optional)'
        )
    records = [{key: body[key] for key in ("text", "published", "title") if isinstance(body.get(key), str)}]
    (item,) = _articles_from(records, state)
    if isinstance(item, Failure):
        raise HTTPException(400, f"{item.error}: {item.message}")
    try:
        result = await run_in_threadpool(_extract, state, item.text, item.published, item.title)
    except EventwireError as exc:
        raise HTTPException(422, str(exc)) from exc
    return {
        "events": [to_dict(event) for event in result.events],
        "places": [to_dict(p) for p in result.places],
        "warnings": result.warnings,
    }
