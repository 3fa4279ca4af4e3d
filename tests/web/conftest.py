"""Fixtures of the web tests: a store filled with hand-built results, and real uvicorn servers.

`web_store` holds five articles in three countries over four days (one with a hostile
headline), their events with places, dates, figures and evidence spans. `serve(...)` runs the
app with uvicorn on a free port of 127.0.0.1 in a thread and stops it afterwards.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from builders import make_event, make_place

from eventwire.config import Config, load_config
from eventwire.records import (
    Actor,
    Article,
    Attribution,
    Estimate,
    ExtractionResult,
    Quantity,
    ResolvedDate,
    Span,
)
from eventwire.store import Store

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"
TOKEN = "test-token-7f3a9c"
SERVER_START_TIMEOUT_S = 20.0


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(words, start, start + len(words))


def _result(
    article_id: str,
    title: str,
    published: str,
    text: str,
    events: list[dict[str, Any]],
    url: str | None = None,
    source: str = "wire",
) -> ExtractionResult:
    """An article and its events; each event dict names its words in `text`."""
    built = []
    places = []
    for number, spec in enumerate(events):
        place = make_place(
            spec["place"],
            lat=spec["lat"],
            lon=spec["lon"],
            country=spec["country"],
            span=_span(text, spec["place"]),
            geonameid=1000 + number,
        )
        places.append(place)
        killed = spec.get("killed")
        quantities = []
        if killed is not None:
            vouched = (
                Attribution(spec["source"], None, "NGO", _span(text, spec["source"]))
                if "source" in spec
                else None
            )
            quantities.append(
                Quantity(
                    "killed", killed, killed, killed, spec["figure"], _span(text, spec["figure"]), vouched
                )
            )
        sentence = _span(text, spec["sentence"])
        built.append(
            make_event(
                spec.get("type", "ASSAULT"),
                id=f"{article_id}-e{number}",
                article_id=article_id,
                acled_sub_event_type=spec.get("acled"),
                date=ResolvedDate(spec["date"], "day", spec["date_text"], _span(text, spec["date_text"])),
                location=place,
                quantities=quantities,
                fatalities=Estimate(killed, killed, killed, reports=quantities)
                if killed is not None
                else None,
                attributed_to=[quantities[0].source] if quantities and quantities[0].source else [],
                source_actors=[Actor(spec["actor"], None, "MIL", _span(text, spec["actor"]))]
                if "actor" in spec
                else [],
                evidence=sentence,
                trigger=_span(text, spec["trigger"]),
                confidence=0.8,
            )
        )
    article = Article(article_id, text, title, published, url, source)
    return ExtractionResult(article, built, places, data_fingerprint="fp-web")


def sample_results() -> list[ExtractionResult]:
    strike_text = (
        "Russian warplanes struck a market in Idlib on Friday, killing 12 civilians, the Syrian "
        "Observatory said.\n\nResidents said the strike hit at noon."
    )
    strike_text_2 = (
        "An air strike hit a market in Idlib on Friday. The civil defence said 15 people were killed.\n"
    )
    protest_text = "Thousands protested in Paris on Saturday against the pension reform.\n"
    clash_text = "Gunmen attacked a convoy near Gao on Monday, killing 4 soldiers, officials said.\n"
    hostile_text = (
        "Militants shelled Aleppo on Sunday, killing 3 people.\n"
        "<b>This is not bold</b> and <script>alert('text')</script> stays text."
    )
    return [
        _result("art-strike", "Strike on Idlib market", "2024-03-02", strike_text, [
            {"place": "Idlib", "lat": 35.93, "lon": 36.63, "country": "SYR", "date": "2024-03-01",
             "date_text": "Friday", "trigger": "struck", "sentence": strike_text.split("\n")[0],
             "killed": 12, "figure": "killing 12 civilians", "source": "the Syrian Observatory",
             "actor": "Russian warplanes", "acled": "Air/drone strike"},
        ], url="https://news.example.org/idlib-strike", source="Example News"),
        _result("art-strike-2", "Idlib: civil defence counts 15 dead", "2024-03-02", strike_text_2, [
            {"place": "Idlib", "lat": 35.93, "lon": 36.63, "country": "SYR", "date": "2024-03-01",
             "date_text": "Friday", "trigger": "hit", "sentence": strike_text_2.strip(),
             "killed": 15, "figure": "15 people were killed", "source": "The civil defence",
             "acled": "Air/drone strike"},
        ], url="javascript:alert(1)", source="Other Wire"),
        _result("art-protest", "Pension protest in Paris", "2024-03-03", protest_text, [
            {"type": "PROTEST", "place": "Paris", "lat": 48.85, "lon": 2.35, "country": "FRA",
             "date": "2024-03-02", "date_text": "Saturday", "trigger": "protested",
             "sentence": protest_text.strip(), "acled": "Peaceful protest"},
        ]),
        _result("art-gao", "Convoy attacked near Gao", "2024-03-05", clash_text, [
            {"place": "Gao", "lat": 16.27, "lon": -0.04, "country": "MLI", "date": "2024-03-04",
             "date_text": "Monday", "trigger": "attacked", "sentence": clash_text.strip(),
             "killed": 4, "figure": "killing 4 soldiers", "source": "officials", "acled": "Attack"},
        ]),
        _result("art-hostile", HOSTILE, "2024-03-04", hostile_text, [
            {"place": "Aleppo", "lat": 36.2, "lon": 37.16, "country": "SYR", "date": "2024-03-03",
             "date_text": "Sunday", "trigger": "shelled", "sentence": hostile_text.split("\n")[0],
             "killed": 3, "figure": "killing 3 people", "acled": "Shelling/artillery/missile attack"},
        ]),
    ]  # fmt: skip


def fill_store(path: Path) -> Path:
    with Store.open(path) as store:
        run_id = store.start_run("test", extractor="eventwire-test", data_fingerprint="fp-web")
        for result in sample_results():
            store.save_result(result, run_id)
        store.commit()
        _build_incidents(store)
    return path


def _build_incidents(store: Store) -> None:
    from eventwire.incidents import build_incidents

    build_incidents(store)
    store.commit()


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fill_store(tmp_path_factory.mktemp("web") / "eventwire.db")


@pytest.fixture(scope="session")
def base_config() -> Config:
    return load_config()


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port; yields its base URL."""
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def serve(monkeypatch_session: pytest.MonkeyPatch) -> Callable[..., contextlib.AbstractContextManager[str]]:
    """`with serve(db_path, token="...") as url:` runs the app over that store."""
    from eventwire.web import create_app

    @contextlib.contextmanager
    def run(
        db_path: Path,
        *,
        token: str = TOKEN,
        pipeline: Any = None,
        max_request_bytes: int = 200_000,
        config: Config | None = None,
        extra_routes: dict[str, Callable[..., Any]] | None = None,
    ) -> Iterator[str]:
        base = config or load_config()
        web = replace(base.web, token=token, max_request_bytes=max_request_bytes)
        app = create_app(db_path, config=replace(base, web=web), pipeline=pipeline)
        for path, endpoint in (extra_routes or {}).items():  # e.g. a route that fails on purpose
            app.add_api_route(path, endpoint)
        with running_server(app) as url:
            yield url

    return run


@pytest.fixture(scope="session")
def server(web_store: Path, serve: Callable[..., Any]) -> Iterator[str]:
    """The app over `web_store` with the write token `TOKEN`."""
    with serve(web_store) as url:
        yield url


@pytest.fixture(scope="session")
def monkeypatch_session() -> Iterator[pytest.MonkeyPatch]:
    # EVENTWIRE_TOKEN from the developer's shell must not decide what these tests see.
    patch = pytest.MonkeyPatch()
    patch.delenv("EVENTWIRE_TOKEN", raising=False)
    yield patch
    patch.undo()


@pytest.fixture(scope="session")
def pipeline():  # noqa: ANN201 - eventwire.Pipeline; tests asking for it are marked model
    from eventwire.pipeline import Pipeline

    return Pipeline.load(load_config())


@pytest.fixture(scope="session")
def token() -> str:
    """The write token of the `server` fixture."""
    return TOKEN


@pytest.fixture(scope="session")
def hostile() -> str:
    """The headline of article art-hostile: markup that must stay text."""
    return HOSTILE


@pytest.fixture(scope="session")
def make_store() -> Callable[[Path], Path]:
    """`make_store(path)` fills a new store file at `path` with the sample results."""
    return fill_store
