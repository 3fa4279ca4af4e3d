"""The app factory: one FastAPI app serving a store's JSON API, its HTML pages and their assets.

    app = create_app("eventwire.db", config=load_config())
    uvicorn.run(app, host="127.0.0.1", port=8000)

Reads open a read-only connection per request; writes (POST /api/ingest) go through one
`Store` at a time, under a lock, with a `Pipeline` loaded on the first write (or given).
Every response carries a strict Content-Security-Policy: scripts and styles only from this
app's own /static/, no inline scripts, nothing from another host.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__
from eventwire.config import Config
from eventwire.errors import EventwireError
from eventwire.web.highlight import KINDS

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

__all__ = ["CONTENT_SECURITY_POLICY", "LOOPBACK_HOSTS", "WebState", "allowed_hosts", "create_app"]

# Styles may be set inline because Leaflet, uPlot and Swagger UI position elements with
# style attributes; scripts may not.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
_SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

_PACKAGE = Path(str(resources.files("eventwire.web")))
_log = logging.getLogger(__name__)


@dataclass
class WebState:
    """What every request handler shares: the store path, config, and the lazily loaded pipeline."""

    db_path: Path
    config: Config
    token: str
    templates: Environment
    pipeline: Pipeline | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    pipeline_lock: threading.Lock = field(default_factory=threading.Lock)

    def get_pipeline(self) -> Pipeline:
        """The pipeline, loaded on first use (the spaCy model and gazetteer take seconds)."""
        with self.pipeline_lock:
            if self.pipeline is None:
                from eventwire.pipeline import Pipeline

                self.pipeline = Pipeline.load(self.config)
            return self.pipeline

    def render(self, template: str, **context: Any) -> str:
        context.setdefault("query", {})  # the search box of base.html shows the query, if any
        return self.templates.get_template(template).render(**context)


#: The names a loopback server answers to. Any other Host header is refused: a page on another
#: site whose name an attacker points at 127.0.0.1 (DNS rebinding) must not read the store.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})


def allowed_hosts(config: Config, served_host: str | None = None) -> frozenset[str]:
    """The Host names requests may carry: loopback, the address served on, and [web] allowed_hosts
    (comma-separated; "*" allows any)."""
    names = {name.strip().lower() for name in config.web.allowed_hosts.split(",") if name.strip()}
    if served_host and served_host not in _WILDCARD_ADDRESSES:
        names.add(served_host.strip("[]").lower())
    return LOOPBACK_HOSTS | names


def _host_name(headers: list[tuple[bytes, bytes]]) -> str:
    """The name in the Host header without its port ("[::1]:8000" -> "::1")."""
    host = dict(headers).get(b"host", b"").decode("latin-1").strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityMiddleware:
    """Adds the security headers to every response, refuses unknown Host names and bodies over
    the size limit, and turns an unexpected error into a plain 500 with the same headers.

    A declared Content-Length over the limit is refused here, before the body is read; the
    write endpoints count the bytes of a body sent without one (`api.read_body`).
    """

    def __init__(self, app: ASGIApp, max_request_bytes: int, hosts: frozenset[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in _SECURITY_HEADERS if name not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        headers = scope.get("headers", [])
        if "*" not in self.hosts and _host_name(headers) not in self.hosts:
            refused = JSONResponse(
                {"detail": "unknown Host header; see [web] allowed_hosts"}, status_code=400
            )
            await refused(scope, receive, send_with_headers)
            return
        declared = dict(headers).get(b"content-length")
        if declared is not None:
            too_large = not declared.isdigit() or int(declared) > self.max_request_bytes
            if too_large:
                response = JSONResponse(
                    {"detail": f"request body larger than {self.max_request_bytes} bytes"},
                    status_code=413,
                )
                await response(scope, receive, send_with_headers)
                return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # The traceback goes to the server's log, never to the client.
            _log.exception("unexpected error answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            failed = JSONResponse({"detail": "internal error; see the server log"}, status_code=500)
            await failed(scope, receive, send_with_headers)


def _templates() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(_PACKAGE / "templates")),
        autoescape=True,  # every value is text unless a view passes markupsafe.Markup it built
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["version"] = __version__
    environment.globals["kinds"] = KINDS  # macros imported without context see globals only
    return environment


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/openapi.json" or path.startswith("/static/"))


def create_app(
    db_path: str | os.PathLike[str],
    *,
    config: Config,
    pipeline: Pipeline | None = None,
    served_host: str | None = None,
) -> FastAPI:
    """The web app over the store at `db_path` (it must exist: `Store.open` creates one).

    It answers requests whose Host is loopback, `served_host` or a name in [web] allowed_hosts.
    """
    from eventwire.web import api, pages

    path = Path(db_path)
    state = WebState(
        db_path=path, config=config, token=config.web.write_token(), templates=_templates(), pipeline=pipeline
    )
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=(
            "Read and write an eventwire store: articles, coded events and incidents, with "
            "filters, full-text search and exports. Writes need `Authorization: Bearer TOKEN`."
        ),
        docs_url=None,  # served by pages.docs from vendored Swagger UI files, not a CDN
        redoc_url=None,
    )
    app.state.web = state
    app.add_middleware(
        SecurityMiddleware,
        max_request_bytes=config.web.max_request_bytes,
        hosts=allowed_hosts(config, served_host),
    )
    app.mount("/static", StaticFiles(directory=str(_PACKAGE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)  # also the router's own 404 and 405
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_html(request):
            body = state.render("error.html", status=exc.status_code, message=str(exc.detail), title="Error")
            return HTMLResponse(body, status_code=exc.status_code, headers=exc.headers)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", ""))} for error in exc.errors()
        ]
        if _wants_html(request):
            message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
            body = state.render("error.html", status=422, message=message, title="Bad request")
            return HTMLResponse(body, status_code=422)
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> Response:
        # Our errors say what went wrong and what to do; the store or the model is at fault,
        # not the request, so 503.
        if _wants_html(request):
            body = state.render("error.html", status=503, message=str(exc), title="Unavailable")
            return HTMLResponse(body, status_code=503)
        return JSONResponse({"detail": str(exc)}, status_code=503)

    return app
