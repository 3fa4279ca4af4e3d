"""Writes need the token; hostile text stays text; every page is offline and under a strict CSP."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

PAGES = (
    "/",
    "/articles",
    "/articles?q=Idlib",
    "/articles/art-hostile",
    "/articles/art-strike",
    "/events/art-strike-e0",
    "/incidents",
    "/docs",
    "/nope-404",
)
ARTICLE = {
    "id": "api-1",
    "title": "Shelling in Hama",
    "date": "2024-03-06",
    "text": "Government forces shelled the town of Kafr Zita in Hama on Tuesday, killing two civilians.",
}


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as session:
        yield session


# --------------------------------------------------------------------------- writes


def test_writes_are_refused_when_no_token_is_configured(web_store: Path, serve: Callable[..., Any]) -> None:
    with serve(web_store, token="") as url:
        for path in ("/api/ingest", "/api/extract"):
            response = httpx.post(url + path, json=ARTICLE, headers={"Authorization": "Bearer anything"})
            assert response.status_code == 403
            assert "EVENTWIRE_TOKEN" in response.json()["detail"]
        assert httpx.get(url + "/api/health").json()["writes_enabled"] is False


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": "Basic {token}"},
        {"Authorization": "Bearer {token}x"},
        {"Authorization": "{token}"},
    ],
    ids=["none", "wrong", "basic", "longer", "no-scheme"],
)
def test_writes_without_the_right_token_are_refused(
    client: httpx.Client, headers: dict[str, str], token: str
) -> None:
    headers = {name: value.format(token=token) for name, value in headers.items()}
    before = client.get("/api/health").json()["counts"]["articles"]
    for path in ("/api/ingest", "/api/extract"):
        response = client.post(path, json=ARTICLE, headers=headers)
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/health").json()["counts"]["articles"] == before


def test_bodies_over_the_limit_are_refused_with_413(client: httpx.Client, token: str) -> None:
    big = {"text": "word " * 60_000}  # 300 kB, over the test server's 200 kB
    auth = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/ingest", json=big, headers=auth).status_code == 413

    def chunked() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(
        "/api/ingest", content=chunked(), headers={**auth, "Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_a_malformed_write_is_a_400(client: httpx.Client, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    assert client.post("/api/ingest", content=b"{not json", headers=auth).status_code == 400
    assert client.post("/api/ingest", content=b"[]", headers=auth).status_code == 400
    assert client.post("/api/ingest", content=b"[1, 2]", headers=auth).status_code == 400
    assert client.post("/api/extract", content=b'{"title": "no text"}', headers=auth).status_code == 400


@pytest.mark.model
def test_writes_with_the_token_store_extract_and_report(
    tmp_path: Path, serve: Callable[..., Any], pipeline: Any, make_store: Callable[[Path], Path], token: str
) -> None:
    store = make_store(tmp_path / "eventwire.db")
    auth = {"Authorization": f"Bearer {token}"}
    with serve(store, pipeline=pipeline) as url, httpx.Client(base_url=url, timeout=120) as client:
        extracted = client.post(
            "/api/extract", json={"text": ARTICLE["text"], "published": "2024-03-06"}, headers=auth
        )
        assert extracted.status_code == 200, extracted.text
        assert any(event["type"] == "ASSAULT" for event in extracted.json()["events"])
        assert client.get("/api/health").json()["counts"]["articles"] == 5  # extract stores nothing

        second = {**ARTICLE, "id": "api-2", "text": "Protesters gathered in Beirut on Monday."}
        ingested = client.post("/api/ingest", json=[ARTICLE, second, {"text": ""}], headers=auth)
        assert ingested.status_code == 200, ingested.text
        body = ingested.json()
        assert body["articles"] == ["api-1", "api-2"]
        assert len(body["failures"]) == 1 and body["failures"][0]["source"] == "api:3"
        assert body["summary"]["new"] == 2
        assert body["incidents_updated"] is (importlib.util.find_spec("eventwire.incidents") is not None)
        assert client.get("/api/health").json()["counts"]["articles"] == 7
        stored = client.get("/api/articles/api-1").json()
        assert stored["article"]["title"] == "Shelling in Hama"
        assert stored["events"], "the ingested article was extracted"
        again = client.post("/api/ingest", json=ARTICLE, headers=auth).json()
        assert again["summary"]["skipped"] == 1 and again["summary"]["new"] == 0


# --------------------------------------------------------------------------- hostile text


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.script_bodies.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_bodies[-1] += data


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_the_hostile_headline_is_served_as_text(client: httpx.Client, hostile: str) -> None:
    for path in ("/articles/art-hostile", "/articles", "/articles?q=Aleppo", "/events/art-hostile-e0"):
        html = client.get(path).text
        assert hostile not in html, path
        assert "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    page = client.get("/articles/art-hostile").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;This is not bold&lt;/b&gt;" in page
    tags = _parse(page).tags
    assert not [attrs for tag, attrs in tags if tag == "img"]
    assert all(attrs.get("src", "").startswith("/static/") for tag, attrs in tags if tag == "script")


def test_a_javascript_url_is_never_a_link(client: httpx.Client) -> None:
    page = client.get("/articles/art-strike-2").text
    hrefs = [attrs.get("href") or "" for tag, attrs in _parse(page).tags if tag == "a"]
    assert not [href for href in hrefs if href.lower().startswith("javascript:")]
    linked = client.get("/articles/art-strike").text
    assert 'href="https://news.example.org/idlib-strike"' in linked


def test_pages_have_no_inline_scripts_or_handlers(client: httpx.Client) -> None:
    for path in PAGES:
        parsed = _parse(client.get(path).text)
        assert all(not body.strip() for body in parsed.script_bodies), path
        for tag, attrs in parsed.tags:
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
            if tag == "script":
                assert attrs.get("src"), path


def test_every_response_has_the_security_headers(client: httpx.Client) -> None:
    for path in (*PAGES, "/api/health", "/api/events?limit=1", "/static/map.js", "/openapi.json"):
        response = client.get(path)
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy, path
        assert re.search(r"script-src 'self'(;|$)", policy), policy
        assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
        assert response.headers.get("x-content-type-options") == "nosniff", path


def _assert_security_headers(response: httpx.Response) -> None:
    assert "default-src 'self'" in response.headers.get("content-security-policy", "")
    assert response.headers.get("x-content-type-options") == "nosniff"


# --------------------------------------------------------------------------- host names


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example", ""])
def test_a_request_for_another_host_name_is_refused(server: str, host: str) -> None:
    # A page on evil.example whose name resolves to 127.0.0.1 sends Host: evil.example.
    response = httpx.get(server + "/api/events", headers={"Host": host})
    assert response.status_code == 400
    assert "allowed_hosts" in response.json()["detail"]
    assert "events" not in response.json()
    _assert_security_headers(response)


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "LOCALHOST:{port}", "127.0.0.1:{port}", "[::1]:{port}"]
)
def test_loopback_host_names_are_answered(server: str, host: str) -> None:
    port = urlsplit(server).port
    response = httpx.get(server + "/api/health", headers={"Host": host.format(port=port)})
    assert response.status_code == 200


def test_configured_host_names_are_answered(web_store: Path, serve: Callable[..., Any]) -> None:
    from dataclasses import replace

    from eventwire.config import load_config

    base = load_config()
    config = replace(base, web=replace(base.web, allowed_hosts="events.example.org, 10.1.2.3"))
    with serve(web_store, config=config) as url:
        for host, status in (("events.example.org", 200), ("10.1.2.3:8000", 200), ("other.example", 400)):
            assert httpx.get(url + "/api/health", headers={"Host": host}).status_code == status, host


# --------------------------------------------------------------------------- unexpected errors


def test_an_unexpected_error_is_a_plain_500_with_the_headers(
    web_store: Path, serve: Callable[..., Any]
) -> None:
    def fails() -> None:
        raise RuntimeError("secret detail /internal/path")

    with serve(web_store, extra_routes={"/api/fails": fails}) as url:
        response = httpx.get(url + "/api/fails")
        assert response.status_code == 500
        assert "see the server log" in response.json()["detail"]
        assert "secret detail" not in response.text and "Traceback" not in response.text
        _assert_security_headers(response)
        assert httpx.get(url + "/api/health").status_code == 200  # the server goes on


# --------------------------------------------------------------------------- offline


def _resources(base: str, html: str) -> list[str]:
    """What a page makes the browser load: scripts, stylesheets, images, frames."""
    found = []
    for tag, attrs in _parse(html).tags:
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and attrs.get("src"):
            found.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            found.append(attrs["href"])
    return [urljoin(base + "/", url) for url in found if url and not url.startswith("data:")]


def test_nothing_is_loaded_from_another_host(client: httpx.Client, server: str) -> None:
    own_host = urlsplit(server).netloc
    assets: set[str] = set()
    for path in PAGES:
        for url in _resources(server, client.get(path).text):
            assert urlsplit(url).netloc == own_host, (path, url)
            assets.add(url)
    assert any("leaflet.js" in url for url in assets) and any("swagger-ui-bundle.js" in url for url in assets)
    for url in sorted(assets):
        response = client.get(url)
        assert response.status_code == 200, url
        if url.endswith(".css"):
            # A stylesheet loads what its url(...) names: only files beside it, or data: URIs.
            for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", response.text):
                assert target.startswith("data:") or not urlsplit(target).netloc, (url, target)
                if not target.startswith("data:"):
                    assert client.get(urljoin(url, target)).status_code == 200, (url, target)
        if "/vendor/" not in url:
            # Our own scripts and styles name no other host at all.
            assert not re.search(r"https?://", response.text), url


def test_the_docs_page_works_offline(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = [attrs["src"] for tag, attrs in _parse(page.text).tags if tag == "script"]
    assert "/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js" in scripts
    assert "/static/docs.js" in scripts
    init = client.get("/static/docs.js").text
    assert "/openapi.json" in init and "validatorUrl: null" in init
    assert client.get("/openapi.json").json()["info"]["title"] == "eventwire"


def test_html_errors_are_pages_and_api_errors_are_json(client: httpx.Client) -> None:
    cases = [
        ("/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", 404),
        ("/articles?since=bad", 400),
        ("/no-such-page", 404),
        ("/events/nope", 404),
        ("/incidents/nope", 404),
        ("/articles?limit=0", 422),
    ]
    for path, status in cases:
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert "content-security-policy" in response.headers
        assert "<img src=x" not in response.text
    assert (
        "&lt;img src=x onerror=alert(1)&gt;"
        in client.get("/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").text
    )
    for path in ("/api/no-such-thing", "/api/articles/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/json"
